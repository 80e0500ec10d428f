import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import type {
  AnyProvisioningFlow,
  ClassGroupProvisioningFlow,
  SecurityGroupProvisioningFlow,
} from '@sds-toolkit/client';
import { describe, expect, it } from 'vitest';
import { bearer, guid, odataError, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, token, wire } from './client.js';

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

/** One flow per type, as an SDS admin writes it with the client (`wire` gives the body the service gets). */
const classGroup: ClassGroupProvisioningFlow = {
  odataType: `#${NS}.classGroupProvisioningFlow`,
  configuration: {
    additionalAttributes: ['courseTitle', 'courseCode'],
    additionalOptions: { createTeam: false },
  },
};
const securityGroup: SecurityGroupProvisioningFlow = {
  odataType: `#${NS}.securityGroupProvisioningFlow`,
  creationOptions: { createBasedOnRoleGroup: true },
};
const newFlows: [string, AnyProvisioningFlow][] = [
  ['classGroup', classGroup],
  ['securityGroup', securityGroup],
  [
    'administrativeUnit',
    { odataType: `#${NS}.administrativeUnitProvisioningFlow`, creationOptions: { createBasedOnOrg: true } },
  ],
  ['user', { odataType: `#${NS}.userProvisioningFlow`, createUnmatchedUsers: true }],
];

describe('consumer: provisioning flows', () => {
  it.each(newFlows)('create a %s flow: 201', async (kind, flow) => {
    await pact
      .addInteraction()
      .given(State.flowSet, { setId })
      .uponReceiving(`a request to create a ${kind} provisioning flow`)
      .withRequest('POST', flows, (b) => b.headers(json).jsonBody(wire(flow)))
      .willRespondWith(201, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.${kind}ProvisioningFlow`),
          id: guid(flowId),
          readinessStatus: MatchersV3.equal('notReady'),
        }),
      )
      .executeTest(async (server) => {
        const created = await flowsOf(server.url).post(flow);
        expect(created?.odataType).toBe(`#${NS}.${kind}ProvisioningFlow`);
        expect(created?.id).toBeTruthy();
        expect(created?.readinessStatus).toBe('notReady');
      });
  });

  it('a second flow of the same type: 409 naming the rule', async () => {
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request to create a second classGroup flow in a flow set')
      .withRequest('POST', flows, (b) => b.headers(json).jsonBody(wire(classGroup)))
      .willRespondWith(409, (b) =>
        b.jsonBody({
          error: { code: MatchersV3.equal('conflict'), message: MatchersV3.includes('[one-flow-per-type]') },
        }),
      )
      .executeTest(async (server) => {
        await expect(flowsOf(server.url).post(classGroup)).rejects.toMatchObject({
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
        const flow = await flowsOf(server.url).byProvisioningFlowId(flowId).get();
        expect(flow?.odataType).toBe(`#${NS}.classGroupProvisioningFlow`);
        expect(flow?.readinessStatus).toBe('ready');
        // The configuration is a class group flow's: its type says so, and narrows the union.
        const configuration =
          flow?.odataType === `#${NS}.classGroupProvisioningFlow` ? flow.configuration : undefined;
        expect(configuration?.additionalAttributes).toContain('courseTitle');
      });
  });

  it('update a flow: 204 with no body', async () => {
    const update: ClassGroupProvisioningFlow = {
      odataType: `#${NS}.classGroupProvisioningFlow`,
      configuration: { additionalAttributes: ['classCode'] },
    };
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request to update the configuration of a classGroup flow')
      .withRequest('PATCH', `${flows}/${flowId}`, (b) => b.headers(json).jsonBody(wire(update)))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(flowsOf(server.url).byProvisioningFlowId(flowId).patch(update)).resolves.toBeUndefined();
      });
  });

  it('an update naming another flow type than the flow was created as: 400 [odata-type]', async () => {
    await pact
      .addInteraction()
      .given(State.flowSetWithFlow, { setId, flowType: 'classGroup', flowId })
      .uponReceiving('a request to update a classGroup flow with a securityGroup body')
      .withRequest('PATCH', `${flows}/${flowId}`, (b) => b.headers(json).jsonBody(wire(securityGroup)))
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
          flowsOf(server.url).byProvisioningFlowId(flowId).patch(securityGroup),
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
