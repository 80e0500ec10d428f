import { withArticle } from '@sds-toolkit/openapi-model';
import { fullName, type Kind, kindOf, kinds, ns, shortName, topKinds } from '../kinds.js';
import type { ConfigModel } from '../model.js';
import { type ConfigObject, type DesiredObject, describe, isObject } from '../setup.js';
import { didYouMean } from '../text.js';
import type { SchemaCheck } from './schema-check.js';
import { type Finding, pointerOf, readSource, type SourceDocument } from './source.js';

/** A set-up file, read and checked: its objects in dependency order, and what is wrong with it. */
export interface ParsedFile {
  readonly objects: readonly DesiredObject[];
  readonly findings: readonly Finding[];
  readonly source: SourceDocument | undefined;
}

/** Objects a page of the docs says an inbound flow needs (the connector of its kind, bound to a source system). */
const inboundConnector: Readonly<Record<string, readonly string[]>> = {
  [`${ns}.inboundFileFlow`]: [`${ns}.azureDataLakeConnector`],
  [`${ns}.inboundApiFlow`]: [`${ns}.oneRosterApiDataConnector`],
};

function finding(source: SourceDocument, pointer: string, message: string, key?: string): Finding {
  const { line, column } = source.position(pointer, key);
  return { severity: 'error', line, column, pointer, message };
}

/** The objects of the file, kind by kind in dependency order, each kind in file order; flows after their set. */
function objectsOf(model: ConfigModel, data: ConfigObject): DesiredObject[] {
  const objects: DesiredObject[] = [];
  const flows: DesiredObject[] = [];
  for (const kind of topKinds) {
    const list = data[kind.name];
    if (!Array.isArray(list)) continue;
    for (const [i, item] of list.entries()) {
      if (!isObject(item)) continue;
      const type = typeOf(model, kind, item.type);
      if (!type) continue;
      const { type: _type, provisioningFlows, ...value } = item;
      const name = String(item.displayName ?? '');
      const pointer = pointerOf([kind.name, i]);
      objects.push({ kind, name, type, value, pointer });
      if (kind.name !== 'outboundProvisioningFlowSets' || !Array.isArray(provisioningFlows)) continue;
      const flowKind = kindOf('provisioningFlows');
      for (const [j, flow] of provisioningFlows.entries()) {
        if (!isObject(flow)) continue;
        const flowType = typeOf(model, flowKind, flow.type);
        if (!flowType) continue;
        const { type: _flowType, ...flowValue } = flow;
        flows.push({
          kind: flowKind,
          name: shortName(flowType),
          parent: name,
          type: flowType,
          value: flowValue,
          pointer: pointerOf([kind.name, i, 'provisioningFlows', j]),
        });
      }
    }
  }
  return [...objects, ...flows];
}

function typeOf(model: ConfigModel, kind: Kind, named: unknown): string | undefined {
  const types = model.concreteTypes(kind.type);
  if (typeof named === 'string') return types.find((t) => t === fullName(named));
  return types.length === 1 ? types[0] : undefined;
}

