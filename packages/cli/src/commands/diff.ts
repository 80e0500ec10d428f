import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../io.js';
import { repoRoot } from '../repo.js';
import { loadSpecSource } from '../spec-source.js';
import { UsageError } from '../usage-error.js';

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
        json: { type: 'boolean', default: false },
        markdown: { type: 'string' },
        'fail-on': { type: 'string' },
        ignore: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 2)
      throw new UsageError(`give two sides: sds diff <old> <new> (got ${positionals.length})`);
    const failOn = values['fail-on'];
    if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'any')
      throw new UsageError(`--fail-on takes breaking or any, not '${failOn}'`);
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
        throw new UsageError(`cannot read the ignore file ${ignoreFile}: ${(error as Error).message}`);
      }
    }
    const [oldSide = '', newSide = ''] = positionals.map((p) => userPath(io, p));
    const result = compareSpecs(await loadSpecSource(oldSide), await loadSpecSource(newSide), ignore);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
    if (values.markdown) writeFileSync(userPath(io, values.markdown), renderMarkdown(result));
    if (failOn === 'breaking' && result.summary.breaking > 0) return ExitCode.failed;
    if (failOn === 'any' && result.summary.total > 0) return ExitCode.failed;
    return ExitCode.ok;
  },
};
