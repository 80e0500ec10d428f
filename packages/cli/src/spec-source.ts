import { existsSync, statSync } from 'node:fs';
import type { Extraction } from '@sds-toolkit/docs-to-openapi';
import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { userPath } from './args.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import type { Progress } from './progress.js';
import { didYouMean } from './suggest.js';

/** Extracts a docs folder; a folder that is missing or holds no docs pages is the caller's mistake (usage). */
export async function extractDocsFolder(path: string, mute: readonly string[] = []): Promise<Extraction> {
  // Loaded here, not at the top: `sds --help` should not pay for the extractor.
  const { DocsFolderError, diagnosticCodes, extractFromFolderParallel, UnknownDiagnosticCodeError } =
    await import('@sds-toolkit/docs-to-openapi');
  try {
    return await extractFromFolderParallel(path, { mute });
  } catch (error) {
    if (error instanceof DocsFolderError) throw new UsageError(error.message);
    if (error instanceof UnknownDiagnosticCodeError)
      throw new UsageError(
        `--mute: ${error.message}${didYouMean(error.code, diagnosticCodes)}; see the extractor README for the codes`,
      );
    throw error;
  }
}

/** A diff side, as the user gave it: a spec file, or a docs folder extracted on the fly. */
export async function loadSpecSource(io: CliIO, given: string, shown: Progress): Promise<OpenApiDocument> {
  const path = userPath(io, given);
  if (!existsSync(path)) throw new UsageError(`${given} does not exist: give a spec file or a docs folder`);
  if (statSync(path).isDirectory()) {
    shown.step(`diff: extracting the spec from the docs in ${given}`);
    return (await extractDocsFolder(path)).spec;
  }
  shown.step(`diff: reading ${given}`);
  const { loadSpec, SpecLoadError } = await import('@sds-toolkit/openapi-model');
  try {
    // A spec read back from YAML, so that both sides have the same shape whatever their origin.
    return JSON.parse(JSON.stringify(loadSpec(path))) as OpenApiDocument;
  } catch (error) {
    if (error instanceof SpecLoadError) throw new UsageError(error.message);
    throw error;
  }
}
