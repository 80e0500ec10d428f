import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { buildCatalogue } from '@sds-toolkit/rules';
import { describe, expect, it } from 'vitest';
import { Permissions } from '../../src/index.js';

// A permission table that joins its least privileged permissions with "and" (the extractor marks it
// allRequired): a token needs each of them, or one of the higher privileged.
const spec: OpenApiDocument = {
  openapi: '3.0.4',
  info: { title: 'harbour', version: 'beta' },
  paths: {
    '/harbour/lanterns/{lanternId}/light': {
      post: {
        operationId: 'harbour.lanterns.light',
        responses: { '204': { description: 'lit' } },
        'x-permissions': {
          delegatedWork: {
            leastPrivileged: ['Harbour.Read.All', 'Lantern.Operate.All'],
            higherPrivileged: ['Harbour.ReadWrite.All'],
            allRequired: true,
          },
          application: { leastPrivileged: ['Lantern.Operate.All'], higherPrivileged: [] },
        },
      },
    },
  },
  components: { schemas: {} },
};
const permissions = new Permissions(spec);
const light = buildCatalogue(spec).find('harbour.lanterns.light');

describe('permissions a table joins with "and"', () => {
  it.each([
    ['both least privileged', ['Harbour.Read.All', 'Lantern.Operate.All'], true],
    ['the higher privileged alone', ['Harbour.ReadWrite.All'], true],
    ['one of the two', ['Lantern.Operate.All'], false],
    ['none', [], false],
  ] as const)('%s → %s', (_name, scopes, ok) => {
    if (!light) throw new Error('the operation is not in the catalogue');
    const result = permissions.authorize(light, { kind: 'delegated', scopes });
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.message).toContain(
        'needs the delegated permissions Harbour.Read.All and Lantern.Operate.All, or Harbour.ReadWrite.All',
      );
  });

  it('a table without "and" takes any one of its permissions', () => {
    if (!light) throw new Error('the operation is not in the catalogue');
    expect(permissions.authorize(light, { kind: 'application', scopes: ['Lantern.Operate.All'] }).ok).toBe(
      true,
    );
  });
});
