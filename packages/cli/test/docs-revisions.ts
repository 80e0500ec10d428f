import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/index.js';
import { captureIO } from './capture.js';

/**
 * Docs revisions for the diff tests: test/fixtures/docs-revisions holds small docs pages written for this
 * project (a widget, a gizmo that inherits from it, an enum page, a list, an update and an action); a revision
 * is a copy of them with edits applied, as a docs commit would make them.
 */
export const fixture = fileURLToPath(new URL('./fixtures/docs-revisions/', import.meta.url));

const root = mkdtempSync(join(tmpdir(), 'sds-revisions-'));
export const work = { root, remove: () => rmSync(root, { recursive: true, force: true }) };

/** A page's new text: a function of the old one, the whole text, or null to delete the page. */
export type Edit = ((text: string) => string) | string | null;
export type Edits = Readonly<Record<string, Edit>>;

/** Replaces text that must be there: an edit that silently changes nothing would make a case pass for nothing. */
export const replace =
  (from: string | RegExp, to: string) =>
  (text: string): string => {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`the page has no ${String(from)}`);
    return next;
  };

export const all =
  (...edits: ((text: string) => string)[]) =>
  (text: string) =>
    edits.reduce((t, e) => e(t), text);

let folders = 0;
/** The pages of `from` (the fixture by default) with edits applied, in a folder of their own. */
export function revision(edits: Edits = {}, from = fixture): string {
  const dir = join(root, `r${folders++}`);
  cpSync(from, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    if (edit === null) rmSync(path);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(
        path,
        typeof edit === 'string' ? edit : edit(existsSync(path) ? readFileSync(path, 'utf8') : ''),
      );
    }
  }
  return dir;
}

export interface DiffJson {
  changes: {
    classification: string;
    kind: string;
    location: string;
    before: unknown;
    after: unknown;
    message: string;
    why: string;
    source: { file: string; line: number; side: string } | null;
    defect: { code: string; side: string; apparent: string } | null;
  }[];
  summary: Record<string, number | string>;
  defects: { before: boolean; after: boolean; note: string };
}

/** `sds diff <args> --json`, which must succeed. */
export async function diffJson(...args: string[]): Promise<DiffJson> {
  const io = captureIO();
  const code = await main(['diff', ...args, '--json'], io);
  if (code !== 0) throw new Error(`sds diff exited ${code}: ${io.err}`);
  return JSON.parse(io.out) as DiffJson;
}
