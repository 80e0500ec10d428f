import { describe, expect, it } from 'vitest';
import {
  bumpFor,
  compareSpecs,
  type DiffResult,
  renderGithub,
  renderMarkdown,
  renderText,
  summarize,
} from '../src/index.js';
import { base, NS, update, widget } from './spec-fixture.js';

function mixed(): DiffResult {
  const after = base();
  delete widget(after).properties.size;
  widget(after).properties.label = { type: 'string' };
  widget(after).description = 'A better widget.';
  update(after).responses = { '2XX': { description: 'Success' } };
  return compareSpecs(base(), after);
}

describe('the JSON shape', () => {
  it('every change has the same keys, in this order; the summary counts each classification and gives the verdict', () => {
    const result = JSON.parse(JSON.stringify(mixed()));
    expect(Object.keys(result)).toEqual(['changes', 'summary', 'defects']);
    for (const c of result.changes)
      expect(Object.keys(c)).toEqual([
        'classification',
        'kind',
        'location',
        'before',
        'after',
        'message',
        'why',
        'source',
        'defect',
      ]);
    expect(result.changes[0]).toEqual({
      classification: 'breaking',
      kind: 'property-removed',
      location: `components.schemas.${NS}.widget.properties.size`,
      before: 'integer (int32)',
      after: null,
      message: `${NS}.widget: 'size' was removed`,
      why: 'code reading or writing it breaks, deprecated or not',
      source: { file: 'resources/contoso-widget.md', line: 30, side: 'after' },
      defect: null,
    });
    expect(result.summary).toEqual({
      breaking: 1,
      nonBreaking: 1,
      documentation: 1,
      docsDefect: 1,
      total: 4,
      ignored: 0,
      verdict: 'breaking',
    });
    expect(result.defects).toMatchObject({ before: false, after: false });
  });

  it('changes are ordered most severe first, then by location', () => {
    expect(mixed().changes.map((c) => c.classification)).toEqual([
      'breaking',
      'non-breaking',
      'docs-defect',
      'documentation',
    ]);
  });
});

describe('text, markdown and GitHub annotations', () => {
  it('text: one entry per change, the counts, the verdict and the note', () => {
    const text = renderText(mixed());
    expect(text).toMatch(/^breaking {6}property-removed/m);
    expect(text).toMatch(/1 breaking, 1 non-breaking, 1 documentation, 1 docs defects: breaking\n/);
    expect(text).toMatch(/note: the old and new sides are spec files/);
    expect(renderText(summarize([]))).toMatch(/^no changes\n/);
  });

  it('markdown: a changelog section per classification, docs defects apart', () => {
    const md = renderMarkdown(mixed());
    expect(md).toMatch(
      /^## API changes\n\n### Breaking changes\n\n- `components\.schemas\.microsoft\.graph\.contoso\.widget\.properties\.size`: .*'size' was removed/,
    );
    expect(md.indexOf('### Non-breaking changes')).toBeLessThan(
      md.indexOf('### Docs defects (not API changes)'),
    );
    expect(md.indexOf('### Docs defects (not API changes)')).toBeLessThan(md.indexOf('### Documentation'));
    expect(renderMarkdown(summarize([]), 'T')).toBe(
      `## T\n\nNo changes.\n\n> Note: the old and new sides are spec files, which carry no docs diagnostics: a change a docs defect causes cannot be told from an API change; diff the docs folders for that.\n`,
    );
  });

  it('github: ::error for breaking, ::warning for docs defects, ::notice for the rest, on the docs page and line, escaped', () => {
    const lines = renderGithub(mixed(), (s) => `docs/${s.file}`)
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(
      `::error file=docs/resources/contoso-widget.md,line=30,title=breaking%3A property-removed::components.schemas.${NS}.widget.properties.size: ${NS}.widget: 'size' was removed. code reading or writing it breaks, deprecated or not`,
    );
    expect(lines[1]).toMatch(/^::notice file=.*title=non-breaking%3A property-added::/);
    expect(lines[2]).toMatch(
      /^::warning file=docs\/api\/contoso-widget-update\.md,line=22,title=docs-defect%3A status-unknown::/,
    );
    expect(lines.at(-1)).toMatch(
      /^::notice title=sds diff::1 breaking, 1 non-breaking, 1 documentation, 1 docs defects: breaking\. Note: /,
    );
    const [first] = mixed().changes;
    if (!first) throw new Error('the mixed revision has changes');
    const odd = summarize([
      {
        ...first,
        message: '50% done\nnext',
        source: { file: 'a,b:c.md', line: 3, side: 'after' },
      },
    ]);
    expect(renderGithub(odd).split('\n')[0]).toMatch(
      /^::error file=a%2Cb%3Ac\.md,line=3,.*::.*50%25 done%0Anext/,
    );
  });
});

describe('bump', () => {
  it.each([
    ['breaking on 0.x', 'breaking', '0.3.0', 'minor'],
    ['breaking from 1.0', 'breaking', '1.2.0', 'major'],
    ['non-breaking', 'non-breaking', '0.3.0', 'minor'],
    ['documentation', 'documentation', '1.0.0', 'patch'],
    ['docs defects only (the spec changed, the API did not)', 'docs-defect', '1.0.0', 'patch'],
    ['nothing', 'none', '1.0.0', undefined],
  ] as const)('%s → %s', (_name, verdict, version, bump) => {
    const summary = {
      breaking: 0,
      nonBreaking: 0,
      documentation: 0,
      docsDefect: 0,
      total: 0,
      ignored: 0,
      verdict,
    };
    expect(
      bumpFor({ changes: [], summary, defects: { before: false, after: false, note: '' } }, version),
    ).toBe(bump);
  });

  it('the bump follows the most severe change', () => {
    expect(bumpFor(mixed(), '0.4.0')).toBe('minor');
    expect(bumpFor(mixed(), '2.0.0')).toBe('major');
  });
});
