/**
 * Graph-level fuzzing (issue 21): fast-check arbitraries that build small ONNX graphs op by op
 * (op types, attributes, shapes, dtypes, initializer contents, opset), so most mutants pass the
 * model checker and reach onnxruntime's kernels and shape inference, where byte-level damage
 * is refused by the decoder first. Attributes are drawn from sensible values most of the time
 * and from hostile ones (out-of-range axes, zero or huge strides, negative pads, NaN/Inf
 * weights) the rest.
 *
 * Shared by the seeded test (__tests__/fuzz/graphs.test.ts) and the time-budgeted,
 * coverage-guided bench (bench/fuzz.ts).
 */
import fc from 'fast-check';
import { floatTensor, int64Tensor, model, node, valueInfo } from '../../src/model/builder.js';
import { DataType, encodeModel, type NodeProto, type TensorProto } from '../../src/model/onnx.js';

/** A generated graph: the model bytes and a one-line description for failure messages. */
export interface GraphCase {
  what: string;
  bytes: Uint8Array;
}

interface Step {
  what: string;
  /** Builds the node(s) reading `x` (of rank `rank`) and writing `y`; returns the new rank, or null to skip. */
  build(
    x: string,
    y: string,
    rank: number,
    opset: number,
    id: number,
  ): { nodes: NodeProto[]; inits: TensorProto[]; rank: number } | null;
}

