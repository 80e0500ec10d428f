import { changeKinds } from './kinds/index.js';
import { type ChangeKind, pageDefects, tableDefects } from './kinds/kind.js';

/** Groups of defect codes, named once under the table instead of in every row. */
const groups: [string, readonly string[]][] = [
  ['page defects', pageDefects],
  ['table defects', tableDefects],
];

function defectsCell(kind: ChangeKind): string {
  let codes = [...kind.defects];
  const names: string[] = [];
  for (const [name, members] of groups)
    if (members.every((m) => codes.includes(m))) {
      names.push(name);
      codes = codes.filter((c) => !members.includes(c));
    }
  const cell = [...names, ...codes.map((c) => `\`${c}\``)].join(', ');
  return kind.needsDiagnostics ? `${cell ? `${cell}; ` : ''}*docs folders only*` : cell || '—';
}

const cellText = (text: string) => text.replaceAll('|', '\\|');

/**
 * The README's table of change kinds, generated from the rule table (`src/kinds/`): a test keeps the README
 * equal to it; `pnpm --filter @sds-toolkit/spec-diff readme` rewrites it.
 */
export function renderKindsTable(kinds: readonly ChangeKind[] = changeKinds): string {
  const rows = kinds.map(
    (k) =>
      `| ${k.area} | \`${k.kind}\` | ${k.classification} | ${cellText(k.when)} | ${cellText(k.why)} | ${defectsCell(k)} |`,
  );
  return [
    '<!-- generated from tools/spec-diff/src/kinds/ by `pnpm --filter @sds-toolkit/spec-diff readme`; edit the kinds -->',
    '| area | kind | classification | reported when | why | docs defects that explain it |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...groups.map(([name, members]) => `*${name}*: ${members.map((m) => `\`${m}\``).join(', ')}.`),
    '<!-- end of the generated table of change kinds -->',
  ].join('\n');
}

const begin = '<!-- generated from tools/spec-diff/src/kinds/';
const end = '<!-- end of the generated table of change kinds -->';

/** A README with its generated table replaced by the current one; undefined when it has no such table. */
export function withKindsTable(readme: string): string | undefined {
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return `${readme.slice(0, from)}${renderKindsTable()}${readme.slice(to + end.length)}`;
}
