/**
 * Writes the JSON Schema of set-up files from the committed spec: `pnpm --filter @sds-toolkit/config schema`.
 * `test/schema.test.ts` fails while the committed file differs from a fresh one.
 */
import { writeFileSync } from 'node:fs';
import { defaultToolkit, schemaPath, schemaText } from '../src/index.js';

writeFileSync(schemaPath, schemaText(defaultToolkit().schema));
console.log(`wrote ${schemaPath}`);
