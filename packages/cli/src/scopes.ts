import type { OpenApiDocument } from '@sds-toolkit/openapi-model';

type Kind = 'delegated' | 'application';

const listed = (entry: unknown): string[] => {
  if (typeof entry !== 'object' || entry === null) return []; // 'not supported', 'undocumented'
  const { leastPrivileged, higherPrivileged } = entry as {
    leastPrivileged?: unknown;
    higherPrivileged?: unknown;
  };
  return [leastPrivileged, higherPrivileged].flatMap((l) =>
    Array.isArray(l) ? l.filter((s): s is string => typeof s === 'string') : [],
  );
};

/**
 * The permissions the spec knows for a kind of token, sorted: every scope the operations' permission tables
 * (`x-permissions`, from the docs) list, and those the security schemes declare.
 */
export function knownScopes(spec: OpenApiDocument, kind: Kind): string[] {
  const found = new Set<string>();
  for (const item of Object.values(spec.paths))
    for (const operation of Object.values(item as Record<string, unknown>)) {
      const permissions = (operation as { 'x-permissions'?: Record<string, unknown> } | null)?.[
        'x-permissions'
      ];
      if (!permissions) continue;
      const entries =
        kind === 'application'
          ? [permissions.application]
          : [permissions.delegatedWork, permissions.delegatedPersonal];
      for (const scope of entries.flatMap(listed)) found.add(scope);
    }
  const schemes = (spec.components as { securitySchemes?: Record<string, unknown> }).securitySchemes ?? {};
  const flows = (schemes[kind] as { flows?: Record<string, { scopes?: Record<string, string> }> } | undefined)
    ?.flows;
  for (const flow of Object.values(flows ?? {}))
    for (const scope of Object.keys(flow.scopes ?? {})) found.add(scope);
  return [...found].sort();
}
