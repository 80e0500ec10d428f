import { posix } from 'node:path';
import { namespaceFolder } from '../naming.js';

/** Generated file of a models namespace: `models/industryData/index.ts`, `models/index.ts` for microsoft.graph. */
export const modelsFile = (namespace: string): string =>
  posix.join('models', namespaceFolder(namespace), 'index.ts');

/** A relative ESM import specifier from one generated file to another (`.ts` written as `.js`). */
export function importPath(fromFile: string, toFile: string): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile).replace(/\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
