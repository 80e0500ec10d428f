import type { DiagnosticSink } from '../diagnostics.js';
import type { DocTable, RichText } from './page.js';

type Row = DocTable['rows'][number];

const shown = (cells: readonly RichText[]): string => cells.map((c) => c.text).join(' | ');

/**
 * Rows with more cells than the header. GFM drops the cells past the header, so text written there would vanish
 * without a word: `|labels|[localizedLabel](…) collection||Label metadata|` (a doubled pipe, seen on termStore
 * pages) leaves the description empty and puts it in a fourth cell. When dropping the row's empty cells (never
 * the first) leaves exactly one cell per column, the row is read that way; otherwise the extra cells are left out.
 * Either is reported (`table-row-cells`). Extra cells that are all empty are dropped silently: they hold nothing.
 */
export function mendRowCells(table: DocTable, file: string, sink: DiagnosticSink): DocTable {
  const columns = table.header.length;
  let changed = false;
  const rows = table.rows.map((row): Row => {
    if (row.cells.length <= columns) return row;
    const extra = row.cells.slice(columns);
    changed = true;
    if (extra.every((c) => c.text === '' && c.links.length === 0))
      return { ...row, cells: row.cells.slice(0, columns) };
    const kept = row.cells.filter((c, i) => i === 0 || c.text !== '' || c.links.length > 0);
    if (kept.length === columns) {
      sink.warn(
        'table-row-cells',
        `the row has ${row.cells.length} cells for ${columns} columns (a doubled '|'); read without its empty cells as '${shown(kept)}'`,
        file,
        row.line,
      );
      return { ...row, cells: kept };
    }
    sink.warn(
      'table-row-cells',
      `the row has ${row.cells.length} cells for ${columns} columns; the cells past the header ('${shown(extra)}') are left out`,
      file,
      row.line,
    );
    return { ...row, cells: row.cells.slice(0, columns) };
  });
  return changed ? { ...table, rows } : table;
}
