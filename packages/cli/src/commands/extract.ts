import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { checkCoverage, emptyWarning } from '../coverage.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../io.js';
import { plural } from '../output.js';
import { progress } from '../progress.js';
import { extractDocsFolder } from '../spec-source.js';

const usage = `Usage: sds extract --docs <dir> [--out <file.yaml>] [--diagnostics <file.json>] [--dump-ir <file.json>] [--summary] [--mute <codes>] [--strict] [--verbose] [--allow-partial]

Derives the OpenAPI spec from Graph docs pages: a clone of microsoft-graph-docs-contrib, or any folder laid out
like api-reference/beta (resources/, api/, includes/permissions/).

  --docs <dir>            docs folder (default: $GRAPH_DOCS_DIR)
  --out <file.yaml>       where to write the spec (default: specs/industrydata/openapi.yaml); docs.lock.json
                          (the pages it came from, with hashes) is written next to it
  --diagnostics <file>    also write the diagnostics as a JSON array of { code, severity, message, file, line }
  --dump-ir <file>        write the intermediate representation (for debugging the extractor)
  --summary               print how many diagnostics of each code were found, not each one
  --mute <codes>          leave out diagnostics of these codes (comma-separated; repeatable), e.g.
                          --mute link-outside-folder,enum-from-description; counted as muted
  --strict                exit 1 when any diagnostic is an error
  --allow-partial         write the spec even when the folder lacks most pages docs.lock.json lists for --out,
                          (refused by default: a partial folder shrinks the spec)
  --verbose               print info diagnostics too
  --json                  print { out, pages, operations, paths, schemas, counts, byCode, muted, diagnostics }

Exit codes: 0 written (warnings allowed), 1 errors under --strict, 2 bad usage.`;

/** Diagnostics per code, most frequent first, then by code (code point order). */
function countByCode(
  diagnostics: readonly { code: string; severity: string }[],
): { code: string; severity: string; count: number }[] {
  const counts = new Map<string, { code: string; severity: string; count: number }>();
  for (const d of diagnostics) {
    const key = `${d.code}\u0000${d.severity}`;
    const entry = counts.get(key) ?? { code: d.code, severity: d.severity, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

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
      summary: { type: 'boolean', default: false },
      mute: { type: 'string', multiple: true, default: [] },
      'allow-partial': { type: 'boolean', default: false },
    });
    const mute = values.mute
      .flatMap((m) => m.split(','))
      .map((m) => m.trim())
      .filter(Boolean);
    // Loaded here, not at the top: `sds --help` should not pay for every stage.
    const { specToYaml } = await import('@sds-toolkit/docs-to-openapi');
    const { countBySeverity, formatDiagnostic } = await import('@sds-toolkit/openapi-model');
    const { learnUrl } = await import('@sds-toolkit/rules');
    const docs = values.docs ?? io.env.GRAPH_DOCS_DIR;
    if (!docs) throw new UsageError('give the docs folder with --docs <dir> (or set GRAPH_DOCS_DIR)');
    const shown = progress(io, values.json);
    shown.step(`extract: reading the docs pages in ${docs}`);
    const { spec, diagnostics, lock, ir, muted } = await extractDocsFolder(userPath(io, docs), mute).finally(
      () => shown.done(),
    );
    const out = userPath(io, values.out ?? 'specs/industrydata/openapi.yaml');
    checkCoverage(out, docs, { lock }, values['allow-partial']);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, specToYaml(spec));
    writeFileSync(join(dirname(out), 'docs.lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    if (values.diagnostics)
      writeFileSync(userPath(io, values.diagnostics), `${JSON.stringify(diagnostics, null, 2)}\n`);
    if (values['dump-ir']) writeFileSync(userPath(io, values['dump-ir']), `${JSON.stringify(ir, null, 2)}\n`);

    const counts = countBySeverity(diagnostics);
    const byCode = countByCode(diagnostics);
    const mutedCount = Object.values(muted).reduce((n, c) => n + c, 0);
    // Each defect with the page a person can open, as well as its file:line in the docs folder.
    const reported = diagnostics
      .filter((d) => values.verbose || d.severity !== 'info')
      .map((d) => ({ ...d, ...(learnUrl(d.file) ? { url: learnUrl(d.file) } : {}) }));
    if (values.json) {
      const summary = {
        out,
        pages: lock.pages.length,
        operations: ir.operations.length,
        paths: Object.keys(spec.paths).length,
        schemas: Object.keys(spec.components.schemas).length,
        counts,
        byCode,
        muted,
        diagnostics: reported,
      };
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      if (values.summary)
        for (const c of byCode)
          io.stderr(`${String(c.count).padStart(5)}  ${c.severity.padEnd(7)}  ${c.code}\n`);
      else for (const d of reported) io.stderr(`${formatDiagnostic(d)}${d.url ? ` (${d.url})` : ''}\n`);
      io.stdout(
        `${plural(lock.pages.length, 'page')} → ${plural(ir.operations.length, 'operation')} on ${plural(Object.keys(spec.paths).length, 'path')}, ` +
          `${plural(Object.keys(spec.components.schemas).length, 'schema')}; written to ${out}\n` +
          `diagnostics: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info` +
          `${mutedCount > 0 ? `, ${mutedCount} muted` : ''}` +
          `${!values.verbose && !values.summary && counts.info > 0 ? ' (--verbose shows info)' : ''}\n`,
      );
      const empty = emptyWarning(docs, lock, spec);
      if (empty) io.stderr(empty);
    }
    return values.strict && counts.error > 0 ? ExitCode.failed : ExitCode.ok;
  },
};
