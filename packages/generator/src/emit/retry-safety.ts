import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { GeneratorIR, TreeNode } from '../ir/types.js';
import { Printer, str } from '../printer/printer.js';
import { uriTemplate } from './builders.js';
import { generatedHeader } from './header.js';

export const retrySafetyFile = 'retry-safety.ts';

/** `GET {+baseurl}/…{?…}`: a request as a Kiota RequestInformation names it (method, URI template). */
export const requestKey = (node: TreeNode, method: string): string =>
  `${method.toUpperCase()} ${uriTemplate(node)}`;

/**
 * The requests the client's default middleware may send again after 429, 503 or 504 without the caller
 * opting in (`OperationIR.retrySafe`), as a set of request keys. The client marks each request it sends with
 * its entry here, so its retry handler decides by operation, not by method alone.
 */
export function emitRetrySafety(ir: GeneratorIR, source: string): string {
  const keys: string[] = [];
  const visit = (node: TreeNode): void => {
    for (const op of node.operations) if (op.retrySafe) keys.push(requestKey(node, op.method));
    for (const child of node.children) visit(child);
  };
  visit(ir.root);
  const p = new Printer().lines(generatedHeader(source));
  p.doc([
    'The requests the default middleware may send again after 429, 503 or 504 without the caller opting in:',
    'operations with an idempotent method (GET, PUT, DELETE) and those the spec marks `x-sds-retry-safe: true`,',
    'less those it marks `false`. A create, an update (PATCH) or an action the spec does not mark is not among',
    'them: sent twice, it may be carried out twice. Keyed `METHOD uriTemplate`, as a RequestInformation names',
    'its request.',
  ]);
  if (keys.length === 0) {
    p.line('export const retrySafeRequests: ReadonlySet<string> = new Set<string>();');
    return p.toString();
  }
  p.block(
    'export const retrySafeRequests: ReadonlySet<string> = new Set<string>([',
    () => {
      for (const key of keys.sort(compareCodePoints)) p.line(`${str(key)},`);
    },
    ']);',
  );
  return p.toString();
}
