/**
 * Bundle size of scripts an integrator would write, bundled and minified with esbuild and gzipped, Kiota
 * runtime included: an outbound-only one, and one that calls every operation; next to the official models
 * bundled alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { writeBenchResult } from '../../../scripts/bench-result.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'sds-bundle-'));

async function gzippedSize(source: string): Promise<number> {
  const entry = join(work, `entry-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    nodePaths: [join(here, 'node_modules')],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]?.contents ?? new Uint8Array();
  return gzipSync(output).length;
}

// An SDS admin's outbound script: flow sets, their flows, reset, paging.
const outbound = `
import { createIndustryDataAdapter, createIndustryDataClient, pageAll } from '${join(here, 'dist/index.js')}';
const client = createIndustryDataClient(createIndustryDataAdapter({ accessToken: globalThis.TOKEN }));
const sets = client.external.industryData.outboundProvisioningFlowSets;
const set = await sets.post({ displayName: 'x', filter: { odataType: '#microsoft.graph.industryData.basicFilter', attribute: 'orgExternalId', in: ['S1'] } });
for await (const s of pageAll(sets, { queryParameters: { top: 10 } })) console.log(s.id);
const flows = sets.byOutboundProvisioningFlowSetId(set.id).provisioningFlows;
const flow = await flows.post({ odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow', configuration: {} });
await flows.byProvisioningFlowId(flow.id).reset.post();
await sets.byOutboundProvisioningFlowSetId(set.id).patch({ displayName: 'y' });
await sets.byOutboundProvisioningFlowSetId(set.id).delete();
`;
// A script that calls every operation of every builder (47), signing in with a credential.
const everything = `
import { createIndustryDataAdapter, createIndustryDataClient, pageAll } from '${join(here, 'dist/index.js')}';
const client = createIndustryDataClient(createIndustryDataAdapter({ credential: globalThis.CREDENTIAL }));
const d = client.external.industryData;
const id = globalThis.ID;
const body = globalThis.BODY;
await d.get();
await d.dataConnectors.get(); await d.dataConnectors.post(body);
await d.dataConnectors.byIndustryDataConnectorId(id).get(); await d.dataConnectors.byIndustryDataConnectorId(id).patch(body); await d.dataConnectors.byIndustryDataConnectorId(id).delete();
await d.dataConnectors.byIndustryDataConnectorId(id).validate.post();
await d.dataConnectors.byIndustryDataConnectorId(id).graphAzureDataLakeConnector.getUploadSession.get();
await d.inboundFlows.get(); await d.inboundFlows.post(body);
await d.inboundFlows.byInboundFlowId(id).get(); await d.inboundFlows.byInboundFlowId(id).patch(body); await d.inboundFlows.byInboundFlowId(id).delete();
await d.inboundFlows.byInboundFlowId(id).dataConnector.get();
await d.operations.get(); await d.operations.byLongRunningOperationId(id).get();
const sets = d.outboundProvisioningFlowSets;
await sets.get(); await sets.post(body);
await sets.byOutboundProvisioningFlowSetId(id).get(); await sets.byOutboundProvisioningFlowSetId(id).patch(body); await sets.byOutboundProvisioningFlowSetId(id).delete();
const flows = sets.byOutboundProvisioningFlowSetId(id).provisioningFlows;
await flows.get(); await flows.post(body);
await flows.byProvisioningFlowId(id).get(); await flows.byProvisioningFlowId(id).patch(body); await flows.byProvisioningFlowId(id).delete();
await flows.byProvisioningFlowId(id).reset.post();
await d.referenceDefinitions.get(); await d.referenceDefinitions.post(body);
await d.referenceDefinitions.byReferenceDefinitionId(id).get(); await d.referenceDefinitions.byReferenceDefinitionId(id).patch(body); await d.referenceDefinitions.byReferenceDefinitionId(id).delete();
await d.roleGroups.get(); await d.roleGroups.byRoleGroupId(id).get();
await d.runs.get(); await d.runs.byIndustryDataRunId(id).get(); await d.runs.byIndustryDataRunId(id).getStatistics.get();
await d.sourceSystems.get(); await d.sourceSystems.post(body);
await d.sourceSystems.bySourceSystemDefinitionId(id).get(); await d.sourceSystems.bySourceSystemDefinitionId(id).patch(body); await d.sourceSystems.bySourceSystemDefinitionId(id).delete();
await d.years.get(); await d.years.post(body);
await d.years.byYearTimePeriodDefinitionId(id).get(); await d.years.byYearTimePeriodDefinitionId(id).patch(body); await d.years.byYearTimePeriodDefinitionId(id).delete();
for await (const s of pageAll(sets)) console.log(s);
`;
const officialModels = `
import * as models from '@microsoft/msgraph-beta-sdk/models/industryData/index.js';
console.log(models);
`;

try {
  const outboundSize = await gzippedSize(outbound);
  const everythingSize = await gzippedSize(everything);
  const official = await gzippedSize(officialModels);
  writeBenchResult('client-bundle', 'Bundle size (esbuild, minified, gzip), the whole namespace generated', [
    {
      label: 'an outbound-only script (flow sets, flows, reset, paging), Kiota runtime included',
      value: `${(outboundSize / 1024).toFixed(1)} KB gz`,
      target: '≤ 40 KB gz',
    },
    {
      label: 'a script calling all 47 operations of every builder, signing in with a credential',
      value: `${(everythingSize / 1024).toFixed(1)} KB gz`,
      target: '≤ 80 KB gz',
    },
    {
      label: 'the official industryData models alone (no runtime, no request builders)',
      value: `${(official / 1024).toFixed(1)} KB gz`,
    },
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
