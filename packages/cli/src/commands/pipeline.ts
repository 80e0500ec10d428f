import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, OpenApiDocument, SchemaObject } from '@sds-toolkit/openapi-model';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { partialFolder, shortfallWords } from '../coverage.js';
import { UsageError } from '../errors.js';
import { checkFolderToWrite } from '../files.js';
import { type CliIO, ExitCode } from '../io.js';
import { paint, plural } from '../output.js';
import { progress } from '../progress.js';
import { repoRoot } from '../repo.js';
import { extractDocsFolder } from '../spec-source.js';
import { defaultIgnoreFile } from './diff.js';
import { readBenchmarks } from './pipeline-bench.js';
import { contractsOf, scenariosFolder } from './pipeline-contracts.js';
import { renderPage } from './pipeline-html.js';
import { reportJson } from './pipeline-json.js';
import {
  type Defect,
  type LinkBase,
  type PipelineReport,
  pipelineMarkdown,
  type StageSummary,
  stagesHeadline,
  summaryLine,
} from './pipeline-report.js';

const usage = `Usage: sds pipeline [--docs <dir>] [--report <dir>] [--skip-contracts] [--scenarios <dir>] [--json]

The main job, docs to verified contracts, stage by stage:
  1. extract the spec from the docs (--docs, or $GRAPH_DOCS_DIR; without one, the committed spec is used);
     a folder lacking most pages the committed spec came from fails this stage
  2. diff it against the committed spec (breaking / non-breaking / documentation / docs defect: a change
     the folder's docs defects explain is not an API change)
  3. regenerate the client and schemas and check they match what is committed
  4. validate every example payload of the spec with the rules (failing request examples are reported with
     the page they come from: they are docs defects, so they warn rather than fail)
  5. run the consumer contract tests and verify them against the simulator
  6. write reports/pipeline.md, and reports/pipeline.html rendered from it: a one-line summary, the stages
     with their durations, docs defects by code (each with its page on learn.microsoft.com and its line),
     the diff, the behaviour matrix, benchmark figures with missed targets marked and a chart of the ratios

  --report <dir>      where to write the report (default: reports/)
  --skip-contracts    leave out stage 5 (about a minute)
  --scenarios <dir>   stage 5 plays these scenario files instead of the simulator's own
  --json              print what the report shows as JSON (stages and durations, defects, behaviours, …)

Exit code: 0 when every stage passed (warnings allowed), 1 when one failed, 2 bad usage.`;

interface Context {
  readonly io: CliIO;
  readonly root: string;
  readonly committedPath: string;
  readonly scenarios: string | undefined;
  /** Shows what a long stage is doing now (on a terminal only). */
  readonly progress: (text: string) => void;
  spec?: OpenApiDocument;
  specText?: string;
  source?: string;
  docsDir?: string;
  /** The extractor's diagnostics of the docs folder (none when the committed spec is used). */
  diagnostics?: readonly Diagnostic[];
  defects: Defect[];
  diff: PipelineReport['diff'];
  contracts?: PipelineReport['contracts'];
}

type Stage = (ctx: Context) => Promise<Omit<StageSummary, 'name' | 'durationMs'>>;

