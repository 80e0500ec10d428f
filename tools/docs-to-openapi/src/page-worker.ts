import { parentPort, workerData } from 'node:worker_threads';
import type { PageRole } from './corpus.js';
import { DiagnosticSink } from './diagnostics.js';
import { readOnePage } from './pages/read.js';

/** Worker entry: reads the pages it is given and posts the readings back with their diagnostics. */
const files = workerData as { path: string; role: PageRole; text: string }[];
const sink = new DiagnosticSink();
const readings = files.map((f) => readOnePage(f.path, f.role, f.text, sink));
parentPort?.postMessage({ readings, diagnostics: sink.items });
