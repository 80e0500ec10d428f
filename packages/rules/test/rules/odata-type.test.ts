import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, NS, securityGroupFlow } from '../helpers.js';

describe('odata-type', () => {
  it.each([
    ['createFlow', 'present and known', classGroupFlow, undefined, 0, ''],
    [
      'createFlow',
      'missing on a polymorphic endpoint',
      { configuration: {} },
      undefined,
      1,
      'add "@odata.type"',
    ],
    [
      'createFlow',
      'unknown type',
      { '@odata.type': `${NS}gradebookProvisioningFlow` },
      undefined,
      1,
      'is not one of',
    ],
    [
      'createFlow',
      'the abstract base',
      { '@odata.type': `${NS}provisioningFlow` },
      undefined,
      1,
      'is not one of',
    ],
    [
      'updateFlow',
      'matching the flow it updates',
      classGroupFlow,
      { id: 'f1', '@odata.type': `${NS}classGroupProvisioningFlow` },
      0,
      '',
    ],
    [
      'updateFlow',
      'a securityGroup body to a classGroup flow',
      securityGroupFlow,
      { id: 'f1', '@odata.type': `${NS}classGroupProvisioningFlow` },
      1,
      "a flow's type cannot change",
    ],
    ['createFlowSet', 'not needed where one type is accepted', { displayName: 'x' }, undefined, 0, ''],
  ])('%s: %s', (operation, _name, body, target, count, message) => {
    const found = findings('odata-type', operation, body, { target });
    expect(found).toHaveLength(count);
    if (count > 0) expect(found[0]?.message).toContain(message);
  });

  it.each([
    [
      'the wrong case',
      `${NS}classgroupProvisioningFlow`,
      `type names are case-sensitive: write "${NS}classGroupProvisioningFlow"`,
    ],
    [
      'the base type',
      `${NS}provisioningFlow`,
      'provisioningFlow is their base type: write the concrete type',
    ],
    ['a type of another API', '#microsoft.graph.user', 'write one of them'],
  ])('an @odata.type the endpoint does not take says what to write: %s', (_name, written, fix) => {
    const [d] = findings('odata-type', 'createFlow', { ...classGroupFlow, '@odata.type': written });
    expect(d?.message).toMatch(
      /^"@odata.type" ".*" is not one of #microsoft\.graph\.industryData\.administrativeUnitProvisioningFlow, /,
    );
    expect(d?.message.endsWith(fix) || d?.message.includes(`: ${fix}`)).toBe(true);
  });

  it('a connector updated as another type is called a connector, with the articles its types take', () => {
    const [d] = findings(
      'odata-type',
      'external.industryData.UpdateDataConnectors',
      { '@odata.type': `${NS}azureDataLakeConnector`, displayName: 'x' },
      { target: { id: 'c1', '@odata.type': `${NS}oneRosterApiDataConnector` } },
    );
    expect(d?.message).toBe(
      `the connector c1 is a oneRosterApiDataConnector, the body an azureDataLakeConnector: a connector's type cannot change; send "@odata.type": "${NS}oneRosterApiDataConnector"`,
    );
  });
});
