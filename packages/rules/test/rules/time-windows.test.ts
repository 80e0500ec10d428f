import { describe, expect, it } from 'vitest';
import { findings, NS, validator } from '../helpers.js';

const fileFlow = {
  '@odata.type': `${NS}inboundFileFlow`,
  displayName: 'Contoso roster',
  dataDomain: 'educationRostering',
  effectiveDateTime: '2025-08-01T00:00:00Z',
  expirationDateTime: '2026-07-31T00:00:00Z',
  'dataConnector@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/dataConnectors/c1',
  'year@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/years/y1',
};
const year = {
  displayName: '2025-26',
  startDate: '2025-09-01',
  endDate: '2026-07-15',
  year: { code: '2025' },
};

const create = (operation: string, body: unknown) => findings('time-windows', operation, body);

describe('time-windows', () => {
  it.each([
    ['external.industryData.CreateInboundFlows', 'a window of a year', fileFlow, []],
    [
      'external.industryData.CreateInboundFlows',
      'a window that ends before it starts',
      { ...fileFlow, expirationDateTime: '2025-07-31T00:00:00Z' },
      ['/expirationDateTime'],
    ],
    [
      'external.industryData.CreateInboundFlows',
      'a window that ends as it starts (empty)',
      { ...fileFlow, expirationDateTime: '2025-08-01T00:00:00Z' },
      ['/expirationDateTime'],
    ],
    [
      'external.industryData.CreateInboundFlows',
      'the same instant written in another offset (empty)',
      { ...fileFlow, expirationDateTime: '2025-08-01T02:00:00+02:00' },
      ['/expirationDateTime'],
    ],
    [
      'external.industryData.CreateInboundFlows',
      'an API flow whose window ends first',
      { ...fileFlow, '@odata.type': `${NS}inboundApiFlow`, expirationDateTime: '2024-01-01T00:00:00Z' },
      ['/expirationDateTime'],
    ],
    [
      'external.industryData.UpdateInboundFlows',
      'an update giving one end only (nothing to compare it with here)',
      { '@odata.type': `${NS}inboundFileFlow`, effectiveDateTime: '2030-01-01T00:00:00Z' },
      [],
    ],
    [
      'external.industryData.UpdateInboundFlows',
      'an update giving both, the end first',
      {
        '@odata.type': `${NS}inboundFileFlow`,
        effectiveDateTime: '2026-01-01T00:00:00Z',
        expirationDateTime: '2025-01-01T00:00:00Z',
      },
      ['/expirationDateTime'],
    ],
    [
      'external.industryData.CreateInboundFlows',
      'a start that is not a time (the schema says so, not this rule)',
      { ...fileFlow, effectiveDateTime: 'soon' },
      [],
    ],
    [
      'external.industryData.CreateInboundFlows',
      'an end without an offset (the schema refuses it, in its own words)',
      { ...fileFlow, expirationDateTime: '2025-07-31T00:00:00' },
      [],
    ],
    [
      'external.industryData.CreateInboundFlows',
      'an end that is a calendar day, not a date-time (the schema refuses it)',
      { ...fileFlow, expirationDateTime: '2025-07-31' },
      [],
    ],
    ['external.industryData.CreateYears', 'a school year', year, []],
    [
      'external.industryData.CreateYears',
      'a last day written in words (the schema refuses it, in its own words)',
      { ...year, endDate: 'August 31, 2025' },
      [],
    ],
    [
      'external.industryData.CreateYears',
      'a last day that is no day (the schema refuses it)',
      { ...year, startDate: '2025-03-01', endDate: '2025-02-30' },
      [],
    ],
    ['external.industryData.CreateYears', 'a year of one day', { ...year, endDate: '2025-09-01' }, []],
    [
      'external.industryData.CreateYears',
      'a year whose last day comes before its first',
      { ...year, endDate: '2025-08-31' },
      ['/endDate'],
    ],
  ])('%s: %s', (operation, _name, body, want) => {
    expect(create(operation, body).map((d) => d.path)).toEqual(want);
  });

  it.each([
    ['a last day written in words', { ...year, endDate: 'August 31, 2025' }, '/endDate'],
    ['a last day in US order', { ...year, endDate: '08/31/2025' }, '/endDate'],
  ])('leaves %s to the schema layer, whose words are answered', (_name, body, path) => {
    const diagnostics = validator.validate('external.industryData.CreateYears', body);
    expect(diagnostics.map((d) => [d.ruleId, d.path])).toEqual([['schema', path]]);
  });

  it('reads a date-time the same in every time zone (an offset is always given)', () => {
    const body = { ...fileFlow, expirationDateTime: '2025-08-01T01:59:59+02:00' };
    expect(create('external.industryData.CreateInboundFlows', body).map((d) => d.path)).toEqual([
      '/expirationDateTime',
    ]);
  });

  it('says which end comes first, with both values, and is an error', () => {
    const [d] = create('external.industryData.CreateInboundFlows', {
      ...fileFlow,
      expirationDateTime: '2025-07-31T00:00:00Z',
    });
    expect(d?.severity).toBe('error');
    expect(d?.message).toBe(
      "the flow's window is empty: expirationDateTime (2025-07-31T00:00:00Z) must come after effectiveDateTime (2025-08-01T00:00:00Z)",
    );
    expect(d?.url).toMatch(
      /^https:\/\/learn\.microsoft\.com\/graph\/api\/resources\/industrydata-inboundflow/,
    );
  });
});
