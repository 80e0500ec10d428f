import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** A problem found in a set-up file, at a line of it. */
export interface Finding {
  readonly severity: 'error' | 'warning';
  /** 1-based; 0 when the finding is about the whole file. */
  readonly line: number;
  readonly column: number;
  /** JSON Pointer of the value in the file. */
  readonly pointer: string;
  readonly message: string;
  /** The documented rule, for findings of the rules' pre-flight. */
  readonly ruleId?: string;
  /** The docs page that says so. */
  readonly url?: string;
}

/** `file:line: message`, as editors and CI logs link it. */
export const formatFinding = (file: string, f: Finding): string =>
  `${file}${f.line > 0 ? `:${f.line}${f.column > 0 ? `:${f.column}` : ''}` : ''}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}${f.ruleId ? ` [${f.ruleId}]` : ''}`;

export const pointerOf = (segments: readonly (string | number)[]): string =>
  segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

export const segmentsOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));

/** A YAML (or JSON: YAML 1.2 reads it) document with the line of every value, for findings at file:line. */
export interface SourceDocument {
  readonly value: unknown;
  /** YAML syntax errors (the document cannot be used when there are any). */
  readonly syntax: readonly Finding[];
  /** The line and column of the value at `pointer` (of its key, with `key`), or of its nearest parent. */
  position(pointer: string, key?: string): { line: number; column: number };
}

export function readSource(text: string): SourceDocument {
  const lineCounter = new LineCounter();
  // YAML 1.2's core schema: `2025-09-01` stays a string, as the spec's dates are.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const syntax: Finding[] = doc.errors.map((e) => {
    const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return {
      severity: 'error',
      line: at.line,
      column: at.col,
      pointer: '',
      message: `not valid YAML: ${e.message.split('\n')[0]}`,
    };
  });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: 0, column: 0 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    value: syntax.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
    syntax,
    position(pointer, key) {
      let node: unknown = doc.contents;
      let found = at((doc.contents as Node | null)?.range?.[0]);
      const segments = segmentsOf(pointer);
      if (key !== undefined) segments.push(key);
      for (const [i, segment] of segments.entries()) {
        const last = i === segments.length - 1;
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment,
          );
          if (!pair) break;
          // A key asked for is found at its key; a value at its value (or its key when it has none).
          const keyNode = pair.key as Node;
          const valueNode = pair.value as Node | null;
          found = at((last && key !== undefined ? keyNode : (valueNode ?? keyNode)).range?.[0]);
          node = valueNode;
        } else if (isSeq(node)) {
          const item = node.items[Number(segment)] as Node | undefined;
          if (!item) break;
          found = at(item.range?.[0]);
          node = item;
        } else break;
      }
      return found;
    },
  };
}
