import { describe, expect, it } from 'vitest';
import { byCodePoint, compareCodePoints, shortName, withArticle } from '../src/index.js';

describe('compareCodePoints', () => {
  it.each([
    // [a, b, sign]: the order a locale would give differs in every row but the last two
    ['Zebra', 'apple', -1], // upper case before lower case (locales interleave them)
    ['year', 'job', 1], // lt_LT sorts y between i and j
    ['Ice', 'ice', -1],
    ['a-b', 'ab', -1],
    ['\u{1F600}', '\uFFFD', 1], // a code point above U+FFFF sorts after U+FFFD (code units would not)
    ['abc', 'abcd', -1],
    ['same', 'same', 0],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
    expect(Math.sign(compareCodePoints(b, a))).toBe(-sign || 0);
  });

  it('byCodePoint sorts items by a key, whatever the locale', () => {
    const items = ['yard', 'Juice', 'jam', 'ink'].map((name) => ({ name }));
    expect(items.sort(byCodePoint((i) => i.name)).map((i) => i.name)).toEqual([
      'Juice',
      'ink',
      'jam',
      'yard',
    ]);
  });
});

// #18 (user trial): messages said "for a inboundApiFlow".
describe('withArticle: the article a type name takes by its sound', () => {
  it.each([
    ['inboundApiFlow', 'an inboundApiFlow'],
    ['administrativeUnitProvisioningFlow', 'an administrativeUnitProvisioningFlow'],
    ['azureDataLakeConnector', 'an azureDataLakeConnector'],
    ['oneRosterApiDataConnector', 'a oneRosterApiDataConnector'],
    ['userProvisioningFlow', 'a userProvisioningFlow'],
    ['uploadSession', 'an uploadSession'],
    ['unit', 'a unit'],
    ['hour', 'an hour'],
    ['classGroupProvisioningFlow', 'a classGroupProvisioningFlow'],
    ['year', 'a year'],
    ['', 'a '],
  ])('%s → %s', (word, phrase) => {
    expect(withArticle(word)).toBe(phrase);
  });
});

describe('shortName: a type name without its namespace', () => {
  it.each([
    ['microsoft.graph.industryData.inboundFileFlow', 'inboundFileFlow'],
    ['microsoft.graph.entity', 'entity'],
    ['year', 'year'],
  ])('%s → %s', (type, short) => {
    expect(shortName(type)).toBe(short);
  });
});
