/** The subset of OpenAPI 3.0 the toolkit reads and writes, with the Graph extensions it uses. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; license?: { name: string; url?: string } };
  servers?: { url: string; description?: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes?: Record<string, unknown>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
  };
  tags?: { name: string; description?: string }[];
  [extension: `x-${string}`]: unknown;
}

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';
export const httpMethods: readonly HttpMethod[] = ['get', 'post', 'patch', 'put', 'delete'];

export interface PathItem {
  parameters?: ParameterObject[];
  get?: OperationObject;
  post?: OperationObject;
  patch?: OperationObject;
  put?: OperationObject;
  delete?: OperationObject;
  [extension: `x-${string}`]: unknown;
}

export interface OperationObject {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  [extension: `x-${string}`]: unknown;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
  style?: string;
  explode?: boolean;
  [extension: `x-${string}`]: unknown;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  examples?: Record<
    string,
    { summary?: string; description?: string; value: unknown; [extension: `x-${string}`]: unknown }
  >;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export interface SchemaObject {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  nullable?: boolean;
  readOnly?: boolean;
  deprecated?: boolean;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | SchemaObject;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  [extension: `x-${string}`]: unknown;
}
