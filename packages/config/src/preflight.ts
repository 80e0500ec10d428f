import type { OperationInfo, Validator } from '@sds-toolkit/rules';
import type { Wire } from './convert.js';
import { type Finding, pointerOf, type SourceDocument, segmentsOf } from './file/source.js';
import { type DesiredObject, describe } from './setup.js';

/** A request body about to be sent for an object of the file. */
export interface Body {
  readonly object: DesiredObject;
  readonly operation: OperationInfo;
  readonly body: Wire;
  /** The flows of the set a flow goes to, as they will be (one-flow-per-type). */
  readonly flowSet?: { readonly provisioningFlows: readonly { readonly '@odata.type': string }[] };
}

/** A pointer into a body, as a pointer into the file: `@odata.type` is `type`, `x@odata.bind` is `x`. */
function filePointer(object: DesiredObject, bodyPointer: string): string {
  const segments = segmentsOf(bodyPointer).map((s) =>
    s === '@odata.type' ? 'type' : s.endsWith('@odata.bind') ? s.slice(0, -'@odata.bind'.length) : s,
  );
  return pointerOf([...segmentsOf(object.pointer), ...segments]);
}

/**
 * The rules' pre-flight: every body checked against the schemas and the documented rules before anything is
 * sent. Findings point at the file's lines (warnings too; only errors stop an apply).
 */
export function preflight(validator: Validator, bodies: readonly Body[], source: SourceDocument): Finding[] {
  const findings: Finding[] = [];
  for (const { object, operation, body, flowSet } of bodies) {
    const diagnostics = validator.validate(operation, body, flowSet ? { flowSet } : {});
    for (const d of diagnostics) {
      const pointer = filePointer(object, d.path);
      const { line, column } = source.position(pointer);
      const property = segmentsOf(pointer).slice(segmentsOf(object.pointer).length).join('/');
      findings.push({
        severity: d.severity,
        line,
        column,
        pointer,
        message: `${describe(object)}${property ? ` ${property}` : ''}: ${d.message} (see ${d.url})`,
        ruleId: d.ruleId,
        url: d.url,
      });
    }
  }
  return findings;
}
