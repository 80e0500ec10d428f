// The simulator in its own process for the benchmark, so that the load generator does not share its event loop.
import { startSimulator } from '../src/index.js';

const sim = await startSimulator({ data: process.argv[2], readinessDelayMs: 60_000 });
process.stdout.write(`${sim.url}\n`);
