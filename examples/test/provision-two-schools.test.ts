import { createToken, startSimulator } from '@sds-toolkit/simulator';
import { describe, expect, it } from 'vitest';
import { provisionTwoSchools } from '../provision-two-schools.js';

describe('the example script, against the simulator', () => {
  it('creates the set and two flows, resets and waits for ready, lists, and cleans up', async () => {
    const simulator = await startSimulator({ readinessDelayMs: 100 });
    const lines: string[] = [];
    try {
      const result = await provisionTwoSchools({
        baseUrl: simulator.url,
        accessToken: createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] }),
        log: (l) => lines.push(l),
      });
      expect(result.flowTypes).toEqual([
        '#microsoft.graph.industryData.classGroupProvisioningFlow',
        '#microsoft.graph.industryData.securityGroupProvisioningFlow',
      ]);
      expect(result.readinessAfterReset).toBe('ready');
      expect(await simulator.simulator.store.list('outboundProvisioningFlowSets')).toEqual([]);
      expect(lines.at(-1)).toMatch(/^deleted flow set /);
    } finally {
      await simulator.close();
    }
  }, 30_000);
});
