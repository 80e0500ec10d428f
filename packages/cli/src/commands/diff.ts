import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneOf, parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { checkFileToWrite } from '../files.js';
import { ExitCode } from '../io.js';
import { progress } from '../progress.js';
import { repoRoot } from '../repo.js';
import { loadSpecSource } from '../spec-source.js';

export const defaultIgnoreFile = () => join(repoRoot(), 'specs/industrydata/diff-ignore.yaml');

export const diffCommand: Command = {
  name: 'diff',
  summary: 'classify the changes between two specs (or docs folders): breaking, non-breaking, documentation',
  usage: `Usage: sds diff <old> <new> [--json] [--markdown <file>] [--fail-on breaking|any] [--ignore <file>]

Each side is an OpenAPI spec file or a docs folder (extracted on the fly). Operations are matched across
revisions by their id, then by the docs pages and request example names they came from, then by method and
path: an operation whose path changed is reported as moved, not removed and added.

  --json               print { "changes": [ { classification, kind, location, before, after, message } ], "summary": { … } }
  --markdown <file>    also write the changes as a changelog section
  --fail-on <level>    exit 1 when a change is breaking (breaking) or when there is any change (any)
  --ignore <file>      accepted differences: { ignore: [ { kind, location, reason } ] }, * as wildcard
                       (default: specs/industrydata/diff-ignore.yaml when it exists)

Exit codes: 0 (unless --fail-on trips: 1), 2 bad usage.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        markdown: { type: 'string' },
        'fail-on': { type: 'string' },
        ignore: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 2)
      throw new UsageError(`give two sides: sds diff <old> <new> (got ${positionals.length})`);
    const failOn =
      values['fail-on'] === undefined
        ? undefined
        : oneOf('--fail-on', values['fail-on'], ['breaking', 'any']);
    const { compareSpecs, IgnoreFileError, loadIgnore, renderMarkdown, renderText } = await import(
      '@sds-toolkit/spec-diff'
    );
    const ignoreFile = values.ignore
      ? userPath(io, values.ignore)
      : existsSync(defaultIgnoreFile())
        ? defaultIgnoreFile()
        : undefined;
    let ignore: ReturnType<typeof loadIgnore> = [];
    if (ignoreFile) {
      try {
        ignore = loadIgnore(ignoreFile);
      } catch (error) {
        if (error instanceof IgnoreFileError) throw new UsageError(error.message);
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(
          code === 'ENOENT'
            ? `the ignore file ${values.ignore ?? ignoreFile} does not exist: check the path`
            : code === 'EISDIR'
              ? `the ignore file ${values.ignore ?? ignoreFile} is a folder: give a YAML file`
              : `the ignore file ${values.ignore ?? ignoreFile} cannot be read: ${(error as Error).message}`,
        );
      }
    }
    const markdown = values.markdown ? checkFileToWrite(io, values.markdown, '--markdown') : undefined;
    const [oldSide = '', newSide = ''] = positionals;
    for (const side of positionals)
      if (!existsSync(userPath(io, side)))
        throw new UsageError(`${side} does not exist: give a spec file or a docs folder`);
    const shown = progress(io, values.json);
    const result = await (async () => {
      const before = await loadSpecSource(io, oldSide, shown);
      return compareSpecs(before, await loadSpecSource(io, newSide, shown), ignore);
    })().finally(() => shown.done());
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
    if (markdown) writeFileSync(markdown, renderMarkdown(result));
    if (failOn === 'breaking' && result.summary.breaking > 0) return ExitCode.failed;
    if (failOn === 'any' && result.summary.total > 0) return ExitCode.failed;
    return ExitCode.ok;
  },
};
