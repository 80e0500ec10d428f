import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { SchemaObject } from '@sds-toolkit/openapi-model';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { extractFromFolder, specToYaml } from '../src/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const docsDir = process.env.GRAPH_DOCS_DIR ?? `${repoRoot}../shared/graph-docs`;
const available = existsSync(docsDir);
if (!available)
  console.warn(`skipping the real-corpus tests: no docs folder at ${docsDir} (set GRAPH_DOCS_DIR)`);

const NS = 'microsoft.graph.industryData';
const sets = '/external/industryData/outboundProvisioningFlowSets';
const set = `${sets}/{outboundProvisioningFlowSetId}`;
const flows = `${set}/provisioningFlows`;
const flow = `${flows}/{provisioningFlowId}`;

describe.skipIf(!available)('the real corpus (../shared/graph-docs)', () => {
  const extraction = available ? extractFromFolder(docsDir) : undefined;
  const spec = extraction?.spec;
  const codes = extraction?.diagnostics.map((d) => d.code) ?? [];
  const body = (name: string) => {
    const s = spec?.components.schemas[name] as SchemaObject;
    return (s.allOf ? s.allOf[1] : s) as SchemaObject;
  };

  it.each([
    ['get', sets, '200'],
    ['post', sets, '201'],
    ['get', set, '200'],
    ['patch', set, '204'],
    ['delete', set, '204'],
    ['get', flows, '200'],
    ['post', flows, '201'],
    ['get', flow, '200'],
    ['patch', flow, '204'],
    ['delete', flow, '204'],
    ['post', `${flow}/reset`, '202'],
  ] as const)('%s %s → %s', (method, path, status) => {
    const op = spec?.paths[path]?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(Object.keys(op?.responses ?? {}).filter((c) => c.startsWith('2'))).toEqual([status]);
  });

  it('documents exactly the 47 operations of the namespace', () => {
    const all = Object.values(spec?.paths ?? {}).flatMap((item) =>
      Object.keys(item).filter((k) => k !== 'parameters'),
    );
    expect(all).toHaveLength(47);
  });

  it.each([
    [
      'provisioningFlow',
      [
        'administrativeUnitProvisioningFlow',
        'classGroupProvisioningFlow',
        'securityGroupProvisioningFlow',
        'userProvisioningFlow',
      ],
    ],
    ['filter', ['basicFilter']],
    ['passwordSettings', ['simplePasswordSettings']],
    [
      'referenceValue',
      [
        'fileFormatReferenceValue',
        'identifierTypeReferenceValue',
        'roleReferenceValue',
        'sectionRoleReferenceValue',
        'userMatchTargetReferenceValue',
        'yearReferenceValue',
      ],
    ],
  ])('%s has a complete discriminator mapping', (base, derived) => {
    expect(Object.keys(body(`${NS}.${base}`).discriminator?.mapping ?? {})).toEqual(
      derived.map((d) => `#${NS}.${d}`),
    );
  });

  it('one polymorphic operation for the four subtype update pages, accepting what each page accepts', () => {
    const patch = spec?.paths[flow]?.patch;
    expect(patch?.requestBody?.content['application/json']?.schema?.oneOf).toHaveLength(4);
    expect(patch?.['x-docs-accepted-properties']).toMatchObject({
      [`${NS}.classGroupProvisioningFlow`]: { configuration: { required: true } },
    });
    expect(patch?.['x-docs-example-names']).toContain('update_classgroupprovisioningflow');
  });

  it('basicFilter keeps the wire name `in` and a re-cased filterOptions enum', () => {
    expect(body(`${NS}.basicFilter`).properties?.in).toMatchObject({
      type: 'array',
      items: { type: 'string' },
    });
    expect(spec?.components.schemas[`${NS}.filterOptions`]).toMatchObject({
      enum: ['orgExternalId', 'unknownFutureValue'],
    });
  });

  it.each([
    ['path-casing'],
    ['path-parameter-duplicate'],
    ['draft-superseded'],
    ['http-request-placeholder'],
    ['type-name-recased'],
    ['example-property-casing'],
    ['link-broken'],
    ['link-case'],
    ['permissions-include-missing'],
  ])('reports the real defect %s', (code) => {
    expect(codes).toContain(code);
  });

  it('the orphan root pages are stale duplicates of the pages Methods tables link, and lose', () => {
    const stale = (extraction?.diagnostics ?? [])
      .filter((d) => d.code === 'page-stale-duplicate')
      .map((d) => d.file.split('/').pop());
    expect(stale).toContain('industrydata-industrydataroot-list-runs.md');
    expect(stale.filter((f) => f?.startsWith('industrydata-industrydataroot-'))).toHaveLength(stale.length);
    expect(spec?.paths['/external/industryData/runs']?.get?.['x-docs-pages']).toEqual([
      'industrydata-industrydatarun-list',
    ]);
    // The orphan 'List industryDataConnector' documents an inbound flow's single dataConnector as a list; the
    // listed Get page gives that path as its second request line, and wins it.
    expect(stale).toContain('industrydata-industrydataroot-list-dataconnectors.md');
    const connector = spec?.paths['/external/industryData/inboundFlows/{inboundFlowId}/dataConnector']?.get;
    expect(connector?.operationId).toBe('external.industryData.inboundFlows.GetDataConnector');
    expect(connector?.['x-docs-pages']).toEqual(['industrydata-industrydataconnector-get']);
    // the stale page's permission differences are named, and the winner's permissions are the spec's
    expect(
      extraction?.diagnostics.filter(
        (d) => d.code === 'page-stale-duplicate' && d.message.includes('permissions differ'),
      ),
    ).toHaveLength(8);
  });

  // #12: each scheme listed every scope of the spec, so delegated-only scopes were app roles and the reverse.
  it('each security scheme lists the permissions the tables give for its kind, and only those', () => {
    const schemes = spec?.components.securitySchemes as
      | Record<string, { flows: Record<string, { scopes: Record<string, string> }> }>
      | undefined;
    const delegated = Object.keys(schemes?.delegated?.flows.authorizationCode?.scopes ?? {});
    const application = Object.keys(schemes?.application?.flows.clientCredentials?.scopes ?? {});
    expect(delegated).toContain('EduAdministration.Read');
    expect(application).not.toContain('EduAdministration.Read');
    expect(application).toContain('EduAdministration.Read.All');
    expect(delegated).not.toContain('EduAdministration.Read.All');
  });

  it('types of other namespaces are typed, enums without a page are built, credential is no defect', () => {
    const run = body(`${NS}.industryDataRun`).properties ?? {};
    expect(run.blockingError?.anyOf?.[0]).toEqual({
      $ref: '#/components/schemas/microsoft.graph.publicError',
    });
    expect(spec?.components.schemas[`${NS}.studentAgeGroup`]).toMatchObject({
      enum: ['minor', 'notAdult', 'adult', 'unknownFutureValue'],
    });
    expect(codes).not.toContain('type-unknown');
    expect(
      extraction?.diagnostics.some((d) => /credential/.test(d.message) && d.code.startsWith('type-name')),
    ).toBe(false);
  });

  it('links to pages outside the folder are information, one line per target', () => {
    const outside = (extraction?.diagnostics ?? []).filter((d) => d.code === 'link-outside-folder');
    expect(outside.every((d) => d.severity === 'info')).toBe(true);
    const targets = outside.map((d) => /to (\S+\.md)/.exec(d.message)?.[1]);
    expect(new Set(targets).size).toBe(targets.length);
    expect(outside.find((d) => d.message.includes('publicerror.md'))?.message).toMatch(
      /^\d+ links to publicerror\.md/,
    );
  });

  it('names the exchanged member/owner descriptions of enrollmentMappings', () => {
    const swapped = extraction?.diagnostics.filter((d) => d.code === 'description-swapped') ?? [];
    expect(swapped.map((d) => [d.file, d.line])).toEqual([
      ['api-reference/beta/resources/industrydata-enrollmentmappings.md', 22],
    ]);
  });

  it('the draft update page loses to the published ones, with 200 vs 204 named', () => {
    const draft = extraction?.diagnostics.find(
      (d) => d.code === 'draft-superseded' && d.file.endsWith('industrydata-provisioningflow-update.md'),
    );
    expect(draft?.message).toContain('status 200 vs 204');
  });

  it('is a valid OpenAPI document for swagger-parser', async () => {
    await expect(SwaggerParser.validate(structuredClone(spec) as never)).resolves.toBeDefined();
  });

  it("has no errors under spectral's OpenAPI ruleset", async () => {
    const { Spectral, Document } = spectralCore;
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'all']] } as never);
    const results = await spectral.run(
      new Document(specToYaml(spec as never), spectralParsers.Yaml, 'openapi.yaml'),
    );
    // An example the extractor reported as a docs defect is kept as the page wrote it, so it may not validate.
    const reported = new Set(
      extraction?.diagnostics.filter((d) => d.code.startsWith('example-')).map((d) => `${d.file}#L${d.line}`),
    );
    const exampleSource = (path: readonly (string | number)[]) => {
      let node: unknown = spec;
      for (const key of path.slice(0, path.indexOf('value'))) node = (node as Record<string, unknown>)?.[key];
      return (node as { 'x-docs-source'?: string })?.['x-docs-source'];
    };
    expect(
      results
        .filter((r) => r.severity === 0)
        .filter((r) => !(r.code === 'oas3-valid-media-example' && reported.has(exampleSource(r.path) ?? '')))
        .map((r) => `${r.code}: ${r.message} at ${r.path.join('.')}`),
    ).toEqual([]);
  });

  it('the committed spec and lock equal a fresh extraction (no drift)', () => {
    const committed = readFileSync(`${repoRoot}specs/industrydata/openapi.yaml`, 'utf8');
    expect(
      specToYaml(spec as never),
      'specs/industrydata/openapi.yaml is stale: run `pnpm sds extract --docs <dir>`',
    ).toBe(committed);
    const lock = JSON.parse(readFileSync(`${repoRoot}specs/industrydata/docs.lock.json`, 'utf8'));
    expect(lock).toEqual(JSON.parse(JSON.stringify(extraction?.lock)));
    expect(lock.pages).toHaveLength(181);
  });
});
