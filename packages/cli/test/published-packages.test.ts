import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createToken, type RunningSimulator, startSimulator } from '@sds-toolkit/simulator';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The packages users install, as they install them: @sds-toolkit/client and @sds-toolkit/rules are built and
// packed with pnpm (publishConfig applied), installed from the tarballs into a project outside the workspace,
// and used from there, ESM and CommonJS, against the simulator. They are built in a copy of their folders, so
// that this test never rewrites a dist/ that another task of the same run is reading.
const packages = {
  client: fileURLToPath(new URL('../../client/', import.meta.url)),
  rules: fileURLToPath(new URL('../../rules/', import.meta.url)),
  'openapi-model': fileURLToPath(new URL('../../openapi-model/', import.meta.url)),
};
const committedSpec = fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

let work: string;
let project: string;
/** What `pnpm pack` said of each package before it was built. */
const packedUnbuilt: Record<string, string> = {};
let simulator: RunningSimulator;

/** The folder of a package, copied without its outputs; its node_modules linked, not copied. */
function copyPackage(name: keyof typeof packages, into: string): string {
  const from = packages[name];
  const to = join(into, 'packages', name);
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (['node_modules', 'dist', 'temp', '.turbo'].includes(entry)) continue;
    cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
  symlinkSync(join(from, 'node_modules'), join(to, 'node_modules'), 'dir');
  return to;
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, ...env },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** A script run while the simulator answers in this process: asynchronously, or it would wait on itself. */
async function runScript(file: string, env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`node ${file} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sds-published-'));
  const repo = join(work, 'repo');
  // The packages' tsconfigs extend the repository's base one (the path it names, resolved by TypeScript).
  const clientTsconfig = join(packages.client, 'tsconfig.build.json');
  const base = ts.readConfigFile(clientTsconfig, ts.sys.readFile).config as { extends: string };
  mkdirSync(repo, { recursive: true });
  writeFileSync(
    join(repo, 'tsconfig.base.json'),
    JSON.stringify({ extends: join(dirname(clientTsconfig), base.extends) }),
  );
  mkdirSync(join(repo, 'specs/industrydata'), { recursive: true });
  cpSync(committedSpec, join(repo, 'specs/industrydata/openapi.yaml'));
  const tarballs = join(work, 'tarballs');
  copyPackage('openapi-model', repo);
  for (const name of ['client', 'rules'] as const) {
    const dir = copyPackage(name, repo);
    try {
      run('pnpm', ['pack', '--pack-destination', join(work, 'unbuilt')], dir);
      packedUnbuilt[name] = 'packed';
    } catch (error) {
      packedUnbuilt[name] = (error as Error).message;
    }
    run('pnpm', ['run', 'build'], dir);
    run('pnpm', ['pack', '--pack-destination', tarballs], dir);
  }
  project = join(work, 'project');
  mkdirSync(project);
  const client = `file:${join(tarballs, 'sds-toolkit-client-0.0.0.tgz')}`;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'an-integrators-script',
      private: true,
      dependencies: {
        '@sds-toolkit/client': client,
        '@sds-toolkit/rules': `file:${join(tarballs, 'sds-toolkit-rules-0.0.0.tgz')}`,
      },
      // The rules' dependency on the client (0.0.0, unpublished) is the tarball too.
      pnpm: { overrides: { '@sds-toolkit/client': client } },
    }),
  );
  run('pnpm', ['install', '--prefer-offline', '--config.engine-strict=false'], project);
  simulator = await startSimulator({ readinessDelayMs: 0 });
}, 240_000);

afterAll(async () => {
  await simulator?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const NS = '#microsoft.graph.industryData';
// What an integrator's script does, in either module system: list, create, update (read, change, write back),
// reset, and a bad body refused by the rules before it is sent (the count of requests does not move).
const body = (importClient: string, importRules: string) => `
${importClient}
${importRules}
const sent = [];
const counting = (url, init) => { sent.push(init.method + ' ' + url); return fetch(url, init); };
const client = createIndustryDataClient(createIndustryDataAdapter({
  baseUrl: process.env.BASE_URL, accessToken: process.env.TOKEN, fetch: counting,
  middleware: [new ValidationMiddleware(defaultValidator()), ...defaultMiddleware()],
}));
const sets = client.external.industryData.outboundProvisioningFlowSets;
const set = await sets.post({ displayName: process.env.NAME, filter: { odataType: '${NS}.basicFilter', attribute: 'orgExternalId', in: ['S1'] } });
const flows = sets.byOutboundProvisioningFlowSetId(set.id).provisioningFlows;
const flow = await flows.post({ odataType: '${NS}.classGroupProvisioningFlow', configuration: { additionalAttributes: ['courseTitle'] } });
const item = flows.byProvisioningFlowId(flow.id);
const read = await item.get();
read.configuration = { ...read.configuration, additionalAttributes: ['courseTitle', 'courseCode'] };
await item.patch(read);
await item.reset.post();
const listed = [];
for await (const s of pageAll(sets)) listed.push(s.displayName);
const before = sent.length;
let refused;
try {
  // A misspelt enum member: it compiles (Graph enums are evolvable), and the schema refuses it.
  await flows.post({ odataType: '${NS}.classGroupProvisioningFlow', configuration: { additionalAttributes: ['courseTitel'] } });
} catch (error) {
  refused = error instanceof RequestValidationError ? error.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId) : String(error);
}
const after = sent.length;
const updated = (await item.get()).configuration.additionalAttributes;
process.stdout.write(JSON.stringify({ listed, updated, refused, sentByTheRefusal: after - before }));
`;

describe('@sds-toolkit/client and @sds-toolkit/rules, packed and installed outside the workspace', () => {
  // #15 regression (user trial): packing before building made a tarball of package.json and README alone.
  it.each(['client', 'rules'])('%s refuses to be packed before it is built', (name) => {
    expect(packedUnbuilt[name]).toMatch(/dist\/ is missing: run pnpm build from the repository root/);
  });

  const cases = [
    [
      'ESM (import)',
      'script.mjs',
      body(
        "import { createIndustryDataAdapter, createIndustryDataClient, defaultMiddleware, pageAll } from '@sds-toolkit/client';",
        "import { defaultValidator, RequestValidationError, ValidationMiddleware } from '@sds-toolkit/rules';",
      ),
    ],
    [
      'CommonJS (require)',
      'script.cjs',
      `(async () => {${body(
        "const { createIndustryDataAdapter, createIndustryDataClient, defaultMiddleware, pageAll } = require('@sds-toolkit/client');",
        "const { defaultValidator, RequestValidationError, ValidationMiddleware } = require('@sds-toolkit/rules');",
      )}})().catch((e) => { console.error(e); process.exit(1); });`,
    ],
  ] as const;

  it.each(cases)(
    '%s: list, create, update, reset; a bad body refused before it is sent',
    async (_name, file, code) => {
      writeFileSync(join(project, file), code);
      const name = `Installed (${file})`;
      const output = await runScript(file, {
        BASE_URL: simulator.url,
        TOKEN: createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] }),
        NAME: name,
      });
      const result = JSON.parse(output);
      expect(result.listed).toContain(name);
      expect(result.updated).toEqual(['courseTitle', 'courseCode']);
      expect(result.refused).toEqual(['schema']);
      expect(result.sentByTheRefusal).toBe(0);
    },
    60_000,
  );

  it('types resolve for both, under TypeScript’s node16 resolution', () => {
    const use = (client: string, rules: string) => `${client}\n${rules}
export const adapter = createIndustryDataAdapter({ accessToken: 't', middleware: [new ValidationMiddleware(defaultValidator())] });
export const flows = createIndustryDataClient(adapter).external.industryData.outboundProvisioningFlowSets;
export const bad: AnyProvisioningFlow = { odataType: '${NS}.classGroupProvisioningFlow', configuration: {} };
`;
    writeFileSync(
      join(project, 'types.mts'),
      use(
        "import { type AnyProvisioningFlow, createIndustryDataAdapter, createIndustryDataClient } from '@sds-toolkit/client';",
        "import { defaultValidator, ValidationMiddleware } from '@sds-toolkit/rules';",
      ),
    );
    writeFileSync(
      join(project, 'types.cts'),
      use(
        "import { type AnyProvisioningFlow, createIndustryDataAdapter, createIndustryDataClient } from '@sds-toolkit/client';",
        "import { defaultValidator, ValidationMiddleware } from '@sds-toolkit/rules';",
      ),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['types.mts', 'types.cts'],
      }),
    );
    expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'], project)).toBe('');
  }, 60_000);
});
