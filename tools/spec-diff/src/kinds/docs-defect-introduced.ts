import { standaloneDefects } from './docs-defect-fixed.js';
import { defineKind } from './kind.js';

export const docsDefectIntroduced = defineKind({
  kind: 'docs-defect-introduced',
  classification: 'docs-defect',
  area: 'docs',
  when: 'the new revision has a docs defect the old did not (a cut table, broken JSON, a missing include), that explains no other change',
  why: 'not an API change: the extractor reported and, where it could, mended it; fix the page',
  needsDiagnostics: true,
  detect: (ctx) =>
    standaloneDefects(ctx, ctx.defects.introduced).map((d) => ({
      location: `${d.file}#L${d.line}`,
      before: null,
      after: { code: d.code, message: d.message },
      message: `${d.code}: ${d.message}`,
      source: { file: d.file, line: d.line, side: 'after' as const },
    })),
});