const weird = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1e38, -1e38, 1e-45);
/** Float contents: ordinary values mostly, hostile ones sometimes. */
const floatValue = fc.oneof(
  { weight: 9, arbitrary: fc.float({ min: -2, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: weird },
);
/** An integer attribute: `good` mostly, a hostile one sometimes. */
const hostileInt = (good: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(-1, 0, 2 ** 31 - 1, -(2 ** 31), 1000) });

const unary = fc.constantFrom('Relu', 'Sigmoid', 'Tanh', 'Abs', 'Neg', 'Exp', 'Sqrt', 'Log', 'Erf', 'Softsign', 'Identity');

const floats = (n: number) => fc.array(floatValue, { minLength: n, maxLength: n });

function steps(): fc.Arbitrary<Step> {
  const u = unary.map<Step>((op) => ({
    what: op,
    build: (x, y, rank) => ({ nodes: [node(op, [x], [y])], inits: [], rank }),
  }));
  const softmax = hostileInt(fc.integer({ min: -4, max: 3 })).map<Step>((axis) => ({
    what: `Softmax(axis=${axis})`,
    build: (x, y, rank) => ({ nodes: [node('Softmax', [x], [y], { axis })], inits: [], rank }),
  }));
  const leaky = floatValue.map<Step>((alpha) => ({
    what: `LeakyRelu(alpha=${alpha})`,
    build: (x, y, rank) => ({ nodes: [node('LeakyRelu', [x], [y], { alpha: { f: alpha } })], inits: [], rank }),
  }));
  const transpose = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1000 })).map<Step>(([valid, seed]) => ({
    what: `Transpose(${valid ? 'perm' : 'bad perm'})`,
    build: (x, y, rank) => {
      const perm = Array.from({ length: rank }, (_, i) => i);
      for (let i = rank - 1; i > 0; i--) {
        const j = (seed * (i + 7)) % (i + 1);
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      if (!valid) perm[0] = rank + 1;
      return { nodes: [node('Transpose', [x], [y], { perm })], inits: [], rank };
    },
  }));
  const conv = fc
    .record({
      m: fc.integer({ min: 1, max: 4 }),
      k: hostileInt(fc.integer({ min: 1, max: 3 })),
      stride: hostileInt(fc.integer({ min: 1, max: 2 })),
      pad: hostileInt(fc.integer({ min: 0, max: 1 })),
      dilation: fc.integer({ min: 1, max: 2 }),
      w: floats(4 * 4 * 3 * 3),
    })
    .map<Step>(({ m, k, stride, pad, dilation, w }) => ({
      what: `Conv(m=${m},k=${k},s=${stride},p=${pad},d=${dilation})`,
      build: (x, y, rank, _opset, id) => {
        if (rank !== 4) return null;
        const kk = Math.max(1, Math.min(k, 3));
        // Channels: the input's C is not tracked, so W reads C from a Conv-compatible reshape below.
        const wName = `w${id}`;
        return {
          nodes: [
            node('Conv', [x, wName], [y], {
              kernel_shape: [k, k],
              strides: [stride, stride],
              pads: [pad, pad, pad, pad],
              dilations: [dilation, dilation],
            }),
          ],
          inits: [floatTensor(wName, [m, CHANNELS, kk, kk], w.slice(0, m * CHANNELS * kk * kk))],
          rank: 4,
        };
      },
    }));
  const pool = fc
    .record({
      op: fc.constantFrom('MaxPool', 'AveragePool'),
      k: hostileInt(fc.integer({ min: 1, max: 3 })),
      stride: hostileInt(fc.integer({ min: 1, max: 2 })),
      ceil: fc.integer({ min: 0, max: 1 }),
    })
    .map<Step>(({ op, k, stride, ceil }) => ({
      what: `${op}(k=${k},s=${stride},ceil=${ceil})`,
      build: (x, y, rank) =>
        rank !== 4
          ? null
          : {
              nodes: [node(op, [x], [y], { kernel_shape: [k, k], strides: [stride, stride], ceil_mode: ceil })],
              inits: [],
              rank: 4,
            },
    }));
  const binary = fc
    .record({
      op: fc.constantFrom('Add', 'Mul', 'Sub', 'Div', 'Max', 'Min', 'Pow'),
      shape: fc.constantFrom('scalar', 'channel', 'bad'),
    })
    .chain(({ op, shape }) =>
      floats(8).map<Step>((vals) => ({
        what: `${op}(${shape})`,
        build: (x, y, rank, _opset, id) => {
          const dims = shape === 'scalar' ? [] : shape === 'channel' ? [CHANNELS, 1, 1] : [7];
          const n = dims.reduce((a, b) => a * b, 1);
          const b = `b${id}`;
          const data = Float32Array.from({ length: n }, (_, i) => vals[i % vals.length]);
          return { nodes: [node(op, [x, b], [y])], inits: [floatTensor(b, dims, data)], rank: Math.max(rank, dims.length) };
        },
      })),
    );
  const batchNorm = floats(4 * CHANNELS).map<Step>((v) => ({
    what: 'BatchNormalization',
    build: (x, y, rank, _opset, id) => {
      if (rank !== 4) return null;
      const names = ['s', 'bb', 'mean', 'var'].map((n) => `${n}${id}`);
      return {
        nodes: [node('BatchNormalization', [x, ...names], [y], { epsilon: { f: 1e-5 } })],
        inits: names.map((n, i) => floatTensor(n, [CHANNELS], v.slice(i * CHANNELS, (i + 1) * CHANNELS))),
        rank: 4,
      };
    },
  }));
  const flatten = hostileInt(fc.integer({ min: 0, max: 3 })).map<Step>((axis) => ({
    what: `Flatten(axis=${axis})`,
    build: (x, y) => ({ nodes: [node('Flatten', [x], [y], { axis })], inits: [], rank: 2 }),
  }));
  const reshape = fc.constantFrom<number[]>([1, -1], [-1], [2, -1], [0, -1], [3, 5], [-1, -1]).map<Step>((shape) => ({
    what: `Reshape(${JSON.stringify(shape)})`,
    build: (x, y, _rank, _opset, id) => ({
      nodes: [node('Reshape', [x, `shape${id}`], [y])],
      inits: [int64Tensor(`shape${id}`, [shape.length], shape)],
      rank: shape.length,
    }),
  }));
  const reduce = fc
    .record({
      op: fc.constantFrom('ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceL2'),
      axis: hostileInt(fc.integer({ min: -3, max: 3 })),
      keep: fc.integer({ min: 0, max: 1 }),
    })
    .map<Step>(({ op, axis, keep }) => ({
      what: `${op}(axis=${axis},keepdims=${keep})`,
      build: (x, y, rank, opset, id) => {
        // Axes moved from an attribute to an input in opset 18 (ReduceSum in 13).
        const asInput = opset >= 18 || (op === 'ReduceSum' && opset >= 13);
        const nodes = asInput
          ? [node(op, [x, `axes${id}`], [y], { keepdims: keep })]
          : [node(op, [x], [y], { axes: [axis], keepdims: keep })];
        return {
          nodes,
          inits: asInput ? [int64Tensor(`axes${id}`, [1], [axis])] : [],
          rank: keep ? rank : Math.max(0, rank - 1),
        };
      },
    }));
  const gather = fc
    .record({
      axis: hostileInt(fc.integer({ min: -2, max: 3 })),
      idx: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 4 }),
    })
    .map<Step>(({ axis, idx }) => ({
      what: `Gather(axis=${axis},idx=${JSON.stringify(idx)})`,
      build: (x, y, rank, _opset, id) => ({
        nodes: [node('Gather', [x, `idx${id}`], [y], { axis })],
        inits: [int64Tensor(`idx${id}`, [idx.length], idx)],
        rank: rank - 1 + 1,
      }),
    }));
  const slice = fc
    .record({
      start: fc.integer({ min: -4, max: 4 }),
      end: fc.integer({ min: -4, max: 100 }),
      axis: fc.integer({ min: -4, max: 3 }),
      step: hostileInt(fc.integer({ min: 1, max: 2 })),
    })
    .map<Step>(({ start, end, axis, step }) => ({
      what: `Slice(${start}:${end}:${step} on ${axis})`,
      build: (x, y, rank, _opset, id) => {
        const n = ['st', 'en', 'ax', 'sp'].map((p) => `${p}${id}`);
        return {
          nodes: [node('Slice', [x, ...n], [y])],
          inits: [start, end, axis, step].map((v, i) => int64Tensor(n[i], [1], [v])),
          rank,
        };
      },
    }));
  const concat = hostileInt(fc.integer({ min: -3, max: 3 })).map<Step>((axis) => ({
    what: `Concat(axis=${axis})`,
    build: (x, y, rank) => ({ nodes: [node('Concat', [x, x], [y], { axis })], inits: [], rank }),
  }));
  const castRound = fc
    .constantFrom(DataType.DOUBLE, DataType.FLOAT16, DataType.INT32, DataType.INT64, DataType.BOOL)
    .map<Step>((to) => ({
      what: `Cast(to=${to}) and back`,
      build: (x, y, rank, _opset, id) => ({
        nodes: [node('Cast', [x], [`c${id}`], { to }), node('Cast', [`c${id}`], [y], { to: DataType.FLOAT })],
        inits: [],
        rank,
      }),
    }));
  const pad = fc
    .record({ mode: fc.constantFrom('constant', 'reflect', 'edge'), p: fc.integer({ min: -1, max: 3 }) })
    .map<Step>(({ mode, p }) => ({
      what: `Pad(${mode},${p})`,
      build: (x, y, rank, _opset, id) => ({
        nodes: [node('Pad', [x, `pads${id}`], [y], { mode })],
        inits: [
          int64Tensor(
            `pads${id}`,
            [2 * rank],
            Array.from({ length: 2 * rank }, (_, i) => (i % rank === rank - 1 ? p : 0)),
          ),
        ],
        rank,
      }),
    }));
  return fc.oneof(
    u,
    u,
    softmax,
    leaky,
    transpose,
    conv,
    conv,
    pool,
    binary,
    binary,
    batchNorm,
    flatten,
    reshape,
    reduce,
    gather,
    slice,
    concat,
    castRound,
    pad,
  );
}

