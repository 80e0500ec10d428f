import type { Command } from '../command.js';
import { applyCommand } from './apply.js';
import { contractsCommand } from './contracts.js';
import { diffCommand } from './diff.js';
import { exportCommand } from './export.js';
import { extractCommand } from './extract.js';
import { generateCommand } from './generate.js';
import { pipelineCommand } from './pipeline.js';
import { planCommand } from './plan.js';
import { regenCommand } from './regen.js';
import { simulateCommand } from './simulate.js';
import { tokenCommand } from './token.js';
import { validateCommand } from './validate.js';

/** Every `sds` subcommand, in the order `sds --help` lists them. */
export const commands: readonly Command[] = [
  extractCommand,
  generateCommand,
  validateCommand,
  simulateCommand,
  tokenCommand,
  planCommand,
  applyCommand,
  exportCommand,
  contractsCommand,
  diffCommand,
  regenCommand,
  pipelineCommand,
];
