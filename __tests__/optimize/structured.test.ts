import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { analyzeModel } from '../../src/model/analyze.js';
import { resolveShapes } from '../../src/model/shapes.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { DataType, decodeModel, encodeModel, type ModelProto } from '../../src/model/onnx.js';
import { ortSessionFactory, type Feeds } from '../../src/optimize/session.js';
import { pruneStructured } from '../../src/optimize/structured.js';
import { createRng } from '../../src/util/random.js';
import { buildResidualConcat } from './structured-fixture.js';

function feedsFor(seed: number, batch = 4): Feeds {
  const rng = createRng(seed);
  const data = Float32Array.from({ length: batch * 3 * 8 * 8 }, () => rng.normal());
  return { x: new ort.Tensor('float32', data, [batch, 3, 8, 8]) };
}

async function run(m: ModelProto, feeds: Feeds): Promise<Float32Array> {
  const s = await ortSessionFactory(encodeModel(m));
  try {
    const out = await s.run(feeds);
    return Float32Array.from(out.y.data as Float32Array);
  } finally {
    await s.release();
  }
}

/** The outputs with onnxruntime's graph optimisations off: each op as written, no fusions. */
async function runPlain(m: ModelProto, feeds: Feeds): Promise<Float32Array> {
  const s = await ort.InferenceSession.create(encodeModel(m), { graphOptimizationLevel: 'disabled', intraOpNumThreads: 1 });
  try {
    const out = await s.run(feeds);
    return Float32Array.from(out.y.data as Float32Array);
  } finally {
    await s.release();
  }
}

const loaded = (m: ModelProto) => {
  const bytes = encodeModel(m);
  return { path: 'fixture.onnx', bytes, proto: decodeModel(bytes), fileBytes: bytes.length, externalFiles: [] };
};

