import { Printer } from '../printer/printer.js';
import { generatedHeader } from './header.js';

export const runtimeFile = 'runtime.ts';

/** Helpers the generated models share: evolvable enums and telling JSON null from absent. */
export function emitRuntime(source: string): string {
  const p = new Printer().lines(generatedHeader(source));
  p.line(
    "import { createUntypedNodeFromDiscriminatorValue, isUntypedNull, type ParseNode } from '@microsoft/kiota-abstractions';",
  );
  p.line();
  p.doc([
    'An enum value as sent on the wire: one of the known members, or a value this client does not know yet',
    '(Graph enums are evolvable), kept as is so that nothing is lost on a round trip.',
  ]);
  p.line('export type Evolvable<T extends string> = T | (string & Record<never, never>);');
  p.line();
  p.doc([
    'null when the JSON value at `node` is null, else undefined. Called only after the typed read found',
    'nothing (or an empty object), so the untyped read it makes is of a null or a trivial value.',
  ]);
  p.block('export function nullOrUndefined(node: ParseNode): null | undefined {', () => {
    p.line(
      'return isUntypedNull(node.getObjectValue(createUntypedNodeFromDiscriminatorValue)) ? null : undefined;',
    );
  });
  p.line();
  p.doc(['Reads an object, keeping JSON null as null (a typed read would turn it into an empty object).']);
  p.block('export function objectOrNull<T>(node: ParseNode, read: () => T): T | null {', () => {
    p.line('const value = read();');
    p.line('if (value && typeof value === "object" && Object.keys(value).length > 0) return value;');
    p.line('return nullOrUndefined(node) === null ? null : value;');
  });
  return p.toString();
}
