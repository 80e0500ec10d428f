import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

/** The simulator's scenario files: data, read here to run them and to check the catalogue's `scenario:` entries. */
export const defaultScenariosDir = fileURLToPath(new URL('../../simulator/scenarios/', import.meta.url));

/** Where the scenario suite reads its files from (a temporary copy in tests that break one). */
export const scenariosDirVariable = 'SDS_SCENARIOS_DIR';

export interface ScenarioStep {
  readonly name?: string;
  /** Moves the simulator's clock forward (ms) before the request, running what falls due. */
  readonly advance?: number;
  /** Starts a run now, as the 12-hourly schedule does; `save` keeps its id in a variable. */
  readonly startRun?: { readonly save?: string };
  readonly token?: 'none' | 'garbled' | { readonly scopes: readonly string[]; readonly app?: boolean };
  readonly request?: {
    readonly method: string;
    readonly path: string;
    readonly body?: unknown;
    readonly raw?: string;
    readonly contentType?: string;
    readonly headers?: Readonly<Record<string, string>>;
  };
  readonly expect?: {
    readonly status: number;
    readonly error?: string;
    readonly message?: readonly string[];
    readonly details?: readonly string[];
    readonly body?: unknown;
    readonly has?: readonly string[];
    readonly lacks?: readonly string[];
    readonly lacksPath?: readonly string[];
    readonly headers?: Readonly<Record<string, string>>;
    readonly headerMatches?: Readonly<Record<string, string>>;
    readonly noBody?: boolean;
    readonly save?: Readonly<Record<string, string>>;
    readonly count?: { readonly value: number };
    readonly text?: string;
  };
}

export interface ScenarioFile {
  readonly file: string;
  /** The file's path. */
  readonly path: string;
  readonly name: string;
  readonly covers?: readonly string[];
  readonly steps: readonly ScenarioStep[];
  /** The line each step starts on, in step order. */
  readonly lines: readonly number[];
}

/** Every `*.yaml` of the folder, by file name in code-point order. */
export function loadScenarios(dir = defaultScenariosDir): ScenarioFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const lineCounter = new LineCounter();
      const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
      const content = document.toJS() as Omit<ScenarioFile, 'file' | 'path' | 'lines'>;
      const steps = document.get('steps');
      const lines = isSeq(steps)
        ? steps.items.map((item) => (isMap(item) && item.range ? lineCounter.linePos(item.range[0]).line : 0))
        : [];
      return { ...content, file, path, lines };
    });
}

/** A step's name as the catalogue cites it and the scenario suite names its test: `file#name`, `file#step 3`. */
export const stepTitle = (file: string, step: ScenarioStep, index: number): string =>
  `${file}#${step.name ?? `step ${index + 1}`}`;
