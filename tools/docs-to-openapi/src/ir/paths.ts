import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { DiagnosticSink } from '../diagnostics.js';
import { shortName } from './names.js';

export interface PathContext {
  /** Navigation names (any casing as declared on resource pages) → target type full name. */
  readonly navigations: ReadonlyMap<string, string>;
  /** Every spelling of each literal segment across all request lines (lowercase → spelling → count). */
  readonly spellings: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface CanonicalPath {
  readonly path: string;
  /** The same path with a trailing `/$ref` removed: the key operations are grouped by. */
  readonly key: string;
  readonly segments: readonly { readonly text: string; readonly param: boolean }[];
}

/** Collects the spellings of literal segments from every documented request line. */
export function collectSpellings(paths: readonly string[]): Map<string, Map<string, number>> {
  const spellings = new Map<string, Map<string, number>>();
  for (const path of paths) {
    for (const segment of stripQuery(path).split('/')) {
      if (!segment || segment.startsWith('{')) continue;
      const lower = segment.toLowerCase();
      const seen = spellings.get(lower) ?? new Map<string, number>();
      seen.set(segment, (seen.get(segment) ?? 0) + 1);
      spellings.set(lower, seen);
    }
  }
  return spellings;
}

function stripQuery(path: string): string {
  return path.split('?')[0] ?? path;
}

function canonicalSegment(segment: string, context: PathContext): string {
  const lower = segment.toLowerCase();
  for (const name of context.navigations.keys()) if (name.toLowerCase() === lower) return name;
  const seen = context.spellings.get(lower);
  // Graph navigation properties are camelCase, so a spelling starting lowercase wins over a more frequent
  // capitalised one; among equals the most frequent, then sort order.
  const best = seen
    ? ([...seen.entries()].sort(
        (a, b) =>
          Number(/^[a-z$]/.test(b[0])) - Number(/^[a-z$]/.test(a[0])) ||
          b[1] - a[1] ||
          compareCodePoints(a[0], b[0]),
      )[0]?.[0] as string)
    : segment;
  // When every page capitalises it, the camelCase convention still decides (OutboundX → outboundX).
  return /^[A-Z][a-z]/.test(best) ? `${best[0]?.toLowerCase()}${best.slice(1)}` : best;
}

function parameterName(previous: string | undefined, context: PathContext): string {
  if (!previous) return 'id';
  const target = context.navigations.get(previous);
  if (target) return `${shortName(target)}Id`;
  return `${singular(previous)}Id`;
}

/**
 * The singular of a collection segment no relationship names: `bookingBusinesses` → `bookingBusiness` (not
 * `bookingBusinesse`), `mailboxes` → `mailbox`, `policies` → `policy`, `access` stays.
 */
export function singular(plural: string): string {
  if (/ies$/.test(plural)) return plural.replace(/ies$/, 'y');
  if (/(?:ss|x|ch|sh|zz)es$/.test(plural)) return plural.slice(0, -2);
  if (/ss$/.test(plural)) return plural;
  return plural.replace(/s$/, '');
}

/**
 * Canonical form of a documented path: segment casing from the relationship names (or the corpus' most common
 * spelling), and Graph-style parameter names (`{outboundProvisioningFlowSetId}`) instead of repeated `{id}`.
 */
export function canonicalPath(
  written: string,
  context: PathContext,
  sink: DiagnosticSink,
  file: string,
  line: number,
): CanonicalPath {
  const raw = stripQuery(written).replace(/\/+$/, '');
  const segments: { text: string; param: boolean }[] = [];
  const seenParams = new Set<string>();
  let previous: string | undefined;
  for (const segment of raw.split('/').slice(1)) {
    if (/^\{.*\}$/.test(segment)) {
      const written = segment.slice(1, -1);
      const name = parameterName(previous, context);
      if (seenParams.has(written)) {
        sink.info(
          'path-parameter-duplicate',
          `the path names two parameters {${written}}; the second is {${name}}`,
          file,
          line,
        );
      }
      seenParams.add(written);
      segments.push({ text: name, param: true });
      continue;
    }
    const canonical = canonicalSegment(segment, context);
    if (canonical !== segment) {
      sink.warn(
        'path-casing',
        `path segment '${segment}' is cased '${canonical}' elsewhere in the docs; using '${canonical}'`,
        file,
        line,
      );
    }
    segments.push({ text: canonical, param: false });
    previous = canonical;
  }
  const path = `/${segments.map((s) => (s.param ? `{${s.text}}` : s.text)).join('/')}`;
  return { path, key: path.replace(/\/\$ref$/, ''), segments };
}
