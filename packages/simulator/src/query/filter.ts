import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { Json } from '../json.js';
import { QueryError } from './query-error.js';

/**
 * `$filter`: comparisons (`eq ne gt ge lt le`, `in (…)`), `and`, `or`, `not`, parentheses, and the string
 * functions `startswith`, `endswith`, `contains`, `tolower`, `toupper`, over property paths (`filter/attribute`)
 * and literals (strings, numbers, booleans, null, dates and GUIDs). One pass over the text: the time it takes
 * grows with the length of the expression, never faster.
 */

type Token =
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'word'; value: string; at: number }
  | { kind: 'punct'; value: '(' | ')' | ','; at: number };

export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'path'; path: readonly string[]; edm?: string | undefined }
  | { kind: 'call'; name: string; args: readonly Expr[] }
  | { kind: 'compare'; op: string; left: Expr; right: Expr }
  | { kind: 'in'; left: Expr; list: readonly Expr[] }
  | { kind: 'logical'; op: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr };

const maxDepth = 50;
const comparisons = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const functions: Readonly<Record<string, number>> = {
  startswith: 2,
  endswith: 2,
  contains: 2,
  tolower: 1,
  toupper: 1,
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const ch = text[i] as string;
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch, at: i });
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        const end = text.indexOf("'", i);
        if (end < 0)
          throw new QueryError(`$filter: the string starting at ${start + 1} has no closing quote`);
        value += text.slice(i, end);
        if (text[end + 1] === "'") {
          value += "'";
          i = end + 2;
        } else {
          i = end + 1;
          break;
        }
      }
      tokens.push({ kind: 'string', value, at: start });
      continue;
    }
    const start = i;
    while (i < text.length && !/[\s(),']/.test(text[i] as string)) i++;
    const word = text.slice(start, i);
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(word))
      tokens.push({ kind: 'number', value: Number(word), at: start });
    else tokens.push({ kind: 'word', value: word, at: start });
  }
  return tokens;
}

const dateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const operatorKinds: Readonly<Record<string, string>> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

/** The EDM type of a literal, as OData's errors name it. */
function literalEdm(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? 'Edm.Int32' : 'Edm.Double';
  if (typeof value === 'boolean') return 'Edm.Boolean';
  if (typeof value === 'string') return 'Edm.String';
  return undefined;
}

const numeric = new Set(['Edm.Int32', 'Edm.Int64', 'Edm.Double']);

/**
 * A property compared with a literal of another type (`sortIndex gt '10'`, `isDisabled eq 'true'`) is refused
 * as OData refuses it, in its words. Dates and times are written as literals the tokenizer reads as strings.
 */
function compatible(op: string, path: Expr, literal: Expr): void {
  if (path.kind !== 'path' || !path.edm || literal.kind !== 'literal') return;
  const found = literalEdm(literal.value);
  if (!found) return;
  const fits = numeric.has(path.edm)
    ? numeric.has(found)
    : path.edm === 'Edm.Boolean'
      ? found === 'Edm.Boolean'
      : found === 'Edm.String';
  if (!fits)
    throw new QueryError(
      `A binary operator with incompatible types was detected. Found operand types '${path.edm}' and '${found}' for operator kind '${operatorKinds[op] ?? op}'.`,
    );
}

