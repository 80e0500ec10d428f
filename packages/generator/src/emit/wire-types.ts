import type { EnumIR, GeneratorIR, ModelIR, PropertyIR } from '../ir/types.js';
import { propertyKey } from '../naming.js';
import { Printer, str } from '../printer/printer.js';
import { generatedHeader } from './header.js';

export const wireTypesFile = 'wire-types.ts';

/**
 * Type names in the wire file are qualified by namespace when two namespaces share a short name, so that
 * every JSON Schema definition has one meaning.
 */
export function wireNames(ir: GeneratorIR): Map<string, string> {
  const counts = new Map<string, number>();
  for (const x of [...ir.models, ...ir.enums]) counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const x of [...ir.models, ...ir.enums]) {
    const qualified =
      (counts.get(x.name) ?? 0) > 1
        ? x.fullName
            .split('.')
            .map((p) => p[0]?.toUpperCase() + p.slice(1))
            .join('')
        : x.name;
    names.set(x.fullName, qualified);
  }
  return names;
}

/** The wire name of a model as a value: the concrete type, or the union of the types a value of it can be. */
export const unionName = (name: string): string => `${name}Value`;

/**
 * The types a value of `model` can be on the wire: its concrete self and subtypes. An abstract type whose
 * subtypes no page documents (the docs only say it is abstract) stands for itself: the values the service
 * sends are of subtypes we cannot name, and carry at least its properties.
 */
function concrete(model: ModelIR, models: ReadonlyMap<string, ModelIR>): ModelIR[] {
  const known = [model, ...model.derived.map((d) => models.get(d)).filter((d): d is ModelIR => !!d)];
  const concreteOnes = known.filter((m) => !m.abstract);
  return concreteOnes.length > 0 ? concreteOnes : [model];
}

const standsForItself = (model: ModelIR, models: ReadonlyMap<string, ModelIR>): boolean =>
  !model.abstract || concrete(model, models)[0] === model;

function allProperties(model: ModelIR, models: ReadonlyMap<string, ModelIR>): PropertyIR[] {
  const chain: ModelIR[] = [];
  for (
    let m: ModelIR | undefined = model;
    m && !chain.includes(m);
    m = m.base ? models.get(m.base) : undefined
  )
    chain.unshift(m);
  const byName = new Map<string, PropertyIR>();
  for (const m of chain) for (const p of m.properties) byName.set(p.wireName, p);
  return [...byName.values()];
}

function rootOf(model: ModelIR, models: ReadonlyMap<string, ModelIR>): ModelIR {
  let m = model;
  for (
    let base = m.base ? models.get(m.base) : undefined;
    base;
    base = base.base ? models.get(base.base) : undefined
  )
    m = base;
  return m;
}

/** The bounds of the sized integer formats OpenAPI and OData name (`int64` is left out: JSON numbers lose it). */
const integerRanges: Readonly<Record<string, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
};

function wireType(p: PropertyIR, names: ReadonlyMap<string, string>): { type: string; tags: string[] } {
  const tags: string[] = [];
  let item: string;
  switch (p.type.kind) {
    case 'enum':
      item = names.get(p.type.target) ?? 'string';
      break;
    case 'model':
      item = unionName(names.get(p.type.target) ?? 'unknown');
      break;
    default:
      switch (p.type.primitive) {
        case 'boolean':
          item = 'boolean';
          break;
        case 'number': {
          item = 'number';
          if (p.type.format && /^u?int/.test(p.type.format)) tags.push('@TJS-type integer');
          // The range of a sized integer (Edm.Int32 and smaller): Int64 has none a JSON number keeps.
          const range = p.type.format ? integerRanges[p.type.format] : undefined;
          if (range) tags.push(`@minimum ${range[0]}`, `@maximum ${range[1]}`);
          break;
        }
        case 'dateTime':
          item = 'string';
          tags.push('@format date-time');
          break;
        case 'untyped':
          item = 'unknown';
          break;
        default:
          item = 'string';
          // Edm.Date: a calendar day, `2024-09-01` (JSON Schema's `date` format, RFC 3339 full-date).
          if (p.type.format === 'date') tags.push('@format date');
      }
  }
  if (p.collection) {
    // Tags describe the items of a collection: typescript-json-schema puts them on the array otherwise. So a
    // collection of dates or Int32s gets neither the format nor the range (the industryData spec has none).
    return { type: `Array<${item}>`, tags: [] };
  }
  return { type: item, tags };
}

function emitWireModel(
  p: Printer,
  model: ModelIR,
  models: ReadonlyMap<string, ModelIR>,
  names: ReadonlyMap<string, string>,
): void {
  const name = names.get(model.fullName) ?? model.name;
  if (standsForItself(model, models)) {
    p.doc([model.description, `\`${model.fullName}\` as sent on the wire.`]);
    p.block(`export interface ${name} {`, () => {
      if (rootOf(model, models).discriminated) {
        p.doc([`\`#${model.fullName}\` (the leading \`#\` is optional).`]);
        p.line(`'@odata.type'?: ${str(`#${model.fullName}`)} | ${str(model.fullName)};`);
      }
      for (const prop of allProperties(model, models)) {
        const { type, tags } = wireType(prop, names);
        p.doc([prop.description, ...tags]);
        p.line(`${propertyKey(prop.wireName)}?: ${type} | null;`);
      }
      if (!model.discriminated) {
        p.doc(['The OData context URL an envelope (a collection response) may carry.']);
        p.line("'@odata.context'?: string;");
      }
    });
    p.line();
  }
  const members = concrete(model, models).map((m) => names.get(m.fullName) ?? m.name);
  p.doc([
    `A value typed \`${model.fullName}\`: ${members.length > 1 ? 'one of its concrete types' : 'its concrete type'}.`,
  ]);
  p.line(`export type ${unionName(name)} = ${members.join(' | ')};`);
  p.line();
}

function emitWireEnum(p: Printer, e: EnumIR, names: ReadonlyMap<string, string>): void {
  p.doc([e.description, `\`${e.fullName}\`.`]);
  p.line(`export type ${names.get(e.fullName) ?? e.name} = ${e.members.map(str).join(' | ')};`);
  p.line();
}

/** Wire-shaped types (wire names, `@odata.type` literals, unions for polymorphic values) for JSON Schema. */
export function emitWireTypes(ir: GeneratorIR, source: string): string {
  const models = new Map(ir.models.map((m) => [m.fullName, m]));
  const names = wireNames(ir);
  const p = new Printer().lines(generatedHeader(source));
  p.doc([
    'The JSON the service sends and accepts, as types: the input of the JSON Schemas in schemas.json.',
    'Application code uses the models (camelCase, `odataType`); these are for validating raw payloads.',
  ]);
  for (const e of ir.enums) emitWireEnum(p, e, names);
  for (const m of ir.models) emitWireModel(p, m, models, names);
  return p.toString();
}
