#!/usr/bin/env node
import { processIO } from './io.js';
import { main } from './main.js';

// main reports every failure itself; this is the last resort should printing the report fail.
main(process.argv.slice(2), processIO).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `sds: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
