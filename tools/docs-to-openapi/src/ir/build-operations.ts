import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { DiagnosticSink } from '../diagnostics.js';
import type { ApiDoc, WrittenExample } from '../pages/api.js';
import { primitiveOf, type WrittenType } from '../pages/common.js';
import type { TypeNames } from './build-types.js';
import { checkExample } from './check-example.js';
import type { MethodsTables } from './methods-tables.js';
import { upperFirst } from './names.js';
import { successStatus } from './operation-status.js';
import { choosePages, type Placed, reportLosers, samePermissions } from './page-choice.js';
import { type CanonicalPath, canonicalPath, collectSpellings, type PathContext } from './paths.js';
import type {
  AcceptedProperty,
  ExampleIR,
  HeaderIR,
  OperationIR,
  OperationKind,
  ParameterIR,
  PermissionsIR,
  TypeIR,
  TypeRef,
} from './types.js';

export interface OperationInputs {
  readonly apiDocs: readonly ApiDoc[];
  readonly types: readonly TypeIR[];
  readonly names: TypeNames;
  /** Permission tables by corpus path of their include page. */
  readonly permissionIncludes: ReadonlyMap<string, PermissionsIR>;
  readonly resolveLink: (fromFile: string, url: string, line: number) => string | undefined;
  readonly methods: MethodsTables;
}

/**
 * What an operation does, from its method and path: a GET of a collection lists, a POST that answers
 * 201 Created (or targets a relationship, or a collection another page lists) creates, any other POST is an
 * action.
 */
function kindOf(
  method: OperationIR['method'],
  path: CanonicalPath,
  status: number | undefined,
  collectionResponse: boolean,
  listedPaths: ReadonlySet<string>,
  navigations: ReadonlyMap<string, string>,
  title: string,
  streams: ReadonlySet<string>,
): OperationKind {
  const last = path.segments.at(-1);
  const previous = path.segments.at(-2);
  // `POST /classes/{id}/members/$ref` adds a reference to a collection: a create, never an action.
  if (method === 'post' && last?.text === '$ref') return 'create';
  if (method === 'patch' || method === 'put') return 'update';
  if (method === 'delete') return 'delete';
  if (method === 'get') {
    if (last?.param) return 'get';
    // `GET /drives/{id}/items/{id}/content`: the bytes of a Stream property (or `$value`), read like a property.
    if (last && isStreamSegment(last.text, streams)) return 'get';
    // `getEmailActivityCounts(period='{period_value}')`: an OData function called with its arguments.
    if (last && /\(.*\)$/.test(last.text)) return 'function';
    // A GET of a segment bound to an item (or to a type cast of it) that is no navigation property is a
    // function: `/runs/{id}/getStatistics`, `/dataConnectors/{id}/microsoft.graph.x.y/getUploadSession`.
    if (last && (previous?.param || previous?.text.includes('.')) && !navigations.has(last.text))
      return 'function';
    // A function bound to a collection (`GET /me/todo/lists/{id}/tasks/delta`) is titled as Graph titles
    // actions and functions, "<type>: <name>" ("todoTask: delta"); a list or a get is titled in words.
    const titled = /^[\w.]+:\s*(\w+)$/.exec(title.trim())?.[1];
    if (last && !navigations.has(last.text) && titled?.toLowerCase() === last.text.toLowerCase())
      return 'function';
    return collectionResponse || listedPaths.has(path.key) ? 'list' : 'get';
  }
  // A POST to a relationship creates what it holds, whatever it answers: `POST /connections/{id}/schema` is
  // documented as "Create schema" and answers 202 Accepted; an action's segment is never a relationship name.
  if (last && !last.param && navigations.has(last.text)) return 'create';
  return status === 201 || listedPaths.has(path.key) ? 'create' : 'action';
}

/** A segment addressing the bytes of a Stream property: its name (`content`), or OData's `$value`. */
function isStreamSegment(segment: string, streams: ReadonlySet<string>): boolean {
  return segment === '$value' || streams.has(segment);
}

