// A simulator in its own process, for the crash and shared-state tests: its state in the SQLite file or the
// PostgreSQL URL given; prints its URL, then serves until killed.
import { startSimulator } from '../src/index.js';

const where = process.argv[2] ?? '';
const sim = await startSimulator(/^postgres(ql)?:\/\//.test(where) ? { postgres: where } : { data: where });
process.stdout.write(`${sim.url}\n`);
