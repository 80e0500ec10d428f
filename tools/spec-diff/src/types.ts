import type { Diagnostic } from '@sds-toolkit/openapi-model';

/**
 * How a change counts, from the client's point of view:
 * - `breaking`: code written against the old revision may stop working;
 * - `non-breaking`: the API offers more, or warns (a deprecation); nothing that worked stops working;
 * - `documentation`: what the docs say changed, not what the API does;
 * - `docs-defect`: the difference comes from a defect of the docs pages that the extractor reported (a cut
 *   table, broken JSON, a missing page), not from the API.
 */
export type Classification = 'breaking' | 'non-breaking' | 'documentation' | 'docs-defect';

/**
 * Most severe first: the verdict of a diff is the classification of its most severe change. A docs defect ranks
 * above documentation: the spec lost or regained something, which a maintainer should look at.
 */
export const classifications: readonly Classification[] = [
  'breaking',
  'non-breaking',
  'docs-defect',
  'documentation',
];

/** Which revision a docs location or a diagnostic belongs to. */
export type Side = 'before' | 'after';

/** Where in the docs a change comes from: a page and line, relative to that side's docs folder. */
export interface DocsSource {
  readonly file: string;
  readonly line: number;
  readonly side: Side;
}

/** The docs defect, reported by the extractor, that explains a change. */
export interface DefectCause {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  /** `after`: the new revision introduced the defect; `before`: the new revision fixed it. */
  readonly side: Side;
  /** What the change would count as if no defect explained it. */
  readonly apparent: Classification;
}

export interface Change {
  readonly classification: Classification;
  /** What changed: `operation-removed`, `status-changed`, `deprecation-added`, … (the README's table). */
  readonly kind: string;
  /** Where in the spec: `PATCH /external/…` or `components.schemas.X.properties.y`. */
  readonly location: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly message: string;
  /** Why a change of this kind has this classification (the rule's reason). */
  readonly why: string;
  /** The docs page and line it comes from, when the spec records it. */
  readonly source: DocsSource | null;
  /** The docs defect that explains it, when one does (an API change it explains is classified `docs-defect`). */
  readonly defect: DefectCause | null;
}

export type Verdict = Classification | 'none';

export interface DiffSummary {
  readonly breaking: number;
  readonly nonBreaking: number;
  readonly documentation: number;
  readonly docsDefect: number;
  readonly total: number;
  readonly ignored: number;
  /** The classification of the most severe change, `none` without changes. */
  readonly verdict: Verdict;
}

/** Whether the extractor's diagnostics of each side were there to tell docs defects from API changes. */
export interface DefectsCompared {
  readonly before: boolean;
  readonly after: boolean;
  /** Said when a side had none (a spec file carries no diagnostics), empty otherwise. */
  readonly note: string;
}

export interface DiffResult {
  readonly changes: readonly Change[];
  readonly summary: DiffSummary;
  readonly defects: DefectsCompared;
}

/** The extractor's diagnostics of each side, when the side was a docs folder. */
export interface DiffOptions {
  readonly diagnostics?: {
    readonly before?: readonly Diagnostic[];
    readonly after?: readonly Diagnostic[];
  };
}
