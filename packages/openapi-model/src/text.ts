/** Levenshtein distance: how many single-character edits turn `a` into `b` (typo detection in names). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Orders two strings by Unicode code point. Generated output sorts with this, never with `localeCompare`,
 * whose order depends on the machine's locale (`lt_LT` puts `y` before `j`; `tr_TR` folds `I` differently), so
 * the same input would give different bytes on different machines.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Code units order code points except where a surrogate (a code point above U+FFFF) meets U+E000–U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) return (a.codePointAt(i) ?? x) - (b.codePointAt(i) ?? y);
    return x - y;
  }
  return a.length - b.length;
}

/** A comparator ordering items by a string key, by code point (see `compareCodePoints`). */
export const byCodePoint =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    compareCodePoints(key(a), key(b));

/** `1 error`, `2 errors`: counts people read. */
export const plural = (count: number, word: string, many = `${word}s`): string =>
  `${count} ${count === 1 ? word : many}`;

/**
 * The indefinite article a word takes in a message ("an inboundFileFlow", "a userProvisioningFlow"), by how it
 * sounds: a vowel letter that sounds like "you" or "won" takes "a" (unit, user, one), a silent h takes "an".
 */
export function article(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an';
  if (/^(one|once|uni|use|usu|uti|ura|eu|ewe|ubi)/.test(w)) return 'a';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** The word with its indefinite article: `a year`, `an inboundApiFlow`. */
export const withArticle = (word: string): string => `${article(word)} ${word}`;

/** A type's name without its namespace: `microsoft.graph.industryData.inboundFileFlow` → `inboundFileFlow`. */
export const shortName = (type: string): string => type.slice(type.lastIndexOf('.') + 1);
