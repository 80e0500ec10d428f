import type { Behaviour, Env } from '../core/context.js';
import { notFound } from '../core/problem.js';
import type { StoredRef } from '../core/render.js';
import type { Transaction } from '../core/transaction.js';
import { isObject, type Json } from '../json.js';
import { childCollection } from '../store/store.js';
import { checkFiles } from './sds-files.js';
import { filesOf, openSession, sessionsCollection, type UploadSession } from './upload-session.js';

/** Long-running operations, as the API lists them. */
export const operationsCollection = 'operations';
/** A connector's files once validated ("moved to an internal container for processing by an inboundFlow"). */
export const validatedFilesOf = (collection: string, id: string) =>
  childCollection(collection, id, '@sim.validatedFiles');

const doneAtKey = '@sim.doneAt';
const connectorKey = '@sim.connector';
const containerKey = '@sim.container';
const resourceKey = '@sim.resourcePath';

const fileConnector = 'microsoft.graph.industryData.fileDataConnector';
const iso = (ms: number) => new Date(ms).toISOString();

/** Why an API connector cannot connect: its base URL and its credential, checked as far as the simulator can. */
function apiProblems(connector: Json): string[] {
  const problems: string[] = [];
  try {
    if (new URL(String(connector.baseUrl)).protocol !== 'https:')
      problems.push('baseUrl must be an https URL');
  } catch {
    problems.push(`baseUrl ${JSON.stringify(connector.baseUrl ?? null)} is not a URL`);
  }
  const credential = isObject(connector.credential) ? connector.credential : undefined;
  if (!credential) problems.push('the connector has no credential');
  else {
    if (!credential.clientId) problems.push('the credential has no clientId');
    if (!credential.clientSecret) problems.push('the credential has no clientSecret');
    if (String(credential['@odata.type'] ?? '').endsWith('oAuth2ClientCredential')) {
      try {
        if (new URL(String(credential.tokenUrl)).protocol !== 'https:')
          problems.push('tokenUrl must be an https URL');
      } catch {
        problems.push('the credential has no valid tokenUrl');
      }
    }
  }
  return problems;
}

/** Finishes a validation: its verdict on the operation, and on success the files handed to the inbound flows. */
async function finish(env: Env, tx: Transaction, id: string, doneAt: number): Promise<void> {
  const operation = await tx.get(operationsCollection, id);
  if (operation?.status !== 'running' || operation[doneAtKey] !== doneAt) return;
  const ref = operation[connectorKey] as StoredRef;
  const connector = await tx.get(ref.collection, ref.id);
  const now = iso(env.clock.now());
  const done: Json = { ...operation, lastActionDateTime: now };
  delete done[doneAtKey];
  if (!connector) {
    Object.assign(done, {
      status: 'failed',
      statusDetail: `the connector ${ref.id} was deleted during the validation`,
    });
  } else if (env.model.isA(env.model.typeOfEntity(connector, ''), fileConnector)) {
    const container = operation[containerKey] as string | null;
    const files = new Map<string, string>();
    if (container)
      for (const f of await tx.list(filesOf(container))) files.set(String(f.id), String(f.content));
    const check = checkFiles(files);
    const ok = check.errors.length === 0;
    Object.assign(done, {
      status: ok ? 'succeeded' : 'failed',
      statusDetail: ok
        ? `${check.validatedFiles.length} files validated${check.warnings.length ? ` with ${check.warnings.length} warnings` : ''}; the upload session is finalized`
        : `${check.errors.length} errors: fix the files, upload them to the same session and validate again`,
      errors: check.errors,
      warnings: check.warnings,
      validatedFiles: check.validatedFiles,
    });
    if (ok && container) {
      // The validated files replace what the inbound flows read, and the session takes no more uploads.
      const target = validatedFilesOf(ref.collection, ref.id);
      for (const old of await tx.list(target)) tx.delete(target, String(old.id));
      for (const name of check.validatedFiles) tx.put(target, { id: name, content: files.get(name) ?? '' });
      const session = await tx.get(sessionsCollection, container);
      if (session) tx.put(sessionsCollection, { ...session, state: 'finalized' });
    }
  } else {
    const problems = apiProblems(connector);
    const ok = problems.length === 0;
    Object.assign(done, {
      status: ok ? 'succeeded' : 'failed',
      statusDetail: ok ? 'the connector can reach its API' : problems.join('; '),
    });
    if (isObject(connector.credential))
      tx.put(ref.collection, {
        ...connector,
        credential: { ...connector.credential, isValid: ok, ...(ok ? { lastValidDateTime: now } : {}) },
      });
  }
  tx.put(operationsCollection, done);
}

/**
 * `validate` is a long-running operation: 202 Accepted with a `Location` naming the operation (on the
 * simulator's host), which stays `running` for the operation delay, then `succeeded` or `failed`. For a file
 * connector it checks the files uploaded to the current upload session (required files missing are errors,
 * optional ones warnings) and, when they pass, finalizes the session and hands the files to the inbound
 * flows; for an API connector it checks its base URL and credential and records the verdict on the credential.
 */
export const connectorValidate: Behaviour = {
  id: 'connector-validate',
  docs: 'api-reference/beta/resources/industrydata-filevalidateoperation.md',
  summary:
    'validate answers 202 with Location: the fileValidateOperation goes running → succeeded, or failed with RequiredFileNotFound errors (OptionalFileNotFound warnings).',
  hook(operation) {
    if (operation.kind !== 'action' || operation.name !== 'validate') return undefined;
    return async (context) => {
      const { env, tx } = context;
      const target = context.target;
      if (!target) throw notFound('no connector');
      const file = env.model.isA(target.type, fileConnector);
      const session = file ? await openSession(env, await tx.list(sessionsCollection), target.id) : undefined;
      const now = env.clock.now();
      const id = env.newId();
      const doneAt = now + env.settings.operationDelayMs;
      const resourcePath = `/external/industryData/${target.collection}/${encodeURIComponent(target.id)}`;
      tx.put(operationsCollection, {
        '@odata.type': file
          ? '#microsoft.graph.industryData.fileValidateOperation'
          : '#microsoft.graph.longRunningOperation',
        id,
        createdDateTime: iso(now),
        lastActionDateTime: iso(now),
        status: 'running',
        statusDetail: null,
        ...(file ? { errors: [], warnings: [], validatedFiles: [] } : {}),
        [resourceKey]: resourcePath,
        [doneAtKey]: doneAt,
        [connectorKey]: { collection: target.collection, id: target.id } satisfies StoredRef,
        [containerKey]: (session as UploadSession | undefined)?.id ?? null,
      });
      env.later(doneAt, (later) => finish(env, later, id, doneAt));
      return {
        kind: 'empty',
        status: context.operation.successStatus,
        headers: { location: env.link(`/external/industryData/${operationsCollection}/${id}`) },
      };
    };
  },
  async start(env) {
    for (const operation of await env.store.list(operationsCollection))
      if (operation.status === 'running' && typeof operation[doneAtKey] === 'number') {
        const doneAt = operation[doneAtKey];
        env.later(doneAt, (tx) => finish(env, tx, String(operation.id), doneAt));
      }
  },
  present(object, env) {
    const path = object[resourceKey];
    return typeof path === 'string' ? { ...object, resourceLocation: env.link(path) } : object;
  },
};
