export {
  compareOutput,
  type Generated,
  generate,
  generatorName,
  generatorVersion,
  type OutputDifference,
  writeOutput,
} from './generate.js';
export { buildIR } from './ir/build.js';
export { GeneratorInputError } from './ir/build-models.js';
export type * from './ir/types.js';
