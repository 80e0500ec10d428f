// tsc does not copy JSON it does not import: the generated JSON Schemas ship next to the compiled code.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

if (existsSync('src/generated/schemas.json')) {
  mkdirSync('dist/generated', { recursive: true });
  copyFileSync('src/generated/schemas.json', 'dist/generated/schemas.json');
}
