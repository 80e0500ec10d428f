import type { Rule } from '../types.js';
import { acceptedProperties } from './accepted-properties.js';
import { enumValues } from './enum-values.js';
import { nonEmptyLists } from './non-empty-lists.js';
import { odataBind } from './odata-bind.js';
import { odataType } from './odata-type.js';
import { oneFlowPerType } from './one-flow-per-type.js';
import { readOnlyProperties } from './read-only-properties.js';
import { requiredProperties } from './required-properties.js';
import { timeWindows } from './time-windows.js';

/** Every documented rule, in the order their diagnostics are reported. */
export const documentedRules: readonly Rule[] = [
  odataType,
  oneFlowPerType,
  readOnlyProperties,
  requiredProperties,
  acceptedProperties,
  odataBind,
  enumValues,
  nonEmptyLists,
  timeWindows,
];

/** The id of every documented rule, in that order: what the behaviour catalogue checks its `rule:` entries against. */
export const ruleIds: readonly string[] = documentedRules.map((rule) => rule.id);