/** Names unique per kind (per flow set for flows), references to objects of the file, connectors that fit. */
function crossChecks(source: SourceDocument, objects: readonly DesiredObject[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, DesiredObject>();
  for (const object of objects) {
    const key = `${object.kind.name}\u0000${object.parent ?? ''}\u0000${object.name}`;
    const first = seen.get(key);
    if (first) {
      const firstLine = source.position(first.pointer).line;
      findings.push(
        finding(
          source,
          object.pointer,
          object.parent !== undefined
            ? `a second ${object.name} in flow set '${object.parent}' (the first is at line ${firstLine}): a flow set holds at most one flow of each type`
            : `a second ${object.kind.label} named '${object.name}' (the first is at line ${firstLine}): objects are matched with the tenant's by display name, so names must be unique`,
        ),
      );
      continue;
    }
    seen.set(key, object);
  }
  const named = (kindName: string, name: string) =>
    objects.find((o) => o.kind.name === kindName && o.parent === undefined && o.name === name);
  for (const object of objects) {
    for (const reference of object.kind.references) {
      const target = object.value[reference.property];
      if (typeof target !== 'string') continue;
      const found = named(reference.to, target);
      if (found) continue;
      const toKind = kinds.find((k) => k.name === reference.to);
      const names = objects.filter((o) => o.kind.name === reference.to).map((o) => o.name);
      findings.push(
        finding(
          source,
          pointerOf([...pointerParts(object.pointer), reference.property]),
          `${reference.property} '${target}' is not a ${toKind?.label ?? reference.to} of this file${didYouMean(target, names)}${names.length > 0 ? ` (the file has ${names.map((n) => `'${n}'`).join(', ')})` : ` (add it under ${reference.to})`}`,
        ),
      );
    }
    // An inbound flow reads from a connector of its kind, bound to a source system (the flow's create page).
    const fits = inboundConnector[object.type];
    const connectorName = object.value.dataConnector;
    if (object.kind.name === 'inboundFlows' && typeof connectorName === 'string') {
      const connector = named('dataConnectors', connectorName);
      if (connector && fits && !fits.includes(connector.type))
        findings.push(
          finding(
            source,
            pointerOf([...pointerParts(object.pointer), 'dataConnector']),
            `${withArticle(shortName(object.type))} reads from ${fits.map(shortName).join(' or ')}; '${connectorName}' is ${withArticle(shortName(connector.type))}`,
          ),
        );
      if (connector && typeof connector.value.sourceSystem !== 'string')
        findings.push(
          finding(
            source,
            connector.pointer,
            `${describe(connector)} is read by ${describe(object)}, so it needs its source system: add 'sourceSystem: <name>'`,
          ),
        );
    }
    if (object.kind.name === 'inboundFlows' && object.value.year === undefined)
      findings.push(
        finding(
          source,
          object.pointer,
          `${describe(object)} needs the year its data is for: add 'year: <name>'`,
        ),
      );
    if (object.kind.name === 'inboundFlows' && object.value.dataConnector === undefined)
      findings.push(
        finding(
          source,
          object.pointer,
          `${describe(object)} needs the connector it reads from: add 'dataConnector: <name>'`,
        ),
      );
  }
  return findings;
}

const pointerParts = (pointer: string) => pointer.split('/').slice(1);

/**
 * Reads a set-up file (YAML or JSON): syntax, then the file's JSON Schema, then the checks across objects.
 * Every finding has its line. The rules' pre-flight of each body is `preflight`'s.
 */
export function parseFile(text: string, model: ConfigModel, schema: SchemaCheck): ParsedFile {
  const source = readSource(text);
  if (source.syntax.length > 0) return { objects: [], findings: source.syntax, source };
  const data = source.value;
  if (data === undefined || data === null)
    return {
      objects: [],
      findings: [
        {
          severity: 'error',
          line: 0,
          column: 0,
          pointer: '',
          message: `the file is empty: list the set-up under ${topKinds.map((k) => `${k.name}:`).join(', ')}`,
        },
      ],
      source,
    };
  const problems = schema.check(data);
  if (problems.length > 0)
    return {
      objects: [],
      findings: problems.map((p) => {
        const f = finding(source, p.pointer, p.message, p.key);
        return { ...f, message: `${where(data, p.pointer)}${p.message}` };
      }),
      source,
    };
  const objects = objectsOf(model, data as ConfigObject);
  return { objects, findings: crossChecks(source, objects), source };
}

/** `data connector 'oneroster-main': ` for a problem inside an object of the file, to say which. */
function where(data: unknown, pointer: string): string {
  const [kindName, index, ...rest] = pointerParts(pointer);
  const kind = topKinds.find((k) => k.name === kindName);
  if (!kind || index === undefined || !isObject(data)) return '';
  const list = data[kind.name];
  const item = Array.isArray(list) ? list[Number(index)] : undefined;
  if (!isObject(item) || typeof item.displayName !== 'string') return '';
  const path = rest.length > 0 ? ` ${rest.join('/')}` : '';
  return `${kind.label} '${item.displayName}'${path}: `;
}
