import { describe, expect, it } from 'vitest';
import { ConfigFileError, defaultToolkit, loadFile } from '../src/index.js';
import { edited, setUp } from './tenant.js';

/** The problems a file is refused with, as `sds plan` prints them (file:line:column: message). */
function problems(text: string): string[] {
  try {
    loadFile(defaultToolkit(), text, 'sds.yaml');
  } catch (error) {
    if (error instanceof ConfigFileError) return error.lines();
    throw error;
  }
  return [];
}

describe('a set-up file is checked before any request, each problem at its line', () => {
  it('the small whole set-up is valid', () => {
    expect(problems(setUp)).toEqual([]);
  });

  it.each([
    [
      'YAML that does not parse',
      'sourceSystems:\n  - displayName: [SIS\n',
      /^sds\.yaml:3:1: not valid YAML: /,
    ],
    [
      'a key twice',
      'sourceSystems:\n  - displayName: A\n    displayName: B\n',
      /^sds\.yaml:3:5: not valid YAML: Map keys must be unique/,
    ],
    [
      'an empty file',
      '',
      /^sds\.yaml: the file is empty: list the set-up under sourceSystems:, dataConnectors:/,
    ],
    [
      'a kind the file does not have',
      'sourceSystem:\n  - displayName: A\n',
      /^sds\.yaml:1:1: unknown property 'sourceSystem'; did you mean 'sourceSystems'\? \(this takes dataConnectors, /,
    ],
  ])('%s', (_name, text, line) => {
    expect(problems(text)).toEqual([expect.stringMatching(line)]);
  });

  it.each([
    [
      'a misspelt property, with the one meant',
      ['vendor: Contoso', 'vendr: Contoso'],
      "sds.yaml:3:5: source system 'SIS': unknown property 'vendr'; did you mean 'vendor'? (this takes displayName, type, userMatchingSettings, vendor)",
    ],
    [
      'a connector without its type',
      ['  - type: azureDataLakeConnector\n    displayName: csv', '  - displayName: csv'],
      "sds.yaml:10:5: data connector 'csv': say which type it is: add 'type:' (azureDataLakeConnector, oneRosterApiDataConnector)",
    ],
    [
      'a type that does not exist, with the one meant',
      ['type: azureDataLakeConnector', 'type: azureDatalakeConnecter'],
      "sds.yaml:10:11: data connector 'csv' type: 'azureDatalakeConnecter' is not one of azureDataLakeConnector, oneRosterApiDataConnector; did you mean 'azureDataLakeConnector'?",
    ],
    [
      'a property its create table requires, left out',
      ['    apiVersion: "1.1"\n', ''],
      "sds.yaml:13:5: data connector 'oneroster': 'apiVersion' is required: add it",
    ],
    [
      'an enum member that does not exist',
      ['dataDomain: educationRostering', 'dataDomain: rostering'],
      "sds.yaml:35:17: inbound flow 'Roster' dataDomain: 'rostering' is not one of educationRostering, unknownFutureValue",
    ],
    [
      'a number where the spec takes text',
      ['year: { code: "2025" }', 'year: { code: 2025 }'],
      'sds.yaml:31:19: year \'2025-26\' year/code: 2025 is not text: quote it ("2025")',
    ],
    [
      'a date that is not one',
      ['startDate: 2025-09-01', 'startDate: 2025-09-31'],
      "sds.yaml:29:16: year '2025-26' startDate: '2025-09-31' is not a date (e.g. 2025-09-01)",
    ],
    [
      'a secret written in the file',
      ['clientSecret: { env: ONEROSTER_SECRET }', 'clientSecret: hunter2'],
      "sds.yaml:25:21: data connector 'oneroster' credential/clientSecret: 'hunter2' is not a mapping (key: value lines)",
    ],
    [
      'a secret naming something that is no environment variable',
      ['clientSecret: { env: ONEROSTER_SECRET }', 'clientSecret: { env: 1-SECRET }'],
      "sds.yaml:25:28: data connector 'oneroster' credential/clientSecret/env: '1-SECRET' is not an environment variable name (letters, digits and _, not starting with a digit)",
    ],
    [
      'a reference to an object the file does not have, with the one meant',
      ['dataConnector: csv', 'dataConnector: cvs'],
      "sds.yaml:37:20: dataConnector 'cvs' is not a data connector of this file; did you mean 'csv'? (the file has 'csv', 'oneroster')",
    ],
    [
      'two objects of a kind with one name',
      [
        '  - displayName: 2025-26',
        '  - displayName: 2025-26\n    startDate: 2024-09-01\n    endDate: 2025-07-15\n    year: { code: "2024" }\n  - displayName: 2025-26',
      ],
      "sds.yaml:32:5: a second year named '2025-26' (the first is at line 28): objects are matched with the tenant's by display name, so names must be unique",
    ],
    [
      'two flows of a type in a flow set',
      [
        '      - type: securityGroupProvisioningFlow\n        creationOptions: { createBasedOnRoleGroup: true }',
        '      - type: classGroupProvisioningFlow\n        configuration: { additionalAttributes: [courseCode] }',
      ],
      "sds.yaml:47:9: a second classGroupProvisioningFlow in flow set 'Two schools' (the first is at line 43): a flow set holds at most one flow of each type",
    ],
    [
      'an inbound file flow reading from an API connector',
      ['dataConnector: csv', 'dataConnector: oneroster'],
      "sds.yaml:37:20: an inboundFileFlow reads from azureDataLakeConnector; 'oneroster' is a oneRosterApiDataConnector",
    ],
    [
      'an inbound flow without its year',
      ['    year: 2025-26\n', ''],
      "sds.yaml:33:5: inbound flow 'Roster' needs the year its data is for: add 'year: <name>'",
    ],
    [
      'a connector an inbound flow reads without its source system',
      ['    displayName: csv\n    sourceSystem: SIS', '    displayName: csv'],
      "sds.yaml:10:5: data connector 'csv' is read by inbound flow 'Roster', so it needs its source system: add 'sourceSystem: <name>'",
    ],
  ])('%s', (_name, [from, to], line) => {
    expect(problems(edited(setUp, from ?? '', to ?? ''))).toEqual([line]);
  });

  it("a documented rule (the rules' pre-flight) is reported at the line of the property, with its page", () => {
    const found = problems(edited(setUp, 'in: [school-1, school-2]', 'in: []'));
    expect(found).toEqual([
      expect.stringMatching(
        /^sds\.yaml:41:64: flow set 'Two schools' filter\/in: .* \(see https:\/\/learn\.microsoft\.com\/graph\/api\/.*\) \[non-empty-lists\]$/,
      ),
    ]);
  });

  it('every problem of the file is reported, not only the first', () => {
    const text = edited(
      edited(setUp, 'vendor: Contoso', 'vendr: Contoso'),
      'startDate: 2025-09-01',
      'startDate: soon',
    );
    expect(problems(text).map((l) => l.split(': ')[0])).toEqual(['sds.yaml:3:5', 'sds.yaml:29:16']);
  });

  it('JSON is read too (YAML 1.2 is a superset), with its lines', () => {
    const json = '{\n  "sourceSystems": [\n    { "displayName": "SIS", "vendr": "x" }\n  ]\n}\n';
    expect(problems(json)).toEqual([
      "sds.yaml:3:29: source system 'SIS': unknown property 'vendr'; did you mean 'vendor'? (this takes displayName, type, userMatchingSettings, vendor)",
    ]);
  });
});
