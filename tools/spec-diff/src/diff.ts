import { compareCodePoints, type OpenApiDocument } from '@sds-toolkit/openapi-model';
import { buildContext } from './context.js';
import { findDefects } from './defects.js';
import { changeKinds } from './kinds/index.js';
import {
  type Change,
  type Classification,
  classifications,
  type DefectsCompared,
  type DiffOptions,
} from './types.js';

const rank = (c: Change) => classifications.indexOf(c.classification);
const isApiChange = (c: Classification) => c === 'breaking' || c === 'non-breaking';

/**
 * Every change between two revisions of a spec, found and classified by the rule table (`changeKinds`), in a
 * stable order: most severe first, then by location. A change whose docs pages carry a defect the extractor
 * reported, of a code that can cause that kind of change, carries the defect; if it would be an API change
 * (breaking or non-breaking), it is classified `docs-defect` instead.
 */
export function diffSpecs(
  before: OpenApiDocument,
  after: OpenApiDocument,
  options: DiffOptions = {},
): { changes: Change[]; defects: DefectsCompared } {
  const ctx = buildContext(before, after, options);
  const changes: Change[] = [];
  for (const rule of changeKinds) {
    for (const finding of rule.detect(ctx)) {
      const found = findDefects(ctx.defects, rule.defects, {
        files: finding.files ?? [],
        pages: finding.pages,
        names: finding.names,
      });
      for (const d of found?.diagnostics ?? []) ctx.explained.add(d);
      const cause = found?.diagnostics[0]
        ? { diagnostic: found.diagnostics[0], side: found.side }
        : undefined;
      changes.push({
        // An API change a defect explains is a docs defect; a change that is no API change keeps its class.
        classification: cause && isApiChange(rule.classification) ? 'docs-defect' : rule.classification,
        kind: rule.kind,
        location: finding.location,
        before: finding.before ?? null,
        after: finding.after ?? null,
        message: finding.message,
        why: rule.why,
        source: finding.source ?? null,
        defect: cause
          ? {
              code: cause.diagnostic.code,
              message: cause.diagnostic.message,
              file: cause.diagnostic.file,
              line: cause.diagnostic.line,
              side: cause.side,
              apparent: rule.classification,
            }
          : null,
      });
    }
  }
  changes.sort(
    (x, y) =>
      rank(x) - rank(y) ||
      compareCodePoints(x.location, y.location) ||
      compareCodePoints(x.kind, y.kind) ||
      compareCodePoints(x.message, y.message),
  );
  return { changes, defects: ctx.defects.compared };
}
