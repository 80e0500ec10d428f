import { describe, expect, it } from 'vitest';
import { type CorpusFile, graphVersionOf } from '../src/corpus.js';

const page = (path: string, text = ''): CorpusFile => ({ path, role: 'api', text, sha256: '' });

describe('graphVersionOf: the Graph version a folder of pages documents', () => {
  it.each([
    ['the version folder of a docs clone: v1.0', [page('api-reference/v1.0/api/a.md')], 'v1.0'],
    [
      'the version folder of a docs clone: beta',
      [page('api-reference/beta/api/a.md', 'https://graph.microsoft.com/v1.0/x')],
      'beta',
    ],
    [
      'a bare folder: the version its examples call most',
      [
        page('api/a.md', 'GET https://graph.microsoft.com/v1.0/a'),
        page('api/b.md', 'GET https://graph.microsoft.com/v1.0/b https://graph.microsoft.com/beta/b'),
      ],
      'v1.0',
    ],
    [
      'a bare folder whose examples call beta',
      [page('api/a.md', 'GET https://graph.microsoft.com/beta/a')],
      'beta',
    ],
    ['a bare folder without examples: beta', [page('api/a.md')], 'beta'],
  ] as const)('%s', (_, files, expected) => {
    expect(graphVersionOf(files)).toBe(expected);
  });
});
