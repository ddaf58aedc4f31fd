/**
 * `measure: instructions` through the whole run with `--base-ref`: after the model's timed
 * work, the head and the base are counted (each in its own process, at the same time where
 * there are two cores) and the regression limit is decided on the two counts. Valgrind is
 * replaced by a stand-in on ENERGY_BUDGET_VALGRIND that runs the real child program (so the
 * ready line, vgdb and the go file are exercised) and writes callgrind dumps whose count is
 * the model file's size: the test then knows which file each side counted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runEnergyBudget } from '../../src/engine/run.js';
import { countsInParallel } from '../../src/engine/instructions.js';
import { mlpModel } from '../bench/helpers.js';

const FAKE_VALGRIND = `#!${process.execPath}
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const args = process.argv.slice(2);
if (args[0] === '--version') { console.log('valgrind-3.19.0'); process.exit(0); }
const out = args.find((a) => a.startsWith('--callgrind-out-file=')).split('=')[1];
const first = args.findIndex((a) => !a.startsWith('--'));
const job = JSON.parse(fs.readFileSync(args[args.length - 1], 'utf8'));
fs.appendFileSync(process.env.FAKE_VG_LOG, JSON.stringify({ at: 'start', model: job.model, t: Date.now(), args: args.slice(0, first) }) + '\\n');
const r = spawnSync(args[first], args.slice(first + 1), { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const ir = fs.statSync(job.model).size;
const dump = (n) => ['version: 1', 'events: Ir', 'summary: ' + n, 'ob=(1) /x/libonnxruntime.so.1', 'fn=(1) MlasSgemm', '0 ' + n, 'totals: ' + n, ''].join('\\n');
const calls = job.warmup + job.calls;
fs.writeFileSync(out + '.1', dump(0));
for (let i = 1; i < calls; i++) fs.writeFileSync(out + '.' + (i + 1), dump(i === 1 ? 3 * ir : ir));
fs.writeFileSync(out, dump(ir));
fs.appendFileSync(process.env.FAKE_VG_LOG, JSON.stringify({ at: 'end', model: job.model, t: Date.now() }) + '\\n');
`;

const BUDGET = `version: 1
measure: instructions
models:
  - name: mlp
    path: mlp.onnx
    dims: { N: 2 }
    inference: { iterations: 5, warmup: 1, max-time: 1 }
    energy: estimate
    budget:
      regression:
        instructions-per-inference: 1%
`;

describe('measure: instructions with --base-ref (stand-in valgrind)', () => {
  let dir: string;
  let tools: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'eb-instr-run-'));
    tools = mkdtempSync(path.join(os.tmpdir(), 'eb-instr-tools-'));
    writeFileSync(path.join(tools, 'valgrind'), FAKE_VALGRIND);
    writeFileSync(path.join(tools, 'vgdb'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(tools, 'valgrind'), 0o755);
    chmodSync(path.join(tools, 'vgdb'), 0o755);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, stdio: 'ignore' });
    writeFileSync(path.join(dir, 'mlp.onnx'), mlpModel(16, 8));
    writeFileSync(path.join(dir, 'energy-budget.yml'), BUDGET);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    // The head: a wider hidden layer, a larger file, so a larger stand-in count.
    writeFileSync(path.join(dir, 'mlp.onnx'), mlpModel(16, 16));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(tools, { recursive: true, force: true });
  });

  it('counts both sides after the timed work, attaches each count to its side and decides on them', async () => {
    const log = path.join(tools, 'calls.jsonl');
    const progress: string[] = [];
    const r = await runEnergyBudget(
      { configPath: 'energy-budget.yml', cwd: dir, baseRef: 'HEAD' },
      {
        isolation: { mode: 'off' },
        logger: { info: () => {}, warn: () => {}, progress: (m) => progress.push(m) },
        env: {
          ...process.env,
          ENERGY_BUDGET_IDLE_S: '0',
          ENERGY_BUDGET_VALGRIND: path.join(tools, 'valgrind'),
          FAKE_VG_LOG: log,
        },
      },
    );
    const m = r.report.models[0]!;
    expect(m.error).toBeUndefined();
    const headSize = statSync(path.join(dir, 'mlp.onnx')).size;
    // Each side's count is its own file's (the stand-in counts the model file's bytes).
    expect(m.inference?.instructions?.perCall).toBe(headSize);
    const base = m.baseline?.inference?.instructions?.perCall;
    expect(base).toBeDefined();
    expect(base).toBeLessThan(headSize);
    // The warm-up call (3× here) is dropped; the median is the measured calls' figure.
    expect(m.inference?.instructions?.maxPerCall).toBe(headSize);
    expect(m.inference?.instructions?.description).toMatch(/start-up uninstrumented/);
    const budget = m.budgets.find((b) => b.metric === 'instructions-per-inference')!;
    expect(budget.status).toBe('fail');
    // Two Valgrind processes, started uninstrumented, after every timed phase of the model.
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { at: string; model: string; args?: string[] });
    expect(lines.filter((l) => l.at === 'start')).toHaveLength(2);
    expect(lines.every((l) => l.at !== 'start' || l.args!.includes('--instr-atstart=no'))).toBe(true);
    const counting = progress.findIndex((p) => /counting the instructions of head and base/.test(p));
    expect(counting).toBeGreaterThan(progress.findIndex((p) => /comparing base and head/.test(p)));
    expect(progress[counting]).toMatch(countsInParallel(2) ? /at the same time/ : /one after the other/);
    if (countsInParallel(2)) {
      // Both started before either ended.
      expect(lines.map((l) => l.at).slice(0, 2)).toEqual(['start', 'start']);
    }
  }, 120_000);
});
