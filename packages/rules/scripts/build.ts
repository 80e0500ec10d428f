/**
 * The published build (`pnpm build`), self-contained: the code bundled (ESM and CommonJS) with the parts of the private
 * @sds-toolkit/openapi-model it uses, the declarations rolled up with its types (API Extractor), and the spec
 * the rules check against copied in as dist/openapi.json, so nothing is read from outside the package.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@sds-toolkit/openapi-model';
import { build, type Plugin } from 'esbuild';
import { extract } from './api-report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// The spec, as the committed one parses.
const spec = loadSpec(fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url)));
writeFileSync(`${dist}openapi.json`, JSON.stringify(spec));

// The repository fallback (workspace-spec.ts) has no place in a package.
const published: Plugin = {
  name: 'published-spec',
  setup(b) {
    b.onResolve({ filter: /\/workspace-spec\.js$/ }, () => ({
      path: fileURLToPath(new URL('../src/workspace-spec.published.ts', import.meta.url)),
    }));
  },
};
// The model package and the YAML parsers it loads specs with have no side effects: only what the rules use
// of them is bundled (its parsers are not: the rules read the spec as JSON).
const pure: Plugin = {
  name: 'pure-model',
  setup(b) {
    b.onResolve({ filter: /^(@sds-toolkit\/openapi-model|yaml|js-yaml)$|^\./ }, async (args) => {
      const inModel = args.importer.includes('/openapi-model/');
      const bare = !args.path.startsWith('.');
      if (args.pluginData === 'pure' || (!inModel && !bare)) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'pure',
      });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};
const shared = {
  entryPoints: [`${root}src/index.ts`],
  bundle: true,
  platform: 'node' as const,
  target: 'node20',
  // Our private model package is read from its sources and bundled; what users install stays a dependency.
  conditions: ['development'],
  external: ['ajv', 'ajv-formats', '@sds-toolkit/client', '@microsoft/*'],
  plugins: [published, pure],
  logLevel: 'warning' as const,
};
await build({ ...shared, format: 'esm', outfile: `${dist}index.js` });
await build({
  ...shared,
  format: 'cjs',
  outfile: `${dist}index.cjs`,
  // import.meta.url locates dist/openapi.json and resolves the client's schemas: CommonJS has __filename.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// Declarations, one rolled-up file each: for import, with the model package's types inlined
// (api-extractor.build.json); for require, with Kiota's too (api-extractor.cjs.json).
for (const config of ['api-extractor.build.json', 'api-extractor.cjs.json']) {
  const rollup = extract(config, true);
  if (!rollup.succeeded) throw new Error(`API Extractor (${config}) failed:\n${rollup.messages.join('\n')}`);
}
