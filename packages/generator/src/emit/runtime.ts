import { Printer } from '../printer/printer.js';
import { generatedHeader } from './header.js';

export const runtimeFile = 'runtime.ts';

/**
 * What a request body leaves out: properties the service sets (the serializers ask `inRequestBody()`) and
 * annotations read from a response. Serialization is synchronous, so a depth counter scoped to one
 * `requestBody` call says whether the value being written is a request body, at any depth and with any
 * SerializationWriter (this client's or an existing Graph app's).
 */
function emitRequestBodyHelpers(p: Printer): void {
  p.line('let requestBodyDepth = 0;');
  p.line();
  p.doc([
    'Whether the value being written is (part of) a request body: properties the service sets are left out.',
  ]);
  p.block('export function inRequestBody(): boolean {', () => {
    p.line('return requestBodyDepth > 0;');
  });
  p.line();
  p.doc(["The serializer of a request body: the model's own, writing only what a POST or PATCH may carry."]);
  p.block(
    'export function requestBody<T>(serialize: (writer: SerializationWriter, value?: Partial<T> | null) => void): (writer: SerializationWriter, value?: Partial<T> | null) => void {',
    () => {
      p.block(
        'return (writer, value) => {',
        () => {
          p.line('requestBodyDepth++;');
          p.lines(['try {', '  serialize(writer, value);', '} finally {', '  requestBodyDepth--;', '}']);
        },
        '};',
      );
    },
  );
  p.line();
  p.doc([
    'Additional data as a request body may carry it: without annotations read from a response (`@odata.context`,',
    '`@odata.etag`, `x@odata.navigationLink`), keeping `x@odata.bind`, which links to another resource.',
    'Outside a request body it is written as read, so a round trip keeps everything.',
  ]);
  p.block(
    'export function sendable(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {',
    () => {
      p.line(
        "if (!data || requestBodyDepth === 0 || !Object.keys(data).some((k) => k.includes('@'))) return data;",
      );
      p.line('const kept: Record<string, unknown> = {};');
      p.block('for (const [key, value] of Object.entries(data)) {', () => {
        p.line("if (key.includes('@') && !key.endsWith('@odata.bind')) continue;");
        p.line(
          'Object.defineProperty(kept, key, { value, enumerable: true, writable: true, configurable: true });',
        );
      });
      p.line('return kept;');
    },
  );
}

/** Helpers the generated models share: evolvable enums, JSON null versus absent, and open-typed values. */
export function emitRuntime(source: string): string {
  const p = new Printer().lines(generatedHeader(source));
  p.line(
    "import { createUntypedNodeFromDiscriminatorValue, isUntypedArray, isUntypedNull, isUntypedObject, type ParseNode, type SerializationWriter, type UntypedNode } from '@microsoft/kiota-abstractions';",
  );
  p.line();
  p.doc([
    'An enum value as sent on the wire: one of the known members, or a value this client does not know yet',
    '(Graph enums are evolvable), kept as is so that nothing is lost on a round trip.',
  ]);
  p.line('export type Evolvable<T extends string> = T | (string & Record<never, never>);');
  p.line();
  p.doc([
    'null when the JSON value at `node` is null, else undefined. Called only after the typed read found',
    'nothing (or an empty object), so the untyped read it makes is of a null or a trivial value.',
  ]);
  p.block('export function nullOrUndefined(node: ParseNode): null | undefined {', () => {
    // Parse nodes that expose the parsed JSON as `raw` (this client's own) are read directly.
    p.line("if ('raw' in node) return (node as { raw: unknown }).raw === null ? null : undefined;");
    p.line(
      'return isUntypedNull(node.getObjectValue(createUntypedNodeFromDiscriminatorValue)) ? null : undefined;',
    );
  });
  p.line();
  p.doc(['Reads an object, keeping JSON null as null (a typed read would turn it into an empty object).']);
  p.block('export function objectOrNull<T>(node: ParseNode, read: () => T): T | null {', () => {
    p.line('const value = read();');
    p.line("if (value && typeof value === 'object' && Object.keys(value).length > 0) return value;");
    p.line('return nullOrUndefined(node) === null ? null : value;');
  });
  p.line();
  p.doc(['A value of a type the spec leaves open, read as plain JSON.']);
  p.block('export function readJson(node: ParseNode): unknown {', () => {
    p.line("if ('raw' in node) return (node as { raw: unknown }).raw;");
    p.line('return untypedToJson(node.getObjectValue(createUntypedNodeFromDiscriminatorValue));');
  });
  p.line();
  p.block('function untypedToJson(node: UntypedNode): unknown {', () => {
    p.line('if (isUntypedArray(node)) return node.getValue().map(untypedToJson);');
    p.line(
      'if (isUntypedObject(node)) return Object.fromEntries(Object.entries(node.getValue()).map(([k, v]) => [k, untypedToJson(v)]));',
    );
    p.line('return node.getValue();');
  });
  p.line();
  p.doc([
    'Writes a value of a type the spec leaves open as plain JSON: through writeAdditionalData, which writes',
    'nested values with JSON.stringify (the untyped-node writer drops empty property names).',
  ]);
  p.block(
    'export function writeJson(writer: SerializationWriter, key: string, value: unknown): void {',
    () => {
      p.line('if (value !== undefined) writer.writeAdditionalData({ [key]: value });');
    },
  );
  p.line();
  p.doc([
    "Where a deserializer keeps its static reader table: parse nodes that know it (this client's own) read",
    'models without binding a closure per property.',
  ]);
  p.line("export const readersKey: unique symbol = Symbol.for('sds-toolkit.readers');");
  p.line();
  p.doc(["Binds a static reader table to the model being read, as Kiota's parse nodes expect."]);
  p.block(
    'export function bindReaders<T>(readers: Record<string, (value: T, n: ParseNode) => void>, value: T): Record<string, (node: ParseNode) => void> {',
    () => {
      p.line('const bound: Record<string, (node: ParseNode) => void> = {};');
      p.line('for (const key of Object.keys(readers)) {');
      p.line('  const read = readers[key] as (value: T, n: ParseNode) => void;');
      p.line('  bound[key] = (n) => read(value, n);');
      p.line('}');
      p.line('return bound;');
    },
  );
  p.line();
  p.block('export function attachReaders(deserializer: object, readers: object): void {', () => {
    p.line('Object.defineProperty(deserializer, readersKey, { value: readers });');
  });
  p.line();
  emitRequestBodyHelpers(p);
  return p.toString();
}
