/**
 * What the common pull request costs (issue 22): a real git repository in a temp folder with
 * the example classifier (784→128→64→1), a 2% regression gate on latency p50 and energy per
 * inference, and `--base-ref HEAD~1` on four kinds of pull request:
 *
 * - README only (model bytes identical): extra seconds over the same run without a base;
 * - doc string only (metadata changed, graph and weights not): extra seconds;
 * - a no-op Identity node after the first layer (onnxruntime's optimiser removes it, the cost
 *   is the same): extra seconds to a verdict (the comparison has to run), and the verdict;
 * - two element-wise Mul nodes after the first layer (× 0.5 then × 2, so outputs are
 *   unchanged): the latency cost grows by a few percent; caught or not.
 *
 * Each "extra" is the wall time of `runEnergyBudget` with the base minus that of a run without
 * it, the two run back to back in alternating order. Runs are in this process (as the tests
 * do; the action isolates each model in a worker, which adds the same to both runs).
 *
 * Goals: README and doc string ≤ 2 s extra, no warning, every try; Identity median ≤ 15 s
 * extra and no regression; the Mul change caught in 3 of 3.
 *
 * Run:  npm run bench:fast-path -- [--tries 3] [--metadata-tries 2] [--batch 32] [--scenarios readme,doc,identity,mul]
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEnergyBudget } from '../src/engine/run.js';
import { buildClassifier } from '../src/model/examples.js';
import { DataType, encodeModel, type ModelProto } from '../src/model/onnx.js';
import { footprintText } from '../src/report/markdown.js';
import type { Report } from '../src/report/types.js';

const { values } = parseArgs({
  options: {
    tries: { type: 'string', default: '3' },
    'metadata-tries': { type: 'string', default: '2' },
    batch: { type: 'string', default: '32' },
    scenarios: { type: 'string', default: 'readme,doc,identity,mul' },
  },
});
const only = new Set(String(values.scenarios).split(','));
const tries = Number(values.tries);
const metadataTries = Number(values['metadata-tries']);
const batch = Number(values.batch);

const BUDGET = `version: 1
models:
  - name: classifier
    path: models/classifier.onnx
    dims: { N: ${batch} }
    budget:
      regression:
        latency-p50: 2%
        energy-per-inference: 2%
`;

/** The classifier with `extra` nodes spliced in after the first layer's Gemm (output h1). */
function withAfterFirstLayer(kind: 'identity' | 'mul'): ModelProto {
  const m = buildClassifier();
  const g = m.graph!;
  g.node![0].output = ['h1_pre'];
  if (kind === 'identity') {
    g.node!.splice(1, 0, { opType: 'Identity', input: ['h1_pre'], output: ['h1'], name: 'noop' });
  } else {
    const scalar = (name: string, v: number) => ({
      name,
      dims: [],
      dataType: DataType.FLOAT,
      rawData: new Uint8Array(new Float32Array([v]).buffer),
    });
    g.initializer!.push(scalar('half', 0.5), scalar('two', 2));
    g.node!.splice(
      1,
      0,
      { opType: 'Mul', input: ['h1_pre', 'half'], output: ['h1_half'], name: 'mul1' },
      { opType: 'Mul', input: ['h1_half', 'two'], output: ['h1'], name: 'mul2' },
    );
  }
  return m;
}

let dir = '';
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@example.com',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@example.com',
    },
  }).trim();

interface Run {
  seconds: number;
  report: Report;
  warnings: string[];
  exitCode: number;
}

async function run(baseRef: string | undefined): Promise<Run> {
  const warnings: string[] = [];
  const t0 = process.hrtime.bigint();
  const out = await runEnergyBudget(
    { cwd: dir, configPath: 'energy-budget.yml', ...(baseRef ? { baseRef } : {}) },
    {
      logger: { info: () => {}, progress: () => {}, warn: (m) => warnings.push(m) },
      isolation: { mode: 'off' },
    },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    seconds,
    report: out.report,
    exitCode: out.exitCode,
    warnings: warnings.filter((w) => !w.includes('in this process')),
  };
}

/** A run with the base and one without, in alternating order; the difference in seconds. */
async function extra(i: number): Promise<{ extraS: number; withBase: Run; without: Run }> {
  let withBase: Run;
  let without: Run;
  if (i % 2 === 0) {
    without = await run(undefined);
    withBase = await run('HEAD~1');
  } else {
    withBase = await run('HEAD~1');
    without = await run(undefined);
  }
  return { extraS: withBase.seconds - without.seconds, withBase, without };
}

