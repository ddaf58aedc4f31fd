/**
 * `baseline: history` through the real engine: the classifier is measured (real onnxruntime,
 * estimate meter) against a history handed in as the action reads it from the data branch.
 * The opposite direction (a head inside the history's spread) is in __tests__/history/core.test.ts,
 * where the figures are fixed rather than measured on a busy machine.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HistoryRecord } from '../../src/history/record.js';
import { runEnergyBudget } from '../../src/engine/run.js';
import { createRng } from '../../src/util/random.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
let dir: string;

const BUDGET = `version: 1
models:
  - name: classifier
    path: models/classifier.onnx
    dims: { N: 4 }
    inference: { iterations: 10, warmup: 1 }
    energy: estimate
    budget:
      model-size: 500 kB
      regression:
        energy-per-inference: 10%
        model-size: 0%
`;

/**
 * `n` history records of the classifier: its real size, and an energy per inference around
 * `joules` with 5% run-to-run spread, measured with another onnxruntime.
 */
function history(n: number, sizeBytes: number, joules: number): HistoryRecord[] {
  const rng = createRng(1);
  return Array.from({ length: n }, (_, i) => ({
    v: 1,
    sha: `h${i}`,
    ref: 'main',
    createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    environment: { cpu: 'some CPU', logicalCpus: 2, os: 'Linux', onnxruntime: '0.0.1-other' },
    models: [
      {
        name: 'classifier',
        metrics: { 'model-size': sizeBytes, 'energy-per-inference': joules * Math.exp(0.05 * rng.normal()) },
        limits: {},
        energyMethod: 'estimate',
      },
    ],
  }));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-hist-base-'));
  await mkdir(path.join(dir, 'models'));
  await copyFile(path.join(root, 'examples/models/classifier.onnx'), path.join(dir, 'models/classifier.onnx'));
  await writeFile(path.join(dir, 'energy-budget.yml'), BUDGET);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('baseline: history through the engine', () => {
  it('judges the regression budget by the history’s spread and says the comparison crosses runs', async () => {
    const sizeBytes = (await stat(path.join(dir, 'models/classifier.onnx'))).size;
    const warnings: string[] = [];
    const logger = { info: () => {}, progress: () => {}, warn: (m: string) => warnings.push(m) };
    // A history a million times lower than any real measurement: the head must be a regression.
    const { report } = await runEnergyBudget(
      {
        cwd: dir,
        configPath: 'energy-budget.yml',
        historyBaseline: { records: history(12, sizeBytes, 1e-12), window: 30, branch: 'main' },
      },
      { env: {}, logger },
    );
    expect(report.baseline).toMatchObject({ kind: 'history', ref: 'main', runs: 30 });
    expect(warnings.join('\n')).toMatch(
      /environment differs from the newest run in the history \(CPU some CPU → .*onnxruntime 0\.0\.1-other → /,
    );
    const energy = report.models[0].budgets.find((b) => b.metric === 'energy-per-inference' && b.kind === 'regression')!;
    expect(energy).toMatchObject({ status: 'fail', message: expect.stringContaining('against 12 earlier default-branch runs') });
    expect(energy.changeCi95![0]).toBeGreaterThan(0.1);
    expect(energy.baseline).toBeLessThan(1e-11);
    const size = report.models[0].budgets.find((b) => b.metric === 'model-size' && b.kind === 'regression')!;
    expect(size).toMatchObject({ status: 'pass', baseline: sizeBytes });
  }, 60_000);
});
