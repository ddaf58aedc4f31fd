#!/usr/bin/env node
/**
 * Fails when dist/ differs from a fresh build: rebuilds into a temporary folder with
 * scripts/bundle.mjs and compares every file byte for byte (missing, extra, changed).
 * The check-dist workflow runs it on every pull request, so a source change without a
 * rebuilt dist/ (or a hand-edited dist/) cannot be released.
 *
 * Usage: node scripts/check-dist.mjs   (exit 0 equal, 1 different, 2 the build failed)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'energy-budget-dist-'));

function list(dir, base = dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out = out.concat(list(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

try {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/bundle.mjs'), '--outdir', tmp], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('check-dist: the build failed.');
    process.exit(2);
  }
  const fresh = list(tmp);
  const committed = list(dist);
  const missing = fresh.filter((f) => !committed.includes(f));
  const extra = committed.filter((f) => !fresh.includes(f));
  const changed = fresh.filter(
    (f) => committed.includes(f) && !readFileSync(path.join(tmp, f)).equals(readFileSync(path.join(dist, f))),
  );
  if (missing.length || extra.length || changed.length) {
    for (const f of missing) console.error(`missing in dist/: ${f}`);
    for (const f of extra) console.error(`not produced by the build: dist/${f}`);
    for (const f of changed) console.error(`differs from a fresh build: dist/${f}`);
    console.error('check-dist: dist/ is out of date. Run `node scripts/bundle.mjs` and commit dist/.');
    process.exit(1);
  }
  console.log(`check-dist: dist/ matches a fresh build (${fresh.length} files).`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
