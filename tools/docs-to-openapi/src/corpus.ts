import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticSink } from './diagnostics.js';

export type PageRole = 'resource' | 'api' | 'permissions';

export interface CorpusFile {
  /** Path relative to the docs root (`api-reference/beta/api/x.md` or `api/x.md`), `/`-separated. */
  readonly path: string;
  readonly role: PageRole;
  readonly text: string;
  readonly sha256: string;
}

/** Thrown when the docs folder cannot be used at all (missing, or holds no docs pages). */
export class DocsFolderError extends Error {
  override readonly name = 'DocsFolderError';
}

const roleFolders: readonly [string, PageRole][] = [
  ['resources', 'resource'],
  ['api', 'api'],
  ['includes/permissions', 'permissions'],
];

/**
 * Finds the version root (the folder holding `resources/` and `api/`): the folder itself, or
 * `api-reference/beta` (then `api-reference/v1.0`) inside a clone of the docs repository.
 */
export function versionRoot(docsDir: string): { root: string; prefix: string } {
  if (!existsSync(docsDir) || !statSync(docsDir).isDirectory()) {
    throw new DocsFolderError(`docs folder ${docsDir} does not exist or is not a folder`);
  }
  for (const prefix of ['api-reference/beta', 'api-reference/v1.0', '']) {
    const root = prefix ? join(docsDir, prefix) : docsDir;
    if (existsSync(join(root, 'resources')) || existsSync(join(root, 'api'))) return { root, prefix };
  }
  throw new DocsFolderError(
    `${docsDir} holds no docs pages: expected api-reference/beta/{resources,api}/*.md (a clone of microsoft-graph-docs-contrib) or resources/ and api/ folders`,
  );
}

/** Reads every markdown page of a docs folder, sorted by path; unreadable and binary files become diagnostics. */
export function readCorpus(docsDir: string, sink: DiagnosticSink): CorpusFile[] {
  const { root, prefix } = versionRoot(docsDir);
  const files: CorpusFile[] = [];
  for (const [folder, role] of roleFolders) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.toLowerCase().endsWith('.md')) continue;
      const path = [prefix, folder, name].filter(Boolean).join('/');
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(dir, name));
      } catch (error) {
        sink.error(
          'page-unreadable',
          `cannot read the page: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          path,
          1,
        );
        continue;
      }
      if (bytes.includes(0)) {
        sink.error(
          'page-binary',
          'the page holds binary data (NUL bytes), not markdown; it is skipped',
          path,
          1,
        );
        continue;
      }
      const text = bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
      if (!text.trim()) {
        sink.warn('page-empty', 'the page is empty; it is skipped', path, 1);
        continue;
      }
      files.push({ path, role, text, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  }
  return files;
}

export type GraphVersion = 'beta' | 'v1.0';

/**
 * The Graph version the pages document: the version folder of a docs clone (`api-reference/v1.0/…`), else the
 * version the pages' example URLs call most (`https://graph.microsoft.com/v1.0/…`), else beta.
 */
export function graphVersionOf(files: readonly CorpusFile[]): GraphVersion {
  const folder = /^api-reference\/(beta|v1\.0)\//.exec(files[0]?.path ?? '')?.[1];
  if (folder === 'beta' || folder === 'v1.0') return folder;
  let beta = 0;
  let v1 = 0;
  for (const f of files)
    for (const m of f.text.matchAll(/https:\/\/graph\.microsoft\.com\/(beta|v1\.0)\//g))
      if (m[1] === 'beta') beta++;
      else v1++;
  return v1 > beta ? 'v1.0' : 'beta';
}
