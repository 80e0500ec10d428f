import type { Behaviour } from '../core/context.js';
import { connectorValidate } from './connector-validate.js';
import { flowSetDeepInsert } from './flow-set-deep-insert.js';
import { inboundFlowPrerequisites } from './inbound-flow-prerequisites.js';
import { inboundFlowReadiness } from './inbound-flow-readiness.js';
import { odataBind } from './odata-bind.js';
import { oneFlowPerType } from './one-flow-per-type.js';
import { provisioningFlowReadiness } from './provisioning-flow-readiness.js';
import { provisioningFlowReset } from './provisioning-flow-reset.js';
import { referenceDefinitionKey } from './reference-definition-key.js';
import { runStatistics } from './run-statistics.js';
import { runs } from './runs.js';
import { seedReferenceDefinitions } from './seed-reference-definitions.js';
import { seedRoleGroups } from './seed-role-groups.js';
import { timeWindowsOnUpdate } from './time-windows-on-update.js';
import { updateKeepsType } from './update-keeps-type.js';
import { uploadSession } from './upload-session.js';
import { writeOnlySecrets } from './write-only-secrets.js';

/**
 * Every documented behaviour, in the order their hooks run around an operation's default handler: checks that
 * refuse (400, 409) first, then bind resolution, then what the service sets and starts.
 */
export const documentedBehaviours: readonly Behaviour[] = [
  flowSetDeepInsert,
  updateKeepsType,
  oneFlowPerType,
  referenceDefinitionKey,
  odataBind,
  inboundFlowPrerequisites,
  timeWindowsOnUpdate,
  inboundFlowReadiness,
  provisioningFlowReadiness,
  provisioningFlowReset,
  uploadSession,
  connectorValidate,
  runs,
  runStatistics,
  seedRoleGroups,
  seedReferenceDefinitions,
  writeOnlySecrets,
];
