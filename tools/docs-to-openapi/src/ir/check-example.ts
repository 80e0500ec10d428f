import type { DiagnosticSink } from '../diagnostics.js';
import type { SourceRef, TypeIR, TypeRef } from './types.js';

interface Member {
  readonly name: string;
  readonly type: TypeRef | undefined;
}

function membersOf(typeName: string, types: ReadonlyMap<string, TypeIR>): Member[] {
  const members: Member[] = [];
  const seen = new Set<string>();
  let current = types.get(typeName);
  while (current && !seen.has(current.name)) {
    seen.add(current.name);
    members.push(...current.properties.map((p) => ({ name: p.name, type: p.type })));
    members.push(
      ...current.navigations.map((n) => ({
        name: n.name,
        type: { kind: 'named', name: n.target, collection: n.collection } as const,
      })),
    );
    current = current.baseType ? types.get(current.baseType) : undefined;
  }
  return members;
}

/**
 * Checks an example payload against the documented types: property names (wrong casing is the common defect)
 * and `@odata.type` values, recursively. Reports; never changes the example.
 */
export function checkExample(
  value: unknown,
  collection: boolean,
  candidates: readonly string[],
  types: ReadonlyMap<string, TypeIR>,
  sink: DiagnosticSink,
  source: SourceRef,
): void {
  const visit = (node: unknown, expected: string | undefined, at: string): void => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, expected, `${at}/${i}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (at === '' && collection && Array.isArray(object.value)) {
      visit(object.value, candidates.length === 1 ? candidates[0] : undefined, '/value');
      return;
    }
    let typeName = expected;
    const odataType = object['@odata.type'];
    if (typeof odataType === 'string') {
      const named = odataType.replace(/^#/, '');
      const known =
        types.get(named) ?? [...types.values()].find((t) => t.name.toLowerCase() === named.toLowerCase());
      if (!known) {
        sink.warn(
          'example-type-unknown',
          `example ${at || '/'} has @odata.type '${odataType}', which no page documents`,
          source.file,
          source.line,
        );
      } else {
        if (known.name !== named) {
          sink.warn(
            'example-type-casing',
            `example ${at || '/'} writes @odata.type '${odataType}'; the type is ${known.name}`,
            source.file,
            source.line,
          );
        }
        typeName = known.name;
        if (
          at === '' &&
          !collection &&
          known.abstract &&
          candidates.length > 0 &&
          !candidates.includes(known.name)
        )
          sink.warn(
            'example-type-abstract',
            `the example's @odata.type names ${known.name}, an abstract type no request can be; it should be one of ${candidates.join(', ')}`,
            source.file,
            source.line,
          );
      }
    }
    // An open type (and a type of another namespace, whose properties the folder does not know) takes any name.
    if (!typeName || !types.has(typeName) || types.get(typeName)?.openType) return;
    const members = membersOf(typeName, types);
    for (const [key, child] of Object.entries(object)) {
      if (key.startsWith('@') || key.includes('@odata.')) continue;
      const member = members.find((m) => m.name === key);
      if (member) {
        visit(child, member.type?.kind === 'named' ? member.type.name : undefined, `${at}/${key}`);
        continue;
      }
      const near = members.find((m) => m.name.toLowerCase() === key.toLowerCase());
      if (near) {
        sink.warn(
          'example-property-casing',
          `example ${at}/${key}: the property is '${near.name}' on ${typeName}`,
          source.file,
          source.line,
        );
        visit(child, near.type?.kind === 'named' ? near.type.name : undefined, `${at}/${key}`);
      } else {
        sink.warn(
          'example-property-unknown',
          `example ${at}/${key} is not a property of ${typeName}`,
          source.file,
          source.line,
        );
      }
    }
  };
  visit(value, candidates.length === 1 ? candidates[0] : undefined, '');
}
