/**
 * The package's declarations, compiled into a folder of its own with the model package's beside them (it is
 * bundled, so its types are part of this API and are rolled up with it). Needs neither package built: the
 * published build and the API report test both start from here.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const model = fileURLToPath(new URL('../../openapi-model/', import.meta.url));

/** Runs the compiler; its own report is the error when it fails. */
function tsc(args: readonly string[]): void {
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Declarations of src/ in `work`/rules, the model package's in `work`/model: the tsconfig and entry point. */
export function compileDeclarations(work: string): { tsconfig: string; entry: string } {
  const declarationsOnly = ['--emitDeclarationOnly', '--declarationMap', 'false', '--sourceMap', 'false'];
  tsc(['-p', join(model, 'tsconfig.build.json'), '--outDir', join(work, 'model'), ...declarationsOnly]);
  const tsconfig = join(work, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(root, 'tsconfig.build.json'),
      compilerOptions: {
        rootDir: join(root, 'src'),
        outDir: join(work, 'rules'),
        typeRoots: [join(root, 'node_modules/@types')],
        paths: { '@sds-toolkit/openapi-model': [join(work, 'model/index.d.ts')] },
      },
      include: [join(root, 'src')],
    }),
  );
  tsc(['-p', tsconfig]);
  return { tsconfig, entry: join(work, 'rules/index.d.ts') };
}
