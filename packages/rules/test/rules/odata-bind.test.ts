import { describe, expect, it } from 'vitest';
import { findings, NS } from '../helpers.js';

const G = 'https://graph.microsoft.com/beta/external/industryData';
const fileFlow = {
  '@odata.type': `${NS}inboundFileFlow`,
  dataDomain: 'educationRostering',
  displayName: 'Inbound rostering flow',
  effectiveDateTime: '2023-03-12T16:40:46Z',
  'dataConnector@odata.bind': `${G}/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271`,
  'year@odata.bind': `${G}/years/ebf18762-ab92-487e-21d1-08daddab28bb`,
};
const connector = {
  '@odata.type': `${NS}azureDataLakeConnector`,
  displayName: 'CSV connector',
  'sourceSystem@odata.bind': `${G}/sourceSystems('aa050107-5784-4a8e-1876-08daddab21bc')`,
};
const sourceSystem = (bind: unknown) => ({
  displayName: 'Rostering source',
  userMatchingSettings: [
    {
      matchTarget: { code: 'userPrincipalName' },
      priorityOrder: 0,
      'roleGroup@odata.bind': bind,
      sourceIdentifier: { code: 'username' },
    },
  ],
});

const CreateInbound = 'external.industryData.CreateInboundFlows';
const CreateConnector = 'external.industryData.CreateDataConnectors';
const CreateSource = 'external.industryData.CreateSourceSystems';

describe('odata-bind', () => {
  it.each([
    ['the docs: /id binds', CreateInbound, fileFlow, []],
    ["the docs: ('id') bind", CreateConnector, connector, []],
    [
      'an upper-case GUID, v1.0, a relative path',
      CreateInbound,
      {
        ...fileFlow,
        'dataConnector@odata.bind': `https://graph.microsoft.com/v1.0/external/industryData/dataConnectors('51DCA0A0-85F6-4478-F526-08DADDAB2271')`,
        'year@odata.bind': 'external/industryData/years/ebf18762',
      },
      [],
    ],
    ['a role group, nested', CreateSource, sourceSystem(`${G}/roleGroups('students')`), []],
    ['null unbinds', CreateInbound, { ...fileFlow, 'year@odata.bind': null }, []],
    [
      'a URL of another set',
      CreateInbound,
      { ...fileFlow, 'dataConnector@odata.bind': `${G}/years/51dca0a0` },
      ['/dataConnector@odata.bind'],
    ],
    [
      'a nested URL of another set',
      CreateSource,
      sourceSystem(`${G}/years/staff`),
      ['/userMatchingSettings/0/roleGroup@odata.bind'],
    ],
    ['a number', CreateInbound, { ...fileFlow, 'year@odata.bind': 5 }, ['/year@odata.bind']],
    [
      'a list',
      CreateInbound,
      { ...fileFlow, 'year@odata.bind': [fileFlow['year@odata.bind']] },
      ['/year@odata.bind'],
    ],
    [
      'the collection, not one',
      CreateInbound,
      { ...fileFlow, 'year@odata.bind': `${G}/years` },
      ['/year@odata.bind'],
    ],
    [
      'no URL of this API',
      CreateInbound,
      { ...fileFlow, 'year@odata.bind': 'mailto:x@y' },
      ['/year@odata.bind'],
    ],
    [
      'no navigation property',
      CreateInbound,
      { ...fileFlow, 'displayName@odata.bind': `${G}/years/1` },
      ['/displayName@odata.bind'],
    ],
  ])('%s', (_name, operation, body, paths) => {
    expect(findings('odata-bind', operation, body).map((d) => d.path)).toEqual(paths);
  });

  it('says what the URL names, what the property takes and what to do', () => {
    const body = { ...fileFlow, 'dataConnector@odata.bind': `${G}/years/51dca0a0` };
    expect(findings('odata-bind', CreateInbound, body)).toMatchObject([
      {
        severity: 'error',
        message: `'${G}/years/51dca0a0' names a yearTimePeriodDefinition; dataConnector takes an industryDataConnector: bind the URL of one`,
        docs: 'api-reference/beta/api/industrydata-inboundapiflow-post.md',
      },
    ]);
  });

  it("cites the operation's own page", () => {
    const [d] = findings('odata-bind', CreateSource, sourceSystem(`${G}/years/staff`));
    expect(d?.docs).toBe('api-reference/beta/api/industrydata-sourcesystemdefinition-post.md');
  });
});