/** `api-reference/beta/api/x.md#L52`, as the spec records an example's source, as a file and a line. */
const sourceOf = (source: string | undefined) => {
  const m = /^(.*?)(?:#L(\d+))?$/.exec(source ?? '');
  return { file: m?.[1] ?? '', line: Number(m?.[2] ?? 0) };
};

const stages: readonly [string, Stage][] = [
  [
    'extract',
    async (ctx) => {
      const docs = ctx.io.env.GRAPH_DOCS_DIR;
      const { loadSpec } = await import('@sds-toolkit/openapi-model');
      if (!docs) {
        ctx.spec = loadSpec(ctx.committedPath);
        ctx.specText = readFileSync(ctx.committedPath, 'utf8');
        ctx.source = relative(ctx.root, ctx.committedPath);
        return {
          status: 'skipped',
          summary: `no docs folder (--docs or GRAPH_DOCS_DIR): using the committed spec ${ctx.source}`,
          details: [],
        };
      }
      const { specToYaml } = await import('@sds-toolkit/docs-to-openapi');
      const { countBySeverity, parseSpec } = await import('@sds-toolkit/openapi-model');
      ctx.docsDir = userPath(ctx.io, docs);
      const extraction = await extractDocsFolder(ctx.docsDir);
      ctx.specText = specToYaml(extraction.spec);
      ctx.spec = parseSpec(ctx.specText, 'extracted spec');
      ctx.source = `extracted from ${docs} (${extraction.lock.pages.length} pages)`;
      ctx.diagnostics = extraction.diagnostics;
      ctx.defects.push(
        ...extraction.diagnostics
          .filter((d) => d.severity !== 'info')
          .map(({ code, severity, message, file, line }) => ({ code, severity, message, file, line })),
      );
      const counts = countBySeverity(extraction.diagnostics);
      const summary = `${plural(extraction.lock.pages.length, 'page')} → ${plural(extraction.ir.operations.length, 'operation')}; ${counts.error} errors, ${counts.warning} docs defects (warnings)`;
      // A few pages copied out of a docs clone extract cleanly: what follows would compare a fraction of the spec.
      const shortfall = partialFolder(ctx.committedPath, extraction);
      if (shortfall)
        return {
          status: 'failed',
          summary: `${docs} ${shortfallWords({ ...shortfall, lockFile: relative(ctx.root, shortfall.lockFile) }, relative(ctx.root, ctx.committedPath))}: the stages below compare a part of the spec; give the whole folder (a docs clone, or its api-reference/beta). ${summary}`,
          details: [],
        };
      return { status: counts.error > 0 ? 'failed' : 'passed', summary, details: [] };
    },
  ],
  [
    'diff',
    async (ctx) => {
      const { compareSpecs, loadIgnore } = await import('@sds-toolkit/spec-diff');
      const { loadSpec } = await import('@sds-toolkit/openapi-model');
      const ignore = existsSync(defaultIgnoreFile()) ? loadIgnore(defaultIgnoreFile()) : [];
      // As `sds regen`: the committed spec carries no diagnostics; the docs folder's defects explain the changes
      // they cause (a cut table, a page without its request line), which are docs defects, not API changes.
      const result = compareSpecs(loadSpec(ctx.committedPath), ctx.spec as OpenApiDocument, ignore, {
        diagnostics: ctx.diagnostics ? { after: ctx.diagnostics } : {},
      });
      ctx.diff = result.changes;
      const s = result.summary;
      return {
        status: s.breaking > 0 ? 'warning' : 'passed',
        summary:
          s.total === 0
            ? 'no changes against the committed spec'
            : `${s.breaking} breaking, ${s.nonBreaking} non-breaking, ${s.documentation} documentation changes, ${s.docsDefect} docs defects: run \`pnpm sds regen --docs <dir>\``,
        // Every change: the terminal shows the first few and counts the rest ("… 135 more in the report").
        details: result.changes.map((c) => `${c.classification}: ${c.message}`),
      };
    },
  ],
  [
    'generate',
    async (ctx) => {
      const { compareOutput, generate } = await import('@sds-toolkit/generator');
      const generated = generate(ctx.specText as string, 'specs/industrydata/openapi.yaml');
      const difference = compareOutput(generated.files, join(ctx.root, 'packages/client/src/generated'));
      const stale = [...difference.added, ...difference.changed, ...difference.removed];
      return stale.length === 0
        ? {
            status: 'passed',
            summary: `${generated.files.size} generated files match packages/client/src/generated`,
            details: [],
          }
        : {
            status: 'failed',
            summary: `${stale.length} generated files differ from what is committed: run \`pnpm sds generate\``,
            details: stale,
          };
    },
  ],
  [
    'examples',
    async (ctx) => {
      const { defaultValidator, loadWireSchemas, SchemaLayer } = await import('@sds-toolkit/rules');
      const validator = defaultValidator();
      const layer = new SchemaLayer(loadWireSchemas(), validator.catalogue);
      const failures: Defect[] = [];
      let checked = 0;
      type Example = { value: unknown; 'x-docs-source'?: string };
      type Media = { schema?: SchemaObject; examples?: Record<string, Example> };
      type Operation = {
        operationId: string;
        requestBody?: { content: Record<string, Media> };
        responses: Record<string, { content?: Record<string, Media> }>;
      };
      for (const item of Object.values((ctx.spec as OpenApiDocument).paths)) {
        for (const [method, raw] of Object.entries(item)) {
          if (method === 'parameters' || typeof raw !== 'object' || !raw || !('operationId' in raw)) continue;
          const op = raw as Operation;
          const operation = validator.catalogue.find(op.operationId);
          for (const [name, example] of Object.entries(
            op.requestBody?.content['application/json']?.examples ?? {},
          )) {
            checked++;
            const errors = operation
              ? validator.validate(operation, example.value).filter((d) => d.severity === 'error')
              : [];
            if (errors.length > 0)
              failures.push({
                code: 'invalid-request-example',
                severity: 'warning',
                message: `request example ${name} of ${op.operationId}: ${errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`,
                ...sourceOf(example['x-docs-source']),
              });
          }
          for (const [status, response] of Object.entries(op.responses)) {
            const schema = response.content?.['application/json']?.schema;
            const ref = schema?.$ref ?? schema?.oneOf?.[0]?.$ref;
            const type = ref && !schema?.oneOf ? ref.split('/').pop() : operation?.requestType;
            for (const [name, example] of Object.entries(
              response.content?.['application/json']?.examples ?? {},
            )) {
              checked++;
              if (!type || schema?.properties?.value) continue; // collections: their items are checked by the contract tests
              const { '@odata.context': _context, ...body } = example.value as Record<string, unknown>;
              const errors = layer.check(type, body);
              if (errors.length > 0)
                failures.push({
                  code: 'invalid-response-example',
                  severity: 'warning',
                  message: `response ${status} example ${name} of ${op.operationId}: ${errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`,
                  ...sourceOf(example['x-docs-source']),
                });
            }
          }
        }
      }
      ctx.defects.push(...failures);
      return {
        status: failures.length > 0 ? 'warning' : 'passed',
        summary: `${checked} example payloads checked, ${failures.length} do not pass (docs defects: listed with their page under Documentation defects)`,
        details: failures.map((f) => `${f.file}:${f.line}: ${f.message}`),
      };
    },
  ],
  [
    'contracts',
    async (ctx) => {
      const { runContracts } = await import('@sds-toolkit/contract-tests');
      const run = await runContracts({
        ...(ctx.scenarios ? { scenariosDir: ctx.scenarios } : {}),
        onSuite: (name, done) => {
          if (!done) ctx.progress(`  5. contracts … ${name}`);
        },
      });
      ctx.contracts = contractsOf(run);
      const { passed, failed } = run.counts;
      return {
        status: run.ok ? 'passed' : 'failed',
        summary: `${run.suites.map((p) => `${p.name} ${p.passed}/${p.passed + p.failed + p.notRun}`).join(', ')}; ${passed} of ${run.results.length} documented behaviours verified${failed > 0 ? `, ${failed} failed` : ''}${run.counts['not run'] > 0 ? `, ${run.counts['not run']} not run` : ''}`,
        details: [
          ...run.suites.flatMap((p) => p.failures.map((f) => `${p.name}: ${f}`)),
          ...run.results
            .filter((r) => r.outcome !== 'passed')
            .map(
              (r) =>
                `${r.behaviour.id}: ${r.outcome} (${r.verifiers
                  .filter((v) => v.outcome !== 'passed')
                  .map((v) => `${v.kind} "${v.ref}"${v.why ? `: ${v.why}` : ''}`)
                  .join('; ')})`,
            ),
        ],
      };
    },
  ],
];

/** Details a stage shows on the terminal; the report has them all. */
const shownDetails = 5;

/** A finished stage on the terminal: its line, its first details, and how many more the report holds. */
export function stageLines(
  index: number,
  stage: StageSummary,
  colour: (text: string) => string = String,
): string {
  const lines = [
    `  ${index + 1}. ${stage.name} … ${colour(stage.status)} (${(stage.durationMs / 1000).toFixed(1)} s): ${stage.summary}`,
    ...stage.details.slice(0, shownDetails).map((d) => `       ${d.split('\n')[0]}`),
    ...(stage.details.length > shownDetails
      ? [`       … ${stage.details.length - shownDetails} more in the report`]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

export const pipelineCommand: Command = {
  name: 'pipeline',
  summary: 'run the whole chain: docs → spec → client → rules → simulator → contracts → report',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      docs: { type: 'string' },
      report: { type: 'string' },
      'skip-contracts': { type: 'boolean', default: false },
      scenarios: { type: 'string' },
    });
    const root = repoRoot();
    const reportDir = values.report
      ? checkFolderToWrite(io, values.report, '--report')
      : join(root, 'reports');
    const scenarios = scenariosFolder(io, values.scenarios);
    const env = { ...io.env, ...(values.docs ? { GRAPH_DOCS_DIR: values.docs } : {}) };
    const say = (text: string) => {
      if (!values.json) io.stdout(text);
    };
    const shown = progress(io, values.json);
    const ctx: Context = {
      io: { ...io, env },
      root,
      committedPath: join(root, 'specs/industrydata/openapi.yaml'),
      scenarios,
      progress: (text) => shown.step(text),
      defects: [],
      diff: [],
    };
    const { red, yellow, green } = paint(io, 'stdout');
    const statusColour = { passed: green, failed: red, warning: yellow, skipped: String } as const;
    say('sds pipeline\n');
    const results: StageSummary[] = [];
    for (const [index, [name, stage]] of stages.entries()) {
      if (name === 'contracts' && values['skip-contracts']) {
        results.push({
          name,
          status: 'skipped',
          summary: 'skipped (--skip-contracts)',
          details: [],
          durationMs: 0,
        });
        say(`  ${index + 1}. ${name}: skipped (--skip-contracts)\n`);
        continue;
      }
      // The stage's line is printed whole when it ends; while it runs, a terminal shows it as progress.
      shown.step(`  ${index + 1}. ${name} …`);
      const started = performance.now();
      let result: Omit<StageSummary, 'name' | 'durationMs'>;
      try {
        result = await stage(ctx);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        result = { status: 'failed', summary: `failed: ${(error as Error).message}`, details: [] };
      } finally {
        shown.done();
      }
      const durationMs = performance.now() - started;
      results.push({ name, ...result, durationMs });
      say(stageLines(index, { name, ...result, durationMs }, statusColour[result.status]));
      if (result.status === 'failed' && !ctx.spec) {
        // Without a spec the later stages cannot run; they are listed as such, so that the headline counts
        // every stage ("1 of 6 stages failed (extract); 5 skipped"), not only those that ran.
        for (const [later, [laterName]] of stages.entries()) {
          if (later <= index) continue;
          results.push({
            name: laterName,
            status: 'skipped',
            summary: `not run: the ${name} stage failed, so there is no spec`,
            details: [],
            durationMs: 0,
          });
          say(`  ${later + 1}. ${laterName}: skipped (no spec)
`);
        }
        break;
      }
    }
    const spec = ctx.spec;
    const written = { markdown: join(reportDir, 'pipeline.md'), html: join(reportDir, 'pipeline.html') };
    const reportStarted = performance.now();
    const draft: PipelineReport = {
      stages: results,
      spec: {
        source: ctx.source ?? 'none',
        paths: spec ? Object.keys(spec.paths).length : 0,
        operations: spec
          ? Object.values(spec.paths).reduce(
              (n, item) => n + Object.keys(item).filter((k) => k !== 'parameters').length,
              0,
            )
          : 0,
        schemas: spec ? Object.keys(spec.components.schemas).length : 0,
      },
      defects: ctx.defects,
      diff: ctx.diff,
      ...(ctx.contracts ? { contracts: ctx.contracts } : {}),
      benchmarks: readBenchmarks(root),
    };
    const base: LinkBase = { reportDir, root, ...(ctx.docsDir ? { docsDir: ctx.docsDir } : {}) };
    // The report stage is timed up to the markdown; writing two files adds nothing worth measuring.
    const reportStage: StageSummary = {
      name: 'report',
      status: 'passed',
      summary: `written to ${reportDir.startsWith(root) ? relative(root, reportDir) || '.' : reportDir}`,
      details: [],
      durationMs: performance.now() - reportStarted,
    };
    const report: PipelineReport = { ...draft, stages: [...results, reportStage] };
    const markdown = pipelineMarkdown(report, base);
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(written.markdown, markdown);
    writeFileSync(written.html, renderPage(markdown, 'sds pipeline report'));
    const failed = results.filter((r) => r.status === 'failed').map((r) => r.name);
    if (values.json) {
      io.stdout(`${JSON.stringify(reportJson(report, summaryLine(report), written), null, 2)}\n`);
    } else {
      say(`  6. report: ${written.markdown}\n            ${written.html}\n`);
      // The report's headline, told the same way: a stage that warned or was skipped is not "every stage passed".
      say(
        failed.length === 0
          ? `pipeline: ${stagesHeadline(report.stages).replaceAll('**', '')}\n`
          : `pipeline: FAILED in ${failed.join(', ')}\n`,
      );
    }
    return failed.length === 0 ? ExitCode.ok : ExitCode.failed;
  },
};
