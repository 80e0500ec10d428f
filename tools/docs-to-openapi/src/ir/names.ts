/** Splits camelCase / PascalCase identifiers into lowercase words. */
export function words(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export { shortName } from '@sds-toolkit/openapi-model';
export const namespaceOfName = (fullName: string): string =>
  fullName.slice(0, Math.max(0, fullName.lastIndexOf('.')));

/**
 * Re-cases an all-lowercase identifier (`filteroptions`) from a vocabulary of words seen elsewhere in the corpus
 * (`filter`, `options` → `filterOptions`). Returns undefined unless exactly one split into known words exists
 * with the fewest words, so a guess is only made when the corpus supports it.
 */
export function recase(lower: string, vocabulary: ReadonlySet<string>): string | undefined {
  const n = lower.length;
  // best[i] = [fewest words to split lower[0, i), number of such splits, one split]
  const best: ([number, number, string[]] | undefined)[] = [[0, 1, []]];
  for (let i = 1; i <= n; i++) {
    let current: [number, number, string[]] | undefined;
    for (let j = Math.max(0, i - 24); j < i; j++) {
      const prefix = best[j];
      const word = lower.slice(j, i);
      if (!prefix || word.length < 2 || !vocabulary.has(word)) continue;
      const count = prefix[0] + 1;
      if (!current || count < current[0]) current = [count, prefix[1], [...prefix[2], word]];
      else if (count === current[0]) current = [count, current[1] + prefix[1], current[2]];
    }
    best[i] = current;
  }
  const result = best[n];
  if (result?.[1] !== 1 || result[2].length < 2) return undefined;
  return result[2].map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('');
}

export const upperFirst = (s: string): string => (s ? s[0]?.toUpperCase() + s.slice(1) : s);
