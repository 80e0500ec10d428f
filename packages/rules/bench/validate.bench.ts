/**
 * Validations per second of a typical classGroup flow body and of a flow set with four flows, next to ajv alone
 * (the compiled JSON Schema, no documented rules) on the same payloads, in one run.
 */

import { defaultValidator, loadWireSchemas } from '@sds-toolkit/rules';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { writeBenchResult } from '../../../scripts/bench-result.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
const NS = '#microsoft.graph.industryData.';
const classGroupFlow = {
  '@odata.type': `${NS}classGroupProvisioningFlow`,
  configuration: {
    additionalAttributes: ['courseTitle', 'courseCode'],
    additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: {
      memberEnrollmentMappings: [{ '@odata.type': `${NS}sectionRoleReferenceValue`, code: 'student' }],
      ownerEnrollmentMappings: [{ '@odata.type': `${NS}sectionRoleReferenceValue`, code: 'teacher' }],
    },
  },
};
const flowSet = {
  displayName: 'Four flows',
  filter: { '@odata.type': `${NS}basicFilter`, attribute: 'orgExternalId', in: ['S1', 'S2'] },
  provisioningFlows: [
    classGroupFlow,
    {
      '@odata.type': `${NS}securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    },
    {
      '@odata.type': `${NS}administrativeUnitProvisioningFlow`,
      creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
    },
    {
      '@odata.type': `${NS}userProvisioningFlow`,
      createUnmatchedUsers: true,
      managementOptions: { additionalAttributes: ['userGradeLevel'] },
    },
  ],
};

function perSecond(run: () => unknown, seconds = 1.5): number {
  for (let i = 0; i < 5000; i++) run();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 500; i++) run();
    count += 500;
  }
  return count / ((performance.now() - start) / 1000);
}

const validator = defaultValidator();
const schemas = loadWireSchemas();
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema({ $id: 'wire', definitions: schemas.definitions });
const ajvFlow = ajv.compile({ $ref: 'wire#/definitions/ClassGroupProvisioningFlow' });
const ajvSet = ajv.compile({ $ref: 'wire#/definitions/OutboundProvisioningFlowSet' });

for (const [operation, body, alone] of [
  ['updateFlow', classGroupFlow, ajvFlow],
  ['createFlowSet', flowSet, ajvSet],
] as const) {
  const findings = validator.validate(operation, body);
  if (findings.length > 0 || !alone(body))
    throw new Error(`the ${operation} benchmark body must be valid: ${JSON.stringify(findings)}`);
}
const oursFlow = perSecond(() => validator.validate('updateFlow', classGroupFlow));
const aloneFlow = perSecond(() => ajvFlow(classGroupFlow));
const oursSet = perSecond(() => validator.validate('createFlowSet', flowSet));
const aloneSet = perSecond(() => ajvSet(flowSet));

const fmt = (n: number) => `${Math.round(n).toLocaleString('en')} /s`;
writeBenchResult('rules', 'Validation (rules package)', [
  { label: 'classGroup flow body: schema + documented rules', value: fmt(oursFlow), target: '≥ 100,000 /s' },
  { label: 'classGroup flow body: ajv alone', value: fmt(aloneFlow) },
  {
    label: 'classGroup flow body: time per validation ÷ ajv alone',
    ratio: aloneFlow / oursFlow,
    target: '≤ 1.5×',
  },
  { label: 'flow set with four flows: schema + documented rules', value: fmt(oursSet) },
  { label: 'flow set with four flows: ajv alone', value: fmt(aloneSet) },
  { label: 'flow set: time per validation ÷ ajv alone', ratio: aloneSet / oursSet, target: '≤ 1.5×' },
]);
