import { operationFinding, prose } from '../compare/findings.js';
import { defineKind } from './kind.js';

export const operationDescriptionChanged = defineKind({
  kind: 'operation-description-changed',
  classification: 'documentation',
  area: 'operations',
  when: 'the title or description of an operation’s page changed (white space aside)',
  why: 'words only: no request or response changes',
  defects: ['description-swapped'],
  detect: (ctx) =>
    ctx.operations.pairs
      .filter(
        (pair) =>
          prose(pair.before.operation.summary) !== prose(pair.after.operation.summary) ||
          prose(pair.before.operation.description) !== prose(pair.after.operation.description),
      )
      .map((pair) =>
        operationFinding(pair, {
          before: pair.before.operation.description ?? pair.before.operation.summary ?? null,
          after: pair.after.operation.description ?? pair.after.operation.summary ?? null,
          message: 'the operation summary or description changed',
        }),
      ),
});
