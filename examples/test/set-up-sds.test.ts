import { createToken, ManualClock, startSimulator } from '@sds-toolkit/simulator';
import { describe, expect, it } from 'vitest';
import { setUpSds } from '../set-up-sds.js';

describe('an SDS set-up end to end, through the client, against the simulator', () => {
  it('source system → connector → upload session → upload → validate → year → inbound flow → run → flow set with flows → reset → ready', async () => {
    // The simulator's time moves only when the script waits: no real delays.
    const clock = new ManualClock(Date.UTC(2025, 8, 1, 7, 0, 0));
    const simulator = await startSimulator({ clock, runIntervalMs: 60_000, runDurationMs: 30_000 });
    const lines: string[] = [];
    try {
      const result = await setUpSds({
        baseUrl: simulator.url,
        accessToken: createToken({
          scopes: [
            'IndustryData-SourceSystem.ReadWrite.All',
            'IndustryData-DataConnector.ReadWrite.All',
            'IndustryData-TimePeriod.ReadWrite.All',
            'IndustryData-InboundFlow.ReadWrite.All',
            'IndustryData-Run.Read.All',
            'IndustryData.ReadBasic.All',
            'IndustryData-OutboundFlow.ReadWrite.All',
          ],
        }),
        wait: (ms) => clock.advance(ms),
        log: (line) => lines.push(line),
      });
      expect(result.validation).toBe('succeeded');
      expect(result.runStatus).toBe('completed');
      expect(result.statistics).toEqual({ organizations: 2, people: 5, groups: 2, memberships: 5 });
      expect(result.flows.map((f) => f.type).sort()).toEqual([
        '#microsoft.graph.industryData.administrativeUnitProvisioningFlow',
        '#microsoft.graph.industryData.classGroupProvisioningFlow',
        '#microsoft.graph.industryData.securityGroupProvisioningFlow',
        '#microsoft.graph.industryData.userProvisioningFlow',
      ]);
      expect(result.flows.every((f) => f.readiness === 'ready')).toBe(true);
      expect(lines.at(-1)).toBe('every flow is ready');
      // A wait is said when it starts (a run takes a minute: the script must not look hung).
      expect(lines).toContain('waiting for a run (asking every 5 s, at most 120 times)');
    } finally {
      await simulator.close();
    }
  }, 60_000);
});
