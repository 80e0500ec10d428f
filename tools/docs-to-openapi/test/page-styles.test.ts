import { fileURLToPath } from 'node:url';
import type { SchemaObject } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { extractFromFolder } from '../src/index.js';

// Pages written other ways than the corpus writes them: each fixture folder holds one style, on pages of our own.
const fixture = (name: string) =>
  extractFromFolder(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const methods = fixture('methods-tables');
const inheritance = fixture('inheritance-styles');
const enums = fixture('enum-pages');
const headings = fixture('heading-levels');
const cut = fixture('cut-table');
const json = fixture('json-examples');
const permissions = fixture('permission-orders');
const plurals = fixture('plural-segments');
const navigationPost = fixture('navigation-post');
const rowCells = fixture('row-cells');
const alternates = fixture('request-alternates');
const actionParameters = fixture('action-parameters');
const queryOptions = fixture('query-options');
const propertyCasing = fixture('property-casing');
const flagsEnum = fixture('flags-enum');
const v1Folder = fixture('v1-folder');
const functionParameters = fixture('function-parameters');
const reportFunction = fixture('report-function');
const referencePost = fixture('reference-post');
const undocumentedBody = fixture('undocumented-body');
const staleAlternate = fixture('stale-alternate');
const listResponses = fixture('list-responses');
const deltaFunction = fixture('delta-function');
const requestHeaders = fixture('request-headers');
const perResource = fixture('per-resource-permissions');
const splitRequests = fixture('split-request-sections');
const streamContent = fixture('stream-content');
const wrappedBody = fixture('wrapped-body');
const actionCollection = fixture('action-collection');
const readOnlyWords = fixture('read-only-words');
const valueSubsections = fixture('value-subsections');
const requiredColumn = fixture('required-column');
const markupBody = fixture('markup-body');
const preferRepresentation = fixture('prefer-representation');
const prerequisitesStyle = fixture('prerequisites-style');

type X = typeof methods;
const schema = (x: X, name: string) => x.spec.components.schemas[`microsoft.graph.${name}`] as SchemaObject;
const body = (s: SchemaObject) => (s.allOf ? (s.allOf[1] as SchemaObject) : s);
const base = (x: X, name: string) => schema(x, name).allOf?.[0]?.$ref?.split('/').pop();
const found = (x: X, code: string, file?: string) =>
  x.diagnostics.filter((d) => d.code === code && (!file || d.file === file)).map((d) => d.line);

// #12: industryData's orphan 'List industryDataConnector' gave an inbound flow's single dataConnector as a
// collection (ListDataConnector, old permissions), while the listed Get page documents that path as one.
describe("a listed page's further request line against an unlisted page's", () => {
  it('the listed page wins the path: one entity, its permissions; the unlisted page is a stale duplicate', () => {
    const get = staleAlternate.spec.paths['/contoso/trips/{tripId}/boat']?.get;
    expect(get?.operationId).toBe('contoso.trips.GetBoat');
    expect(get?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.boat',
    });
    expect(get?.['x-docs-pages']).toEqual(['contoso-boat-get']);
    expect(found(staleAlternate, 'page-stale-duplicate', 'api/contoso-root-list-boat.md')).toEqual([6]);
    expect(found(staleAlternate, 'request-path-alternate')).toEqual([]);
  });
});

