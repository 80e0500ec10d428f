import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The worker threads run the compiled package (turbo builds it before the tests), so this test uses dist/.
// The path is not a literal so that typechecking does not need a build.
const distEntry: string = '../dist/index.js';
const compiled = (await import(distEntry)) as typeof import('../src/index.js');

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('reading pages on worker threads', () => {
  it.each(['inheritance', 'operations', 'defects'])(
    '%s: same spec and diagnostics as one thread',
    async (name) => {
      const files = compiled.readCorpus(`${fixtures}${name}`, new compiled.DiagnosticSink());
      const sequential = compiled.extractFromFiles(files);
      const parallel = await compiled.extractFromFilesParallel(files, { workers: 2 });
      expect(compiled.specToYaml(parallel.spec)).toBe(compiled.specToYaml(sequential.spec));
      expect(parallel.diagnostics).toEqual(sequential.diagnostics);
    },
  );
});
