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

  it('resolves local schema references and refuses others', () => {
    expect(schemaNameOfRef('#/components/schemas/a.b')).toBe('a.b');
    expect(() => schemaNameOfRef('other.yaml#/x')).toThrow(/only local/);
  });
});
