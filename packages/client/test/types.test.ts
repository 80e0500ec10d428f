import { describe, expect, it } from 'vitest';
import { typeCheck } from './compile.js';

// What the types accept and refuse, checked by the compiler: polymorphic values are unions of concrete models
// told apart by `odataType`, and a value sent where a base type is declared must name its type.
const prelude = `
import { createIndustryDataAdapter, createIndustryDataClient } from '@sds-toolkit/client';
import type { AnyProvisioningFlow, ClassGroupProvisioningFlow, OutboundProvisioningFlowSet } from '@sds-toolkit/client';
const client = createIndustryDataClient(createIndustryDataAdapter({ accessToken: 't' }));
const sets = client.external.industryData.outboundProvisioningFlowSets;
const flows = sets.byOutboundProvisioningFlowSetId('s').provisioningFlows;
export {};
`;

const cases: Record<string, { code: string; error?: RegExp }> = {
  'a basicFilter with its odataType and properties': {
    code: `await sets.post({ displayName: 'A', filter: { odataType: '#microsoft.graph.industryData.basicFilter', attribute: 'orgExternalId', in: ['S1'] } });`,
  },
  'a basicFilter without odataType does not compile (it would go out as {})': {
    code: `await sets.post({ displayName: 'A', filter: { attribute: 'orgExternalId', in: ['S1'] } });`,
    error: /TS2741 Property 'odataType' is missing/,
  },
  'a classGroup flow update with its configuration': {
    code: `await flows.byProvisioningFlowId('f').patch({ odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow', configuration: { additionalAttributes: ['courseTitle'] } });`,
  },
  'a flow without odataType does not compile': {
    code: `await flows.post({ configuration: { additionalAttributes: ['courseTitle'] } });`,
    error: /TS2345 .*(odataType|not assignable)/,
  },
  'a property of another flow type does not compile': {
    code: `await flows.post({ odataType: '#microsoft.graph.industryData.securityGroupProvisioningFlow', configuration: {} });`,
    error: /TS2353 Object literal may only specify known properties, and 'configuration'/,
  },
  'an odataType no type has does not compile': {
    code: `await flows.post({ odataType: '#microsoft.graph.industryData.provisioningFlow' });`,
    error: /TS2820 Type '"#microsoft.graph.industryData.provisioningFlow"' is not assignable/,
  },
  'a flow read is narrowed by odataType': {
    code: `const flow: AnyProvisioningFlow | undefined = await flows.byProvisioningFlowId('f').get();
if (flow?.odataType === '#microsoft.graph.industryData.classGroupProvisioningFlow') console.log(flow.configuration?.additionalAttributes);`,
  },
  'a model read can be written back (read-modify-write)': {
    code: `const flow = await flows.byProvisioningFlowId('f').get();
if (flow) await flows.byProvisioningFlowId('f').patch(flow);
const set: OutboundProvisioningFlowSet | undefined = await sets.byOutboundProvisioningFlowSetId('s').get();
if (set) await sets.byOutboundProvisioningFlowSetId('s').patch({ ...set, displayName: 'B' });
const typed: ClassGroupProvisioningFlow = { odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow' };
await flows.post(typed);`,
  },
  'collections of a polymorphic type are unions too': {
    code: `const page = await flows.get();
for (const f of page?.value ?? []) if (f.odataType === '#microsoft.graph.industryData.userProvisioningFlow') console.log(f.managementOptions);`,
  },
};

describe('the types guide the caller', () => {
  const results = typeCheck(
    Object.fromEntries(Object.values(cases).map((c, i) => [`case${i}`, `${prelude}${c.code}\n`])),
    new URL('../', import.meta.url),
  );
  it.each(Object.entries(cases).map(([name, c], i) => [name, c, i] as const))('%s', (_name, c, i) => {
    const diagnostics = results[`case${i}`] ?? [];
    if (c.error) expect(diagnostics.join('\n')).toMatch(c.error);
    else expect(diagnostics).toEqual([]);
  });
});
