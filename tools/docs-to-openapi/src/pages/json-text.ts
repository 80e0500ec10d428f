import { createScanner, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is an ambient const enum, which isolatedModules cannot read: its values, copied.
const SyntaxKind = {
  CloseBraceToken: 2,
  CloseBracketToken: 4,
  CommaToken: 5,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;

/** A defect in hand-written JSON, at a 1-based line and column of the text. */
export interface JsonDefect {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Result of reading JSON that docs authors wrote by hand. */
export type LenientJson =
  | { readonly ok: true; readonly value: unknown; readonly repairs: readonly JsonDefect[] }
  | { readonly ok: false; readonly defects: readonly JsonDefect[] };

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const defectAt = (text: string, offset: number, message: string): JsonDefect => ({
  message,
  ...positionOf(text, offset),
});

/** Trailing commas and comments: JSON does not allow them, but what the author meant is unambiguous. */
function tolerated(text: string): JsonDefect[] {
  const found: JsonDefect[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: number | undefined;
  for (let kind: number = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      found.push(defectAt(text, scanner.getTokenOffset(), 'a comment, which JSON does not allow'));
      continue;
    }
    if (
      pendingComma !== undefined &&
      (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken)
    )
      found.push(defectAt(text, pendingComma, 'a trailing comma'));
    pendingComma = kind === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
  }
  return found;
}

/**
 * Parses hand-written JSON with a real tolerant parser (jsonc-parser), never rewriting the text, so string
 * contents stay exactly as written. Trailing commas, comments and a missing comma between two values are
 * read as the author evidently meant and listed in `repairs`; anything else (an unclosed string, a value
 * missing) fails with every defect and its line and column, so the caller reports it instead of guessing.
 */
export function parseLenientJson(text: string): LenientJson {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const defects = errors.map((e) => {
    const code = printParseErrorCode(e.error);
    const message =
      code === 'CommaExpected' ? 'a missing comma' : code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return { repairable: code === 'CommaExpected', defect: defectAt(text, e.offset, message) };
  });
  if (defects.some((d) => !d.repairable)) return { ok: false, defects: defects.map((d) => d.defect) };
  const repairs = [...tolerated(text), ...defects.map((d) => d.defect)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  return { ok: true, value, repairs };
}

/** `message at line:column; …` for a diagnostic, lines counted from `firstLine` (the text's line in its page). */
export function describeJsonDefects(defects: readonly JsonDefect[], firstLine: number): string {
  return defects.map((d) => `${d.message} at ${firstLine + d.line - 1}:${d.column}`).join('; ');
}
