import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { node as mkNode, model, valueInfo } from '../../src/model/builder.js';
import {
  buildBatchedMatMul,
  buildClassifier,
  buildCnn,
  buildControlFlow,
  buildDynamicConv,
  buildMultiInput,
  buildRecurrent,
  buildSparse,
} from '../../src/model/examples.js';
import { computeFlops, nodeFlops } from '../../src/model/flops.js';
import { loadModel, type LoadedModel } from '../../src/model/load.js';
import { DataType, encodeModel, type ModelProto } from '../../src/model/onnx.js';
import { externalDataOptions, resolveShapes, staticShapes, type ShapeSessionFactory } from '../../src/model/shapes.js';

const ortFactory: ShapeSessionFactory = (b, o) => ort.InferenceSession.create(b, externalDataOptions(o.externalDataFolder));

function inMemory(proto: ModelProto): LoadedModel {
  const bytes = encodeModel(proto);
  return { path: '/virtual/model.onnx', bytes, proto, fileBytes: bytes.length, externalFiles: [] };
}

const f32 = (dims: number[]): ort.Tensor =>
  new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.25), dims);

async function flopsOf(proto: ModelProto, feeds: Record<string, ort.Tensor>): Promise<ReturnType<typeof computeFlops>> {
  const shapes = await resolveShapes(inMemory(proto), feeds, ortFactory);
  return computeFlops(proto, shapes);
}

describe('computeFlops at resolved shapes (figures by hand)', () => {
  it('classifier at N=1: Gemm 2·(784·128 + 128·64 + 64·1) + bias 193, ReLU 192, Sigmoid 1', async () => {
    const f = await flopsOf(buildClassifier(), { x: f32([1, 784]) });
    const gemm = 2 * (784 * 128 + 128 * 64 + 64 * 1) + (128 + 64 + 1);
    expect(f.byOp).toEqual({ Gemm: gemm, Relu: 128 + 64, Sigmoid: 1 });
    expect(f.total).toBe(217_602);
    expect(f.uncounted).toEqual([]);
  });

  it('classifier scales linearly with the batch', async () => {
    expect((await flopsOf(buildClassifier(), { x: f32([32, 784]) })).total).toBe(32 * 217_602);
  });

  it('CNN at N=1', async () => {
    const f = await flopsOf(buildCnn(), { x: f32([1, 1, 28, 28]) });
    const conv1 = 2 * (8 * 28 * 28) * (1 * 3 * 3) + 8 * 28 * 28;
    const conv2 = 2 * (16 * 14 * 14) * (8 * 3 * 3) + 16 * 14 * 14;
    const pools = 8 * 14 * 14 * 4 + 16 * 7 * 7 * 4;
    const relus = 8 * 28 * 28 + 16 * 14 * 14;
    const gemm = 2 * 10 * 784 + 10;
    expect(f.byOp).toEqual({ Conv: conv1 + conv2, Relu: relus, MaxPool: pools, Gemm: gemm });
    expect(f.total).toBe(608_394);
  });

  it('two inputs with int64 token ids (N=2, T=5)', async () => {
    const tokens = new ort.Tensor('int64', BigInt64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(BigInt)), [2, 5]);
    const f = await flopsOf(buildMultiInput(), { tokens, features: f32([2, 8]) });
    // ReduceMean reads 2·5·16; MatMul 2·(2·4)·24; Add 2·4; Gather and Concat move data only.
    expect(f.byOp).toEqual({ ReduceMean: 160, MatMul: 384, Add: 8 });
  });

  it('dynamic H, W and ConvTranspose (N=1, H=8, W=6)', async () => {
    const f = await flopsOf(buildDynamicConv(), { x: f32([1, 3, 8, 6]) });
    const conv = 2 * (4 * 8 * 6) * 27 + 4 * 8 * 6;
    // ConvTranspose: every input element times a C_out × 2 × 2 slice; bias over [1,2,16,12].
    const convT = 2 * (4 * 8 * 6) * (2 * 2 * 2) + 2 * 16 * 12;
    expect(f.byOp).toEqual({ Conv: conv, Relu: 4 * 8 * 6, ConvTranspose: convT, GlobalAveragePool: 2 * 16 * 12 });
    expect(f.total).toBe(14_592);
  });

  it('batched MatMul (B=2)', async () => {
    const f = await flopsOf(buildBatchedMatMul(), { a: f32([2, 3, 4]), b: f32([2, 4, 5]) });
    expect(f.byOp).toEqual({ MatMul: 2 * 2 * 3 * 5 * 4 + 2 * 2 * 3 * 2 * 5 });
  });

  it('GRU with state input (T=4, N=2, I=3, H=5)', async () => {
    const f = await flopsOf(buildRecurrent(), { x: f32([4, 2, 3]), h0: f32([1, 2, 5]) });
    expect(f.byOp).toEqual({ GRU: 4 * 2 * (2 * 3 * 5 * (3 + 5) + 2 * 3 * 5 + 11 * 5) });
  });

  it('If and Loop bodies are not counted and say so', async () => {
    const flag = new ort.Tensor('bool', Uint8Array.from([1]), []);
    const f = await flopsOf(buildControlFlow(), { x: f32([2, 4]), flag });
    expect(f.byOp).toEqual({ Add: 8, Mul: 8 });
    expect(f.uncounted).toEqual(['If', 'Loop']);
  });

  it('sparse weights cost as dense', async () => {
    const f = await flopsOf(buildSparse(), { x: f32([1, 8]) });
    expect(f.total).toBe(2 * 4 * 8 + 4 + 2 * 4 * 4);
  });
});

