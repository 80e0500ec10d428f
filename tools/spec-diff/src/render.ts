import {
  type Change,
  type Classification,
  classifications,
  type DefectsCompared,
  type DiffResult,
  type Verdict,
} from './types.js';

/** Neither side's diagnostics were given (two spec files). */
export const notCompared: DefectsCompared = {
  before: false,
  after: false,
  note: 'the old and new sides are spec files, which carry no docs diagnostics: a change a docs defect causes cannot be told from an API change; diff the docs folders for that',
};

const heading: Record<Classification, string> = {
  breaking: 'Breaking changes',
  'non-breaking': 'Non-breaking changes',
  'docs-defect': 'Docs defects (not API changes)',
  documentation: 'Documentation',
};

export function summarize(changes: readonly Change[], ignored = 0, defects = notCompared): DiffResult {
  const count = (c: Classification) => changes.filter((x) => x.classification === c).length;
  const verdict: Verdict = classifications.find((c) => count(c) > 0) ?? 'none';
  return {
    changes,
    summary: {
      breaking: count('breaking'),
      nonBreaking: count('non-breaking'),
      documentation: count('documentation'),
      docsDefect: count('docs-defect'),
      total: changes.length,
      ignored,
      verdict,
    },
    defects,
  };
}

const defectText = (c: Change) =>
  c.defect
    ? `${c.defect.side === 'after' ? 'caused by' : 'fixed:'} ${c.defect.code} at ${c.defect.file}:${c.defect.line} (would otherwise be ${c.defect.apparent})`
    : undefined;

const counts = (result: DiffResult) => {
  const s = result.summary;
  return `${s.breaking} breaking, ${s.nonBreaking} non-breaking, ${s.documentation} documentation, ${s.docsDefect} docs defects${s.ignored ? `, ${s.ignored} ignored` : ''}`;
};

export function renderText(result: DiffResult): string {
  const note = result.defects.note ? `note: ${result.defects.note}\n` : '';
  if (result.changes.length === 0)
    return `no changes${result.summary.ignored ? ` (${result.summary.ignored} ignored)` : ''}\n${note}`;
  const lines = result.changes.map((c) =>
    [
      `${c.classification.padEnd(13)} ${c.kind.padEnd(30)} ${c.location}`,
      `              ${c.message}`,
      ...(c.defect ? [`              ${defectText(c)}`] : []),
    ].join('\n'),
  );
  return `${lines.join('\n')}\n\n${counts(result)}: ${result.summary.verdict}\n${note}`;
}

/** A changelog section: changes grouped by classification, one bullet each, docs defects named. */
export function renderMarkdown(result: DiffResult, title = 'API changes'): string {
  const note = result.defects.note ? `\n> Note: ${result.defects.note}.\n` : '';
  if (result.changes.length === 0) return `## ${title}\n\nNo changes.\n${note}`;
  const parts = [`## ${title}`, ''];
  for (const c of classifications) {
    const items = result.changes.filter((x) => x.classification === c);
    if (items.length === 0) continue;
    parts.push(
      `### ${heading[c]}`,
      '',
      ...items.map((x) => `- \`${x.location}\`: ${x.message}${x.defect ? ` (${defectText(x)})` : ''}`),
      '',
    );
  }
  return `${parts.join('\n').trimEnd()}\n${note}`;
}

export type Bump = 'major' | 'minor' | 'patch';

/**
 * The release a diff implies for the client, from its most severe change. Policy: while the package is 0.x a
 * breaking change is a minor release (semver gives 0.x no compatibility promise, and the API itself is beta);
 * from 1.0 it is a major. Non-breaking: minor. Documentation, and docs defects (the spec changed, the API did
 * not): patch.
 */
export function bumpFor(result: DiffResult, currentVersion: string): Bump | undefined {
  switch (result.summary.verdict) {
    case 'breaking':
      return currentVersion.startsWith('0.') ? 'minor' : 'major';
    case 'non-breaking':
      return 'minor';
    case 'documentation':
    case 'docs-defect':
      return 'patch';
    default:
      return undefined;
  }
}
