import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The `kiota` binary on PATH, if any. Its npm wrapper downloads the binary at run time, so it is not used. */
export function findKiota(pathVariable: string): string | undefined {
  for (const dir of pathVariable.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'kiota');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
