import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { checkFolderToWrite } from '../files.js';
import { ExitCode } from '../io.js';
import { paint } from '../output.js';
import { progress } from '../progress.js';
import { repoRoot } from '../repo.js';
import { contractsOf, scenariosFolder } from './pipeline-contracts.js';
import { renderPage } from './pipeline-html.js';
import { contractsMarkdown } from './pipeline-report.js';

export const contractsCommand: Command = {
  name: 'contracts',
  summary: 'run the Pact consumer tests and verify them against the simulator; write the coverage report',
  usage: `Usage: sds contracts [--report <dir>] [--scenarios <dir>] [--can-i-deploy <environment>] [--json]

Runs, through vitest's Node API: the consumer contract tests (the generated client against Pact's mock server),
the provider verification of the pact against the simulator (started on a free port), the simulator's scenario
files step by step, the rules' table tests and the behaviour catalogue's checks. Each documented behaviour takes
its outcome from its verifiers: failed if one failed, passed if all passed, else not run. Writes contracts.md,
and contracts.html rendered from it, into the report folder.

With PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN) set, the pact is published under the git version and branch,
verification results are recorded, and --can-i-deploy asks the broker about an environment. Without, those
steps are skipped, and said so.

  --report <dir>                 default: reports/
  --scenarios <dir>              play these scenario files instead of the simulator's own
  --can-i-deploy <environment>   with a broker: fail unless this version can be deployed there
  --json                         print { ok, suites, behaviours, report, broker } instead`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      report: { type: 'string' },
      scenarios: { type: 'string' },
      'can-i-deploy': { type: 'string' },
    });
    const root = repoRoot();
    const dir = values.report ? checkFolderToWrite(io, values.report, '--report') : join(root, 'reports');
    const scenarios = scenariosFolder(io, values.scenarios);
    const say = (text: string) => {
      if (!values.json) io.stdout(text);
    };
    const { brokerFromEnv, canIDeploy, gitVersion, publishPact, runContracts } = await import(
      '@sds-toolkit/contract-tests'
    );
    const { red, green } = paint(io, 'stdout');
    const shown = progress(io, values.json);
    let run: Awaited<ReturnType<typeof runContracts>>;
    try {
      run = await runContracts({
        ...(scenarios ? { scenariosDir: scenarios } : {}),
        onSuite: (name, done) => {
          if (!done) shown.step(`contracts: ${name} …`);
        },
      });
    } finally {
      shown.done();
    }
    for (const s of run.suites) {
      say(
        `  ${s.name.padEnd(9)} ${s.ok ? green('ok') : red('FAILED')}: ${s.passed} passed, ${s.failed} failed, ${s.notRun} not run (${(s.durationMs / 1000).toFixed(1)} s)\n`,
      );
      for (const failure of s.failures) io.stderr(`    ${failure}\n`);
    }
    const contracts = contractsOf(run);
    mkdirSync(dir, { recursive: true });
    const written = { markdown: join(dir, 'contracts.md'), html: join(dir, 'contracts.html') };
    const markdown = contractsMarkdown(contracts, run.ok, { reportDir: dir, root });
    writeFileSync(written.markdown, markdown);
    writeFileSync(written.html, renderPage(markdown, 'Behaviour coverage'));
    const { passed, failed } = run.counts;
    const notRun = run.counts['not run'];
    say(
      `behaviours: ${passed} of ${run.results.length} verified${failed ? `, ${failed} failed` : ''}${notRun ? `, ${notRun} not run` : ''}\nreport: ${written.markdown}\n        ${written.html}\n`,
    );
    for (const r of run.results.filter((r) => r.outcome !== 'passed'))
      io.stderr(
        `  ${r.outcome}: ${r.behaviour.id} (${r.verifiers
          .filter((v) => v.outcome !== 'passed')
          .map((v) => `${v.kind} "${v.ref}"${v.why ? `: ${v.why}` : ''}`)
          .join('; ')})\n`,
      );

    const broker = brokerFromEnv(io.env);
    const brokerSummary: Record<string, unknown> = { configured: broker !== undefined };
    let deployable = true;
    if (!broker)
      say(
        'broker: PACT_BROKER_BASE_URL is not set; publishing, verification results and can-i-deploy are skipped\n',
      );
    else if (run.ok) {
      const { version, branch } = gitVersion(root);
      await publishPact(broker, version, branch);
      Object.assign(brokerSummary, { published: version, branch: branch ?? null });
      say(`broker: published the pact as ${version}${branch ? ` on ${branch}` : ''} to ${broker.baseUrl}\n`);
      if (values['can-i-deploy']) {
        const answer = await canIDeploy(broker, version, values['can-i-deploy']);
        deployable = answer.deployable;
        Object.assign(brokerSummary, { canIDeploy: { environment: values['can-i-deploy'], ...answer } });
        say(
          `broker: can-i-deploy to ${values['can-i-deploy']}: ${answer.deployable ? 'yes' : 'no'} (${answer.reason})\n`,
        );
      }
    }
    const ok = run.ok && deployable;
    if (values.json)
      io.stdout(
        `${JSON.stringify(
          {
            ok,
            suites: run.suites.map(({ tests: _tests, ...s }) => ({
              ...s,
              durationMs: Math.round(s.durationMs),
            })),
            // camelCase keys, as `sds pipeline --json` has them: `notRun`, not the outcome's words 'not run'.
            behaviours: {
              passed: run.counts.passed,
              failed: run.counts.failed,
              notRun: run.counts['not run'],
              total: run.results.length,
              items: contracts.behaviours,
            },
            report: written,
            broker: brokerSummary,
          },
          null,
          2,
        )}\n`,
      );
    return ok ? ExitCode.ok : ExitCode.failed;
  },
};
