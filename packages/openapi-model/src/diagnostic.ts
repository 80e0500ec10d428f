import { compareCodePoints } from './text.js';
export type Severity = 'error' | 'warning' | 'info';

/** One finding about an input, reported by any stage. `file` is relative to the input root; `line` is 1-based. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts diagnostics by file, line, severity, code, message: a stable order for output and snapshots. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareCodePoints(a.file, b.file) ||
      a.line - b.line ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compareCodePoints(a.code, b.code) ||
      compareCodePoints(a.message, b.message),
  );
}

/** `file:line: severity code: message`, one per line, the way compilers print. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity} ${d.code}: ${d.message}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
