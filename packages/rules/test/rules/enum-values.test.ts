import { describe, expect, it } from 'vitest';
import { classGroupFlow, findings, flowSet, NS, validator } from '../helpers.js';

describe('enum-values', () => {
  it.each([
    ['known members', classGroupFlow, []],
    [
      'unknownFutureValue in a collection',
      {
        ...classGroupFlow,
        configuration: {
          ...classGroupFlow.configuration,
          additionalAttributes: ['courseTitle', 'unknownFutureValue'],
        },
      },
      ['/configuration/additionalAttributes/1'],
    ],
  ])('%s', (_name, body, paths) => {
    const found = findings('enum-values', 'updateFlow', body);
    expect(found.map((d) => d.path)).toEqual(paths);
    for (const d of found) expect(d.severity).toBe('warning');
  });

  it('unknownFutureValue in a nested filter is a warning', () => {
    const body = { ...flowSet, filter: { ...flowSet.filter, attribute: 'unknownFutureValue' } };
    expect(findings('enum-values', 'createFlowSet', body)).toMatchObject([
      { severity: 'warning', path: '/filter/attribute' },
    ]);
  });

  it('a value the enum does not have is an error (schema layer)', () => {
    const body = {
      ...flowSet,
      filter: { '@odata.type': `${NS}basicFilter`, attribute: 'schoolName', in: ['S1'] },
    };
    expect(validator.validate('createFlowSet', body)).toMatchObject([
      {
        ruleId: 'schema',
        severity: 'error',
        path: '/filter/attribute',
        message: expect.stringContaining('must be one of "orgExternalId"'),
      },
    ]);
  });
});
