import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../io.js';
import { findKiota } from '../kiota-engine.js';
import { repoRoot } from '../repo.js';
import { UsageError } from '../usage-error.js';

const usage = `Usage: sds generate [--spec <file>] [--out <dir>] [--check] [--engine builtin|kiota] [--dump-ir <file>]

Generates the Kiota-shaped TypeScript client (models, request builders) and its JSON Schemas from the spec.

  --spec <file>     OpenAPI spec (default: specs/industrydata/openapi.yaml)
  --out <dir>       output folder (default: packages/client/src/generated); files no longer generated are removed
  --check           write nothing; exit 1 and list the files that differ when the folder is not up to date
  --engine <name>   builtin (default), or kiota: runs a \`kiota\` binary found on PATH
  --dump-ir <file>  write the generator's IR (model graph and resource tree) as JSON

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
    // Loaded here, not at the top: the generator brings the TypeScript compiler.
    const { compareOutput, GeneratorInputError, generate, writeOutput } = await import(
      '@sds-toolkit/generator'
    );
    const { SpecLoadError } = await import('@sds-toolkit/openapi-model');
    const root = repoRoot();
    const specPath = values.spec ? userPath(io, values.spec) : `${root}/specs/industrydata/openapi.yaml`;
    const outDir = values.out ? userPath(io, values.out) : `${root}/packages/client/src/generated`;
    if (values.engine === 'kiota') {
      const kiota = findKiota(io.env.PATH ?? '');
      if (!kiota) {
        io.stderr(
          'sds generate: the kiota engine is unavailable: no `kiota` binary on PATH. Its npm wrapper downloads the binary at run time, which this machine cannot do; use the builtin engine (the default).\n',
        );
        return ExitCode.failed;
      }
      io.stderr(
        `sds generate: running ${kiota} (its output is Kiota's own; --check and JSON Schemas apply to the builtin engine only)\n`,
      );
      const { spawnSync } = await import('node:child_process');
      const result = spawnSync(
        kiota,
        ['generate', '-l', 'typescript', '-d', specPath, '-o', outDir, '-c', 'IndustryDataApiClient'],
        { stdio: 'inherit' },
      );
      return result.status === 0 ? ExitCode.ok : ExitCode.failed;
    }
    if (values.engine !== 'builtin')
      throw new UsageError(`unknown engine '${values.engine}' (builtin or kiota)`);
    if (!existsSync(specPath)) throw new UsageError(`spec file ${specPath} does not exist`);
    let generated: ReturnType<typeof generate>;
    try {
      const source = relative(root, specPath).startsWith('..')
        ? (specPath.split('/').pop() ?? 'openapi.yaml')
        : relative(root, specPath);
      generated = generate(readFileSync(specPath, 'utf8'), source);
    } catch (error) {
      if (error instanceof SpecLoadError || error instanceof GeneratorInputError) {
        io.stderr(`sds generate: ${error.message}\n`);
        return ExitCode.failed;
      }
      throw error;
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
      if (stale.length === 0) {
        io.stdout(`up to date: ${generated.files.size} files in ${outDir}\n`);
        return ExitCode.ok;
      }
      io.stderr(
        `sds generate --check: ${outDir} is not what the spec generates; run \`pnpm sds generate\`:\n${stale.map((s) => `  ${s}\n`).join('')}`,
      );
      return ExitCode.failed;
    }
    const difference = writeOutput(generated.files, outDir);
    io.stdout(
      `${generated.files.size} files in ${outDir}: ${difference.added.length} added, ${difference.changed.length} changed, ${difference.removed.length} removed\n`,
    );
    return ExitCode.ok;
  },
};
