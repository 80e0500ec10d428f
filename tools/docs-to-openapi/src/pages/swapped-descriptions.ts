import type { DiagnosticSink } from '../diagnostics.js';
import type { WrittenProperty } from './resource.js';

/** `memberEnrollmentMappings` → `['member', 'EnrollmentMappings']`; undefined for a one-word name. */
function splitHead(name: string): [string, string] | undefined {
  const match = /^([a-z]+)([A-Z]\w*)$/.exec(name);
  return match?.[1] && match[2] ? [match[1], match[2]] : undefined;
}

function mentions(text: string, word: string): boolean {
  return new RegExp(`\\b${word}\\b`, 'i').test(text);
}

/**
 * Finds sibling properties whose descriptions look exchanged: two names that differ only in their first word
 * (`memberX` / `ownerX`), where each description names the other's word and not its own. Reported, never
 * corrected: the docs are the source, and a wrong guess would be worse than a visible warning.
 */
export function reportSwappedDescriptions(
  properties: readonly WrittenProperty[],
  sink: DiagnosticSink,
  what: string,
): void {
  const heads = properties.flatMap((p) => {
    const split = splitHead(p.name);
    return split ? [{ property: p, head: split[0], rest: split[1] }] : [];
  });
  for (const [i, a] of heads.entries()) {
    for (const b of heads.slice(i + 1)) {
      if (a.rest !== b.rest || a.head === b.head) continue;
      const aText = a.property.description.text;
      const bText = b.property.description.text;
      const exchanged =
        mentions(aText, b.head) &&
        !mentions(aText, a.head) &&
        mentions(bText, a.head) &&
        !mentions(bText, b.head);
      if (!exchanged) continue;
      sink.warn(
        'description-swapped',
        `in the ${what} table, ${a.property.name} is described as '${aText}' and ${b.property.name} as '${bText}': the descriptions look exchanged; they are kept as written`,
        a.property.source.file,
        a.property.source.line,
      );
    }
  }
}
