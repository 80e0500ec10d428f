import { readFileSync } from 'node:fs';

/** The CLI's own version, read from its package.json so that it never drifts from what is published. */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
