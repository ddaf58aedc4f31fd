import { describe, expect, it } from '@jest/globals';
import { encodeModel, DataType, type ModelProto } from '../../src/model/onnx.js';
import { buildVariant, int8DynamicVariant, int8WeightsVariant, fp16Variant, pruneVariant } from '../../src/optimize/variants.js';
import { measureFidelity } from '../../src/optimize/fidelity.js';
import { ortSessionFactory } from '../../src/optimize/session.js';
import { float16Value, readFloat32 } from '../../src/optimize/tensors.js';
import { gzipSize } from '../../src/optimize/advisor.js';
import { VARIANT_IDS } from '../../src/optimize/types.js';
import { examples, init, seededBatches, view } from './helpers.js';

/** The Conv/Gemm weights of the example models, known from their builders (src/model/examples.ts). */
const WEIGHTS: Record<string, Array<{ name: string; dims: number[]; channels: number }>> = {
  // Gemm weights stored [out, in] with transB = 1: output channels are rows.
  classifier: [
    { name: 'fc1.weight', dims: [128, 784], channels: 128 },
    { name: 'fc2.weight', dims: [64, 128], channels: 64 },
    { name: 'fc3.weight', dims: [1, 64], channels: 1 },
  ],
  cnn: [
    { name: 'conv1.weight', dims: [8, 1, 3, 3], channels: 8 },
    { name: 'conv2.weight', dims: [16, 8, 3, 3], channels: 16 },
    { name: 'fc.weight', dims: [10, 784], channels: 10 },
  ],
};
const count = (dims: number[]): number => dims.reduce((a, b) => a * b, 1);
/** Bytes a rewrite may add beyond the tensor payloads: new names, tensor and node framing. */
const OVERHEAD_PER_WEIGHT = 400;

const ops = (m: ModelProto): string[] => (m.graph?.node ?? []).map((n) => n.opType ?? '');

