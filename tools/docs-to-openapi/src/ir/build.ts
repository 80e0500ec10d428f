import { type CorpusFile, graphVersionOf } from '../corpus.js';
import type { DiagnosticSink } from '../diagnostics.js';
import type { ApiDoc } from '../pages/api.js';
import type { EnumDoc } from '../pages/enum-page.js';
import { type PageReading, readOnePage } from '../pages/read.js';
import type { ResourceDoc } from '../pages/resource.js';
import { buildOperations } from './build-operations.js';
import { buildTypes, TypeNames } from './build-types.js';
import { LinkResolver } from './links.js';
import { MethodsTables } from './methods-tables.js';
import type { PermissionsIR, SpecIR } from './types.js';

/**
 * Docs pages → IR. Every defect found on the way is reported to the sink; nothing throws on bad pages.
 * `readings` holds the pages already read (in the order of `files`), e.g. on worker threads.
 */
export function buildIR(
  files: readonly CorpusFile[],
  sink: DiagnosticSink,
  readings?: readonly PageReading[],
): SpecIR {
  const links = new LinkResolver(
    files.map((f) => f.path),
    sink,
  );
  const pages = files.map((file, i) => ({
    file,
    reading: readings?.[i] ?? readOnePage(file.path, file.role, file.text, sink),
  }));

  const resources: ResourceDoc[] = [];
  const apis: ApiDoc[] = [];
  const permissionIncludes = new Map<string, PermissionsIR>();
  const enumDocs: EnumDoc[] = [];
  for (const { file, reading } of pages) {
    if (reading.enums) enumDocs.push(...reading.enums);
    if (reading.resource) resources.push(reading.resource);
    if (reading.api) apis.push(reading.api);
    if (reading.permissions) permissionIncludes.set(file.path, reading.permissions);
  }
  const methods = new MethodsTables(resources, links, sink);

  // Links into the page families (resources/, api/) must land on a page of the folder. Methods-table links
  // are the MethodsTables' to judge (operation-undocumented).
  for (const { file, reading } of pages) {
    for (const link of reading.links) {
      const target = link.url.split('#')[0] ?? '';
      if (!/\.md$/i.test(target) || /^[a-z]+:|^\//i.test(target)) continue;
      if (methods.links.has(`${file.path}|${link.line}|${link.url}`)) continue;
      const inFamily =
        /(^|\/)(resources|api)\/[^/]+$/i.test(target) ||
        (!target.includes('/') && file.role !== 'permissions');
      if (inFamily && !links.resolve(file.path, link.url, link.line))
        links.recordMissing(file.path, link.url, link.line);
    }
  }

  const names = new TypeNames(resources, links, sink);
  const { types, enums } = buildTypes(resources, enumDocs, names, sink);
  const operations = buildOperations(
    {
      apiDocs: apis,
      types,
      names,
      permissionIncludes,
      resolveLink: (from, url, line) => links.resolve(from, url, line),
      methods,
    },
    sink,
  );
  links.reportMissing();
  const namespaces = [...new Set(types.filter((t) => !t.synthesized).map((t) => t.namespace))].sort();
  return { version: graphVersionOf(files), namespaces, types, enums, operations };
}
