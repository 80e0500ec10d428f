/**
 * Bundle size of a script an SDS admin would write (create, list, patch and delete flow sets), bundled and
 * minified with esbuild and gzipped, Kiota runtime included; next to the official models bundled alone.
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

const script = `
import { createIndustryDataAdapter, createIndustryDataClient } from '${join(here, 'dist/index.js')}';
const client = createIndustryDataClient(createIndustryDataAdapter({ accessToken: globalThis.TOKEN }));
const sets = client.external.industryData.outboundProvisioningFlowSets;
const set = await sets.post({ displayName: 'x', filter: { odataType: '#microsoft.graph.industryData.basicFilter', attribute: 'orgExternalId', in: ['S1'] } });
console.log(await sets.get({ queryParameters: { top: 10 } }));
await sets.byOutboundProvisioningFlowSetId(set.id).patch({ displayName: 'y' });
await sets.byOutboundProvisioningFlowSetId(set.id).delete();
`;
const officialModels = `
import * as models from '@microsoft/msgraph-beta-sdk/models/industryData/index.js';
console.log(models);
`;

try {
  const ours = await gzippedSize(script);
  const official = await gzippedSize(officialModels);
  writeBenchResult('client-bundle', 'Bundle size (esbuild, minified, gzip)', [
    {
      label: 'an SDS admin script with this client, Kiota runtime included',
      value: `${(ours / 1024).toFixed(1)} KB gz`,
      target: '≤ 40 KB gz',
    },
    {
      label: 'the official industryData models alone (no runtime, no request builders)',
      value: `${(official / 1024).toFixed(1)} KB gz`,
    },
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
