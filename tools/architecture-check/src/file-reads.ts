import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/**
 * A file a module locates by a path written in its source, outside the import graph: `readFileSync(new URL(
 * '../../../specs/x.yaml', import.meta.url))`, a `here('../../rules/src/')` wrapper around such a URL, a
 * `${repoRoot}specs/…` template on a base found that way, or `createRequire(import.meta.url)('pkg/data.json')`.
 * dependency-cruiser sees imports only; these reads are what it cannot see.
 */
export interface FileRead {
  /** Absolute path the module reaches (a folder path ends with `/`). */
  readonly target: string;
  readonly line: number;
  /** The expression as written, for the message. */
  readonly text: string;
}

/** A module specifier given to `createRequire(…)(…)` / `require.resolve(…)`, to be resolved by the caller. */
export interface RequiredSpecifier {
  readonly specifier: string;
  readonly line: number;
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // `./fixtures/${name}`: the static head still says which folder is read.
  if (ts.isTemplateExpression(node)) return node.head.text.slice(0, node.head.text.lastIndexOf('/') + 1);
  return undefined;
}

function isImportMetaUrl(node: ts.Node | undefined): boolean {
  return (
    !!node &&
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'url' &&
    ts.isMetaProperty(node.expression) &&
    node.expression.keywordToken === ts.SyntaxKind.ImportKeyword
  );
}

/** `new URL(<arg>, import.meta.url)`: the first argument, or undefined. */
function urlFromImportMeta(node: ts.Node): ts.Expression | undefined {
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'URL')
    return undefined;
  const [first, second] = node.arguments ?? [];
  return isImportMetaUrl(second) ? first : undefined;
}

/**
 * The relative path of a location built from import.meta.url, as a base is written:
 * `new URL(p, import.meta.url)`, optionally inside `fileURLToPath(…)`, `.pathname`/`.href`, `env ?? …`.
 */
function baseUrl(node: ts.Expression): ts.Expression | undefined {
  if (ts.isParenthesizedExpression(node)) return baseUrl(node.expression);
  if (ts.isPropertyAccessExpression(node) && ['pathname', 'href'].includes(node.name.text))
    return baseUrl(node.expression);
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)
  )
    return baseUrl(node.right);
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'fileURLToPath' &&
    node.arguments[0]
  )
    return baseUrl(node.arguments[0]);
  return urlFromImportMeta(node);
}

function findDescendant<T extends ts.Node>(
  node: ts.Node,
  pick: (n: ts.Node) => T | undefined,
): T | undefined {
  const here = pick(node);
  if (here) return here;
  return ts.forEachChild(node, (child) => findDescendant(child, pick));
}

function resolveFrom(base: string, relative: string): string {
  const path = resolve(base, relative);
  return relative.endsWith('/') || relative === '.' || relative === '..' || relative.endsWith('/..')
    ? `${path}/`
    : path;
}

