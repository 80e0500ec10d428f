import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Type-checks TypeScript snippets as a user's files inside the package at `root` would be (that package's own
 * name resolves to its sources through its exports, its dependencies through node_modules), all in one
 * program. Returns each snippet's diagnostics, as `line:column TScode message`. The rules' doc tests use it too.
 */
export function typeCheck(snippets: Readonly<Record<string, string>>, root: URL): Record<string, string[]> {
  const dir = fileURLToPath(root);
  const files = new Map(
    Object.entries(snippets).map(([name, text]) => [`${dir}__snippets__/${name}.ts`, text]),
  );
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['development'],
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [fileURLToPath(new URL('../node_modules/@types', import.meta.url))],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) => {
    const text = files.get(name);
    return text === undefined
      ? getSourceFile(name, version, onError, create)
      : ts.createSourceFile(name, text, version, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const result: Record<string, string[]> = {};
  for (const [path] of files) {
    const name = path.slice(`${dir}__snippets__/`.length, -3);
    const source = program.getSourceFile(path);
    result[name] = ts.getPreEmitDiagnostics(program, source).map((d) => {
      const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const where = at ? `${at.line + 1}:${at.character + 1} ` : '';
      return `${where}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  }
  return result;
}

/** The ```ts blocks of a markdown text, with the line each starts on. */
export function tsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** Type assertions in a snippet: `as`, `<T>x`, `x!` (a snippet that needs one shows types that guide nobody). */
export function casts(code: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node))
      found.push(node.getText());
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.ES2022, true));
  return found;
}
