/**
 * JSON round trip (parse, deserialize, serialize, stringify) of a flow set with two flows: this client, the
 * official models (@microsoft/msgraph-beta-sdk), and raw JSON.parse + JSON.stringify, in one run.
 */
import type { ModelSerializerFunction, Parsable, ParsableFactory } from '@microsoft/kiota-abstractions';
import { JsonParseNode, JsonSerializationWriter } from '@microsoft/kiota-serialization-json';
import * as official from '@microsoft/msgraph-beta-sdk/models/industryData/index.js';
import { writeBenchResult } from '../../../scripts/bench-result.js';
// Serializers and the fast JSON node and writer are internal to the package: measured from the sources.
import {
  createOutboundProvisioningFlowSetFromDiscriminatorValue,
  serializeOutboundProvisioningFlowSet,
} from '../src/generated/index.js';
import { FastJsonParseNode } from '../src/serialization/parse-node.js';
import { FastJsonSerializationWriter } from '../src/serialization/serialization-writer.js';

const flowSet = JSON.stringify({
  '@odata.type': '#microsoft.graph.industryData.outboundProvisioningFlowSet',
  id: '8ac3c08f-6f93-465b-4bd9-08dc4ac773d0',
  displayName: 'Two schools',
  createdDateTime: '2024-03-25T21:55:03.495336Z',
  lastModifiedDateTime: '2024-03-25T21:55:03.495336Z',
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
      createdDateTime: '2024-03-25T21:55:03.495336Z',
      configuration: {
        additionalAttributes: ['courseTitle', 'courseCode'],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
        enrollmentMappings: {
          memberEnrollmentMappings: [
            { '@odata.type': '#microsoft.graph.industryData.sectionRoleReferenceValue', code: 'student' },
          ],
          ownerEnrollmentMappings: [
            { '@odata.type': '#microsoft.graph.industryData.sectionRoleReferenceValue', code: 'teacher' },
          ],
        },
      },
    },
    {
      '@odata.type': '#microsoft.graph.industryData.securityGroupProvisioningFlow',
      id: 'f2',
      readinessStatus: 'notReady',
      creationOptions: {
        '@odata.type': '#microsoft.graph.industryData.securityGroupCreationOptions',
        createBasedOnOrg: true,
        createBasedOnOrgPlusRoleGroup: false,
      },
    },
  ],
});

/** `fast`: the parse node and writer of `createIndustryDataAdapter`; `kiota`: Kiota's JSON serialization. */
type JsonStack = 'fast' | 'kiota';

function roundTrip(
  factory: ParsableFactory<Parsable>,
  serializer: ModelSerializerFunction<Parsable>,
  stack: JsonStack = 'kiota',
): string {
  const raw: unknown = JSON.parse(flowSet);
  const node = stack === 'fast' ? new FastJsonParseNode(raw) : new JsonParseNode(raw);
  const model = node.getObjectValue(factory);
  const writer = stack === 'fast' ? new FastJsonSerializationWriter() : new JsonSerializationWriter();
  writer.writeObjectValue(undefined, model, serializer);
  return new TextDecoder().decode(writer.getSerializedContent());
}

function opsPerSecond(run: () => unknown, seconds = 1.5): number {
  for (let i = 0; i < 2000; i++) run(); // warm-up
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) run();
    count += 100;
  }
  return count / ((performance.now() - start) / 1000);
}

const ours = opsPerSecond(() =>
  roundTrip(
    createOutboundProvisioningFlowSetFromDiscriminatorValue as ParsableFactory<Parsable>,
    serializeOutboundProvisioningFlowSet as ModelSerializerFunction<Parsable>,
    'fast',
  ),
);
const oursOnKiotaJson = opsPerSecond(() =>
  roundTrip(
    createOutboundProvisioningFlowSetFromDiscriminatorValue as ParsableFactory<Parsable>,
    serializeOutboundProvisioningFlowSet as ModelSerializerFunction<Parsable>,
    'kiota',
  ),
);
const theirs = opsPerSecond(() =>
  roundTrip(
    official.createOutboundProvisioningFlowSetFromDiscriminatorValue as ParsableFactory<Parsable>,
    official.serializeOutboundProvisioningFlowSet as unknown as ModelSerializerFunction<Parsable>,
  ),
);
const raw = opsPerSecond(() => JSON.stringify(JSON.parse(flowSet)));
const lost = JSON.parse(flowSet).provisioningFlows[0].configuration;
const officialOut = JSON.parse(
  roundTrip(
    official.createOutboundProvisioningFlowSetFromDiscriminatorValue as ParsableFactory<Parsable>,
    official.serializeOutboundProvisioningFlowSet as unknown as ModelSerializerFunction<Parsable>,
  ),
);

writeBenchResult('client-roundtrip', 'JSON round trip of a flow set with two flows', [
  {
    label: 'this client, with its own JSON parse node and writer (createIndustryDataAdapter)',
    value: `${Math.round(ours).toLocaleString('en')} ops/s`,
  },
  {
    label: "this client's models on Kiota's JSON parse node and writer (an existing Graph app's adapter)",
    value: `${Math.round(oursOnKiotaJson).toLocaleString('en')} ops/s`,
  },
  {
    label: 'official models, @microsoft/msgraph-beta-sdk 1.0.0-preview.81 (ops/s)',
    value: `${Math.round(theirs).toLocaleString('en')} ops/s`,
  },
  {
    label: 'raw JSON.parse + JSON.stringify (ops/s)',
    value: `${Math.round(raw).toLocaleString('en')} ops/s`,
  },
  { label: 'this client ÷ official models (speed)', ratio: ours / theirs, target: '≥ 2×' },
  { label: 'raw JSON ÷ this client (speed)', ratio: raw / ours, target: '≤ 3×' },
  {
    label: 'official round trip keeps the classGroup configuration',
    value:
      JSON.stringify(officialOut.provisioningFlows?.[0]?.configuration) === JSON.stringify(lost)
        ? 'yes'
        : 'no (dropped)',
  },
]);
