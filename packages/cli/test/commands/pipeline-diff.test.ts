import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';
import { replace, revision, work } from '../docs-revisions.js';

/**
 * The pipeline's diff stage reads the docs folder's defects as `sds diff` and `sds regen` do: a change a docs
 * defect causes is a docs defect there too, not an API change. The committed spec is the corpus's extraction, so
 * the corpus with one page damaged (in a copy made at test time) differs from it by that damage only.
 */
const corpus = fileURLToPath(new URL('../../../../../shared/graph-docs/', import.meta.url));
const reports = mkdtempSync(join(tmpdir(), 'sds-pipeline-diff-'));
afterAll(() => {
  rmSync(reports, { recursive: true, force: true });
  work.remove();
});

interface Change {
  classification: string;
  kind: string;
  location: string;
}

describe.skipIf(!existsSync(corpus))('sds pipeline: the diff stage and docs defects', () => {
  it('an api page that lost its request line: the operation gone is a docs defect, not breaking', async () => {
    const docs = revision(
      {
        'api-reference/beta/api/industrydata-referencedefinition-delete.md': replace(
          /```http\nDELETE \/external\/industryData\/referenceDefinitions\/\{referenceDefinitionId\}\n```\n/,
          '',
        ),
      },
      corpus,
    );
    const io = captureIO({ GRAPH_DOCS_DIR: docs });
    // The generated client no longer matches (the operation is gone from the spec): that stage fails.
    expect(await main(['pipeline', '--json', '--skip-contracts', '--report', reports], io)).toBe(1);
    const out = JSON.parse(io.out) as {
      diff: Change[];
      stages: { name: string; status: string; summary: string; details: string[] }[];
    };
    expect(out.diff).toMatchObject([
      {
        classification: 'docs-defect',
        kind: 'operation-removed',
        location: 'DELETE /external/industryData/referenceDefinitions/{referenceDefinitionId}',
        message: expect.stringContaining('was removed'),
      },
    ]);
    // Every change is the stage's (the terminal shows the first few and counts the rest).
    expect(out.stages.find((s) => s.name === 'diff')?.details).toHaveLength(out.diff.length);
    expect(out.stages.find((s) => s.name === 'diff')).toMatchObject({
      status: 'passed',
      summary: expect.stringMatching(/^0 breaking, 0 non-breaking, 0 documentation changes, 1 docs defects/),
    });
  }, 180_000);
});
