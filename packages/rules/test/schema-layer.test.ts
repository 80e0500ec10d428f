import { describe, expect, it } from 'vitest';
import { loadWireSchemas, SchemaLayer } from '../src/index.js';
import { classGroupFlow, flowSet, NS, validator } from './helpers.js';

const schemaFindings = (operation: string, body: unknown) =>
  validator.validate(operation, body).filter((d) => d.ruleId === 'schema');

describe('schema layer', () => {
  it.each([
    ['createFlowSet', 'a valid set', flowSet],
    ['createFlow', 'a valid classGroup flow', classGroupFlow],
  ])('%s: %s has no schema errors', (operation, _name, body) => {
    expect(schemaFindings(operation, body)).toEqual([]);
  });

  it.each([
    [
      'a wrongly cased property gets its right name',
      'createFlow',
      {
        '@odata.type': `${NS}securityGroupProvisioningFlow`,
        creationOptions: { createBasedOnroleGroup: true },
      },
      '/creationOptions/createBasedOnroleGroup',
      "the property is 'createBasedOnRoleGroup'",
    ],
    ['an unknown property', 'createFlowSet', { ...flowSet, colour: 'red' }, '/colour', 'has no property'],
    [
      'a wrong type',
      'createFlow',
      { ...classGroupFlow, configuration: { additionalOptions: { createTeam: 'yes' } } },
      '/configuration/additionalOptions/createTeam',
      'must be boolean',
    ],
    [
      'a property of another flow type',
      'createFlow',
      { '@odata.type': `${NS}classGroupProvisioningFlow`, creationOptions: {} },
      '/creationOptions',
      'has no property',
    ],
  ])('%s', (_name, operation, body, path, message) => {
    expect(schemaFindings(operation, body)).toEqual([
      expect.objectContaining({ path, message: expect.stringContaining(message) }),
    ]);
  });

  it('date-times must be ISO 8601 (checked where they appear: responses, state files)', () => {
    const layer = new SchemaLayer(loadWireSchemas());
    expect(
      layer.check('microsoft.graph.industryData.outboundProvisioningFlowSet', {
        lastModifiedDateTime: 'yesterday',
      }),
    ).toEqual([
      expect.objectContaining({
        path: '/lastModifiedDateTime',
        message: expect.stringContaining('must be a date-time'),
      }),
    ]);
  });

  it("the client's schemas carry a Date's format and an Int32's range themselves (older ones did not)", () => {
    const { definitions } = loadWireSchemas() as unknown as {
      definitions: Record<string, { properties: Record<string, Record<string, unknown>> }>;
    };
    expect(definitions.YearTimePeriodDefinition?.properties.startDate).toMatchObject({ format: 'date' });
    expect(definitions.YearTimePeriodDefinition?.properties.endDate).toMatchObject({ format: 'date' });
    expect(definitions.ReferenceDefinition?.properties.sortIndex).toMatchObject({
      type: 'integer',
      minimum: -2147483648,
      maximum: 2147483647,
    });
  });

  // Schemas of an older client carried neither `format: date` nor Int32's range: the spec's formats are put back.
  const year = { displayName: 'FY', startDate: '2022-09-01', endDate: '2023-06-15', year: { code: '2022' } };
  const definition = {
    referenceType: 'RefGradeLevel',
    code: 'TestGrade',
    isDisabled: false,
    sortIndex: 300,
    displayName: 'Test',
  };
  it.each([
    ['a date as the docs write it', 'external.industryData.CreateYears', year, []],
    [
      'a US date',
      'external.industryData.CreateYears',
      { ...year, startDate: '09/01/2022' },
      [['/startDate', 'must be a date (ISO 8601, e.g. 2024-03-25, a day with no time)']],
    ],
    [
      'a day the month does not have',
      'external.industryData.CreateYears',
      { ...year, endDate: '2023-02-30' },
      [['/endDate', 'must be a date (ISO 8601, e.g. 2024-03-25, a day with no time)']],
    ],
    [
      'a date-time for a date',
      'external.industryData.UpdateYears',
      { ...year, startDate: '2022-09-01T00:00:00Z' },
      [['/startDate', 'must be a date (ISO 8601, e.g. 2024-03-25, a day with no time)']],
    ],
    ['an Int32 in range', 'external.industryData.CreateReferenceDefinitions', definition, []],
    [
      'an Int32 over its range',
      'external.industryData.CreateReferenceDefinitions',
      { ...definition, sortIndex: 2 ** 40 },
      [['/sortIndex', 'must be an Int32, from -2147483648 to 2147483647']],
    ],
    [
      'an enum value in the wrong case gets its right spelling',
      'external.industryData.CreateInboundFlows',
      {
        '@odata.type': `${NS}inboundFileFlow`,
        displayName: 'In',
        dataDomain: 'EducationRostering',
        effectiveDateTime: '2023-03-12T16:40:46Z',
      },
      [
        [
          '/dataDomain',
          'must be one of "educationRostering", "unknownFutureValue" (values are case-sensitive: write "educationRostering")',
        ],
      ],
    ],
  ])('%s', (_name, operation, body, expected) => {
    expect(schemaFindings(operation, body).map((d) => [d.path, d.message])).toEqual(expected);
  });

  it('a flow inside a set is explained by the type it names, not by every other flow type', () => {
    const body = {
      ...flowSet,
      provisioningFlows: [
        classGroupFlow,
        { '@odata.type': `${NS}securityGroupProvisioningFlow`, creationOptions: { createBasedOnTeam: true } },
      ],
    };
    expect(schemaFindings('createFlowSet', body).map((d) => [d.path, d.message])).toEqual([
      [
        '/provisioningFlows/1/creationOptions/createBasedOnTeam',
        "securityGroupCreationOptions has no property 'createBasedOnTeam': remove it",
      ],
    ]);
  });

  it('a message does not repeat the JSON path, and cites the page (and line) of the type holding the value', () => {
    const body = { ...classGroupFlow, configuration: { additionalOptions: { createTeam: 'yes' } } };
    const [d] = schemaFindings('createFlow', body);
    expect(d?.path).toBe('/configuration/additionalOptions/createTeam');
    expect(d?.message).toBe('must be boolean');
    expect(d?.docs).toBe('api-reference/beta/resources/industrydata-additionalclassgroupoptions.md');
    expect(d?.line).toEqual(expect.any(Number));
    expect(d?.url).toBe(
      'https://learn.microsoft.com/graph/api/resources/industrydata-additionalclassgroupoptions?view=graph-rest-beta',
    );
  });

  it('a value naming a type the slot does not take is still refused', () => {
    const body = {
      ...flowSet,
      provisioningFlows: [{ '@odata.type': `${NS}sectionRoleReferenceValue`, code: 'x' }],
    };
    expect(schemaFindings('createFlowSet', body).length).toBeGreaterThan(0);
  });

  it('the body is checked against the subtype its @odata.type names, not the base', () => {
    const body = { '@odata.type': `${NS}userProvisioningFlow`, configuration: {} };
    expect(schemaFindings('createFlow', body).map((d) => d.path)).toEqual(['/configuration']);
  });
});

describe('OData property annotations', () => {
  it('roleGroup@odata.bind next to a property is allowed, other unknown keys are not', () => {
    const NS = '#microsoft.graph.industryData.';
    const body = {
      '@odata.type': `${NS}userProvisioningFlow`,
      createUnmatchedUsers: true,
      creationOptions: {
        configurations: [
          {
            'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff',
            licenseSkus: ['x'],
          },
        ],
      },
    };
    expect(validator.validate('createFlow', body)).toEqual([]);
    const wrong = { ...body, creationOptions: { configurations: [{ roleGroupBind: 'x' }] } };
    expect(validator.validate('createFlow', wrong).map((d) => d.path)).toEqual([
      '/creationOptions/configurations/0/roleGroupBind',
    ]);
  });
});
