import { describe, expect, it } from 'vitest';
import { parsePayload } from '../src/index.js';
import { flowSet, validator } from './helpers.js';

describe('bad input is a diagnostic, never a crash, a hang or a polluted prototype', () => {
  it.each([
    ['not JSON', '{ displayName: x }', /not JSON/],
    ['10,000 levels deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, /nests deeper than 64 levels/],
    ['50 MB', `"${'x'.repeat(50 * 1024 * 1024)}"`, /over 5242880 bytes are refused/],
  ])('%s', (_name, text, message) => {
    const parsed = parsePayload(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostic.message).toMatch(message);
  });

  it.each([
    ['at the top', '{"displayName":"a","displayName":"b"}', 'displayName', '/displayName'],
    [
      'in a list of objects',
      '{"displayName":"x","provisioningFlows":[{"a":1},{"b":1, "b" :2}]}',
      'b',
      '/provisioningFlows/1/b',
    ],
    ['a key with / and ~', '{"f":{"a/~b":1,"a/~b":2}}', 'a/~b', '/f/a~1~0b'],
  ])('a name given twice in one object is refused, with its path: %s', (_name, text, key, path) => {
    const parsed = parsePayload(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.diagnostic.path).toBe(path);
      expect(parsed.diagnostic.message).toMatch(
        new RegExp(`^'${key.replace('/', '\\/')}' is given twice in one object`),
      );
    }
  });

  it.each([
    ['the same name in two objects', '{"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]}'],
    ['a name and an equal string value', '{"x":"x","y":["x","x"]}'],
    ['escaped quotes in a name', '{"a\\"b":1,"a\\"c":2}'],
  ])('no duplicate: %s', (_name, text) => {
    expect(parsePayload(text).ok).toBe(true);
  });

  it('what JSON.parse says is one line, with the line and column where it says a position', () => {
    for (const text of ['// a comment\n{"displayName":"x"}', '{\n  "displayName": "x",\n}']) {
      const parsed = parsePayload(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.diagnostic.message).not.toContain('\n');
    }
    const parsed = parsePayload('{\n  "displayName": "x",\n}');
    if (!parsed.ok) expect(parsed.diagnostic.message).toMatch(/\(line 3, column 1\)$/);
  });

  it('a byte-order mark is dropped', () => {
    expect(parsePayload(`\uFEFF${JSON.stringify(flowSet)}`)).toEqual({ ok: true, value: flowSet });
  });

  it('brackets inside strings do not count as nesting', () => {
    expect(parsePayload(JSON.stringify({ displayName: '['.repeat(1000) })).ok).toBe(true);
  });

  it('__proto__ and constructor keys stay data and pollute nothing', () => {
    const parsed = parsePayload(
      '{"displayName":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    expect(parsed.ok).toBe(true);
    const diagnostics = validator.validate('createFlowSet', parsed.ok ? parsed.value : undefined);
    expect(diagnostics.map((d) => d.path).sort()).toEqual(['/__proto__', '/constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a deeply nested value already parsed is refused by validate too', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(validator.validate('createFlowSet', { displayName: 'x', filter: deep })).toMatchObject([
      { ruleId: 'input' },
    ]);
  });

  it.each([
    [
      'an array body',
      [flowSet],
      /^the body must be a JSON object \(an outboundProvisioningFlowSet\), not an array$/,
    ],
    [
      'a string body',
      'x',
      /^the body must be a JSON object \(an outboundProvisioningFlowSet\), not a string$/,
    ],
    ['a null body', null, /^the body must be a JSON object \(an outboundProvisioningFlowSet\), not null$/],
    ['a body where none is taken', { x: 1 }, /takes no request body/],
  ])('%s', (_name, body, message) => {
    const operation =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? 'resetFlow' : 'createFlowSet';
    expect(validator.validate(operation, body)[0]?.message).toMatch(message);
  });

  it.each([
    ['no body', undefined, 0],
    ["{}, an action's empty parameter object", {}, 0],
    ['a parameter the action does not take', { now: true }, 1],
  ])('resetFlow (an action without parameters): %s', (_name, body, count) => {
    const found = validator.validate('resetFlow', body);
    expect(found).toHaveLength(count);
    if (count)
      expect(found[0]?.message).toBe(
        "resetFlow takes no request body: send none (or {}, an action's empty parameter object)",
      );
  });

  it('an unknown operation lists the known ones', () => {
    expect(() => validator.validate('createWidget', {})).toThrow(
      /unknown operation 'createWidget'; known: .*createFlow \(/,
    );
  });
});
