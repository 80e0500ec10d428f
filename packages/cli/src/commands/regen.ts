import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { checkCoverage } from '../coverage.js';
import { UsageError } from '../errors.js';
import { checkFolderToWrite } from '../files.js';
import { ExitCode } from '../io.js';
import { progress } from '../progress.js';
import { repoRoot } from '../repo.js';
import { extractDocsFolder } from '../spec-source.js';
import { defaultIgnoreFile } from './diff.js';

export const regenCommand: Command = {
  name: 'regen',
  summary: 'after a docs change: re-extract, diff, regenerate the client and write its changeset',
  usage: `Usage: sds regen --docs <dir> [--spec <file>] [--client <dir>] [--changesets <dir>] [--allow-partial]

Re-extracts the spec from the docs, diffs it against the committed one, and when anything changed: writes the
new spec and docs.lock.json, regenerates the client and its JSON Schemas, and writes a changeset for
@sds-toolkit/client with the bump its most severe change implies (breaking: minor while the client is 0.x,
major from 1.0; non-breaking: minor; documentation or docs defects only: patch) and the changelog as its text.
Changes that a docs defect of the new pages explains (a cut table, broken JSON, a missing page) are classified
as docs defects and named: review them before releasing (fix the docs, or accept them in diff-ignore.yaml).
When nothing changed, nothing is written.

  --docs <dir>         the docs folder (default: $GRAPH_DOCS_DIR)
  --spec <file>        default: specs/industrydata/openapi.yaml
  --client <dir>       default: packages/client/src/generated
  --changesets <dir>   default: .changeset
  --allow-partial      go on even when the folder lacks most pages docs.lock.json lists (refused by default:
                       a partial folder would shrink the spec and the client)
  --json               print { changed, spec: { file, breaking, nonBreaking, documentation, docsDefect, total,
                       ignored, verdict }, client, changeset, bump }`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      docs: { type: 'string' },
      spec: { type: 'string' },
      client: { type: 'string' },
      changesets: { type: 'string' },
      'allow-partial': { type: 'boolean', default: false },
    });
    const docs = values.docs ?? io.env.GRAPH_DOCS_DIR;
    if (!docs) throw new UsageError('give the docs folder with --docs <dir> (or set GRAPH_DOCS_DIR)');
    const root = repoRoot();
    const specPath = values.spec ? userPath(io, values.spec) : join(root, 'specs/industrydata/openapi.yaml');
    const clientDir = values.client
      ? checkFolderToWrite(io, values.client, '--client')
      : join(root, 'packages/client/src/generated');
    const changesetDir = values.changesets
      ? checkFolderToWrite(io, values.changesets, '--changesets')
      : join(root, '.changeset');
    const say = (text: string) => {
      if (!values.json) io.stdout(text);
    };
    const { specToYaml } = await import('@sds-toolkit/docs-to-openapi');
    const { compareSpecs, loadIgnore, bumpFor, renderMarkdown } = await import('@sds-toolkit/spec-diff');
    const { parseSpec } = await import('@sds-toolkit/openapi-model');
    const { generate, writeOutput } = await import('@sds-toolkit/generator');

    const shown = progress(io, values.json);
    shown.step(`regen: extracting the spec from the docs in ${docs}`);
    const extraction = await extractDocsFolder(userPath(io, docs)).finally(() => shown.done());
    checkCoverage(specPath, docs, extraction, values['allow-partial']);
    const fresh = specToYaml(extraction.spec);
    const committedText = existsSync(specPath) ? readFileSync(specPath, 'utf8') : undefined;
    if (committedText === fresh) {
      say(`no changes: ${relative(root, specPath) || specPath} already matches the docs; nothing written\n`);
      // The same shape as when something changed (spec an object with its counts), so a script reads one shape.
      if (values.json) {
        const { summarize } = await import('@sds-toolkit/spec-diff');
        const unchanged = {
          changed: false,
          spec: { file: specPath, ...summarize([]).summary },
          client: null,
          changeset: null,
          bump: null,
        };
        io.stdout(`${JSON.stringify(unchanged, null, 2)}\n`);
      }
      return ExitCode.ok;
    }
    const ignore = existsSync(defaultIgnoreFile()) ? loadIgnore(defaultIgnoreFile()) : [];
    const before = committedText
      ? parseSpec(committedText, specPath)
      : { openapi: '3.0.4', info: { title: '', version: '' }, paths: {}, components: { schemas: {} } };
    // The committed spec carries no diagnostics; the fresh extraction's explain the changes its defects cause.
    const result = compareSpecs(before, parseSpec(fresh, 'fresh extraction'), ignore, {
      diagnostics: { after: extraction.diagnostics },
    });

    mkdirSync(join(specPath, '..'), { recursive: true });
    writeFileSync(specPath, fresh);
    writeFileSync(join(specPath, '..', 'docs.lock.json'), `${JSON.stringify(extraction.lock, null, 2)}\n`);
    const source = relative(root, specPath).startsWith('..') ? 'openapi.yaml' : relative(root, specPath);
    const written = writeOutput(generate(fresh, source).files, clientDir);
    say(
      `spec changes: ${result.summary.breaking} breaking, ${result.summary.nonBreaking} non-breaking, ${result.summary.documentation} documentation, ${result.summary.docsDefect} docs defects: ${result.summary.verdict}\n`,
    );
    if (result.summary.docsDefect > 0)
      say(
        `docs defects: ${result.summary.docsDefect} of the changes come from defects of the docs pages, not from the API; review them in the changeset (fix the docs, or accept them in diff-ignore.yaml)\n`,
      );
    say(
      `client files: ${written.added.length} added, ${written.changed.length} changed, ${written.removed.length} removed\n`,
    );

    const clientVersion = (
      JSON.parse(readFileSync(join(root, 'packages/client/package.json'), 'utf8')) as { version: string }
    ).version;
    const bump = bumpFor(result, clientVersion);
    let changeset: string | undefined;
    if (bump) {
      mkdirSync(changesetDir, { recursive: true });
      const name = `spec-${createHash('sha256').update(fresh).digest('hex').slice(0, 10)}.md`;
      const body = renderMarkdown(result, 'Graph docs changes');
      changeset = join(changesetDir, name);
      writeFileSync(changeset, `---\n"@sds-toolkit/client": ${bump}\n---\n\n${body}`);
      say(
        `changeset: ${changeset} (${bump}${result.summary.breaking > 0 && bump === 'minor' ? ': breaking, and the client is 0.x' : ''})\n`,
      );
    } else say('changeset: none (only ignored differences)\n');
    if (values.json)
      io.stdout(
        `${JSON.stringify(
          {
            changed: true,
            spec: { file: specPath, ...result.summary },
            client: { folder: clientDir, ...written },
            changeset: changeset ?? null,
            bump: bump ?? null,
          },
          null,
          2,
        )}\n`,
      );
    return ExitCode.ok;
  },
};
