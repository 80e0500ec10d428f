import { join } from 'node:path';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../io.js';
import { repoRoot } from '../repo.js';

export const contractsCommand: Command = {
  name: 'contracts',
  summary: 'run the Pact consumer tests and verify them against the simulator; write the coverage report',
  usage: `Usage: sds contracts [--report <dir>] [--can-i-deploy <environment>]

Runs the consumer contract tests (the generated client against Pact's mock server), then verifies the pact
against the simulator (started on a free port), then checks the behaviour catalogue; writes contracts.md and
contracts.html (which documented behaviour is verified by what, and the result) into the report folder.

With PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN) set, the pact is published under the git version and branch,
verification results are recorded, and --can-i-deploy asks the broker about an environment. Without, those
steps are skipped, and said so.

  --report <dir>                 default: reports/
  --can-i-deploy <environment>   with a broker: fail unless this version can be deployed there`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      report: { type: 'string' },
      'can-i-deploy': { type: 'string' },
    });
    const { brokerFromEnv, canIDeploy, gitVersion, publishPact, runContracts, writeReport } = await import(
      '@sds-toolkit/contract-tests'
    );
    const run = runContracts();
    for (const p of run.projects) {
      io.stdout(`  ${p.name.padEnd(9)} ${p.ok ? 'ok' : 'FAILED'}: ${p.passed} passed, ${p.failed} failed\n`);
      if (p.ok) continue;
      for (const failure of p.failures) io.stderr(`    ${failure}\n`);
      // Every test passed yet the run failed (an error outside the tests): vitest's own output says why.
      if (p.failures.length === 0) io.stderr(p.output.split('\n').slice(-40).join('\n'));
    }
    const dir = values.report ? userPath(io, values.report) : join(repoRoot(), 'reports');
    const written = writeReport(dir, run.results);
    const verified = run.results.filter((r) => r.outcome === 'passed').length;
    io.stdout(
      `behaviours: ${verified} of ${run.results.length} verified\nreport: ${written.markdown}\n        ${written.html}\n`,
    );

    const broker = brokerFromEnv(io.env);
    if (!broker)
      io.stdout(
        'broker: PACT_BROKER_BASE_URL is not set; publishing, verification results and can-i-deploy are skipped\n',
      );
    else if (run.ok) {
      const { version, branch } = gitVersion(repoRoot());
      await publishPact(broker, version, branch);
      io.stdout(
        `broker: published the pact as ${version}${branch ? ` on ${branch}` : ''} to ${broker.baseUrl}\n`,
      );
      if (values['can-i-deploy']) {
        const answer = await canIDeploy(broker, version, values['can-i-deploy']);
        io.stdout(
          `broker: can-i-deploy to ${values['can-i-deploy']}: ${answer.deployable ? 'yes' : 'no'} (${answer.reason})\n`,
        );
        if (!answer.deployable) return ExitCode.failed;
      }
    }
    return run.ok ? ExitCode.ok : ExitCode.failed;
  },
};
