import type { Behaviour, RequestContext } from '../core/context.js';
import { conflict } from '../core/problem.js';
import type { Json } from '../json.js';

async function refuseDuplicateSortIndex(
  context: RequestContext,
  referenceType: unknown,
  sortIndex: unknown,
  self?: string,
) {
  if (sortIndex === undefined || sortIndex === null) return;
  const same = (await context.tx.list(context.collection ?? context.target?.collection ?? '')).find(
    (d: Json) => d.referenceType === referenceType && d.sortIndex === sortIndex && d.id !== self,
  );
  if (same)
    throw conflict(
      `the sortIndex ${String(sortIndex)} is taken in ${String(referenceType)} by '${String(same.id)}': a sortIndex is unique within its referenceType`,
    );
}

/**
 * A reference definition's id is `{referenceType}-{code}`; its code and its sortIndex are each unique within
 * its referenceType (409 Conflict otherwise). One a tenant adds has the source `Tenant Defined`.
 */
export const referenceDefinitionKey: Behaviour = {
  id: 'reference-definition-key',
  docs: 'api-reference/beta/resources/industrydata-referencedefinition.md',
  summary:
    'A created reference definition gets the id {referenceType}-{code}; a code or sortIndex already used in its referenceType is a 409.',
  hook(operation) {
    if (
      operation.set?.name !== 'referenceDefinitions' ||
      (operation.kind !== 'create' && operation.kind !== 'update')
    )
      return undefined;
    return async (context, next) => {
      const body = context.body ?? {};
      if (operation.kind === 'create') {
        const id = `${String(body.referenceType)}-${String(body.code)}`;
        if (await context.tx.get(context.collection ?? '', id))
          throw conflict(
            `the reference definition '${id}' exists: a code is unique within its referenceType`,
          );
        await refuseDuplicateSortIndex(context, body.referenceType, body.sortIndex);
        Object.assign(context.serverSet, { id, source: body.source ?? 'Tenant Defined' });
      } else if (context.target)
        await refuseDuplicateSortIndex(
          context,
          context.target.entity.referenceType,
          body.sortIndex,
          context.target.id,
        );
      return next();
    };
  },
};
