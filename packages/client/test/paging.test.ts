import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AnyProvisioningFlow,
  createIndustryDataAdapter,
  createIndustryDataClient,
  type OutboundProvisioningFlowSet,
  pageAll,
  pages,
} from '../src/index.js';
import { fakeFetch, type Sent } from './fake-fetch.js';

const base = 'https://graph.microsoft.com/beta/external/industryData/outboundProvisioningFlowSets';
const link = (token: string) => `${base}?$top=2&$skiptoken=${token}`;

// Three pages of flow sets: s1 s2 → s3 s4 → s5.
function answer(request: Sent) {
  const url = new URL(request.url);
  const token = url.searchParams.get('$skiptoken');
  if (!token)
    return { status: 200, body: { value: [{ id: 's1' }, { id: 's2' }], '@odata.nextLink': link('p2') } };
  if (token === 'p2')
    return { status: 200, body: { value: [{ id: 's3' }, { id: 's4' }], '@odata.nextLink': link('p3') } };
  if (token === 'p3') return { status: 200, body: { value: [{ id: 's5' }] } };
  return { status: 200, body: { value: [], '@odata.nextLink': link('loop') } }; // links to itself: a service bug
}

function clientWith(handler = answer) {
  const transport = fakeFetch(handler);
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ fetch: transport.fetch, accessToken: 't', middleware: [] }),
  );
  return { sets: client.external.industryData.outboundProvisioningFlowSets, sent: transport.sent };
}

describe('pageAll: every item, following @odata.nextLink', () => {
  it('yields the items of every page in order, one request per page', async () => {
    const { sets, sent } = clientWith();
    const ids: (string | null | undefined)[] = [];
    for await (const set of pageAll(sets, { queryParameters: { top: 2 }, headers: { 'x-trace': ['t1'] } }))
      ids.push(set.id);
    expect(ids).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(sent.map((s) => s.url.replaceAll('%24', '$'))).toEqual([`${base}?$top=2`, link('p2'), link('p3')]);
    // The headers of the request configuration go with every page; the query is the link's own.
    expect(sent.map((s) => s.headers['x-trace'])).toEqual(['t1', 't1', 't1']);
  });

  it('leaving the loop early requests no more pages', async () => {
    const { sets, sent } = clientWith();
    for await (const set of pageAll(sets)) if (set.id === 's2') break;
    expect(sent).toHaveLength(1);
  });

  it('pages() gives each page with its nextLink, and resumes from one', async () => {
    const { sets, sent } = clientWith();
    const first = await pages(sets).next();
    expect(first.value).toEqual({ items: [{ id: 's1' }, { id: 's2' }], nextLink: link('p2') });
    const rest: string[] = [];
    for await (const page of pages(sets, undefined, { nextLink: link('p2') }))
      rest.push(page.items.map((s) => s.id).join(','));
    expect(rest).toEqual(['s3,s4', 's5']);
    expect(sent.map((s) => s.url)).toEqual([base, link('p2'), link('p3')]);
  });

  it('a service linking back to a page already read is an error, not an endless loop', async () => {
    const { sets } = clientWith();
    const read = async () => {
      for await (const _ of pageAll(sets, undefined, { nextLink: link('loop') })) {
        // nothing to do with the items
      }
    };
    await expect(read()).rejects.toThrow(/linked back to a page already read/);
  });

  it('an empty collection yields nothing', async () => {
    const { sets } = clientWith(() => ({ status: 200, body: { value: [] } }));
    const all = [];
    for await (const set of pageAll(sets)) all.push(set);
    expect(all).toEqual([]);
  });

  it('items are typed as the collection holds them', () => {
    const { sets } = clientWith();
    expectTypeOf(pageAll(sets)).toEqualTypeOf<AsyncGenerator<OutboundProvisioningFlowSet, void, undefined>>();
    const flows = sets.byOutboundProvisioningFlowSetId('s1').provisioningFlows;
    expectTypeOf(pageAll(flows)).toEqualTypeOf<AsyncGenerator<AnyProvisioningFlow, void, undefined>>();
  });
});
