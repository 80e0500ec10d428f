import { describe, expect, it } from 'vitest';
import {
  type AnyProvisioningFlow,
  createIndustryDataAdapter,
  createIndustryDataClient,
  type OutboundProvisioningFlowSet,
} from '../src/index.js';
import { fakeFetch, type Handler } from './fake-fetch.js';

const NS = '#microsoft.graph.industryData';
const context =
  'https://graph.microsoft.com/beta/$metadata#external/industryData/outboundProvisioningFlowSets';

// What the service answers to a GET: ids, timestamps, readinessStatus and annotations, none of which an update
// may carry (the read-only-properties and accepted-properties rules refuse them).
const readFlow = {
  '@odata.context': `${context}('s1')/provisioningFlows/$entity`,
  '@odata.etag': 'W/"1"',
  '@odata.type': `${NS}.classGroupProvisioningFlow`,
  id: 'f1',
  createdDateTime: '2024-03-25T21:55:03.4953360Z',
  lastModifiedDateTime: '2024-03-25T21:55:03.4953360Z',
  readinessStatus: 'ready',
  configuration: {
    additionalAttributes: ['courseTitle'],
    additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
  },
};
const readSet = {
  '@odata.context': `${context}/$entity`,
  id: 's1',
  createdDateTime: '2024-03-25T21:55:03.4953360Z',
  lastModifiedDateTime: '2024-03-25T21:55:03.4953360Z',
  displayName: 'Two schools',
  filter: { '@odata.type': `${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1', 'S2'] },
  'provisioningFlows@odata.context': `${context}('s1')/provisioningFlows`,
  provisioningFlows: [readFlow],
};

function clientWith(handler: Handler) {
  const transport = fakeFetch(handler);
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ fetch: transport.fetch, accessToken: 't', middleware: [] }),
  );
  return { sets: client.external.industryData.outboundProvisioningFlowSets, sent: transport.sent };
}

describe('read, change one field, write back: the body carries what may be sent', () => {
  it('a flow: no id, timestamps, readinessStatus or annotations; @odata.type and the change', async () => {
    const { sets, sent } = clientWith((r) =>
      r.method === 'GET' ? { status: 200, body: readFlow } : { status: 204 },
    );
    const item = sets.byOutboundProvisioningFlowSetId('s1').provisioningFlows.byProvisioningFlowId('f1');
    const flow = await item.get();
    if (flow?.odataType !== `${NS}.classGroupProvisioningFlow`) throw new Error('not a classGroup flow');
    flow.configuration = { ...flow.configuration, additionalAttributes: ['courseTitle', 'courseCode'] };
    await item.patch(flow);
    expect(sent[1]?.body).toEqual({
      '@odata.type': `${NS}.classGroupProvisioningFlow`,
      configuration: {
        additionalAttributes: ['courseTitle', 'courseCode'],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
      },
    });
  });

  it('a flow set read with its flows expanded: only displayName and filter', async () => {
    const { sets, sent } = clientWith((r) =>
      r.method === 'GET' ? { status: 200, body: readSet } : { status: 204 },
    );
    const set = (await sets.byOutboundProvisioningFlowSetId('s1').get()) as OutboundProvisioningFlowSet;
    set.displayName = 'Two schools, renamed';
    await sets.byOutboundProvisioningFlowSetId('s1').patch(set);
    expect(sent[1]?.body).toEqual({
      displayName: 'Two schools, renamed',
      filter: { '@odata.type': `${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1', 'S2'] },
    });
  });

  it('a create from a copy of what was read leaves out the same', async () => {
    const { sets, sent } = clientWith((r) =>
      r.method === 'GET' ? { status: 200, body: readFlow } : { status: 201, body: { ...readFlow, id: 'f2' } },
    );
    const flows = sets.byOutboundProvisioningFlowSetId('s1').provisioningFlows;
    const copy = (await flows.byProvisioningFlowId('f1').get()) as AnyProvisioningFlow;
    const created = await flows.post(copy);
    expect(sent[1]?.body).toEqual({
      '@odata.type': readFlow['@odata.type'],
      configuration: readFlow.configuration,
    });
    // What comes back is read whole: the service's own properties are there.
    expect(created).toMatchObject({ id: 'f2', readinessStatus: 'ready' });
  });

  it('keeps @odata.bind (a link the body makes) and properties this client does not know', async () => {
    const { sets, sent } = clientWith(() => ({ status: 204 }));
    await sets
      .byOutboundProvisioningFlowSetId('s1')
      .provisioningFlows.byProvisioningFlowId('f1')
      .patch({
        odataType: `${NS}.userProvisioningFlow`,
        creationOptions: {
          configurations: [
            {
              additionalData: { 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/roleGroups/staff' },
              licenseSkus: ['sku'],
            },
          ],
        },
        additionalData: { futureProperty: 1, '@odata.etag': 'W/"1"' },
      });
    expect(sent[0]?.body).toEqual({
      '@odata.type': `${NS}.userProvisioningFlow`,
      creationOptions: {
        configurations: [
          {
            'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/roleGroups/staff',
            licenseSkus: ['sku'],
          },
        ],
      },
      futureProperty: 1,
    });
  });

  it('null still clears a property the caller may send', async () => {
    const { sets, sent } = clientWith(() => ({ status: 204 }));
    await sets.byOutboundProvisioningFlowSetId('s1').patch({ filter: null, lastModifiedDateTime: null });
    expect(sent[0]?.body).toEqual({ filter: null });
  });
});
