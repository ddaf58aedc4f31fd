/**
 * Gradients of the spatial ops of encoder-decoders (src/train/grad-ops-spatial.ts) against
 * central finite differences in onnxruntime (gradcheck.ts).
 *
 * Tolerances: Pad runs in float64: step h = 1e-5, |built − fd| ≤ 1e-6 + 1e-5·|fd|.
 * ConvTranspose and Resize have float32 kernels only and are linear in the checked input, so
 * the difference quotient has no truncation error: h = 0.05, |built − fd| ≤ 2e-3 + 1e-2·|fd|.
 * InstanceNormalization (float32 only, non-linear): h = 1e-2, same bounds.
 */
import { describe, it, expect } from '@jest/globals';
import { int64Tensor, model, node, valueInfo } from '../../src/model/builder.js';
import { DataType } from '../../src/model/onnx.js';
import { differentiateModel } from '../../src/train/autodiff.js';
import { EnergyBudgetError } from '../../src/errors.js';
import { gradCheck, floatInit, type GradCase } from './gradcheck.js';

type Case = Omit<GradCase, 'seed' | 'dtype'>;

function convT(x: number[], w: number[], attrs: Parameters<typeof node>[3], bias?: number, extra: Partial<Case> = {}): Case {
  return {
    nodes: [node('ConvTranspose', bias ? ['x', 'w', 'b'] : ['x', 'w'], ['y'], attrs)],
    inputs: { x: { dims: x }, w: { dims: w }, ...(bias ? { b: { dims: [bias] } } : {}) },
    output: 'y',
    wrt: bias ? ['x', 'w', 'b'] : ['x', 'w'],
    ...extra,
  };
}

/** Resize of x by constant scales (float32, as ONNX requires) or sizes. */
function resize(x: number[], by: { scales: number[] } | { sizes: number[] }, attrs: Parameters<typeof node>[3]): Case {
  const init =
    'scales' in by ? floatInit('s', [by.scales.length], by.scales, 'float32') : int64Tensor('s', [by.sizes.length], by.sizes);
  return {
    nodes: [node('Resize', 'scales' in by ? ['x', '', 's'] : ['x', '', '', 's'], ['y'], attrs)],
    inputs: { x: { dims: x } },
    initializers: [init],
    output: 'y',
    wrt: ['x'],
  };
}

function pad(x: number[], pads: number[], mode: string, opset?: number): Case {
  return {
    nodes: [node('Pad', ['x', 'p'], ['y'], { mode })],
    inputs: { x: { dims: x } },
    initializers: [int64Tensor('p', [pads.length], pads)],
    output: 'y',
    wrt: ['x'],
    ...(opset ? { opset } : {}),
  };
}

const float64Cases: Record<string, Case> = {
  'Pad reflect, 2-D spatial, asymmetric': pad([1, 2, 4, 5], [0, 0, 1, 2, 0, 0, 2, 1], 'reflect'),
  'Pad reflect, 1-D (ReflectionPad1d)': pad([2, 3, 6], [0, 0, 3, 0, 0, 2], 'reflect'),
  'Pad edge, pads wider than the input': pad([1, 2, 3, 2], [0, 0, 4, 1, 0, 0, 2, 3], 'edge'),
  'Pad wrap (opset 19), every axis': pad([2, 3, 4], [1, 0, 2, 0, 2, 1], 'wrap', 19),
  'Pad reflect, pads computed as torch F.pad writes them (folded when the graph is built)': {
    nodes: [
      node('Shape', ['p2'], ['n']),
      node('Sub', ['eight', 'n'], ['rest']),
      node('ConstantOfShape', ['rest'], ['zeros'], { value: { t: int64Tensor('v', [1], [0]) } }),
      node('Concat', ['p2', 'zeros'], ['full'], { axis: 0 }),
      node('Reshape', ['full', 'pairs'], ['byAxis']),
      node('Slice', ['byAxis', 'minus1', 'huge', 'zero', 'minus1'], ['reversed']),
      node('Transpose', ['reversed'], ['t'], { perm: [1, 0] }),
      node('Reshape', ['t', 'flat'], ['pads']),
      node('Pad', ['x', 'pads'], ['y'], { mode: 'reflect' }),
    ],
    inputs: { x: { dims: [1, 2, 3, 4] } },
    initializers: [
      int64Tensor('p2', [4], [1, 2, 2, 0]),
      int64Tensor('eight', [1], [8]),
      int64Tensor('pairs', [2], [-1, 2]),
      int64Tensor('minus1', [1], [-1]),
      int64Tensor('huge', [1], [Number.MIN_SAFE_INTEGER]),
      int64Tensor('zero', [1], [0]),
      int64Tensor('flat', [1], [-1]),
    ],
    output: 'y',
    wrt: ['x'],
  },
  'Pad reflect then edge (gradients summed through both)': {
    nodes: [node('Pad', ['x', 'p'], ['h'], { mode: 'reflect' }), node('Pad', ['h', 'p'], ['y'], { mode: 'edge' })],
    inputs: { x: { dims: [1, 1, 3, 4] } },
    initializers: [int64Tensor('p', [8], [0, 0, 1, 1, 0, 0, 2, 1])],
    output: 'y',
    wrt: ['x'],
  },
};

