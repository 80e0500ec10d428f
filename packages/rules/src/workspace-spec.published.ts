import type { OpenApiDocument } from '@sds-toolkit/openapi-model';

// What the published build puts in place of workspace-spec.ts: an installed package has no repository around
// it, only the spec it ships (dist/openapi.json), so there is nothing to fall back on.

export const workspaceSpecPath: string | undefined = undefined;

export function loadWorkspaceSpec(): OpenApiDocument {
  throw new Error('@sds-toolkit/rules: dist/openapi.json is missing from the package; reinstall it');
}
