import type { RuleDiagnostic } from './types.js';

/** Deeper than this, a payload is not a flow set: rules refuse it instead of walking it. */
export const maxDepth = 64;
/** Bigger than this, a payload is not a flow set either (the largest documented example is a few KB). */
export const maxBytes = 5 * 1024 * 1024;

export type ParsedInput =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly diagnostic: RuleDiagnostic };

/** What payloads must be is JSON's own standard, not a docs page. */
const jsonStandard = 'https://www.rfc-editor.org/rfc/rfc8259';

const inputError = (message: string, path = ''): ParsedInput => ({
  ok: false,
  diagnostic: { ruleId: 'input', severity: 'error', path, message, docs: jsonStandard, url: jsonStandard },
});

/**
 * How deep a JSON value nests, counting no further than `limit` + 1: the recursion is bounded by the limit, so a
 * 10,000-level payload cannot overflow the stack.
 */
function depthOf(value: unknown, limit: number): number {
  const below = (node: unknown, depth: number): number => {
    if (node === null || typeof node !== 'object' || depth > limit) return depth;
    let deepest = depth;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && deepest <= limit; i++) {
        const d = below(node[i], depth + 1);
        if (d > deepest) deepest = d;
      }
    } else {
      for (const key of Object.keys(node)) {
        const d = below((node as Record<string, unknown>)[key], depth + 1);
        if (d > deepest) deepest = d;
        if (deepest > limit) break;
      }
    }
    return deepest;
  };
  return below(value, 0);
}

/**
 * Reads a payload from text: a byte-order mark is dropped, then the text must be JSON, at most `maxBytes`, at
 * most `maxDepth` deep. `__proto__` and `constructor` keys stay plain data (JSON.parse never touches prototypes,
 * and no rule assigns by key).
 */
export function parsePayload(text: string): ParsedInput {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (Buffer.byteLength(body) > maxBytes)
    return inputError(
      `the payload is ${Buffer.byteLength(body)} bytes; payloads over ${maxBytes} bytes are refused`,
    );
  // Counting brackets first keeps JSON.parse itself away from pathological nesting.
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
    if (deepest > maxDepth)
      return inputError(`the payload nests deeper than ${maxDepth} levels; a flow set nests about 6`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return inputError(`the payload is not JSON: ${oneLine((error as Error).message, body)}`);
  }
  const twice = duplicateKey(body);
  if (twice)
    return inputError(
      `'${twice.key}' is given twice in one object: JSON.parse keeps the last, a service may refuse the body or keep either; give it once`,
      twice.path,
    );
  return { ok: true, value };
}

/** JSON.parse's message on one line (it may quote the text, newlines and all), with the line and column. */
function oneLine(message: string, text: string): string {
  const flat = message.replace(/\r?\n/g, '\\n');
  const at = /at position (\d+)/.exec(message);
  if (!at) return flat;
  const before = text.slice(0, Number(at[1])).split('\n');
  return `${flat} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

interface Frame {
  readonly object: boolean;
  readonly keys: Set<string>;
  /** The key (object) or index (array) of the value being read: the frame's part of a JSON Pointer. */
  segment: string;
}

/**
 * The first name given twice in one object of valid JSON text, with its JSON Pointer: RFC 8259 §4 leaves what
 * a receiver makes of it open, and JSON.parse silently keeps the last.
 */
function duplicateKey(text: string): { key: string; path: string } | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) stack.push({ object: c === 123, keys: new Set(), segment: '0' });
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 44) {
      const top = stack.at(-1);
      if (top && !top.object) top.segment = String(Number(top.segment) + 1);
    } else if (c === 34) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      const top = stack.at(-1);
      let next = i + 1;
      while (next < text.length && /\s/.test(text.charAt(next))) next++;
      if (!top?.object || text.charAt(next) !== ':') continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      if (top.keys.has(key)) {
        const parts = [...stack.slice(0, -1).map((f) => f.segment), key];
        return { key, path: parts.map((p) => `/${p.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('') };
      }
      top.keys.add(key);
      top.segment = key;
    }
  }
  return undefined;
}

/** The same limits for a value already parsed (the simulator parses bodies itself). */
export function checkParsed(value: unknown): RuleDiagnostic | undefined {
  if (depthOf(value, maxDepth) > maxDepth) {
    return {
      ruleId: 'input',
      severity: 'error',
      path: '',
      message: `the payload nests deeper than ${maxDepth} levels; a flow set nests about 6`,
      docs: jsonStandard,
      url: jsonStandard,
    };
  }
  return undefined;
}
