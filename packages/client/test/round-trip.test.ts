import { describe, expect, it } from 'vitest';
import { specExamples } from './spec-examples.js';
import { codecOf, deserialize, serialize } from './wire.js';

const examples = specExamples();

describe('lossless round trip of every example in the spec: JSON → deserialize → serialize → same JSON', () => {
  it('the spec has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  it.each(examples.map((e) => [e.label, e] as const))('%s', (_label, example) => {
    const { factory, serializer } = codecOf(example.type);
    const model = deserialize(example.value, factory);
    expect(serialize(model, serializer)).toEqual(example.value);
  });
});

describe('what the official models lose, this client keeps', () => {
  const flowSet = {
    '@odata.type': '#microsoft.graph.industryData.outboundProvisioningFlowSet',
    id: 's1',
    displayName: 'Two schools',
    filter: {
      '@odata.type': '#microsoft.graph.industryData.basicFilter',
      attribute: 'orgExternalId',
      in: ['S1', 'S2'],
    },
    provisioningFlows: [
      {
        '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
        id: 'f1',
        readinessStatus: 'ready',
        configuration: {
          additionalAttributes: ['courseTitle', 'courseCode'],
          additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
        },
      },
    ],
  };

  it.each([
    ['a derived filter under a base-typed property', '/filter'],
    ['the wire name `in`', '/filter/in'],
    ['a derived flow in a collection, with its configuration', '/provisioningFlows/0/configuration'],
  ])('%s (%s)', (_name, pointer) => {
    const { factory, serializer } = codecOf('microsoft.graph.industryData.outboundProvisioningFlowSet');
    const json = serialize(deserialize(flowSet, factory), serializer);
    const at = (v: unknown) =>
      pointer
        .split('/')
        .slice(1)
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], v);
    expect(at(json)).toEqual(at(flowSet));
  });

  it.each([
    ['an enum member this client does not know', { readinessStatus: 'paused' }],
    ['a property this client does not know', { futureSetting: { nested: [1, 'two', null] } }],
    ['null (clears a field)', { readinessStatus: null, configuration: null }],
    ['date-times with 7 fractional digits', { createdDateTime: '2024-03-25T21:55:03.4953361Z' }],
    [
      'a discriminator written without #',
      { '@odata.type': 'microsoft.graph.industryData.classGroupProvisioningFlow' },
    ],
  ])('%s', (_name, extra) => {
    const value = {
      '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
      id: 'f1',
      ...extra,
    };
    const { factory, serializer } = codecOf('microsoft.graph.industryData.provisioningFlow');
    expect(serialize(deserialize(value, factory), serializer)).toEqual(value);
  });
});
