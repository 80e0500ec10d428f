import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { EnumIR, GeneratorIR, ModelIR, PropertyIR } from '../ir/types.js';
import { enumKey, propertyKey } from '../naming.js';
import { Imports, Printer, str } from '../printer/printer.js';
import { generatedHeader } from './header.js';
import { importPath, modelsFile } from './paths.js';
import { runtimeFile } from './runtime.js';

const kiota = '@microsoft/kiota-abstractions';

export interface Context {
  readonly file: string;
  readonly imports: Imports;
  readonly models: ReadonlyMap<string, ModelIR>;
  readonly enums: ReadonlyMap<string, EnumIR>;
}

/** The TypeScript name of a model or enum, imported into the current file when it lives in another one. */
function use(ctx: Context, fullName: string, member: (name: string) => string, typeOnly: boolean): string {
  const target = ctx.models.get(fullName) ?? ctx.enums.get(fullName);
  if (!target) throw new Error(`unknown type ${fullName}`);
  const name = member(target.name);
  const file = modelsFile(target.namespace);
  if (file !== ctx.file) ctx.imports.add(importPath(ctx.file, file), name, typeOnly);
  return name;
}

/**
 * The type of a value declared as model `fullName`: the model itself, or, when types derive from it, the
 * union of the concrete types it can be (`AnyProvisioningFlow`), discriminated by `odataType`.
 */
export function valueType(ctx: Context, fullName: string): string {
  const model = ctx.models.get(fullName);
  return use(ctx, fullName, (n) => (model && model.derived.length > 0 ? anyName(n) : n), true);
}

/** The name of the union of the concrete types of a model others derive from. */
export const anyName = (name: string): string => `Any${name}`;

function runtime(ctx: Context, name: string, typeOnly = false): string {
  ctx.imports.add(importPath(ctx.file, runtimeFile), name, typeOnly);
  return name;
}

function tsType(ctx: Context, p: PropertyIR): string {
  let item: string;
  switch (p.type.kind) {
    case 'enum':
      item = `${runtime(ctx, 'Evolvable', true)}<${use(ctx, p.type.target, (n) => n, true)}>`;
      break;
    case 'model':
      item = valueType(ctx, p.type.target);
      break;
    default:
      // A value of a type the spec leaves open is kept whole, as plain JSON (a collection included).
      if (p.type.primitive === 'untyped') return 'unknown';
      item = p.type.primitive === 'boolean' ? 'boolean' : p.type.primitive === 'number' ? 'number' : 'string';
  }
  return p.collection ? `${item}[]` : item;
}

const primitiveTs = (p: PropertyIR): string =>
  p.type.kind === 'primitive' && p.type.primitive === 'boolean'
    ? 'boolean'
    : p.type.kind === 'primitive' && p.type.primitive === 'number'
      ? 'number'
      : 'string';

/** The expression that reads property `p` from parse node `n`. */
function readExpression(ctx: Context, p: PropertyIR): string {
  if (p.type.kind === 'model') {
    const factory = use(ctx, p.type.target, (n) => `create${n}FromDiscriminatorValue`, false);
    const type = valueType(ctx, p.type.target);
    if (p.collection)
      return `n.getCollectionOfObjectValues<${type}>(${factory}) ?? ${runtime(ctx, 'nullOrUndefined')}(n)`;
    return `${runtime(ctx, 'objectOrNull')}(n, () => n.getObjectValue<${type}>(${factory}))`;
  }
  if (p.type.kind === 'primitive' && p.type.primitive === 'untyped') return `${runtime(ctx, 'readJson')}(n)`;
  const nullable = runtime(ctx, 'nullOrUndefined');
  if (p.collection)
    return `n.getCollectionOfPrimitiveValues<${primitiveTs(p)}>(${str(primitiveTs(p))}) ?? ${nullable}(n)`;
  if (p.type.kind === 'enum') return `n.getStringValue() ?? ${nullable}(n)`;
  const getters: Record<string, string> = { boolean: 'getBooleanValue', number: 'getNumberValue' };
  const getter = getters[p.type.primitive] ?? 'getStringValue';
  return `n.${getter}() ?? ${nullable}(n)`;
}

