import { fileURLToPath } from 'node:url';

/** The committed JSON Schema of set-up files (generated from the spec; editors point at it). */
export const schemaPath = fileURLToPath(new URL('./generated/sds.schema.json', import.meta.url));