// #12: v1.0 'List subscriptions' ("a list of [subscription] objects", "isCollection": true) was one subscription
// with the operationId of 'Get subscription' (GetSubscriptions.get twice: ids were not unique).
describe('collections however the page words them', () => {
  const op = (path: string) => listResponses.spec.paths[path]?.get;
  const schemaOf = (path: string) => op(path)?.responses['200']?.content?.['application/json']?.schema;
  it('"a list of [x] objects" and an "isCollection" response annotation make a list of x', () => {
    expect(op('/contoso/beacons')?.operationId).toBe('contoso.ListBeacons');
    expect(JSON.stringify(schemaOf('/contoso/beacons'))).toContain('"type":"array"');
    expect(JSON.stringify(schemaOf('/contoso/beacons/{beaconId}/flashes'))).toContain('"type":"array"');
    expect(op('/contoso/beacons/{beaconId}')?.operationId).toBe('contoso.GetBeacons');
    expect(found(listResponses, 'example-property-unknown')).toEqual([]);
  });
  it('operationIds stay unique when two GETs differ only in their parameters', () => {
    const ids = Object.values(listResponses.spec.paths).flatMap((item) =>
      ['get', 'post', 'patch', 'put', 'delete'].flatMap((m) => {
        const id = (item as Record<string, { operationId?: string } | undefined>)[m]?.operationId;
        return id ? [id] : [];
      }),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(op('/contoso/beacons/{beaconId}/flashes')?.operationId).toBe('contoso.beacons.ListFlashes.get2');
    expect(op('/contoso/beacons/flashes')?.operationId).toBe('contoso.beacons.ListFlashes.get');
  });
});

// #12: v1.0 'todoTask: delta' was a GetDelta returning one todoTask, without $deltatoken, $skiptoken or the
// OData options its page lists.
describe('a delta function', () => {
  const op = deltaFunction.spec.paths['/contoso/depots/{depotId}/parcels/delta']?.get;
  it('is a function titled "<type>: delta", answering "[x] collection object" as a collection with its deltaLink', () => {
    expect(op?.operationId).toBe('contoso.depots.parcels.delta');
    expect(op?.['x-ms-docs-operation-type']).toBe('function');
    const schema = op?.responses['200']?.content?.['application/json']?.schema as SchemaObject;
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'value',
      '@odata.count',
      '@odata.nextLink',
      '@odata.deltaLink',
    ]);
  });
  it('takes the tokens of its "Query parameters" table and the OData options listed, not those said unsupported', () => {
    const names = (op?.parameters ?? []).map((p) =>
      '$ref' in p ? String(p.$ref).split('/').pop() : (p as { name: string }).name,
    );
    expect(names).toEqual(['filter', 'select', 'top', '$deltatoken', '$skiptoken', 'Prefer']);
    expect(deltaFunction.diagnostics).toEqual([]);
  });
});

// #12: planner's Update plannerTask needs If-Match (Required) and v1.0 List calendarView needs startDateTime and
// endDateTime ("provide the following required query parameters"): the header was dropped, the query parameters
// optional, the OData options its "Query parameters" section grants missing, and its users/{id | userPrincipalName}
// lines refused as placeholders.
describe('request headers and required query parameters', () => {
  type Param = { name?: string; in?: string; required?: boolean; description?: string; $ref?: string };
  const params = (path: string, method: 'get' | 'patch') =>
    (requestHeaders.spec.paths[path]?.[method]?.parameters ?? []) as Param[];
  it('a header row is a header parameter, required when it says Required; Authorization and Content-Type are not', () => {
    const headers = params('/contoso/voyages/{voyageId}', 'patch').filter((p) => p.in === 'header');
    expect(headers).toEqual([
      expect.objectContaining({
        name: 'If-Match',
        required: true,
        description: 'The ETag the voyage had when it was last read.',
      }),
      expect.objectContaining({ name: 'Prefer', required: false }),
    ]);
  });
  it('rows naming one header twice ("Prefer: contoso.timezone", "Prefer: contoso.units") are one parameter', () => {
    const prefer = params('/contoso/ferries/{ferryId}/timetable', 'get').filter((p) => p.name === 'Prefer');
    expect(prefer).toHaveLength(1);
    expect(prefer[0]?.description).toBe(
      'contoso.timezone: The time zone the departure times are given in. contoso.units: Whether distances are in miles or kilometres.',
    );
  });
  it('"required query parameters" make the rows required; "also supports … OData query parameters" grants the set', () => {
    const list = params('/contoso/ferries/{ferryId}/timetable', 'get');
    expect(list.filter((p) => p.in === 'query').map((p) => [p.name, p.required])).toEqual([
      ['from', true],
      ['until', true],
    ]);
    expect(list.filter((p) => p.$ref).map((p) => p.$ref?.split('/').pop())).toEqual([
      'count',
      'expand',
      'filter',
      'orderby',
      'select',
      'skip',
      'top',
    ]);
  });
  it('a placeholder written with spaces ({id | callSign}) is a path parameter, not a refused line', () => {
    expect(requestHeaders.spec.paths['/contoso/ferries/{ferryId}/timetable']?.get?.operationId).toBe(
      'contoso.ferries.ListTimetable',
    );
    expect(requestHeaders.diagnostics).toEqual([]);
  });
});

// #12: v1.0 subscription pages write a row per supported resource and a column per permission type; every
// permission was dropped (permissions-table-unrecognised).
describe('a permissions table with a row per supported resource', () => {
  it('gives every permission of a column as an alternative of that type, said; * marks are not names', () => {
    const renew = perResource.spec.paths['/contoso/watches/{watchId}/renew']?.post;
    expect(renew?.security).toEqual([
      { delegated: ['Berth.Read.All'] },
      { delegated: ['Cargo.Read'] },
      { delegated: ['Cargo.ReadWrite'] },
      { application: ['Berth.Read.All'] },
      { application: ['Cargo.Read.Group'] },
      { application: ['Cargo.Read.All'] },
      { application: ['Tide.Read.All'] },
    ]);
    expect(perResource.diagnostics.map((d) => [d.code, d.line])).toEqual([['permissions-per-resource', 16]]);
  });
});

