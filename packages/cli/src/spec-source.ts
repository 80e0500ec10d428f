import { existsSync, statSync } from 'node:fs';
import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { UsageError } from './usage-error.js';

/** A diff side: a spec file, or a docs folder extracted on the fly. */
export async function loadSpecSource(path: string): Promise<OpenApiDocument> {
  if (!existsSync(path)) throw new UsageError(`${path} does not exist (give a spec file or a docs folder)`);
  if (statSync(path).isDirectory()) {
    const { DocsFolderError, extractFromFolderParallel } = await import('@sds-toolkit/docs-to-openapi');
    try {
      return (await extractFromFolderParallel(path)).spec;
    } catch (error) {
      if (error instanceof DocsFolderError) throw new UsageError(error.message);
      throw error;
    }
  }
  const { loadSpec, SpecLoadError } = await import('@sds-toolkit/openapi-model');
  try {
    // A spec read back from YAML, so that both sides have the same shape whatever their origin.
    return JSON.parse(JSON.stringify(loadSpec(path))) as OpenApiDocument;
  } catch (error) {
    if (error instanceof SpecLoadError) throw new UsageError(error.message);
    throw error;
  }
}
