// The CommonJS build, for `require('@sds-toolkit/client')` on every Node version in `engines` (require(esm)
// only arrived unflagged in Node 20.19): the ESM build and the Kiota runtime, which is ESM only, bundled into
// one CommonJS file. ESM consumers get dist/index.js and share their Kiota runtime with the app.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/index.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'eof',
});