// #12: v1.0 driveItem 'Upload content' writes "HTTP request (to replace an existing item)" and "HTTP request (to
// upload a new file)", and a Response section that names the driveItem but no status: the page was left out.
describe('HTTP request sections named for a way of calling', () => {
  it("are the page's request lines; a Response naming the body but no status keeps the body", () => {
    const put = splitRequests.spec.paths['/contoso/charts/{chartId}']?.put;
    expect(put?.operationId).toBe('contoso.UpdateCharts');
    expect(put?.responses['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.chart',
    });
    expect(found(splitRequests, 'http-request-missing')).toEqual([]);
    expect(found(splitRequests, 'request-path-alternate')).toEqual([29]);
    expect(found(splitRequests, 'response-status-from-example')).toEqual([57]);
  });
});

// #12: v1.0 driveItem 'Download content' (GET …/content, 302 Found + Location) was a function with neither the
// header nor bytes; 'Upload content' (the binary stream of the file) had no request body at all.
describe('Stream properties', () => {
  const paths = streamContent.spec.paths;
  const binary = { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } };
  it('a GET of one reads it: the bytes for a 200, the Location header for a 302', () => {
    const cover = paths['/contoso/logbooks/{logbookId}/cover']?.get;
    expect(cover?.operationId).toBe('contoso.logbooks.GetCover');
    expect(cover?.['x-ms-docs-operation-type']).toBe('operation');
    expect(cover?.responses['200']?.content).toEqual(binary);
    const pages = paths['/contoso/logbooks/{logbookId}/pages']?.get;
    expect(pages?.operationId).toBe('contoso.logbooks.GetPages');
    expect(pages?.responses['302']?.content).toBeUndefined();
    expect(Object.keys(pages?.responses['302']?.headers ?? {})).toEqual(['Location']);
  });
  it('a PUT of one, or a body said to be "the binary stream" of a file, sends bytes', () => {
    const put = paths['/contoso/logbooks/{logbookId}/pages']?.put;
    expect(put?.requestBody).toMatchObject({ required: true, content: binary });
    expect(put?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.logbook',
    });
    expect(streamContent.diagnostics).toEqual([]);
  });
});

// #12: v1.0 application: addPassword ("provide an optional `passwordCredential` object with the following
// properties") had the application as its body, each row reported as not a property of it.
describe('a body that wraps one named object', () => {
  it('is an object of that one parameter, typed by its page, optional as the sentence says', () => {
    const post = wrappedBody.spec.paths['/contoso/harbours/{harbourId}/reserveMooring']?.post;
    const schema = post?.requestBody?.content?.['application/json']?.schema as SchemaObject;
    expect(Object.keys(schema.properties ?? {})).toEqual(['mooring']);
    expect(JSON.stringify(schema.properties?.mooring)).toContain('microsoft.graph.contoso.mooring');
    expect(schema.required ?? []).toEqual([]);
    expect(post?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.mooring',
    });
    expect(wrappedBody.diagnostics).toEqual([]);
  });
});

// #12: v1.0 searchEntity: query (a body of parameters; "returns `HTTP 200 OK` … and a [searchResponse] collection
// object") answered 200 with no body: a body of parameters ended the page's reading before its response, and
// `HTTP 200 OK` was no status.
describe('an action with a body of parameters', () => {
  it('keeps the response its page states, a collection here, under the status written `HTTP 200 OK`', () => {
    const scan = actionCollection.spec.paths['/contoso/lookout/scan']?.post;
    const schema = scan?.responses['200']?.content?.['application/json']?.schema as SchemaObject;
    expect(schema.properties?.value).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/microsoft.graph.contoso.sighting' },
    });
    expect(actionCollection.diagnostics).toEqual([]);
  });
});

// #12: v1.0 chatMessage's createdDateTime, lastEditedDateTime and deletedDateTime say "Read only." and were
// writable in the spec.
describe('read-only properties', () => {
  it('are read-only however the description writes it: Read-only, Readonly, Read only', () => {
    const props = body(schema(readOnlyWords, 'contoso.signal')).properties ?? {};
    const readOnly = Object.entries(props).flatMap(([n, p]) => ((p as SchemaObject).readOnly ? [n] : []));
    expect(readOnly).toEqual(['hoistedAt', 'id', 'loweredAt']);
  });
});

