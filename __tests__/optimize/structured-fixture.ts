/**
 * A small model with a residual Add, a channel Concat, BatchNormalization, Flatten and a MatMul
 * + Add layer, built in code (seeded), for the structured-pruning tests:
 *
 * x[N,3,8,8] ─ convA 8 ─ Relu ─ convB 8 ─ Add(·, reluA) ─ Relu ─┐
 *            └ convC 4 ────────────────────────────────────────── Concat 12 ─ BN ─ convD 8 ─ Relu
 *   ─ GlobalAveragePool ─ Flatten ─ Gemm 16 ─ Relu ─ MatMul 5 ─ Add bias ─ y[N,5]
 *
 * With `zeroChannels`, the channels a 25% pruning removes are exactly zero all the way (their
 * weights, biases, BN shift and mean), so the pruned model must compute the same outputs.
 */
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { DataType, type ModelProto } from '../../src/model/onnx.js';
import { createRng } from '../../src/util/random.js';

/** Output channels zeroed in each layer when `zeroChannels` is set (25% of each). */
export const ZEROED = { convAB: [1, 5], convC: [2], convD: [3, 6], fc: [0, 7, 9, 12] } as const;

export function buildResidualConcat(opts: { zeroChannels?: boolean; seed?: number } = {}): ModelProto {
  const rng = createRng(opts.seed ?? 7);
  const rand = (n: number, scale: number): Float32Array => Float32Array.from({ length: n }, () => rng.normal() * scale);
  /** Zeroes output channels (axis 0 for [out, ...] tensors, or the last axis when `lastAxis`). */
  const zero = (values: Float32Array, dims: number[], channels: readonly number[], lastAxis = false): Float32Array => {
    if (!opts.zeroChannels) return values;
    const out = dims[lastAxis ? dims.length - 1 : 0];
    const inner = lastAxis ? 1 : values.length / out;
    for (let i = 0; i < values.length; i++) {
      const c = lastAxis ? i % out : Math.floor(i / inner);
      if (channels.includes(c)) values[i] = 0;
    }
    return values;
  };
  const t = (name: string, dims: number[], scale: number, channels: readonly number[] = [], lastAxis = false) =>
    floatTensor(
      name,
      dims,
      zero(
        rand(
          dims.reduce((a, b) => a * b, 1),
          scale,
        ),
        dims,
        channels,
        lastAxis,
      ),
    );
  const pads = { kernel_shape: [3, 3], pads: [1, 1, 1, 1] };
  const bnScale = Float32Array.from({ length: 12 }, () => 0.5 + rng.next());
  const bnVar = Float32Array.from({ length: 12 }, () => 0.5 + rng.next());
  // Concat order: 8 residual channels, then 4 from convC: channel 8 + 2 is convC's zeroed one.
  const zeroBn = [...ZEROED.convAB, 8 + ZEROED.convC[0]];
  return model(
    {
      name: 'residual_concat',
      node: [
        node('Conv', ['x', 'a.w', 'a.b'], ['a'], pads, 'convA'),
        node('Relu', ['a'], ['ra'], {}, 'reluA'),
        node('Conv', ['ra', 'b.w', 'b.b'], ['b'], pads, 'convB'),
        node('Add', ['b', 'ra'], ['res'], {}, 'residual'),
        node('Relu', ['res'], ['rres'], {}, 'reluRes'),
        node('Conv', ['x', 'c.w', 'c.b'], ['c'], pads, 'convC'),
        node('Concat', ['rres', 'c'], ['cat'], { axis: 1 }, 'concat'),
        node('BatchNormalization', ['cat', 'bn.scale', 'bn.bias', 'bn.mean', 'bn.var'], ['bn'], {}, 'bn'),
        node('Conv', ['bn', 'd.w', 'd.b'], ['d'], pads, 'convD'),
        node('Relu', ['d'], ['rd'], {}, 'reluD'),
        node('GlobalAveragePool', ['rd'], ['gap'], {}, 'gap'),
        node('Flatten', ['gap'], ['flat'], { axis: 1 }, 'flatten'),
        node('Gemm', ['flat', 'fc.w', 'fc.b'], ['h'], { transB: 1 }, 'fc'),
        node('Relu', ['h'], ['rh'], {}, 'reluH'),
        node('MatMul', ['rh', 'out.w'], ['o'], {}, 'out'),
        node('Add', ['o', 'out.b'], ['y'], {}, 'outBias'),
      ],
      initializer: [
        t('a.w', [8, 3, 3, 3], 0.3, ZEROED.convAB),
        t('a.b', [8], 0.1, ZEROED.convAB),
        t('b.w', [8, 8, 3, 3], 0.2, ZEROED.convAB),
        t('b.b', [8], 0.1, ZEROED.convAB),
        t('c.w', [4, 3, 3, 3], 0.3, ZEROED.convC),
        t('c.b', [4], 0.1, ZEROED.convC),
        floatTensor('bn.scale', [12], bnScale),
        t('bn.bias', [12], 0.1, zeroBn),
        t('bn.mean', [12], 0.1, zeroBn),
        floatTensor('bn.var', [12], bnVar),
        t('d.w', [8, 12, 3, 3], 0.15, ZEROED.convD),
        t('d.b', [8], 0.1, ZEROED.convD),
        t('fc.w', [16, 8], 0.5, ZEROED.fc),
        t('fc.b', [16], 0.1, ZEROED.fc),
        t('out.w', [16, 5], 0.5),
        t('out.b', [5], 0.1),
      ],
      input: [valueInfo('x', DataType.FLOAT, ['N', 3, 8, 8])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 5])],
    },
    { opset: 17 },
  );
}
