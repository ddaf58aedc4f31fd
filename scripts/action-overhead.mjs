#!/usr/bin/env node
/**
 * Measures the action's own overhead and prints the figures docs/action.md quotes:
 *   - what the runner downloads for `uses: owner/energy-budget@TAG`: the repository tarball at
 *     that commit (`git archive HEAD | gzip`), and dist/ on disk;
 *   - seconds from starting `node dist/index.js` to the first benchmark line in its log
 *     (module loading, onnxruntime start-up, budget file and model loading), median of N runs.
 *
 *   node scripts/action-overhead.mjs [--runs 5] [--config energy-budget.yml] [--entry dist/index.js]
 *
 * A figure, never an assertion: timings depend on the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', 5));
const config = opt('--config', 'energy-budget.yml');
const entry = path.resolve(root, opt('--entry', 'dist/index.js'));

function du(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return total;
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const distDir = path.dirname(entry);
console.log(`dist/ on disk: ${mb(du(distDir))}`);
const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: root, maxBuffer: 1 << 30 });
if (archive.status === 0) {
  console.log(
    `repository at HEAD: tar ${mb(archive.stdout.length)}, gzip ${mb(gzipSync(archive.stdout, { level: 6 }).length)} (what the runner downloads)`,
  );
}

/** Milliseconds from spawn to the first log line that starts a benchmark. */
function timeToFirstBenchmark() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'eb-overhead-'));
  writeFileSync(path.join(tmp, 'out'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: tmp,
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: path.join(tmp, 'out'),
    INPUT_CONFIG: config,
    INPUT_COMMENT: 'never',
    'INPUT_FAIL-ON': 'never',
    'INPUT_REPORT-JSON': path.join(tmp, 'report.json'),
  };
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [entry], { cwd: root, env });
    let first;
    const watch = (data) => {
      if (first === undefined && /inference benchmark|training (benchmark|step)/i.test(data.toString())) {
        first = Number(process.hrtime.bigint() - started) / 1e6;
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('close', (code) => {
      const total = Number(process.hrtime.bigint() - started) / 1e6;
      rmSync(tmp, { recursive: true, force: true });
      resolve({ first, total, code });
    });
  });
}

const samples = [];
for (let i = 0; i < runs; i++) samples.push(await timeToFirstBenchmark());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const firsts = samples.map((s) => s.first).filter((x) => x !== undefined);
console.log(
  `start → first benchmark: median ${firsts.length ? (median(firsts) / 1000).toFixed(2) : 'n/a'} s over ${firsts.length} runs ` +
    `(whole run median ${(median(samples.map((s) => s.total)) / 1000).toFixed(1)} s, exit codes ${[...new Set(samples.map((s) => s.code))].join(',')}) ` +
    `on ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} CPUs, node ${process.version}`,
);
