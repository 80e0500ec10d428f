/**
 * API Extractor on the package's declarations (scripts/declarations.ts): the API report (api/rules.api.md),
 * checked by test/api-report.test.ts and updated by `pnpm --filter @sds-toolkit/rules api`, and the rolled-up
 * declarations of the published build.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { compileDeclarations } from './declarations.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ApiReportResult {
  readonly changed: boolean;
  readonly succeeded: boolean;
  readonly messages: readonly string[];
}

/**
 * Runs API Extractor with `config` (api-extractor.json: the report; api-extractor.build.json: the rollup).
 * `local`: update the committed report rather than fail when it differs.
 */
export function extract(config: string, local: boolean): ApiReportResult {
  // Inside the package (temp/ is ignored by git), so that the declarations resolve its dependencies.
  mkdirSync(join(root, 'temp'), { recursive: true });
  const work = mkdtempSync(join(root, 'temp', 'api-'));
  try {
    const { tsconfig, entry } = compileDeclarations(work);
    const configPath = join(root, config);
    const configObject = ExtractorConfig.loadFile(configPath);
    configObject.mainEntryPointFilePath = entry;
    configObject.compiler = { tsconfigFilePath: tsconfig };
    if (configObject.apiReport) configObject.apiReport.reportTempFolder = join(work, 'api');
    const prepared = ExtractorConfig.prepare({
      configObject,
      configObjectFullPath: configPath,
      packageJsonFullPath: join(root, 'package.json'),
    });
    const messages: string[] = [];
    const result = Extractor.invoke(prepared, {
      localBuild: local,
      messageCallback: (message) => {
        if (message.logLevel === 'error' || message.logLevel === 'warning') messages.push(message.text);
        message.handled = true;
      },
    });
    return { changed: result.apiReportChanged, succeeded: result.succeeded, messages };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const apiReport = (local: boolean): ApiReportResult => extract('api-extractor.json', local);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { changed, succeeded, messages } = apiReport(true);
  for (const m of messages) console.error(m);
  console.log(changed ? 'api/rules.api.md updated: commit it' : 'api/rules.api.md is up to date');
  if (!succeeded) process.exitCode = 1;
}
