export type Classification = 'breaking' | 'non-breaking' | 'documentation';

export interface Change {
  readonly classification: Classification;
  /** What changed: `operation-removed`, `status-changed`, `property-renamed`, … */
  readonly kind: string;
  /** Where: `PATCH /external/…` or `components.schemas.X.properties.y`. */
  readonly location: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly message: string;
}

export interface DiffResult {
  readonly changes: readonly Change[];
  readonly summary: {
    readonly breaking: number;
    readonly nonBreaking: number;
    readonly documentation: number;
    readonly total: number;
    readonly ignored: number;
  };
}
