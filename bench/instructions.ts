/**
 * The instruction-count gate, end to end: does `measure: instructions` with
 * `regression: { instructions-per-inference: 1% }` pass a no-op change and flag a +2% one in
 * every trial, with one count per side, and how long does one model's comparison take?
 *
 * Set-up (issue #25). The example classifier (784→128→64→1 MLP, src/model/examples.ts) at batch
 * 8, committed in a fresh git repository with a budget file; the working tree then holds
 *   identity: an `Identity` node inserted between relu1 and fc2 (onnxruntime removes it), and
 *   mul:      an element-wise `Mul` of the input by 0.999 before fc1 (about +2% of the work).
 * Each trial runs the product's engine (`runEnergyBudget`, `--base-ref HEAD`) in a child
 * process of its own: the head's timed benchmark, the base from git and its comparison, then
 * both sides' instruction counts at once, then the budget check. Trials run one at a time by
 * default (--parallel runs several at once, as CI jobs on one machine would).
 *
 * Figures per trial: the verdict of the regression limit, the counts and change, the wall time
 * of the whole comparison and of the two counts, the CPU time (user + system) of the child and
 * its Valgrind processes, and the 1-minute load average at the start and end of the trial —
 * on a shared machine the wall time includes waiting for other work.
 *
 * Run:  npm run bench:instructions -- [--trials 3] [--parallel 1]
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildClassifier } from '../src/model/examples.js';
import { encodeModel } from '../src/model/onnx.js';
import { floatTensor, node } from '../src/model/builder.js';
import type { ModelProto } from '../src/model/onnx.js';
import { runEnergyBudget } from '../src/engine/run.js';

const BUDGET = `version: 1
measure: instructions
models:
  - name: classifier
    path: classifier.onnx
    dims: { N: 8 }
    inference: { iterations: 20, warmup: 5 }
    energy: estimate
    budget:
      regression:
        instructions-per-inference: 1%
`;

type Variant = 'identity' | 'mul';

function variant(kind: Variant): ModelProto {
  const m = buildClassifier();
  const g = m.graph!;
  const nodes = g.node!;
  if (kind === 'identity') {
    const fc2 = nodes.find((n) => n.name === 'fc2')!;
    fc2.input![0] = 'a1_id';
    nodes.splice(nodes.indexOf(fc2), 0, node('Identity', ['a1'], ['a1_id'], {}, 'noop'));
  } else {
    const fc1 = nodes.find((n) => n.name === 'fc1')!;
    fc1.input![0] = 'x_scaled';
    // Not 1.0: onnxruntime's no-op elimination would remove a multiplication by one.
    g.initializer!.push(floatTensor('scale', [], [0.999]));
    nodes.splice(0, 0, node('Mul', ['x', 'scale'], ['x_scaled'], {}, 'scale_input'));
  }
  return m;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd, stdio: 'ignore' });

/** One trial in this process: the repository is ready, run the engine and print one JSON line. */
async function child(dir: string): Promise<void> {
  const loadStart = os.loadavg()[0];
  const t0 = process.hrtime.bigint();
  const r = await runEnergyBudget(
    { configPath: 'energy-budget.yml', cwd: dir, baseRef: 'HEAD' },
    { isolation: { mode: 'off' }, env: { ...process.env, ENERGY_BUDGET_IDLE_S: '0' } },
  );
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = r.report.models[0]!;
  const b = m.budgets.find((x) => x.metric === 'instructions-per-inference');
  // /proc/self/stat fields 14-17: utime, stime, cutime, cstime (clock ticks; children = waited-for Valgrind runs).
  const stat = (await readFile('/proc/self/stat', 'utf8')).split(') ')[1]!.split(' ');
  const tick = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const cpuS = [11, 12, 13, 14].reduce((s, i) => s + Number(stat[i]), 0) / tick;
  process.stdout.write(
    `${JSON.stringify({
      status: b?.status,
      change: b?.change,
      head: m.inference?.instructions?.perCall,
      base: m.baseline?.inference?.instructions?.perCall,
      headRange: [m.inference?.instructions?.minPerCall, m.inference?.instructions?.maxPerCall],
      valgrindWallS: [m.inference?.instructions?.wallS, m.baseline?.inference?.instructions?.wallS],
      wallS,
      cpuS,
      load: [loadStart, os.loadavg()[0]],
      message: b?.message ?? m.error?.message,
    })}\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { trials: { type: 'string', default: '3' }, parallel: { type: 'string', default: '1' }, child: { type: 'string' } },
  });
  if (values.child) return child(values.child);
  const trials = Number(values.trials);
  const parallel = Math.max(1, Number(values.parallel));
  const root = await mkdtemp(path.join(os.tmpdir(), 'eb-bench-instr-'));
  try {
    const jobs: Array<{ kind: Variant; trial: number; dir: string }> = [];
    for (const kind of ['identity', 'mul'] as Variant[]) {
      for (let t = 1; t <= trials; t++) {
        const dir = path.join(root, `${kind}-${t}`);
        execFileSync('mkdir', ['-p', dir]);
        await writeFile(path.join(dir, 'classifier.onnx'), encodeModel(buildClassifier()));
        await writeFile(path.join(dir, 'energy-budget.yml'), BUDGET);
        git(dir, 'init', '-q');
        git(dir, 'add', '.');
        git(dir, 'commit', '-qm', 'base');
        await writeFile(path.join(dir, 'classifier.onnx'), encodeModel(variant(kind)));
        jobs.push({ kind, trial: t, dir });
      }
    }
    const self = fileURLToPath(import.meta.url);
    const results: Array<{ kind: Variant; trial: number; r: Record<string, unknown> }> = [];
    const runOne = (j: (typeof jobs)[number]) =>
      new Promise<void>((done) => {
        const p = spawn(process.execPath, [self, '--child', j.dir], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('close', () => {
          const line = out
            .trim()
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .pop();
          results.push({
            kind: j.kind,
            trial: j.trial,
            r: line ? (JSON.parse(line) as Record<string, unknown>) : { error: out.slice(-500) },
          });
          process.stderr.write(`${j.kind} trial ${j.trial}: ${line ?? out.slice(-300)}\n`);
          done();
        });
      });
    const queue = [...jobs];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: Math.min(parallel, jobs.length) }, async () => {
        for (let j = queue.shift(); j; j = queue.shift()) await runOne(j);
      }),
    );
    const n = (x: unknown) => (typeof x === 'number' ? Math.round(x).toLocaleString('en-US') : String(x));
    console.log(
      `\ninstruction-count gate: ${trials} trials per variant, ${parallel} at a time, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs; all done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
    );
    console.log(
      '| variant | trial | verdict | base instr/call | head instr/call | change | comparison wall s | counts wall s (head, base) | CPU s (engine + Valgrind) | load avg (start → end) |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const { kind, trial, r } of results.sort((a, b) => a.kind.localeCompare(b.kind) || a.trial - b.trial)) {
      const change = typeof r.change === 'number' ? `${(r.change * 100).toFixed(2)}%` : '—';
      console.log(
        `| ${kind} | ${trial} | ${r.status} | ${n(r.base)} | ${n(r.head)} | ${change} | ${Number(r.wallS).toFixed(1)} | ${((r.valgrindWallS as number[]) ?? []).map((x) => Number(x).toFixed(1)).join(', ')} | ${Number(r.cpuS).toFixed(1)} | ${((r.load as number[]) ?? []).map((x) => Number(x).toFixed(1)).join(' → ')} |`,
      );
    }
    const ok = (k: Variant, want: string) => results.filter((x) => x.kind === k && x.r.status === want).length;
    console.log(`\nidentity passes ${ok('identity', 'pass')}/${trials}; mul flagged ${ok('mul', 'fail')}/${trials}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
