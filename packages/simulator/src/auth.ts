import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import type { OperationInfo } from '@sds-toolkit/rules';

export interface Principal {
  readonly kind: 'delegated' | 'application';
  readonly scopes: readonly string[];
}

export type AuthResult =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

/** A development token: unsigned (`alg: none`) unless a secret is given (then HS256). */
export function createToken(options: {
  scopes: readonly string[];
  application?: boolean;
  secret?: string;
  expiresInSeconds?: number;
  /** Seconds since the epoch; fixed by callers whose tokens must not change between runs (pact files). */
  issuedAt?: number;
}): string {
  const now = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const header = { alg: options.secret ? 'HS256' : 'none', typ: 'JWT' };
  const claims = {
    aud: 'https://graph.microsoft.com',
    iss: 'sds-toolkit-simulator',
    iat: now,
    exp: now + (options.expiresInSeconds ?? 3600),
    ...(options.application
      ? { roles: [...options.scopes], idtyp: 'app' }
      : { scp: options.scopes.join(' ') }),
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = options.secret
    ? createHmac('sha256', options.secret).update(unsigned).digest('base64url')
    : '';
  return `${unsigned}.${signature}`;
}

/** Reads `Authorization: Bearer <JWT>`: 401 when missing, garbled, expired or (with a secret) wrongly signed. */
export function authenticate(
  header: string | undefined,
  secret: string | undefined,
  now = Date.now(),
): AuthResult {
  if (!header)
    return {
      ok: false,
      status: 401,
      message: 'Access token is empty: send Authorization: Bearer <token> (pnpm sds token prints one)',
    };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1])
    return { ok: false, status: 401, message: 'the Authorization header is not "Bearer <token>"' };
  const parts = match[1].split('.');
  if (parts.length !== 3)
    return { ok: false, status: 401, message: 'the access token is not a JWT (header.claims.signature)' };
  const [header64 = '', claims64 = '', signature = ''] = parts;
  let claims: { scp?: unknown; roles?: unknown; exp?: unknown };
  try {
    JSON.parse(Buffer.from(header64, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(claims64, 'base64url').toString('utf8'));
  } catch {
    return {
      ok: false,
      status: 401,
      message: 'the access token does not decode (its header or claims are not base64url JSON)',
    };
  }
  if (secret) {
    const expected = createHmac('sha256', secret).update(`${header64}.${claims64}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, status: 401, message: 'the access token signature is invalid' };
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 < now)
    return { ok: false, status: 401, message: 'the access token has expired' };
  if (Array.isArray(claims.roles))
    return { ok: true, principal: { kind: 'application', scopes: claims.roles.map(String) } };
  if (typeof claims.scp === 'string')
    return { ok: true, principal: { kind: 'delegated', scopes: claims.scp.split(' ').filter(Boolean) } };
  return {
    ok: false,
    status: 401,
    message: 'the access token carries neither scp (delegated) nor roles (application)',
  };
}

interface ScopeSet {
  leastPrivileged: string[];
  higherPrivileged: string[];
}
type PermissionEntry = ScopeSet | 'not supported' | 'undocumented';

/**
 * The scopes each operation accepts, from the permission tables in the spec (`x-permissions`). Operations whose
 * page has no table take what the documented operations with the same method take.
 */
export class Permissions {
  private readonly byOperation = new Map<
    string,
    { delegated: PermissionEntry; application: PermissionEntry }
  >();

  constructor(spec: OpenApiDocument) {
    const fallback = new Map<string, { delegated: Set<string>; application: Set<string> }>();
    for (const item of Object.values(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const perms = (
          op as {
            'x-permissions'?: { delegatedWork: PermissionEntry; application: PermissionEntry };
            operationId?: string;
          }
        )['x-permissions'];
        const id = (op as { operationId?: string }).operationId;
        if (!id || !perms) continue;
        this.byOperation.set(id, { delegated: perms.delegatedWork, application: perms.application });
        const f = fallback.get(method) ?? { delegated: new Set<string>(), application: new Set<string>() };
        for (const [kind, entry] of [
          ['delegated', perms.delegatedWork],
          ['application', perms.application],
        ] as const) {
          if (typeof entry === 'object')
            for (const s of [...entry.leastPrivileged, ...entry.higherPrivileged]) f[kind].add(s);
        }
        fallback.set(method, f);
      }
    }
    for (const item of Object.values(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const id = (op as { operationId?: string }).operationId;
        if (!id || this.byOperation.has(id)) continue;
        const f = fallback.get(method);
        const set = (s: Set<string> | undefined): PermissionEntry => ({
          leastPrivileged: [...(s ?? [])].sort(),
          higherPrivileged: [],
        });
        this.byOperation.set(id, { delegated: set(f?.delegated), application: set(f?.application) });
      }
    }
  }

  /** 403 unless the token carries a scope (delegated) or role (application) the operation's table lists. */
  authorize(operation: OperationInfo, principal: Principal): AuthResult {
    const entry = this.byOperation.get(operation.id)?.[principal.kind];
    const label = principal.kind === 'delegated' ? 'delegated' : 'application';
    if (entry === undefined || entry === 'undocumented') return { ok: true, principal };
    if (entry === 'not supported') {
      return {
        ok: false,
        status: 403,
        message: `${operation.alias ?? operation.id} does not support ${label} permissions (the docs say "Not supported")`,
      };
    }
    const accepted = [...entry.leastPrivileged, ...entry.higherPrivileged];
    if (principal.scopes.some((s) => accepted.includes(s))) return { ok: true, principal };
    return {
      ok: false,
      status: 403,
      message: `${operation.alias ?? operation.id} needs the ${label} permission ${accepted.join(' or ')}; the token has ${principal.scopes.join(', ') || 'none'}`,
    };
  }
}
