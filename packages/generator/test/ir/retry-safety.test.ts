import type { HttpMethod, OperationObject } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { GeneratorInputError } from '../../src/index.js';
import { retrySafe } from '../../src/ir/retry-safety.js';

const op = (extensions: Record<string, unknown> = {}): OperationObject => ({
  operationId: 'o',
  responses: { '204': { description: 'No Content' } },
  ...extensions,
});

describe('retry safety: which operations the default middleware sends again without asking', () => {
  it.each<[HttpMethod, boolean]>([
    ['get', true],
    ['put', true],
    ['delete', true],
    ['post', false],
    ['patch', false],
  ])('%s without a mark: %s (an idempotent method, RFC 9110 9.2.2)', (method, safe) => {
    expect(retrySafe(method, op(), 'x')).toBe(safe);
  });

  it.each<[HttpMethod, boolean]>([
    ['post', true],
    ['patch', true],
    ['get', false],
    ['delete', false],
  ])('%s marked x-sds-retry-safe: %s', (method, mark) => {
    expect(retrySafe(method, op({ 'x-sds-retry-safe': mark }), 'x')).toBe(mark);
  });

  it('a mark that is not a boolean is an input error naming the operation', () => {
    expect(() => retrySafe('post', op({ 'x-sds-retry-safe': 'yes' }), 'POST /pots')).toThrow(
      GeneratorInputError,
    );
    expect(() => retrySafe('post', op({ 'x-sds-retry-safe': 'yes' }), 'POST /pots')).toThrow(
      /POST \/pots: x-sds-retry-safe is "yes"; it must be true or false/,
    );
  });
});
