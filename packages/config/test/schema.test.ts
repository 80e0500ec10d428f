import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultToolkit, schemaPath, schemaText } from '../src/index.js';
import { edited, setUp } from './tenant.js';

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

describe('the JSON Schema of set-up files, generated from the spec', () => {
  it('the committed file is what the spec gives (regenerate: pnpm --filter @sds-toolkit/config schema)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(schemaText(defaultToolkit().schema));
  });

  // What an editor does with it: a draft-07 validator and nothing of ours.
  const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(
    JSON.parse(readFileSync(schemaPath, 'utf8')),
  );

  it('accepts a whole set-up', () => {
    expect(validate(parse(setUp)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown property', ['vendor: Contoso', 'vendr: Contoso'], 'additionalProperties'],
    [
      'a connector without a type',
      ['  - type: azureDataLakeConnector\n    displayName: csv', '  - displayName: csv'],
      'required',
    ],
    ['a flow of no known type', ['type: securityGroupProvisioningFlow', 'type: teamFlow'], 'enum'],
    ['a secret in clear', ['clientSecret: { env: ONEROSTER_SECRET }', 'clientSecret: hunter2'], 'type'],
    ['a property the create table requires, left out', ['    apiVersion: "1.1"\n', ''], 'required'],
  ])('refuses %s', (_name, [from, to], keyword) => {
    expect(validate(parse(edited(setUp, from ?? '', to ?? '')))).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });

  it("describes properties with the spec's words, for completion", () => {
    const schema = defaultToolkit().schema as any;
    const flowSet = schema.definitions.outboundProvisioningFlowSet;
    expect(Object.keys(flowSet.properties)).toEqual(['type', 'displayName', 'filter', 'provisioningFlows']);
    expect(typeof flowSet.properties.displayName.description).toBe('string');
    expect(schema.definitions.oneRosterApiDataConnector.required).toEqual([
      'displayName',
      'apiFormat',
      'baseUrl',
      'credential',
      'apiVersion',
      'isContactsEnabled',
      'isDemographicsEnabled',
      'isFlagsEnabled',
    ]);
  });
});
