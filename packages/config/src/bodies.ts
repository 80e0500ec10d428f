import type { OperationInfo } from '@sds-toolkit/rules';
import { type ToWireContext, toWire, type Wire } from './convert.js';
import { type KindName, kindOf } from './kinds.js';
import type { ConfigModel } from './model.js';
import type { Action, Plan, Step } from './plan.js';
import type { Body } from './preflight.js';
import { type ConfigObject, type CurrentObject, type DesiredObject, describe, keyOf } from './setup.js';

/** Where the ids of objects come from when a body is built: the tenant's, and those made by this apply. */
export interface Ids {
  get(kind: KindName, name: string, parent?: string): string | undefined;
}

/** A secret the environment does not hold. */
export class MissingSecretError extends Error {
  override readonly name = 'MissingSecretError';
  constructor(
    readonly variable: string,
    readonly object: DesiredObject,
  ) {
    super(
      `set the environment variable ${variable}: ${describe(object)} needs the secret it names (a file never holds secrets)`,
    );
  }
}

/**
 * The request body of a step: a create sends what the file writes; an update the properties that changed and
 * those its request-body table requires (from the file, else as the tenant has them). Names become bind URLs
 * (`bind`), secrets the values of the environment variables the file names.
 */
export function bodyOf(
  model: ConfigModel,
  step: Step,
  bind: (kind: KindName, name: string) => string,
  roleGroup: (id: string) => string,
  env: Readonly<Record<string, string | undefined>>,
): { body: Wire; operation: OperationInfo } | undefined {
  const action = step.action;
  if (step.op === 'delete' || action.action === 'delete') return undefined;
  const object = action.object;
  const context: ToWireContext = {
    bind,
    roleGroup,
    secret(ref) {
      const value = env[ref.env];
      if (value === undefined || value === '') throw new MissingSecretError(ref.env, object);
      return value;
    },
  };
  const withType = model.needsType(object.kind.type);
  if (step.op === 'create')
    return {
      body: toWire(model, object.type, object.value, object.kind, context, withType),
      operation: model.createOperation(object.kind),
    };
  if (action.action !== 'update') return undefined;
  const changed = new Set(action.changes.map((c) => c.property));
  for (const name of model.requiredOnUpdate(object.kind, object.type)) changed.add(name);
  const subset: ConfigObject = {};
  for (const name of changed) {
    const value = name in object.value ? object.value[name] : action.current.value[name];
    if (value !== undefined) subset[name] = value;
  }
  return {
    body: toWire(model, object.type, subset, object.kind, context, withType),
    operation: model.updateOperation(object.kind),
  };
}

/** Ids from the tenant as planned, plus those made since. */
export class IdBook implements Ids {
  private readonly ids = new Map<string, string>();

  constructor(current: readonly CurrentObject[]) {
    for (const c of current) this.ids.set(keyOf(c), c.id);
  }

  set(object: DesiredObject, id: string): void {
    this.ids.set(keyOf(object), id);
  }

  forget(object: CurrentObject): void {
    if (this.ids.get(keyOf(object)) === object.id) this.ids.delete(keyOf(object));
  }

  get(kind: KindName, name: string, parent?: string): string | undefined {
    return this.ids.get(keyOf({ kind: kindOf(kind), name, ...(parent !== undefined ? { parent } : {}) }));
  }
}

/**
 * Every body the plan will send, built with stand-in URLs for objects not made yet, for the rules' pre-flight.
 * A secret the environment lacks is an error here, before anything is sent.
 */
export function plannedBodies(
  model: ConfigModel,
  planned: Plan,
  baseUrl: string,
  env: Readonly<Record<string, string | undefined>>,
  tenantFlows: (setName: string) => readonly CurrentObject[],
): { bodies: Body[]; missing: MissingSecretError[] } {
  const bodies: Body[] = [];
  const missing: MissingSecretError[] = [];
  const standIn = (kind: string, name: string) =>
    `${baseUrl}/external/industryData/${kind}/${encodeURIComponent(name)}`;
  for (const step of planned.steps) {
    try {
      const built = bodyOf(model, step, standIn, (id) => standIn('roleGroups', id), env);
      const action: Action = step.action;
      if (!built || action.action === 'delete') continue;
      const object = action.object;
      const flowSet =
        object.parent !== undefined && step.op === 'create'
          ? {
              provisioningFlows: tenantFlows(object.parent)
                .filter((f) => f.name !== object.name)
                .map((f) => ({ '@odata.type': `#${f.type}` })),
            }
          : undefined;
      bodies.push({ object, ...built, ...(flowSet ? { flowSet } : {}) });
    } catch (error) {
      if (error instanceof MissingSecretError) {
        if (!missing.some((m) => m.variable === error.variable)) missing.push(error);
      } else throw error;
    }
  }
  return { bodies, missing };
}
