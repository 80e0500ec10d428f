import type { CorpusFile } from '../corpus.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { type DocPage, readPage } from '../markdown/page.js';
import { type ApiDoc, readApiPage } from '../pages/api.js';
import { readPermissionsTable } from '../pages/permissions.js';
import { type ResourceDoc, readResourcePage } from '../pages/resource.js';
import { buildOperations } from './build-operations.js';
import { buildTypes, TypeNames } from './build-types.js';
import { LinkResolver } from './links.js';
import type { PermissionsIR, SpecIR } from './types.js';

/** Docs pages → IR. Every defect found on the way is reported to the sink; nothing throws on bad pages. */
export function buildIR(files: readonly CorpusFile[], sink: DiagnosticSink): SpecIR {
  const links = new LinkResolver(
    files.map((f) => f.path),
    sink,
  );
  const pages: { file: CorpusFile; page: DocPage }[] = files.map((file) => ({
    file,
    page: readPage(file.path, file.text, sink),
  }));

  // Links into the page families (resources/, api/) must land on a page of the folder.
  for (const { file, page } of pages) {
    for (const link of page.links) {
      const target = link.url.split('#')[0] ?? '';
      if (!/\.md$/i.test(target) || /^[a-z]+:|^\//i.test(target)) continue;
      const inFamily =
        /(^|\/)(resources|api)\/[^/]+$/i.test(target) ||
        (!target.includes('/') && file.role !== 'permissions');
      if (inFamily && !links.resolve(file.path, link.url, link.line))
        links.reportMissing(file.path, link.url, link.line);
    }
  }

  const resources: ResourceDoc[] = [];
  const apis: ApiDoc[] = [];
  const permissionIncludes = new Map<string, PermissionsIR>();
  for (const { file, page } of pages) {
    const docType = String(page.frontMatter.doc_type ?? '');
    if (file.role === 'permissions') {
      const table = page.intro.blocks
        .concat(page.sections.flatMap((s) => s.blocks))
        .find((b) => b.kind === 'table');
      if (table?.kind === 'table') {
        const read = readPermissionsTable(table.table, file.path, sink);
        if (read) permissionIncludes.set(file.path, read);
      } else sink.warn('permissions-table-missing', 'the permissions include holds no table', file.path, 1);
    } else if (file.role === 'resource' && docType !== 'apiPageType') {
      if (docType && docType !== 'resourcePageType') continue; // enum pages, overviews: not types
      const resource = readResourcePage(page, sink);
      if (resource) resources.push(resource);
    } else if (file.role === 'api' || docType === 'apiPageType') {
      if (docType && docType !== 'apiPageType') continue;
      apis.push(readApiPage(page, sink));
    }
  }

  const names = new TypeNames(resources, links, sink);
  const { types, enums } = buildTypes(resources, names, sink);
  const operations = buildOperations(
    {
      apiDocs: apis,
      types,
      names,
      permissionIncludes,
      resolveLink: (from, url, line) => links.resolve(from, url, line),
    },
    sink,
  );
  const namespaces = [...new Set(types.filter((t) => !t.synthesized).map((t) => t.namespace))].sort();
  return { namespaces, types, enums, operations };
}
