/**
 * Every diagnostic code the extractor reports, by area. Codes are kebab-case and stable: tools, ignore lists
 * and `sds extract --mute` key on them. The README's Diagnostics table lists exactly these (a test checks).
 */
export const diagnosticAreas = {
  files: ['page-unreadable', 'page-binary', 'page-empty'],
  markdown: [
    'front-matter-invalid',
    'annotation-invalid-json',
    'table-unrecognised',
    'table-stray-row',
    'table-cut',
    'table-row-cells',
    'properties-empty',
  ],
  resources: [
    'resource-unnamed',
    'resource-annotation-missing',
    'resource-name-mismatch',
    'base-type-mismatch',
    'base-type-inferred',
    'base-type-undocumented',
    'json-representation-invalid',
    'json-representation-repaired',
    'json-representation-extra',
    'inherited-property-type',
    'type-duplicate',
    'description-swapped',
  ],
  names: [
    'type-name-casing',
    'type-name-mismatch',
    'type-name-typo',
    'type-name-recased',
    'property-name-casing',
    'type-unknown',
    'type-external',
    'enum-members-differ',
    'enum-from-description',
  ],
  links: ['link-broken', 'link-outside-folder', 'link-case'],
  'methods tables': ['page-stale-duplicate', 'operation-undocumented', 'operation-unlisted'],
  requests: [
    'http-request-missing',
    'http-request-unreadable',
    'http-request-placeholder',
    'path-casing',
    'path-parameter-duplicate',
    'request-path-alternate',
    'operation-unplaced',
    'body-property-unknown',
  ],
  responses: [
    'response-status-missing',
    'response-status-from-example',
    'response-status-unknown',
    'response-status-other',
    'status-conflict',
    'draft-superseded',
    'operation-draft-only',
  ],
  examples: [
    'example-json-invalid',
    'example-json-repaired',
    'example-not-json',
    'example-without-code',
    'example-property-casing',
    'example-property-unknown',
    'example-type-unknown',
    'example-type-casing',
    'example-type-abstract',
    'example-status-mismatch',
  ],
  permissions: [
    'permissions-missing',
    'permissions-include-missing',
    'permissions-table-missing',
    'permissions-table-unrecognised',
    'permissions-row-unknown',
    'permissions-conflict',
    'permissions-combined',
    'permissions-per-resource',
  ],
} as const;

export type DiagnosticCode = (typeof diagnosticAreas)[keyof typeof diagnosticAreas][number];

export const diagnosticCodes: readonly DiagnosticCode[] = Object.values(diagnosticAreas).flat();

const known = new Set<string>(diagnosticCodes);
export const isDiagnosticCode = (code: string): code is DiagnosticCode => known.has(code);
