import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { oneOf, parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { FailedError, UsageError } from '../errors.js';
import { ExitCode } from '../io.js';
import { findKiota } from '../kiota-engine.js';
import { plural } from '../output.js';
import { progress } from '../progress.js';
import { repoRoot } from '../repo.js';

const usage = `Usage: sds generate [--spec <file>] [--out <dir>] [--check] [--engine builtin|kiota] [--dump-ir <file>]

Generates the Kiota-shaped TypeScript client (models, request builders) and its JSON Schemas from the spec.

  --spec <file>     OpenAPI spec (default: specs/industrydata/openapi.yaml)
  --out <dir>       output folder (default: packages/client/src/generated); files no longer generated are removed
  --check           write nothing; exit 1 and list the files that differ when the folder is not up to date
  --engine <name>   builtin (default), or kiota: runs a \`kiota\` binary found on PATH
  --dump-ir <file>  write the generator's IR (model graph and resource tree) as JSON
  --json            print { out, files, added, changed, removed } (with --check: { upToDate, … })

Exit codes: 0 done (or up to date), 1 out of date under --check or generation failed, 2 bad usage.`;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'generate the TypeScript client and JSON Schemas from the spec',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      spec: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
      engine: { type: 'string', default: 'builtin' },
      'dump-ir': { type: 'string' },
    });
    const engine = oneOf('--engine', values.engine, ['builtin', 'kiota']);
    const root = repoRoot();
    const specPath = values.spec ? userPath(io, values.spec) : `${root}/specs/industrydata/openapi.yaml`;
    const outDir = values.out ? userPath(io, values.out) : `${root}/packages/client/src/generated`;
    if (!existsSync(specPath)) throw new UsageError(`the spec ${values.spec ?? specPath} does not exist`);
    if (statSync(specPath).isDirectory())
      throw new UsageError(`the spec ${values.spec ?? specPath} is a folder: give the OpenAPI file`);
    if (existsSync(outDir) && !statSync(outDir).isDirectory())
      throw new UsageError(`--out ${values.out} is a file: give a folder`);
    if (engine === 'kiota') {
      const kiota = findKiota(io.env.PATH ?? '');
      if (!kiota)
        throw new FailedError(
          'the kiota engine is unavailable: no `kiota` binary on PATH (its npm wrapper downloads the binary at run time, which this machine cannot do); use the builtin engine, the default',
        );
      io.stderr(
        `sds generate: running ${kiota} (its output is Kiota's own; --check and JSON Schemas apply to the builtin engine only)\n`,
      );
      const { spawnSync } = await import('node:child_process');
      const result = spawnSync(
        kiota,
        ['generate', '-l', 'typescript', '-d', specPath, '-o', outDir, '-c', 'IndustryDataApiClient'],
        { stdio: values.json ? ['ignore', 'ignore', 'inherit'] : 'inherit' },
      );
      if (result.status !== 0) throw new FailedError(`kiota exited with ${result.status ?? result.signal}`);
      if (values.json) io.stdout(`${JSON.stringify({ out: outDir, engine }, null, 2)}\n`);
      return ExitCode.ok;
    }
    const shown = progress(io, values.json);
    shown.step(`generate: loading the generator and generating from ${values.spec ?? 'the committed spec'}`);
    // Loaded here, not at the top: the generator brings the TypeScript compiler.
    const { compareOutput, GeneratorInputError, generate, writeOutput } = await import(
      '@sds-toolkit/generator'
    );
    const { SpecLoadError } = await import('@sds-toolkit/openapi-model');
    let generated: ReturnType<typeof generate>;
    try {
      const source = relative(root, specPath).startsWith('..')
        ? (specPath.split('/').pop() ?? 'openapi.yaml')
        : relative(root, specPath);
      generated = generate(readFileSync(specPath, 'utf8'), source);
    } catch (error) {
      // A file that is not an OpenAPI document is wrong input (exit 2, as in `sds diff`); a document the
      // generator cannot generate from is a failure of the work.
      if (error instanceof SpecLoadError) throw new UsageError(error.message);
      if (error instanceof GeneratorInputError) throw new FailedError(error.message);
      throw error;
    } finally {
      shown.done();
    }
    if (values['dump-ir'])
      writeFileSync(userPath(io, values['dump-ir']), `${JSON.stringify(generated.ir, null, 2)}\n`);
    if (values.check) {
      const difference = compareOutput(generated.files, outDir);
      const stale = [
        ...difference.added.map((f) => `missing  ${f}`),
        ...difference.changed.map((f) => `changed  ${f}`),
        ...difference.removed.map((f) => `extra    ${f}`),
      ];
      if (values.json)
        io.stdout(
          `${JSON.stringify({ upToDate: stale.length === 0, out: outDir, files: generated.files.size, missing: difference.added, changed: difference.changed, extra: difference.removed }, null, 2)}\n`,
        );
      if (stale.length === 0) {
        if (!values.json) io.stdout(`up to date: ${plural(generated.files.size, 'file')} in ${outDir}\n`);
        return ExitCode.ok;
      }
      // The command to run is this one without --check: the same --spec and --out, or it would fix another folder.
      const shell = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
      const again = [
        'pnpm sds generate',
        ...args.filter((a) => a !== '--check' && a !== '--json').map(shell),
      ];
      io.stderr(
        `sds generate --check: ${outDir} is not what the spec generates; run \`${again.join(' ')}\`:\n${stale.map((s) => `  ${s}\n`).join('')}`,
      );
      return ExitCode.failed;
    }
    const difference = writeOutput(generated.files, outDir);
    io.stdout(
      values.json
        ? `${JSON.stringify({ out: outDir, files: generated.files.size, ...difference }, null, 2)}\n`
        : `${plural(generated.files.size, 'file')} in ${outDir}: ${difference.added.length} added, ${difference.changed.length} changed, ${difference.removed.length} removed\n`,
    );
    return ExitCode.ok;
  },
};
