import { describe, expect, it } from 'vitest';
import { describeJsonDefects, parseLenientJson } from '../../src/pages/json-text.js';

describe('parseLenientJson', () => {
  it.each([
    ['valid JSON', '{"a": 1}', { a: 1 }, []],
    [
      'a trailing comma',
      '{"a": [1, 2,],}',
      { a: [1, 2] },
      ['a trailing comma@1:12', 'a trailing comma@1:14'],
    ],
    ['a comment', '{\n  // note\n  "a": 1\n}', { a: 1 }, ['a comment, which JSON does not allow@2:3']],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', { a: 1, b: 2 }, ['a missing comma@3:3']],
    // The old regex repair removed ", }" inside strings; string contents must come through untouched.
    [
      'commas and brackets inside strings',
      '{"a": "x, }", "b": "y, ]",}',
      { a: 'x, }', b: 'y, ]' },
      ['a trailing comma@1:26'],
    ],
  ])('%s is read, each repair with its line and column', (_name, text, value, repairs) => {
    const result = parseLenientJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual(value);
    expect(result.repairs.map((r) => `${r.message}@${r.line}:${r.column}`)).toEqual(repairs);
  });

  it.each([
    ['an unterminated string', '{"a": "x\n}', 'unexpected end of string@1:7'],
    ['a missing value', '{"a": }', 'value expected@1:7'],
    ['text after the value', '{"a": 1} and more', 'invalid symbol@1:10'],
  ])('%s fails with the defect and where it is', (_name, text, first) => {
    const result = parseLenientJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [defect] = result.defects;
    expect(`${defect?.message}@${defect?.line}:${defect?.column}`).toBe(first);
  });

  it('describes defects at their lines in the page', () => {
    expect(describeJsonDefects([{ message: 'a trailing comma', line: 2, column: 5 }], 40)).toBe(
      'a trailing comma at 41:5',
    );
  });
});
