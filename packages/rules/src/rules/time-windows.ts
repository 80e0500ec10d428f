import type { Catalogue } from '../catalogue.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * Pairs of a start and an end whose docs make the end come after the start:
 * - inboundFlow: `effectiveDateTime` is the start of the window in which the flow may run, `expirationDateTime`
 *   its end; an end at or before the start leaves a window in which the flow never runs.
 * - yearTimePeriodDefinition: `startDate` is the year's first day, `endDate` its last; a last day before the first
 *   is no year (the same day for both is a year of one day, odd but not contradictory).
 * Checked where a body gives both, each in its property's format. (An update page that marks one end Required
 * leaves the other to the service: the simulator checks it against the stored one.)
 */
const windows: readonly {
  readonly type: string;
  readonly start: string;
  readonly end: string;
  /** The end must be after the start (true), or not before it (false). */
  readonly strict: boolean;
  /** Edm.Date (`2025-09-01`) or Edm.DateTimeOffset (`2025-09-01T00:00:00Z`, an offset always given). */
  readonly format: 'date' | 'date-time';
  readonly what: string;
  readonly docs: string;
}[] = [
  {
    type: 'microsoft.graph.industryData.inboundFlow',
    start: 'effectiveDateTime',
    end: 'expirationDateTime',
    strict: true,
    format: 'date-time',
    what: "the flow's window is empty",
    docs: 'api-reference/beta/resources/industrydata-inboundflow.md',
  },
  {
    type: 'microsoft.graph.industryData.yearTimePeriodDefinition',
    start: 'startDate',
    end: 'endDate',
    strict: false,
    format: 'date',
    what: 'the year ends before it starts',
    docs: 'api-reference/beta/resources/industrydata-yeartimeperioddefinition.md',
  },
];

const calendarDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * A value of the property's own format as milliseconds; undefined for anything else. Only these are read:
 * `Date.parse` also takes `09/01/2025` or `August 31, 2025`, and reads a date-time without an offset in the
 * machine's time zone; such a value is the schema layer's to refuse, and a finding here would hide its words.
 */
function timeOf(value: unknown, format: 'date' | 'date-time'): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (format === 'date') {
    const day = calendarDay.exec(value);
    if (!day) return undefined;
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // 2025-02-30 is no day (Date.UTC would roll it over to March).
    return new Date(ms).toISOString().startsWith(value) ? ms : undefined;
  }
  if (!dateTime.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Per catalogue, the types each window applies to (itself and its derived types), worked out once. */
const typesOf = new WeakMap<Catalogue, readonly ReadonlySet<string>[]>();
const windowTypes = (catalogue: Catalogue): readonly ReadonlySet<string>[] => {
  let types = typesOf.get(catalogue);
  if (!types) {
    types = windows.map((w) => new Set([w.type, ...catalogue.concreteTypes(w.type)]));
    typesOf.set(catalogue, types);
  }
  return types;
};

export const timeWindows: Rule = {
  id: 'time-windows',
  severity: 'error',
  docs: 'api-reference/beta/resources/industrydata-inboundflow.md',
  description: "An inbound flow's window and a year end after they start.",
  check({ objects, catalogue }) {
    const diagnostics: RuleFinding[] = [];
    const types = windowTypes(catalogue);
    for (const [i, window] of windows.entries()) {
      for (const { value, type, path } of objects) {
        if (!types[i]?.has(type)) continue;
        const start = timeOf(value[window.start], window.format);
        const end = timeOf(value[window.end], window.format);
        if (start === undefined || end === undefined) continue;
        if (window.strict ? end > start : end >= start) continue;
        diagnostics.push({
          ruleId: this.id,
          severity: 'error',
          path: `${path}/${window.end}`,
          message: `${window.what}: ${window.end} (${String(value[window.end])}) must come ${window.strict ? 'after' : 'on or after'} ${window.start} (${String(value[window.start])})`,
          docs: window.docs,
        });
      }
    }
    return diagnostics;
  },
};