describe.each(examples())('variants of the $name example', (ex) => {
  const batches = seededBatches(ex.input, ex.shape, 3);

  it.each(VARIANT_IDS)('%s loads and runs in onnxruntime with the original outputs', async (variant) => {
    const built = buildVariant(ex.proto, variant);
    expect(built.weights.length).toBeGreaterThan(0);
    const session = await ortSessionFactory(encodeModel(built.model));
    const reference = await ortSessionFactory(ex.bytes);
    try {
      const out = await session.run(batches[0]);
      const ref = await reference.run(batches[0]);
      expect(Object.keys(out)).toEqual(Object.keys(ref));
      for (const [name, t] of Object.entries(out)) {
        expect(t.dims).toEqual(ref[name].dims);
        expect(Array.from(t.data as Float32Array).every(Number.isFinite)).toBe(true);
      }
    } finally {
      await session.release();
      await reference.release();
    }
  });

  it('int8-weights: int8 per-channel weights that dequantise within half a step, about 1/4 of the float32 bytes', () => {
    const built = int8WeightsVariant(ex.proto);
    expect(built.opset).toBeGreaterThanOrEqual(13);
    let payloadDelta = 0;
    for (const w of WEIGHTS[ex.name]) {
      const original = readFloat32(init(ex.proto, w.name));
      const dq = built.model.graph!.node!.find((n) => n.opType === 'DequantizeLinear' && n.output![0] === w.name)!;
      expect(dq.attribute!.find((a) => a.name === 'axis')!.i).toBe(0);
      const q = init(built.model, dq.input![0]);
      expect(q.dataType).toBe(DataType.INT8);
      expect(q.dims).toEqual(w.dims);
      const values = view(q, Int8Array);
      const scales = view(init(built.model, dq.input![1]), Float32Array);
      expect(scales.length).toBe(w.channels);
      expect(Array.from(view(init(built.model, dq.input![2]), Int8Array))).toEqual(new Array(w.channels).fill(0));
      const inner = original.length / w.channels;
      // Largest error in units of the channel's step: at most one half.
      let worst = 0;
      for (let i = 0; i < original.length; i++) {
        const s = scales[Math.floor(i / inner)];
        worst = Math.max(worst, Math.abs(values[i] * s - original[i]) / s);
      }
      expect(worst).toBeLessThanOrEqual(0.5);
      expect(worst).toBeGreaterThan(0.4);
      // The largest |w| of each channel maps to ±127: the whole int8 range is used.
      for (let c = 0; c < w.channels; c++) {
        const row = values.subarray(c * inner, (c + 1) * inner);
        expect(Math.max(...Array.from(row, Math.abs))).toBe(127);
      }
      // float32 → int8 values plus a float32 scale and an int8 zero point per channel.
      payloadDelta += -4 * count(w.dims) + count(w.dims) + 5 * w.channels;
    }
    const size = encodeModel(built.model).length;
    const overhead = size - (ex.bytes.length + payloadDelta);
    expect(overhead).toBeGreaterThanOrEqual(0);
    expect(overhead).toBeLessThanOrEqual(OVERHEAD_PER_WEIGHT * WEIGHTS[ex.name].length);
  });

  it('int8-dynamic: DynamicQuantizeLinear with integer kernels, weights within half a step', () => {
    const built = int8DynamicVariant(ex.proto);
    const kinds = ops(built.model);
    expect(kinds).toContain('DynamicQuantizeLinear');
    expect(kinds).toContain('MatMulInteger');
    if (ex.name === 'cnn') expect(kinds).toContain('ConvInteger');
    expect(kinds.filter((k) => k === 'Gemm' || k === 'Conv')).toEqual([]);
    for (const w of WEIGHTS[ex.name]) {
      const original = readFloat32(init(ex.proto, w.name));
      const integer = built.model.graph!.node!.find(
        (n) => (n.opType === 'MatMulInteger' || n.opType === 'ConvInteger') && n.input![1].startsWith(w.name),
      )!;
      const q = view(init(built.model, integer.input![1]), Int8Array);
      const rescale = built.model.graph!.node!.find((n) => n.opType === 'Mul' && n.input![1].startsWith(`${w.name}_scale`))!;
      const scales = view(init(built.model, rescale.input![1]), Float32Array);
      expect(Array.from(view(init(built.model, integer.input![3]), Int8Array))).toEqual([0]);
      const inner = original.length / w.channels;
      let worst = 0;
      for (let i = 0; i < original.length; i++) {
        const c = Math.floor(i / inner);
        // Gemm weights [N, K] are transposed to MatMulInteger's [K, N]; Conv keeps [M, C, kH, kW].
        const j = integer.opType === 'ConvInteger' ? i : (i % inner) * w.channels + c;
        worst = Math.max(worst, Math.abs(q[j] * scales[c] - original[i]) / scales[c]);
      }
      expect(worst).toBeLessThanOrEqual(0.5);
    }
  });

  it('fp16: float initializers of 16+ elements stored as float16, half their bytes', () => {
    const built = fp16Variant(ex.proto);
    let payloadDelta = 0;
    for (const t of ex.proto.graph!.initializer!) {
      const n = count(t.dims!.map(Number));
      if (n < 16) {
        expect(init(built.model, t.name!).dataType).toBe(DataType.FLOAT);
        continue;
      }
      const cast = built.model.graph!.node!.find((x) => x.opType === 'Cast' && x.output![0] === t.name)!;
      const h = view(init(built.model, cast.input![0]), Uint16Array);
      const original = readFloat32(t);
      // float16 keeps 11 significant bits: rounding error ≤ 2^-11 relative (normal range),
      // ≤ 2^-25 absolute for subnormals.
      let outside = 0;
      for (let i = 0; i < n; i++) {
        if (Math.abs(float16Value(h[i]) - original[i]) > Math.abs(original[i]) * 2 ** -11 + 2 ** -25) outside++;
      }
      expect(outside).toBe(0);
      payloadDelta -= 2 * n;
    }
    const overhead = encodeModel(built.model).length - (ex.bytes.length + payloadDelta);
    expect(overhead).toBeGreaterThanOrEqual(0);
    expect(overhead).toBeLessThanOrEqual(OVERHEAD_PER_WEIGHT * built.weights.length);
  });

  it.each([0.5, 0.9, 0.25])(
    'prune %s per tensor: exactly that share of each weight is zero, same size, smaller gzip',
    (sparsity) => {
      const built = pruneVariant(ex.proto, sparsity);
      for (const w of WEIGHTS[ex.name]) {
        const values = readFloat32(init(built.model, w.name));
        const original = readFloat32(init(ex.proto, w.name));
        const zeros = values.filter((v) => v === 0).length;
        expect(zeros).toBe(Math.round(sparsity * values.length));
        // Every kept weight is at least as large as every pruned one, and unchanged.
        let maxPruned = 0;
        let minKept = Infinity;
        let changed = 0;
        original.forEach((v, i) => {
          if (values[i] === 0) maxPruned = Math.max(maxPruned, Math.abs(v));
          else {
            if (values[i] !== v) changed++;
            minKept = Math.min(minKept, Math.abs(v));
          }
        });
        expect(changed).toBe(0);
        expect(maxPruned).toBeLessThanOrEqual(minKept);
      }
      // Biases are not pruned.
      expect(readFloat32(init(built.model, WEIGHTS[ex.name][0].name.replace('weight', 'bias'))).every((v) => v !== 0)).toBe(true);
      const bytes = encodeModel(built.model);
      expect(bytes.length).toBe(ex.bytes.length);
      expect(gzipSize(bytes)).toBeLessThan(gzipSize(ex.bytes));
    },
  );

  it('prune global: exactly that share of all the pruned weights together is zero', () => {
    const built = pruneVariant(ex.proto, 0.6, 'global');
    let zeros = 0;
    let total = 0;
    for (const w of WEIGHTS[ex.name]) {
      const values = readFloat32(init(built.model, w.name));
      zeros += values.filter((v) => v === 0).length;
      total += values.length;
    }
    expect(zeros).toBe(Math.round(0.6 * total));
    expect(built.sparsity).toBe(zeros / total);
  });

  it("fidelity figures are computed from both models' outputs", async () => {
    const int8 = await measureFidelity(ex.bytes, encodeModel(int8WeightsVariant(ex.proto).model), batches, ortSessionFactory);
    const fp16 = await measureFidelity(ex.bytes, encodeModel(fp16Variant(ex.proto).model), batches, ortSessionFactory);
    const same = await measureFidelity(ex.bytes, ex.bytes, batches, ortSessionFactory);
    expect(same.maxAbsError).toBe(0);
    expect(same.top1Agreement).toBe(1);
    expect(int8.batches).toBe(3);
    // Rounding weights changes outputs a little: not zero, far below the outputs' scale.
    expect(int8.maxAbsError).toBeGreaterThan(0);
    expect(int8.maxAbsError).toBeLessThan(0.5);
    expect(fp16.maxAbsError).toBeGreaterThan(0);
    expect(fp16.maxAbsError).toBeLessThan(int8.maxAbsError);
    expect(int8.top1Agreement).toBeGreaterThan(0.8);
    expect(int8.outputs[0].agreementKind).toBe(ex.name === 'classifier' ? 'threshold-0.5' : 'argmax');
    expect(int8.outputs[0].rows).toBe(3 * 8);
  });
});

describe('variants on other graph shapes', () => {
  it('leaves the input model unchanged', () => {
    const [ex] = examples();
    const before = encodeModel(ex.proto);
    for (const v of VARIANT_IDS) buildVariant(ex.proto, v);
    expect(encodeModel(ex.proto)).toEqual(before);
  });

  it('rejects a sparsity outside [0, 1)', () => {
    const [ex] = examples();
    expect(() => pruneVariant(ex.proto, 1)).toThrow(/from 0 up to \(not including\) 1/);
    expect(() => pruneVariant(ex.proto, -0.1)).toThrow(/such as 0.5/);
  });
});
