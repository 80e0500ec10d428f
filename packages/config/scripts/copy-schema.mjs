// tsc does not copy JSON it does not import: the set-up files' JSON Schema ships next to the compiled code.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist/generated', { recursive: true });
copyFileSync('src/generated/sds.schema.json', 'dist/generated/sds.schema.json');
