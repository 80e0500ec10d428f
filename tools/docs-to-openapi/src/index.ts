export { type CorpusFile, DocsFolderError, readCorpus, versionRoot } from './corpus.js';
export { DiagnosticSink } from './diagnostics.js';
export {
  type DocsLock,
  type Extraction,
  type ExtractOptions,
  extractFromFiles,
  extractFromFolder,
} from './extract.js';
export type * from './ir/types.js';
export { generatedHeader, specToYaml } from './openapi/write.js';
