/**
 * A request path as OData reads it: segments, percent-decoded one by one (so `%2F` stays inside its segment),
 * each with what its parentheses hold: a key (`flowSets('id')`, `flowSets(id)`, `flowSets(id='x')`) or a
 * function's parameters (`getUploadSession(resetSession=true)`).
 */
export interface PathSegment {
  readonly name: string;
  /** The text between the parentheses, if the segment has them (`''` for `getStatistics()`). */
  readonly parens: string | undefined;
}

export type ParsedPath =
  | { readonly ok: true; readonly version: string | undefined; readonly segments: readonly PathSegment[] }
  | { readonly ok: false; readonly message: string };

const versions = new Set(['beta', 'v1.0']);

export function parsePath(pathname: string): ParsedPath {
  const raw = pathname.split('/');
  const segments: PathSegment[] = [];
  let version: string | undefined;
  for (const part of raw) {
    // Empty segments (`//`, a trailing `/`) name nothing; `.` and `..` are not OData segments.
    if (part === '') continue;
    let text: string;
    try {
      text = decodeURIComponent(part);
    } catch {
      return { ok: false, message: `the path segment '${part}' is not valid percent-encoding` };
    }
    if (segments.length === 0 && version === undefined && versions.has(text.toLowerCase())) {
      version = text.toLowerCase();
      continue;
    }
    const open = text.indexOf('(');
    if (open > 0 && text.endsWith(')'))
      segments.push({ name: text.slice(0, open), parens: text.slice(open + 1, -1) });
    else segments.push({ name: text, parens: undefined });
  }
  return { ok: true, version, segments };
}

/** The key a `name(…)` segment gives: `'a''b'` → `a'b`, `id='x'` → `x`, `x` → `x`; undefined if unreadable. */
export function keyOf(parens: string): string | undefined {
  const named = /^\s*[A-Za-z_]\w*\s*=\s*(.*)$/s.exec(parens);
  const text = (named ? (named[1] ?? '') : parens).trim();
  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'")) return undefined;
    const inner = text.slice(1, -1);
    // Inside the quotes a quote is written twice.
    if (/'(?!')/.test(inner.replaceAll("''", ''))) return undefined;
    return inner.replaceAll("''", "'");
  }
  return text.length > 0 && !text.includes(',') ? text : undefined;
}

/** A function's parameters from `a=1,b='x'` (values unquoted). */
export function argumentsOf(parens: string): Record<string, string> | undefined {
  const args: Record<string, string> = {};
  if (parens.trim() === '') return args;
  for (const part of parens.split(',')) {
    const m = /^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/s.exec(part);
    if (!m?.[1]) return undefined;
    const value = m[2] ?? '';
    args[m[1]] =
      value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : value;
  }
  return args;
}
