import type { Rule, RuleFinding } from '../types.js';

/**
 * Lists that select or map something, where an empty list can only be a mistake:
 * - basicFilter `in`: an empty list matches no organization, so every flow of the set would provision nothing;
 *   to provision every organization, leave the filter out.
 * - enrollmentMappings `ownerEnrollmentMappings`: with no owner roles, class groups get no owners (no teacher
 *   can manage the class). Members left empty is allowed, but is worth a warning too.
 */
const lists: readonly {
  type: string;
  property: string;
  severity: 'error' | 'warning';
  why: string;
  docs: string;
}[] = [
  {
    type: 'microsoft.graph.industryData.basicFilter',
    property: 'in',
    severity: 'error',
    why: 'an empty filter matches no organization, so the flows would provision nothing; list orgExternalIds, or leave the filter out to include every organization',
    docs: 'api-reference/beta/resources/industrydata-basicfilter.md',
  },
  {
    type: 'microsoft.graph.industryData.enrollmentMappings',
    property: 'ownerEnrollmentMappings',
    severity: 'warning',
    why: 'with no owner roles the class groups get no owners; map at least the teacher role',
    docs: 'api-reference/beta/resources/industrydata-enrollmentmappings.md',
  },
  {
    type: 'microsoft.graph.industryData.enrollmentMappings',
    property: 'memberEnrollmentMappings',
    severity: 'warning',
    why: 'with no member roles the class groups get no members; map at least the student role',
    docs: 'api-reference/beta/resources/industrydata-enrollmentmappings.md',
  },
];

export const nonEmptyLists: Rule = {
  id: 'non-empty-lists',
  severity: 'error',
  docs: 'api-reference/beta/resources/industrydata-basicfilter.md',
  description: 'Filters and enrollment mappings are not empty where an empty list can only be a mistake.',
  check({ objects }) {
    const diagnostics: RuleFinding[] = [];
    for (const { value, type, path } of objects) {
      for (const list of lists) {
        if (type !== list.type) continue;
        const v = value[list.property];
        if (Array.isArray(v) && v.length === 0) {
          diagnostics.push({
            ruleId: this.id,
            severity: list.severity,
            path: `${path}/${list.property}`,
            message: `'${list.property}' is empty: ${list.why}`,
            docs: list.docs,
          });
        }
      }
    }
    return diagnostics;
  },
};
