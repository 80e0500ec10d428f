import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { stringify } from 'yaml';

export const generatedHeader = [
  '# GENERATED FILE. Do not edit by hand: regenerate with `pnpm sds extract`.',
  '# Derived by @sds-toolkit/docs-to-openapi from the Microsoft Graph docs pages listed in docs.lock.json.',
].join('\n');

/** Deterministic YAML: no line folding, no anchors, the header on top. */
export function specToYaml(spec: OpenApiDocument): string {
  return `${generatedHeader}\n${stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false, indent: 2 })}`;
}
