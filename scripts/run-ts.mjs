#!/usr/bin/env node
/**
 * Runs a TypeScript script (bench/*.ts, scripts/*.ts) on Node 20 without a separate build:
 * esbuild bundles it (dependencies stay external, resolved from node_modules) into build-tmp/
 * and Node runs the result with the remaining arguments.
 *
 * Usage: node scripts/run-ts.mjs bench/overhead.ts [args...]
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.mjs FILE.ts [args...]\n');
  process.exit(2);
}
const outfile = path.join(root, 'build-tmp', `${path.basename(entry, '.ts')}.mjs`);
await build({
  absWorkingDir: root,
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
