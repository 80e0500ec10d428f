import type { WaitEvent } from './api.js';
import { type ApplyReport, pastTense } from './apply.js';
import { shortName } from './kinds.js';
import type { Action, Change, Plan, Step } from './plan.js';
import { type CurrentObject, describe, type SetUpObject } from './setup.js';
import { plural } from './text.js';

/** Colours for text output (identity functions when there is no terminal or NO_COLOR is set). */
export interface Colours {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const noColours: Colours = { red: String, green: String, yellow: String, dim: String };

const shown = (value: unknown): string => (value === undefined ? '(not set)' : JSON.stringify(value));

const changeLine = (c: Change) => `${c.path}: ${shown(c.from)} → ${shown(c.to)}`;

const symbols = { create: '+', update: '~', replace: '-/+', delete: '-' } as const;

export function summaryOf(planned: Plan) {
  const count = (a: Action['action']) => planned.actions.filter((x) => x.action === a).length;
  return {
    create: count('create'),
    update: count('update'),
    replace: count('replace'),
    delete: count('delete'),
    unchanged: planned.unchanged,
  };
}

/** Whether applying the plan would change anything. */
export const hasChanges = (planned: Plan): boolean => planned.actions.length > 0;

const typeNote = (object: SetUpObject) =>
  object.kind.matchBy === 'displayName' && object.kind.type !== object.type
    ? ` (${shortName(object.type)})`
    : '';

/** The plan as people read it: one line per object, property by property for updates, then a summary. */
export function planText(
  planned: Plan,
  where: { file: string; target: string },
  colours = noColours,
): string {
  const lines: string[] = [];
  const colour = { create: colours.green, update: colours.yellow, replace: colours.red, delete: colours.red };
  if (!hasChanges(planned)) {
    lines.push(
      `No changes: ${where.target} has the set-up of ${where.file} (${plural(planned.unchanged, 'object')}).`,
    );
  } else {
    lines.push(`${where.file} against ${where.target}:`);
    for (const action of planned.actions) {
      const object = action.action === 'delete' ? action.current : action.object;
      const head = `${colour[action.action](symbols[action.action])} ${describe(object)}${typeNote(object)}`;
      if (action.action === 'create') lines.push(`  ${head}`);
      else if (action.action === 'delete')
        lines.push(`  ${head} ${colours.dim(`(id ${action.current.id})`)}`);
      else {
        lines.push(
          `  ${head}${action.action === 'replace' ? `: ${action.reason}` : ''} ${colours.dim(`(id ${action.current.id})`)}`,
        );
        for (const c of action.changes) lines.push(`      ${changeLine(c)}`);
      }
    }
    const s = summaryOf(planned);
    lines.push(
      `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete (${plural(planned.steps.length, 'request')}); ${s.unchanged} unchanged.`,
    );
  }
  if (planned.unmanaged.length > 0)
    lines.push(
      `${plural(planned.unmanaged.length, 'object')} of the tenant ${planned.unmanaged.length === 1 ? 'is' : 'are'} not in ${where.file} and kept (--prune deletes them): ${planned.unmanaged.map((o) => describe(o)).join(', ')}.`,
    );
  return `${lines.join('\n')}\n`;
}

const objectJson = (object: SetUpObject) => ({
  kind: object.kind.name,
  name: object.name,
  type: shortName(object.type),
  ...(object.parent !== undefined ? { flowSet: object.parent } : {}),
});

const currentJson = (object: CurrentObject) => ({ ...objectJson(object), id: object.id });

function actionJson(action: Action) {
  switch (action.action) {
    case 'create':
      return { action: 'create', ...objectJson(action.object), value: action.object.value };
    case 'update':
      return { action: 'update', ...currentJson(action.current), changes: action.changes };
    case 'replace':
      return {
        action: 'replace',
        ...currentJson(action.current),
        type: shortName(action.object.type),
        reason: action.reason,
        changes: action.changes,
        value: action.object.value,
      };
    case 'delete':
      return { action: 'delete', ...currentJson(action.current) };
  }
}

/** The plan for scripts: what `sds plan --json` prints. */
export function planJson(planned: Plan, where: { file: string; target: string }) {
  return {
    file: where.file,
    target: where.target,
    changes: hasChanges(planned),
    summary: summaryOf(planned),
    actions: planned.actions.map(actionJson),
    requests: planned.steps.length,
    unmanaged: planned.unmanaged.map(currentJson),
  };
}

const stepObject = (step: Step) =>
  step.action.action === 'delete' ? step.action.current : step.action.object;

const stepJson = (step: Step) => ({ op: step.op, ...objectJson(stepObject(step)) });

/** What `sds apply --json` prints. */
export function reportJson(
  report: ApplyReport,
  waits: readonly WaitEvent[],
  where: { file: string; target: string },
) {
  return {
    file: where.file,
    target: where.target,
    complete: report.failed === undefined,
    done: report.done.map((d) => ({ ...stepJson(d.step), id: d.id })),
    failed: report.failed
      ? {
          ...stepJson(report.failed.step),
          message: report.failed.message,
          status: report.failed.status ?? null,
          code: report.failed.code ?? null,
          requestId: report.failed.requestId ?? null,
        }
      : null,
    notDone: report.notDone.map(stepJson),
    waits,
  };
}

/** `data connector 'x'`: what a step is about. */
export const describeStep = (step: Step): string => describe(stepObject(step));

/** One line per request sent, as it is done. */
export const doneLine = (step: Step, id: string, colours = noColours): string =>
  `${colours.green(pastTense(step.op))} ${describe(stepObject(step))} ${colours.dim(`(id ${id})`)}`;

/** The end of an apply: counts, or where it stopped, what was done and what was not. */
export function reportText(report: ApplyReport, colours = noColours): string {
  const count = (op: Step['op']) => report.done.filter((d) => d.step.op === op).length;
  const counts = `${count('create')} created, ${count('update')} updated, ${count('delete')} deleted`;
  if (!report.failed) return `Apply complete: ${report.done.length === 0 ? 'nothing to do' : counts}.\n`;
  const f = report.failed;
  const total = report.done.length + report.notDone.length;
  const lines = [
    colours.red(
      `Stopped at request ${report.done.length + 1} of ${total}: ${f.step.op} ${describe(stepObject(f.step))} failed: ${f.message}${f.requestId ? ` (request-id ${f.requestId})` : ''}`,
    ),
    `Done (${report.done.length}): ${report.done.map((d) => `${d.step.op} ${describe(stepObject(d.step))}`).join(', ') || 'nothing'}.`,
    // The failed request is named in the first line; the rest were not sent at all.
    `Not sent (${report.notDone.length - 1}): ${
      report.notDone
        .slice(1)
        .map((s) => `${s.op} ${describe(stepObject(s))}`)
        .join(', ') || 'nothing'
    }.`,
    'Fix the cause and run sds apply again: it plans from the tenant as it is now, so what is done is not redone.',
  ];
  return `${lines.join('\n')}\n`;
}

/** A wait the service asked for, for the terminal. */
export const waitLine = (w: WaitEvent): string =>
  `${w.what}: the service answered ${w.status}; waiting ${w.seconds} s as it asks (try ${w.attempt + 1})`;
