import { describe, expect, it } from 'vitest';
import { singular } from '../../src/ir/paths.js';

describe('singular: the parameter name of a collection segment no relationship names', () => {
  it.each([
    ['bookingbusinesses', 'bookingbusiness'],
    ['addresses', 'address'],
    ['mailboxes', 'mailbox'],
    ['batches', 'batch'],
    ['pushes', 'push'],
    ['policies', 'policy'],
    ['years', 'year'],
    ['access', 'access'],
    ['schema', 'schema'],
  ])('%s → %s', (plural, expected) => {
    expect(singular(plural)).toBe(expected);
  });
});