/** Graph-style operation ids: `external.industryData.ListOutboundProvisioningFlowSets`, `….provisioningFlows.reset`. */
function operationIdOf(kind: OperationKind, path: CanonicalPath): string {
  // `$value` (a media entity's or a property's bytes) is Graph's `Content`: `me.photo.GetContent`.
  const literals = path.segments
    .filter((s) => !s.param && s.text !== '$ref')
    .map((s) => (s.text === '$value' ? 'content' : s.text.replace(/\(.*\)$/, '')));
  if (kind === 'action' || kind === 'function') return literals.join('.');
  const subject = literals.at(-1) ?? 'root';
  const parents = literals.slice(0, -1);
  const verb = { list: 'List', get: 'Get', create: 'Create', update: 'Update', delete: 'Delete' }[kind];
  const ref = path.path.endsWith('/$ref') ? 'Ref' : '';
  return [...parents, `${verb}${upperFirst(subject)}${ref}`].join('.');
}

/** The type of an action parameter as its table writes it: a primitive, else a name resolved like a property's. */
function parameterType(written: WrittenType, doc: ApiDoc, names: TypeNames): TypeRef {
  const primitive = primitiveOf(written.name);
  if (primitive && !written.link)
    return { kind: 'primitive', name: primitive, collection: written.collection };
  const line = doc.source.line;
  return {
    kind: 'named',
    name: names.resolve(written.name, written.link, doc.namespace, doc.file, line),
    collection: written.collection,
  };
}

/** Drops a base type when some of its subtypes are also listed: the subtypes say more. */
function mostSpecific(typeNames: readonly string[], types: ReadonlyMap<string, TypeIR>): string[] {
  const unique = new Set(typeNames);
  const bases = new Set<string>();
  for (const name of unique) {
    for (let base = types.get(name)?.baseType; base && !bases.has(base); base = types.get(base)?.baseType)
      bases.add(base);
  }
  return [...unique].filter((name) => !bases.has(name)).sort();
}

/**
 * Drops a subtype when its base type is also listed: a response typed by the base (the pages of the base and
 * of one subtype both document `GET /things`) can be any of its subtypes, not only the one with a page.
 */
function mostGeneral(typeNames: readonly string[], types: ReadonlyMap<string, TypeIR>): string[] {
  const unique = new Set(typeNames);
  const hasListedAncestor = (name: string): boolean => {
    const seen = new Set<string>();
    for (let base = types.get(name)?.baseType; base && !seen.has(base); base = types.get(base)?.baseType) {
      if (unique.has(base)) return true;
      seen.add(base);
    }
    return false;
  };
  return [...unique].filter((name) => !hasListedAncestor(name)).sort(compareCodePoints);
}

function uniqueExampleNames(examples: ExampleIR[]): ExampleIR[] {
  const seen = new Map<string, number>();
  return examples.map((e) => {
    const base = e.name || 'example';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? { ...e, name: base } : { ...e, name: `${base}_${n}` };
  });
}

