import { createIndustryDataAdapter, createIndustryDataClient } from '@sds-toolkit/client';
import { describe, expect, it } from 'vitest';
import { RequestValidationError, ValidationMiddleware } from '../src/index.js';
import { NS, validator } from './helpers.js';

function client() {
  const sent: string[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    sent.push(`${init.method} ${url}`);
    return new Response(null, { status: 204 });
  };
  const adapter = createIndustryDataAdapter({ fetch, middleware: [new ValidationMiddleware(validator)] });
  return {
    sent,
    flows:
      createIndustryDataClient(
        adapter,
      ).external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId('s1')
        .provisioningFlows,
  };
}

describe('the validation middleware refuses an invalid request before it leaves the process', () => {
  it('an invalid update is refused with the diagnostics, and nothing is sent', async () => {
    const { sent, flows } = client();
    const error = await flows
      .byProvisioningFlowId('f1')
      // The client itself leaves out the properties the service sets: what is left to catch is one given as
      // additional data, and a classGroup flow update without its configuration.
      .patch({ odataType: `${NS}classGroupProvisioningFlow`, additionalData: { readinessStatus: 'ready' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).diagnostics.map((d) => d.ruleId)).toEqual([
      'read-only-properties',
      'required-properties',
    ]);
    expect((error as Error).message).toMatch(
      /updateFlow: the request breaks 2 documented rules, so it was not sent/,
    );
    expect(sent).toEqual([]);
  });

  it('a valid request goes through', async () => {
    const { sent, flows } = client();
    await flows.byProvisioningFlowId('f1').patch({
      odataType: `${NS}classGroupProvisioningFlow`,
      configuration: { additionalAttributes: ['courseTitle'] },
    });
    expect(sent).toEqual([
      'PATCH https://graph.microsoft.com/beta/external/industryData/outboundProvisioningFlowSets/s1/provisioningFlows/f1',
    ]);
  });

  it('requests without a body (reset) pass', async () => {
    const { sent, flows } = client();
    await flows.byProvisioningFlowId('f1').reset.post();
    expect(sent).toHaveLength(1);
  });
});

describe('matching a request to its operation', () => {
  it.each([
    ['POST', '/beta/external/industryData/outboundProvisioningFlowSets', 'createFlowSet', {}],
    [
      'PATCH',
      '/external/industryData/OutboundProvisioningFlowSets/a%20b/provisioningFlows/f1',
      'updateFlow',
      { outboundProvisioningFlowSetId: 'a b', provisioningFlowId: 'f1' },
    ],
    [
      'POST',
      '/v1.0/external/industryData/outboundProvisioningFlowSets/s/provisioningFlows/f/RESET',
      'resetFlow',
      { outboundProvisioningFlowSetId: 's', provisioningFlowId: 'f' },
    ],
  ])('%s %s → %s', (method, path, alias, parameters) => {
    const found = validator.catalogue.match(method, path);
    expect(found?.operation.alias).toBe(alias);
    expect(found?.parameters).toEqual(parameters);
  });

  it('an undescribed path matches nothing', () => {
    expect(validator.catalogue.match('GET', '/beta/users')).toBeUndefined();
  });
});
