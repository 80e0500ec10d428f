import { describe, expect, it } from 'vitest';
import {
  countBySeverity,
  type Diagnostic,
  editDistance,
  formatDiagnostic,
  sortDiagnostics,
} from '../src/index.js';

const d = (file: string, line: number, severity: Diagnostic['severity'], code = 'x'): Diagnostic => ({
  code,
  severity,
  message: 'm',
  file,
  line,
});

describe('diagnostics', () => {
  it('sort by file, then line, then severity', () => {
    const sorted = sortDiagnostics([
      d('b.md', 1, 'error'),
      d('a.md', 9, 'info'),
      d('a.md', 9, 'error'),
      d('a.md', 2, 'warning'),
    ]);
    expect(sorted.map((x) => `${x.file}:${x.line}:${x.severity}`)).toEqual([
      'a.md:2:warning',
      'a.md:9:error',
      'a.md:9:info',
      'b.md:1:error',
    ]);
  });

  it('format like a compiler', () => {
    expect(
      formatDiagnostic({
        code: 'path-casing',
        severity: 'warning',
        message: 'use x',
        file: 'api/a.md',
        line: 3,
      }),
    ).toBe('api/a.md:3: warning path-casing: use x');
  });

  it('count by severity', () => {
    expect(countBySeverity([d('a', 1, 'error'), d('a', 1, 'error'), d('a', 1, 'info')])).toEqual({
      error: 2,
      warning: 0,
      info: 1,
    });
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['provisioningFlow', 'provisioingFlow', 1],
    ['kettleSpuot', 'kettleSpout', 2],
    ['ecko', 'echo', 1],
    ['abc', 'xyz', 3],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