describe('nodeFlops (table)', () => {
  const shapes = (entries: Record<string, number[]>): Map<string, number[]> => new Map(Object.entries(entries));
  it.each([
    [
      'MatMul broadcasting [2,1,3,4]×[5,4,2]',
      mkNode('MatMul', ['a', 'b'], ['y']),
      { a: [2, 1, 3, 4], b: [5, 4, 2], y: [2, 5, 3, 2] },
      2 * 60 * 4,
    ],
    ['MatMul 1-D × 2-D', mkNode('MatMul', ['a', 'b'], ['y']), { a: [4], b: [4, 3], y: [3] }, 2 * 3 * 4],
    [
      'Gemm transA without bias',
      mkNode('Gemm', ['a', 'b'], ['y'], { transA: 1 }),
      { a: [4, 3], b: [4, 5], y: [3, 5] },
      2 * 15 * 4,
    ],
    [
      'grouped Conv, dilated',
      mkNode('Conv', ['x', 'w'], ['y'], { group: 2, dilations: [2, 2] }),
      { x: [1, 4, 7, 7], w: [4, 2, 3, 3], y: [1, 4, 3, 3] },
      2 * 36 * 18,
    ],
    [
      'ConvTranspose with groups',
      mkNode('ConvTranspose', ['x', 'w', 'b'], ['y'], { group: 2 }),
      { x: [1, 4, 3, 3], w: [4, 1, 2, 2], y: [1, 2, 4, 4] },
      2 * 36 * 4 + 32,
    ],
    [
      'AveragePool 3×3',
      mkNode('AveragePool', ['x'], ['y'], { kernel_shape: [3, 3] }),
      { x: [1, 2, 5, 5], y: [1, 2, 3, 3] },
      18 * 9,
    ],
    ['Softmax', mkNode('Softmax', ['x'], ['y']), { x: [2, 10], y: [2, 10] }, 5 * 20],
    ['LayerNormalization', mkNode('LayerNormalization', ['x', 's', 'b'], ['y']), { x: [2, 8], y: [2, 8] }, 7 * 16],
    [
      'BatchNormalization',
      mkNode('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['y']),
      { x: [1, 3, 2, 2], y: [1, 3, 2, 2] },
      2 * 12,
    ],
    ['Sum of three', mkNode('Sum', ['a', 'b', 'c'], ['y']), { y: [10] }, 20],
    ['ReduceSum', mkNode('ReduceSum', ['x', 'axes'], ['y']), { x: [4, 6], y: [4] }, 24],
    ['Reshape (data movement)', mkNode('Reshape', ['x', 's'], ['y']), {}, 0],
    [
      'LSTM bidirectional, no bias',
      mkNode('LSTM', ['x', 'w', 'r'], ['y'], { hidden_size: 2, direction: 'bidirectional' }),
      { x: [3, 1, 4], w: [2, 8, 4] },
      3 * 1 * 2 * (2 * 4 * 2 * (4 + 2) + 13 * 2),
    ],
  ])('%s', (_name, n, s, expected) => {
    expect(nodeFlops(n, shapes(s))).toBe(expected);
  });

  it('returns undefined for unknown ops, other domains and missing shapes', () => {
    expect(nodeFlops(mkNode('Einsum', ['a'], ['y']), new Map())).toBeUndefined();
    expect(nodeFlops(mkNode('FusedConv', ['a'], ['y'], {}, 'f', 'com.microsoft'), new Map())).toBeUndefined();
    expect(nodeFlops(mkNode('Relu', ['a'], ['y']), new Map())).toBeUndefined();
  });
});

describe('resolveShapes', () => {
  it('learns every intermediate shape that the file does not store', async () => {
    const shapes = await resolveShapes(inMemory(buildCnn()), { x: f32([2, 1, 28, 28]) }, ortFactory);
    expect(
      Object.fromEntries(['x', 'c1', 'p1', 'c2', 'p2', 'flat', 'logits', 'conv1.weight'].map((k) => [k, shapes.get(k)])),
    ).toEqual({
      x: [2, 1, 28, 28],
      c1: [2, 8, 28, 28],
      p1: [2, 8, 14, 14],
      c2: [2, 16, 14, 14],
      p2: [2, 16, 7, 7],
      flat: [2, 784],
      logits: [2, 10],
      'conv1.weight': [8, 1, 3, 3],
    });
  });

  it('skips sequence values, which onnxruntime-node cannot return', async () => {
    const proto = model({
      name: 'seq',
      node: [
        mkNode('SequenceConstruct', ['x', 'x'], ['seq']),
        mkNode('ConcatFromSequence', ['seq'], ['cat'], { axis: 0 }),
        mkNode('Relu', ['cat'], ['y']),
      ],
      input: [valueInfo('x', DataType.FLOAT, [2, 3])],
      output: [valueInfo('y', DataType.FLOAT, undefined)],
    });
    const shapes = await resolveShapes(inMemory(proto), { x: f32([2, 3]) }, ortFactory);
    expect(shapes.get('cat')).toEqual([4, 3]);
    expect(shapes.get('y')).toEqual([4, 3]);
    expect(shapes.has('seq')).toBe(false);
  });

  it('falls back to the graph outputs when the extra outputs are refused', async () => {
    const outputsSeen: number[] = [];
    const picky: ShapeSessionFactory = async (bytes) => {
      const session = await ort.InferenceSession.create(bytes);
      outputsSeen.push(session.outputNames.length);
      if (session.outputNames.length > 1) {
        await session.release();
        throw new Error('refusing extra outputs');
      }
      return session;
    };
    const shapes = await resolveShapes(inMemory(buildClassifier()), { x: f32([3, 784]) }, picky);
    expect(outputsSeen).toEqual([6, 1]);
    expect(shapes.get('y')).toEqual([3, 1]);
    expect(shapes.has('h1')).toBe(false);
  });

  it('uses onnxruntime-node by default', async () => {
    const shapes = await resolveShapes(inMemory(buildDynamicConv()), { x: f32([1, 3, 10, 4]) });
    expect(shapes.get('u')).toEqual([1, 2, 20, 8]);
  });

  it('rethrows when the model cannot run on the feeds at all', async () => {
    await expect(resolveShapes(inMemory(buildClassifier()), { x: f32([1, 5]) }, ortFactory)).rejects.toThrow();
  });

  it('inlines external data so the model can be loaded from bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eb-shapes-'));
    const w = new Float32Array(12).fill(1);
    writeFileSync(join(dir, 'w.bin'), new Uint8Array(w.buffer));
    const proto = model({
      name: 'ext',
      node: [mkNode('MatMul', ['x', 'W'], ['h']), mkNode('Relu', ['h'], ['y'])],
      initializer: [
        {
          name: 'W',
          dims: [4, 3],
          dataType: DataType.FLOAT,
          dataLocation: 1,
          externalData: [{ key: 'location', value: 'w.bin' }],
        },
      ],
      input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 3])],
    });
    writeFileSync(join(dir, 'm.onnx'), encodeModel(proto));
    const loaded = await loadModel(join(dir, 'm.onnx'));
    const shapes = await resolveShapes(loaded, { x: f32([5, 4]) }, ortFactory);
    expect(shapes.get('h')).toEqual([5, 3]);
    expect(computeFlops(loaded.proto, shapes).byOp).toEqual({ MatMul: 2 * 15 * 4, Relu: 15 });
  });

  it('staticShapes binds symbolic dims from the input shapes and reads value_info', () => {
    const proto = model({
      name: 'g',
      node: [mkNode('Relu', ['x'], ['r']), mkNode('Relu', ['r'], ['y'])],
      input: [valueInfo('x', DataType.FLOAT, ['N', 'C'])],
      valueInfo: [valueInfo('r', DataType.FLOAT, ['N', 'C'])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 'D'])],
    });
    const shapes = staticShapes(proto, { x: [2, 7] });
    expect(shapes.get('r')).toEqual([2, 7]);
    expect(shapes.has('y')).toBe(false); // D is not bound by any input
  });
});