// #12: v1.0 Get profilePhoto writes its request lines under "### Get the photo" and "### Get the metadata of the
// photo" (the page was left out: no usable request path), a permissions table per resource under ### headings
// (dropped without a word) after annotations with a trailing `// Note` (reported as invalid JSON).
describe('a page written in subsections', () => {
  const get = valueSubsections.spec.paths['/contoso/captains/{captainId}/portrait/$value']?.get;
  it('request lines under HTTP request subsections are read; $value is Content, its bytes, without OData options', () => {
    expect(get?.operationId).toBe('contoso.captains.portrait.GetContent');
    expect(Object.keys(get?.responses['200']?.content ?? {})).toEqual(['application/octet-stream']);
    expect(get?.parameters).toBeUndefined();
    expect(found(valueSubsections, 'request-path-alternate')).toEqual([44]);
  });
  it("a table per subsection of Permissions: each type's permissions are alternatives, said", () => {
    expect(get?.['x-permissions']).toMatchObject({
      delegatedWork: {
        leastPrivileged: ['Captain.Read', 'Ferry.Read.All'],
        higherPrivileged: ['Captain.ReadWrite'],
      },
      delegatedPersonal: 'not supported',
      application: {
        leastPrivileged: ['Captain.Read.All', 'Ferry.Read.All'],
        higherPrivileged: ['Ferry.ReadWrite.All'],
      },
    });
    expect(found(valueSubsections, 'permissions-per-resource')).toEqual([12]);
    expect(found(valueSubsections, 'annotation-invalid-json')).toEqual([]);
  });
});

// #12: v1.0 printer: create writes "Required?" Yes/No in a fourth column (ignored: no parameter was required)
// and "Required if the `hasPhysicalDevice` property is true." (made that one required).
describe("a body table's Required? column", () => {
  const post = requiredColumn.spec.paths['/contoso/buoys/register']?.post;
  it('decides what is required; "Required if …" is a condition, not a requirement', () => {
    const schema = post?.requestBody?.content?.['application/json']?.schema as SchemaObject;
    expect(schema.required).toEqual(['colour']);
    expect(Object.keys(schema.properties ?? {})).toEqual(['colour', 'lit', 'lampId']);
  });
  it("a 202's example headers (Operation-Location, Retry-After) are the response's headers", () => {
    expect(Object.keys(post?.responses['202']?.headers ?? {})).toEqual(['Operation-Location', 'Retry-After']);
    expect(requiredColumn.diagnostics).toEqual([]);
  });
});

// #12: v1.0 OneNote Create page ("supply the page HTML content", Content-Type `text/html` or
// `multipart/form-data`) had no request body at all.
describe('a body of markup', () => {
  it('is the media types the Content-Type row names: HTML as text, multipart as named parts', () => {
    const post = markupBody.spec.paths['/contoso/boards/{boardId}/notices']?.post;
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual(['text/html', 'multipart/form-data']);
    expect(post?.requestBody?.content?.['text/html']?.schema).toEqual({ type: 'string' });
    expect(post?.responses['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.notice',
    });
    expect(markupBody.diagnostics).toEqual([]);
  });
});

// #12: planner updates answer 204, or 200 with the updated object when asked with `Prefer:
// return=representation`; the 200 and its body were reported (response-status-other) and left out.
describe('a second success with its own body', () => {
  it('is a response of its own beside the first: 204 and 200 with the object', () => {
    const patch = preferRepresentation.spec.paths['/contoso/rosters/{rosterId}']?.patch;
    expect(Object.keys(patch?.responses ?? {}).sort()).toEqual(['200', '204', '4XX', '5XX']);
    expect(patch?.responses['204']?.content).toBeUndefined();
    expect(patch?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.roster',
    });
    expect(preferRepresentation.diagnostics).toEqual([]);
  });
});

// #12: v1.0 Intune pages (managedDevice: wipe) put the permissions under "Prerequisites" (reported missing),
// call a "Property" table "the parameters that can be used with this action" (the body vanished without a word)
// and list an Accept header (no parameter of the operation's).
describe('pages written the Intune way', () => {
  const post = prerequisitesStyle.spec.paths['/fleet/trackers/{trackerId}/reset']?.post;
  it('the Prerequisites table gives the permissions; the parameters table is the body; Accept is no parameter', () => {
    expect(post?.security).toEqual([{ delegated: ['Tracker.ReadWrite.All'] }]);
    const schema = post?.requestBody?.content?.['application/json']?.schema as SchemaObject;
    expect(Object.keys(schema.properties ?? {})).toEqual(['keepHistory', 'reason']);
    expect(post?.parameters).toBeUndefined();
    expect(found(prerequisitesStyle, 'permissions-missing')).toEqual([]);
  });
});

