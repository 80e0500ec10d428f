import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAllowance, type DataAllowance, type Row, table } from './allowed.js';
import { short } from './config.js';

export const begin =
  '<!-- generated from tools/architecture-check/src/allowed.ts by `pnpm architecture --write`; edit that file -->';
export const end = '<!-- end of the generated dependency table -->';

const data = (r: DataAllowance) => `${r.path === '' ? 'the whole repository' : `\`${r.path}\``} (${r.why})`;

function cells(row: Row): string[] {
  const imports = row.imports.map((name) => `\`${short(name)}\``).join(', ');
  const tests = (row.testImports ?? []).map((t) => `its \`test/\` also \`${short(t.package)}\` (${t.why})`);
  return [
    `\`${short(row.package)}\``,
    [imports || (row.note ? 'nothing of ours' : 'nothing'), row.note, ...tests].filter(Boolean).join('; '),
    row.reads.map(data).join('; ') || '—',
  ];
}

/** The README's dependency table, as the table in allowed.ts says it. */
export function renderTable(): string {
  return [
    begin,
    '| package | may import (of ours) | may also read from disk |',
    '|---|---|---|',
    ...table.map((row) => `| ${cells(row).join(' | ')} |`),
    '',
    `Every package's \`bench/\` may also import ${data(benchAllowance)}.`,
    end,
  ].join('\n');
}

function split(text: string): { before: string; block: string; after: string } | undefined {
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return {
    before: text.slice(0, from),
    block: text.slice(from, to + end.length),
    after: text.slice(to + end.length),
  };
}

/** A violation when README.md's table is missing or differs from allowed.ts. */
export function checkReadme(root: string): { where: string; message: string }[] {
  const parts = split(readFileSync(join(root, 'README.md'), 'utf8'));
  if (!parts)
    return [
      {
        where: 'README.md',
        message: `no generated dependency table (between "${begin}" and "${end}"): add the markers, then run \`pnpm architecture --write\``,
      },
    ];
  if (parts.block === renderTable()) return [];
  return [
    {
      where: 'README.md',
      message:
        'the dependency table differs from tools/architecture-check/src/allowed.ts: change allowed.ts, then run `pnpm architecture --write`',
    },
  ];
}

/** Rewrites README.md's table from allowed.ts. Returns whether anything changed. */
export function writeReadme(root: string): boolean {
  const path = join(root, 'README.md');
  const text = readFileSync(path, 'utf8');
  const parts = split(text);
  if (!parts) throw new Error(`README.md has no "${begin}" … "${end}" block to rewrite`);
  const next = `${parts.before}${renderTable()}${parts.after}`;
  if (next === text) return false;
  writeFileSync(path, next);
  return true;
}
