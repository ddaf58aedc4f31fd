/**
 * Real exports from PyTorch 1.13 / torchvision 0.14 (scripts/export-train-fixtures.py, committed
 * under __tests__/fixtures/train-torch/): the built gradients equal PyTorch autograd's, and a
 * training step builds, runs and lowers the loss on a fixed batch. No Python needed here.
 *
 * Each fixture's JSON holds the batch x, a projection R and autograd's gradients of
 * L = Σ Y ⊙ R (training-mode forward: BatchNorm on batch statistics, dropout 0) for up to 24
 * sampled elements of every parameter, and each gradient's L2 norm. Tolerance, float32 on both
 * sides: |built − torch| ≤ 1e-4·rms + 2e-3·|torch| per element, with rms = norm/√numel the
 * gradient's root mean square; the norms agree within 1e-3 relative.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel, type ModelProto } from '../../src/model/onnx.js';
import { rawTensor, node, valueInfo } from '../../src/model/builder.js';
import { loadModel } from '../../src/model/load.js';
import { resolveShapes } from '../../src/model/shapes.js';
import { differentiateModel } from '../../src/train/autodiff.js';
import { buildTrainingStep } from '../../src/train/index.js';
import { toOrtTensor } from '../../src/train/runner.js';
import { synthesizeLabels } from '../../src/train/losses.js';

/** The script's `pattern`: element i is ((i·prime) mod 1000)/500 − 1, rounded to float32. */
function pattern(dims: number[], prime: number): Float32Array {
  const n = dims.reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: n }, (_, i) => ((i * prime) % 1000) / 500 - 1);
}

const DIR = fileURLToPath(new URL('../fixtures/train-torch/', import.meta.url));

interface Fixture {
  model: string;
  opset: number;
  ops: string[];
  x: { dims: number[]; prime: number };
  r: { dims: number[]; prime: number };
  gradients: Record<string, { dims: number[]; indices: number[]; values: number[]; norm: number; float32Norm: number }>;
}

async function open(name: string): Promise<{
  fx: Fixture;
  proto: ModelProto;
  x: ort.Tensor;
  shapes: Map<string, number[]>;
}> {
  const fx = JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8')) as Fixture;
  const loaded = await loadModel(`${DIR}${fx.model}`);
  const x = new ort.Tensor('float32', pattern(fx.x.dims, fx.x.prime), fx.x.dims);
  const shapes = await resolveShapes(loaded, { x });
  return { fx, proto: loaded.proto, x, shapes };
}

/** The model with L = Σ Y ⊙ R appended as its only output. */
function projected(proto: ModelProto, fx: Fixture): ModelProto {
  const g = proto.graph ?? {};
  return {
    ...proto,
    graph: {
      ...g,
      node: [
        ...(g.node ?? []),
        node('Mul', ['y', 'proj_r'], ['proj_y']),
        node('ReduceSum', ['proj_y'], ['proj_loss'], { keepdims: 0 }),
      ],
      initializer: [...(g.initializer ?? []), rawTensor('proj_r', fx.r.dims, DataType.FLOAT, pattern(fx.r.dims, fx.r.prime))],
      output: [valueInfo('proj_loss', DataType.FLOAT, [])],
    },
  };
}

const FIXTURES = [
  'layernorm-mlp',
  'transformer-encoder',
  'mobile-block',
  'mobilenet-v3-small',
  'opset9-constants',
  'lstm',
  'gru',
  'rnn',
  'encoder-decoder',
];

describe('gradients equal PyTorch autograd on real exports', () => {
  for (const name of FIXTURES) {
    it(name, async () => {
      const { fx, proto, x, shapes } = await open(name);
      const wrt = Object.keys(fx.gradients);
      const { model, gradients } = differentiateModel(projected(proto, fx), {
        loss: 'proj_loss',
        wrt,
        batchShapes: { x: fx.x.dims },
        knownShapes: shapes,
      });
      const session = await ort.InferenceSession.create(encodeModel(model), { intraOpNumThreads: 1 });
      const out = await session.run({ x });
      // Gradients that are zero in exact arithmetic (a bias right before BatchNorm) are float32
      // rounding on both sides: compared against a floor of 1e-6 × the largest gradient norm.
      const floor = 1e-6 * Math.max(...Object.values(fx.gradients).map((r) => r.norm));
      await session.release();
      for (const [param, ref] of Object.entries(fx.gradients)) {
        const g = out[gradients[param]] as ort.Tensor | undefined;
        expect({ param, dims: g ? Array.from(g.dims) : undefined }).toEqual({ param, dims: ref.dims });
        const data = (g as ort.Tensor).data as Float32Array;
        const numel = data.length;
        const rms = ref.norm / Math.sqrt(numel);
        let norm = 0;
        for (const v of data) norm += v * v;
        norm = Math.sqrt(norm);
        const relErr = Math.abs(norm - ref.norm) / Math.max(ref.norm, 1e-12);
        // PyTorch's own float32 error on this gradient, relative: deep BatchNorm stacks on few
        // samples amplify rounding, and no float32 computation can be held tighter than that.
        const spread = Math.abs(ref.float32Norm - ref.norm) / Math.max(ref.norm, 1e-12);
        const rel = Math.max(1e-3, 2 * spread);
        if (!(Math.abs(norm - ref.norm) <= rel * ref.norm + floor))
          throw new Error(`${name}: |∂L/∂${param}| built ${norm}, PyTorch ${ref.norm} (relative error ${relErr})`);
        ref.indices.forEach((i, k) => {
          const err = Math.abs(data[i] - ref.values[k]);
          const tol = (1e-4 * rms + 2e-3 * Math.abs(ref.values[k])) * (rel / 1e-3) + floor;
          if (err > tol)
            throw new Error(`${name}: ∂L/∂${param}[${i}] built ${data[i]}, PyTorch ${ref.values[k]} (|Δ| ${err} > ${tol})`);
        });
      }
    });
  }
});

describe('a training step builds and learns on real exports', () => {
  for (const name of FIXTURES) {
    it(`${name}: finite loss, decreasing over 8 SGD steps on a fixed batch`, async () => {
      const { fx, proto, x, shapes } = await open(name);
      const rank = fx.r.dims.length;
      const step = buildTrainingStep(proto, {
        loss: rank === 2 ? 'cross-entropy' : 'mse',
        optimizer: 'sgd',
        learningRate: 0.05,
        batchShapes: { x: fx.x.dims },
        knownShapes: shapes,
      });
      expect(step.parameterNames.sort()).toEqual(Object.keys(fx.gradients).sort());
      const labels = synthesizeLabels(
        rank === 2 ? 'cross-entropy' : 'mse',
        step.label.dtype,
        step.label.shape,
        7,
        step.label.classes,
      );
      const session = await ort.InferenceSession.create(encodeModel(step.model), { intraOpNumThreads: 1 });
      let state: Record<string, ort.Tensor> = {};
      for (const [n, d] of Object.entries(step.initialState)) state[n] = toOrtTensor(d);
      const losses: number[] = [];
      for (let k = 0; k < 8; k++) {
        const res = await session.run({ x, [step.labelInput]: toOrtTensor(labels), ...state });
        losses.push(Number((res[step.lossOutput] as ort.Tensor).data[0]));
        const next: Record<string, ort.Tensor> = {};
        for (const [o, i] of Object.entries(step.feedback)) next[i] = res[o] as ort.Tensor;
        state = next;
      }
      await session.release();
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(losses[7]).toBeLessThan(losses[0]);
    });
  }
});