describe('Methods tables decide between pages', () => {
  it('the page a Methods table links wins over a stale duplicate, whose permissions are ignored', () => {
    const list = methods.spec.paths['/contoso/widgets']?.get;
    expect(list?.['x-docs-pages']).toEqual(['contoso-widget-list']);
    expect(list?.security).toEqual([
      { delegated: ['Widget.Read.All'] },
      { delegated: ['Widget.ReadWrite.All'] },
      { application: ['Widget.Read.All'] },
      { application: ['Widget.ReadWrite.All'] },
    ]);
    expect(list?.['x-docs-listed-by']).toEqual(['contoso-widget']);
    const stale = methods.diagnostics.find((d) => d.code === 'page-stale-duplicate');
    expect(stale).toMatchObject({ file: 'api/contoso-root-list-widgets.md', severity: 'warning' });
    expect(stale?.message).toContain('permissions differ');
  });

  it('a Methods table row without its page, and a page no Methods table lists, are reported', () => {
    expect(found(methods, 'operation-undocumented', 'resources/contoso-widget.md')).toEqual([17]);
    expect(found(methods, 'operation-unlisted', 'api/contoso-widget-archive.md')).toEqual([6]);
    expect(methods.spec.paths['/contoso/widgets/{widgetId}/archive']?.post?.['x-docs-listed-by']).toEqual([]);
  });

  it('a missing page of the folder is a broken link; a page outside it is information, once per target', () => {
    expect(
      methods.diagnostics.filter((d) => d.code.startsWith('link-')).map((d) => [d.code, d.severity]),
    ).toEqual([
      ['link-outside-folder', 'info'],
      ['link-broken', 'warning'],
    ]);
    expect(inheritance.diagnostics.find((d) => d.code === 'link-broken')?.message).toContain('2 links');
  });
});

describe('inheritance written other ways', () => {
  it.each([
    ['"Base type of" on the base page only', 'contoso.bike', 'microsoft.graph.contoso.vehicle'],
    [
      'a dotted name in "Inherited from [microsoft.graph.contoso.vehicle]"',
      'contoso.car',
      'microsoft.graph.contoso.vehicle',
    ],
    ['an annotation baseType', 'contoso.electricBike', 'microsoft.graph.contoso.bike'],
    [
      '"Implementations of this type include:" and a list, on the base page only',
      'contoso.rowboat',
      'microsoft.graph.contoso.boat',
    ],
    ['an abstract base with no page of its own', 'contoso.trailer', 'microsoft.graph.contoso.towable'],
    ['entity at the root of a keyed tree', 'contoso.vehicle', 'microsoft.graph.entity'],
    ['entity above a base made up from its subtype', 'contoso.towable', 'microsoft.graph.entity'],
  ])('%s', (_how, type, expected) => {
    expect(base(inheritance, type)).toBe(expected);
  });

  it('every level maps every documented subtype, so id reaches every entity', () => {
    const mapping = (name: string) =>
      Object.keys(body(schema(inheritance, name)).discriminator?.mapping ?? {});
    expect(mapping('contoso.vehicle')).toEqual([
      '#microsoft.graph.contoso.bike',
      '#microsoft.graph.contoso.car',
      '#microsoft.graph.contoso.electricBike',
    ]);
    expect(mapping('contoso.bike')).toEqual(['#microsoft.graph.contoso.electricBike']);
    expect(mapping('entity')).toHaveLength(6);
    expect(Object.keys(body(schema(inheritance, 'entity')).properties ?? {})).toContain('id');
    expect(schema(inheritance, 'contoso.vehicle')['x-ms-abstract']).toBe(true);
  });
});

describe('enums and types of other namespaces', () => {
  it('an enum page is the enum; members a description adds are kept and said', () => {
    expect(schema(enums, 'contoso.fuelKind')).toMatchObject({
      enum: ['petrol', 'diesel', 'electric', 'unknownFutureValue', 'hydrogen'],
    });
    expect(found(enums, 'enum-members-differ')).toEqual([17]);
  });

  it.each([
    ['"Possible values:"', 'contoso.noiseLevel', ['quiet', 'loud', 'unknownFutureValue']],
    ['"Supported values are"', 'contoso.engineMode', ['eco', 'sport']],
  ])('an enum given only by %s in a description is built, and said', (_how, name, members) => {
    expect(schema(enums, name)?.enum).toEqual(members);
    expect(
      enums.diagnostics.some((d) => d.code === 'enum-from-description' && d.message.includes(name)),
    ).toBe(true);
  });

  it('an enum a description calls multi-valued is a flags enum (x-ms-enum-flags); others are not', () => {
    expect(schema(flagsEnum, 'contoso.hullKind')['x-ms-enum-flags']).toEqual({ isFlags: true });
    expect(schema(flagsEnum, 'contoso.hullKind').enum).toEqual([
      'dinghy',
      'yacht',
      'barge',
      'unknownFutureValue',
    ]);
    expect(schema(flagsEnum, 'contoso.quaySide')['x-ms-enum-flags']).toBeUndefined();
  });

  it('a type of another namespace is emitted as an open object, referenced where the pages use it', () => {
    const external = schema(enums, 'publicError');
    expect(external).toMatchObject({ type: 'object', additionalProperties: true, 'x-docs-external': true });
    const engine = body(schema(enums, 'contoso.engine')).properties ?? {};
    expect(engine.lastError?.anyOf?.[0]).toEqual({
      $ref: '#/components/schemas/microsoft.graph.publicError',
    });
    expect(engine.history).toMatchObject({
      items: { $ref: '#/components/schemas/microsoft.graph.publicError' },
    });
    expect(found(enums, 'type-external')).toHaveLength(1);
  });
});

