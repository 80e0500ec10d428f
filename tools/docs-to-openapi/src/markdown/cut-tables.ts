import type { Code, Paragraph, RootContent, Table, TableRow } from 'mdast';
import type { DiagnosticSink } from '../diagnostics.js';
import { parseMarkdown } from './parse.js';

// A line GFM would read as a table row: it starts (after at most three spaces) and ends with a pipe.
const rowLine = /^ {0,3}\|.*\|\s*$/;

type Positioned = { position?: { start: { line: number; offset?: number }; end: { offset?: number } } };

function sourceLines(node: Positioned, text: string): string[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? [] : text.slice(start, end).split('\n');
}

const lineOf = (node: Positioned): number => node.position?.start.line ?? 1;

const strayLine = /^[\s|]*$/;

/**
 * The table rows that a stray line cut off from a table: the blocks that follow it, when they are a stray
 * line (an indented `|`, which GFM reads as an indented code block) and then a paragraph of rows (where more
 * stray lines are lazy continuation lines). A stray line of plain text does not end a GFM table: it becomes a
 * row, reported as table-stray-row. Returns how many blocks the cut spans, the stray lines and the rows.
 */
function cutOff(
  following: readonly RootContent[],
  text: string,
): { blocks: number; strayLines: number[]; rows: { line: number; text: string }[] } | undefined {
  const [first, second] = following;
  if (first?.type !== 'code' || (first as Code).lang || !strayLine.test((first as Code).value))
    return undefined;
  if (second?.type !== 'paragraph') return undefined;
  const lines = sourceLines(second as Paragraph, text).map((l, i) => ({ line: lineOf(second) + i, text: l }));
  const rows = lines.filter((l) => rowLine.test(l.text));
  const strays = lines.filter((l) => !rowLine.test(l.text));
  if (rows.length === 0 || !strays.every((l) => strayLine.test(l.text))) return undefined;
  return { blocks: 2, strayLines: [lineOf(first), ...strays.map((l) => l.line)], rows };
}

/** The rows of `rows`, parsed as GFM rows under the header of `table`, at their lines in the page. */
function parseRows(table: Table, rows: readonly { line: number; text: string }[], text: string): TableRow[] {
  const head = sourceLines(table, text).slice(0, 2);
  const reparsed = parseMarkdown([...head, ...rows.map((r) => r.text)].join('\n')).children[0];
  if (reparsed?.type !== 'table') return [];
  return reparsed.children.slice(1).map((row, i) => {
    const line = rows[i]?.line ?? 1;
    return { ...row, position: { start: { line, column: 1 }, end: { line, column: 1 } } };
  });
}

/**
 * Mends tables that a stray line cut short. GFM ends a table at any line that is not a row, so an indented `|`
 * left in a table makes every row after it vanish into a code block and a paragraph, silently. Each cut is
 * reported with the stray line's number, and the rows after it are put back into the table.
 */
export function mendCutTables(
  blocks: readonly RootContent[],
  text: string,
  file: string,
  sink: DiagnosticSink,
): RootContent[] {
  const mended: RootContent[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as RootContent;
    if (block.type !== 'table') {
      mended.push(block);
      continue;
    }
    let table: Table = block;
    for (
      let cut = cutOff(blocks.slice(i + 1, i + 3), text);
      cut;
      cut = cutOff(blocks.slice(i + 1, i + 3), text)
    ) {
      const rows = parseRows(table, cut.rows, text);
      if (rows.length !== cut.rows.length) break;
      for (const line of cut.strayLines)
        sink.warn(
          'table-cut',
          `a stray line ends the table of line ${lineOf(table)} early: under GFM the rows after it would vanish; they are read as part of the table (remove the line)`,
          file,
          line,
        );
      table = { ...table, children: [...table.children, ...rows] };
      i += cut.blocks;
    }
    mended.push(table);
  }
  return mended;
}
