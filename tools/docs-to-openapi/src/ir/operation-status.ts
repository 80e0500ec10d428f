import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { DiagnosticSink } from '../diagnostics.js';
import type { ApiDoc } from '../pages/api.js';

function mostCommon<T>(values: readonly T[], key: (v: T) => string): T | undefined {
  const counts = new Map<string, { value: T; count: number }>();
  for (const v of values) {
    const k = key(v);
    const entry = counts.get(k) ?? { value: v, count: 0 };
    entry.count++;
    counts.set(k, entry);
  }
  return [...counts.entries()].sort(
    (a, b) => b[1].count - a[1].count || compareCodePoints(a[0], b[0]),
  )[0]?.[1].value;
}

/**
 * The success status of an operation: what the Response sections of its pages state (the most common, each
 * disagreement an error); where none states one, the status line of its response examples, said; else
 * unknown (undefined, said), never a default guessed from the method.
 */
export function successStatus(
  docs: readonly ApiDoc[],
  label: string,
  sink: DiagnosticSink,
): number | undefined {
  const status = mostCommon(
    docs.filter((d) => d.status),
    (d) => String(d.status?.code),
  )?.status?.code;
  if (status !== undefined) {
    for (const doc of docs) {
      if (doc.status && doc.status.code !== status) {
        sink.error(
          'status-conflict',
          `this page says ${doc.status.code} where the other pages of ${label} say ${status}; using ${status}`,
          doc.file,
          doc.status.line,
        );
      }
    }
    return status;
  }
  const examples = docs.flatMap((d) => d.responseExamples.filter((e) => e.status !== undefined));
  const shown = mostCommon(examples, (e) => String(e.status));
  if (shown?.status !== undefined) {
    sink.warn(
      'response-status-from-example',
      `no page of ${label} states its success status in a Response section; the response example's ${shown.status} is used`,
      shown.source.file,
      shown.source.line,
    );
    return shown.status;
  }
  const [first] = docs;
  if (first)
    sink.warn(
      'response-status-unknown',
      `no page of ${label} states its success status, and no response example shows one; the spec says 2XX`,
      first.file,
      first.source.line,
    );
  return undefined;
}
