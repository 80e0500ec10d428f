import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { OperationInfo } from '@sds-toolkit/rules';
import { isObject } from '../json.js';

export interface Principal {
  readonly kind: 'delegated' | 'application';
  readonly scopes: readonly string[];
}

export type AuthResult =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

/** The audiences a Microsoft Graph token carries: its URL or its application id. */
export const graphAudiences: readonly string[] = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.com/',
  '00000003-0000-0000-c000-000000000000',
];

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

const refuse = (message: string): AuthResult => ({ ok: false, status: 401, message });

/** What a token says, once read: who it is for and when it is valid (seconds since the epoch). */
interface ReadToken {
  readonly principal: Principal;
  readonly notBefore: number | undefined;
  readonly expires: number;
}

/**
 * Reads a token's header and claims (and, with a secret, checks its HS256 signature). Time is not looked at
 * here, so a read token can be cached and its times checked on each request.
 */
function readToken(token: string, secret: string | undefined): ReadToken | AuthResult {
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('the access token is not a JWT (header.claims.signature)');
  const [header64 = '', claims64 = '', signature = ''] = parts;
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(header64, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(claims64, 'base64url').toString('utf8'));
  } catch {
    return refuse('the access token does not decode (its header or claims are not base64url JSON)');
  }
  if (!isObject(header) || !isObject(claims))
    return refuse('the access token does not decode: its header and claims must be JSON objects');
  if (secret) {
    if (header.alg !== 'HS256')
      return refuse(
        `the access token must be signed with HS256 (its header says alg ${JSON.stringify(header.alg)})`,
      );
    const expected = createHmac('sha256', secret).update(`${header64}.${claims64}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return refuse('the access token signature is invalid');
  }
  const audience = claims.aud;
  if (!graphAudiences.includes(String(audience)))
    return refuse(
      `the access token is not for Microsoft Graph: its aud is ${JSON.stringify(audience ?? null)}, not https://graph.microsoft.com`,
    );
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp))
    return refuse('the access token has no valid exp claim (seconds since the epoch, a number)');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf)))
    return refuse('the access token nbf claim is not a number (seconds since the epoch)');
  // A delegated token may also carry `roles` (app roles the user holds in some application): they are not Graph
  // permissions. Only a token without `scp` is an application's, and then its `roles` are what it may do.
  let principal: Principal;
  if (claims.scp !== undefined) {
    if (typeof claims.scp !== 'string')
      return refuse('the access token scp claim is not a space-separated string');
    principal = { kind: 'delegated', scopes: claims.scp.split(' ').filter(Boolean) };
  } else if (Array.isArray(claims.roles)) {
    principal = { kind: 'application', scopes: claims.roles.map(String) };
  } else return refuse('the access token carries neither scp (delegated) nor roles (application)');
  return { principal, notBefore: claims.nbf as number | undefined, expires: claims.exp };
}

/** How many read tokens are kept (a client sends the same token request after request). */
const cacheSize = 256;

/** Reads `Authorization: Bearer <JWT>`: 401 when missing, garbled, not for Graph, not yet or no longer valid, or (with a secret) not signed with it. */
export class Authenticator {
  private readonly cache = new Map<string, ReadToken | AuthResult>();

  constructor(private readonly secret: string | undefined) {}

  authenticate(header: string | undefined, nowMs: number): AuthResult {
    if (!header)
      return refuse('Access token is empty: send Authorization: Bearer <token> (pnpm sds token prints one)');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return refuse('the Authorization header is not "Bearer <token>"');
    const token = match[1];
    let read = this.cache.get(token);
    if (!read) {
      read = readToken(token, this.secret);
      if (this.cache.size >= cacheSize) this.cache.clear();
      this.cache.set(token, read);
    }
    if ('ok' in read) return read;
    const now = nowMs / 1000;
    if (read.expires < now) return refuse('the access token has expired: get a new one');
    if (read.notBefore !== undefined && read.notBefore > now)
      return refuse('the access token is not valid yet (its nbf is in the future)');
    return { ok: true, principal: read.principal };
  }
}

/** Reads a token once, without a cache (the earlier function form). */
export function authenticate(
  header: string | undefined,
  secret: string | undefined,
  now = Date.now(),
): AuthResult {
  return new Authenticator(secret).authenticate(header, now);
}

interface ScopeSet {
  leastPrivileged: string[];
  higherPrivileged: string[];
  /** The table joins the least privileged permissions with "and": the token needs each of them. */
  allRequired?: boolean;
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
          leastPrivileged: [...(s ?? [])].sort(compareCodePoints),
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
    const has = (scope: string) => principal.scopes.includes(scope);
    const least = entry.allRequired
      ? entry.leastPrivileged.length > 0 && entry.leastPrivileged.every(has)
      : entry.leastPrivileged.some(has);
    if (least || entry.higherPrivileged.some(has)) return { ok: true, principal };
    const needs = entry.allRequired
      ? `permissions ${entry.leastPrivileged.join(' and ')}${entry.higherPrivileged.length > 0 ? `, or ${entry.higherPrivileged.join(' or ')}` : ''}`
      : `permission ${[...entry.leastPrivileged, ...entry.higherPrivileged].join(' or ')}`;
    return {
      ok: false,
      status: 403,
      message: `${operation.alias ?? operation.id} needs the ${label} ${needs}; the token has ${principal.scopes.join(', ') || 'none'}`,
    };
  }
}
