/**
 * The gradient formulations chosen by layer shape (src/train/conv-grad-x.ts), each checked
 * against central finite differences: a case is asserted to take the path it is named after,
 * so each stays covered whatever the default layers choose. The col2im after the Gemm is
 * onnxruntime's Col2Im (opset 18), or ONNX ops (Split, Pads, Sum) for a dilated 3-D Conv and
 * on request. Conv has float32 kernels only; the
 * graphs are linear in the checked input, so the tolerances of gradients.test.ts's float32
 * cases apply (h = 0.05, |built − fd| ≤ 2e-3 + 1e-2·|fd|).
 */
import { describe, it, expect } from '@jest/globals';
import { DataType } from '../../src/model/onnx.js';
import { model, node, valueInfo } from '../../src/model/builder.js';
import { differentiateModel } from '../../src/train/autodiff.js';
import { gradCheck, type GradCase } from './gradcheck.js';

type Case = Omit<GradCase, 'seed' | 'dtype'>;
type Path = 'ConvTranspose' | 'Col2Im' | 'col2im in ONNX ops';

/** Which dX formulation the gradient graph built for a case took. */
function gradientPath(c: Case): Path {
  const inputs = Object.entries(c.inputs).map(([name, spec]) => valueInfo(name, DataType.FLOAT, spec.dims));
  const fwd = model(
    {
      name: 'probe',
      node: [...c.nodes, node('ReduceSum', [c.output], ['loss'], { keepdims: 0 })],
      input: inputs,
      output: [valueInfo('loss', DataType.FLOAT, [])],
    },
    { opset: 17 },
  );
  const nodes = differentiateModel(fwd, { loss: 'loss', wrt: c.wrt, formulations: c.formulations }).model.graph?.node ?? [];
  const ops = nodes.map((n) => n.opType ?? '');
  if (ops.includes('ConvTranspose')) return 'ConvTranspose';
  const col2im = nodes.find((n) => n.opType === 'Col2Im');
  if (!col2im) return 'col2im in ONNX ops';
  const rank = c.inputs.x.dims.length - 2;
  return col2im.attribute?.find((a) => a.name === 'strides')?.ints?.length === rank + 1 ? 'Col2Im' : 'Col2Im';
}

const conv = (x: number[], w: number[], attrs: Parameters<typeof node>[3] = {}, wrt = ['x', 'w']): Case => ({
  nodes: [node('Conv', ['x', 'w'], ['y'], attrs)],
  inputs: { x: { dims: x }, w: { dims: w } },
  output: 'y',
  wrt,
});

const cases: Array<[string, Case, Path]> = [
  // Many weights per output position (M·K > 50·Y: ResNet's last stages, SqueezeNet's last
  // 3×3 expands): one Gemm over the batch, then col2im. Only dX is checked (the path under test; differencing
  // 300k weights would take most of a minute).
  [
    'stride 2, asymmetric pads, 1024 filters on a 2×2 output',
    conv([2, 32, 4, 3], [1024, 32, 3, 3], { strides: [2, 2], pads: [1, 0, 0, 1] }, ['x']),
    'Col2Im',
  ],
  [
    'dilation 2, pad 1, 2048 filters on a 2×2 output',
    conv([1, 64, 3, 4], [2048, 64, 2, 2], { dilations: [2, 2], pads: [1, 1, 0, 0] }, ['x']),
    'Col2Im',
  ],
  [
    '1-D, stride 2, dilation 2, pads 2/1, 2048 filters on 2 positions',
    conv([2, 32, 9], [2048, 32, 5], { strides: [2], dilations: [2], pads: [2, 1] }, ['x']),
    'Col2Im',
  ],
  [
    '3-D, strides 1/2/1, pads, 2048 filters on 3×2×3 positions',
    conv([2, 16, 3, 4, 3], [2048, 16, 2, 3, 2], { strides: [1, 2, 1], pads: [0, 1, 1, 1, 0, 0] }, ['x']),
    'Col2Im',
  ],
  [
    '3-D, dilation 2 (onnxruntime’s N-D Col2Im miscounts dilated blocks)',
    conv([1, 16, 4, 4, 3], [2048, 16, 2, 3, 2], { dilations: [2, 1, 1] }, ['x']),
    'col2im in ONNX ops',
  ],
  [
    'stride 2, asymmetric pads, the ONNX-ops col2im on request (formulations.col2imPads)',
    {
      ...conv([2, 32, 4, 3], [1024, 32, 3, 3], { strides: [2, 2], pads: [1, 0, 0, 1] }, ['x']),
      formulations: { col2imPads: true },
    },
    'col2im in ONNX ops',
  ],
  [
    'pad 1, 256 filters on a 3×3 output (cache-sized weights, SqueezeNet fire8)',
    conv([2, 8, 3, 3], [256, 8, 3, 3], { pads: [1, 1, 1, 1] }, ['x']),
    'Col2Im',
  ],
  [
    'the same with the ONNX-ops col2im: ConvTranspose, as chosen before Col2Im',
    { ...conv([2, 8, 3, 3], [256, 8, 3, 3], { pads: [1, 1, 1, 1] }, ['x']), formulations: { col2imPads: true } },
    'ConvTranspose',
  ],
  // Few weights per output position (early layers): ConvTranspose.
  ['3×3 pad 1, 16 filters on a 2×2 output', conv([2, 3, 2, 2], [16, 3, 3, 3], { pads: [1, 1, 1, 1] }), 'ConvTranspose'],
  [
    '3×3 pad 1, 2 filters on a 6×6 output (small weights)',
    conv([2, 3, 6, 6], [2, 3, 3, 3], { pads: [1, 1, 1, 1] }),
    'ConvTranspose',
  ],
  ['1×1, stride 1 (SqueezeNet squeeze/expand)', conv([2, 4, 5, 5], [3, 4, 1, 1]), 'ConvTranspose'],
  ['stride 2, remainder, pads', conv([2, 2, 8, 7], [3, 2, 3, 3], { strides: [2, 2], pads: [1, 1, 0, 0] }), 'ConvTranspose'],
];

describe('Conv dX formulations match central finite differences', () => {
  let seed = 4100;
  for (const [name, c, path] of cases) {
    const s = seed++;
    it(`${name}: ${path}`, async () => {
      expect(gradientPath(c)).toBe(path);
      const res = await gradCheck({ ...c, dtype: 'float32', seed: s, h: 0.05, atol: 2e-3, rtol: 1e-2 });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});
