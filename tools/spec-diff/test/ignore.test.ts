import { describe, expect, it } from 'vitest';
import { compareSpecs, parseIgnore } from '../src/index.js';
import { base, widget } from './spec-fixture.js';

describe('ignore file', () => {
  it('ignores accepted differences, wildcards allowed, and counts them', () => {
    const after = base();
    widget(after).description = 'x';
    const ignore = parseIgnore(
      'ignore:\n  - kind: "*-description-changed"\n    location: "components.schemas.*"\n    reason: wording only\n',
      'diff-ignore.yaml',
    );
    expect(compareSpecs(base(), after, ignore).summary).toMatchObject({
      total: 0,
      ignored: 1,
      verdict: 'none',
    });
  });

  it.each([
    ['an entry without a reason', 'ignore:\n  - kind: x\n', /has no reason/],
    ['an entry that matches everything', 'ignore:\n  - reason: because\n', /matches everything/],
    ['a list that is not a list', 'ignore: yes\n', /must be a list/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseIgnore(text, 'f.yaml')).toThrow(message);
  });
});
