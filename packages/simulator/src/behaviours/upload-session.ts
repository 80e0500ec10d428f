import { randomBytes } from 'node:crypto';
import type { Behaviour, Env, ExtraRoute } from '../core/context.js';
import { baseHeaders, ErrorCode } from '../core/odata-error.js';
import { badRequest, notFound, Problem } from '../core/problem.js';
import type { Json } from '../json.js';
import { childCollection } from '../store/store.js';

/** Upload sessions, by container id (internal: no path of the API reaches them). */
export const sessionsCollection = '@sim.uploadSessions';
export const filesOf = (containerId: string) => childCollection(sessionsCollection, containerId, 'files');
/** Where the simulator serves upload containers, in place of Azure Storage. */
export const uploadPrefix = '/upload/';
/** Uploads are files, not API bodies: larger ones are taken. */
export const maxUploadBytes = 50 * 1024 * 1024;

export interface UploadSession extends Json {
  readonly id: string;
  readonly connectorCollection: string;
  readonly connectorId: string;
  readonly signature: string;
  readonly sessionExpires: number;
  readonly containerExpires: number;
  readonly state: 'open' | 'finalized';
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The session a connector takes files in now (the newest open one not expired), if any. */
export async function openSession(
  env: Env,
  list: readonly Json[],
  connectorId: string,
): Promise<UploadSession | undefined> {
  const now = env.clock.now();
  return (list as UploadSession[])
    .filter((s) => s.connectorId === connectorId && s.state === 'open' && s.sessionExpires > now)
    .at(-1);
}

function sessionUrl(env: Env, session: UploadSession): string {
  const sas = new URLSearchParams({
    sv: '2024-11-04',
    sr: 'c',
    sp: 'cw',
    se: iso(session.sessionExpires),
    sig: session.signature,
  });
  return `${env.origin()}${uploadPrefix}${session.id}?${sas.toString()}`;
}

/** The upload container, served as Azure Storage serves one through a SAS URL: PUT a file, GET it back. */
function uploadRoute(env: Env): ExtraRoute {
  return {
    prefix: uploadPrefix,
    async handle(request, pathname, search, ids) {
      const [containerId = '', ...rest] = pathname.slice(uploadPrefix.length).split('/');
      const fileName = decodeURIComponent(rest.join('/'));
      const session = (await env.store.get(sessionsCollection, containerId)) as UploadSession | undefined;
      if (!session)
        throw notFound(`no upload container '${containerId}': get an upload session from getUploadSession`);
      const signature = new URLSearchParams(search).get('sig');
      if (signature !== session.signature)
        throw new Problem(
          403,
          ErrorCode.forbidden,
          'the upload URL is not signed for this container: use the sessionUrl as given',
        );
      if (!fileName || rest.length !== 1 || !/^[\w.() -]+$/.test(fileName))
        throw badRequest(
          `name one file after the container: ${uploadPrefix}${containerId}/<file>.csv?<the session's query>`,
        );
      const method = request.method.toUpperCase();
      if (method === 'GET') {
        const file = await env.store.get(filesOf(containerId), fileName);
        if (!file) throw notFound(`the container has no file '${fileName}'`);
        return {
          status: 200,
          headers: { ...baseHeaders(ids), 'content-type': 'text/csv; charset=utf-8' },
          body: undefined,
          text: String(file.content),
        };
      }
      if (method !== 'PUT')
        throw new Problem(
          405,
          ErrorCode.methodNotAllowed,
          `${method} is not allowed on an upload file; PUT it`,
          [],
          {
            allow: 'GET, PUT',
          },
        );
      if (env.clock.now() >= session.sessionExpires)
        throw new Problem(
          403,
          ErrorCode.forbidden,
          `the upload session expired at ${iso(session.sessionExpires)}: get a new one from getUploadSession`,
        );
      if (session.state !== 'open')
        throw new Problem(
          403,
          ErrorCode.forbidden,
          'validate finalized this upload session: get a new one (getUploadSession) to upload again',
        );
      if ((request.headers['x-ms-blob-type'] ?? '').toLowerCase() !== 'blockblob')
        throw badRequest('send the header x-ms-blob-type: BlockBlob, as Azure Storage requires for a file');
      const content = request.body ?? '';
      const at = env.clock.now();
      await env.write(async (tx) => {
        tx.put(filesOf(containerId), {
          id: fileName,
          content,
          size: Buffer.byteLength(content),
          uploadedDateTime: iso(at),
        });
      });
      return {
        status: 201,
        headers: {
          ...baseHeaders(ids),
          etag: `"0x${at.toString(16).toUpperCase()}"`,
          'last-modified': new Date(at).toUTCString(),
          'x-ms-request-id': ids.requestId,
          'x-ms-request-server-encrypted': 'true',
        },
        body: undefined,
      };
    },
  };
}

/**
 * `getUploadSession` on an azureDataLakeConnector answers a fileUploadSession whose `sessionUrl` is a container
 * the simulator serves: files PUT there are stored until the connector's validate reads them. The same open
 * session is answered until it expires; `resetSession=true` gives a new one with an empty container.
 */
export const uploadSession: Behaviour = {
  id: 'upload-session',
  docs: 'api-reference/beta/api/industrydata-azuredatalakeconnector-getuploadsession.md',
  summary:
    'getUploadSession answers a fileUploadSession with a sessionUrl the simulator serves (PUT files there); resetSession=true starts an empty one.',
  hook(operation) {
    if (operation.kind !== 'function' || operation.name !== 'getUploadSession') return undefined;
    return async (context) => {
      const { env, tx } = context;
      const target = context.target;
      if (!target) throw notFound('no connector');
      const reset = context.args.resetSession;
      if (reset !== undefined && !/^(true|false)$/i.test(reset))
        throw badRequest(`resetSession takes true or false, not '${reset}'`);
      const sessions = await tx.list(sessionsCollection);
      let session = reset?.toLowerCase() === 'true' ? undefined : await openSession(env, sessions, target.id);
      if (!session) {
        for (const old of sessions as UploadSession[])
          if (old.connectorId === target.id && old.state === 'open') tx.delete(sessionsCollection, old.id);
        const now = env.clock.now();
        session = {
          id: env.newId(),
          connectorCollection: target.collection,
          connectorId: target.id,
          signature: randomBytes(18).toString('base64url'),
          sessionExpires: now + env.settings.uploadSessionMs,
          containerExpires: now + env.settings.uploadContainerMs,
          state: 'open',
        };
        tx.put(sessionsCollection, session);
      }
      return {
        kind: 'value',
        status: 200,
        type: 'microsoft.graph.industryData.fileUploadSession',
        body: {
          '@odata.type': '#microsoft.graph.industryData.fileUploadSession',
          containerExpirationDateTime: iso(session.containerExpires),
          containerId: session.id,
          sessionExpirationDateTime: iso(session.sessionExpires),
          sessionUrl: sessionUrl(env, session),
        },
      };
    };
  },
  routes: (env) => [uploadRoute(env)],
};