/** The statement that writes property `p` of `value` with `writer`. */
function writeStatement(ctx: Context, p: PropertyIR, value: string): string {
  const access = `${value}.${p.name}`;
  const key = str(p.wireName);
  if (p.type.kind === 'model') {
    const serializer = use(ctx, p.type.target, (n) => `serialize${n}`, false);
    const type = use(ctx, p.type.target, (n) => n, true);
    return p.collection
      ? `writer.writeCollectionOfObjectValues<${type}>(${key}, ${access}, ${serializer});`
      : `writer.writeObjectValue<${type}>(${key}, ${access}, ${serializer});`;
  }
  if (p.type.kind === 'primitive' && p.type.primitive === 'untyped')
    return `${runtime(ctx, 'writeJson')}(writer, ${key}, ${access});`;
  if (p.collection) return `writer.writeCollectionOfPrimitiveValues<${primitiveTs(p)}>(${key}, ${access});`;
  // Enums are written as strings: writeEnumValue would write null as the string "null".
  const writer =
    p.type.kind === 'primitive' && p.type.primitive === 'boolean'
      ? 'writeBooleanValue'
      : p.type.kind === 'primitive' && p.type.primitive === 'number'
        ? 'writeNumberValue'
        : 'writeStringValue';
  return `writer.${writer}(${key}, ${access});`;
}

/** A concrete type at the end of a hierarchy names itself in `odataType`, so a union of them is discriminated. */
const narrowsOdataType = (model: ModelIR): boolean =>
  model.discriminated && !model.abstract && model.base !== undefined && model.derived.length === 0;

