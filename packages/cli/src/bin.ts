#!/usr/bin/env node
import { processIO } from './io.js';
import { main } from './main.js';

// A reader that stops early (`sds diff … --json | head -1`) closes the pipe. What is left to print has no
// reader, which is not a failure of the command: the rest is dropped and the command ends with its own exit
// code. Any other write error is still a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

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
