import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { LRUCache } from 'lru-cache';
import type { Model, OperationModel } from '../model/model.js';
import { argumentsOf, keyOf, type PathSegment, parsePath } from './path.js';

export interface RouteMatch {
  readonly operation: OperationModel;
  /** Path parameters (keys), decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** A function's parameters written in its parentheses. */
  readonly args: Readonly<Record<string, string>>;
  /** The API version segment the request used (`beta`), if any. */
  readonly version: string | undefined;
}

export type RouteResult =
  | ({ readonly ok: true } & RouteMatch)
  | {
      readonly ok: false;
      readonly status: 400 | 404 | 405;
      readonly message: string;
      /** For a 405: the methods the resource has. */
      readonly allow?: readonly string[];
    };

interface Node {
  readonly literals: Map<string, Node>;
  param: { readonly name: string; readonly node: Node } | undefined;
  readonly operations: Map<string, OperationModel>;
}

/** What an error message quotes of a request: enough to recognize it, never the whole of a 16 KB path. */
const shown = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

const newNode = (): Node => ({ literals: new Map(), param: undefined, operations: new Map() });

export interface Router {
  match(method: string, pathname: string): RouteResult;
}

/**
 * Routes from the spec's path templates, in a tree: literal segments match case-insensitively (the docs write
 * `OutboundProvisioningFlowSets` as often as `outboundProvisioningFlowSets`), a key goes in its own segment or
 * in parentheses, and a function may be called with parentheses holding its parameters.
 */
export function createRouter(model: Model): Router {
  const root = newNode();
  for (const operation of model.operations) {
    let node = root;
    for (const segment of operation.segments) {
      if ('literal' in segment) {
        const key = segment.literal.toLowerCase();
        let next = node.literals.get(key);
        if (!next) {
          next = newNode();
          node.literals.set(key, next);
        }
        node = next;
      } else {
        node.param ??= { name: segment.param, node: newNode() };
        node = node.param.node;
      }
    }
    node.operations.set(operation.method.toUpperCase(), operation);
  }

  interface Walk {
    node: Node;
    params: Record<string, string>;
    args: Record<string, string>;
  }

  /** Depth-first: a literal before a key, so `…/flows/reset` is the action and `…/flows/{id}` the entity. */
  function walk(node: Node, segments: readonly PathSegment[], at: number, found: Walk): Walk | undefined {
    if (at === segments.length) return node.operations.size > 0 ? { ...found, node } : undefined;
    const segment = segments[at] as PathSegment;
    const literal = node.literals.get(segment.name.toLowerCase());
    if (literal) {
      if (segment.parens === undefined) {
        const done = walk(literal, segments, at + 1, found);
        if (done) return done;
      } else if (literal.param) {
        // `sets('id')`: the key of the next (parameter) segment, in parentheses.
        const key = keyOf(segment.parens);
        if (key !== undefined) {
          const done = walk(literal.param.node, segments, at + 1, {
            ...found,
            params: { ...found.params, [literal.param.name]: key },
          });
          if (done) return done;
        }
      } else if (at === segments.length - 1) {
        // `getStatistics()`, `getUploadSession(resetSession=true)`: a function call.
        const args = argumentsOf(segment.parens);
        if (args && literal.operations.size > 0)
          return { ...found, node: literal, args: { ...found.args, ...args } };
      }
    }
    // `$count`, `$ref`, `$value` are OData's own segments, never a key.
    if (
      node.param &&
      segment.parens === undefined &&
      segment.name.length > 0 &&
      !segment.name.startsWith('$')
    )
      return walk(node.param.node, segments, at + 1, {
        ...found,
        params: { ...found.params, [node.param.name]: segment.name },
      });
    return undefined;
  }

  // Clients ask for the same paths again and again (a list, a flow being polled): their routes are kept.
  const cache = new LRUCache<string, RouteResult>({ max: 2048 });

  return {
    match(method, pathname) {
      const key = `${method} ${pathname}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const result = route(method, pathname);
      cache.set(key, result);
      return result;
    },
  };

  /**
   * What a path that leads nowhere most likely meant: a bound function called without the type-cast segment it
   * is bound through (`…/dataConnectors/{id}/getUploadSession`), or OData's `$count` segment, which the spec
   * documents nowhere (the lists take `?$count=true`).
   */
  function hint(segments: readonly PathSegment[]): string | undefined {
    const last = segments.at(-1);
    if (!last) return undefined;
    const system = segments.find((s) => s.name.startsWith('$'));
    if (system)
      return system.name.toLowerCase() === '$count'
        ? `the API documents no /$count segment: ask the list for ?$count=true and read @odata.count`
        : `the API documents no ${shown(system.name)} segment`;
    for (const { cast, name } of model.operations) {
      if (!cast || !name || name.toLowerCase() !== last.name.toLowerCase()) continue;
      const through = [...segments.slice(0, -1), { name: cast, parens: undefined }, last];
      if (walk(root, through, 0, { node: root, params: {}, args: {} }))
        return `${name} is bound to ${cast.split('.').pop()}: call it through the type-cast segment, …/${cast}/${name}`;
    }
    return undefined;
  }

  function route(method: string, pathname: string): RouteResult {
    {
      const parsed = parsePath(pathname);
      if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
      if (parsed.version === 'v1.0')
        return {
          ok: false,
          status: 404,
          message: `industryData is on the beta endpoint only: use /beta${shown(pathname.replace(/^\/v1\.0/i, ''))}`,
        };
      const found = walk(root, parsed.segments, 0, { node: root, params: {}, args: {} });
      if (!found)
        return {
          ok: false,
          status: 404,
          message:
            hint(parsed.segments) ??
            `no resource at ${shown(pathname)}: the simulator serves ${model.rootTemplate} and below, as the spec describes`,
        };
      const operation = found.node.operations.get(method.toUpperCase());
      if (!operation) {
        const allow = [...found.node.operations.keys()].sort(compareCodePoints);
        return {
          ok: false,
          status: 405,
          message: `${shown(method)} is not allowed on ${shown(pathname)}; it takes ${allow.join(', ')}`,
          allow,
        };
      }
      return { ok: true, operation, params: found.params, args: found.args, version: parsed.version };
    }
  }
}