describe('sections at any heading level; a status is read, never guessed', () => {
  const responses = (path: string, method: 'post' | 'patch') =>
    Object.keys(headings.spec.paths[path]?.[method]?.responses ?? {}).filter((c) => c.startsWith('2'));

  it('### HTTP request, #### Request body and ### Response are read', () => {
    const patch = headings.spec.paths['/contoso/kites/{kiteId}']?.patch;
    expect(responses('/contoso/kites/{kiteId}', 'patch')).toEqual(['204']);
    expect(patch?.['x-docs-accepted-properties']).toEqual({
      'microsoft.graph.contoso.kite': { colour: { required: true } },
    });
  });

  it('no Response section: the status of the response example, said', () => {
    expect(responses('/contoso/kites', 'post')).toEqual(['201']);
    expect(found(headings, 'response-status-from-example')).toHaveLength(1);
  });

  it('no status anywhere: 2XX, said', () => {
    expect(responses('/contoso/kites/{kiteId}/fly', 'post')).toEqual(['2XX']);
    expect(found(headings, 'response-status-unknown', 'api/contoso-kite-fly.md')).toEqual([6]);
  });
});

describe('defects inside tables and examples', () => {
  it('rows after a stray line are read, the line reported where it is', () => {
    expect(Object.keys(body(schema(cut, 'contoso.lamp')).properties ?? {})).toEqual([
      'brightness',
      'colour',
      'id',
      'isOn',
      '@odata.type',
    ]);
    expect(found(cut, 'table-cut')).toEqual([23, 18]);
    const accepted = cut.spec.paths['/contoso/lamps/{lampId}']?.patch?.['x-docs-accepted-properties'] as
      | Record<string, object>
      | undefined;
    expect(Object.keys(accepted?.['microsoft.graph.contoso.lamp'] ?? {})).toEqual([
      'brightness',
      'colour',
      'isOn',
    ]);
  });

  it('rows with more cells than the header: a doubled | is mended, other extra cells left out, both said', () => {
    const properties = body(schema(rowCells, 'contoso.buoy')).properties ?? {};
    expect((properties.colour as SchemaObject).description).toBe('The colour it is painted.');
    expect((properties.light as SchemaObject).description).toBe('Whether it is lit.');
    expect((properties.mooring as SchemaObject).description).toBe('Where it is chained.');
    expect(found(rowCells, 'table-row-cells')).toEqual([16, 18]);
    expect(rowCells.diagnostics.find((d) => d.line === 18)?.message).toContain(
      "'Only at night. | Checked weekly.'",
    );
  });

  it('JSON examples: mendable defects are read with strings untouched; others are left out, with line:column', () => {
    const examples =
      json.spec.paths['/contoso/notes']?.post?.requestBody?.content['application/json']?.examples ?? {};
    expect(examples.create_note_tolerated?.value).toEqual({
      text: 'buy milk, }',
      tags: ['home', 'x, ]'],
      id: 'n1',
      extra: 'a missing comma above',
    });
    expect(examples.create_note_broken).toBeUndefined();
    expect(json.diagnostics.find((d) => d.code === 'example-json-invalid')?.message).toContain('at 63:11');
    expect(json.diagnostics.find((d) => d.code === 'example-json-repaired')?.message).toContain(
      'a trailing comma at 39:26',
    );
  });
});

