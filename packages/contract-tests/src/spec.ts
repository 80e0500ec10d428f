import { readFileSync } from 'node:fs';
import type { createSimulator } from '@sds-toolkit/simulator';
import { parse } from 'yaml';
import { paths } from './catalogue.js';

export type Spec = Parameters<typeof createSimulator>[0]['spec'];

/** The committed spec, as the simulator reads it. */
export function loadSpec(): Spec {
  return parse(readFileSync(paths.spec, 'utf8')) as Spec;
}

/** Every scope the spec's permission tables list: a token that may do everything. */
export function allScopes(spec: Spec = loadSpec()): string[] {
  const schemes = spec.components?.securitySchemes as
    | { delegated?: { flows?: { authorizationCode?: { scopes?: Record<string, string> } } } }
    | undefined;
  return Object.keys(schemes?.delegated?.flows?.authorizationCode?.scopes ?? {});
}
