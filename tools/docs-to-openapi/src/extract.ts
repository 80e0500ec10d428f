import type { Diagnostic, OpenApiDocument } from '@sds-toolkit/openapi-model';
import { sortDiagnostics } from '@sds-toolkit/openapi-model';
import { type CorpusFile, readCorpus } from './corpus.js';
import { DiagnosticSink } from './diagnostics.js';
import { buildIR } from './ir/build.js';
import type { SpecIR } from './ir/types.js';
import { emitOpenApi } from './openapi/emit.js';

export interface DocsLock {
  readonly generator: string;
  readonly pages: readonly { readonly path: string; readonly role: string; readonly sha256: string }[];
}

export interface Extraction {
  readonly spec: OpenApiDocument;
  readonly ir: SpecIR;
  readonly diagnostics: readonly Diagnostic[];
  readonly lock: DocsLock;
}

export interface ExtractOptions {
  readonly title?: string;
}

/** Pages already in memory → spec. The pure core of `extractFromFolder`, used by tests and benchmarks. */
export function extractFromFiles(
  files: readonly CorpusFile[],
  options: ExtractOptions = {},
  sink = new DiagnosticSink(),
): Extraction {
  const ir = buildIR(files, sink);
  const spec = emitOpenApi(ir, options.title ?? 'Microsoft Graph beta: industryData outbound provisioning');
  const lock: DocsLock = {
    generator: '@sds-toolkit/docs-to-openapi',
    pages: files
      .map((f) => ({ path: f.path, role: f.role, sha256: f.sha256 }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
  return { spec, ir, diagnostics: sortDiagnostics(sink.items), lock };
}

/** Reads a docs folder (a clone of the docs repository, or a folder holding resources/ and api/) → spec. */
export function extractFromFolder(docsDir: string, options: ExtractOptions = {}): Extraction {
  const sink = new DiagnosticSink();
  const files = readCorpus(docsDir, sink);
  return extractFromFiles(files, options, sink);
}
