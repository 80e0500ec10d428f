import type { PageRole } from '../corpus.js';
import type { DiagnosticSink } from '../diagnostics.js';
import type { PermissionsIR } from '../ir/types.js';
import { readPage } from '../markdown/page.js';
import { type ApiDoc, readApiPage } from './api.js';
import { type EnumDoc, isEnumPage, readEnumPage } from './enum-page.js';
import { readPermissionsTable } from './permissions.js';
import { type ResourceDoc, readResourcePage } from './resource.js';

/** What one page says, read on its own: the unit of work that can run on any thread. */
export interface PageReading {
  readonly path: string;
  readonly resource?: ResourceDoc;
  readonly api?: ApiDoc;
  readonly permissions?: PermissionsIR;
  readonly enums?: readonly EnumDoc[];
  /** Links of the page, for the corpus-wide broken-link check. */
  readonly links: readonly { readonly url: string; readonly line: number }[];
}

/** Parses one page and reads it according to its role (folder) and `doc_type`. */
export function readOnePage(path: string, role: PageRole, text: string, sink: DiagnosticSink): PageReading {
  const page = readPage(path, text, sink);
  const docType = String(page.frontMatter.doc_type ?? '');
  const base = { path, links: page.links };
  if (role === 'permissions') {
    const table = page.intro.blocks
      .concat(page.sections.flatMap((s) => s.blocks))
      .find((b) => b.kind === 'table');
    if (table?.kind !== 'table') {
      sink.warn('permissions-table-missing', 'the permissions include holds no table', path, 1);
      return base;
    }
    const permissions = readPermissionsTable(table.table, path, sink);
    return permissions ? { ...base, permissions } : base;
  }
  if (isEnumPage(page)) return { ...base, enums: readEnumPage(page, sink) };
  if (docType === 'apiPageType' || (role === 'api' && !docType))
    return { ...base, api: readApiPage(page, sink) };
  if (docType === 'resourcePageType' || (role === 'resource' && !docType)) {
    const resource = readResourcePage(page, sink);
    return resource ? { ...base, resource } : base;
  }
  return base; // overviews, conceptual pages: nothing to extract
}
