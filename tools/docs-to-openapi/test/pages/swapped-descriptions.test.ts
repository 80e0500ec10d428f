import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/diagnostics.js';
import type { WrittenProperty } from '../../src/pages/resource.js';
import { reportSwappedDescriptions } from '../../src/pages/swapped-descriptions.js';

function property(name: string, description: string, line: number): WrittenProperty {
  return {
    name,
    deprecated: false,
    removalDate: undefined,
    type: { text: 'String', name: 'String', collection: false, link: undefined },
    description: { text: description, links: [], codes: [] },
    enumMembers: undefined,
    inheritedFrom: undefined,
    source: { file: 'resources/x.md', line },
  };
}

function swapped(rows: readonly [string, string][]): string[] {
  const sink = new DiagnosticSink();
  reportSwappedDescriptions(
    rows.map(([name, text], i) => property(name, text, i + 10)),
    sink,
    'Properties',
  );
  return sink.items.filter((d) => d.code === 'description-swapped').map((d) => `${d.line}`);
}

describe('reportSwappedDescriptions', () => {
  it.each<[string, [string, string][], string[]]>([
    [
      'each description names the other sibling',
      [
        ['memberMappings', 'The owner mappings.'],
        ['ownerMappings', 'The member mappings.'],
      ],
      ['10'],
    ],
    [
      'descriptions that match their names',
      [
        ['memberMappings', 'The member mappings.'],
        ['ownerMappings', 'The owner mappings.'],
      ],
      [],
    ],
    [
      'only one description is off (not detectable as a swap)',
      [
        ['memberMappings', 'The owner mappings.'],
        ['ownerMappings', 'The owner mappings.'],
      ],
      [],
    ],
    [
      'a description naming both words',
      [
        ['memberMappings', 'Member mappings, unlike owner ones.'],
        ['ownerMappings', 'The member mappings.'],
      ],
      [],
    ],
    [
      'names that do not share their tail',
      [
        ['memberMappings', 'The owner list.'],
        ['ownerList', 'The member mappings.'],
      ],
      [],
    ],
    [
      'a word inside another word is not a mention',
      [
        ['lidColour', 'The colour of the baseplate.'],
        ['baseColour', 'The colour of the lidded part.'],
      ],
      [],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(swapped(rows)).toEqual(expected);
  });
});
