import type { DiagnosticSink } from '../diagnostics.js';
import type { SourceRef } from '../ir/types.js';
import type { DocPage } from '../markdown/page.js';
import { headerIndex, namespaceOf } from './common.js';

/** An enum as an enum page (`enums.md`, `enums-<namespace>.md`) documents it: a "<name> values" section. */
export interface EnumDoc {
  /** Full name: the page's namespace + the section's enum name. */
  readonly name: string;
  readonly members: readonly string[];
  readonly source: SourceRef;
}

/** True for enum pages: `doc_type: enumPageType`, or a resources page named `enums*.md`. */
export function isEnumPage(page: DocPage): boolean {
  const docType = String(page.frontMatter.doc_type ?? '');
  return docType === 'enumPageType' || (!docType && /(^|\/)enums[\w-]*\.md$/i.test(page.file));
}

/**
 * Reads an enum page: each section titled "<name> values" with a Member (or Value, Name) column. The namespace
 * is the page's "Namespace:" line, else microsoft.graph (the namespace of `enums.md`).
 */
export function readEnumPage(page: DocPage, sink: DiagnosticSink): EnumDoc[] {
  const namespace = namespaceOf(page)?.namespace ?? 'microsoft.graph';
  const enums: EnumDoc[] = [];
  for (const section of page.sections) {
    const name = /^`?([A-Za-z_]\w*)`?\s+values$/i.exec(section.title.trim())?.[1];
    if (!name) continue;
    const table = section.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') {
      sink.warn(
        'table-unrecognised',
        `the section "${section.title}" has no table of members`,
        page.file,
        section.line,
      );
      continue;
    }
    const column = Math.max(0, headerIndex(table.table.header, /^(member|value|name)s?$/i));
    const members: string[] = [];
    for (const row of table.table.rows) {
      const member = row.cells[column]?.text.replace(/[`*\\]/g, '').trim() ?? '';
      if (/^[A-Za-z_]\w*$/.test(member)) members.push(member);
      else if (member)
        sink.warn(
          'table-stray-row',
          `a row of the ${name} values table does not name a member ('${member}'); it is skipped`,
          page.file,
          row.line,
        );
    }
    enums.push({ name: `${namespace}.${name}`, members, source: { file: page.file, line: section.line } });
  }
  return enums;
}
