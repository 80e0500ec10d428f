/** Where Microsoft publishes the reference pages the docs folder holds (beta and v1.0 alike). */
const learn = 'https://learn.microsoft.com/graph/api/';

/**
 * The learn.microsoft.com address of a reference page given by its path in the docs folder
 * (`api-reference/beta/api/x.md` → `…/graph/api/x?view=graph-rest-beta`, `…/resources/y.md` →
 * `…/graph/api/resources/y?view=graph-rest-beta`; a page of `api-reference/v1.0/` → `view=graph-rest-1.0`);
 * undefined for anything else (an include, a URL).
 */
export function learnUrl(page: string): string | undefined {
  const match = /(?:^|\/)(?:api-reference\/(beta|v1\.0)\/)?(api|resources)\/([\w.-]+)\.md(?:$|[#:])/.exec(
    page,
  );
  if (!match || /^https?:/.test(page)) return undefined;
  const view = match[1] === 'v1.0' ? 'graph-rest-1.0' : 'graph-rest-beta';
  return `${learn}${match[2] === 'resources' ? 'resources/' : ''}${match[3]}?view=${view}`;
}

/** `api-reference/beta/resources/x.md#L52` (how the spec records a source) as a page and a line. */
export function parseSource(source: string): { page: string; line?: number } {
  const match = /^(.*?)(?:#L(\d+))?$/.exec(source);
  const line = match?.[2] ? Number(match[2]) : undefined;
  return { page: match?.[1] ?? source, ...(line ? { line } : {}) };
}
