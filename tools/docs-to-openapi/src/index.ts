export { type DiagnosticCode, diagnosticAreas, diagnosticCodes, isDiagnosticCode } from './codes.js';
export { type CorpusFile, DocsFolderError, readCorpus, versionRoot } from './corpus.js';
export { DiagnosticSink } from './diagnostics.js';
export {
  type DocsLock,
  type Extraction,
  type ExtractOptions,
  extractFromFiles,
  extractFromFilesParallel,
  extractFromFolder,
  extractFromFolderParallel,
  parallelThreshold,
  UnknownDiagnosticCodeError,
} from './extract.js';
export type * from './ir/types.js';
export { parseMarkdown } from './markdown/parse.js';
export { generatedHeader, specToYaml } from './openapi/write.js';
