import type { Validator } from '@sds-toolkit/rules';
import type { Clock } from '../clock.js';
import type { SimRequest, SimResponse } from '../http-types.js';
import type { Json } from '../json.js';
import type { Model, OperationModel } from '../model/model.js';
import type { QueryOptions } from '../query/options.js';
import type { Store } from '../store/store.js';
import type { Principal } from './auth.js';
import type { RequestIds } from './odata-error.js';
import type { Transaction } from './transaction.js';

/** Timings and sizes of the simulated service; every one can be set when the simulator is created. */
export interface Settings {
  /** How long a created or reset provisioning flow stays `notReady`. */
  readonly readinessDelayMs: number;
  /** How long a long-running operation (a connector's validate) stays `running`. */
  readonly operationDelayMs: number;
  /** How often the service starts a run of every active flow (the docs: every 12 hours). */
  readonly runIntervalMs: number;
  /** How long a run stays `running`. */
  readonly runDurationMs: number;
  /** How long an upload session takes files, and how long its container lives. */
  readonly uploadSessionMs: number;
  readonly uploadContainerMs: number;
  /** The most items a list answers without `$top`; more come through `@odata.nextLink`. */
  readonly pageSize: number;
}

/** What behaviours and the core share: the model, the state, time, and the host clients reach. */
export interface Env {
  readonly model: Model;
  readonly validator: Validator;
  readonly store: Store;
  readonly clock: Clock;
  readonly settings: Settings;
  /** The origin clients reach the simulator at (`http://127.0.0.1:4010`), read when needed. */
  origin(): string;
  /** An absolute URL on the simulator's host for an API path (`/external/…` → `<origin>/beta/external/…`). */
  link(path: string): string;
  newId(): string;
  /**
   * The entity an API path names (`/beta/external/industryData/years/<id>`, or `…/years('<id>')`), as where
   * it would be stored and the type it would have; undefined when the path names no entity.
   */
  locate(
    path: string,
  ): { readonly collection: string; readonly id: string; readonly type: string } | undefined;
  /** Runs `work` as the only writer, and applies its changes. */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `work` (a writer) at `at`; a reset or close cancels it. */
  later(at: number, work: (tx: Transaction) => Promise<void>): void;
}

/** An entity a request addresses: where it is stored and what it is. */
export interface Addressed {
  readonly collection: string;
  readonly id: string;
  readonly entity: Json;
  readonly type: string;
}

export interface RequestContext {
  readonly env: Env;
  readonly request: SimRequest;
  readonly ids: RequestIds;
  readonly operation: OperationModel;
  readonly params: Readonly<Record<string, string>>;
  /** A function's parameters (in its parentheses or the query string). */
  readonly args: Readonly<Record<string, string>>;
  readonly query: QueryOptions;
  readonly principal: Principal;
  readonly tx: Transaction;
  /** The request body, validated; behaviours may replace it before the default handler runs. */
  body: Json | undefined;
  /** Properties the service sets on what a create or update writes (behaviours add theirs before `next`). */
  readonly serverSet: Json;
  /** The entities the path names on the way (a flow's set, then the flow). */
  readonly path: readonly Addressed[];
  /** The entity the path addresses (get, update, delete, navigation, action, function). */
  readonly target: Addressed | undefined;
  /** The collection a list or create addresses. */
  readonly collection: string | undefined;
}

/** What a handler answers, before the respond stage shapes it for the wire. */
export type Outcome =
  | {
      readonly kind: 'entity';
      readonly status: number;
      readonly collection: string;
      readonly entity: Json;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'collection'; readonly collection: string; readonly items: readonly Json[] }
  | {
      readonly kind: 'value';
      readonly status: number;
      readonly type: string;
      readonly body: Json;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'empty'; readonly status: number; readonly headers?: Readonly<Record<string, string>> };

export type Middleware = (context: RequestContext, next: () => Promise<Outcome>) => Promise<Outcome>;

/** An endpoint outside the spec that a behaviour serves (the upload container of an upload session). */
export interface ExtraRoute {
  /** The path prefix it owns, e.g. `/upload/`. */
  readonly prefix: string;
  handle(request: SimRequest, pathname: string, search: string, ids: RequestIds): Promise<SimResponse>;
}

/**
 * A documented behaviour: a small module that hooks the operations it concerns, and may seed the state, arm
 * timers at start, shape what is answered, or serve an endpoint of its own. Each cites the docs page it follows.
 */
export interface Behaviour {
  readonly id: string;
  /** The docs page (path in the docs folder) that describes the behaviour. */
  readonly docs: string;
  /** What it does, in a sentence. */
  readonly summary: string;
  /** A middleware for this operation, or nothing: called once per operation at start. */
  hook?(operation: OperationModel, model: Model): Middleware | undefined;
  /** At start and after a reset: seeds, timers re-armed from the stored state. */
  start?(env: Env): Promise<void>;
  /** Shapes each object of an answered entity (nested ones included), e.g. hides write-only secrets. */
  present?(object: Json, env: Env): Json;
  routes?(env: Env): readonly ExtraRoute[];
}