function gate(r: Report): string {
  const m = r.models[0];
  const lat = m.budgets.find((b) => b.metric === 'latency-p50' && b.kind === 'regression');
  const en = m.budgets.find((b) => b.metric === 'energy-per-inference' && b.kind === 'regression');
  const f = (b: typeof lat) =>
    !b
      ? '—'
      : b.unchanged
        ? 'unchanged'
        : `${b.status}${b.change !== undefined ? ` ${(b.change * 100).toFixed(2)}%` : ''}${b.changeCi95 ? ` [${(b.changeCi95[0] * 100).toFixed(2)}%, ${(b.changeCi95[1] * 100).toFixed(2)}%]` : ''}` +
          `${/ (\d+) rounds/.exec(b.message ?? '')?.[0] ?? ''}`;
  return `latency-p50 ${f(lat)}; energy ${f(en)}`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eb-fastpath-'));
  try {
    await mkdir(path.join(dir, 'models'));
    git('init', '-q', '-b', 'main');
    await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(buildClassifier()));
    await writeFile(path.join(dir, 'energy-budget.yml'), BUDGET);
    await writeFile(path.join(dir, 'README.md'), '# models\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    console.log(
      `repository ${dir}, batch ${batch}, gate 2% on latency-p50 and energy-per-inference; load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    let footprint: string | undefined;

    const scenario = async (name: string, n: number, change: () => Promise<void>) => {
      const rows: Array<{ extraS: number; verdict: string; warnings: number; gate: string; identical: string }> = [];
      for (let i = 0; i < n; i++) {
        git('reset', '-q', '--hard', base);
        await change();
        git('commit', '-q', '-am', name);
        const r = await extra(i);
        const m = r.withBase.report.models[0];
        rows.push({
          extraS: r.extraS,
          verdict: r.withBase.report.verdict,
          warnings: r.withBase.warnings.length + (r.withBase.report.verdict === 'warn' ? 1 : 0),
          gate: gate(r.withBase.report),
          identical: m.identicalToBase?.match ?? 'no',
        });
        footprint ??= footprintText(r.withBase.report);
        console.log(
          `  ${name} #${i + 1}: ${r.extraS >= 0 ? '+' : ''}${r.extraS.toFixed(2)} s (with base ${r.withBase.seconds.toFixed(2)} s, without ${r.without.seconds.toFixed(2)} s), ` +
            `verdict ${r.withBase.report.verdict}, exit ${r.withBase.exitCode}, identical: ${rows[i].identical}, ${rows[i].gate}` +
            `${r.withBase.warnings.length ? `, warnings: ${r.withBase.warnings.join(' | ')}` : ''}`,
        );
      }
      const extras = rows.map((r) => r.extraS);
      console.log(
        `${name}: extra median ${median(extras).toFixed(2)} s, max ${Math.max(...extras).toFixed(2)} s; verdicts ${rows.map((r) => r.verdict).join(', ')}`,
      );
      return rows;
    };

    if (only.has('readme'))
      await scenario('README only', metadataTries, async () => {
        await writeFile(path.join(dir, 'README.md'), '# models\n\nA classifier of digits.\n');
      });
    if (only.has('doc'))
      await scenario('doc string only', metadataTries, async () => {
        const m = buildClassifier();
        m.docString = 'Classifies 28×28 digits.';
        m.producerName = 're-exported';
        await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(m));
      });
    if (only.has('identity'))
      await scenario('Identity only', tries, async () => {
        await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(withAfterFirstLayer('identity')));
      });
    // The Mul change: only the run with the base matters (caught or not).
    let caught = 0;
    for (let i = 0; i < (only.has('mul') ? tries : 0); i++) {
      git('reset', '-q', '--hard', base);
      await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(withAfterFirstLayer('mul')));
      git('commit', '-q', '-am', 'two Mul');
      const r = await run('HEAD~1');
      const lat = r.report.models[0].budgets.find((b) => b.metric === 'latency-p50' && b.kind === 'regression');
      const hit = lat?.status === 'fail';
      if (hit) caught++;
      console.log(
        `  two Mul #${i + 1}: ${r.seconds.toFixed(2)} s, verdict ${r.report.verdict}, exit ${r.exitCode}, ${gate(r.report)}`,
      );
    }
    console.log(`two Mul: caught ${caught} of ${tries}`);
    console.log(
      `load average at the end ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(`footprint of a real run (README only, with base): ${footprint ?? '(none)'}`);
  } finally {
    // Only the folder this script created.
    if (dir && path.basename(dir).startsWith('eb-fastpath-')) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