const float32Linear: Record<string, Case> = {
  'ConvTranspose 2-D stride 2, pads 1, output_padding 1, bias': convT(
    [2, 3, 4, 4],
    [3, 2, 3, 3],
    { strides: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1] },
    2,
  ),
  'ConvTranspose 2-D kernel 2 stride 2 (U-Net up-sampling), group 1': convT([1, 4, 3, 3], [4, 2, 2, 2], { strides: [2, 2] }, 2),
  'ConvTranspose grouped (group 2), stride 2, asymmetric pads': convT(
    [2, 4, 3, 4],
    [4, 3, 3, 2],
    { strides: [2, 1], pads: [0, 1, 1, 0], group: 2 },
    6,
  ),
  'ConvTranspose depthwise (group = channels), dilation 2, symbolic batch': convT(
    [2, 3, 4, 4],
    [3, 1, 3, 3],
    { group: 3, dilations: [2, 2], pads: [2, 2, 2, 2] },
    undefined,
    { declared: { x: ['N', 3, 4, 4] }, batchShapes: { x: [2, 3, 4, 4] } },
  ),
  'ConvTranspose 1-D stride 3, dilation 2, pads, output_padding 2': convT(
    [2, 2, 5],
    [2, 3, 3],
    { strides: [3], dilations: [2], pads: [1, 0], output_padding: [2] },
    3,
  ),
  'ConvTranspose 3-D stride 2': convT([1, 2, 2, 3, 2], [2, 2, 2, 2, 2], { strides: [2, 2, 2] }, 2),
  // Conv beyond 2-D in each of its dX paths (group 1: Gemm + col2im; grouped: ConvTranspose).
  'Conv 1-D depthwise, dilation 2, pads, bias': {
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'], { group: 4, dilations: [2], pads: [2, 1] })],
    inputs: { x: { dims: [2, 4, 9] }, w: { dims: [4, 1, 3] }, b: { dims: [4] } },
    output: 'y',
    wrt: ['x', 'w', 'b'],
  },
  'Conv 1-D group 2, stride 3, symbolic length': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { group: 2, strides: [3] })],
    inputs: { x: { dims: [2, 4, 10] }, w: { dims: [6, 2, 2] } },
    output: 'y',
    wrt: ['x', 'w'],
    declared: { x: ['N', 4, 'L'] },
    batchShapes: { x: [2, 4, 10] },
  },
  'Conv 3-D stride 2, asymmetric pads, bias': {
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'], { strides: [2, 2, 1], pads: [1, 0, 1, 0, 1, 0] })],
    inputs: { x: { dims: [2, 2, 4, 5, 3] }, w: { dims: [3, 2, 3, 2, 2] }, b: { dims: [3] } },
    output: 'y',
    wrt: ['x', 'w', 'b'],
  },
  'Conv 3-D depthwise, pad 1': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { group: 2, pads: [1, 1, 1, 1, 1, 1] })],
    inputs: { x: { dims: [1, 2, 3, 3, 4] }, w: { dims: [2, 1, 3, 3, 3] } },
    output: 'y',
    wrt: ['x', 'w'],
  },
  'Resize nearest ×2, asymmetric + floor (nn.Upsample nearest)': resize(
    [2, 3, 3, 4],
    { scales: [1, 1, 2, 2] },
    { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' },
  ),
  'Resize nearest to sizes 5×7, half_pixel + round_prefer_floor (defaults)': resize([1, 2, 3, 4], { sizes: [1, 2, 5, 7] }, {}),
  'Resize nearest ×0.5 down-sampling, asymmetric + floor': resize(
    [1, 2, 4, 6],
    { scales: [1, 1, 0.5, 0.5] },
    { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' },
  ),
  'Resize linear ×2, half_pixel (bilinear, align_corners=False)': resize(
    [2, 2, 3, 3],
    { scales: [1, 1, 2, 2] },
    { mode: 'linear', coordinate_transformation_mode: 'half_pixel' },
  ),
  'Resize linear to sizes 7×5, align_corners': resize(
    [1, 2, 4, 3],
    { sizes: [1, 2, 7, 5] },
    { mode: 'linear', coordinate_transformation_mode: 'align_corners' },
  ),
  'Resize linear scales 1.5 / 0.6, pytorch_half_pixel': resize(
    [1, 2, 4, 5],
    { scales: [1, 1, 1.5, 0.6] },
    { mode: 'linear', coordinate_transformation_mode: 'pytorch_half_pixel' },
  ),
  'Resize linear 1-D [N, C, L] ×2, half_pixel (nn.Upsample linear)': resize(
    [2, 3, 5],
    { scales: [1, 1, 2] },
    { mode: 'linear', coordinate_transformation_mode: 'half_pixel' },
  ),
  'Resize nearest 3-D volume ×2 (5-D input, every spatial axis moved last and back)': resize(
    [1, 2, 2, 3, 2],
    { scales: [1, 1, 2, 2, 2] },
    { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' },
  ),
  'Upsample (opset 9) nearest ×2, brought to Resize-13 (asymmetric + floor)': {
    nodes: [node('Upsample', ['x', 's'], ['y'], { mode: 'nearest' })],
    inputs: { x: { dims: [2, 2, 3, 3] } },
    initializers: [floatInit('s', [4], [1, 1, 2, 3], 'float32')],
    output: 'y',
    wrt: ['x'],
    opset: 9,
  },
  'Upsample (opset 7) linear, scales attribute': {
    nodes: [node('Upsample', ['x'], ['y'], { mode: 'linear', scales: { floats: [1, 1, 2, 1.5] } })],
    inputs: { x: { dims: [1, 2, 3, 4] } },
    output: 'y',
    wrt: ['x'],
    opset: 7,
  },
  'Resize (opset 10) linear ×2': {
    nodes: [node('Resize', ['x', 's'], ['y'], { mode: 'linear' })],
    inputs: { x: { dims: [1, 2, 3, 3] } },
    initializers: [floatInit('s', [4], [1, 1, 2, 2], 'float32')],
    output: 'y',
    wrt: ['x'],
    opset: 10,
  },
  'Resize linear, scales computed at run time (symbolic output)': {
    nodes: [
      node('Identity', ['s'], ['s_rt']),
      node('Resize', ['x', '', 's_rt'], ['y'], { mode: 'linear', coordinate_transformation_mode: 'half_pixel' }),
    ],
    inputs: { x: { dims: [1, 2, 3, 4] } },
    initializers: [floatInit('s', [4], [1, 1, 2, 1.5], 'float32')],
    output: 'y',
    wrt: ['x'],
  },
};

const float32Nonlinear: Record<string, Case> = {
  'InstanceNormalization 4-D (scale, bias, input)': {
    nodes: [node('InstanceNormalization', ['x', 'g', 'b'], ['y'], { epsilon: { f: 1e-5 } })],
    inputs: { x: { dims: [2, 3, 3, 4] }, g: { dims: [3] }, b: { dims: [3] } },
    output: 'y',
    wrt: ['x', 'g', 'b'],
  },
  'InstanceNormalization 3-D, epsilon 0.01': {
    nodes: [node('InstanceNormalization', ['x', 'g', 'b'], ['y'], { epsilon: { f: 0.01 } })],
    inputs: { x: { dims: [2, 2, 5] }, g: { dims: [2] }, b: { dims: [2] } },
    output: 'y',
    wrt: ['x', 'g', 'b'],
  },
  'Conv → InstanceNormalization → Resize nearest → ConvTranspose (decoder block)': {
    nodes: [
      node('Conv', ['x', 'w1'], ['c'], { pads: [1, 1, 1, 1] }),
      node('InstanceNormalization', ['c', 'g', 'b'], ['n']),
      node('Resize', ['n', '', 's'], ['u'], {
        mode: 'nearest',
        coordinate_transformation_mode: 'asymmetric',
        nearest_mode: 'floor',
      }),
      node('ConvTranspose', ['u', 'w2'], ['y'], { strides: [2, 2] }),
    ],
    inputs: {
      x: { dims: [1, 2, 3, 3] },
      w1: { dims: [3, 2, 3, 3] },
      g: { dims: [3] },
      b: { dims: [3] },
      w2: { dims: [3, 2, 2, 2] },
    },
    initializers: [floatInit('s', [4], [1, 1, 2, 2], 'float32')],
    output: 'y',
    wrt: ['x', 'w1', 'g', 'b', 'w2'],
  },
};

describe('spatial gradients match central finite differences (float64)', () => {
  let seed = 5000;
  for (const [name, c] of Object.entries(float64Cases)) {
    const s = seed++;
    it(name, async () => {
      const res = await gradCheck({ dtype: 'float64', seed: s, ...c });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});

describe('spatial gradients match central finite differences (float32 kernels, linear)', () => {
  let seed = 5100;
  for (const [name, c] of Object.entries(float32Linear)) {
    const s = seed++;
    it(name, async () => {
      const res = await gradCheck({ dtype: 'float32', seed: s, h: 0.05, atol: 2e-3, rtol: 1e-2, ...c });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});

describe('spatial gradients match central finite differences (float32 kernels, non-linear)', () => {
  let seed = 5200;
  for (const [name, c] of Object.entries(float32Nonlinear)) {
    const s = seed++;
    it(name, async () => {
      const res = await gradCheck({ dtype: 'float32', seed: s, ...c });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});

describe('spatial ops without a gradient', () => {
  /** The error of differentiating one node `name` (x [1, 2, 2, 2] → y) with respect to x, if any. */
  const refused = (op: string, inputs: string[], attrs: Parameters<typeof node>[3], name: string): unknown => {
    const m = model(
      {
        name: 'spatial',
        node: [{ ...node(op, inputs, ['y'], attrs), name }],
        initializer: [
          floatInit('s', [4], [1, 1, 2, 2], 'float32'),
          floatInit('w', [2, 2, 2, 2], new Array<number>(16).fill(0.5), 'float32'),
        ],
        input: [valueInfo('x', DataType.FLOAT, [1, 2, 2, 2]), valueInfo('p', DataType.INT64, [8])],
        output: [valueInfo('y', DataType.FLOAT, undefined)],
      },
      { opset: 18 },
    );
    try {
      differentiateModel(m, { loss: 'y', wrt: ['x'] });
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it.each([
    ['Resize', 'mode cubic', ['x', '', 's'], { mode: 'cubic' }, /mode = cubic/],
    [
      'Resize',
      'tf_crop_and_resize',
      ['x', '', 's'],
      { mode: 'linear', coordinate_transformation_mode: 'tf_crop_and_resize' },
      /tf_crop_and_resize/,
    ],
    ['Resize', 'antialias', ['x', '', 's'], { mode: 'linear', antialias: 1 }, /antialias/],
    ['Resize', 'the axes attribute', ['x', '', 's'], { mode: 'nearest', axes: [2, 3] }, /axes attribute/],
    ['ConvTranspose', 'output_shape', ['x', 'w'], { output_shape: [3, 3] }, /output_shape/],
    ['ConvTranspose', 'auto_pad SAME_UPPER', ['x', 'w'], { auto_pad: 'SAME_UPPER', strides: [2, 2] }, /auto_pad = SAME_UPPER/],
    ['Pad', 'run-time pads', ['x', 'p'], { mode: 'reflect' }, /pads are computed at run time/],
  ])('refuses %s with %s: UNSUPPORTED_OP naming the node', (op, _why, inputs, attrs, reason) => {
    const error = refused(op, inputs, attrs, 'node_1');
    expect(error).toBeInstanceOf(EnergyBudgetError);
    if (!(error instanceof EnergyBudgetError)) return;
    expect(error.code).toBe('UNSUPPORTED_OP');
    expect(error.message).toContain(`${op} node "node_1"`);
    expect(error.message).toMatch(reason);
  });
});
