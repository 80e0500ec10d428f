import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@sds-toolkit/openapi-model';
import type { WireSchemas } from './schema-layer.js';
import { createValidator, type Validator } from './validator.js';

/** The committed spec of this repository. */
export const defaultSpecPath = fileURLToPath(
  new URL('../../../specs/industrydata/openapi.yaml', import.meta.url),
);

/** The client's generated JSON Schemas (data, not code). */
export function loadWireSchemas(): WireSchemas {
  return createRequire(import.meta.url)('@sds-toolkit/client/schemas.json') as WireSchemas;
}

let cached: Validator | undefined;

/** A validator over the committed spec and the client's schemas, compiled once per process. */
export function defaultValidator(): Validator {
  cached ??= createValidator(loadSpec(defaultSpecPath), loadWireSchemas());
  return cached;
}
