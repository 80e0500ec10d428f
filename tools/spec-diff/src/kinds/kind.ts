import type { DiffContext } from '../context.js';
import type { Classification, DocsSource } from '../types.js';

/** One change a kind found, before the kind's classification and reason are attached. */
export interface Finding {
  readonly location: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly message: string;
  readonly source?: DocsSource;
  /** The docs files it comes from (either side): where to look for a docs defect that explains it. */
  readonly files?: readonly string[];
  /** The API pages it comes from: a defect reported elsewhere that names one of them explains it too. */
  readonly pages?: readonly string[];
  /** Names (types) a defect reported on another page may give: one that names them explains it too. */
  readonly names?: readonly string[];
}

/** The README's sections. */
export type Area = 'operations' | 'requests' | 'responses' | 'permissions' | 'types' | 'properties' | 'docs';

/**
 * A rule of the diff: what a kind of change is, how it counts and why. `detect` finds its changes between two
 * revisions; `defects` are the extractor's diagnostic codes whose docs defect can produce such a change (a
 * change with one of them on its pages counts as `docs-defect`).
 */
export interface ChangeKind {
  readonly kind: string;
  readonly classification: Classification;
  readonly area: Area;
  /** When it is reported, in a few words. */
  readonly when: string;
  /** Why it has its classification. */
  readonly why: string;
  readonly defects: readonly string[];
  /** Found only from the extractor's diagnostics: reported when both sides are docs folders. */
  readonly needsDiagnostics?: boolean;
  detect(ctx: DiffContext): Finding[];
}

export const defineKind = (
  kind: Omit<ChangeKind, 'defects'> & { defects?: readonly string[] },
): ChangeKind => ({
  defects: [],
  ...kind,
});

/** Codes of defects that lose or garble a whole page: any change that page makes can come from them. */
export const pageDefects = [
  'page-unreadable',
  'page-binary',
  'page-empty',
  'front-matter-invalid',
  'annotation-invalid-json',
] as const;

/** Codes of defects that lose rows of a table. */
export const tableDefects = ['table-cut', 'table-unrecognised', 'table-stray-row'] as const;