/** Finds the file reads and `require`d specifiers of one module. */
export function findFileReads(
  file: string,
  text: string,
): { reads: FileRead[]; required: RequiredSpecifier[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const dir = dirname(file);
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const reads: FileRead[] = [];
  const required: RequiredSpecifier[] = [];
  /** Functions whose parameter becomes `new URL(param, import.meta.url)`: name → parameter index. */
  const wrappers = new Map<string, number>();
  /** Names bound to a location found from import.meta.url (`const repoRoot = fileURLToPath(new URL('../..', …))`). */
  const bases = new Map<string, string>();
  /** Base declarations, reported only when nothing more precise is read through them. */
  const baseUses = new Map<string, { node: ts.Node; used: boolean }>();
  /** `createRequire(import.meta.url)` results. */
  const requires = new Set<string>();

  const record = (node: ts.Node, target: string) =>
    reads.push({ target, line: lineOf(node), text: node.getText(source).replace(/\s+/g, ' ') });

  // First pass: wrappers, bases and require functions, which later expressions use.
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = node.initializer;
      const fn = ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? init : undefined;
      if (fn) noteWrapper(node.name.text, fn);
      else {
        const url = baseUrl(init);
        const relative = literalText(url);
        if (url && relative !== undefined) {
          bases.set(node.name.text, resolveFrom(dir, relative));
          baseUses.set(node.name.text, { node: init, used: false });
        }
        if (
          ts.isCallExpression(init) &&
          ts.isIdentifier(init.expression) &&
          init.expression.text === 'createRequire'
        )
          requires.add(node.name.text);
      }
    }
    if (ts.isFunctionDeclaration(node) && node.name) noteWrapper(node.name.text, node);
    ts.forEachChild(node, collect);
  };
  const noteWrapper = (name: string, fn: ts.SignatureDeclarationBase & { body?: ts.Node | undefined }) => {
    if (!fn.body) return;
    const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
    const url = findDescendant(fn.body, urlFromImportMeta);
    if (url && ts.isIdentifier(url) && params.includes(url.text))
      wrappers.set(name, params.indexOf(url.text));
  };
  collect(source);

  const visit = (node: ts.Node): void => {
    const arg = urlFromImportMeta(node);
    if (arg) {
      const relative = literalText(arg);
      const isBaseInit = [...baseUses.values()].some((b) => b.node.pos <= node.pos && node.end <= b.node.end);
      if (relative !== undefined && !isBaseInit) record(node, resolveFrom(dir, relative));
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      // here('../../simulator/scenarios/')
      if (ts.isIdentifier(callee) && wrappers.has(callee.text)) {
        const relative = literalText(node.arguments[wrappers.get(callee.text) ?? 0]);
        if (relative !== undefined) record(node, resolveFrom(dir, relative));
      }
      // join(repoRoot, 'specs', 'x.yaml'), resolve(repoRoot, 'specs/')
      if (ts.isIdentifier(callee) && (callee.text === 'join' || callee.text === 'resolve')) {
        const [first, ...rest] = node.arguments;
        const base = first && ts.isIdentifier(first) ? bases.get(first.text) : undefined;
        const parts = rest.map(literalText);
        if (base !== undefined && parts.every((p) => p !== undefined) && parts.length > 0) {
          use(first as ts.Identifier);
          record(node, resolveFrom(base, parts.join('/')));
        }
      }
      // createRequire(import.meta.url)('x'), require('x'), require.resolve('x')
      const requireCall =
        (ts.isIdentifier(callee) && requires.has(callee.text)) ||
        (ts.isCallExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'createRequire') ||
        (ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'resolve' &&
          ((ts.isIdentifier(callee.expression) && requires.has(callee.expression.text)) ||
            (ts.isCallExpression(callee.expression) &&
              ts.isIdentifier(callee.expression.expression) &&
              callee.expression.expression.text === 'createRequire')));
      const specifier = literalText(node.arguments[0]);
      if (requireCall && specifier) {
        if (specifier.startsWith('.')) record(node, resolveFrom(dir, specifier));
        else required.push({ specifier, line: lineOf(node) });
      }
    }
    // `${repoRoot}specs/industrydata/openapi.yaml`
    if (ts.isTemplateExpression(node) && node.head.text === '') {
      const [span] = node.templateSpans;
      const base = span && ts.isIdentifier(span.expression) ? bases.get(span.expression.text) : undefined;
      if (span && base !== undefined) {
        use(span.expression as ts.Identifier);
        const rest = span.literal.text;
        // `${root}specs/${name}`: only the folder before the next substitution is known.
        const folder = node.templateSpans.length > 1 ? rest.slice(0, rest.lastIndexOf('/') + 1) : rest;
        record(node, resolveFrom(base, folder === '' ? '.' : folder));
      }
    }
    // new URL('specs/', repoRoot)
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [first, second] = node.arguments ?? [];
      const base = second && ts.isIdentifier(second) ? bases.get(second.text) : undefined;
      const relative = literalText(first);
      if (base !== undefined && relative !== undefined) {
        use(second as ts.Identifier);
        record(node, resolveFrom(base, relative));
      }
    }
    ts.forEachChild(node, visit);
  };
  const use = (id: ts.Identifier) => {
    const entry = baseUses.get(id.text);
    if (entry) entry.used = true;
  };
  visit(source);
  // A base used only in ways this scanner cannot follow (passed to a function, say) is itself the read.
  for (const [name, { node, used }] of baseUses) {
    const target = bases.get(name);
    if (!used && target !== undefined) record(node, target);
  }
  reads.sort((a, b) => a.line - b.line);
  return { reads, required };
}
