import type { ModelSerializerFunction, Parsable, ParsableFactory } from '@microsoft/kiota-abstractions';
import { JsonParseNode, JsonSerializationWriter } from '@microsoft/kiota-serialization-json';
// The serializers and factories are internal (the package exports models and builders): read from the sources.
import * as models from '../src/generated/index.js';
import { FastJsonParseNode } from '../src/serialization/parse-node.js';
import { FastJsonSerializationWriter } from '../src/serialization/serialization-writer.js';

const exports = models as unknown as Record<string, unknown>;
const shortName = (fullName: string) => {
  const short = fullName.slice(fullName.lastIndexOf('.') + 1);
  return `${short[0]?.toUpperCase()}${short.slice(1)}`;
};

/** The generated factory and serializer of an OData type (or of a collection response, `XCollectionResponse`). */
export function codecOf(fullName: string): {
  factory: ParsableFactory<Parsable>;
  serializer: ModelSerializerFunction<Parsable>;
} {
  const name = shortName(fullName);
  const factory = exports[`create${name}FromDiscriminatorValue`] as ParsableFactory<Parsable> | undefined;
  const serializer = exports[`serialize${name}`] as ModelSerializerFunction<Parsable> | undefined;
  if (!factory || !serializer) throw new Error(`no generated model for ${fullName}`);
  return { factory, serializer };
}

/**
 * Which JSON (de)serializers the tests use: this client's own (what createIndustryDataAdapter registers) or
 * Kiota's (what an existing Graph app's adapter has). SDS_TEST_JSON=kiota runs the suites on Kiota's.
 */
export const jsonImplementation = process.env.SDS_TEST_JSON === 'kiota' ? 'kiota' : 'fast';

/** JSON → model, as the request adapter does it. */
export function deserialize<T extends Parsable>(
  json: unknown,
  factory: ParsableFactory<T>,
  implementation = jsonImplementation,
): T {
  const node = implementation === 'kiota' ? new JsonParseNode(json) : new FastJsonParseNode(json);
  return node.getObjectValue<T>(factory);
}

/** model → JSON, as the request adapter does it. */
export function serialize<T extends Parsable>(
  value: T,
  serializer: ModelSerializerFunction<T>,
  implementation = jsonImplementation,
): unknown {
  const writer =
    implementation === 'kiota' ? new JsonSerializationWriter() : new FastJsonSerializationWriter();
  writer.writeObjectValue(undefined, value, serializer);
  return JSON.parse(new TextDecoder().decode(writer.getSerializedContent()));
}