/** The input's channel count (Conv weights and BatchNorm parameters are made for it). */
const CHANNELS = 3;

/** A graph: an input [N, 3, H, W] (float32 or a sometimes-wrong dtype), 1–4 steps, one output without a declared shape. */
export const graphCase: fc.Arbitrary<GraphCase> = fc
  .record({
    n: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 1, max: 8 }),
    w: fc.integer({ min: 1, max: 8 }),
    opset: fc.oneof(
      { weight: 10, arbitrary: fc.integer({ min: 13, max: 21 }) },
      { weight: 1, arbitrary: fc.constantFrom(1, 7, 9, 11, 22, 99) },
    ),
    dtype: fc.oneof(
      { weight: 9, arbitrary: fc.constant<number>(DataType.FLOAT) },
      { weight: 1, arbitrary: fc.constantFrom<number>(DataType.DOUBLE, DataType.FLOAT16, DataType.INT64) },
    ),
    chain: fc.array(steps(), { minLength: 1, maxLength: 4 }),
  })
  .map(({ n, h, w, opset, dtype, chain }) => {
    const nodes: NodeProto[] = [];
    const inits: TensorProto[] = [];
    let cur = 'x';
    let rank = 4;
    const done: string[] = [];
    chain.forEach((s, i) => {
      const out = i === chain.length - 1 ? 'y' : `t${i}`;
      const built = s.build(cur, out, rank, opset, i);
      if (!built) return;
      nodes.push(...built.nodes);
      inits.push(...built.inits);
      rank = built.rank;
      cur = out;
      done.push(s.what);
    });
    if (cur !== 'y') nodes.push(node('Identity', [cur], ['y']));
    const bytes = encodeModel(
      model(
        {
          name: 'fuzz',
          node: nodes,
          initializer: inits,
          input: [valueInfo('x', dtype, [n, CHANNELS, h, w])],
          output: [valueInfo('y', dtype, undefined)],
        },
        { opset },
      ),
    );
    return { what: `opset ${opset}, x[${n},3,${h},${w}] dtype ${dtype}: ${done.join(' → ') || 'Identity'}`, bytes };
  });
