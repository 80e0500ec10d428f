/**
 * The generator's IR: a model graph (names resolved, bases and derived types linked, sorted) and a resource
 * tree (one node per URL segment, with the operations it answers).
 */
export type PrimitiveKind = 'string' | 'boolean' | 'number' | 'dateTime' | 'guid' | 'untyped';

export type PropertyType =
  | { readonly kind: 'primitive'; readonly primitive: PrimitiveKind; readonly format: string | undefined }
  | { readonly kind: 'enum'; readonly target: string }
  | { readonly kind: 'model'; readonly target: string };

export interface PropertyIR {
  readonly wireName: string;
  readonly name: string;
  readonly type: PropertyType;
  readonly collection: boolean;
  readonly description: string | undefined;
  readonly readOnly: boolean;
  /** A navigation property (`x-ms-navigationProperty`): a relationship, not part of the resource's own data. */
  readonly navigation: boolean;
  /**
   * Whether the property is written in a request body (POST, PATCH). False when the service sets it: marked
   * `readOnly`, or not among the properties the request-body tables of its type (and the types derived from
   * it) accept; a navigation property is sent only when such a table lists it.
   */
  readonly sent: boolean;
}

export interface ModelIR {
  /** Full OData name, or a synthesized name for collection responses. */
  readonly fullName: string;
  readonly name: string;
  readonly namespace: string;
  readonly base: string | undefined;
  /** Every derived type, direct or not, sorted by full name. */
  readonly derived: readonly string[];
  readonly abstract: boolean;
  readonly properties: readonly PropertyIR[];
  readonly description: string | undefined;
  /** Whether `@odata.type` identifies this type on the wire (Graph types do; synthesized envelopes do not). */
  readonly discriminated: boolean;
  /**
   * The types a value declared as this one can be: its concrete self and concrete derived types, sorted; an
   * abstract type no page derives stands for itself.
   */
  readonly concrete: readonly string[];
  /**
   * Whether a value of this type must say so in `@odata.type`: a concrete derived type that no property or
   * body declares directly is only ever sent where a base is declared, so the service needs the name.
   */
  readonly odataTypeRequired: boolean;
}

export interface EnumIR {
  readonly fullName: string;
  readonly name: string;
  readonly namespace: string;
  readonly members: readonly string[];
  readonly description: string | undefined;
}

export type SendKind = 'model' | 'none';

export interface OperationIR {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  readonly operationId: string;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  /** The model the body is serialized as (a base type when the body is one of several subtypes). */
  readonly requestModel: string | undefined;
  readonly responseModel: string | undefined;
  /** The documented success status; undefined when the spec gives only the 2XX range. */
  readonly successStatus: number | undefined;
  readonly queryParameters: readonly QueryParameterIR[];
  /**
   * Whether the default middleware sends it again after 429, 503 or 504 without the caller opting in: an
   * idempotent method (GET, PUT, DELETE), unless the spec marks it otherwise (`x-sds-retry-safe`).
   */
  readonly retrySafe: boolean;
}

export interface QueryParameterIR {
  readonly wireName: string;
  readonly name: string;
  readonly type: 'string' | 'number' | 'boolean' | 'string[]';
  readonly description: string | undefined;
}

export interface TreeNode {
  /** The URL segment (`outboundProvisioningFlowSets`), or the parameter name for an item node. */
  readonly segment: string;
  readonly isItem: boolean;
  /** Folder path of the node's file, relative to the generated root (`external/industryData/...`). */
  readonly folder: string;
  readonly builderName: string;
  /** Path template from the root, with `{param}` segments. */
  readonly path: string;
  readonly operations: readonly OperationIR[];
  readonly children: readonly TreeNode[];
}

export interface GeneratorIR {
  readonly title: string;
  readonly version: string;
  readonly serverUrl: string;
  readonly models: readonly ModelIR[];
  readonly enums: readonly EnumIR[];
  readonly root: TreeNode;
  readonly errorModel: string | undefined;
}
