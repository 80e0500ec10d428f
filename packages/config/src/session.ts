import type { TenantApi } from './api.js';
import { type ApplyEvents, type ApplyReport, applyPlan } from './apply.js';
import { type MissingSecretError, plannedBodies } from './bodies.js';
import { duplicateNames, exportSetUp } from './export.js';
import type { Finding } from './file/source.js';
import { ConfigFileError, type LoadedFile, type Toolkit } from './load.js';
import { type Plan, PlanError, plan } from './plan.js';
import { preflight } from './preflight.js';
import { readTenant, type TenantState } from './tenant.js';

export interface Planned {
  readonly plan: Plan;
  readonly tenant: TenantState;
  readonly loaded: LoadedFile;
}

/** Secrets the environment does not hold, for objects apply would send: nothing is sent. */
export class MissingSecretsError extends Error {
  override readonly name = 'MissingSecretsError';
  constructor(readonly missing: readonly MissingSecretError[]) {
    super(
      `set ${missing.map((m) => m.variable).join(', ')} in the environment: ${missing.map((m) => m.message.split(': ').slice(1).join(': ')).join('; ')}; nothing was sent`,
    );
  }
}

/** Reads the tenant and plans what applying the file would do. Problems are ConfigFileErrors at their lines. */
export async function planSetUp(
  toolkit: Toolkit,
  loaded: LoadedFile,
  api: TenantApi,
  options: { prune: boolean },
): Promise<Planned> {
  const tenant = await readTenant(api, toolkit.model);
  try {
    return { plan: plan(toolkit.model, loaded.objects, tenant, options), tenant, loaded };
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    const findings: Finding[] = error.problems.map((p) => ({
      severity: 'error',
      ...loaded.source.position(p.pointer),
      pointer: p.pointer,
      message: p.message,
    }));
    throw new ConfigFileError(loaded.file, findings, 'cannot be planned against the tenant');
  }
}

/**
 * The pre-flight of an apply: every body the plan sends, built as it will be sent (secrets from the
 * environment), checked by the rules. Throws before anything is sent.
 */
export function checkPlanned(
  toolkit: Toolkit,
  planned: Planned,
  baseUrl: string,
  env: Readonly<Record<string, string | undefined>>,
): void {
  const flowsOf = (setName: string) =>
    planned.tenant.objects.filter((o) => o.kind.name === 'provisioningFlows' && o.parent === setName);
  const { bodies, missing } = plannedBodies(toolkit.model, planned.plan, baseUrl, env, flowsOf);
  if (missing.length > 0) throw new MissingSecretsError(missing);
  const findings = preflight(toolkit.validator, bodies, planned.loaded.source);
  if (findings.some((f) => f.severity === 'error'))
    throw new ConfigFileError(
      planned.loaded.file,
      findings,
      'would send invalid requests (nothing was sent)',
    );
}

/** Plans, checks every body, then applies: stops at the first failure with a report. */
export async function applySetUp(
  toolkit: Toolkit,
  planned: Planned,
  api: TenantApi,
  env: Readonly<Record<string, string | undefined>>,
  events: ApplyEvents = {},
): Promise<ApplyReport> {
  checkPlanned(toolkit, planned, api.baseUrl, env);
  return applyPlan(toolkit.model, api, planned.plan, planned.tenant.objects, env, events);
}

/** The tenant's set-up as a file's text. */
export async function exportTenant(
  toolkit: Toolkit,
  api: TenantApi,
  options: { schema?: string } = {},
): Promise<{ text: string; tenant: TenantState; warnings: string[] }> {
  const tenant = await readTenant(api, toolkit.model);
  return {
    text: exportSetUp(toolkit.model, tenant, { source: api.baseUrl, ...options }),
    tenant,
    warnings: duplicateNames(tenant),
  };
}
