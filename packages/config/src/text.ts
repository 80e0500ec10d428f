import { editDistance } from '@sds-toolkit/openapi-model';

/**
 * The candidate a mistyped name most likely meant: the closest by edit distance (case-insensitive; ties go to
 * the first by code point) when close enough to be a typo, else the one candidate it is a prefix of.
 */
export function nearest(given: string, candidates: readonly string[]): string | undefined {
  const wanted = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3))) return best;
  const extending = candidates.filter((c) => wanted.length >= 3 && c.toLowerCase().startsWith(wanted));
  return extending.length === 1 ? extending[0] : undefined;
}

/** `; did you mean 'x'?` when there is a likely candidate, else ''. */
export function didYouMean(given: string, candidates: readonly string[]): string {
  const found = nearest(given, candidates);
  return found === undefined ? '' : `; did you mean '${found}'?`;
}

/** `'a', 'b' or 'c'`. */
export function quotedList(items: readonly string[]): string {
  const quoted = items.map((i) => `'${i}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

export { plural } from '@sds-toolkit/openapi-model';
