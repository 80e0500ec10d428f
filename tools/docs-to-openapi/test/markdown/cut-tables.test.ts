import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/diagnostics.js';
import { readPage } from '../../src/markdown/page.js';

const page = (lines: string[]) => {
  const sink = new DiagnosticSink();
  const read = readPage('resources/x.md', lines.join('\n'), sink);
  const table = read.sections[0]?.blocks.find((b) => b.kind === 'table');
  return {
    rows: table?.kind === 'table' ? table.table.rows.map((r) => [r.line, r.cells[0]?.text]) : [],
    diagnostics: sink.items.map((d) => `${d.code}@${d.line}`),
  };
};

const head = ['## Properties', '', '| Property | Type |', '| :-- | :-- |', '| a | String |'];

describe('tables cut by a stray line', () => {
  it.each([
    [
      'an indented pipe',
      ['        |'],
      [
        [5, 'a'],
        [7, 'b'],
        [8, 'c'],
      ],
      ['table-cut@6'],
    ],
    [
      'an indented pair of pipes',
      ['    | |'],
      [
        [5, 'a'],
        [7, 'b'],
        [8, 'c'],
      ],
      ['table-cut@6'],
    ],
    // GFM keeps a table going through a bare pipe: an empty row, which the property reader reports.
    [
      'a bare pipe (no cut)',
      ['|'],
      [
        [5, 'a'],
        [6, ''],
        [7, 'b'],
        [8, 'c'],
      ],
      [],
    ],
  ])('%s: every row is read at its own line', (_name, stray, rows, diagnostics) => {
    const read = page([...head, ...stray, '| b | Int32 |', '| c | Boolean |', '', 'After.']);
    expect(read.rows).toEqual(rows);
    expect(read.diagnostics).toEqual(diagnostics);
  });

  it('a table cut twice is mended twice', () => {
    const read = page([...head, '    |', '| b | Int32 |', '    |', '| c | Boolean |']);
    expect(read.rows.map((r) => r[1])).toEqual(['a', 'b', 'c']);
    expect(read.diagnostics).toEqual(['table-cut@6', 'table-cut@8']);
  });

  it('a code block after a table that is not followed by rows is left alone', () => {
    const read = page([...head, '', '    |', '', 'Prose.']);
    expect(read.rows.map((r) => r[1])).toEqual(['a']);
    expect(read.diagnostics).toEqual([]);
  });
});
