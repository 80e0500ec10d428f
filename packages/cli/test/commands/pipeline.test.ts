import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

const shared = fileURLToPath(new URL('../../../../../shared/graph-docs', import.meta.url));

describe('sds pipeline', () => {
  it('uses the committed spec when no docs folder is given, and says so', async () => {
    const io = captureIO({});
    expect(await main(['pipeline'], io)).toBe(0);
    expect(io.out).toMatch(/1\. extract: ok: no docs folder given .*using the committed spec, 5 paths/);
  });

  it.skipIf(!existsSync(shared))(
    'extracts from a docs folder and compares with the committed spec',
    async () => {
      const io = captureIO({ GRAPH_DOCS_DIR: shared });
      expect(await main(['pipeline'], io)).toBe(0);
      expect(io.out).toMatch(/66 pages → 11 operations; 0 errors, \d+ warnings; equal to the committed spec/);
    },
  );
});
