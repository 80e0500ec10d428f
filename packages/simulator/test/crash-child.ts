// A simulator in its own process, for the crash test: prints its URL, then serves until killed.
import { startSimulator } from '../src/index.js';

const data = process.argv[2];
const sim = await startSimulator({ data });
process.stdout.write(`${sim.url}\n`);
