import type { RequestAdapter } from '@microsoft/kiota-abstractions';
import {
  type AnyInboundFlow,
  type AnyIndustryDataConnector,
  type AnyProvisioningFlow,
  createIndustryDataClient,
  IndustryDataError,
  type OutboundProvisioningFlowSet,
  pageAll,
  type SourceSystemDefinition,
  type YearTimePeriodDefinition,
} from '@sds-toolkit/client';
import { modelToWire, type Wire, wireToModel } from './convert.js';
import type { Kind, KindName } from './kinds.js';

/** How long a throttled request waits, and how often it is tried, before the run stops. */
export interface RetryPolicy {
  /** Tries of one request (the first included) while the service answers 429 (or 503/504 to a read or delete). */
  readonly attempts: number;
  /** The longest wait honoured: a Retry-After beyond it stops the run, saying when to run it again. */
  readonly maxWaitSeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, maxWaitSeconds: 120 };

/** A wait the service asked for, as it happens (the command shows it). */
export interface WaitEvent {
  readonly what: string;
  readonly status: number;
  readonly seconds: number;
  readonly attempt: number;
}

export interface ApiOptions {
  readonly retry?: RetryPolicy;
  /** Waits `ms` (tests give a clock of their own; the default waits for real). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onWait?: (event: WaitEvent) => void;
}

/** The service kept answering 429 (or asked for a longer wait than the run honours). */
export class ThrottledError extends Error {
  override readonly name = 'ThrottledError';
  constructor(
    message: string,
    override readonly cause: IndustryDataError,
  ) {
    super(message);
  }
}

/** What plan, apply and export need of a tenant: lists, creates, updates, deletes, and bind URLs. */
export interface TenantApi {
  /** The base URL requests go to (`https://graph.microsoft.com/beta`). */
  readonly baseUrl: string;
  /** Every object of a kind, as Graph answers it, with its references expanded (a flow set with its flows). */
  list(kind: Kind): Promise<Wire[]>;
  listRoleGroups(): Promise<Wire[]>;
  create(kind: Kind, body: Wire, parentId?: string): Promise<Wire>;
  update(kind: Kind, id: string, body: Wire, parentId?: string): Promise<void>;
  delete(kind: Kind, id: string, parentId?: string): Promise<void>;
  /** The `@odata.bind` URL of an object. */
  bindUrl(kind: KindName | 'roleGroups', id: string): string;
}

const expand: Partial<Record<KindName, string[]>> = {
  dataConnectors: ['sourceSystem'],
  inboundFlows: ['dataConnector', 'year'],
  outboundProvisioningFlowSets: ['provisioningFlows'],
};

/**
 * A request body (wire JSON) as the client's model of it. The body passed the rules' pre-flight, which checked
 * it against the same spec the models are generated from (its `@odata.type` one of the kind's concrete types),
 * so it is one: the cast states what was checked.
 */
const modelOf = <T>(body: Wire): T => wireToModel(body) as T;

const idempotent = (method: string) => method === 'GET' || method === 'DELETE';

/**
 * The tenant through `@sds-toolkit/client`: every request retried while the service throttles (429, honouring
 * Retry-After; 503/504 for reads and deletes only, since a create or update may have been carried out), with
 * the waits reported; anything else rejects with the client's IndustryDataError.
 */
export function tenantApi(adapter: RequestAdapter, options: ApiOptions = {}): TenantApi {
  const api = createIndustryDataClient(adapter).external.industryData;
  const policy = options.retry ?? defaultRetryPolicy;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const baseUrl = adapter.baseUrl.replace(/\/$/, '');

  async function send<T>(what: string, method: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        if (!(error instanceof IndustryDataError) || error.status === undefined) throw error;
        const throttled = error.status === 429;
        const unavailable = (error.status === 503 || error.status === 504) && idempotent(method);
        if (!throttled && !unavailable) throw error;
        const seconds = error.retryAfterSeconds ?? 2 ** (attempt - 1);
        if (seconds > policy.maxWaitSeconds)
          throw new ThrottledError(
            `${what}: the service answered ${error.status} and asks to wait ${seconds} s (more than ${policy.maxWaitSeconds} s): run again after ${new Date(Date.now() + seconds * 1000).toISOString()}`,
            error,
          );
        if (attempt >= policy.attempts)
          throw new ThrottledError(
            `${what}: the service still answered ${error.status} after ${attempt} tries (waiting as Retry-After asked): run again later`,
            error,
          );
        options.onWait?.({ what, status: error.status, seconds, attempt });
        await sleep(seconds * 1000);
      }
    }
  }

  const all = async <T>(items: AsyncIterable<T>): Promise<Wire[]> => {
    const out: Wire[] = [];
    for await (const item of items) out.push(modelToWire(item) as Wire);
    return out;
  };

  return {
    baseUrl,
    list(kind) {
      const config = expand[kind.name] ? { queryParameters: { expand: expand[kind.name] } } : undefined;
      const what = `listing the ${kind.label}s`;
      switch (kind.name) {
        case 'sourceSystems':
          return send(what, 'GET', () => all(pageAll(api.sourceSystems, config)));
        case 'dataConnectors':
          return send(what, 'GET', () => all(pageAll(api.dataConnectors, config)));
        case 'years':
          return send(what, 'GET', () => all(pageAll(api.years, config)));
        case 'inboundFlows':
          return send(what, 'GET', () => all(pageAll(api.inboundFlows, config)));
        case 'outboundProvisioningFlowSets':
          return send(what, 'GET', () => all(pageAll(api.outboundProvisioningFlowSets, config)));
        case 'provisioningFlows':
          throw new Error('flows are listed with their flow set');
      }
    },
    listRoleGroups() {
      return send('listing the role groups', 'GET', () => all(pageAll(api.roleGroups)));
    },
    async create(kind, body, parentId) {
      const what = `creating a ${kind.label}`;
      const made = await send(what, 'POST', (): Promise<unknown> => {
        switch (kind.name) {
          case 'sourceSystems':
            return api.sourceSystems.post(modelOf<SourceSystemDefinition>(body));
          case 'dataConnectors':
            return api.dataConnectors.post(modelOf<AnyIndustryDataConnector>(body));
          case 'years':
            return api.years.post(modelOf<YearTimePeriodDefinition>(body));
          case 'inboundFlows':
            return api.inboundFlows.post(modelOf<AnyInboundFlow>(body));
          case 'outboundProvisioningFlowSets':
            return api.outboundProvisioningFlowSets.post(modelOf<OutboundProvisioningFlowSet>(body));
          case 'provisioningFlows':
            return api.outboundProvisioningFlowSets
              .byOutboundProvisioningFlowSetId(parentId ?? '')
              .provisioningFlows.post(modelOf<AnyProvisioningFlow>(body));
        }
      });
      const wire = modelToWire(made) as Wire | undefined;
      if (!wire || typeof wire.id !== 'string')
        throw new Error(`${what}: the service answered without an id`);
      return wire;
    },
    update(kind, id, body, parentId) {
      return send(`updating a ${kind.label}`, 'PATCH', (): Promise<void> => {
        switch (kind.name) {
          case 'sourceSystems':
            return api.sourceSystems
              .bySourceSystemDefinitionId(id)
              .patch(modelOf<SourceSystemDefinition>(body));
          case 'dataConnectors':
            return api.dataConnectors
              .byIndustryDataConnectorId(id)
              .patch(modelOf<AnyIndustryDataConnector>(body));
          case 'years':
            return api.years.byYearTimePeriodDefinitionId(id).patch(modelOf<YearTimePeriodDefinition>(body));
          case 'inboundFlows':
            return api.inboundFlows.byInboundFlowId(id).patch(modelOf<AnyInboundFlow>(body));
          case 'outboundProvisioningFlowSets':
            return api.outboundProvisioningFlowSets
              .byOutboundProvisioningFlowSetId(id)
              .patch(modelOf<OutboundProvisioningFlowSet>(body));
          case 'provisioningFlows':
            return api.outboundProvisioningFlowSets
              .byOutboundProvisioningFlowSetId(parentId ?? '')
              .provisioningFlows.byProvisioningFlowId(id)
              .patch(modelOf<AnyProvisioningFlow>(body));
        }
      });
    },
    delete(kind, id, parentId) {
      return send(`deleting a ${kind.label}`, 'DELETE', (): Promise<void> => {
        switch (kind.name) {
          case 'sourceSystems':
            return api.sourceSystems.bySourceSystemDefinitionId(id).delete();
          case 'dataConnectors':
            return api.dataConnectors.byIndustryDataConnectorId(id).delete();
          case 'years':
            return api.years.byYearTimePeriodDefinitionId(id).delete();
          case 'inboundFlows':
            return api.inboundFlows.byInboundFlowId(id).delete();
          case 'outboundProvisioningFlowSets':
            return api.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(id).delete();
          case 'provisioningFlows':
            return api.outboundProvisioningFlowSets
              .byOutboundProvisioningFlowSetId(parentId ?? '')
              .provisioningFlows.byProvisioningFlowId(id)
              .delete();
        }
      });
    },
    bindUrl(kind, id) {
      return `${baseUrl}/external/industryData/${kind}/${encodeURIComponent(id)}`;
    },
  };
}
