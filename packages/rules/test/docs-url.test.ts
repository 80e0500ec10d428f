import { describe, expect, it } from 'vitest';
import { learnUrl } from '../src/index.js';
import { findings, NS } from './helpers.js';

describe('learnUrl', () => {
  it.each([
    [
      'api-reference/beta/api/industrydata-provisioningflow-reset.md',
      'https://learn.microsoft.com/graph/api/industrydata-provisioningflow-reset?view=graph-rest-beta',
    ],
    [
      'api-reference/beta/resources/industrydata-basicfilter.md#L12',
      'https://learn.microsoft.com/graph/api/resources/industrydata-basicfilter?view=graph-rest-beta',
    ],
    [
      'resources/industrydata-basicfilter.md:12',
      'https://learn.microsoft.com/graph/api/resources/industrydata-basicfilter?view=graph-rest-beta',
    ],
    // A v1.0 page is published under v1.0's view, not beta's (found on v1.0 pages in a trial).
    [
      'api-reference/v1.0/api/bookingcustomer-get.md#L20',
      'https://learn.microsoft.com/graph/api/bookingcustomer-get?view=graph-rest-1.0',
    ],
    ['api-reference/beta/includes/permissions/x-permissions.md', undefined],
    ['https://www.rfc-editor.org/rfc/rfc8259', undefined],
  ])('%s → %s', (page, url) => {
    expect(learnUrl(page)).toBe(url);
  });

  it('every diagnostic carries the address of its page', () => {
    const [d] = findings('read-only-properties', 'updateFlow', {
      '@odata.type': `${NS}classGroupProvisioningFlow`,
      readinessStatus: 'ready',
    });
    expect(d?.docs).toBe('api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md');
    expect(d?.url).toBe(
      'https://learn.microsoft.com/graph/api/industrydata-classgroupprovisioningflow-update?view=graph-rest-beta',
    );
  });
});
