import { abstractChanged } from './abstract-changed.js';
import { acceptedPropertiesNarrowed } from './accepted-properties-narrowed.js';
import { acceptedPropertiesWidened } from './accepted-properties-widened.js';
import { baseTypeChanged } from './base-type-changed.js';
import { deprecationAdded } from './deprecation-added.js';
import { deprecationWithdrawn } from './deprecation-withdrawn.js';
import { discriminatorMappingAdded } from './discriminator-mapping-added.js';
import { discriminatorMappingRemoved } from './discriminator-mapping-removed.js';
import { docsDefectFixed } from './docs-defect-fixed.js';
import { docsDefectIntroduced } from './docs-defect-introduced.js';
import { enumMemberAdded } from './enum-member-added.js';
import { enumMemberRemoved } from './enum-member-removed.js';
import type { ChangeKind } from './kind.js';
import { madeReadOnly } from './made-read-only.js';
import { methodChanged } from './method-changed.js';
import { newlyRequired } from './newly-required.js';
import { noLongerReadOnly } from './no-longer-read-only.js';
import { noLongerRequired } from './no-longer-required.js';
import { operationAdded } from './operation-added.js';
import { operationDescriptionChanged } from './operation-description-changed.js';
import { operationIdChanged } from './operation-id-changed.js';
import { operationListed } from './operation-listed.js';
import { operationListingChanged } from './operation-listing-changed.js';
import { operationMoved } from './operation-moved.js';
import { operationPagesChanged } from './operation-pages-changed.js';
import { operationRemoved } from './operation-removed.js';
import { operationUndocumented } from './operation-undocumented.js';
import { operationUnlisted } from './operation-unlisted.js';
import { pageMoved } from './page-moved.js';
import { permissionNarrowed } from './permission-narrowed.js';
import { permissionWidened } from './permission-widened.js';
import { permissionsDocumented } from './permissions-documented.js';
import { permissionsUndocumented } from './permissions-undocumented.js';
import { propertyAdded } from './property-added.js';
import { propertyDescriptionChanged } from './property-description-changed.js';
import { propertyRemoved } from './property-removed.js';
import { propertyRenamed } from './property-renamed.js';
import { propertyTypeChanged } from './property-type-changed.js';
import { queryParameterAdded } from './query-parameter-added.js';
import { queryParameterRemoved } from './query-parameter-removed.js';
import { removalDateChanged } from './removal-date-changed.js';
import { requestBodyAdded } from './request-body-added.js';
import { requestBodyRequired } from './request-body-required.js';
import { requestPropertyAdded } from './request-property-added.js';
import { requestPropertyRemoved } from './request-property-removed.js';
import { requestTypeAdded } from './request-type-added.js';
import { requestTypeRemoved } from './request-type-removed.js';
import { responseBodyAdded } from './response-body-added.js';
import { responseBodyRemoved } from './response-body-removed.js';
import { responseTypeChanged } from './response-type-changed.js';
import { schemaAdded } from './schema-added.js';
import { schemaDescriptionChanged } from './schema-description-changed.js';
import { schemaRemoved } from './schema-removed.js';
import { statusChanged } from './status-changed.js';
import { statusStated } from './status-stated.js';
import { statusUnknown } from './status-unknown.js';
import { typeBecameUnknown } from './type-became-unknown.js';
import { typeNameCasingChanged } from './type-name-casing-changed.js';
import { typeResolved } from './type-resolved.js';

/**
 * The rule table: every kind of change the diff reports, with its classification and reason, in the order of
 * the README's table (by area, most severe first). The docs kinds come last: they report the docs defects that
 * explain no change found by the others.
 */
export const changeKinds: readonly ChangeKind[] = [
  operationRemoved,
  operationUnlisted,
  operationUndocumented,
  operationMoved,
  methodChanged,
  operationIdChanged,
  operationAdded,
  operationListed,
  operationListingChanged,
  pageMoved,
  operationPagesChanged,
  operationDescriptionChanged,
  requestTypeRemoved,
  requestBodyRequired,
  acceptedPropertiesNarrowed,
  requestPropertyRemoved,
  newlyRequired,
  queryParameterRemoved,
  requestTypeAdded,
  requestBodyAdded,
  acceptedPropertiesWidened,
  requestPropertyAdded,
  noLongerRequired,
  queryParameterAdded,
  statusChanged,
  responseBodyRemoved,
  responseTypeChanged,
  statusUnknown,
  responseBodyAdded,
  statusStated,
  permissionNarrowed,
  permissionsUndocumented,
  permissionWidened,
  permissionsDocumented,
  schemaRemoved,
  enumMemberRemoved,
  baseTypeChanged,
  discriminatorMappingRemoved,
  typeBecameUnknown,
  schemaAdded,
  enumMemberAdded,
  discriminatorMappingAdded,
  typeNameCasingChanged,
  typeResolved,
  abstractChanged,
  schemaDescriptionChanged,
  propertyRemoved,
  propertyRenamed,
  propertyTypeChanged,
  madeReadOnly,
  deprecationAdded,
  deprecationWithdrawn,
  removalDateChanged,
  noLongerReadOnly,
  propertyAdded,
  propertyDescriptionChanged,
  docsDefectIntroduced,
  docsDefectFixed,
];

export type { Area, ChangeKind, Finding } from './kind.js';
