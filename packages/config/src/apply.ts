import { IndustryDataError } from '@sds-toolkit/client';
import { type TenantApi, ThrottledError } from './api.js';
import { bodyOf, IdBook } from './bodies.js';
import type { ConfigModel } from './model.js';
import { type Plan, type Step, subject } from './plan.js';
import type { CurrentObject } from './setup.js';

/** A request of the apply that was carried out. */
export interface DoneStep {
  readonly step: Step;
  /** The id of the object created, updated or deleted. */
  readonly id: string;
}

/** The request that failed, and why, as the service said it. */
export interface FailedStep {
  readonly step: Step;
  readonly message: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
}

export interface ApplyReport {
  readonly done: readonly DoneStep[];
  readonly failed: FailedStep | undefined;
  /** What was not sent because of the failure (the failed step first). */
  readonly notDone: readonly Step[];
}

export interface ApplyEvents {
  /** A step is about to be sent (`index` from 0, of `total`). */
  onStep?(step: Step, index: number, total: number): void;
  onDone?(done: DoneStep): void;
}

/** `created`, `updated`, `deleted`: a step in the past tense. */
export const pastTense = (op: Step['op']): string => `${op}d`;

/** `create data connector 'x'`, for reports. */
export const stepText = (step: Step): string => `${step.op} ${subject(step.action)}`;

function failure(step: Step, error: unknown): FailedStep {
  const cause = error instanceof ThrottledError ? error.cause : error;
  const message = error instanceof Error ? error.message : String(error);
  if (cause instanceof IndustryDataError)
    return {
      step,
      message: error instanceof ThrottledError ? message : cause.message,
      status: cause.status,
      code: cause.code,
      requestId: cause.requestId,
    };
  return { step, message, status: undefined, code: undefined, requestId: undefined };
}

/**
 * Sends the plan's steps in order, stopping at the first that fails: the report says what was done, what failed
 * (the service's status, code and request-id) and what was not sent. Applying again plans again from the
 * tenant, so what is done is matched and not redone. A delete of something already gone counts as done.
 * The bodies must have passed the pre-flight (`plannedBodies` and `preflight`).
 */
export async function applyPlan(
  model: ConfigModel,
  api: TenantApi,
  planned: Plan,
  current: readonly CurrentObject[],
  env: Readonly<Record<string, string | undefined>>,
  events: ApplyEvents = {},
): Promise<ApplyReport> {
  const ids = new IdBook(current);
  const done: DoneStep[] = [];
  const total = planned.steps.length;
  for (const [index, step] of planned.steps.entries()) {
    events.onStep?.(step, index, total);
    const action = step.action;
    try {
      let id: string;
      if (step.op === 'delete') {
        const target =
          action.action === 'delete'
            ? action.current
            : action.action === 'create'
              ? undefined
              : action.current;
        if (!target) continue;
        try {
          await api.delete(target.kind, target.id, target.parentId);
        } catch (error) {
          // Already gone (deleted by hand, or by a run that stopped after sending it): what was wanted.
          if (!(error instanceof IndustryDataError && error.status === 404)) throw error;
        }
        ids.forget(target);
        id = target.id;
      } else {
        if (action.action === 'delete') continue;
        const object = action.object;
        const built = bodyOf(
          model,
          step,
          (kind, name) => {
            const found = ids.get(kind, name);
            if (!found) throw new Error(`${kind} '${name}' has no id yet: it should have been created first`);
            return api.bindUrl(kind, found);
          },
          (roleGroupId) => api.bindUrl('roleGroups', roleGroupId),
          env,
        );
        if (!built) continue;
        const parentId =
          object.parent !== undefined ? ids.get('outboundProvisioningFlowSets', object.parent) : undefined;
        if (object.parent !== undefined && !parentId)
          throw new Error(`flow set '${object.parent}' has no id yet: it should have been created first`);
        if (step.op === 'create') {
          const made = await api.create(object.kind, built.body, parentId);
          id = String(made.id);
          ids.set(object, id);
        } else {
          if (action.action !== 'update') continue;
          await api.update(object.kind, action.current.id, built.body, parentId);
          id = action.current.id;
        }
      }
      const record = { step, id };
      done.push(record);
      events.onDone?.(record);
    } catch (error) {
      return { done, failed: failure(step, error), notDone: planned.steps.slice(index) };
    }
  }
  return { done, failed: undefined, notDone: [] };
}
