/**
 * "Identical means identical" end to end: a real git repository in a temp folder; a
 * README-only commit, a doc-string-only commit and a `compare: always` commit, each run with
 * `--base-ref` its parent against a 2% regression gate.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEnergyBudget } from '../../src/engine/run.js';
import { buildClassifier } from '../../src/model/examples.js';
import { encodeModel } from '../../src/model/onnx.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { RunResult } from '../../src/engine/types.js';

const budget = (extra = '') => `version: 1
models:
  - name: classifier
    path: models/classifier.onnx
    dims: { N: 8 }
    inference: { iterations: 50, warmup: 5, max-time: 1 s }
    energy: estimate
${extra}    budget:
      model-size: 1 MB
      regression:
        latency-p50: 2%
        energy-per-inference: 2%
`;

let dir: string;
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();

async function runAgainstParent(): Promise<RunResult & { warnings: string[] }> {
  const warnings: string[] = [];
  const out = await runEnergyBudget(
    { cwd: dir, configPath: 'energy-budget.yml', baseRef: 'HEAD~1' },
    {
      logger: { info: () => {}, progress: () => {}, warn: (m) => warnings.push(m) },
      isolation: { mode: 'off' },
    },
  );
  // The in-process notice is about how this test runs, not about the comparison.
  return { ...out, warnings: warnings.filter((w) => !w.includes('in this process')) };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-identical-'));
  await mkdir(path.join(dir, 'models'));
  git('init', '-q', '-b', 'main');
  await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(buildClassifier()));
  await writeFile(path.join(dir, 'energy-budget.yml'), budget());
  await writeFile(path.join(dir, 'README.md'), '# models\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--base-ref on a model identical to the base', () => {
  it('a README-only change: the base is not measured, the gate rows say unchanged, no warning', async () => {
    await writeFile(path.join(dir, 'README.md'), '# models\n\nNow with a description.\n');
    git('commit', '-q', '-am', 'readme');
    const { report, exitCode, warnings } = await runAgainstParent();
    const m = report.models[0];
    expect(exitCode).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(warnings).toEqual([]);
    expect(m.identicalToBase).toMatchObject({ match: 'bytes' });
    expect(m.identicalToBase!.runtime).toMatch(/onnxruntime-node .*cpu/);
    expect(m.baseline).toBeUndefined(); // not measured
    const gates = m.budgets.filter((b) => b.kind === 'regression');
    expect(gates.map((b) => [b.metric, b.status, b.unchanged])).toEqual([
      ['latency-p50', 'pass', true],
      ['energy-per-inference', 'pass', true],
    ]);
    const md = renderMarkdown(report);
    expect(md).toContain('| unchanged (identical to base) |');
    expect(md).toContain('Unchanged (identical to base): the same bytes');
    expect(md).not.toContain('not checked');
    expect(md).not.toContain('inconclusive');
  });

  it('a doc-string-only change: recognised by the canonical digest of graph and weights', async () => {
    const proto = buildClassifier();
    proto.docString = 'Classifies 28×28 digits; see the README.';
    proto.producerName = 'a re-export';
    await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(proto));
    git('commit', '-q', '-am', 'doc string');
    const { report, exitCode, warnings } = await runAgainstParent();
    const m = report.models[0];
    expect(exitCode).toBe(0);
    expect(warnings).toEqual([]);
    expect(m.identicalToBase).toMatchObject({ match: 'graph-and-weights' });
    expect(m.identicalToBase!.baseSizeBytes).toBeLessThan(m.size.bytes);
    expect(m.budgets.filter((b) => b.unchanged).length).toBe(2);
    expect(renderMarkdown(report)).toContain('the same graph and weights (only metadata differs)');
  });

  it('compare: always measures the base anyway', async () => {
    await writeFile(path.join(dir, 'energy-budget.yml'), budget('    compare: always\n'));
    git('commit', '-q', '-am', 'always compare');
    const { report } = await runAgainstParent();
    const m = report.models[0];
    expect(m.identicalToBase).toBeUndefined();
    expect(m.baseline?.size.parameters).toBe(m.size.parameters);
    const lat = m.budgets.find((b) => b.metric === 'latency-p50')!;
    expect(lat.unchanged).toBeUndefined();
    expect(lat.changeCi95).toHaveLength(2);
  });
});

describe('--base-ref without a regression gate', () => {
  it('shows the measured base and the change with its interval as information; nothing passes or fails on them', async () => {
    await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(buildClassifier({ hidden1: 136 })));
    await writeFile(
      path.join(dir, 'energy-budget.yml'),
      budget().replace(/ {6}regression:\n.*\n.*\n/, '      latency-p95: 10 s\n'),
    );
    git('commit', '-q', '-am', 'wider layer, no gate');
    const { report, exitCode, warnings } = await runAgainstParent();
    const m = report.models[0];
    expect(exitCode).toBe(0);
    expect(warnings).toEqual([]);
    expect(m.budgets.every((b) => b.kind === 'absolute' && b.status === 'pass')).toBe(true);
    const p95 = m.budgets.find((b) => b.metric === 'latency-p95')!;
    expect(p95.baseline).toBeGreaterThan(0);
    expect(m.baseline!.inference!.latencyMs.p95 / 1000).toBeCloseTo(p95.baseline!, 12);
    const info = m.baseComparison!.find((r) => r.metric === 'latency-p50')!;
    expect(info.base).toBeGreaterThan(0);
    expect(info.changeCi95![0]).toBeLessThanOrEqual(info.change!);
    expect(info.change!).toBeLessThanOrEqual(info.changeCi95![1]);
    expect(m.baseComparison!.map((r) => r.metric)).toContain('energy-per-inference');
    const md = renderMarkdown(report);
    expect(md).toMatch(/\| ℹ️ \| Latency p50 \| [^|]+s \| [^|]+s \| [+−-][^|]*\[[^|]+\] \| no gate \(information\) \|/);
    expect(md).not.toContain('not checked');
  });
});