/** API pages → operations: paths made canonical, pages of one operation merged, drafts giving way to published pages. */
export function buildOperations(inputs: OperationInputs, sink: DiagnosticSink): OperationIR[] {
  const { apiDocs, names } = inputs;
  const typeMap = new Map(inputs.types.map((t) => [t.name, t]));
  const navigations = new Map<string, string>();
  for (const t of inputs.types) for (const n of t.navigations) navigations.set(n.name, n.target);
  const streams = new Set(
    inputs.types.flatMap((t) =>
      t.properties.filter((p) => p.type.kind === 'primitive' && p.type.name === 'Stream').map((p) => p.name),
    ),
  );
  const context: PathContext = {
    navigations,
    spellings: collectSpellings(apiDocs.flatMap((d) => d.requests.map((r) => r.path))),
  };

  const groups = new Map<string, Placed[]>();
  const furtherLines: { placed: Placed; primary: string }[] = [];
  for (const doc of apiDocs) {
    if (doc.requests.length === 0) {
      sink.warn(
        'operation-unplaced',
        `no usable request path; the page '${doc.title}' is left out of the spec`,
        doc.file,
        doc.source.line,
      );
      continue;
    }
    const [primary, ...alternates] = doc.requests;
    if (!primary) continue;
    const path = canonicalPath(primary.path, context, sink, doc.file, primary.line);
    // Further request lines (the same resource reached through another path: `/sites/{id}/termStore/sets/{id}`
    // next to `/termStore/sets/{id}`) are kept aside: each path placed needs its own operation id and client
    // builder, so one is placed only where it displaces a stale page (below); the others are said.
    for (const alternate of alternates) {
      const other = canonicalPath(alternate.path, context, sink, doc.file, alternate.line);
      furtherLines.push({
        placed: { doc, method: alternate.method, path: other, line: alternate.line },
        primary: `${primary.method.toUpperCase()} ${path.path}`,
      });
    }
    const key = `${primary.method} ${path.key}`;
    groups.set(key, [...(groups.get(key) ?? []), { doc, method: primary.method, path, line: primary.line }]);
  }
  // A page no Methods table lists, whose request line a listed page gives as a further line of its own, is a
  // stale page of that path (industryData's orphan 'List industryDataConnector' at an inbound flow's
  // dataConnector, which the listed Get page documents as one connector): the listed page's line joins the
  // group, wins it, and the stale page is reported as a duplicate. Elsewhere a further line is only said.
  for (const { placed, primary } of furtherLines) {
    const key = `${placed.method} ${placed.path.key}`;
    const group = groups.get(key);
    const listed = (p: Placed) => inputs.methods.listedBy(p.doc.file).length > 0;
    if (group && !group.some(listed) && listed(placed)) {
      group.push(placed);
      continue;
    }
    sink.info(
      'request-path-alternate',
      `the page also documents ${placed.method.toUpperCase()} ${placed.path.path}; only its first request line (${primary}) is in the spec`,
      placed.doc.file,
      placed.line,
    );
  }

  // Paths a collection is read from: a stale page's word does not count (it loses its path to a listed page).
  const choices = [...groups.values()].map((group) => choosePages(group, inputs.methods));
  const stalePages = new Set(choices.flatMap((choice) => choice.stale.map((p) => p.doc)));
  const listedPaths = new Set(
    apiDocs
      .filter((d) => d.responseType?.collection && !stalePages.has(d))
      .flatMap((d) =>
        d.requests
          .filter((r) => r.method === 'get')
          .map(
            (r) =>
              canonicalPath(
                r.path,
                context,
                new DiagnosticSink() /* casing is reported when the operation itself is placed */,
                d.file,
                r.line,
              ).key,
          ),
      ),
  );
  const operations: OperationIR[] = [];
  for (const choice of choices) {
    const chosen = [...choice.chosen];
    const first = chosen[0];
    if (!first) continue;
    if (chosen.every((p) => p.doc.draft)) {
      sink.warn(
        'operation-draft-only',
        `only draft pages document ${first.method.toUpperCase()} ${first.path.path}; it is taken from them`,
        first.doc.file,
        first.line,
      );
    }
    const status = successStatus(
      chosen.map((p) => p.doc),
      `${first.method.toUpperCase()} ${first.path.path}`,
      sink,
    );
    reportLosers(choice, status, (doc) => resolvePermissions(doc, inputs), sink);
    const listedBy = [...new Set(chosen.flatMap((p) => inputs.methods.listedBy(p.doc.file)))];
    if (listedBy.length === 0) reportUnlisted(chosen, inputs, sink);
    const placedPath = chosen.some((p) => !p.path.path.endsWith('/$ref'))
      ? chosen.find((p) => !p.path.path.endsWith('/$ref'))?.path
      : first.path;
    const path = placedPath ?? first.path;

    const requestTypes: string[] = [];
    let parameters: ParameterIR[] | undefined;
    const accepted: Record<string, AcceptedProperty[]> = {};
    const responseTypes: string[] = [];
    let responseCollection = false;
    for (const p of chosen) {
      const doc = p.doc;
      const bodyTypes = doc.bodyTypes.map((l) =>
        names.resolve(l.text, l.url, doc.namespace, doc.file, doc.source.line),
      );
      // The subject is the first link of the introduction's prose ("Read a [pier](…)"): its page decides.
      const subject = doc.subject
        ? names.resolve(doc.subject.text, doc.subject.url, doc.namespace, doc.file, doc.source.line, true)
        : undefined;
      // The request side: a reference, a wrapped object or parameters, else the resource; the response follows.
      if (p.path.path.endsWith('/$ref') && (p.method === 'post' || p.method === 'put')) {
        // The body of a reference is `{ "@odata.id": "<URL of the entity>" }`, whatever resource the page names.
        parameters ??= [
          {
            name: '@odata.id',
            type: { kind: 'primitive', name: 'String', collection: false },
            description: 'The URL of the entity to reference.',
            required: true,
            source: { file: doc.file, line: p.line },
          },
        ];
      } else if (doc.bodyWrapper) {
        // The body is `{ "<name>": { …the table's properties } }`: one parameter, typed by the type of that
        // name when a page documents it (`passwordCredential`), whose properties the table lists.
        const wrapper = doc.bodyWrapper;
        const typeName = names.resolve(wrapper.name, undefined, doc.namespace, doc.file, wrapper.line);
        const known = typeMap.has(typeName);
        if (!known)
          sink.warn(
            'type-unknown',
            `the request body's ${wrapper.name} object is of a type no page of the folder documents; it is left untyped`,
            doc.file,
            wrapper.line,
          );
        parameters ??= [
          {
            name: wrapper.name,
            type: known ? { kind: 'named', name: typeName, collection: false } : undefined,
            description: '',
            required: wrapper.required,
            source: { file: doc.file, line: wrapper.line },
          },
        ];
        if (known && doc.bodyTable) {
          const all = allPropertyNames(typeName, typeMap);
          for (const b of doc.bodyTable)
            if (!all.has(b.name))
              sink.warn(
                'body-property-unknown',
                `request-body property '${b.name}' is not a property of ${typeName}`,
                b.source.file,
                b.source.line,
              );
        }
      } else if (doc.bodyIsParameters && doc.bodyTable) {
        // An action's parameters: the body is an object of them, not the resource the page is about.
        parameters ??= doc.bodyTable.map((b) => {
          const type = b.type && parameterType(b.type, doc, names);
          if (
            type?.kind === 'named' &&
            !typeMap.has(type.name) &&
            !names.enumNames.has(type.name.toLowerCase())
          )
            sink.warn(
              'type-unknown',
              `parameter ${b.name} has type ${type.name}, which no page of the folder documents; it is left untyped`,
              b.source.file,
              b.source.line,
            );
          return {
            name: b.name,
            type,
            description: b.description.replace(/\s*\b(?:Required|Optional)\.?\s*$/i, ''),
            required: b.required,
            source: b.source,
          };
        });
      } else {
        const hasBody = !doc.noBody && (bodyTypes.length > 0 || doc.bodyTable !== undefined);
        const ownBodyTypes = bodyTypes.length > 0 ? bodyTypes : hasBody && subject ? [subject] : [];
        requestTypes.push(...ownBodyTypes);
        if (doc.bodyTable && ownBodyTypes.length === 1 && ownBodyTypes[0]) {
          const type = ownBodyTypes[0];
          accepted[type] = doc.bodyTable.map((b) => ({
            name: b.name,
            required: b.required,
            source: b.source,
          }));
          const all = allPropertyNames(type, typeMap);
          for (const b of doc.bodyTable) {
            if (!all.has(b.name)) {
              const near = [...all].find((n) => n.toLowerCase() === b.name.toLowerCase());
              sink.warn(
                'body-property-unknown',
                near
                  ? `request-body property '${b.name}' is '${near}' on ${type}`
                  : `request-body property '${b.name}' is not a property of ${type}`,
                b.source.file,
                b.source.line,
              );
            }
          }
        }
      }
      if (doc.status && [204, 202].includes(doc.status.code)) continue;
      if (doc.responseType) {
        const link = doc.responseType.link;
        let name = link
          ? names.resolve(link.text, link.url, doc.namespace, doc.file, doc.status?.line ?? 1)
          : undefined;
        const annotated = doc.responseExamples.find((e) => e.odataType)?.odataType;
        if (!name && annotated)
          name = names.resolve(
            annotated.replace(/^Collection\((.*)\)$/, '$1'),
            undefined,
            doc.namespace,
            doc.file,
            doc.source.line,
          );
        name ??= subject;
        if (name) responseTypes.push(name);
        responseCollection ||=
          doc.responseType.collection ||
          /^Collection\(/.test(annotated ?? '') ||
          doc.responseExamples.some((e) => e.isCollection);
      }
    }
    const specificRequestTypes = mostSpecific(requestTypes, typeMap);
    const specificResponseTypes = mostGeneral(responseTypes, typeMap);
    for (const [what, names_] of [
      ['request body', specificRequestTypes],
      ['response', specificResponseTypes],
    ] as const)
      for (const name of names_)
        if (!typeMap.has(name) && !names.enumNames.has(name.toLowerCase()))
          sink.warn(
            'type-unknown',
            `the ${what} of ${first.method.toUpperCase()} ${path.path} is typed ${name}, which no page of the folder documents; it is left untyped`,
            first.doc.file,
            first.line,
          );
    const kind = kindOf(
      first.method,
      path,
      status,
      responseCollection,
      listedPaths,
      navigations,
      first.doc.title,
      streams,
    );
    // The bytes of a Stream property: a GET answers them, a PUT (or a page saying "binary stream") sends them.
    const streamSegment = isStreamSegment(path.segments.at(-1)?.text ?? '', streams);
    const responseStream = first.method === 'get' && streamSegment;
    const requestStream =
      first.method !== 'get' &&
      first.method !== 'delete' &&
      (chosen.some((p) => p.doc.streamBody) || (first.method === 'put' && streamSegment));
    const requestMediaTypes = [...new Set(chosen.flatMap((p) => p.doc.bodyMediaTypes ?? []))];
    const alternateOf = chosen.find(
      (p) => p.doc.alternateResponse && p.doc.alternateResponse.code !== status,
    );
    const alternate = alternateOf?.doc.alternateResponse;
    const alternateType =
      alternate &&
      names.resolve(
        alternate.link.text,
        alternate.link.url,
        alternateOf.doc.namespace,
        alternateOf.doc.file,
        alternate.line,
      );
    const alternateResponse =
      alternate && alternateType && typeMap.has(alternateType)
        ? { status: alternate.code, types: [alternateType], collection: alternate.collection }
        : undefined;
    // Headers the response example of the success status shows (a 302's or a 202's Location), by name.
    const responseHeaders = [
      ...new Set(
        chosen.flatMap((p) =>
          p.doc.responseExamples
            .filter((e) => e.status === undefined || e.status === status)
            .flatMap((e) => e.headers ?? [])
            .filter((h) => !/^content-/i.test(h)),
        ),
      ),
    ].sort(compareCodePoints);

    const requestExamples: ExampleIR[] = [];
    const responseExamples: ExampleIR[] = [];
    const exampleNames = new Set<string>();
    for (const p of chosen) {
      for (const e of p.doc.requestExamples) {
        if (e.name) exampleNames.add(e.name);
        if (e.hasBody) {
          checkExample(e.body, false, specificRequestTypes, typeMap, sink, e.source);
          requestExamples.push(toExample(e));
        }
      }
      for (const e of p.doc.responseExamples) {
        if (!e.hasBody) continue;
        if (e.status !== undefined && status !== undefined && e.status !== status) {
          sink.warn(
            'example-status-mismatch',
            `the response example says ${e.status}, the Response section says ${status}`,
            e.source.file,
            e.source.line,
          );
        }
        checkExample(e.body, responseCollection, specificResponseTypes, typeMap, sink, e.source);
        responseExamples.push(toExample(e));
      }
    }

    // A function's parameters go in its URL: those written into the path (`(period='{period_value}')`) are
    // path parameters already; the others are the query string's, as the pages say ("provide the following
    // query parameters"), typed as their table writes them.
    const functionParameters: ParameterIR[] = [];
    for (const p of chosen)
      for (const f of p.doc.functionParameters) {
        if (new RegExp(`[(,]\\s*${f.name}\\s*=`).test(path.path)) continue;
        if (functionParameters.some((known) => known.name === f.name)) continue;
        const written = f.type && parameterType(f.type, p.doc, names);
        const unknown =
          written?.kind === 'named' &&
          !typeMap.has(written.name) &&
          !names.enumNames.has(written.name.toLowerCase());
        if (unknown)
          sink.warn(
            'type-unknown',
            `function parameter ${f.name} has type ${written.name}, which no page of the folder documents; it is left untyped`,
            f.source.file,
            f.source.line,
          );
        functionParameters.push({
          name: f.name,
          type: unknown ? undefined : written,
          description: f.description.replace(/\s*\b(?:Required|Optional)\.?\s*$/i, ''),
          required: f.required,
          source: f.source,
        });
      }
    const permissions = choosePermissions(
      chosen.map((p) => p.doc),
      inputs,
      sink,
    );
    const queryParameters = [...new Set(chosen.flatMap((p) => p.doc.queryParameters ?? []))].sort();
    const headerParameters: HeaderIR[] = [];
    for (const p of chosen)
      for (const h of p.doc.requestHeaders)
        if (!headerParameters.some((known) => known.name.toLowerCase() === h.name.toLowerCase()))
          headerParameters.push(h);
    operations.push({
      id: operationIdOf(kind, path),
      kind,
      method: first.method,
      path: path.path,
      summary: first.doc.title,
      description: first.doc.description,
      requestTypes: specificRequestTypes,
      ...(parameters ? { requestParameters: parameters } : {}),
      ...(functionParameters.length > 0 ? { functionParameters } : {}),
      ...(headerParameters.length > 0 ? { headerParameters } : {}),
      ...(requestStream ? { requestStream } : {}),
      ...(alternateResponse ? { alternateResponse } : {}),
      ...(requestMediaTypes.length > 0 && !requestStream ? { requestMediaTypes } : {}),
      ...(responseStream ? { responseStream } : {}),
      ...(responseHeaders.length > 0 ? { responseHeaders } : {}),
      acceptedProperties: accepted,
      status,
      listedBy: listedBy.map(pageNameOf).sort(compareCodePoints),
      responseTypes: specificResponseTypes,
      responseCollection,
      // A function answering a collection (delta) takes the options a list takes, as its page says; one
      // answering a single object (industryData getStatistics) is left without them, as the committed spec has it.
      queryParameters: responseStream
        ? []
        : kind === 'list' || (kind === 'function' && responseCollection)
          ? queryParameters
          : kind === 'get'
            ? queryParameters.filter((q) => ['$select', '$expand'].includes(q))
            : [],
      requestExamples: uniqueExampleNames(requestExamples),
      responseExamples: uniqueExampleNames(responseExamples),
      permissions,
      pages: chosen.map((p) => pageNameOf(p.doc.file)).sort(compareCodePoints),
      exampleNames: [...exampleNames].sort(),
      source: { file: first.doc.file, line: first.line },
    });
  }
  return uniqueIds(operations).sort(
    (a, b) => compareCodePoints(a.path, b.path) || compareCodePoints(a.method, b.method),
  );
}

/**
 * OpenAPI wants every operationId unique. Ids that collide take their method (`….get`, `….post`); ids still
 * colliding (two GETs whose paths differ only in parameters) are numbered in path order, so none is lost to a
 * generator that keys operations by id.
 */
function uniqueIds(operations: OperationIR[]): OperationIR[] {
  const count = (ops: OperationIR[]) => {
    const ids = new Map<string, number>();
    for (const op of ops) ids.set(op.id, (ids.get(op.id) ?? 0) + 1);
    return ids;
  };
  const first = count(operations);
  const byMethod = operations.map((op) =>
    (first.get(op.id) ?? 0) > 1 ? { ...op, id: `${op.id}.${op.method}` } : op,
  );
  const second = count(byMethod);
  const seen = new Map<string, number>();
  return [...byMethod]
    .sort((a, b) => compareCodePoints(a.path, b.path) || compareCodePoints(a.method, b.method))
    .map((op) => {
      if ((second.get(op.id) ?? 0) < 2) return op;
      const n = (seen.get(op.id) ?? 0) + 1;
      seen.set(op.id, n);
      return n === 1 ? op : { ...op, id: `${op.id}${n}` };
    });
}

function toExample(e: WrittenExample): ExampleIR {
  return { name: e.name, value: e.body, source: e.source };
}

function allPropertyNames(typeName: string, types: ReadonlyMap<string, TypeIR>): Set<string> {
  const names = new Set<string>();
  let current = types.get(typeName);
  const seen = new Set<string>();
  while (current && !seen.has(current.name)) {
    seen.add(current.name);
    for (const p of current.properties) names.add(p.name);
    for (const n of current.navigations) names.add(n.name);
    current = current.baseType ? types.get(current.baseType) : undefined;
  }
  return names;
}

const pageNameOf = (file: string): string => (file.split('/').pop() ?? file).replace(/\.md$/i, '');

/** The permissions a page states: its include's table, else its inline table; undefined when it states none. */
function resolvePermissions(doc: ApiDoc, inputs: OperationInputs): PermissionsIR | undefined {
  const written = doc.permissions;
  if (!written) return undefined;
  if (written.include) {
    const path = inputs.resolveLink(doc.file, written.include.url, written.include.line);
    const table = path ? inputs.permissionIncludes.get(path) : undefined;
    if (table) return table;
  }
  return written.tableIR;
}

function choosePermissions(
  docs: readonly ApiDoc[],
  inputs: OperationInputs,
  sink: DiagnosticSink,
): PermissionsIR | undefined {
  const found: PermissionsIR[] = [];
  for (const doc of docs) {
    const written = doc.permissions;
    if (!written) {
      sink.warn('permissions-missing', 'the page has no Permissions section', doc.file, doc.source.line);
      continue;
    }
    if (
      written.include &&
      !inputs.permissionIncludes.get(
        inputs.resolveLink(doc.file, written.include.url, written.include.line) ?? '',
      )
    )
      sink.warn(
        'permissions-include-missing',
        `the permissions include ${written.include.url} is not in the docs folder, so the permissions of this page are unknown`,
        doc.file,
        written.include.line,
      );
    const permissions = resolvePermissions(doc, inputs);
    if (permissions) found.push(permissions);
  }
  const [first, ...rest] = found;
  for (const other of rest) {
    if (first && !samePermissions(first, other)) {
      sink.warn(
        'permissions-conflict',
        `permissions differ from ${first.source.file}; using those`,
        other.source.file,
        other.source.line,
      );
    }
  }
  return first;
}

/** An operation no Methods table lists, where the page of the type it is about has a Methods table. */
function reportUnlisted(chosen: readonly Placed[], inputs: OperationInputs, sink: DiagnosticSink): void {
  for (const p of chosen) {
    const subject = p.doc.subject
      ? inputs.resolveLink(p.doc.file, p.doc.subject.url, p.doc.source.line)
      : undefined;
    if (!subject || !inputs.methods.tablePages.has(subject)) continue;
    sink.warn(
      'operation-unlisted',
      `no Methods table links this page, though the page of the type it is about (${pageNameOf(subject)}) has one: the docs site does not offer it`,
      p.doc.file,
      p.doc.source.line,
    );
  }
}
