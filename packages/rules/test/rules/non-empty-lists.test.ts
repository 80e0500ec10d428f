import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, flowSet } from '../helpers.js';

describe('non-empty-lists', () => {
  it.each([
    ['createFlowSet', 'a filter with organizations', flowSet, []],
    ['createFlowSet', 'no filter at all (every organization)', { displayName: 'all' }, []],
    [
      'createFlowSet',
      'an empty filter',
      { ...flowSet, filter: { ...flowSet.filter, in: [] } },
      [['/filter/in', 'error']],
    ],
    ['updateFlow', 'mappings present', classGroupFlow, []],
    [
      'updateFlow',
      'no owner roles',
      {
        ...classGroupFlow,
        configuration: {
          ...classGroupFlow.configuration,
          enrollmentMappings: {
            ...classGroupFlow.configuration.enrollmentMappings,
            ownerEnrollmentMappings: [],
          },
        },
      },
      [['/configuration/enrollmentMappings/ownerEnrollmentMappings', 'warning']],
    ],
  ])('%s: %s', (operation, _name, body, want) => {
    expect(findings('non-empty-lists', operation, body).map((d) => [d.path, d.severity])).toEqual(want);
  });

  it('says why an empty filter is a mistake and what to do instead', () => {
    const [d] = findings('non-empty-lists', 'createFlowSet', {
      ...flowSet,
      filter: { ...flowSet.filter, in: [] },
    });
    expect(d?.message).toMatch(/matches no organization.*leave the filter out/);
  });
});
