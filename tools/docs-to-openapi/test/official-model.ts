/**
 * Reads Microsoft's official model for the industryData types (npm @microsoft/msgraph-beta-sdk, Kiota output
 * from the official metadata) by running its deserializers against a recording parse node: what each property
 * reads (string, date, enum, object of type X, collection of …) is what the wire format is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

export type OfficialKind =
  | { kind: 'primitive'; name: string; collection: boolean }
  | { kind: 'enum'; members: string[]; collection: boolean }
  | { kind: 'object'; type: string; collection: boolean };

export interface OfficialType {
  name: string;
  base: string | undefined;
  properties: Map<string, OfficialKind>;
  derived: string[];
}

type Deserializers = Record<string, (node: unknown) => void>;
type Factory = (node: unknown) => (instance: object) => Deserializers;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const typeOfFactory = (f: { name: string }) =>
  lowerFirst(f.name.replace(/^create/, '').replace(/FromDiscriminatorValue$/, ''));
const typeOfDeserializer = (f: { name: string }) => lowerFirst(f.name.replace(/^deserializeInto/, ''));

function recordKind(read: (node: unknown) => void): OfficialKind | undefined {
  let kind: OfficialKind | undefined;
  const set = (read: OfficialKind): void => {
    kind = read;
  };
  const node = {
    getStringValue: () => set({ kind: 'primitive', name: 'string', collection: false }),
    getBooleanValue: () => set({ kind: 'primitive', name: 'boolean', collection: false }),
    getNumberValue: () => set({ kind: 'primitive', name: 'number', collection: false }),
    getGuidValue: () => set({ kind: 'primitive', name: 'guid', collection: false }),
    getDateValue: () => set({ kind: 'primitive', name: 'date', collection: false }),
    getDateOnlyValue: () => set({ kind: 'primitive', name: 'dateOnly', collection: false }),
    getTimeOnlyValue: () => set({ kind: 'primitive', name: 'timeOnly', collection: false }),
    getDurationValue: () => set({ kind: 'primitive', name: 'duration', collection: false }),
    getByteArrayValue: () => set({ kind: 'primitive', name: 'bytes', collection: false }),
    getEnumValue: (e: Record<string, string>) =>
      set({ kind: 'enum', members: Object.values(e), collection: false }),
    getCollectionOfEnumValues: (e: Record<string, string>) =>
      set({ kind: 'enum', members: Object.values(e), collection: true }),
    getCollectionOfPrimitiveValues: (t: string) => set({ kind: 'primitive', name: t, collection: true }),
    getObjectValue: (f: Factory) => set({ kind: 'object', type: typeOfFactory(f), collection: false }),
    getCollectionOfObjectValues: (f: Factory) =>
      set({ kind: 'object', type: typeOfFactory(f), collection: true }),
    getChildNode: () => undefined,
  };
  read(node);
  return kind;
}

/** Reads every industryData model reachable from `roots`. */
export async function readOfficialModel(
  roots: readonly string[],
  candidateNames: readonly string[],
): Promise<Map<string, OfficialType>> {
  const models = (await import('@microsoft/msgraph-beta-sdk/models/industryData/index.js')) as Record<
    string,
    unknown
  >;
  const graphModels = (await import('@microsoft/msgraph-beta-sdk/models/index.js')) as Record<
    string,
    unknown
  >;
  const require = createRequire(import.meta.url);
  const dts = readFileSync(
    require.resolve('@microsoft/msgraph-beta-sdk/models/industryData/index.d.ts'),
    'utf8',
  );
  const bases = new Map<string, string>();
  const source = ts.createSourceFile('index.d.ts', dts, ts.ScriptTarget.Latest);
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    const heritage =
      node.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression.getText(source))) ?? [];
    const base = heritage.find((h) => !['Parsable', 'AdditionalDataHolder', 'BackedModel'].includes(h));
    if (base) bases.set(lowerFirst(node.name.text), lowerFirst(base));
  });

  const factoryOf = (name: string): Factory | undefined => {
    const key = `create${name.charAt(0).toUpperCase()}${name.slice(1)}FromDiscriminatorValue`;
    return (models[key] ?? graphModels[key]) as Factory | undefined;
  };
  const types = new Map<string, OfficialType>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (types.has(name)) continue;
    const factory = factoryOf(name);
    if (!factory) continue;
    const own = factory({ getChildNode: () => undefined });
    const deserializers = own({});
    const properties = new Map<string, OfficialKind>();
    for (const [wire, read] of Object.entries(deserializers)) {
      if (wire === '@odata.type') continue;
      const kind = recordKind(read);
      if (kind) properties.set(wire, kind);
      if (kind?.kind === 'object') queue.push(kind.type);
    }
    const derived: string[] = [];
    for (const candidate of candidateNames) {
      if (candidate === name) continue;
      const resolved = factory({
        getChildNode: (key: string) =>
          key === '@odata.type'
            ? { getStringValue: () => `#microsoft.graph.industryData.${candidate}` }
            : undefined,
      });
      if (resolved !== own && typeOfDeserializer(resolved) === candidate) derived.push(candidate);
    }
    for (const d of derived) queue.push(d);
    types.set(name, { name, base: bases.get(name), properties, derived: derived.sort() });
  }
  return types;
}
