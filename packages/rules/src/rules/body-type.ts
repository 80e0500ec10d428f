import { shortName as typeShortName } from '@sds-toolkit/openapi-model';
import type { OperationInfo } from '../catalogue.js';
import type { ValidationContext } from '../types.js';
import { namedType } from '../walk.js';

/** The type a body is: the one its `@odata.type` names, else the operation's declared body type. */
export function bodyType({ operation, payload, catalogue }: ValidationContext): string | undefined {
  return (
    namedType(catalogue, (payload as { '@odata.type'?: unknown })['@odata.type']) ?? operation.requestType
  );
}

/** The short name of an OData type (`microsoft.graph.industryData.userProvisioningFlow` → `userProvisioningFlow`). */
export const shortName = (type: string | undefined): string => (type ? typeShortName(type) : '');

/**
 * The page to cite for `operation` with a body of `type`: the subtype's own page where the operation has one
 * (`…-userprovisioningflow-update.md`), else the operation's first page, else `fallback`.
 */
export function pageFor(operation: OperationInfo, type: string | undefined, fallback: string): string {
  const short = shortName(type).toLowerCase();
  return (short && operation.docs.find((d) => d.includes(`-${short}-`))) || operation.docs[0] || fallback;
}
