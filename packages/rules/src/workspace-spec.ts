import { fileURLToPath } from 'node:url';
import { loadSpec, type OpenApiDocument } from '@sds-toolkit/openapi-model';

// Running from src/ inside the repository (tests, `pnpm sds`): the committed spec, read where it is. The
// published build replaces this module with workspace-spec.published.ts: a package carries its own copy.

/** The committed spec of this repository. */
export const workspaceSpecPath: string | undefined = fileURLToPath(
  new URL('../../../specs/industrydata/openapi.yaml', import.meta.url),
);

export function loadWorkspaceSpec(): OpenApiDocument {
  return loadSpec(fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url)));
}
