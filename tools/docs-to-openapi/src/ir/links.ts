import { posix } from 'node:path';
import type { DiagnosticCode } from '../codes.js';
import type { DiagnosticSink } from '../diagnostics.js';

/** Resolves page links against the corpus, case-insensitively, reporting broken and mis-cased links once each. */
export class LinkResolver {
  private readonly byLower = new Map<string, string>();
  private readonly reported = new Set<string>();
  /** Missing link targets (lower-case corpus path) → every place that links them. */
  private readonly missing = new Map<string, { url: string; file: string; line: number }[]>();
  /** Name prefixes of the folder's pages (`industrydata` of `industrydata-run.md`): the page families it holds. */
  private readonly families = new Set<string>();

  constructor(
    paths: readonly string[],
    private readonly sink: DiagnosticSink,
  ) {
    for (const p of paths) {
      this.byLower.set(p.toLowerCase(), p);
      this.families.add(familyOf(p));
    }
  }

  /** The corpus path a relative link points to, or undefined (reported) when it points nowhere in the corpus. */
  resolve(fromFile: string, url: string, line: number): string | undefined {
    const target = url.split('#')[0]?.split('?')[0] ?? '';
    if (!target || /^[a-z]+:/i.test(target) || target.startsWith('/')) return undefined;
    const joined = posix.normalize(posix.join(posix.dirname(fromFile), target));
    if (this.byLower.has(joined.toLowerCase())) {
      const actual = this.byLower.get(joined.toLowerCase()) as string;
      if (actual !== joined)
        this.once(
          'link-case',
          'info',
          `link '${url}' differs in case from the page ${actual}`,
          fromFile,
          line,
        );
      return actual;
    }
    return undefined;
  }

  /** Records a link into resources/ or api/ that points to no page of the corpus; see `reportMissing`. */
  recordMissing(fromFile: string, url: string, line: number): void {
    const target = posix
      .normalize(posix.join(posix.dirname(fromFile), url.split('#')[0]?.split('?')[0] ?? ''))
      .toLowerCase();
    const places = this.missing.get(target) ?? [];
    if (!places.some((p) => p.file === fromFile && p.line === line))
      places.push({ url, file: fromFile, line });
    this.missing.set(target, places);
  }

  /**
   * One diagnostic per missing target, at its first link, with the count. A page of a family the folder holds
   * (same name prefix) that is missing is a broken link; any other is a page outside the folder, which a
   * folder holding one namespace cannot have: information, not a defect.
   */
  reportMissing(): void {
    for (const [target, places] of this.missing) {
      const [first] = [...places].sort((a, b) =>
        a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
      );
      if (!first) continue;
      const count = places.length === 1 ? 'a link' : `${places.length} links`;
      const name = target.split('/').pop() ?? target;
      if (this.families.has(familyOf(target)))
        this.sink.warn(
          'link-broken',
          `link '${first.url}' points to a page that is not in the docs folder (${count} to ${name}; first here)`,
          first.file,
          first.line,
        );
      else
        this.sink.info(
          'link-outside-folder',
          `${count} to ${name}, a page outside the docs folder (first here)`,
          first.file,
          first.line,
        );
    }
    this.missing.clear();
  }

  private once(
    code: DiagnosticCode,
    severity: 'info' | 'warning',
    message: string,
    file: string,
    line: number,
  ): void {
    const key = `${code}|${file}|${line}|${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.sink.add(code, severity, message, file, line);
  }
}

/** The family of a page: its name up to the first `-` (`industrydata` for `industrydata-run.md`). */
function familyOf(path: string): string {
  const name = (path.split('/').pop() ?? path).toLowerCase().replace(/\.md$/, '');
  return name.includes('-') ? (name.split('-')[0] ?? name) : '';
}
