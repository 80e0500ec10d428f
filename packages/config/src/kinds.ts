/**
 * The kinds of object a set-up file holds, in dependency order: what each is in the spec, where it lives, how
 * it is matched with the tenant's, and what it refers to by name. Everything else (properties, types, what an
 * update accepts) comes from the spec.
 */

export const ns = 'microsoft.graph.industryData';

export type KindName =
  | 'sourceSystems'
  | 'dataConnectors'
  | 'years'
  | 'inboundFlows'
  | 'outboundProvisioningFlowSets'
  | 'provisioningFlows';

export interface Reference {
  /** The navigation property (`dataConnector`), written in the file as the name of the object it binds to. */
  readonly property: string;
  readonly to: KindName;
}

export interface Kind {
  readonly name: KindName;
  /** One of it, in words. */
  readonly label: string;
  /** The type the collection holds (abstract where several concrete types are possible). */
  readonly type: string;
  /** The path of its collection below the API root (`{set}` for the flow set a flow is in). */
  readonly path: string;
  readonly createOperation: string;
  readonly updateOperation: string;
  /** What makes it the same object in the file and in the tenant. */
  readonly matchBy: 'displayName' | 'type';
  readonly references: readonly Reference[];
  /** The kind it is nested in, in the file and in the API. */
  readonly parent?: KindName;
}

const op = (name: string) => `external.industryData.${name}`;

export const kinds: readonly Kind[] = [
  {
    name: 'sourceSystems',
    label: 'source system',
    type: `${ns}.sourceSystemDefinition`,
    path: 'sourceSystems',
    createOperation: op('CreateSourceSystems'),
    updateOperation: op('UpdateSourceSystems'),
    matchBy: 'displayName',
    references: [],
  },
  {
    name: 'dataConnectors',
    label: 'data connector',
    type: `${ns}.industryDataConnector`,
    path: 'dataConnectors',
    createOperation: op('CreateDataConnectors'),
    updateOperation: op('UpdateDataConnectors'),
    matchBy: 'displayName',
    references: [{ property: 'sourceSystem', to: 'sourceSystems' }],
  },
  {
    name: 'years',
    label: 'year',
    type: `${ns}.yearTimePeriodDefinition`,
    path: 'years',
    createOperation: op('CreateYears'),
    updateOperation: op('UpdateYears'),
    matchBy: 'displayName',
    references: [],
  },
  {
    name: 'inboundFlows',
    label: 'inbound flow',
    type: `${ns}.inboundFlow`,
    path: 'inboundFlows',
    createOperation: op('CreateInboundFlows'),
    updateOperation: op('UpdateInboundFlows'),
    matchBy: 'displayName',
    references: [
      { property: 'dataConnector', to: 'dataConnectors' },
      { property: 'year', to: 'years' },
    ],
  },
  {
    name: 'outboundProvisioningFlowSets',
    label: 'flow set',
    type: `${ns}.outboundProvisioningFlowSet`,
    path: 'outboundProvisioningFlowSets',
    createOperation: op('CreateOutboundProvisioningFlowSets'),
    updateOperation: op('UpdateOutboundProvisioningFlowSets'),
    matchBy: 'displayName',
    references: [],
  },
  {
    name: 'provisioningFlows',
    label: 'provisioning flow',
    type: `${ns}.provisioningFlow`,
    path: 'outboundProvisioningFlowSets/{set}/provisioningFlows',
    createOperation: op('outboundProvisioningFlowSets.CreateProvisioningFlows'),
    updateOperation: op('outboundProvisioningFlowSets.UpdateProvisioningFlows'),
    matchBy: 'type',
    references: [],
    parent: 'outboundProvisioningFlowSets',
  },
];

/** The kinds at the top of the file (flows are inside their flow set). */
export const topKinds = kinds.filter((k) => !k.parent);

export function kindOf(name: KindName): Kind {
  const kind = kinds.find((k) => k.name === name);
  if (!kind) throw new Error(`no kind ${name}`);
  return kind;
}

/** `microsoft.graph.industryData.userProvisioningFlow` → `userProvisioningFlow`. */
export { shortName } from '@sds-toolkit/openapi-model';

/** `userProvisioningFlow` → `microsoft.graph.industryData.userProvisioningFlow`. */
export const fullName = (short: string): string => `${ns}.${short}`;

/** Role groups are the service's own: a file names them (by id or display name), never defines them. */
export const roleGroupsPath = 'roleGroups';
