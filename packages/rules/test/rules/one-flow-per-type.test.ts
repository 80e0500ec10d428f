import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, flowSet, NS, securityGroupFlow } from '../helpers.js';

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

  it.each([
    ['two flows of two types', [classGroupFlow, securityGroupFlow], []],
    [
      'two classGroup flows',
      [classGroupFlow, securityGroupFlow, classGroupFlow],
      ['/provisioningFlows/2/@odata.type'],
    ],
    [
      'the same type spelt with and without #',
      [
        securityGroupFlow,
        { ...securityGroupFlow, '@odata.type': 'microsoft.graph.industryData.securityGroupProvisioningFlow' },
      ],
      ['/provisioningFlows/1/@odata.type'],
    ],
  ])('a set created with its flows (deep insert): %s', (_name, provisioningFlows, paths) => {
    const body = { ...flowSet, provisioningFlows };
    expect(findings('one-flow-per-type', 'createFlowSet', body).map((d) => d.path)).toEqual(paths);
  });

  it("a deep insert's second flow of a type names the first and says what to do", () => {
    const body = { ...flowSet, provisioningFlows: [classGroupFlow, classGroupFlow] };
    expect(findings('one-flow-per-type', 'createFlowSet', body)).toMatchObject([
      {
        severity: 'error',
        message: expect.stringMatching(
          /^provisioningFlows\/0 is already a classGroupProvisioningFlow; a set holds one flow of each type: send one flow of this type/,
        ),
      },
    ]);
  });
});
