import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, guid, odataError, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, token } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const setId = '9ab41255-5364-4c53-e15c-08dc4ab6ee03';
const flowId = '417a82c8-7caa-4f82-3ac6-08dc4ac6fb7f';
const flows = `/beta/external/industryData/outboundProvisioningFlowSets/${setId}/provisioningFlows`;
const NS = 'microsoft.graph.industryData';
const auth = { Authorization: bearer(token) };
const json = { ...auth, 'Content-Type': 'application/json' };

const flowsOf = (url: string) =>
  clientFor(url).external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(setId)
    .provisioningFlows;

/** One body per flow type, as an SDS admin would send it. */
const newFlows = [
  [
    'classGroup',
    {
      '@odata.type': `#${NS}.classGroupProvisioningFlow`,
      configuration: {
        additionalAttributes: ['courseTitle', 'courseCode'],
        additionalOptions: { createTeam: false },
      },
    },
  ],
  [
    'securityGroup',
    {
      '@odata.type': `#${NS}.securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnRoleGroup: true },
    },
  ],
  [
    'administrativeUnit',
    {
      '@odata.type': `#${NS}.administrativeUnitProvisioningFlow`,
      creationOptions: { createBasedOnOrg: true },
    },
  ],
  ['user', { '@odata.type': `#${NS}.userProvisioningFlow`, createUnmatchedUsers: true }],
] as const;

/** The wire body → the client's model (camelCase odataType), the way a script writes it. */
const asModel = (body: Record<string, unknown>) => {
  const { '@odata.type': type, ...rest } = body;
  return { odataType: type, ...rest } as never;
};

describe('consumer: provisioning flows', () => {
  it.each(newFlows)('create a %s flow: 201', async (kind, body) => {
    await pact
      .addInteraction()
      .given(State.flowSet, { setId })
      .uponReceiving(`a request to create a ${kind} provisioning flow`)
      .withRequest('POST', flows, (b) => b.headers(json).jsonBody(body))
      .willRespondWith(201, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.${kind}ProvisioningFlow`),
          id: guid(flowId),
          readinessStatus: MatchersV3.equal('notReady'),
        }),
      )
      .executeTest(async (server) => {
        const created = await flowsOf(server.url).post(asModel(body));
        expect(created?.odataType).toBe(`#${NS}.${kind}ProvisioningFlow`);
        expect(created?.id).toBeTruthy();
        expect(created?.readinessStatus).toBe('notReady');
      });
  });

  it('a second flow of the same type: 409 naming the rule', async () => {
    const [, classGroup] = newFlows[0];
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request to create a second classGroup flow in a flow set')
      .withRequest('POST', flows, (b) => b.headers(json).jsonBody(classGroup))
      .willRespondWith(409, (b) =>
        b.jsonBody({
          error: { code: MatchersV3.equal('conflict'), message: MatchersV3.includes('[one-flow-per-type]') },
        }),
      )
      .executeTest(async (server) => {
        await expect(flowsOf(server.url).post(asModel(classGroup))).rejects.toMatchObject({
          status: 409,
          code: 'conflict',
        });
      });
  });

  it('list the flows of a set', async () => {
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request for the provisioning flows of a flow set')
      .withRequest('GET', flows, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            '@odata.type': odataType(`${NS}.classGroupProvisioningFlow`),
            id: MatchersV3.equal(flowId),
          }),
        }),
      )
      .executeTest(async (server) => {
        const page = await flowsOf(server.url).get();
        expect(page?.value?.[0]?.odataType).toBe(`#${NS}.classGroupProvisioningFlow`);
      });
  });

  it('get a flow: its derived type and configuration, ready', async () => {
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request for a classGroup flow')
      .withRequest('GET', `${flows}/${flowId}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.classGroupProvisioningFlow`),
          id: MatchersV3.equal(flowId),
          readinessStatus: MatchersV3.equal('ready'),
          configuration: { additionalAttributes: MatchersV3.eachLike('courseTitle') },
        }),
      )
      .executeTest(async (server) => {
        const flow = (await flowsOf(server.url).byProvisioningFlowId(flowId).get()) as
          | { configuration?: { additionalAttributes?: string[] } }
          | undefined;
        expect(flow?.configuration?.additionalAttributes).toContain('courseTitle');
        expect((flow as { readinessStatus?: string } | undefined)?.readinessStatus).toBe('ready');
      });
  });

  it('update a flow: 204 with no body', async () => {
    const body = {
      '@odata.type': `#${NS}.classGroupProvisioningFlow`,
      configuration: { additionalAttributes: ['classCode'] },
    };
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request to update the configuration of a classGroup flow')
      .withRequest('PATCH', `${flows}/${flowId}`, (b) => b.headers(json).jsonBody(body))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          flowsOf(server.url).byProvisioningFlowId(flowId).patch(asModel(body)),
        ).resolves.toBeUndefined();
      });
  });

  it('an update naming another flow type than the flow was created as: 400 [odata-type]', async () => {
    const [, securityGroup] = newFlows[1];
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request to update a classGroup flow with a securityGroup body')
      .withRequest('PATCH', `${flows}/${flowId}`, (b) => b.headers(json).jsonBody(securityGroup))
      .willRespondWith(400, (b) =>
        b.jsonBody({
          error: {
            code: MatchersV3.string('invalidRequest'),
            message: MatchersV3.includes('odata-type'),
          },
        }),
      )
      .executeTest(async (server) => {
        await expect(
          flowsOf(server.url).byProvisioningFlowId(flowId).patch(asModel(securityGroup)),
        ).rejects.toMatchObject({
          status: 400,
        });
      });
  });

  it('delete a flow: 204', async () => {
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'user', flowId })
      .uponReceiving('a request to delete a provisioning flow')
      .withRequest('DELETE', `${flows}/${flowId}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(flowsOf(server.url).byProvisioningFlowId(flowId).delete()).resolves.toBeUndefined();
      });
  });

  it('reset a flow: 202', async () => {
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request to reset a provisioning flow')
      .withRequest('POST', `${flows}/${flowId}/reset`, (b) => b.headers(auth))
      .willRespondWith(202)
      .executeTest(async (server) => {
        await expect(flowsOf(server.url).byProvisioningFlowId(flowId).reset.post()).resolves.toBeUndefined();
      });
  });

  it('an unknown flow: 404', async () => {
    await pact
      .addInteraction()
      .given(State.flowSet, { setId })
      .uponReceiving('a request to reset a flow that does not exist')
      .withRequest('POST', `${flows}/no-such-flow/reset`, (b) => b.headers(auth))
      .willRespondWith(404, (b) => b.jsonBody(odataError('notFound')))
      .executeTest(async (server) => {
        await expect(
          flowsOf(server.url).byProvisioningFlowId('no-such-flow').reset.post(),
        ).rejects.toMatchObject({ status: 404 });
      });
  });
});
