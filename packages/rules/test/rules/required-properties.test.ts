import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, NS } from '../helpers.js';

describe('required-properties', () => {
  it.each([
    ['updateFlow', 'classGroup with configuration', classGroupFlow, []],
    [
      'updateFlow',
      'classGroup without configuration',
      { '@odata.type': `${NS}classGroupProvisioningFlow` },
      ['/configuration'],
    ],
    [
      'updateFlow',
      'classGroup with configuration null',
      { '@odata.type': `${NS}classGroupProvisioningFlow`, configuration: null },
      ['/configuration'],
    ],
    [
      'updateFlow',
      'securityGroup without creationOptions',
      { '@odata.type': `${NS}securityGroupProvisioningFlow` },
      ['/creationOptions'],
    ],
    ['updateFlowSet', 'a set without displayName', { filter: null }, ['/displayName']],
    ['updateFlowSet', 'a set with displayName', { displayName: 'x' }, []],
  ])('%s: %s', (operation, _name, body, paths) => {
    expect(findings('required-properties', operation, body).map((d) => d.path)).toEqual(paths);
  });

  it('cites the update page of that flow type', () => {
    const [d] = findings('required-properties', 'updateFlow', {
      '@odata.type': `${NS}classGroupProvisioningFlow`,
    });
    expect(d?.docs).toBe('api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md');
    expect(d?.message).toBe(
      "'configuration' is required by updateFlow for a classGroupProvisioningFlow: add it",
    );
  });

  it('a required property written as null is told to take a value, not to be added', () => {
    const [d] = findings('required-properties', 'updateFlowSet', { displayName: null });
    expect(d?.message).toBe(
      "'displayName' is required by updateFlowSet for an outboundProvisioningFlowSet: give it a value, not null",
    );
  });
});
