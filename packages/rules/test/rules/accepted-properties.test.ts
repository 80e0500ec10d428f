import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, NS } from '../helpers.js';

describe('accepted-properties', () => {
  it.each([
    ['updateFlow', 'only configuration', classGroupFlow, []],
    ['updateFlowSet', 'displayName and filter', { displayName: 'x', filter: null }, []],
    [
      'updateFlowSet',
      'provisioningFlows is not accepted by the update page',
      { displayName: 'x', provisioningFlows: [] },
      ['/provisioningFlows'],
    ],
    [
      'createFlow',
      'create takes the whole object (no table)',
      { ...classGroupFlow, '@odata.type': `${NS}classGroupProvisioningFlow` },
      [],
    ],
  ])('%s: %s', (operation, _name, body, paths) => {
    expect(findings('accepted-properties', operation, body).map((d) => d.path)).toEqual(paths);
  });
});
