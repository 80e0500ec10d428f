import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, NS, securityGroupFlow } from '../helpers.js';

const state = {
  id: 'set-1',
  provisioningFlows: [{ id: 'flow-7', '@odata.type': `${NS}classGroupProvisioningFlow` }],
};

describe('one-flow-per-type', () => {
  it.each([
    ['a first flow of a type', classGroupFlow, { id: 'set-1', provisioningFlows: [] }, 0],
    ['another type next to it', securityGroupFlow, state, 0],
    ['no state known (nothing to compare)', classGroupFlow, undefined, 0],
    ['a second classGroup flow', classGroupFlow, state, 1],
    [
      'a second one written without #',
      { ...classGroupFlow, '@odata.type': 'microsoft.graph.industryData.classGroupProvisioningFlow' },
      state,
      1,
    ],
  ])('%s', (_name, body, flowSet, count) => {
    expect(findings('one-flow-per-type', 'createFlow', body, { flowSet })).toHaveLength(count);
  });

  it('names the existing flow and says what to do', () => {
    const [d] = findings('one-flow-per-type', 'createFlow', classGroupFlow, { flowSet: state });
    expect(d).toMatchObject({
      severity: 'error',
      path: '/@odata.type',
      docs: 'api-reference/beta/resources/industrydata-outboundprovisioningflowset.md',
    });
    expect(d?.message).toContain('flow-7');
    expect(d?.message).toMatch(/update that flow, or create this one in another flow set/);
  });
});