describe('pruneStructured', () => {
  it('keeps a residual Add and a Concat consistent and equals the original when the removed channels are zero', async () => {
    const original = buildResidualConcat({ zeroChannels: true });
    const feeds = feedsFor(1);
    const shapes = await resolveShapes(loaded(original), feeds);
    const pruned = pruneStructured(original, { ratio: 0.25, shapes });

    // convA and convB are one group (the residual Add ties them); the output MatMul is locked.
    const byLayer = new Map(pruned.groups.map((g) => [g.layers.join('+'), g]));
    expect(byLayer.get('convA+convB')).toMatchObject({ channels: 8, kept: 6 });
    expect(byLayer.get('convC')).toMatchObject({ channels: 4, kept: 3 });
    expect(byLayer.get('convD')).toMatchObject({ channels: 8, kept: 6 });
    expect(byLayer.get('fc')).toMatchObject({ channels: 16, kept: 12 });
    expect(byLayer.get('out')?.lockedBecause).toMatch(/graph output y/);
    const dims = new Map(pruned.tensors.map((t) => [t.name, t.after]));
    expect(dims.get('b.w')).toEqual([6, 6, 3, 3]);
    expect(dims.get('bn.scale')).toEqual([9]);
    expect(dims.get('d.w')).toEqual([6, 9, 3, 3]);
    expect(dims.get('fc.w')).toEqual([12, 6]);
    expect(dims.get('out.w')).toEqual([12, 5]);
    expect(pruned.parametersAfter).toBeLessThan(pruned.parametersBefore);

    // The removed channels were the zeroed ones, so the outputs are the same: bit for bit when
    // onnxruntime runs each op as written; with its fusions on (Conv + BN + Add), the blocking of
    // the sums changes with the channel count, so equal up to float32 rounding.
    for (const seed of [1, 2, 3]) {
      expect(await runPlain(pruned.model, feedsFor(seed))).toEqual(await runPlain(original, feedsFor(seed)));
      const a = await run(original, feedsFor(seed));
      const b = await run(pruned.model, feedsFor(seed));
      let maxAbs = 0;
      for (let i = 0; i < a.length; i++) maxAbs = Math.max(maxAbs, Math.abs(a[i] - b[i]));
      expect(maxAbs).toBeLessThanOrEqual(1e-5);
    }
    // The product's own analysis reads the pruned model.
    const analysis = analyzeModel(loaded(pruned.model));
    expect(analysis.size.parameters).toBe(pruned.parametersAfter);
  });

  it('prunes a model with random weights into one that loads and runs, same inputs and outputs', async () => {
    const original = buildResidualConcat({ seed: 3 });
    const feeds = feedsFor(5, 2);
    const pruned = pruneStructured(original, { ratio: 0.5, shapes: await resolveShapes(loaded(original), feeds) });
    const y = await run(pruned.model, feeds);
    expect(y.length).toBe(2 * 5);
    expect(pruned.model.graph?.input).toEqual(original.graph?.input);
    expect(pruned.model.graph?.output).toEqual(original.graph?.output);
    expect(byName(pruned.groups, 'convA+convB').kept).toBe(4);
  });

  it('ranks by contribution when asked: a channel the next layer ignores goes first', () => {
    const rng = createRng(9);
    const w = (n: number) => Float32Array.from({ length: n }, () => 1 + rng.next());
    // fc1 channel 0 has the largest weights, but fc2 reads it with zeros: it contributes nothing.
    const fc1 = w(4 * 3);
    fc1.fill(10, 0, 3);
    const fc2 = w(2 * 4);
    fc2[0] = 0;
    fc2[4] = 0;
    const m = model({
      name: 'contribution',
      node: [
        node('Gemm', ['x', 'fc1.w'], ['h'], { transB: 1 }, 'fc1'),
        node('Relu', ['h'], ['r'], {}, 'relu'),
        node('Gemm', ['r', 'fc2.w'], ['y'], { transB: 1 }, 'fc2'),
      ],
      initializer: [floatTensor('fc1.w', [4, 3], fc1), floatTensor('fc2.w', [2, 4], fc2)],
      input: [valueInfo('x', DataType.FLOAT, ['N', 3])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 2])],
    });
    const byNorm = pruneStructured(m, { ratio: 0.25 });
    const byContribution = pruneStructured(m, { ratio: 0.25, outgoingWeights: true });
    const firstRow = (r: typeof byNorm) => {
      const t = r.model.graph?.initializer?.find((x) => x.name === 'fc1.w');
      return Array.from(new Float32Array(new Uint8Array(t!.rawData!).slice().buffer)).slice(0, 3);
    };
    expect(firstRow(byNorm)).toEqual([10, 10, 10]);
    expect(firstRow(byContribution)).not.toContain(10);
  });

  it('names the layers it cannot prune and why: a Reshape to a fixed size, a Flatten of unknown shape', () => {
    const rng = createRng(2);
    const w = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
    const m = model({
      name: 'reshape',
      node: [
        node('Gemm', ['x', 'fc1.w', 'fc1.b'], ['h'], { transB: 1 }, 'fc1'),
        node('Reshape', ['h', 'shape'], ['r'], {}, 'reshape'),
        node('Flatten', ['r'], ['f'], { axis: 1 }, 'flatten'),
        node('Gemm', ['f', 'fc2.w', 'fc2.b'], ['y'], { transB: 1 }, 'fc2'),
      ],
      initializer: [
        floatTensor('fc1.w', [8, 4], w(32)),
        floatTensor('fc1.b', [8], w(8)),
        { name: 'shape', dims: [3], dataType: DataType.INT64, rawData: new Uint8Array(BigInt64Array.from([-1n, 2n, 4n]).buffer) },
        floatTensor('fc2.w', [2, 8], w(16)),
        floatTensor('fc2.b', [2], w(2)),
      ],
      input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 2])],
    });
    const pruned = pruneStructured(m, { ratio: 0.5 });
    expect(byName(pruned.groups, 'fc1')).toMatchObject({
      kept: 8,
      lockedBecause: expect.stringMatching(/reshape \(Reshape\) reads them/),
    });
    expect(pruned.tensors).toEqual([]);
    expect(pruned.notes.join(' ')).toMatch(/fc1: kept all 8 channels, reshape \(Reshape\) reads them/);
  });
});

function byName<T extends { layers: string[] }>(groups: T[], name: string): T {
  const g = groups.find((x) => x.layers.join('+') === name);
  if (!g) throw new Error(`no group ${name} in ${groups.map((x) => x.layers.join('+')).join(', ')}`);
  return g;
}
