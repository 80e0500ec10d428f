import {
  baseTypeChain,
  refName,
  schemaNameOfRef,
  shortName,
  successResponse,
  withArticle,
} from '@sds-toolkit/openapi-model';
import type { Catalogue } from '../catalogue.js';
import type { Rule, RuleFinding } from '../types.js';

const suffix = '@odata.bind';

/**
 * The API path a bind names, whatever the host (`https://graph.microsoft.com/beta/x/y`, `/x/y`, `x/y`), with
 * keys in parentheses (`sourceSystems('id')`, `(id)`) put in their own segment; undefined for another scheme.
 */
function pathOf(value: string): string | undefined {
  let path: string;
  try {
    path = new URL(value).pathname;
  } catch {
    if (/^[a-z][\w+.-]*:/i.test(value)) return undefined;
    path = value.split(/[?#]/)[0] ?? '';
  }
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A stray '%': read the path as written.
  }
  return decoded.replace(/\((?:\w+=)?'?([^'()]*)'?\)/g, '/$1');
}

/** The entity type a GET of `path` answers one of; undefined when the path names no single entity of the API. */
function entityAt(catalogue: Catalogue, path: string): string | undefined {
  const found = catalogue.match('get', path);
  if (!found) return undefined;
  const op = catalogue.spec.paths[found.operation.path]?.get;
  const schema = op ? successResponse(op)?.content?.['application/json']?.schema : undefined;
  return refName(schema?.$ref);
}

const isA = (catalogue: Catalogue, type: string, base: string) =>
  type === base || baseTypeChain(catalogue.spec, type).includes(base);

/**
 * `name@odata.bind` names one entity of the type the navigation property `name` holds, by its URL: the docs'
 * examples bind `…/dataConnectors/{id}` and `…/sourceSystems('{id}')`. Whether that entity exists only the service
 * can tell; what the URL names, and that `name` is a navigation property, the spec tells.
 */
export const odataBind: Rule = {
  id: 'odata-bind',
  severity: 'error',
  docs: 'api-reference/beta/api/industrydata-inboundfileflow-post.md',
  description:
    "name@odata.bind binds a navigation property to one entity of its type by URL (…/set/{id} or …/set('{id}')).",
  check({ objects, catalogue, operation }) {
    // The operation's own page shows its binds (sourceSystems: roleGroup; inbound flows: dataConnector, year).
    const docs = operation.docs[0] ?? this.docs;
    const findings: RuleFinding[] = [];
    for (const { value, type, path } of objects) {
      for (const [key, bound] of Object.entries(value)) {
        if (!key.endsWith(suffix)) continue;
        const name = key.slice(0, -suffix.length);
        const at = `${path}/${key}`;
        const fail = (message: string) =>
          findings.push({ ruleId: this.id, severity: this.severity, path: at, message, docs });
        const properties = catalogue.properties(type);
        const schema = properties.get(name);
        if (!schema?.['x-ms-navigationProperty']) {
          const navigations = [...properties].filter(([, s]) => s['x-ms-navigationProperty']).map(([k]) => k);
          fail(
            `${shortName(type)} has no navigation property '${name}' to bind: remove '${key}'${navigations.length ? ` (it binds ${navigations.join(', ')})` : ''}`,
          );
          continue;
        }
        if (bound === null) continue;
        const item = schema.type === 'array' ? schema.items : schema;
        const refOf = item?.$ref ?? item?.anyOf?.find((s) => s.$ref)?.$ref;
        const target = refOf ? schemaNameOfRef(refOf) : undefined;
        const example = `"https://graph.microsoft.com/beta/external/industryData/<set>/<id>"`;
        if (typeof bound !== 'string' || schema.type === 'array') {
          fail(`bind one ${target ? shortName(target) : 'entity'} by its URL, a string such as ${example}`);
          continue;
        }
        const named = pathOf(bound);
        const entity = named === undefined ? undefined : entityAt(catalogue, named);
        if (!entity) {
          fail(`'${bound}' does not name one entity of this API: write its URL, such as ${example}`);
          continue;
        }
        if (target && !isA(catalogue, entity, target) && !isA(catalogue, target, entity))
          fail(
            `'${bound}' names ${withArticle(shortName(entity))}; ${name} takes ${withArticle(shortName(target))}: bind the URL of one`,
          );
      }
    }
    return findings;
  },
};
