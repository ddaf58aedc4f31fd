/**
 * Third-party models exported by PyTorch (scripts/export-torch-models.py; the tests need neither
 * python nor torch). PyTorch's own parameter count and an onnx-package count of Constant-node
 * elements, both recorded in models.json at export time, are the independent references.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { analyzeModel } from '../../src/model/analyze.js';
import { computeFlops } from '../../src/model/flops.js';
import { loadModel } from '../../src/model/load.js';
import { resolveShapes } from '../../src/model/shapes.js';
import type { ModelAnalysis } from '../../src/model/types.js';
import { createRng } from '../../src/util/random.js';

const DIR = fileURLToPath(new URL('../fixtures/models/torch/', import.meta.url));

interface Entry {
  torchParameters: number;
  onnxWeightElements: number;
  onnxConstantNodeElements: number;
  testShapes: Record<string, number[]>;
}
const INDEX = JSON.parse(readFileSync(`${DIR}models.json`, 'utf8')) as { torch: string; models: Record<string, Entry> };

/** Seeded feeds at the test shapes; int64 inputs get small valid values (token ids, step counts). */
function feedsFor(analysis: ModelAnalysis, shapes: Record<string, number[]>): Record<string, ort.Tensor> {
  const rng = createRng(42);
  const feeds: Record<string, ort.Tensor> = {};
  for (const input of analysis.inputs) {
    const dims = shapes[input.name]!;
    const n = dims.reduce((a, b) => a * b, 1);
    if (input.dtype === 'int64')
      feeds[input.name] = new ort.Tensor(
        'int64',
        BigInt64Array.from({ length: n }, () => BigInt(rng.int(1, 9))),
        dims,
      );
    else
      feeds[input.name] = new ort.Tensor(
        'float32',
        Float32Array.from({ length: n }, () => rng.normal()),
        dims,
      );
  }
  return feeds;
}

async function analyse(file: string) {
  const loaded = await loadModel(`${DIR}${file}`);
  const analysis = analyzeModel(loaded);
  const shapes = await resolveShapes(loaded, feedsFor(analysis, INDEX.models[file]!.testShapes), (b) =>
    ort.InferenceSession.create(b),
  );
  return { loaded, analysis, shapes, flops: computeFlops(loaded.proto, shapes) };
}

describe(`PyTorch ${INDEX.torch} exports`, () => {
  it.each(Object.entries(INDEX.models))('%s: parameters = PyTorch parameters + Constant-node elements', async (file, entry) => {
    const { analysis, flops } = await analyse(file);
    expect(analysis.size.parameters).toBe(entry.torchParameters + entry.onnxConstantNodeElements);
    expect(analysis.size.parameters).toBe(entry.onnxWeightElements);
    expect(analysis.producer).toMatch(/^pytorch /);
    expect(analysis.opset).toBe(17);
    expect(flops.total).toBeGreaterThan(0);
  });

  it('LSTM with state inputs: two stacked LSTM ops, head MatMul, all counted', async () => {
    const { analysis, flops } = await analyse('lstm-state.onnx');
    expect(analysis.inputs.map((i) => [i.name, i.dtype, i.shape])).toEqual([
      ['x', 'float32', ['T', 'N', 8]],
      ['h0', 'float32', [2, 'N', 16]],
      ['c0', 'float32', [2, 'N', 16]],
    ]);
    // T=5, N=2, H=16; per step and row: 2·4·H·(I+H) + 2·4·H biases + 13·H gate arithmetic.
    const layer = (i: number): number => 5 * 2 * (2 * 4 * 16 * (i + 16) + 2 * 4 * 16 + 13 * 16);
    expect(flops.byOp.LSTM).toBe(layer(8) + layer(16));
    expect(flops.byOp.MatMul).toBe(2 * (5 * 2 * 4) * 16);
    expect(flops.uncounted).toEqual([]);
  });

  it('bidirectional GRU, batch first', async () => {
    const { flops } = await analyse('gru-bidirectional.onnx');
    // T=7, N=2, 2 directions, I=6, H=10.
    expect(flops.byOp.GRU).toBe(7 * 2 * 2 * (2 * 3 * 10 * (6 + 10) + 2 * 3 * 10 + 11 * 10));
  });

  it('two inputs, one int64, with symbolic dims', async () => {
    const { analysis, flops } = await analyse('embedding-two-inputs.onnx');
    expect(analysis.inputs.map((i) => [i.name, i.dtype, i.shape])).toEqual([
      ['tokens', 'int64', ['N', 'T']],
      ['features', 'float32', ['N', 4]],
    ]);
    // N=2, T=9: mean over 2·9·16; dense Gemm 4→16 with bias; ReLU; head Gemm 32→3 with bias.
    expect(flops.byOp).toEqual({ ReduceMean: 288, Gemm: 2 * 2 * 16 * 4 + 32 + (2 * 2 * 3 * 32 + 6), Relu: 32 });
  });

  it('conv net with dynamic H and W at 16×12, Conv and ConvTranspose by hand', async () => {
    const { analysis, shapes, flops } = await analyse('conv-dynamic-hw.onnx');
    expect(analysis.inputs[0]!.shape).toEqual(['N', 3, 'H', 'W']);
    expect(shapes.get('mask')).toEqual([1, 1, 16, 12]);
    const conv1 = 2 * (8 * 16 * 12) * 27 + 8 * 16 * 12;
    const conv2 = 2 * (16 * 8 * 6) * 72 + 16 * 8 * 6;
    const out = 2 * (16 * 12) * 8 + 16 * 12;
    const up = 2 * (16 * 8 * 6) * (8 * 2 * 2) + 8 * 16 * 12;
    expect(flops.byOp).toEqual({ Conv: conv1 + conv2 + out, ConvTranspose: up, Relu: 1536 + 768 + 1536, Sigmoid: 192 });
  });

  it('scripted control flow: Loop and If bodies with Gemms, weights counted, FLOPs flagged', async () => {
    const { analysis, flops } = await analyse('control-flow-scripted.onnx');
    expect(analysis.inputs.map((i) => [i.name, i.dtype])).toEqual([
      ['x', 'float32'],
      ['steps', 'int64'],
    ]);
    expect(analysis.ops.Loop).toBe(1);
    expect(analysis.ops.If).toBe(1);
    expect(analysis.ops.Gemm).toBe(3);
    expect(flops.uncounted).toEqual(['If', 'Loop']);
  });

  it('transformer encoder layer: every op counted; the matrix products by hand', async () => {
    const { flops } = await analyse('transformer-encoder.onnx');
    expect(flops.uncounted).toEqual([]);
    // N=2, T=6, d=32, 4 heads of 8, FF 64; rows = N·T = 12. Products: QKV projection, Q·Kᵀ and
    // A·V per head, output projection, two feed-forward layers. Bias adds are separate ops
    // (Add) or part of Gemm, so compare the products alone against MatMul + Gemm minus the
    // Gemm bias adds (one per output element of each Gemm).
    const products = 2 * (12 * 32 * 96 + 8 * 6 * 6 * 8 + 8 * 6 * 8 * 6 + 12 * 32 * 32 + 12 * 32 * 64 + 12 * 64 * 32);
    expect(products).toBe(205_824);
    const gemmBias = flops.byOp.Gemm ? 12 * 32 : 0;
    expect((flops.byOp.MatMul ?? 0) + (flops.byOp.Gemm ?? 0) - gemmBias).toBe(products);
  });
});