/** Parses a `$filter` expression; `checkPath` refuses property paths the type does not have. */
export function parseFilter(text: string, checkPath: (path: readonly string[]) => string | undefined): Expr {
  const tokens = tokenize(text);
  let at = 0;
  let depth = 0;
  const peek = () => tokens[at];
  const isWord = (value: string) => {
    const t = tokens[at];
    return t?.kind === 'word' && t.value.toLowerCase() === value;
  };
  const expectPunct = (value: string) => {
    const t = tokens[at];
    if (t?.kind !== 'punct' || t.value !== value)
      throw new QueryError(
        `$filter: expected '${value}' ${t ? `at ${t.at + 1}` : 'at the end'}, in "${text.slice(0, 200)}"`,
      );
    at++;
  };
  const nested = <T>(parse: () => T): T => {
    if (++depth > maxDepth) throw new QueryError(`$filter nests deeper than ${maxDepth} levels`);
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  const primary = (): Expr =>
    nested(() => {
      const t = peek();
      if (!t) throw new QueryError('$filter ends where a value or a property was expected');
      if (t.kind === 'punct' && t.value === '(') {
        at++;
        const inner = or();
        expectPunct(')');
        return inner;
      }
      if (t.kind === 'string') {
        at++;
        return { kind: 'literal', value: t.value };
      }
      if (t.kind === 'number') {
        at++;
        return { kind: 'literal', value: t.value };
      }
      if (t.kind === 'punct') throw new QueryError(`$filter: unexpected '${t.value}' at ${t.at + 1}`);
      at++;
      const lower = t.value.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      if (lower === 'null') return { kind: 'literal', value: null };
      if (dateTime.test(t.value) || guid.test(t.value)) return { kind: 'literal', value: t.value };
      if (/^(any|all)$/i.test(t.value.split('/').at(-1) ?? ''))
        throw new QueryError('$filter: lambda operators (any, all) are not supported by the simulator');
      const next = peek();
      if (next?.kind === 'punct' && next.value === '(') {
        const arity = functions[lower];
        if (arity === undefined)
          throw new QueryError(
            `$filter: the function '${t.value}' is not supported; the simulator reads ${Object.keys(functions).join(', ')}`,
          );
        at++;
        const args: Expr[] = [];
        if (!(peek()?.kind === 'punct' && (peek() as { value: string }).value === ')')) {
          args.push(or());
          while (peek()?.kind === 'punct' && (peek() as { value: string }).value === ',') {
            at++;
            args.push(or());
          }
        }
        expectPunct(')');
        if (args.length !== arity)
          throw new QueryError(`$filter: ${lower} takes ${arity} argument${arity === 1 ? '' : 's'}`);
        return { kind: 'call', name: lower, args };
      }
      if (!/^[A-Za-z_@][\w.@]*(\/[A-Za-z_@][\w.@]*)*$/.test(t.value))
        throw new QueryError(
          `$filter: '${t.value.slice(0, 50)}' at ${t.at + 1} is neither a property nor a value`,
        );
      const path = t.value.split('/');
      return { kind: 'path', path, edm: checkPath(path) };
    });

  const comparison = (): Expr => {
    const left = primary();
    const t = peek();
    if (t?.kind === 'word') {
      const op = t.value.toLowerCase();
      if (comparisons.has(op)) {
        at++;
        const right = primary();
        compatible(op, left, right);
        compatible(op, right, left);
        return { kind: 'compare', op, left, right };
      }
      if (op === 'in') {
        at++;
        expectPunct('(');
        const list: Expr[] = [primary()];
        while (peek()?.kind === 'punct' && (peek() as { value: string }).value === ',') {
          at++;
          list.push(primary());
        }
        expectPunct(')');
        for (const item of list) compatible('eq', left, item);
        return { kind: 'in', left, list };
      }
    }
    return left;
  };
  const not = (): Expr =>
    nested(() => {
      if (isWord('not')) {
        at++;
        return { kind: 'not', operand: not() };
      }
      return comparison();
    });
  const and = (): Expr => {
    let left = not();
    while (isWord('and')) {
      at++;
      left = { kind: 'logical', op: 'and', left, right: not() };
    }
    return left;
  };
  const or = (): Expr =>
    nested(() => {
      let left = and();
      while (isWord('or')) {
        at++;
        left = { kind: 'logical', op: 'or', left, right: and() };
      }
      return left;
    });

  if (tokens.length === 0)
    throw new QueryError("$filter is empty: give an expression, e.g. displayName eq 'x'");
  const expr = or();
  const rest = peek();
  if (rest)
    throw new QueryError(
      `$filter: unexpected '${rest.kind === 'string' ? `'${rest.value}'` : String(rest.value).slice(0, 50)}' at ${rest.at + 1}`,
    );
  return expr;
}

function valueAt(item: Json, path: readonly string[]): unknown {
  let node: unknown = item;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    node = Object.hasOwn(node, part) ? (node as Json)[part] : null;
  }
  return node ?? null;
}

/** Orders two values: null first, numbers by value, everything else as text by code point. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareCodePoints(String(a), String(b));
}

const equal = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'string' && typeof b === 'string' && guid.test(a) && guid.test(b))
    return a.toLowerCase() === b.toLowerCase();
  return (
    (a ?? null) === (b ?? null) ||
    (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b))
  );
};

export function evaluate(expr: Expr, item: Json): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'path':
      return valueAt(item, expr.path);
    case 'call': {
      const args = expr.args.map((a) => evaluate(a, item));
      const [x, y] = args;
      if (expr.name === 'tolower') return typeof x === 'string' ? x.toLowerCase() : null;
      if (expr.name === 'toupper') return typeof x === 'string' ? x.toUpperCase() : null;
      if (typeof x !== 'string' || typeof y !== 'string') return false;
      if (expr.name === 'startswith') return x.startsWith(y);
      if (expr.name === 'endswith') return x.endsWith(y);
      return x.includes(y);
    }
    case 'compare': {
      const a = evaluate(expr.left, item);
      const b = evaluate(expr.right, item);
      if (expr.op === 'eq') return equal(a, b);
      if (expr.op === 'ne') return !equal(a, b);
      // An ordering with null on either side is false, as OData has it.
      if (a === null || b === null) return false;
      const order = compareValues(a, b);
      return expr.op === 'gt'
        ? order > 0
        : expr.op === 'ge'
          ? order >= 0
          : expr.op === 'lt'
            ? order < 0
            : order <= 0;
    }
    case 'in': {
      const a = evaluate(expr.left, item);
      return expr.list.some((e) => equal(a, evaluate(e, item)));
    }
    case 'logical':
      return expr.op === 'and'
        ? evaluate(expr.left, item) === true && evaluate(expr.right, item) === true
        : evaluate(expr.left, item) === true || evaluate(expr.right, item) === true;
    case 'not':
      return evaluate(expr.operand, item) !== true;
  }
}
