/**
 * Real exports train through `energy-budget run` with `training:` set: the transformer encoder
 * (its MatMul/ReduceMean ranks only known from the analysis run's shapes) and an opset-9 model
 * whose weights sit in Constant nodes, a 2-layer nn.LSTM (unrolled) and an image encoder-decoder
 * (ConvTranspose, Resize nearest/bilinear, InstanceNormalization, reflect Pad). Fixtures from
 * scripts/export-train-fixtures.py.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEnergyBudget } from '../../src/engine/run.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
let dir: string;

const BUDGET = `version: 1
models:
  - name: encoder
    path: models/transformer-encoder.onnx
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    training: { loss: mse, optimizer: adam, learning-rate: 0.01, steps: 4, steps-per-call: 2 }
  - name: old-mlp
    path: models/opset9-constants.onnx
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    training: { loss: cross-entropy, optimizer: sgd, learning-rate: 0.1, steps: 4 }
  - name: lstm
    path: models/lstm.onnx
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    training: { loss: mse, optimizer: adam, learning-rate: 0.01, steps: 4 }
  - name: encoder-decoder
    path: models/encoder-decoder.onnx
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    training: { loss: mse, optimizer: adam, learning-rate: 0.01, steps: 4 }
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-train-real-'));
  await mkdir(path.join(dir, 'models'));
  for (const m of ['transformer-encoder.onnx', 'opset9-constants.onnx', 'lstm.onnx', 'encoder-decoder.onnx'])
    await copyFile(path.join(root, '__tests__/fixtures/train-torch', m), path.join(dir, 'models', m));
  await writeFile(path.join(dir, 'energy-budget.yml'), BUDGET);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('training real exports through energy-budget run', () => {
  it('trains the transformer encoder, the opset-9 Constant-weight model, a 2-layer nn.LSTM and an encoder-decoder (exit 0, finite losses)', async () => {
    const { report, exitCode } = await runEnergyBudget({ cwd: dir, configPath: 'energy-budget.yml' });
    expect(exitCode).toBe(0);
    for (const name of ['encoder', 'old-mlp', 'lstm', 'encoder-decoder']) {
      const m = report.models.find((r) => r.name === name);
      expect(m?.training).toEqual(expect.objectContaining({ steps: 4 }));
      expect(Number.isFinite(m?.training?.lossFirst)).toBe(true);
      expect(Number.isFinite(m?.training?.lossLast)).toBe(true);
    }
    const old = report.models.find((r) => r.name === 'old-mlp');
    expect(old?.notices).toEqual(
      expect.arrayContaining([expect.stringMatching(/4 weight tensors stored in Constant nodes .* trained as parameters/)]),
    );
  });
});
