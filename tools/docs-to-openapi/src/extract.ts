import { availableParallelism } from 'node:os';
import type { Diagnostic, OpenApiDocument } from '@sds-toolkit/openapi-model';
import { compareCodePoints, sortDiagnostics } from '@sds-toolkit/openapi-model';
import { type DiagnosticCode, isDiagnosticCode } from './codes.js';
import { type CorpusFile, readCorpus } from './corpus.js';
import { DiagnosticSink } from './diagnostics.js';
import { buildIR } from './ir/build.js';
import type { SpecIR } from './ir/types.js';
import { emitOpenApi } from './openapi/emit.js';
import type { PageReading } from './pages/read.js';
import { canReadInWorkers, readInWorkers } from './parallel.js';

export interface DocsLock {
  readonly generator: string;
  readonly pages: readonly { readonly path: string; readonly role: string; readonly sha256: string }[];
}

export interface Extraction {
  readonly spec: OpenApiDocument;
  readonly ir: SpecIR;
  /** The diagnostics, less the muted codes. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many diagnostics of each muted code were left out. */
  readonly muted: Readonly<Record<string, number>>;
  readonly lock: DocsLock;
}

export interface ExtractOptions {
  readonly title?: string;
  /**
   * Worker threads to parse pages on (from the compiled package only). Default: one per core when the folder
   * has more than `parallelThreshold` pages, else none; 0 or 1 forces parsing in this thread.
   */
  readonly workers?: number;
  /** Diagnostic codes to leave out of `diagnostics` (counted in `muted`). Unknown codes throw. */
  readonly mute?: readonly string[];
}

/** Thrown for a muted code the extractor does not have (a typo would otherwise mute nothing, silently). */
export class UnknownDiagnosticCodeError extends Error {
  override readonly name = 'UnknownDiagnosticCodeError';
  constructor(readonly code: string) {
    super(`'${code}' is not a diagnostic code of the extractor`);
  }
}

function partition(
  diagnostics: readonly Diagnostic[],
  mute: readonly string[],
): { kept: Diagnostic[]; muted: Record<string, number> } {
  for (const code of mute) if (!isDiagnosticCode(code)) throw new UnknownDiagnosticCodeError(code);
  const muted: Record<string, number> = {};
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (mute.includes(d.code)) muted[d.code] = (muted[d.code] ?? 0) + 1;
    else kept.push(d);
  }
  return { kept, muted };
}

/**
 * The spec's title when none is given: the Graph version and the namespace most of the folder's types are in
 * (`Microsoft Graph beta: industryData`), so the title says what the pages document, whichever they are.
 */
export function defaultTitle(ir: Pick<SpecIR, 'version' | 'types'>): string {
  const counts = new Map<string, number>();
  for (const type of ir.types)
    if (!type.synthesized && !type.external)
      counts.set(type.namespace, (counts.get(type.namespace) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
  const name = top?.[0].replace(/^microsoft\.graph\.?/, '') ?? '';
  return `Microsoft Graph ${ir.version}${name ? `: ${name}` : ''}`;
}

/** Below this many pages, starting workers costs more than it saves. */
export const parallelThreshold = 400;

/** Pages already in memory → spec. The pure core of `extractFromFolder`, used by tests and benchmarks. */
export function extractFromFiles(
  files: readonly CorpusFile[],
  options: ExtractOptions = {},
  sink = new DiagnosticSink(),
  readings?: readonly PageReading[],
): Extraction {
  const ir = buildIR(files, sink, readings);
  const spec = emitOpenApi(ir, options.title ?? defaultTitle(ir));
  const lock: DocsLock = {
    generator: '@sds-toolkit/docs-to-openapi',
    pages: files
      .map((f) => ({ path: f.path, role: f.role, sha256: f.sha256 }))
      .sort((a, b) => compareCodePoints(a.path, b.path)),
  };
  const { kept, muted } = partition(sortDiagnostics(sink.items), options.mute ?? []);
  return { spec, ir, diagnostics: kept, muted, lock };
}

/** `extractFromFiles`, parsing the pages on worker threads when that pays (see `ExtractOptions.workers`). */
export async function extractFromFilesParallel(
  files: readonly CorpusFile[],
  options: ExtractOptions = {},
  sink = new DiagnosticSink(),
): Promise<Extraction> {
  const workers = options.workers ?? (files.length > parallelThreshold ? availableParallelism() : 1);
  if (workers <= 1 || !canReadInWorkers) return extractFromFiles(files, options, sink);
  const { readings, diagnostics } = await readInWorkers(files, workers);
  for (const d of diagnostics) sink.add(d.code as DiagnosticCode, d.severity, d.message, d.file, d.line);
  return extractFromFiles(files, options, sink, readings);
}

/** `extractFromFolder` for large folders: pages are parsed on worker threads (see `ExtractOptions.workers`). */
export async function extractFromFolderParallel(
  docsDir: string,
  options: ExtractOptions = {},
): Promise<Extraction> {
  const sink = new DiagnosticSink();
  return extractFromFilesParallel(readCorpus(docsDir, sink), options, sink);
}

/** Reads a docs folder (a clone of the docs repository, or a folder holding resources/ and api/) → spec. */
export function extractFromFolder(docsDir: string, options: ExtractOptions = {}): Extraction {
  const sink = new DiagnosticSink();
  const files = readCorpus(docsDir, sink);
  return extractFromFiles(files, options, sink);
}
