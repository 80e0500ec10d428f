import {
  createUntypedArray,
  createUntypedBoolean,
  createUntypedNodeFromDiscriminatorValue,
  createUntypedNull,
  createUntypedNumber,
  createUntypedObject,
  createUntypedString,
  DateOnly,
  Duration,
  type Guid,
  type Parsable,
  type ParsableFactory,
  type ParseNode,
  type ParseNodeFactory,
  type PrimitiveTypesForDeserializationForCollection,
  TimeOnly,
  type UntypedNode,
} from '@microsoft/kiota-abstractions';

function untyped(value: unknown): UntypedNode {
  if (value === null || value === undefined) return createUntypedNull();
  if (typeof value === 'boolean') return createUntypedBoolean(value);
  if (typeof value === 'number') return createUntypedNumber(value);
  if (typeof value === 'string') return createUntypedString(value);
  if (Array.isArray(value)) return createUntypedArray(value.map(untyped));
  const properties: Record<string, UntypedNode> = {};
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(properties, k, {
      value: untyped(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return createUntypedObject(properties);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a `__proto__` key in a payload stays data.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A JSON parse node over an already-parsed value. Compared with Kiota's JsonParseNode it asks the factory for
 * a model's field readers once per object (not three times), and reads JSON null and open-typed values
 * directly from `raw`; what it returns is the same.
 */
export class FastJsonParseNode implements ParseNode {
  onBeforeAssignFieldValues: ((value: Parsable) => void) | undefined;
  onAfterAssignFieldValues: ((value: Parsable) => void) | undefined;

  constructor(readonly raw: unknown) {}

  getStringValue(): string | undefined {
    return typeof this.raw === 'string' ? this.raw : undefined;
  }

  getChildNode(identifier: string): ParseNode | undefined {
    const raw = this.raw;
    if (!raw || typeof raw !== 'object') return undefined;
    const child = (raw as Record<string, unknown>)[identifier];
    return child === undefined || !Object.hasOwn(raw, identifier) ? undefined : new FastJsonParseNode(child);
  }

  getBooleanValue(): boolean | undefined {
    return typeof this.raw === 'boolean' ? this.raw : undefined;
  }

  getNumberValue(): number | undefined {
    return typeof this.raw === 'number' ? this.raw : undefined;
  }

  getGuidValue(): Guid | undefined {
    return typeof this.raw === 'string' ? (this.raw as unknown as Guid) : undefined;
  }

  getDateValue(): Date | undefined {
    if (typeof this.raw !== 'string') return undefined;
    const date = new Date(this.raw);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }

  getDurationValue(): Duration | undefined {
    return typeof this.raw === 'string' ? Duration.parse(this.raw) : undefined;
  }

  getDateOnlyValue(): DateOnly | undefined {
    return typeof this.raw === 'string' ? (DateOnly.parse(this.raw) ?? undefined) : undefined;
  }

  getTimeOnlyValue(): TimeOnly | undefined {
    return typeof this.raw === 'string' ? (TimeOnly.parse(this.raw) ?? undefined) : undefined;
  }

  getCollectionOfPrimitiveValues<T>(
    primitiveType: PrimitiveTypesForDeserializationForCollection,
  ): T[] | undefined {
    if (!Array.isArray(this.raw)) return undefined;
    return this.raw.map((item) => {
      if (item === null) return null;
      switch (primitiveType) {
        case 'string':
        case 'boolean':
        case 'number':
          if (typeof item !== primitiveType)
            throw new Error(`expected a ${primitiveType} in the collection, found ${typeof item}`);
          return item;
        default:
          return new FastJsonParseNode(item)[`get${primitiveType}Value` as 'getDateValue']();
      }
    }) as T[];
  }

  getCollectionOfObjectValues<T extends Parsable>(factory: ParsableFactory<T>): T[] | undefined {
    if (!Array.isArray(this.raw)) return undefined;
    return this.raw.map((item) => new FastJsonParseNode(item).getObjectValue(factory));
  }

  getObjectValue<T extends Parsable>(factory: ParsableFactory<T>): T {
    if (factory === (createUntypedNodeFromDiscriminatorValue as unknown))
      return untyped(this.raw) as unknown as T;
    const model = {} as Record<string, unknown>;
    this.onBeforeAssignFieldValues?.(model as Parsable);
    const raw = this.raw;
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const fields = factory(this)(model as Partial<T>);
      for (const key of Object.keys(raw)) {
        const value = (raw as Record<string, unknown>)[key];
        const read = fields[key];
        if (read) read(new FastJsonParseNode(value));
        else {
          const extra = (model.additionalData ??= {}) as Record<string, unknown>;
          if (key === '__proto__') setOwn(extra, key, value);
          else extra[key] = value;
        }
      }
    }
    this.onAfterAssignFieldValues?.(model as Parsable);
    return model as T;
  }

  getCollectionOfEnumValues<T>(type: Record<string, T>): T[] {
    if (!Array.isArray(this.raw)) return [];
    const members = new Set(Object.values(type));
    return this.raw.filter((v) => members.has(v as T)) as T[];
  }

  getEnumValue<T>(type: Record<string, T>): T | undefined {
    return Object.values(type).includes(this.raw as T) ? (this.raw as T) : undefined;
  }

  getByteArrayValue(): ArrayBuffer | undefined {
    if (typeof this.raw !== 'string') return undefined;
    const bytes = Buffer.from(this.raw, 'base64');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
}

export class FastJsonParseNodeFactory implements ParseNodeFactory {
  getValidContentType(): string {
    return 'application/json';
  }

  getRootParseNode(contentType: string, content: ArrayBuffer): ParseNode {
    if (!/json/i.test(contentType)) throw new Error(`expected a JSON content type, got ${contentType}`);
    return new FastJsonParseNode(JSON.parse(new TextDecoder().decode(content)));
  }
}
