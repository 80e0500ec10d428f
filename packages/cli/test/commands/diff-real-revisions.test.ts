import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Extraction, extractFromFolder } from '@sds-toolkit/docs-to-openapi';
import { compareSpecs } from '@sds-toolkit/spec-diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, type Edits, replace, revision, work } from '../docs-revisions.js';

/**
 * Regression tests for the verdicts issue #14 found wrong on real revisions: the current docs pages against an
 * older revision of one page (fromOlder), or a later one (toNewer: a revision history has both directions), made
 * at test time in a copy of the corpus (never committed). Skipped when the corpus is absent.
 */
const corpus = fileURLToPath(new URL('../../../../../shared/graph-docs/', import.meta.url));
const beta = 'api-reference/beta/';
afterAll(work.remove);

let current: Extraction;
beforeAll(() => {
  if (existsSync(corpus)) current = extractFromFolder(corpus);
}, 120_000);

const page = (path: string) => readFileSync(join(corpus, beta, path), 'utf8');

/** The old revision's pages (edits of the current ones) against the current pages, with both sides' defects. */
function fromOlder(edits: Edits) {
  const prefixed = Object.fromEntries(Object.entries(edits).map(([file, edit]) => [`${beta}${file}`, edit]));
  const old = extractFromFolder(revision(prefixed, corpus));
  return compareSpecs(old.spec, current.spec, [], {
    diagnostics: { before: old.diagnostics, after: current.diagnostics },
  });
}
/** The current pages against a later revision of one or more of them (edits of the current ones). */
function toNewer(edits: Edits) {
  const prefixed = Object.fromEntries(Object.entries(edits).map(([file, edit]) => [`${beta}${file}`, edit]));
  const next = extractFromFolder(revision(prefixed, corpus));
  return compareSpecs(current.spec, next.spec, [], {
    diagnostics: { before: current.diagnostics, after: next.diagnostics },
  });
}
const kinds = (result: ReturnType<typeof fromOlder>) =>
  [...new Set(result.changes.map((c) => `${c.kind}:${c.classification}`))].sort();

const root = 'resources/industrydata-industrydataroot.md';
const userOptions = 'resources/industrydata-additionaluseroptions.md';
const slow = { timeout: 60_000 };

describe.skipIf(!existsSync(corpus))('real revisions (an older page against the current docs)', () => {
  it(
    'a row for an operation removed from a Methods table, its page left in place: breaking (operation-unlisted)',
    slow,
    () => {
      const result = fromOlder({
        [root]: replace(
          '| [Create industryDataConnector]',
          '| [Get industryDataRoot](../api/industrydata-industrydataroot-get.md) | [industryDataRoot](industrydata-industrydataroot.md) | Read it. |\n| [Create industryDataConnector]',
        ),
      });
      expect(kinds(result)).toEqual(['operation-unlisted:breaking']);
      expect(result.changes[0]?.location).toBe('GET /external/industryData');
    },
  );

  it(
    'a property the old page typed with an enum it did not describe (any), now with its values: no API change',
    slow,
    () => {
      const result = fromOlder({
        [userOptions]: replace(' Possible values: `minor`, `notAdult`, `adult`, `unknownFutureValue`.', ''),
      });
      expect(result.summary.breaking + result.summary.nonBreaking).toBe(0);
      expect(kinds(result)).toContain('type-resolved:documentation');
    },
  );

  it(
    'a request-body table cut by a stray indented | in the new page: no API change (the extractor mends it)',
    slow,
    () => {
      const result = fromOlder({
        'api/industrydata-userprovisioningflow-update.md': replace(/\n {4,}\|\s*\n/, '\n'),
      });
      expect(kinds(result)).toEqual(['docs-defect-introduced:docs-defect']);
      expect(result.changes[0]?.after).toMatchObject({ code: 'table-cut' });
    },
  );

  it('a property marked deprecated, with its removal date: deprecation-added (non-breaking)', slow, () => {
    const result = fromOlder({
      [userOptions]: all(
        replace(/> This resource is deprecated\.[^\n]*\n/, ''),
        replace('markAllStudentsAsMinors (deprecated)', 'markAllStudentsAsMinors'),
        replace('**Deprecated.** Use `studentAgeGroup` instead.', ''),
      ),
    });
    expect(result.summary.verdict).toBe('non-breaking');
    const deprecation = result.changes.find((c) => c.kind === 'deprecation-added');
    expect(deprecation?.after).toEqual({ deprecated: true, removalDate: '2025-10-15' });
    expect(deprecation?.location).toMatch(/additionalUserOptions\.properties\.markAllStudentsAsMinors$/);
  });

  it('a type name whose casing changed is named as such (documentation), not removed and added', slow, () => {
    const result = fromOlder({
      'resources/industrydata-industrydatarunstatistics.md': replace(
        '"@odata.type": "microsoft.graph.industryData.industryDataRunStatistics"\n}',
        '"@odata.type": "microsoft.graph.industryData.industryDataRunstatistics"\n}',
      ),
    });
    expect(kinds(result)).toEqual(['type-name-casing-changed:documentation']);
  });

  it(
    'an API page that moved (renamed, the Methods tables following) is named as such (documentation)',
    slow,
    () => {
      const moved = (text: string) =>
        text.replaceAll('../api/industrydata-rolegroup-get.md', '../api/industrydata-rolegroup-read.md');
      const result = fromOlder({
        'api/industrydata-rolegroup-get.md': null,
        'api/industrydata-rolegroup-read.md': page('api/industrydata-rolegroup-get.md'),
        'resources/industrydata-rolegroup.md': moved,
        [root]: moved,
      });
      expect(kinds(result)).toEqual(['page-moved:documentation']);
    },
  );
  it(
    'a resource page that drops a Methods-table row whose page never existed (classGroup flow reset): a docs defect fixed, named',
    slow,
    () => {
      const result = toNewer({
        'resources/industrydata-classgroupprovisioningflow.md': replace(
          /\n\| \[reset\]\([^)]*-reset\.md\)[^\n]*/,
          '',
        ),
      });
      expect(kinds(result)).toEqual(['docs-defect-fixed:docs-defect']);
      expect(result.changes[0]?.message).toMatch(
        /no longer lists industrydata-classgroupprovisioningflow-reset\.md/,
      );
    },
  );

  const fileFlowUpdate = 'api/industrydata-inboundfileflow-update.md';
  const withoutRequestLine = replace(/```http\nPATCH [^\n]*\n```/, '```http\n```');

  it(
    'a subtype’s update page (inboundFileFlow) that loses its request line: no false breaking, the type it brought is a docs defect',
    slow,
    () => {
      const result = toNewer({ [fileFlowUpdate]: withoutRequestLine });
      expect(result.summary.breaking).toBe(0);
      expect(result.changes.find((c) => c.kind === 'request-type-removed')).toMatchObject({
        classification: 'docs-defect',
        defect: { code: 'operation-unplaced', side: 'after' },
      });
    },
  );

  it(
    'the draft of that page getting its request line: the type it brings is a docs defect fixed',
    slow,
    () => {
      const result = fromOlder({ [fileFlowUpdate]: withoutRequestLine });
      expect(result.summary.verdict).toBe('docs-defect');
      expect(result.changes.find((c) => c.kind === 'request-type-added')?.classification).toBe('docs-defect');
    },
  );
});
