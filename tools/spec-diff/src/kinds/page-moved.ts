import { operationFinding, typeFinding } from '../compare/findings.js';
import { pagesOf, schemaSource } from '../sources.js';
import { defineKind, type Finding } from './kind.js';

export const pageMoved = defineKind({
  kind: 'page-moved',
  classification: 'documentation',
  area: 'operations',
  when: 'an operation or a type is documented by a page of another name (the page was renamed or replaced)',
  why: 'the API is the same; only where the docs describe it changed',
  detect: (ctx) => {
    const findings: Finding[] = [];
    for (const pair of ctx.operations.pairs) {
      const before = pagesOf(pair.before);
      const after = pagesOf(pair.after);
      const gone = before.filter((p) => !after.includes(p));
      const fresh = after.filter((p) => !before.includes(p));
      if (gone.length === 0 || fresh.length === 0) continue;
      findings.push(
        operationFinding(pair, {
          before,
          after,
          message: `${pair.after.label} is now documented by ${fresh.join(', ')} (was ${gone.join(', ')})`,
        }),
      );
    }
    for (const pair of ctx.types.pairs) {
      const before = schemaSource(pair.before, 'before')?.file;
      const after = schemaSource(pair.after, 'after')?.file;
      if (!before || !after || before === after) continue;
      findings.push(
        typeFinding(pair, {
          before,
          after,
          message: `${pair.name} is now documented by ${after} (was ${before})`,
        }),
      );
    }
    return findings;
  },
});
