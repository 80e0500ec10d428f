import type { Change, Classification, DiffResult } from './types.js';

/** GitHub's workflow-command levels: a breaking change fails the check's look, the rest inform. */
const level: Record<Classification, 'error' | 'warning' | 'notice'> = {
  breaking: 'error',
  'docs-defect': 'warning',
  'non-breaking': 'notice',
  documentation: 'notice',
};

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts: the escapes of data and properties.
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * One GitHub Actions annotation per change (`::error file=…,line=…,title=…::message`), on the docs page and line
 * it comes from. `fileOf` turns a docs source into a path GitHub can show (relative to the workspace); without a
 * source the annotation has no file.
 */
export function renderGithub(
  result: DiffResult,
  fileOf: (source: NonNullable<Change['source']>) => string = (s) => s.file,
): string {
  const lines = result.changes.map((c) => {
    const properties = [
      ...(c.source ? [`file=${escapeProperty(fileOf(c.source))}`, `line=${c.source.line}`] : []),
      `title=${escapeProperty(`${c.classification}: ${c.kind}`)}`,
    ];
    const defect = c.defect ? ` [docs defect ${c.defect.code} at ${c.defect.file}:${c.defect.line}]` : '';
    return `::${level[c.classification]} ${properties.join(',')}::${escapeData(`${c.location}: ${c.message}${defect}. ${c.why}`)}`;
  });
  const s = result.summary;
  lines.push(
    `::notice title=${escapeProperty('sds diff')}::${escapeData(`${s.breaking} breaking, ${s.nonBreaking} non-breaking, ${s.documentation} documentation, ${s.docsDefect} docs defects: ${s.verdict}${result.defects.note ? `. Note: ${result.defects.note}` : ''}`)}`,
  );
  return `${lines.join('\n')}\n`;
}
