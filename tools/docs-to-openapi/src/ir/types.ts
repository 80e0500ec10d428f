/**
 * The intermediate representation between docs pages and OpenAPI. Names are full OData names
 * (`microsoft.graph.industryData.basicFilter`); every item records where in the docs it came from.
 */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

export type Primitive =
  | 'String'
  | 'Boolean'
  | 'Int16'
  | 'Int32'
  | 'Int64'
  | 'Byte'
  | 'Double'
  | 'Single'
  | 'Decimal'
  | 'DateTimeOffset'
  | 'Date'
  | 'TimeOfDay'
  | 'Duration'
  | 'Guid'
  | 'Binary'
  | 'Stream';

export type TypeRef =
  | { readonly kind: 'primitive'; readonly name: Primitive; readonly collection: boolean }
  | { readonly kind: 'named'; readonly name: string; readonly collection: boolean };

export interface PropertyIR {
  readonly name: string;
  readonly type: TypeRef;
  readonly description: string;
  readonly readOnly: boolean;
  readonly deprecated: boolean;
  /** The date the pages say a deprecated property will be removed on (ISO), when they give one. */
  readonly removalDate?: string;
  readonly source: SourceRef;
}

export interface NavigationIR {
  readonly name: string;
  readonly target: string;
  readonly collection: boolean;
  readonly description: string;
  readonly source: SourceRef;
}

export interface TypeIR {
  readonly name: string;
  readonly namespace: string;
  readonly shortName: string;
  readonly kind: 'entity' | 'complex';
  readonly baseType: string | undefined;
  readonly abstract: boolean;
  readonly openType: boolean;
  readonly keyProperty: string | undefined;
  readonly description: string;
  readonly properties: readonly PropertyIR[];
  readonly navigations: readonly NavigationIR[];
  /** Known derived types (direct and indirect), sorted; filled for every type that has any. */
  readonly derived: readonly string[];
  readonly source: SourceRef;
  /** True when no page describes the type and it was made up from what other pages say of it. */
  readonly synthesized: boolean;
  /** True for a type of another namespace that pages refer to but no page of the folder documents. */
  readonly external?: boolean;
}

export interface EnumIR {
  readonly name: string;
  readonly members: readonly string[];
  /** A flags enum: a value may combine members, comma-separated (`joiner,leaver`). */
  readonly flags?: true;
  readonly source: SourceRef;
}

export interface ScopeSet {
  readonly leastPrivileged: readonly string[];
  readonly higherPrivileged: readonly string[];
  /** The page names its permissions joined by "and": the call needs all of `leastPrivileged` at once. */
  readonly together?: true;
}

export interface PermissionsIR {
  /** `undefined`: the docs say nothing; `null`: not supported. */
  readonly delegatedWork: ScopeSet | null | undefined;
  readonly delegatedPersonal: ScopeSet | null | undefined;
  readonly application: ScopeSet | null | undefined;
  readonly source: SourceRef;
}

export interface AcceptedProperty {
  readonly name: string;
  readonly required: boolean;
  readonly source: SourceRef;
}

export interface ExampleIR {
  readonly name: string;
  readonly value: unknown;
  readonly source: SourceRef;
}

export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'action' | 'function';

export interface HeaderIR {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly source: SourceRef;
}

export interface ParameterIR {
  readonly name: string;
  /** Undefined when the table gives no type. */
  readonly type: TypeRef | undefined;
  readonly description: string;
  readonly required: boolean;
  readonly source: SourceRef;
}

export interface OperationIR {
  readonly id: string;
  readonly kind: OperationKind;
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  /** Types the request body may be (one per documented subtype page), sorted; empty when no body. */
  readonly requestTypes: readonly string[];
  /**
   * An action's parameters, when the body is an object of them rather than a resource ("Parameter | Type |
   * Description" and no resource named); `requestTypes` is then empty.
   */
  readonly requestParameters?: readonly ParameterIR[];
  /** A function's parameters its path does not carry: the query string's (`?resetSession=true`). */
  readonly functionParameters?: readonly ParameterIR[];
  /** The request headers the pages name beyond the transport's (If-Match, Prefer, ConsistencyLevel). */
  readonly headerParameters?: readonly HeaderIR[];
  /** Per body type: the properties the request-body table accepts. Absent when the page has no table. */
  readonly acceptedProperties: Readonly<Record<string, readonly AcceptedProperty[]>>;
  /** The success status the pages state; undefined when none does (the spec then says 2XX). */
  readonly status: number | undefined;
  readonly responseTypes: readonly string[];
  readonly responseCollection: boolean;
  /** The request body is bytes (a Stream property's content), not JSON. */
  readonly requestStream?: boolean;
  /** A second success with its own body (planner's 200 with `Prefer: return=representation` beside 204). */
  readonly alternateResponse?: {
    readonly status: number;
    readonly types: readonly string[];
    readonly collection: boolean;
  };
  /** The request body is markup of these media types (OneNote pages: `text/html`, `multipart/form-data`). */
  readonly requestMediaTypes?: readonly string[];
  /** The response body is bytes: a GET of a Stream property or `$value`. */
  readonly responseStream?: boolean;
  /** Headers the success response's example shows beyond Content-* (Location), sorted. */
  readonly responseHeaders?: readonly string[];
  readonly queryParameters: readonly string[];
  readonly requestExamples: readonly ExampleIR[];
  readonly responseExamples: readonly ExampleIR[];
  readonly permissions: PermissionsIR | undefined;
  /** The resource pages whose Methods table links a page of this operation (empty: no Methods table does). */
  readonly listedBy: readonly string[];
  /** The API pages and request example names this operation was derived from: its stable identity. */
  readonly pages: readonly string[];
  readonly exampleNames: readonly string[];
  readonly source: SourceRef;
}

export interface SpecIR {
  /** The Graph version the pages document (`beta`, `v1.0`): the server the spec addresses. */
  readonly version: 'beta' | 'v1.0';
  readonly namespaces: readonly string[];
  readonly types: readonly TypeIR[];
  readonly enums: readonly EnumIR[];
  readonly operations: readonly OperationIR[];
}
