import { join } from 'node:path';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { checkFolderToWrite } from '../files.js';
import { ExitCode } from '../io.js';
import { paint } from '../output.js';
import { progress } from '../progress.js';
import { repoRoot } from '../repo.js';

export const contractsCommand: Command = {
  name: 'contracts',
  summary: 'run the Pact consumer tests and verify them against the simulator; write the coverage report',
  usage: `Usage: sds contracts [--report <dir>] [--can-i-deploy <environment>] [--json]

Runs the consumer contract tests (the generated client against Pact's mock server), then verifies the pact
against the simulator (started on a free port), then checks the behaviour catalogue; writes contracts.md and
contracts.html (which documented behaviour is verified by what, and the result) into the report folder.

With PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN) set, the pact is published under the git version and branch,
verification results are recorded, and --can-i-deploy asks the broker about an environment. Without, those
steps are skipped, and said so.

  --report <dir>                 default: reports/
  --can-i-deploy <environment>   with a broker: fail unless this version can be deployed there
  --json                         print { ok, projects, behaviours, report, broker } instead`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      report: { type: 'string' },
      'can-i-deploy': { type: 'string' },
    });
    const dir = values.report
      ? checkFolderToWrite(io, values.report, '--report')
      : join(repoRoot(), 'reports');
    const say = (text: string) => {
      if (!values.json) io.stdout(text);
    };
    const { brokerFromEnv, canIDeploy, gitVersion, publishPact, runContracts, writeReport } = await import(
      '@sds-toolkit/contract-tests'
    );
    const { red, green } = paint(io, 'stdout');
    const shown = progress(io, values.json);
    shown.step('contracts: consumer tests, provider verification against the simulator, behaviour catalogue');
    let run: ReturnType<typeof runContracts>;
    try {
      run = runContracts();
    } finally {
      shown.done();
    }
    for (const p of run.projects) {
      say(
        `  ${p.name.padEnd(9)} ${p.ok ? green('ok') : red('FAILED')}: ${p.passed} passed, ${p.failed} failed\n`,
      );
      if (p.ok) continue;
      for (const failure of p.failures) io.stderr(`    ${failure}\n`);
      // Every test passed yet the run failed (an error outside the tests): vitest's own output says why.
      if (p.failures.length === 0) io.stderr(p.output.split('\n').slice(-40).join('\n'));
    }
    const written = writeReport(dir, run.results);
    const verified = run.results.filter((r) => r.outcome === 'passed').length;
    say(
      `behaviours: ${verified} of ${run.results.length} verified\nreport: ${written.markdown}\n        ${written.html}\n`,
    );

    const broker = brokerFromEnv(io.env);
    const brokerSummary: Record<string, unknown> = { configured: broker !== undefined };
    let deployable = true;
    if (!broker)
      say(
        'broker: PACT_BROKER_BASE_URL is not set; publishing, verification results and can-i-deploy are skipped\n',
      );
    else if (run.ok) {
      const { version, branch } = gitVersion(repoRoot());
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
            projects: run.projects.map((p) => ({
              name: p.name,
              ok: p.ok,
              passed: p.passed,
              failed: p.failed,
              failures: p.failures,
            })),
            behaviours: { verified, total: run.results.length },
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
