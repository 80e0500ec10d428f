import { createIndustryDataAdapter, createIndustryDataClient } from '@sds-toolkit/client';
import { createToken, startSimulator } from '@sds-toolkit/simulator';
import { describe, expect, it } from 'vitest';

const NS = '#microsoft.graph.industryData';

// Read → change one field → write the model back: the simulator enforces the documented rules (no id,
// timestamps, readinessStatus, annotations or relationships in an update), so it refuses any of them.
describe('read-modify-write, against the simulator', () => {
  it('a flow and a flow set read whole (flows expanded) are accepted back', async () => {
    const simulator = await startSimulator({ readinessDelayMs: 0 });
    try {
      const client = createIndustryDataClient(
        createIndustryDataAdapter({
          baseUrl: simulator.url,
          accessToken: createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] }),
        }),
      );
      const sets = client.external.industryData.outboundProvisioningFlowSets;
      const created = await sets.post({
        displayName: 'Read-modify-write',
        filter: { odataType: `${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1'] },
      });
      if (!created?.id) throw new Error('no flow set id');
      const set = sets.byOutboundProvisioningFlowSetId(created.id);
      const posted = await set.provisioningFlows.post({
        odataType: `${NS}.classGroupProvisioningFlow`,
        configuration: { additionalAttributes: ['courseTitle'], additionalOptions: { createTeam: false } },
      });
      if (!posted?.id) throw new Error('no flow id');
      const item = set.provisioningFlows.byProvisioningFlowId(posted.id);

      const flow = await item.get();
      if (flow?.odataType !== `${NS}.classGroupProvisioningFlow`) throw new Error(`read ${flow?.odataType}`);
      expect(flow).toMatchObject({ id: posted.id, readinessStatus: expect.any(String) });
      flow.configuration = { ...flow.configuration, additionalAttributes: ['courseTitle', 'courseCode'] };
      await item.patch(flow);
      const again = await item.get();
      expect(
        again?.odataType === `${NS}.classGroupProvisioningFlow` && again.configuration?.additionalAttributes,
      ).toEqual(['courseTitle', 'courseCode']);

      const read = await set.get({ queryParameters: { expand: ['provisioningFlows'] } });
      if (!read) throw new Error('no flow set');
      expect(read.provisioningFlows).toHaveLength(1);
      await set.patch({ ...read, displayName: 'Renamed' });
      expect((await set.get())?.displayName).toBe('Renamed');
      await set.delete();
    } finally {
      await simulator.close();
    }
  }, 30_000);
});
