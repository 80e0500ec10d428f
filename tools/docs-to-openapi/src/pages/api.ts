import type { DiagnosticSink } from '../diagnostics.js';
import type { PermissionsIR, SourceRef } from '../ir/types.js';
import type { Block, DocPage, Link, Section } from '../markdown/page.js';
import { headerIndex, isDraftMetadata, namespaceOf, readWrittenType, type WrittenType } from './common.js';
import { describeJsonDefects, parseLenientJson } from './json-text.js';
import { mergePermissions, readPermissionsTable } from './permissions.js';

export interface WrittenRequestLine {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  readonly path: string;
  readonly line: number;
}

export interface WrittenBodyProperty {
  readonly name: string;
  readonly type: WrittenType | undefined;
  readonly required: boolean;
  readonly description: string;
  readonly source: SourceRef;
}

export interface WrittenExample {
  readonly name: string;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly odataType: string | undefined;
  /** The response annotation's `"isCollection": true`: the example (and the response) is a collection. */
  readonly isCollection?: boolean;
  /** The names of the headers the response example shows (`Location` of a 302 or 202). */
  readonly headers?: readonly string[];
  readonly body: unknown;
  readonly hasBody: boolean;
  readonly source: SourceRef;
}

export interface WrittenPermissions {
  readonly include: { readonly url: string; readonly line: number } | undefined;
  /** An inline permissions table, read. */
  readonly tableIR: PermissionsIR | undefined;
  readonly line: number;
}

export interface WrittenHeader {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly source: SourceRef;
}

/** What an API page says, as written. */
export interface ApiDoc {
  readonly file: string;
  readonly namespace: string | undefined;
  readonly title: string;
  readonly description: string;
  readonly draft: boolean;
  /** The resource the page is about: the first link to a resource page in its introduction. */
  readonly subject: Link | undefined;
  readonly requests: readonly WrittenRequestLine[];
  readonly queryParameters: readonly string[] | undefined;
  readonly bodyTypes: readonly Link[];
  readonly bodyTable: readonly WrittenBodyProperty[] | undefined;
  /**
   * The body table names an action's parameters ("Parameter | Type | Description") and no paragraph names a
   * resource the body represents: the body is an object of those parameters, not the resource the page is about.
   */
  readonly bodyIsParameters: boolean;
  /** The parameters a "Function parameters" section names (query-string parameters of a function), as written. */
  readonly functionParameters: readonly WrittenBodyProperty[];
  /** The request headers the page names beyond Authorization and the body's Content-Type/Length. */
  readonly requestHeaders: readonly WrittenHeader[];
  readonly noBody: boolean;
  /** The Request body section says the body is the file's bytes ("the binary stream of the file"). */
  readonly streamBody: boolean;
  /**
   * "provide an optional `passwordCredential` object with the following properties": the body is an object of
   * one parameter of that name, whose type the table lists the properties of (application: addPassword).
   */
  readonly bodyWrapper?: { readonly name: string; readonly required: boolean; readonly line: number };
  /**
   * The body is markup, not JSON ("supply the page HTML content": OneNote Create page): the media types the
   * Content-Type header row names (`text/html`, `multipart/form-data`), else `text/html`.
   */
  readonly bodyMediaTypes?: readonly string[];
  readonly status: { readonly code: number; readonly line: number } | undefined;
  readonly responseType: { readonly link: Link | undefined; readonly collection: boolean } | undefined;
  /**
   * A second success the Response section states with its own body: planner's "returns `204 No Content` … If
   * the request specifies `Prefer: return=representation`, … returns a `200 OK` response code and an updated
   * [plannerTask](…) object".
   */
  readonly alternateResponse?: {
    readonly code: number;
    readonly link: Link;
    readonly collection: boolean;
    readonly line: number;
  };
  readonly permissions: WrittenPermissions | undefined;
  readonly requestExamples: readonly WrittenExample[];
  readonly responseExamples: readonly WrittenExample[];
  readonly source: SourceRef;
}

