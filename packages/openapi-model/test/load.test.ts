import { describe, expect, it } from 'vitest';
import { parseSpec, SpecLoadError, schemaNameOfRef } from '../src/index.js';

describe('parseSpec', () => {
  it('reads a minimal document and fills empty components', () => {
    const spec = parseSpec('openapi: 3.0.4\ninfo: {title: t, version: "1"}\npaths: {}\n');
    expect(spec.components.schemas).toEqual({});
  });

  it.each([
    ['invalid YAML', 'a: [', /not valid YAML/],
    ['not OpenAPI', 'swagger: "2.0"\npaths: {}', /not an OpenAPI 3 document/],
    ['a scalar', '42', /not an OpenAPI 3 document/],
  ])('refuses %s with a message naming the file', (_name, text, want) => {
    expect(() => parseSpec(text, 'specs/x.yaml')).toThrow(SpecLoadError);
    expect(() => parseSpec(text, 'specs/x.yaml')).toThrow(want);
    expect(() => parseSpec(text, 'specs/x.yaml')).toThrow(/specs\/x\.yaml/);
  });

  it.each([
    [
      'block style',
      'openapi: 3.0.4\npaths: {}\ninfo:\n  title: T\n  version: "1"\n  x-on: on\n  x-date: 2024-03-25T21:55:03Z\n',
    ],
    [
      'with an anchor and an alias',
      'openapi: 3.0.4\npaths: {}\ninfo: &i\n  title: T\n  version: "1"\n  x-on: on\n  x-date: 2024-03-25T21:55:03Z\nx-copy: *i\n',
    ],
  ])('reads YAML 1.2 core values the same way (%s): dates stay strings, `on` is a string', (_name, text) => {
    const spec = parseSpec(text) as unknown as { info: Record<string, unknown> };
    expect(spec.info).toEqual({ title: 'T', version: '1', 'x-on': 'on', 'x-date': '2024-03-25T21:55:03Z' });
  });

  it('refuses a spec whose aliases would expand without bound ("billion laughs")', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const text = `openapi: 3.0.4\npaths: {}\n${levels.join('\n')}\n`;
    expect(() => parseSpec(text, 'specs/bomb.yaml')).toThrow(/not valid YAML/);
  });

  it('resolves local schema references and refuses others', () => {
    expect(schemaNameOfRef('#/components/schemas/a.b')).toBe('a.b');
    expect(() => schemaNameOfRef('other.yaml#/x')).toThrow(/only local/);
  });
});
