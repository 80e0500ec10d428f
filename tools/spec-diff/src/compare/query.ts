import type { OperationObject } from '@sds-toolkit/openapi-model';

/** The query options of an operation: `$top`, `$filter`, … (a shared parameter by its key, `top`). */
export const queryOptionsOf = (operation: OperationObject): string[] =>
  (operation.parameters ?? [])
    .filter((p) => (p as { in?: string }).in !== 'path')
    .map((p) => {
      const ref = (p as { $ref?: string }).$ref;
      return ref ? ref.slice(ref.lastIndexOf('/') + 1) : p.name;
    })
    .sort();
