import { schemaBody } from '@sds-toolkit/openapi-model';
import { operationFinding, typeFinding } from '../compare/findings.js';
import { comparableTypes } from '../compare/properties.js';
import { acceptedTables, isRequired } from '../compare/requests.js';
import { defineKind, type Finding } from './kind.js';

export const noLongerRequired = defineKind({
  kind: 'no-longer-required',
  classification: 'non-breaking',
  area: 'requests',
  when: 'a required request property became optional',
  why: 'requests that send it are still valid',
  detect: (ctx) => {
    const findings: Finding[] = [];
    for (const pair of ctx.operations.pairs)
      for (const { type, before, after } of acceptedTables(pair)) {
        if (!before || !after) continue;
        for (const name of Object.keys(after).filter((n) => !isRequired(after[n]) && isRequired(before[n])))
          findings.push(
            operationFinding(pair, {
              location: `${pair.after.label} ${type}.${name}`,
              before: true,
              after: false,
              message: `${type}: '${name}' is no longer required`,
            }),
          );
      }
    for (const pair of comparableTypes(ctx)) {
      const after = schemaBody(pair.after)?.required ?? [];
      for (const name of (schemaBody(pair.before)?.required ?? []).filter((n) => !after.includes(n)))
        findings.push(
          typeFinding(
            pair,
            { before: true, after: false, message: `${pair.name}.${name} is no longer required` },
            `.properties.${name}`,
          ),
        );
    }
    return findings;
  },
});
