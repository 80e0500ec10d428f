import { createIndustryDataAdapter, createIndustryDataClient, pageAll, pages } from '@sds-toolkit/client';
import { createToken, startSimulator } from '@sds-toolkit/simulator';
import { describe, expect, it } from 'vitest';

describe('pageAll against the simulator: its @odata.nextLink links are followed to the end', () => {
  it('five flow sets listed two at a time', async () => {
    const simulator = await startSimulator({});
    try {
      const client = createIndustryDataClient(
        createIndustryDataAdapter({
          baseUrl: simulator.url,
          accessToken: createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] }),
        }),
      );
      const sets = client.external.industryData.outboundProvisioningFlowSets;
      const names = ['a', 'b', 'c', 'd', 'e'];
      for (const displayName of names) await sets.post({ displayName });
      const listed: string[] = [];
      for await (const set of pageAll(sets, { queryParameters: { top: 2, orderby: ['displayName'] } }))
        listed.push(set.displayName ?? '');
      expect(listed).toEqual(names);
      const sizes: number[] = [];
      for await (const page of pages(sets, { queryParameters: { top: 2 } })) sizes.push(page.items.length);
      expect(sizes).toEqual([2, 2, 1]);
    } finally {
      await simulator.close();
    }
  }, 30_000);
});
