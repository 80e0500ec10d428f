import type { Change, Classification, DiffResult } from './types.js';

const heading: Record<Classification, string> = {
  breaking: 'Breaking changes',
  'non-breaking': 'Non-breaking changes',
  documentation: 'Documentation',
};

export function summarize(changes: readonly Change[], ignored = 0): DiffResult {
  const count = (c: Classification) => changes.filter((x) => x.classification === c).length;
  return {
    changes,
    summary: {
      breaking: count('breaking'),
      nonBreaking: count('non-breaking'),
      documentation: count('documentation'),
      total: changes.length,
      ignored,
    },
  };
}

export function renderText(result: DiffResult): string {
  if (result.changes.length === 0)
    return `no changes${result.summary.ignored ? ` (${result.summary.ignored} ignored)` : ''}\n`;
  const lines = result.changes.map(
    (c) => `${c.classification.padEnd(12)} ${c.kind.padEnd(30)} ${c.location}\n             ${c.message}`,
  );
  const s = result.summary;
  return `${lines.join('\n')}\n\n${s.breaking} breaking, ${s.nonBreaking} non-breaking, ${s.documentation} documentation${s.ignored ? `, ${s.ignored} ignored` : ''}\n`;
}

/** A changelog section: changes grouped by classification, one bullet each. */
export function renderMarkdown(result: DiffResult, title = 'API changes'): string {
  if (result.changes.length === 0) return `## ${title}\n\nNo changes.\n`;
  const parts = [`## ${title}`, ''];
  for (const c of ['breaking', 'non-breaking', 'documentation'] as const) {
    const items = result.changes.filter((x) => x.classification === c);
    if (items.length === 0) continue;
    parts.push(`### ${heading[c]}`, '', ...items.map((x) => `- \`${x.location}\`: ${x.message}`), '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

export type Bump = 'major' | 'minor' | 'patch';

/**
 * The release a diff implies for the client. Policy: while the package is 0.x a breaking change is a minor
 * release (semver gives 0.x no compatibility promise, and the API itself is beta); from 1.0 it is a major.
 */
export function bumpFor(result: DiffResult, currentVersion: string): Bump | undefined {
  if (result.summary.breaking > 0) return currentVersion.startsWith('0.') ? 'minor' : 'major';
  if (result.summary.nonBreaking > 0) return 'minor';
  if (result.summary.documentation > 0) return 'patch';
  return undefined;
}
