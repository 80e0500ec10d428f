import { isStatusRange } from '@sds-toolkit/openapi-model';
import { operationFinding } from '../compare/findings.js';
import { statusChanges, statusValue } from '../compare/responses.js';
import { defineKind, pageDefects } from './kind.js';

/** Defects that can change the status the extractor reads. */
export const statusDefects = [
  'response-status-missing',
  'response-status-from-example',
  'status-conflict',
  'example-json-invalid',
  'example-status-mismatch',
] as const;

export const statusChanged = defineKind({
  kind: 'status-changed',
  classification: 'breaking',
  area: 'responses',
  when: 'the success status an operation’s page states changed (200 → 204, 201 → 202, …)',
  why: 'clients that check the status, or read a body that is no longer sent, break',
  defects: [...pageDefects, ...statusDefects],
  detect: (ctx) =>
    statusChanges(ctx.operations.pairs)
      .filter((s) => s.before && s.after && !isStatusRange(s.before) && !isStatusRange(s.after))
      .map((s) =>
        operationFinding(s.pair, {
          before: statusValue(s.before),
          after: statusValue(s.after),
          message: `the success status changed from ${s.before} to ${s.after}`,
        }),
      ),
});
