import { rmSync } from 'node:fs';
import { pactFile } from '../../src/names.js';

/**
 * Each consumer run writes the pact from scratch. Pact merges into an existing file, so a file left by an
 * earlier run would keep interactions of tests since changed or removed, and the provider would verify them.
 */
export default function resetPact(): void {
  rmSync(pactFile, { force: true });
}
