import { describe, expect, it } from 'vitest';
import { evaluate, parseFilter } from '../../src/query/filter.js';

const item = {
  displayName: "O'Brien Academy",
  count: 3,
  ready: true,
  none: null,
  filter: { attribute: 'orgExternalId' },
  id: 'AB0E1C55-0000-4000-8000-000000000001',
  when: '2025-01-06T08:00:00Z',
};
const matches = (text: string) =>
  evaluate(
    parseFilter(text, () => undefined),
    item,
  ) === true;

describe('$filter', () => {
  it.each([
    ["displayName eq 'O''Brien Academy'", true],
    ["displayName ne 'x'", true],
    ['count gt 2 and count lt 4', true],
    ['count ge 4 or ready eq true', true],
    ['not (count eq 3)', false],
    ['none eq null', true],
    ['none gt 1', false],
    ["filter/attribute eq 'orgExternalId'", true],
    ["startswith(displayName,'O''B')", true],
    ["endswith(displayName, 'Academy')", true],
    ["contains(tolower(displayName),'brien')", true],
    ["toupper(displayName) eq 'O''BRIEN ACADEMY'", true],
    ["displayName in ('a', 'O''Brien Academy')", true],
    ['id eq ab0e1c55-0000-4000-8000-000000000001', true],
    ['when lt 2025-02-01T00:00:00Z', true],
    ['((count eq 3))', true],
  ])('%s → %s', (text, expected) => {
    expect(matches(text)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ["displayName eq 'x", /no closing quote/],
    ['count eq', /ends where a value/],
    ["substring(displayName,1) eq 'x'", /'substring' is not supported/],
    ["startswith(displayName) eq 'x'", /takes 2 arguments/],
    ["filter/in/any(x: x eq 'a')", /lambda operators \(any, all\) are not supported/],
    ['count eq 3 3', /unexpected '3'/],
    [`${'('.repeat(60)}count eq 3${')'.repeat(60)}`, /nests deeper than 50/],
  ])('refuses %j', (text, message) => {
    expect(() => parseFilter(text, () => undefined)).toThrow(message);
  });

  it('asks about every property path', () => {
    const paths: string[] = [];
    parseFilter("a eq 1 and b/c ne 'x' or startswith(d,'y')", (p) => {
      paths.push(p.join('/'));
      return undefined;
    });
    expect(paths).toEqual(['a', 'b/c', 'd']);
  });

  // The EDM types checkPath answers for the paths of `item`.
  const edm: Readonly<Record<string, string>> = {
    displayName: 'Edm.String',
    count: 'Edm.Int32',
    ready: 'Edm.Boolean',
    when: 'Edm.DateTimeOffset',
  };
  const typed = (text: string) => parseFilter(text, (p) => edm[p.join('/')]);

  it.each([
    ["count gt '2'", "'Edm.Int32' and 'Edm.String' for operator kind 'GreaterThan'"],
    ["'2' le count", "'Edm.Int32' and 'Edm.String' for operator kind 'LessThanOrEqual'"],
    ["ready eq 'true'", "'Edm.Boolean' and 'Edm.String' for operator kind 'Equal'"],
    ['displayName eq 3', "'Edm.String' and 'Edm.Int32' for operator kind 'Equal'"],
    ["count in (1, '2')", "'Edm.Int32' and 'Edm.String' for operator kind 'Equal'"],
  ])('a property compared with a literal of another type is refused as OData does: %j', (text, types) => {
    expect(() => typed(text)).toThrow(
      `A binary operator with incompatible types was detected. Found operand types ${types}.`,
    );
  });

  it.each([
    'count gt 2.5',
    'ready eq true',
    "displayName eq 'x'",
    'displayName eq null',
    'when lt 2025-02-01T00:00:00Z',
    "when lt '2025-02-01T00:00:00Z'",
    'count in (1, 2)',
  ])("a literal of the property's type is taken: %j", (text) => {
    expect(() => typed(text)).not.toThrow();
  });
});
