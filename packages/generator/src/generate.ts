import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { compareCodePoints, type OpenApiDocument, parseSpec } from '@sds-toolkit/openapi-model';
import { emitBuilders } from './emit/builders.js';
import { emitIndex } from './emit/index-file.js';
import { emitModels } from './emit/models.js';
import { emitPublic, publicFile } from './emit/public-file.js';
import { emitRetrySafety, retrySafetyFile } from './emit/retry-safety.js';
import { emitRuntime, runtimeFile } from './emit/runtime.js';
import { emitSchemas } from './emit/schemas.js';
import { emitWireTypes, wireTypesFile } from './emit/wire-types.js';
import { buildIR } from './ir/build.js';
import type { GeneratorIR } from './ir/types.js';

export const generatorName = '@sds-toolkit/generator';
/** The generator's version, from its package.json (one folder above both src/ and dist/), so it never drifts. */
export const generatorVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface Generated {
  readonly ir: GeneratorIR;
  /** Path relative to the output folder → content. Sorted by path. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Spec text → generated files. `source` names the spec in file headers (a repository-relative path, never an
 * absolute one, so the output does not depend on where it was generated).
 */
export function generate(specText: string, source: string): Generated {
  const spec: OpenApiDocument = parseSpec(specText, source);
  const ir = buildIR(spec);
  const files = new Map<string, string>([
    [runtimeFile, emitRuntime(source)],
    ...emitModels(ir, source),
    ...emitBuilders(ir, source),
  ]);
  files.set('index.ts', emitIndex(ir, source));
  files.set(publicFile, emitPublic(ir, source));
  files.set(retrySafetyFile, emitRetrySafety(ir, source));
  const wire = emitWireTypes(ir, source);
  files.set(wireTypesFile, wire);
  files.set('schemas.json', emitSchemas(ir, wire));
  const lock = {
    generator: generatorName,
    generatorVersion,
    source,
    specSha256: createHash('sha256').update(specText).digest('hex'),
    files: [...files.keys()].sort(compareCodePoints),
  };
  files.set('generator-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
  return { ir, files: new Map([...files.entries()].sort(([a], [b]) => compareCodePoints(a, b))) };
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort(compareCodePoints);
}

export interface OutputDifference {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** What writing `files` into `outDir` would change. Empty lists: the folder is up to date. */
export function compareOutput(files: ReadonlyMap<string, string>, outDir: string): OutputDifference {
  const existing = new Set(listFiles(outDir));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, content] of files) {
    if (!existing.has(path)) added.push(path);
    else if (readFileSync(join(outDir, path), 'utf8') !== content) changed.push(path);
  }
  const removed = [...existing].filter((p) => !files.has(p));
  return { added, changed, removed };
}

/** Writes the files into `outDir` and deletes files there that are no longer generated. */
export function writeOutput(files: ReadonlyMap<string, string>, outDir: string): OutputDifference {
  const difference = compareOutput(files, outDir);
  for (const path of difference.removed) rmSync(join(outDir, path));
  for (const path of [...difference.added, ...difference.changed]) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, files.get(path) ?? '');
  }
  return difference;
}
