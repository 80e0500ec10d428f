import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, flowSet } from '../helpers.js';

describe('read-only-properties', () => {
  it.each([
    ['updateFlow', 'a clean update', classGroupFlow, []],
    ['updateFlow', 'readinessStatus', { ...classGroupFlow, readinessStatus: 'ready' }, ['/readinessStatus']],
    [
      'updateFlow',
      'all four',
      {
        ...classGroupFlow,
        id: 'x',
        createdDateTime: '2024-01-01T00:00:00Z',
        lastModifiedDateTime: '2024-01-01T00:00:00Z',
        readinessStatus: 'ready',
      },
      ['/id', '/createdDateTime', '/lastModifiedDateTime', '/readinessStatus'],
    ],
    ['createFlowSet', 'an id on create', { ...flowSet, id: 'mine' }, ['/id']],
    [
      'updateFlowSet',
      'lastModifiedDateTime on a set',
      { displayName: 'x', lastModifiedDateTime: '2024-01-01T00:00:00Z' },
      ['/lastModifiedDateTime'],
    ],
  ])('%s: %s', (operation, _name, body, paths) => {
    expect(findings('read-only-properties', operation, body).map((d) => d.path)).toEqual(paths);
  });

  it('says the property is set by the service, citing the operation page', () => {
    const [d] = findings('read-only-properties', 'updateFlow', {
      ...classGroupFlow,
      readinessStatus: 'ready',
    });
    expect(d?.message).toMatch(/set by the service and cannot be updated: remove it/);
    expect(d?.docs).toMatch(/^api-reference\/beta\/api\/industrydata-.*-update\.md$/);
  });
});
