import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { consumerName, pactFile, providerName } from './names.js';

export interface BrokerConfig {
  readonly baseUrl: string;
  readonly token: string | undefined;
}

/** The broker from PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN), or undefined: broker steps are then skipped. */
export function brokerFromEnv(env: NodeJS.ProcessEnv = process.env): BrokerConfig | undefined {
  const baseUrl = env.PACT_BROKER_BASE_URL?.replace(/\/$/, '');
  return baseUrl ? { baseUrl, token: env.PACT_BROKER_TOKEN } : undefined;
}

/** The version to publish under: the git commit (with -dirty when the tree has changes), or GIT_COMMIT. */
export function gitVersion(cwd = process.cwd()): { version: string; branch: string | undefined } {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  try {
    const sha = process.env.GIT_COMMIT ?? git(['rev-parse', '--short=12', 'HEAD']);
    const dirty = process.env.GIT_COMMIT ? '' : git(['status', '--porcelain']) ? '-dirty' : '';
    return {
      version: `${sha}${dirty}`,
      branch: process.env.GIT_BRANCH ?? git(['rev-parse', '--abbrev-ref', 'HEAD']),
    };
  } catch {
    throw new Error('cannot read the version from git: run inside the repository or set GIT_COMMIT');
  }
}

const headers = (config: BrokerConfig): Record<string, string> => ({
  'content-type': 'application/json',
  accept: 'application/hal+json, application/json',
  ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
});

/** Publishes the consumer pact (Pact Broker HTTP API: PUT /pacts/provider/…/consumer/…/version/…). */
export async function publishPact(
  config: BrokerConfig,
  version: string,
  branch: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const url = `${config.baseUrl}/pacts/provider/${encodeURIComponent(providerName)}/consumer/${encodeURIComponent(consumerName)}/version/${encodeURIComponent(version)}`;
  const response = await fetchImpl(url, {
    method: 'PUT',
    headers: headers(config),
    body: readFileSync(pactFile, 'utf8'),
  });
  if (!response.ok)
    throw new Error(`the broker refused the pact (${response.status} ${response.statusText}) at ${url}`);
  if (branch) {
    const branchUrl = `${config.baseUrl}/pacticipants/${encodeURIComponent(consumerName)}/branches/${encodeURIComponent(branch)}/versions/${encodeURIComponent(version)}`;
    const tagged = await fetchImpl(branchUrl, { method: 'PUT', headers: headers(config), body: '{}' });
    if (!tagged.ok)
      throw new Error(`the broker refused the branch ${branch} (${tagged.status}) at ${branchUrl}`);
  }
}

/** Asks the broker whether this consumer version can be deployed to an environment. */
export async function canIDeploy(
  config: BrokerConfig,
  version: string,
  environment: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ deployable: boolean; reason: string }> {
  const query = new URLSearchParams({
    'q[][pacticipant]': consumerName,
    'q[][version]': version,
    environment,
    latestby: 'cvp',
  });
  const response = await fetchImpl(`${config.baseUrl}/matrix?${query}`, { headers: headers(config) });
  if (!response.ok)
    throw new Error(`can-i-deploy: the broker answered ${response.status} ${response.statusText}`);
  const body = (await response.json()) as { summary?: { deployable?: boolean; reason?: string } };
  return { deployable: body.summary?.deployable === true, reason: body.summary?.reason ?? 'no reason given' };
}