/** `case` labels for a discriminator value: Graph writes `#ns.type`, hand-written payloads often `ns.type`. */
const caseLabels = (fullName: string): string[] => [`case ${str(`#${fullName}`)}:`, `case ${str(fullName)}:`];

function emitModel(p: Printer, ctx: Context, model: ModelIR): void {
  const base = model.base ? ctx.models.get(model.base) : undefined;
  const baseName = base ? use(ctx, base.fullName, (n) => n, true) : undefined;
  ctx.imports.add(kiota, 'Parsable', true);
  if (!base) ctx.imports.add(kiota, 'AdditionalDataHolder', true);
  p.doc([
    model.description,
    `\`${model.fullName}\`${model.abstract ? ' (abstract: send one of its derived types)' : ''}`,
  ]);
  p.block(`export interface ${model.name} extends ${baseName ?? 'AdditionalDataHolder'}, Parsable {`, () => {
    if (!base) {
      p.doc(['Properties this client does not know, kept so that a round trip loses nothing.']);
      p.line('additionalData?: Record<string, unknown>;');
      if (model.discriminated) {
        p.doc(['The `@odata.type` of the value: which derived type it is.']);
        p.line('odataType?: string | null;');
      }
    }
    if (narrowsOdataType(model)) {
      p.doc([
        model.odataTypeRequired
          ? `\`#${model.fullName}\`: says which type the value is where a base type is expected (required).`
          : `\`#${model.fullName}\`, when the service names the type.`,
      ]);
      p.line(
        model.odataTypeRequired
          ? `odataType: ${str(`#${model.fullName}`)};`
          : `odataType?: ${str(`#${model.fullName}`)} | null;`,
      );
    }
    for (const prop of model.properties) {
      p.doc([
        prop.description,
        prop.sent
          ? undefined
          : prop.readOnly
            ? 'Read-only: set by the service, never sent in a request body.'
            : prop.navigation
              ? 'A relationship, read with `$expand`: never sent in a request body.'
              : 'Set by the service (no request-body table of the docs lists it): never sent in a request body.',
        prop.wireName !== prop.name ? `Wire name: \`${prop.wireName}\`.` : undefined,
      ]);
      p.line(`${propertyKey(prop.name)}?: ${tsType(ctx, prop)} | null;`);
    }
  });
  p.line();
  if (model.derived.length > 0) {
    // Where a base type is declared, the service needs `@odata.type` to know which type a value is (and sends
    // it): members that do not require their own name are required to here, so the union discriminates. The
    // declared type itself, when concrete, goes without it (the service leaves it out) but names no other type.
    const members = model.concrete.map((c) => {
      const member = ctx.models.get(c);
      const name = use(ctx, c, (n) => n, true);
      if (c === model.fullName) return `(${name} & { odataType?: ${str(`#${c}`)} | null })`;
      return member && narrowsOdataType(member) && member.odataTypeRequired
        ? name
        : `(${name} & { odataType: ${str(`#${c}`)} })`;
    });
    p.doc([
      `A \`${model.fullName}\` value: ${members.length > 1 ? 'one of its concrete types, told apart by `odataType`' : 'its concrete type'}.`,
    ]);
    p.line(`export type ${anyName(model.name)} = ${members.join(' | ')};`);
    p.line();
  }

  ctx.imports.add(kiota, 'ParseNode', true);
  const derived = model.derived.map((d) => ctx.models.get(d)).filter((d): d is ModelIR => !!d);
  p.doc([`Chooses the deserializer for a \`${model.name}\` from its \`@odata.type\`.`]);
  p.block(
    `export function create${model.name}FromDiscriminatorValue(parseNode: ParseNode | undefined): (value?: Partial<Parsable>) => Record<string, (node: ParseNode) => void> {`,
    () => {
      if (derived.length > 0) {
        p.block("switch (parseNode?.getChildNode('@odata.type')?.getStringValue()) {", () => {
          for (const d of derived) {
            p.lines(caseLabels(d.fullName));
            p.line(
              `  return ${use(ctx, d.fullName, (n) => `deserializeInto${n}`, false)} as (value?: Partial<Parsable>) => Record<string, (node: ParseNode) => void>;`,
            );
          }
        });
      }
      p.line(
        `return deserializeInto${model.name} as (value?: Partial<Parsable>) => Record<string, (node: ParseNode) => void>;`,
      );
    },
  );
  p.line();

  // The readers are one static table per model (inherited ones written out, not spread from the base), so
  // that reading a model allocates no closures; deserializeIntoX binds them for parse nodes that need closures.
  const chain: ModelIR[] = [];
  for (
    let m: ModelIR | undefined = model;
    m && !chain.includes(m);
    m = m.base ? ctx.models.get(m.base) : undefined
  )
    chain.unshift(m);
  p.doc([`How each property of a \`${model.name}\` is read, keyed by wire name.`]);
  p.block(
    `export const ${model.name}Readers: Record<string, (value: Partial<${model.name}>, n: ParseNode) => void> = {`,
    () => {
      // A type that narrows `odataType` to its own name still keeps what the wire says.
      if (chain[0]?.discriminated)
        p.line(
          `'@odata.type': (value, n) => { ${narrowsOdataType(model) ? '(value as { odataType?: string | null })' : 'value'}.odataType = n.getStringValue() ?? ${runtime(ctx, 'nullOrUndefined')}(n); },`,
        );
      const seen = new Set<string>();
      for (const level of chain) {
        for (const prop of level.properties) {
          if (seen.has(prop.wireName)) continue;
          seen.add(prop.wireName);
          p.line(
            `${str(prop.wireName)}: (value, n) => { value.${prop.name} = ${readExpression(ctx, prop)}; },`,
          );
        }
      }
    },
    '};',
  );
  p.line();
  p.doc([`The property readers of a \`${model.name}\`, keyed by wire name, bound to the model being read.`]);
  p.block(
    `export function deserializeInto${model.name}(value: Partial<${model.name}> | undefined = {}): Record<string, (node: ParseNode) => void> {`,
    () => {
      p.line(`return ${runtime(ctx, 'bindReaders')}(${model.name}Readers, value);`);
    },
  );
  p.line(`${runtime(ctx, 'attachReaders')}(deserializeInto${model.name}, ${model.name}Readers);`);
  p.line();

  ctx.imports.add(kiota, 'SerializationWriter', true);
  p.doc([
    `Writes a \`${model.name}\` with the serializer of its most derived type (by \`@odata.type\`), at any depth.`,
    'Only properties that are set are written: `undefined` is left out, `null` is written (it clears on PATCH).',
  ]);
  p.block(
    `export function serialize${model.name}(writer: SerializationWriter, value: Partial<${model.name}> | undefined | null = {}): void {`,
    () => {
      p.line('if (!value) return;');
      if (derived.length > 0) {
        p.block('switch (value.odataType) {', () => {
          for (const d of derived) {
            p.lines(caseLabels(d.fullName));
            p.line(
              `  ${use(ctx, d.fullName, (n) => `serialize${n}Properties`, false)}(writer, value as Partial<${use(ctx, d.fullName, (n) => n, true)}>);`,
            );
            p.line('  break;');
          }
          p.line('default:');
          p.line(`  serialize${model.name}Properties(writer, value);`);
        });
      } else p.line(`serialize${model.name}Properties(writer, value);`);
      p.line(`writer.writeAdditionalData(${runtime(ctx, 'sendable')}(value.additionalData));`);
    },
  );
  p.line();

  p.doc([`Writes the properties a \`${model.name}\` declares and inherits (not its additional data).`]);
  p.block(
    `export function serialize${model.name}Properties(writer: SerializationWriter, value: Partial<${model.name}>): void {`,
    () => {
      if (base) p.line(`${use(ctx, base.fullName, (n) => `serialize${n}Properties`, false)}(writer, value);`);
      else if (model.discriminated) p.line("writer.writeStringValue('@odata.type', value.odataType);");
      // Properties the service sets are written when echoing a model (a round trip keeps them), never in a
      // request body; runs of them share one check, and the wire order stays the declared one.
      const runs: PropertyIR[][] = [];
      for (const prop of model.properties) {
        const last = runs[runs.length - 1];
        if (last && last[0]?.sent === prop.sent) last.push(prop);
        else runs.push([prop]);
      }
      for (const run of runs) {
        if (run[0]?.sent) for (const prop of run) p.line(writeStatement(ctx, prop, 'value'));
        else
          p.block(`if (!${runtime(ctx, 'inRequestBody')}()) {`, () => {
            for (const prop of run) p.line(writeStatement(ctx, prop, 'value'));
          });
      }
    },
  );
  p.line();
}

function emitEnum(p: Printer, e: EnumIR): void {
  p.doc([
    e.description,
    `\`${e.fullName}\`: the known members. Unknown members received from the service are kept as strings.`,
  ]);
  p.block(
    `export const ${e.name}Object = {`,
    () => {
      for (const m of e.members) p.line(`${enumKey(m)}: ${str(m)},`);
    },
    '} as const;',
  );
  p.doc([`A member of \`${e.fullName}\`.`]);
  p.line(`export type ${e.name} = (typeof ${e.name}Object)[keyof typeof ${e.name}Object];`);
  p.line();
}

/** One file per namespace: interfaces, factories, deserializers and serializers of its models, and its enums. */
export function emitModels(ir: GeneratorIR, source: string): Map<string, string> {
  const models = new Map(ir.models.map((m) => [m.fullName, m]));
  const enums = new Map(ir.enums.map((e) => [e.fullName, e]));
  const namespaces = [...new Set([...ir.models, ...ir.enums].map((x) => x.namespace))].sort(
    compareCodePoints,
  );
  const files = new Map<string, string>();
  for (const namespace of namespaces) {
    const file = modelsFile(namespace);
    const ctx: Context = { file, imports: new Imports(), models, enums };
    const body = new Printer();
    for (const e of ir.enums.filter((x) => x.namespace === namespace)) emitEnum(body, e);
    for (const m of ir.models.filter((x) => x.namespace === namespace)) emitModel(body, ctx, m);
    const p = new Printer().lines(generatedHeader(source));
    ctx.imports.print(p);
    files.set(file, `${p.toString()}\n${body.toString()}`);
  }
  return files;
}