describe('permission tables of older pages', () => {
  it('"from most to least privileged" is read that way round: the last permission is the least privileged', () => {
    const get = permissions.spec.paths['/contoso/lanterns/{lanternId}']?.get;
    expect(get?.['x-permissions']).toMatchObject({
      delegatedWork: { leastPrivileged: ['Harbour.Read.All'], higherPrivileged: ['Harbour.ReadWrite.All'] },
      application: {
        leastPrivileged: ['Harbour.Read.All'],
        higherPrivileged: ['Lantern.Read.All', 'Harbour.ReadWrite.All'],
      },
    });
  });

  it('permissions joined by "and" are needed together: one security requirement, said', () => {
    const light = permissions.spec.paths['/contoso/lanterns/{lanternId}/light']?.post;
    expect(light?.security).toEqual([
      { delegated: ['Harbour.Read.All', 'Lantern.Operate.All'] },
      { application: ['Lantern.Operate.All'] },
      { application: ['Harbour.ReadWrite.All'] },
    ]);
    expect(light?.['x-permissions']).toMatchObject({
      delegatedWork: {
        leastPrivileged: ['Harbour.Read.All', 'Lantern.Operate.All'],
        higherPrivileged: [],
        allRequired: true,
      },
    });
    expect(found(permissions, 'permissions-combined', 'api/contoso-lantern-light.md')).toEqual([18]);
  });
});

// #12: a function's parameters the pages state were reported and left out (industryData's getUploadSession
// lost resetSession); they are the query string's, typed as the table writes them.
describe('function parameters', () => {
  it('are query parameters of the function, typed and described as their table says, optional', () => {
    expect(Object.keys(functionParameters.spec.paths)).toEqual(['/contoso/buoys/{buoyId}/getSwell']);
    const get = functionParameters.spec.paths['/contoso/buoys/{buoyId}/getSwell']?.get;
    expect(get?.parameters).toEqual([
      {
        name: 'inFeet',
        in: 'query',
        required: false,
        description: '`true` gives feet instead of metres.',
        schema: { type: 'boolean' },
      },
      {
        name: 'hours',
        in: 'query',
        required: false,
        description: 'How far back to average.',
        schema: { type: 'integer', format: 'int32' },
      },
    ]);
    expect(functionParameters.diagnostics.map((d) => d.code)).not.toContain('type-unknown');
  });
});

describe('a function called with its arguments in the path', () => {
  const path = "/contoso/harbourReports/getCatch(days='{days_value}')";
  it('is a function named without its arguments; the argument is a path parameter described by its usage', () => {
    const item = reportFunction.spec.paths[path];
    expect(item?.get?.operationId).toBe('contoso.harbourReports.getCatch');
    expect(item?.get?.['x-ms-docs-operation-type']).toBe('function');
    expect(item?.get?.tags).toEqual(['contoso.harbourReports.getCatch']);
    expect(item?.parameters?.[0]).toMatchObject({
      name: 'days_value',
      description: "Usage: days='{days_value}'",
    });
    expect(reportFunction.spec.paths[path]?.get?.parameters ?? []).toEqual([]);
  });

  it("the Response section's subsections are read: the 2xx is the status, the redirect said", () => {
    const get = reportFunction.spec.paths[path]?.get;
    expect(Object.keys(get?.responses ?? {})).toEqual(['200', '4XX', '5XX']);
    expect(found(reportFunction, 'response-status-missing')).toEqual([]);
    expect(found(reportFunction, 'response-status-other')).toEqual([36]);
  });

  it('an example whose body is not JSON (text/csv) is said to be so, not reported as broken JSON', () => {
    expect(found(reportFunction, 'example-json-invalid')).toEqual([]);
    expect(found(reportFunction, 'example-not-json')).toEqual([56]);
  });
});

describe('pages with several request lines', () => {
  it('the first is placed; each further one is said, not dropped without a word', () => {
    expect(Object.keys(alternates.spec.paths)).toEqual(['/contoso/piers/{pierId}']);
    const said = alternates.diagnostics.filter((d) => d.code === 'request-path-alternate');
    expect(said.map((d) => [d.file, d.line, d.severity])).toEqual([['api/contoso-pier-get.md', 24, 'info']]);
    expect(said[0]?.message).toContain('GET /contoso/harbours/{harbourId}/piers/{pierId}');
  });
});

describe('path parameters named from the segment before them', () => {
  it('a plural in -es loses only what English adds: {addressId}, {mailboxId}', () => {
    expect(Object.keys(plurals.spec.paths)).toEqual(['/contoso/addresses/{addressId}/mailboxes/{mailboxId}']);
  });
});

describe('property names', () => {
  it('a capitalised table name the JSON representation writes camelCase is camelCase, said; agreeing names stay', () => {
    expect(Object.keys(schema(propertyCasing, 'contoso.anchor').properties ?? {})).toEqual([
      'Weight',
      'chainLength',
      'isDeployed',
      '@odata.type',
    ]);
    expect(found(propertyCasing, 'property-name-casing')).toEqual([16]);
    expect(found(propertyCasing, 'json-representation-extra')).toEqual([]);
  });
});

describe('request-body tables', () => {
  it('"the properties that are required when you create …" makes every row of the table required', () => {
    const post = actionParameters.spec.paths['/contoso/ferries']?.post;
    expect(post?.['x-docs-accepted-properties']).toEqual({
      'microsoft.graph.contoso.ferry': { name: { required: true } },
    });
  });
});

