import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../io.js';
import { extractDocsFolder } from '../spec-source.js';
import { UsageError } from '../usage-error.js';

const usage = `Usage: sds extract --docs <dir> [--out <file.yaml>] [--diagnostics <file.json>] [--dump-ir <file.json>] [--strict] [--verbose]

Derives the OpenAPI spec from Graph docs pages: a clone of microsoft-graph-docs-contrib, or any folder laid out
like api-reference/beta (resources/, api/, includes/permissions/).

  --docs <dir>            docs folder (default: $GRAPH_DOCS_DIR)
  --out <file.yaml>       where to write the spec (default: specs/industrydata/openapi.yaml); docs.lock.json
                          (the pages it came from, with hashes) is written next to it
  --diagnostics <file>    also write the diagnostics as a JSON array of { code, severity, message, file, line }
  --dump-ir <file>        write the intermediate representation (for debugging the extractor)
  --strict                exit 1 when any diagnostic is an error
  --verbose               print info diagnostics too

Exit codes: 0 written (warnings allowed), 1 errors under --strict, 2 bad usage.`;

export const extractCommand: Command = {
  name: 'extract',
  summary: 'derive the OpenAPI spec from Graph docs pages, reporting every docs defect',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      docs: { type: 'string' },
      out: { type: 'string' },
      diagnostics: { type: 'string' },
      'dump-ir': { type: 'string' },
      strict: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    });
    // Loaded here, not at the top: `sds --help` should not pay for every stage.
    const { specToYaml } = await import('@sds-toolkit/docs-to-openapi');
    const { countBySeverity, formatDiagnostic } = await import('@sds-toolkit/openapi-model');
    const docs = values.docs ?? io.env.GRAPH_DOCS_DIR;
    if (!docs) throw new UsageError('give the docs folder with --docs <dir> (or set GRAPH_DOCS_DIR)');
    const { spec, diagnostics, lock, ir } = await extractDocsFolder(userPath(io, docs));
    const out = userPath(io, values.out ?? 'specs/industrydata/openapi.yaml');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, specToYaml(spec));
    writeFileSync(join(dirname(out), 'docs.lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    if (values.diagnostics)
      writeFileSync(userPath(io, values.diagnostics), `${JSON.stringify(diagnostics, null, 2)}\n`);
    if (values['dump-ir']) writeFileSync(userPath(io, values['dump-ir']), `${JSON.stringify(ir, null, 2)}\n`);

    for (const d of diagnostics)
      if (values.verbose || d.severity !== 'info') io.stderr(`${formatDiagnostic(d)}\n`);
    const counts = countBySeverity(diagnostics);
    io.stdout(
      `${lock.pages.length} pages → ${ir.operations.length} operations on ${Object.keys(spec.paths).length} paths, ` +
        `${Object.keys(spec.components.schemas).length} schemas; written to ${out}\n` +
        `diagnostics: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info` +
        `${!values.verbose && counts.info > 0 ? ' (--verbose shows info)' : ''}\n`,
    );
    return values.strict && counts.error > 0 ? ExitCode.failed : ExitCode.ok;
  },
};
