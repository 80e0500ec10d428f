import { posix } from 'node:path';
import type { DiagnosticSink } from '../diagnostics.js';

/** Resolves page links against the corpus, case-insensitively, reporting broken and mis-cased links once each. */
export class LinkResolver {
  private readonly byLower = new Map<string, string>();
  private readonly reported = new Set<string>();

  constructor(
    paths: readonly string[],
    private readonly sink: DiagnosticSink,
  ) {
    for (const p of paths) this.byLower.set(p.toLowerCase(), p);
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

  /** Reports a link into resources/ or api/ that points to no page of the corpus. */
  reportMissing(fromFile: string, url: string, line: number): void {
    this.once(
      'link-broken',
      'warning',
      `link '${url}' points to a page that is not in the docs folder`,
      fromFile,
      line,
    );
  }

  private once(
    code: string,
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
