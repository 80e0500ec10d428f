export type RuleSeverity = 'error' | 'warning';

/** What a rule finds: what rule, where (JSON Pointer), what to change, and the page that says so. */
export interface RuleFinding {
  readonly ruleId: string;
  readonly severity: RuleSeverity;
  /** JSON Pointer into the payload (`''` for the whole payload). The message does not repeat it. */
  readonly path: string;
  readonly message: string;
  /** The docs page the rule comes from, as a path in the docs folder (`api-reference/beta/…/x.md`). */
  readonly docs: string;
  /** The line of that page, where known. */
  readonly line?: number;
}

/** One finding about a payload, with the address of the page a person can open. */
export interface RuleDiagnostic extends RuleFinding {
  /** The page on learn.microsoft.com (or, for a finding that no docs page states, the standard that does). */
  readonly url: string;
}

/** The flow set a payload is sent to, as the service has it: what state-dependent rules look at. */
export interface FlowSetState {
  readonly id?: string;
  readonly provisioningFlows?: readonly { readonly id?: string; readonly '@odata.type'?: string }[];
}

/** The flow a PATCH targets, when known (its type must match the body's). */
export interface TargetState {
  readonly '@odata.type'?: string;
  readonly id?: string;
}

export interface ValidationContext {
  readonly operation: import('./catalogue.js').OperationInfo;
  readonly payload: unknown;
  readonly flowSet: FlowSetState | undefined;
  readonly target: TargetState | undefined;
  readonly catalogue: import('./catalogue.js').Catalogue;
  /** Every object of the payload with its type (walked once, shared by the rules). */
  readonly objects: readonly import('./walk.js').Visit[];
}

export interface Rule {
  readonly id: string;
  readonly severity: RuleSeverity;
  /** The docs page (repository path) the rule comes from. */
  readonly docs: string;
  /** What the rule checks, in one sentence (shown by `sds validate --help` and the behaviour catalogue). */
  readonly description: string;
  check(context: ValidationContext): RuleFinding[];
}

/** JSON Pointer escaping (RFC 6901). */
export const pointer = (...parts: readonly (string | number)[]): string =>
  parts.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
