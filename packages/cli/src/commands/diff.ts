import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, OpenApiDocument } from '@sds-toolkit/openapi-model';
import { oneOf, parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { checkFileToWrite } from '../files.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { type Progress, progress } from '../progress.js';
import { repoRoot } from '../repo.js';
import { extractDocsFolder, loadSpecSource } from '../spec-source.js';

export const defaultIgnoreFile = () => join(repoRoot(), 'specs/industrydata/diff-ignore.yaml');

/** One side of a diff: its spec and, for a docs folder, the folder and the extractor's diagnostics. */
interface Side {
  readonly spec: OpenApiDocument;
  readonly folder?: string;
  readonly diagnostics?: readonly Diagnostic[];
}

async function loadSide(io: CliIO, given: string, shown: Progress): Promise<Side> {
  const path = userPath(io, given);
  if (!existsSync(path)) throw new UsageError(`${given} does not exist: give a spec file or a docs folder`);
  if (!statSync(path).isDirectory()) return { spec: await loadSpecSource(io, given, shown) };
  shown.step(`diff: extracting the spec from the docs in ${given}`);
  const extraction = await extractDocsFolder(path);
  return { spec: extraction.spec, folder: path, diagnostics: extraction.diagnostics };
}

/** The accepted differences: --ignore, else the repository's diff-ignore.yaml when it exists. */
async function ignoreList(io: CliIO, given: string | undefined) {
  const { IgnoreFileError, loadIgnore } = await import('@sds-toolkit/spec-diff');
  const file = given
    ? userPath(io, given)
    : existsSync(defaultIgnoreFile())
      ? defaultIgnoreFile()
      : undefined;
  if (!file) return [];
  try {
    return loadIgnore(file);
  } catch (error) {
    if (error instanceof IgnoreFileError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    const name = given ?? file;
    throw new UsageError(
      code === 'ENOENT'
        ? `the ignore file ${name} does not exist: check the path`
        : code === 'EISDIR'
          ? `the ignore file ${name} is a folder: give a YAML file`
          : `the ignore file ${name} cannot be read: ${(error as Error).message}`,
    );
  }
}

const failLevels = ['breaking', 'non-breaking', 'any'] as const;
const formats = ['text', 'markdown', 'github'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary:
    'classify the changes between two specs or docs folders: breaking, non-breaking, docs defect, documentation',
  usage: `Usage: sds diff <old> <new> [--json | --format text|markdown|github] [--markdown <file>]
                [--fail-on breaking|non-breaking|any] [--ignore <file>]

Each side is an OpenAPI spec file or a docs folder (extracted on the fly). Operations are matched across
revisions by their id, then by the docs pages and request example names they came from, then by method and
path: an operation whose path changed is reported as moved, not removed and added. Every kind of change has a
fixed classification and reason (tools/spec-diff/README.md). With docs folders on both sides, the extractor's
diagnostics are compared too: a change that a docs defect explains (a cut table, broken JSON, a missing page) is
classified docs-defect, not as an API change; a spec file carries no diagnostics, and the output says what that
leaves out.

  --json               print { "changes": [ { classification, kind, location, before, after, message, why,
                       source, defect } ], "summary": { …, verdict }, "defects": { before, after, note } }
  --format <format>    text (default); markdown (a changelog section); github (one annotation per change,
                       ::error file=…,line=…::… for breaking, ::warning for docs defects, ::notice for the rest)
  --markdown <file>    also write the changes as a changelog section
  --fail-on <level>    exit 1 on a breaking change (breaking), on any API change (non-breaking: breaking or
                       non-breaking), or on any change at all (any)
  --ignore <file>      accepted differences: { ignore: [ { kind, location, reason } ] }, * as wildcard
                       (default: specs/industrydata/diff-ignore.yaml when it exists)

Exit codes: 0 (unless --fail-on trips: 1), 2 bad usage.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        markdown: { type: 'string' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        ignore: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 2)
      throw new UsageError(`give two sides: sds diff <old> <new> (got ${positionals.length})`);
    const failOn =
      values['fail-on'] === undefined ? undefined : oneOf('--fail-on', values['fail-on'], failLevels);
    const format = values.format === undefined ? 'text' : oneOf('--format', values.format, formats);
    if (values.json && values.format !== undefined)
      throw new UsageError(`--json and --format ${values.format} both choose the output: give one`);
    const { compareSpecs, renderGithub, renderMarkdown, renderText } = await import('@sds-toolkit/spec-diff');
    const ignore = await ignoreList(io, values.ignore);
    const markdown = values.markdown ? checkFileToWrite(io, values.markdown, '--markdown') : undefined;
    const [oldSide = '', newSide = ''] = positionals;
    for (const side of positionals)
      if (!existsSync(userPath(io, side)))
        throw new UsageError(`${side} does not exist: give a spec file or a docs folder`);
    const shown = progress(io, values.json);
    const [before, after] = await (async () => {
      const a = await loadSide(io, oldSide, shown);
      return [a, await loadSide(io, newSide, shown)] as const;
    })().finally(() => shown.done());
    const result = compareSpecs(before.spec, after.spec, ignore, {
      diagnostics: { before: before.diagnostics, after: after.diagnostics },
    });
    const here = io.env.INIT_CWD ?? io.cwd;
    // Annotations name the page in the side's folder, relative to where the command runs (the workspace in CI).
    const fileOf = (source: { file: string; side: 'before' | 'after' }) => {
      const folder = source.side === 'after' ? after.folder : before.folder;
      return folder ? relative(here, join(folder, source.file)) : source.file;
    };
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (format === 'github') io.stdout(renderGithub(result, fileOf));
    else if (format === 'markdown') io.stdout(renderMarkdown(result));
    else io.stdout(renderText(result));
    if (markdown) writeFileSync(markdown, renderMarkdown(result));
    const s = result.summary;
    if (failOn === 'breaking' && s.breaking > 0) return ExitCode.failed;
    if (failOn === 'non-breaking' && s.breaking + s.nonBreaking > 0) return ExitCode.failed;
    if (failOn === 'any' && s.total > 0) return ExitCode.failed;
    return ExitCode.ok;
  },
};
