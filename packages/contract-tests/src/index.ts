export { brokerFromEnv, canIDeploy, gitVersion, publishPact } from './broker.js';
export { type Behaviour, loadCatalogue } from './catalogue.js';
export { consumerName, pactFile, pactsDir, providerName } from './names.js';
export {
  type BehaviourResult,
  behaviourResults,
  type Outcome,
  reportHtml,
  reportMarkdown,
  writeReport,
} from './report.js';
export {
  type ContractRun,
  readVitestReport,
  runContracts,
  type VitestJson,
  type VitestOutcomes,
} from './run.js';
export { State, type StateContext, stateHandlers } from './states.js';
export { verifyProvider } from './verify.js';
