import type { Rule, RuleFinding } from '../types.js';

/** Enum values are members the spec lists; `unknownFutureValue` is a sentinel, not a choice. */
export const enumValues: Rule = {
  id: 'enum-values',
  severity: 'warning',
  docs: 'api-reference/beta/resources/industrydata-classgroupconfiguration.md',
  description:
    'Enum values are members the docs list; unknownFutureValue is only a sentinel for evolvable enums (warning).',
  check({ objects, catalogue }) {
    const diagnostics: RuleFinding[] = [];
    for (const { value, type, path } of objects) {
      for (const { key, members } of catalogue.shape(type).enums) {
        const raw = value[key];
        if (raw === undefined || raw === null) continue;
        const list = Array.isArray(raw) ? raw : [raw];
        for (let i = 0; i < list.length; i++) {
          if (list[i] !== 'unknownFutureValue') continue;
          diagnostics.push({
            ruleId: this.id,
            severity: 'warning',
            path: Array.isArray(raw) ? `${path}/${key}/${i}` : `${path}/${key}`,
            message: `'unknownFutureValue' marks where the enum may grow; the service does not take it as a setting: choose one of ${members.filter((m) => m !== 'unknownFutureValue').join(', ')}`,
            docs: this.docs,
          });
        }
      }
    }
    return diagnostics;
  },
};
