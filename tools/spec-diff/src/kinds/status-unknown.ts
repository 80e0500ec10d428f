import { isStatusRange } from '@sds-toolkit/openapi-model';
import { operationFinding } from '../compare/findings.js';
import { statusChanges, statusValue } from '../compare/responses.js';
import { defineKind } from './kind.js';

export const statusUnknown = defineKind({
  kind: 'status-unknown',
  classification: 'docs-defect',
  area: 'responses',
  when: 'an operation had a stated success status and no page states one now (the spec says 2XX)',
  defects: ['response-status-unknown', 'response-status-missing', 'example-json-invalid', 'page-empty'],
  why: 'the pages lost the sentence or example that gave the status (response-status-unknown); the service did not change',
  detect: (ctx) =>
    statusChanges(ctx.operations.pairs)
      .filter((s) => s.before && !isStatusRange(s.before) && isStatusRange(s.after))
      .map((s) =>
        operationFinding(s.pair, {
          before: statusValue(s.before),
          after: statusValue(s.after),
          message: `no page states the success status any more (was ${s.before}): the spec accepts any 2xx`,
        }),
      ),
});