describe('optional query parameters', () => {
  it('are read whatever their casing, in code spans or plain words: $Filter, $orderBy and $top', () => {
    const list = queryOptions.spec.paths['/contoso/tides']?.get;
    expect(list?.parameters).toEqual([
      { $ref: '#/components/parameters/filter' },
      { $ref: '#/components/parameters/orderby' },
      { $ref: '#/components/parameters/top' },
    ]);
  });

  it("the introduction's prose link ('the [tides](…tide.md)') names the page in words, not a mistyped type", () => {
    expect(found(queryOptions, 'type-name-mismatch')).toEqual([]);
  });
});

describe("an action's parameters", () => {
  it('a "Parameter" body table with no resource named is the body: an object of the parameters', () => {
    const sail = actionParameters.spec.paths['/contoso/ferries/{ferryId}/sail']?.post;
    const body = sail?.requestBody?.content['application/json']?.schema as SchemaObject | undefined;
    expect(body?.$ref).toBeUndefined();
    expect(Object.keys(body?.properties ?? {})).toEqual(['destination', 'cargo', 'passengers', 'skipper']);
    expect(body?.required).toEqual(['destination', 'cargo', 'skipper']);
    const properties = body?.properties ?? {};
    expect((properties.cargo as SchemaObject).items).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.crate',
    });
    expect((properties.passengers as SchemaObject).description).toBe('How many travel.');
    expect(found(actionParameters, 'body-property-unknown')).toEqual([]);
    expect(found(actionParameters, 'type-unknown', 'api/contoso-ferry-sail.md')).toEqual([37]);
  });
});

describe('bodies typed by a type no page of the folder documents', () => {
  it('are left untyped and said, never a $ref to a schema the document lacks', () => {
    const put = undocumentedBody.spec.paths['/contoso/docks/{dockId}/cargo/{cargoId}']?.put;
    expect(put?.requestBody?.content['application/json']?.schema).toEqual({
      'x-docs-unresolved-type': 'microsoft.graph.contoso.cargo',
    });
    expect(put?.responses['200']?.content?.['application/json']?.schema).toEqual({
      'x-docs-unresolved-type': 'microsoft.graph.contoso.cargoReceipt',
    });
    const said = undocumentedBody.diagnostics.filter(
      (d) => d.code === 'type-unknown' && d.file === 'api/contoso-dock-put-cargo.md',
    );
    expect(said.map((d) => d.message.split(' is typed ')[0])).toEqual([
      'the request body of PUT /contoso/docks/{dockId}/cargo/{cargoId}',
      'the response of PUT /contoso/docks/{dockId}/cargo/{cargoId}',
    ]);
    expect(JSON.stringify(undocumentedBody.spec)).not.toContain('schemas/microsoft.graph.contoso.cargo');
  });
});

describe('references', () => {
  it('a POST to …/$ref creates a reference: its body is { "@odata.id" }, whatever resource the page names', () => {
    const post = referencePost.spec.paths['/contoso/crews/{crewId}/sailors/$ref']?.post;
    expect(post?.operationId).toBe('contoso.crews.CreateSailorsRef');
    expect(post?.['x-ms-docs-operation-type']).toBe('operation');
    expect(post?.requestBody?.content['application/json']?.schema).toEqual({
      type: 'object',
      properties: { '@odata.id': { type: 'string', description: 'The URL of the entity to reference.' } },
      required: ['@odata.id'],
    });
    expect(found(referencePost, 'example-property-unknown')).toEqual([]);
  });
});

describe('what an operation does', () => {
  it('a POST to a relationship creates, even when it answers 202 Accepted', () => {
    const post = navigationPost.spec.paths['/contoso/harbours/{harbourId}/tideTable']?.post;
    expect(post?.operationId).toBe('contoso.harbours.CreateTideTable');
    expect(post?.['x-ms-docs-operation-type']).toBe('operation');
    expect(Object.keys(post?.responses ?? {})).toContain('202');
  });
});

describe('the Graph version', () => {
  it('pages of the v1.0 folder of a docs clone address the v1.0 server', () => {
    expect(v1Folder.spec.servers).toEqual([{ url: 'https://graph.microsoft.com/v1.0' }]);
    expect(v1Folder.spec.info.version).toBe('v1.0');
    expect(Object.keys(v1Folder.spec.paths)).toEqual(['/contoso/lighthouses/{lighthouseId}']);
  });

  it('beta pages address the beta server', () => {
    expect(methods.spec.servers).toEqual([{ url: 'https://graph.microsoft.com/beta' }]);
  });
});
