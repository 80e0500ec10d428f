import { isStatusRange } from '@sds-toolkit/openapi-model';
import { operationFinding } from '../compare/findings.js';
import { statusChanges, statusValue } from '../compare/responses.js';
import { defineKind } from './kind.js';
import { statusDefects } from './status-changed.js';

export const statusStated = defineKind({
  kind: 'status-stated',
  classification: 'documentation',
  area: 'responses',
  when: 'an operation whose pages stated no success status (2XX) now states one',
  defects: ['response-status-unknown', ...statusDefects],
  why: 'not an API change: the previous spec did not know the status and accepted any 2xx',
  detect: (ctx) =>
    statusChanges(ctx.operations.pairs)
      .filter((s) => isStatusRange(s.before) && s.after && !isStatusRange(s.after))
      .map((s) =>
        operationFinding(s.pair, {
          before: statusValue(s.before),
          after: statusValue(s.after),
          message: `the success status is now stated: ${s.after} (the spec accepted any 2xx)`,
        }),
      ),
});
