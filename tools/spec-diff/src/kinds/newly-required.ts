import { schemaBody } from '@sds-toolkit/openapi-model';
import { operationFinding, typeFinding } from '../compare/findings.js';
import { comparableTypes } from '../compare/properties.js';
import { acceptedTables, isRequired } from '../compare/requests.js';
import { defineKind, type Finding, pageDefects, tableDefects } from './kind.js';

export const newlyRequired = defineKind({
  kind: 'newly-required',
  classification: 'breaking',
  area: 'requests',
  when: 'a request property is required that was optional or not listed (request-body table, or the type’s required list)',
  why: 'requests without it are refused',
  defects: [...pageDefects, ...tableDefects],
  detect: (ctx) => {
    const findings: Finding[] = [];
    for (const pair of ctx.operations.pairs)
      for (const { type, before, after } of acceptedTables(pair)) {
        if (!before || !after) continue;
        for (const name of Object.keys(after).filter((n) => isRequired(after[n]) && !isRequired(before[n])))
          findings.push(
            operationFinding(pair, {
              location: `${pair.after.label} ${type}.${name}`,
              before: name in before ? false : null,
              after: true,
              message: `${type}: '${name}' is now required${name in before ? '' : ' (new in the request-body table)'}`,
            }),
          );
      }
    for (const pair of comparableTypes(ctx)) {
      const before = schemaBody(pair.before)?.required ?? [];
      for (const name of (schemaBody(pair.after)?.required ?? []).filter((n) => !before.includes(n)))
        findings.push(
          typeFinding(
            pair,
            { before: false, after: true, message: `${pair.name}.${name} is now required` },
            `.properties.${name}`,
          ),
        );
    }
    return findings;
  },
});
