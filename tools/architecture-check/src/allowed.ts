/**
 * Who may import whom. Arrows point toward the model; only the CLI wires stages together.
 * Keep this table and the table in the root README identical.
 */
export const allowedImports: Readonly<Record<string, readonly string[]>> = {
  '@sds-toolkit/openapi-model': [],
  '@sds-toolkit/docs-to-openapi': ['@sds-toolkit/openapi-model'],
  '@sds-toolkit/spec-diff': ['@sds-toolkit/openapi-model'],
  '@sds-toolkit/generator': ['@sds-toolkit/openapi-model'],
  '@sds-toolkit/client': [],
  // The rules read the client's emitted JSON Schemas (data), never its runtime code.
  '@sds-toolkit/rules': ['@sds-toolkit/openapi-model', '@sds-toolkit/client'],
  '@sds-toolkit/simulator': ['@sds-toolkit/openapi-model', '@sds-toolkit/rules'],
  '@sds-toolkit/contract-tests': ['@sds-toolkit/client', '@sds-toolkit/simulator'],
  '@sds-toolkit/cli': [
    '@sds-toolkit/openapi-model',
    '@sds-toolkit/docs-to-openapi',
    '@sds-toolkit/spec-diff',
    '@sds-toolkit/generator',
    '@sds-toolkit/client',
    '@sds-toolkit/rules',
    '@sds-toolkit/simulator',
    '@sds-toolkit/contract-tests',
  ],
  '@sds-toolkit/architecture-check': [],
  // Scripts users copy: they use the published client, and the simulator to run without a tenant.
  '@sds-toolkit/examples': ['@sds-toolkit/client', '@sds-toolkit/simulator'],
};

/** Run-time dependencies the published client may have: the Kiota runtime and nothing else. */
export const clientRuntimeDependency = /^@microsoft\/kiota-/;

export const ourScope = '@sds-toolkit/';
