// The simulator in its own process for the benchmark, so that the load generator does not share its event loop.
// Its state: `memory`, `journal:<file>` (the earlier store, a peer), a PostgreSQL URL, or an SQLite file.
import { startSimulator } from '@sds-toolkit/simulator';
import { BenchJournalStore } from './journal-store.js';

const where = process.argv[2] ?? 'memory';
const sim = await startSimulator({
  readinessDelayMs: 60_000,
  ...(where === 'memory'
    ? {}
    : where.startsWith('journal:')
      ? { store: new BenchJournalStore(where.slice('journal:'.length)) }
      : /^postgres(ql)?:\/\//.test(where)
        ? { postgres: where }
        : { data: where }),
});
process.stdout.write(`${sim.url}\n`);