const methods = new Set(['get', 'post', 'patch', 'put', 'delete']);
const standardQueryParameters = ['$count', '$expand', '$filter', '$orderby', '$select', '$skip', '$top'];

/**
 * The section of the page's outline titled `title`, at whatever heading level the author used (`## Response`,
 * `### Response`, `#### Request body`). "Request" and "Response" also title each example's parts, so a section
 * under the Example(s) heading is taken only when the page has no such section before it.
 */
function mainSection(page: DocPage, title: RegExp): Section | undefined {
  const examples = page.sections.findIndex((s) => /^examples?\b/i.test(s.title));
  const matching = page.sections.filter((s) => title.test(s.title.trim()));
  return (
    matching.find((s) => examples < 0 || page.sections.indexOf(s) < examples) ??
    matching.find((s) => s.depth > (page.sections[examples]?.depth ?? 0))
  );
}

/** The index of the page's first Example(s) section, or past the end when it has none. */
function firstExample(page: DocPage): number {
  const index = page.sections.findIndex((s) => /^examples?\b/i.test(s.title));
  return index < 0 ? page.sections.length : index;
}

function paragraphs(section: Section | undefined): Extract<Block, { kind: 'paragraph' }>[] {
  return (section?.blocks ?? []).filter(
    (b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph',
  );
}

function readRequestLines(page: DocPage, sink: DiagnosticSink): WrittenRequestLine[] {
  const section = mainSection(page, /^HTTP requests?$/i);
  // "HTTP request (to replace an existing item)" and "HTTP request (to upload a new file)": one page, a section
  // per way of calling it (driveItem: Upload content); each section's lines are the page's.
  const qualified = section
    ? []
    : page.sections.filter((s, i) => /^HTTP requests?\s*\(/i.test(s.title.trim()) && i < firstExample(page));
  if (!section && qualified.length === 0) {
    sink.warn('http-request-missing', 'API page has no "HTTP request" section', page.file, page.titleLine);
    return [];
  }
  const lines: WrittenRequestLine[] = [];
  // The lines may sit in subsections ("### Get the photo", "### Get the metadata of the photo": profilePhoto).
  const sections = section ? sectionsWithin(page, section) : qualified;
  for (const block of sections.flatMap((s) => s.blocks)) {
    if (block.kind !== 'code') continue;
    block.code.value.split('\n').forEach((raw, index) => {
      const text = raw.trim();
      if (!text) return;
      const line = block.code.valueLine + index;
      const match = /^([A-Za-z]+)\s+(\S.*)$/.exec(text);
      const method = match?.[1]?.toLowerCase();
      // `{id | userPrincipalName}`: spaces inside a placeholder's braces are the author's, not the path's.
      const path = (match?.[2]?.trim() ?? '').replace(/\{[^{}]*\}/g, (p) => p.replace(/\s+/g, ''));
      if (!match || !method || !methods.has(method)) {
        sink.warn(
          'http-request-unreadable',
          `cannot read '${text}' as METHOD /path; the line is skipped`,
          page.file,
          line,
        );
        return;
      }
      if (!path.startsWith('/') || /\s/.test(path) || /not found/i.test(path)) {
        sink.warn(
          'http-request-placeholder',
          `the request path '${path}' is a placeholder, not a URL path; the page cannot be placed in the spec`,
          page.file,
          line,
        );
        return;
      }
      lines.push({ method: method as WrittenRequestLine['method'], path, line });
    });
  }
  return lines;
}

function readQueryParameters(page: DocPage): string[] | undefined {
  const optional = mainSection(page, /^optional query parameters$/i);
  // A function's page (delta) writes "Query parameters", with an "OData query parameters" subsection listing
  // the options it takes; one that names none says nothing of them.
  const plain = mainSection(page, /^query parameters$/i);
  const blocks = [...(optional?.blocks ?? []), ...sectionsWithin(page, plain).flatMap((s) => s.blocks)];
  const named = new Set<string>();
  for (const block of blocks) {
    // Options are named in code spans (`$select`) or in plain words ("supports the $count and $expand …").
    const codes =
      block.kind === 'paragraph'
        ? [block.rich.text]
        : block.kind === 'list'
          ? block.items.map((item) => item.text)
          : block.kind === 'table'
            ? block.table.rows.flatMap((r) => r.cells.flatMap((c) => c.codes.concat(c.text)))
            : [];
    // OData system query options are case-insensitive; pages write `$orderBy` as often as `$orderby`. An
    // option named to say it is not supported ("There is no support for `$search`") is not taken.
    for (const code of codes)
      if (!/\bno support\b|\bnot supported\b/i.test(code))
        for (const m of code.matchAll(/\$[a-z]+/gi)) named.add(m[0].toLowerCase());
  }
  // A "Query parameters" section that says the method "also supports some of the OData query parameters"
  // without naming them gives the standard set, as an "Optional query parameters" section would.
  const supportsOData = paragraphs(plain).some(
    (p) =>
      /\bsupports?\b.*\bOData query parameters\b/i.test(p.rich.text) && !/not support/i.test(p.rich.text),
  );
  if (!optional && !supportsOData && named.size === 0) return undefined;
  if (
    paragraphs(optional).some((p) => /does not support|doesn't support/i.test(p.rich.text)) &&
    named.size === 0
  )
    return [];
  // "supports some of the OData query parameters" without naming them: the standard set for the operation.
  return named.size > 0
    ? [...named].filter((n) => standardQueryParameters.includes(n) || n === '$search').sort()
    : [...standardQueryParameters];
}

function readBody(
  page: DocPage,
  sink: DiagnosticSink,
): Pick<ApiDoc, 'bodyTypes' | 'bodyTable' | 'bodyIsParameters' | 'noBody' | 'streamBody' | 'bodyWrapper'> {
  const section = mainSection(page, /^request body$/i);
  if (!section)
    return { bodyTypes: [], bodyTable: undefined, bodyIsParameters: false, noBody: true, streamBody: false };
  const texts = paragraphs(section);
  // "The contents of the request body should be the binary stream of the file to be uploaded."
  const streamBody = texts.some((p) =>
    /\bbinary (?:stream|content|data)\b|\bstream of the file\b/i.test(p.rich.text),
  );
  const noBody = texts.some((p) =>
    /don't supply a request body|do not supply a request body|no request body/i.test(p.rich.text),
  );
  let wrapper: ApiDoc['bodyWrapper'];
  for (const p of texts) {
    const named =
      /\bprovide (?:an? |the )?(optional |required )?`([A-Za-z]\w*)` object with the following properties/i.exec(
        p.rich.text,
      );
    if (named?.[2]) wrapper = { name: named[2], required: !/optional/i.test(named[1] ?? ''), line: p.line };
  }
  const bodyTypes: Link[] = [];
  for (const p of texts) {
    if (/JSON representation of/i.test(p.rich.text))
      bodyTypes.push(...p.rich.links.filter((l) => /resources\//i.test(l.url)));
  }
  // "Any of the following … are valid:" followed by a list of links to the accepted (sub)types.
  const listed = section.blocks
    .filter((b) => b.kind === 'list')
    .flatMap((b) => b.items.flatMap((i) => i.links));
  const accepted = listed.filter((l) => /resources\//i.test(l.url));
  if (accepted.length > 0) bodyTypes.splice(0, bodyTypes.length, ...accepted);
  const table = section.blocks.find((b) => b.kind === 'table');
  let bodyTable: WrittenBodyProperty[] | undefined;
  let parameterTable = false;
  // "The following table shows the parameters that are required with this action." / "… the properties that are
  // required when you create the group.": every row is required unless it says Optional.
  const allRequired = texts.some((p) =>
    /\b(?:parameters|properties) (?:that are )?required\b/i.test(p.rich.text),
  );
  if (table?.kind === 'table') {
    const nameCol = headerIndex(table.table.header, /^(property|parameter|name)$/i);
    // "Parameter | Type | Description", or a "Property" table the page calls the action's parameters ("supply
    // JSON representation of the parameters", "the parameters that can be used with this action": Intune).
    parameterTable =
      /^parameter$/i.test(table.table.header[nameCol]?.trim() ?? '') ||
      texts.some((p) =>
        /\brepresentation of the parameters\b|\bparameters that can be used with this action\b/i.test(
          p.rich.text,
        ),
      );
    const typeCol = headerIndex(table.table.header, /^type$/i);
    const descCol = headerIndex(table.table.header, /^description$/i);
    // "Parameter | Type | Description | Required?" with Yes/No (printer: create).
    const requiredCol = headerIndex(table.table.header, /^required\??$/i);
    if (nameCol >= 0) {
      bodyTable = [];
      for (const row of table.table.rows) {
        const name = row.cells[nameCol]?.text.replace(/[`*\\]/g, '').trim() ?? '';
        if (!/^[@A-Za-z_][\w.@]*$/.test(name)) {
          sink.warn(
            'table-stray-row',
            `a request-body row does not name a property ('${row.cells.map((c) => c.text).join(' | ')}'); it is skipped`,
            page.file,
            row.line,
          );
          continue;
        }
        const typeCell = row.cells[typeCol];
        const description = row.cells[descCol]?.text ?? '';
        // "Required if the `hasPhysicalDevice` property is true." is a condition, not a requirement.
        const requiredCell = requiredCol >= 0 ? (row.cells[requiredCol]?.text.trim() ?? '') : '';
        const saysRequired = requiredCell
          ? /^(?:yes|true|required)\b/i.test(requiredCell)
          : /\bRequired\b\.?\s*$/i.test(description) ||
            (/\bRequired\b(?!\s+(?:if|when|unless|only)\b)/.test(description) &&
              !/\bOptional\b/i.test(description));
        bodyTable.push({
          name,
          type: typeCell ? readWrittenType(typeCell) : undefined,
          required: saysRequired || (!requiredCell && allRequired && !/\bOptional\b/i.test(description)),
          description,
          source: { file: page.file, line: row.line },
        });
      }
    }
  }
  return {
    bodyTypes,
    bodyTable,
    bodyIsParameters: parameterTable && bodyTable !== undefined && bodyTypes.length === 0,
    noBody: noBody && !bodyTable && bodyTypes.length === 0,
    streamBody,
    ...(wrapper ? { bodyWrapper: wrapper } : {}),
  };
}

/** A section and the subsections under it. */
function sectionsWithin(page: DocPage, section: Section | undefined): Section[] {
  if (!section) return [];
  const start = page.sections.indexOf(section);
  const end = page.sections.findIndex((s, i) => i > start && s.depth <= section.depth);
  return page.sections.slice(start, end < 0 ? undefined : end);
}

/**
 * The paragraphs of a section and of the subsections under it (`## Response` with `### CSV` and `### JSON`
 * under it, each stating its own status).
 */
function paragraphsWithin(page: DocPage, section: Section | undefined): ReturnType<typeof paragraphs> {
  if (!section) return [];
  const start = page.sections.indexOf(section);
  const end = page.sections.findIndex((s, i) => i > start && s.depth <= section.depth);
  return page.sections.slice(start, end < 0 ? undefined : end).flatMap((s) => paragraphs(s));
}

function readResponse(
  page: DocPage,
  sink: DiagnosticSink,
): Pick<ApiDoc, 'status' | 'responseType' | 'alternateResponse'> {
  const section = mainSection(page, /^response$/i);
  const stated = paragraphsWithin(page, section).flatMap((p) => {
    // `200 OK`, or `HTTP 200 OK` as some pages write it.
    const code = p.rich.codes.map((c) => /^(?:HTTP\/?[\d.]*\s+)?(\d{3})\b/i.exec(c.trim())).find(Boolean);
    return code?.[1] ? [{ p, code, status: Number(code[1]) }] : [];
  });
  // A page may state a redirect and a success (302 Found for CSV, 200 OK for JSON): the success is the status.
  const success = stated.find((s) => s.status >= 200 && s.status < 300) ?? stated[0];
  const linkAfter = (s: (typeof stated)[number]) => {
    const after = s.p.rich.text.slice(s.p.rich.text.indexOf(s.code[0]));
    return s.p.rich.links.find((l) => /resources\//i.test(l.url) && after.includes(l.text));
  };
  const alternate = stated.find(
    (s) =>
      success &&
      s.status !== success.status &&
      s.status >= 200 &&
      s.status < 300 &&
      s.status !== 204 &&
      linkAfter(s) !== undefined,
  );
  const alternateLink = alternate && linkAfter(alternate);
  const alternateResponse =
    alternate && alternateLink
      ? {
          code: alternate.status,
          link: alternateLink,
          collection: isCollectionPhrase(alternate.p.rich.text, alternateLink),
          line: alternate.p.line,
        }
      : undefined;
  for (const other of stated)
    if (success && other.status !== success.status && other !== alternate)
      sink.info(
        'response-status-other',
        `the Response section also states ${other.status}; the spec's success status is ${success.status}`,
        page.file,
        other.p.line,
      );
  for (const { p, code, status } of success ? [success] : []) {
    const afterStatus = p.rich.text.slice(p.rich.text.indexOf(code[0]));
    const link = p.rich.links.find((l) => /resources\//i.test(l.url) && afterStatus.includes(l.text));
    const mentionsBody = /in the response body|object|collection/i.test(
      afterStatus.replace(/response code/i, ''),
    );
    // "a collection of [x] objects", "a list of [x] objects", "an array of …": many, however the page words it.
    // "… and [todoTask](…) collection object in the response body": the type's name, then "collection".
    const collection = isCollectionPhrase(afterStatus, link);
    return {
      status: { code: status, line: p.line },
      responseType: link || mentionsBody ? { link, collection } : undefined,
      ...(alternateResponse ? { alternateResponse } : {}),
    };
  }
  sink.warn(
    'response-status-missing',
    section ? 'the Response section does not state a status code' : 'the page has no Response section',
    page.file,
    section?.line ?? page.titleLine,
  );
  // No status, but the body is still said: "this method returns a [driveItem](…) object in the response body"
  // (driveItem: Upload content); the status then comes from the examples.
  for (const p of paragraphsWithin(page, section)) {
    const link = p.rich.links.find((l) => /resources\//i.test(l.url));
    if (link && /in the response body|\bobject\b|\bcollection\b/i.test(p.rich.text)) {
      const collection =
        /\b(?:collection|list|array) of\b/i.test(p.rich.text) ||
        new RegExp(`${escapeRegExp(link.text)}\\s+collection\\b`, 'i').test(p.rich.text);
      return { status: undefined, responseType: { link, collection } };
    }
  }
  return { status: undefined, responseType: undefined };
}

function readPermissions(page: DocPage, sink: DiagnosticSink): WrittenPermissions | undefined {
  // Intune's pages put the permissions table under "Prerequisites".
  const prerequisites = mainSection(page, /^prerequisites$/i);
  const section =
    mainSection(page, /^permissions$/i) ??
    (prerequisites?.blocks.some(
      (b) => b.kind === 'table' && headerIndex(b.table.header, /permission type/i) >= 0,
    )
      ? prerequisites
      : undefined);
  if (!section) return undefined;
  const include = section.blocks.find((b) => b.kind === 'include' && /permissions/i.test(b.url));
  const table = section.blocks.find((b) => b.kind === 'table');
  // No table of its own, but one per subsection ("### To retrieve the profile photo of a contact", "… of a
  // group": profilePhoto): the permission needed depends on the resource, so every table's is an alternative.
  const tables =
    table || include
      ? []
      : sectionsWithin(page, section).flatMap((s) =>
          s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : [])),
        );
  const perSection = tables.flatMap((t) => readPermissionsTable(t.table, page.file, sink) ?? []);
  if (perSection.length > 1)
    sink.warn(
      'permissions-per-resource',
      `the Permissions section has a table per resource (${perSection.length}); the permission a call needs depends on the resource, so every permission of a type in any table is an alternative of that type`,
      page.file,
      section.line,
    );
  return {
    include: include?.kind === 'include' ? { url: include.url, line: include.line } : undefined,
    tableIR:
      table?.kind === 'table'
        ? readPermissionsTable(table.table, page.file, sink)
        : perSection.length > 0
          ? mergePermissions(perSection)
          : undefined,
    line: section.line,
  };
}

function splitHttp(value: string): { first: string; headers: string[]; body: string } {
  const lines = value.split('\n');
  const first = (lines.shift() ?? '').trim();
  const headers: string[] = [];
  while (
    lines.length > 0 &&
    /^[A-Za-z-]+\s*:/.test(lines[0] ?? '') &&
    !(lines[0] ?? '').trim().startsWith('{')
  ) {
    headers.push((lines.shift() ?? '').trim());
  }
  return { first, headers, body: lines.join('\n').trim() };
}

function readExamples(
  page: DocPage,
  sink: DiagnosticSink,
): Pick<ApiDoc, 'requestExamples' | 'responseExamples'> {
  const requestExamples: WrittenExample[] = [];
  const responseExamples: WrittenExample[] = [];
  let lastRequestName = '';
  for (const annotation of page.annotations) {
    const kind = annotation.data.blockType;
    if (kind !== 'request' && kind !== 'response') continue;
    const target = annotation.target;
    if (target?.kind !== 'code') {
      sink.warn(
        'example-without-code',
        `a "${kind}" annotation is not followed by a code block`,
        page.file,
        annotation.line,
      );
      continue;
    }
    const { first, headers, body } = splitHttp(target.code.value);
    let parsedBody: unknown;
    let hasBody = false;
    const bodyLine =
      target.code.valueLine + target.code.value.split('\n').findIndex((l) => /^\s*[{[]/.test(l));
    // A body the example declares as something else (a report's CSV as application/octet-stream) is no JSON.
    const contentType = headers
      .find((h) => /^content-type\s*:/i.test(h))
      ?.replace(/^content-type\s*:\s*/i, '')
      .trim();
    if (body && contentType && !/json/i.test(contentType)) {
      sink.info(
        'example-not-json',
        `the ${kind} example's body is ${contentType}, not JSON; it is not a JSON example of the spec`,
        page.file,
        target.line,
      );
    } else if (body) {
      const json = parseLenientJson(body);
      if (json.ok) {
        parsedBody = json.value;
        hasBody = true;
        if (json.repairs.length > 0) {
          sink.warn(
            'example-json-repaired',
            `the ${kind} example's JSON is not valid as written (${describeJsonDefects(json.repairs, bodyLine)}); it is read as evidently meant, strings untouched: fix the page`,
            page.file,
            bodyLine + (json.repairs[0]?.line ?? 1) - 1,
          );
        }
      } else {
        sink.warn(
          'example-json-invalid',
          `the ${kind} example's JSON does not parse (${describeJsonDefects(json.defects, bodyLine)}); the example is left out`,
          page.file,
          bodyLine + (json.defects[0]?.line ?? 1) - 1,
        );
      }
    }
    const name =
      typeof annotation.data.name === 'string'
        ? annotation.data.name
        : kind === 'response'
          ? lastRequestName
          : '';
    if (kind === 'request') {
      lastRequestName = name;
      const match = /^([A-Za-z]+)\s+(\S+)/.exec(first);
      requestExamples.push({
        name,
        method: match?.[1]?.toLowerCase(),
        url: match?.[2],
        status: undefined,
        odataType: undefined,
        body: parsedBody,
        hasBody,
        source: { file: page.file, line: target.line },
      });
    } else {
      const status = /^HTTP\/[\d.]+\s+(\d{3})/i.exec(first)?.[1];
      const odataType =
        typeof annotation.data['@odata.type'] === 'string' ? annotation.data['@odata.type'] : undefined;
      responseExamples.push({
        name,
        method: undefined,
        url: undefined,
        status: status ? Number(status) : undefined,
        odataType,
        isCollection: annotation.data.isCollection === true,
        headers: headers.map((h) => h.split(':')[0]?.trim() ?? '').filter(Boolean),
        body: parsedBody,
        hasBody,
        source: { file: page.file, line: target.line },
      });
    }
  }
  return { requestExamples, responseExamples };
}

function readFunctionParameters(page: DocPage): ApiDoc['functionParameters'] {
  // "Function parameters", or a "Query parameters" table (delta's `$deltatoken` and `$skiptoken`).
  const section = mainSection(page, /^function parameters$/i) ?? mainSection(page, /^query parameters$/i);
  const table = section?.blocks.find((b) => b.kind === 'table');
  if (table?.kind !== 'table') return [];
  // "provide the following required query parameters": every row is required unless it says Optional.
  const allRequired = paragraphs(section).some(
    (p) => p.line < table.line && /\brequired (?:query |function )?parameters\b/i.test(p.rich.text),
  );
  const nameCol = headerIndex(table.table.header, /^(?:query )?(?:parameter|name)$/i);
  if (nameCol < 0) return [];
  const typeCol = headerIndex(table.table.header, /^type$/i);
  const descCol = headerIndex(table.table.header, /^description$/i);
  return (
    table.table.rows
      .map((r) => {
        const typeCell = r.cells[typeCol];
        const description = r.cells[descCol]?.text ?? '';
        return {
          name: r.cells[nameCol]?.text.replace(/[`*\\]/g, '').trim() ?? '',
          type: typeCell ? readWrittenType(typeCell) : undefined,
          // A function's parameters are optional unless the row says Required.
          required: (allRequired || /\bRequired\b/.test(description)) && !/\bOptional\b/i.test(description),
          description,
          source: { file: page.file, line: r.line },
        };
      })
      // A "Query parameters" table may list OData system options (`$top`) too: those are the standard
      // parameters readQueryParameters grants, not the page's own (a second `$top` would be a duplicate).
      .filter(
        (p) =>
          p.name !== '' && !standardQueryParameters.includes(p.name.toLowerCase()) && p.name !== '$search',
      )
  );
}

/** A body of HTML ("supply the page HTML content"), typed by the media types the Content-Type row names. */
function markupBody(
  page: DocPage,
  body: Pick<ApiDoc, 'bodyTypes' | 'bodyTable'>,
): Pick<ApiDoc, 'bodyMediaTypes'> {
  const section = mainSection(page, /^request body$/i);
  if (!section || body.bodyTypes.length > 0 || body.bodyTable) return {};
  if (!paragraphs(section).some((p) => /\bHTML\b/.test(p.rich.text) && !/\bJSON\b/.test(p.rich.text)))
    return {};
  const headers = mainSection(page, /^(?:optional )?request headers?$/i);
  const table = headers?.blocks.find((b) => b.kind === 'table');
  const named =
    table?.kind === 'table'
      ? table.table.rows
          .filter((r) => /^content-type$/i.test(r.cells[0]?.text.trim() ?? ''))
          .flatMap((r) => r.cells.flatMap((c) => c.codes))
          .map((c) => c.split(';')[0]?.trim().toLowerCase() ?? '')
          .filter((c) => /^[a-z]+\/[\w.+-]+$/.test(c))
      : [];
  return { bodyMediaTypes: named.length > 0 ? [...new Set(named)] : ['text/html'] };
}

// Headers every call sends or the client sets from the body: not the caller's to choose per operation.
const transportHeaders = new Set(['authorization', 'content-type', 'content-length', 'accept']);

/**
 * The "Request headers" table (or "Optional request headers"): headers an operation needs or takes beyond the
 * transport's, e.g. planner's `If-Match` (Required: the ETag the update is based on), `Prefer`,
 * `ConsistencyLevel`. A row is required when it says "Required." and not "Optional"; rows naming one header
 * twice ("Prefer: outlook.timezone", "Prefer: outlook.body-content-type") are one parameter.
 */
function readRequestHeaders(page: DocPage): WrittenHeader[] {
  const section = mainSection(page, /^(?:optional )?request headers?$/i);
  const table = section?.blocks.find((b) => b.kind === 'table');
  if (table?.kind !== 'table') return [];
  const nameCol = headerIndex(table.table.header, /^(?:name|header|request header)$/i);
  if (nameCol < 0) return [];
  const descCol = headerIndex(table.table.header, /^(?:description|value)$/i);
  const headers = new Map<string, WrittenHeader>();
  for (const r of table.table.rows) {
    const written = r.cells[nameCol]?.text.replace(/[`*\\]/g, '').trim() ?? '';
    const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(written)?.[0];
    if (!name || transportHeaders.has(name.toLowerCase())) continue;
    const text = (descCol >= 0 ? r.cells[descCol]?.text : r.cells.at(-1)?.text)?.trim() ?? '';
    const required = /\bRequired\.(?:\s|$)/.test(text) && !/\bOptional\b/i.test(text);
    // "Required." / "Optional." is said by `required`; the rest is the description.
    const said = text.replace(/\s*\b(?:Required|Optional)\.?\s*$/i, '');
    const description =
      written === name ? said : `${written.slice(name.length).replace(/^\s*:\s*/, '')}: ${said}`;
    const known = headers.get(name.toLowerCase());
    headers.set(
      name.toLowerCase(),
      known
        ? {
            ...known,
            description: `${known.description} ${description}`,
            required: known.required || required,
          }
        : { name, description, required, source: { file: page.file, line: r.line } },
    );
  }
  return [...headers.values()];
}

/** Reads an API page (`doc_type: apiPageType`). */
export function readApiPage(page: DocPage, sink: DiagnosticSink): ApiDoc {
  const draft = isDraftMetadata(page);
  const description = paragraphs(page.intro)
    .map((p) => p.rich.text)
    .filter((t) => !/^(Namespace:|\[!INCLUDE)/i.test(t))
    .join(' ');
  const body = readBody(page, sink);
  return {
    file: page.file,
    namespace: namespaceOf(page)?.namespace,
    title: page.title ?? '',
    description,
    draft,
    subject: paragraphs(page.intro)
      .flatMap((p) => p.rich.links)
      .find((l) => /resources\//i.test(l.url) || /^[\w-]+\.md$/i.test(l.url)),
    requests: readRequestLines(page, sink),
    queryParameters: readQueryParameters(page),
    functionParameters: readFunctionParameters(page),
    requestHeaders: readRequestHeaders(page),
    ...body,
    ...markupBody(page, body),
    ...readResponse(page, sink),
    permissions: readPermissions(page, sink),
    ...readExamples(page, sink),
    source: { file: page.file, line: page.titleLine },
  };
}

/** "a collection of [x] objects", "a list of …", "an array of …", or "[x] collection object". */
function isCollectionPhrase(text: string, link: Link | undefined): boolean {
  return (
    /\b(?:collection|list|array) of\b/i.test(text) ||
    (link !== undefined && new RegExp(`${escapeRegExp(link.text)}\\s+collection\\b`, 'i').test(text))
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
