/**
 * Test support: builds the engine's worker (and a faulty variant, and the CLI as a process)
 * with esbuild into build/, because jest runs TypeScript sources and a forked worker needs
 * JavaScript. Packages stay external and resolve from the repository's node_modules.
 */
import { build } from 'esbuild';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Entry points the tests can build, by output name. */
export const ENTRIES = {
  worker: 'src/worker.ts',
  'faulty-worker': '__tests__/fixtures/hostile/faulty-worker.ts',
  'cli-main': '__tests__/fixtures/hostile/cli-main.ts',
  'action-main': 'src/index.ts',
  'report-writer': '__tests__/fixtures/hostile/report-writer.ts',
} as const;

/**
 * Bundles the entries (ESM, Node 20, code splitting like scripts/bundle.mjs) into a fresh
 * folder under build/ and returns it; `<dir>/<name>.js` is each entry.
 */
export async function buildEngine(names: Array<keyof typeof ENTRIES> = ['worker', 'faulty-worker']): Promise<string> {
  const base = path.join(root, 'build', 'hostile-tests');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(path.join(base, 'engine-'));
  // A package scope of its own, so Node loads the output as ESM whatever is above it.
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({
    absWorkingDir: root,
    entryPoints: names.map((n) => ({ in: path.join(root, ENTRIES[n]), out: n })),
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'error',
  });
  return dir;
}
