import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { learnUrl } from '@sds-toolkit/rules';
import type { PipelineReport } from './pipeline-report.js';

/** `sds pipeline --json`: what the report shows, as data (the summary line without its markdown). */
export function reportJson(
  report: PipelineReport,
  summary: string,
  written: { readonly markdown: string; readonly html: string },
) {
  const failed = report.stages.filter((s) => s.status === 'failed');
  const byCode: Record<string, number> = {};
  for (const d of report.defects) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  const behaviours = report.contracts?.behaviours ?? [];
  // camelCase keys, as the suites' counts (`notRun`): the outcome 'not run' is a value, not a key.
  const counts = { passed: 0, failed: 0, notRun: 0 };
  const key = { passed: 'passed', failed: 'failed', 'not run': 'notRun' } as const;
  for (const b of behaviours) counts[key[b.outcome]]++;
  return {
    ok: failed.length === 0,
    summary: summary.replaceAll('**', ''),
    stages: report.stages.map((s) => ({
      name: s.name,
      status: s.status,
      summary: s.summary,
      durationMs: Math.round(s.durationMs),
      details: s.details,
    })),
    spec: report.spec,
    defects: {
      count: report.defects.length,
      byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => compareCodePoints(a, b))),
      items: report.defects.map((d) => ({ ...d, page: learnUrl(d.file) ?? null })),
    },
    diff: report.diff,
    contracts: report.contracts
      ? {
          suites: report.contracts.suites.map((s) => ({ ...s, durationMs: Math.round(s.durationMs) })),
          behaviours: {
            ...counts,
            total: behaviours.length,
            // A behaviour documented outside the reference (Graph's throttling guide) cites that page itself.
            items: behaviours.map((b) => ({
              ...b,
              page: learnUrl(b.docs) ?? (/^https:\/\/learn\.microsoft\.com\//.test(b.docs) ? b.docs : null),
            })),
          },
        }
      : null,
    benchmarks: report.benchmarks,
    report: written,
  };
}
