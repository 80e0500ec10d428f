import { defaultValidator, type RuleDiagnostic, type ValidateOptions } from '../src/index.js';

export const NS = '#microsoft.graph.industryData.';
export const validator = defaultValidator();

/** The diagnostics one rule gives for a payload. */
export function findings(
  ruleId: string,
  operation: string,
  payload: unknown,
  options?: ValidateOptions,
): RuleDiagnostic[] {
  return validator.validate(operation, payload, options).filter((d) => d.ruleId === ruleId);
}

export const classGroupFlow = {
  '@odata.type': `${NS}classGroupProvisioningFlow`,
  configuration: {
    additionalAttributes: ['courseTitle'],
    additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: {
      memberEnrollmentMappings: [{ '@odata.type': `${NS}sectionRoleReferenceValue`, code: 'student' }],
      ownerEnrollmentMappings: [{ '@odata.type': `${NS}sectionRoleReferenceValue`, code: 'teacher' }],
    },
  },
};
export const securityGroupFlow = {
  '@odata.type': `${NS}securityGroupProvisioningFlow`,
  creationOptions: {
    '@odata.type': `${NS}securityGroupCreationOptions`,
    createBasedOnOrg: true,
    createBasedOnOrgPlusRoleGroup: false,
  },
};
export const flowSet = {
  displayName: 'Two schools',
  filter: { '@odata.type': `${NS}basicFilter`, attribute: 'orgExternalId', in: ['S1', 'S2'] },
};
