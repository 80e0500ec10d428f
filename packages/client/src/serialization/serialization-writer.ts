import type {
  DateOnly,
  Duration,
  Guid,
  ModelSerializerFunction,
  Parsable,
  SerializationWriter,
  SerializationWriterFactory,
  TimeOnly,
} from '@microsoft/kiota-abstractions';
import { isUntypedNode, type UntypedNode } from '@microsoft/kiota-abstractions';

type Container = Record<string, unknown> | unknown[];

function untypedToJson(node: UntypedNode): unknown {
  const value = node.getValue() as unknown;
  if (Array.isArray(value)) return value.map((v) => untypedToJson(v as UntypedNode));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, untypedToJson(v as UntypedNode)]));
  return value ?? null;
}

/**
 * A JSON serialization writer that builds the value as a JavaScript object and stringifies it once, instead of
 * concatenating string fragments. Same output as Kiota's JsonSerializationWriter: undefined is left out, null is
 * written, additional data is merged into its object.
 */
export class FastJsonSerializationWriter implements SerializationWriter {
  onBeforeObjectSerialization: ((value: Parsable) => void) | undefined;
  onAfterObjectSerialization: ((value: Parsable) => void) | undefined;
  onStartObjectSerialization: ((value: Parsable, writer: SerializationWriter) => void) | undefined;

  private root: unknown = undefined;
  private readonly stack: Container[] = [];

  private put(key: string | undefined, value: unknown): void {
    if (value === undefined) return;
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) this.root = value;
    else if (Array.isArray(top)) top.push(value);
    else if (key === '__proto__')
      Object.defineProperty(top, key, { value, enumerable: true, writable: true, configurable: true });
    else if (key !== undefined) top[key] = value;
  }

  writeStringValue(key?: string, value?: string | null): void {
    this.put(key, value);
  }

  writeBooleanValue(key?: string, value?: boolean | null): void {
    this.put(key, value);
  }

  writeNumberValue(key?: string, value?: number | null): void {
    this.put(key, value);
  }

  writeGuidValue(key?: string, value?: Guid | null): void {
    this.put(key, value === null ? null : value?.toString());
  }

  writeDateValue(key?: string, value?: Date | null): void {
    this.put(key, value === null ? null : value?.toISOString());
  }

  writeDurationValue(key?: string, value?: Duration | null): void {
    this.put(key, value === null ? null : value?.toString());
  }

  writeTimeOnlyValue(key?: string, value?: TimeOnly | null): void {
    this.put(key, value === null ? null : value?.toString());
  }

  writeDateOnlyValue(key?: string, value?: DateOnly | null): void {
    this.put(key, value === null ? null : value?.toString());
  }

  writeByteArrayValue(key?: string, value?: ArrayBuffer | null): void {
    this.put(key, value === null ? null : value ? Buffer.from(value).toString('base64') : undefined);
  }

  writeNullValue(key?: string): void {
    this.put(key, null);
  }

  writeCollectionOfPrimitiveValues<T>(key?: string, values?: T[] | null): void {
    this.put(
      key,
      values === null
        ? null
        : values
          ? values.map((v) => (v instanceof Date ? v.toISOString() : v))
          : undefined,
    );
  }

  writeCollectionOfObjectValues<T extends Parsable>(
    key?: string,
    values?: T[] | null,
    serializer?: ModelSerializerFunction<T>,
  ): void {
    if (values === undefined) return;
    if (values === null) {
      this.put(key, null);
      return;
    }
    const array: unknown[] = [];
    this.put(key, array);
    this.stack.push(array);
    for (const v of values) this.writeObjectValue(undefined, v, serializer);
    this.stack.pop();
  }

  writeObjectValue<T extends Parsable>(
    key?: string,
    value?: T | null,
    serializer?: ModelSerializerFunction<T>,
  ): void {
    if (value === undefined) return;
    if (value === null || isUntypedNode(value)) {
      this.put(key, value === null ? null : untypedToJson(value));
      return;
    }
    const object: Record<string, unknown> = {};
    this.onBeforeObjectSerialization?.(value);
    this.put(key, object);
    this.stack.push(object);
    this.onStartObjectSerialization?.(value, this);
    serializer?.(this, value);
    this.onAfterObjectSerialization?.(value);
    this.stack.pop();
  }

  writeEnumValue<T>(key?: string, ...values: (T | null | undefined)[]): void {
    const present = values.filter((v) => v !== undefined);
    if (present.length === 0) return;
    this.put(key, present.some((v) => v === null) ? null : present.map(String).join(','));
  }

  writeCollectionOfEnumValues<T>(key?: string, values?: (T | null | undefined)[]): void {
    this.put(key, values === null ? null : values?.filter((v) => v !== undefined));
  }

  writeAdditionalData(value: Record<string, unknown> | undefined): void {
    if (!value) return;
    for (const [k, v] of Object.entries(value)) this.put(k, v instanceof Date ? v.toISOString() : v);
  }

  getSerializedContent(): ArrayBuffer {
    const bytes = new TextEncoder().encode(this.root === undefined ? '' : JSON.stringify(this.root));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
}

export class FastJsonSerializationWriterFactory implements SerializationWriterFactory {
  getValidContentType(): string {
    return 'application/json';
  }

  getSerializationWriter(contentType: string): SerializationWriter {
    if (!/json/i.test(contentType)) throw new Error(`expected a JSON content type, got ${contentType}`);
    return new FastJsonSerializationWriter();
  }
}
