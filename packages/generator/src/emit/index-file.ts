import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { GeneratorIR } from '../ir/types.js';
import { Printer } from '../printer/printer.js';
import { clientFile } from './builders.js';
import { generatedHeader } from './header.js';
import { importPath, modelsFile } from './paths.js';
import { runtimeFile } from './runtime.js';

/** The generated entry point: every models namespace, the runtime helpers and the client factory. */
export function emitIndex(ir: GeneratorIR, source: string): string {
  const p = new Printer().lines(generatedHeader(source));
  const namespaces = [...new Set([...ir.models, ...ir.enums].map((x) => x.namespace))].sort(
    compareCodePoints,
  );
  for (const ns of namespaces) p.line(`export * from '${importPath('index.ts', modelsFile(ns))}';`);
  p.line(`export * from '${importPath('index.ts', runtimeFile)}';`);
  p.line(`export * from '${importPath('index.ts', clientFile)}';`);
  return p.toString();
}
