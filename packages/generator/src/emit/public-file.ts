import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { GeneratorIR, TreeNode } from '../ir/types.js';
import { Printer } from '../printer/printer.js';
import { fileOf, queryInterface } from './builders.js';
import { generatedHeader } from './header.js';
import { anyName } from './models.js';
import { importPath, modelsFile } from './paths.js';
import { runtimeFile } from './runtime.js';

export const publicFile = 'public.ts';

/** `export type { … } from '…';`, names sorted, one line per name so that a diff reads name by name. */
function exportList(
  p: Printer,
  keyword: 'export' | 'export type',
  names: readonly string[],
  from: string,
): void {
  if (names.length === 0) return;
  p.block(
    `${keyword} {`,
    () => {
      for (const name of [...names].sort(compareCodePoints)) p.line(`${name},`);
    },
    `} from '${from}';`,
  );
}

/**
 * What the package exports of the generated code: the models (interfaces, unions of concrete types, enums
 * with their const objects) and the request builders' interfaces with their query parameters. Serializers,
 * reader tables, URI templates and metadata stay inside: they are how the builders work, not what callers use.
 */
export function emitPublic(ir: GeneratorIR, source: string): string {
  const p = new Printer().lines(generatedHeader(source));
  const namespaces = [...new Set([...ir.models, ...ir.enums].map((x) => x.namespace))].sort(
    compareCodePoints,
  );
  for (const ns of namespaces) {
    const from = importPath(publicFile, modelsFile(ns));
    const models = ir.models.filter((m) => m.namespace === ns);
    const enums = ir.enums.filter((e) => e.namespace === ns);
    exportList(
      p,
      'export',
      enums.map((e) => `${e.name}Object`),
      from,
    );
    exportList(
      p,
      'export type',
      [
        ...models.map((m) => m.name),
        ...models.filter((m) => m.derived.length > 0).map((m) => anyName(m.name)),
        ...enums.map((e) => e.name),
      ],
      from,
    );
  }
  exportList(p, 'export type', ['Evolvable'], importPath(publicFile, runtimeFile));
  const visit = (node: TreeNode): void => {
    exportList(
      p,
      'export type',
      [
        node.builderName,
        ...node.operations
          .filter((op) => op.queryParameters.length > 0)
          .map((op) => queryInterface(node, op)),
      ],
      importPath(publicFile, fileOf(node)),
    );
    for (const child of node.children) visit(child);
  };
  visit(ir.root);
  return p.toString();
}
