import { describe, expect, it } from 'vitest';
import { findFileReads } from '../src/file-reads.js';

const file = '/repo/packages/p/src/a.ts';
const read = (text: string) => {
  const { reads, required } = findFileReads(file, text);
  return [
    ...reads.map((r) => `${r.line} ${r.target}`),
    ...required.map((r) => `${r.line} require ${r.specifier}`),
  ];
};

describe('findFileReads', () => {
  it.each<[string, string, string[]]>([
    [
      'new URL(…, import.meta.url), a file and a folder',
      "readFileSync(new URL('../../../specs/a.yaml', import.meta.url));\nnew URL('../scenarios/', import.meta.url);",
      ['1 /repo/specs/a.yaml', '2 /repo/packages/p/scenarios/'],
    ],
    [
      'the static head of a template',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the scanner, not a template
      'new URL(`./fixtures/${name}`, import.meta.url);',
      ['1 /repo/packages/p/src/fixtures/'],
    ],
    [
      'a helper wrapping new URL, as an arrow and as a function',
      "const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));\nfunction at(p: string) { return new URL(p, import.meta.url); }\nhere('../../q/src/');\nat('../x.json');",
      ['3 /repo/packages/q/src/', '4 /repo/packages/p/x.json'],
    ],
    [
      'a base used in templates, join() and new URL()',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the scanner, not a template
      "const root = fileURLToPath(new URL('../../../', import.meta.url));\nreadFileSync(`${root}specs/a.yaml`);\njoin(root, 'packages', 'q');\nnew URL('scripts/', root);\n`${root}packages/${name}/x`;",
      ['2 /repo/specs/a.yaml', '3 /repo/packages/q', '4 /repo/scripts/', '5 /repo/packages/'],
    ],
    [
      'a base behind ?? or .pathname, used only in ways the scanner cannot follow: the base itself',
      "const docs = process.env.DOCS ?? new URL('../../../../shared/docs', import.meta.url).pathname;\nlist(docs);",
      ['1 /shared/docs'],
    ],
    [
      'createRequire and require.resolve: relative paths resolved, specifiers returned',
      "const require = createRequire(import.meta.url);\nrequire('@scope/pkg/data.json');\nrequire.resolve('../x.json');\ncreateRequire(import.meta.url)('vitest/package.json');",
      ['3 /repo/packages/p/x.json', '2 require @scope/pkg/data.json', '4 require vitest/package.json'],
    ],
    [
      'nothing for URLs not relative to the module, or paths built at run time',
      "new URL('https://example.com/a');\nnew URL(path, import.meta.url);\njoin(process.cwd(), 'specs');",
      [],
    ],
  ])('%s', (_name, text, want) => {
    expect(read(text)).toEqual(want);
  });
});
