/**
 * Optimizer updates written as ONNX ops: each parameter's new value and new optimizer state
 * from its gradient. State tensors are graph inputs (zeros at the start) whose new values are
 * graph outputs fed back by the runner.
 *
 * Update rules (g = gradient, lr = learning rate):
 * - sgd:      p ← p − lr·g
 * - momentum: v ← μ·v + g;  p ← p − lr·v  (PyTorch's SGD momentum form, dampening 0,
 *             torch.optim.SGD docs)
 * - rmsprop:  s ← ρ·s + (1 − ρ)·g²;  p ← p − lr·g / (√s + ε)  (Tieleman & Hinton 2012,
 *             Coursera lecture 6.5; PyTorch's RMSprop without centring or momentum)
 * - adam:     t ← t + 1;  m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;
 *             p ← p − lr·m̂ / (√v̂ + ε) with m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ)
 *             (Kingma & Ba 2015, "Adam", Algorithm 1). The state holds m/(1 − β1) and
 *             v/(1 − β2) (same updates, fewer passes; see the adam case).
 *
 * Cost. On a small model an Adam step is bound by its passes over the parameters, not by
 * FLOPs: onnxruntime's inference build has no fused optimizer kernel (com.microsoft
 * AdamWOptimizer exists only in its training build), so each elementwise op is one pass.
 * Adam works on rows [1, n] so that each s·X + Y (β1·M + g, β2·V + g², p − a·ratio) is a
 * single Gemm with K = 1 (A = [[s]], B = X, C = Y) instead of a Mul and an Add: seven ops over
 * each tensor instead of ten. Measured here on 108,801 floats in a Loop: such a Gemm costs
 * ~0.75× a Mul + Add pair (the [n, 1] orientation is ~20× slower: MLAS packs B per column).
 */
import type { OptimizerName } from '../config/types.js';
import { InputError } from '../errors.js';
import type { GraphEmitter } from './graph.js';
import type { NodeProto } from '../model/onnx.js';
import { attrFloat, attrInt } from '../model/attrs.js';

/** Optimizer coefficients; absent ones take the defaults below. */
export interface OptimizerOptions {
  learningRate: number;
  /** Momentum μ. @default 0.9 */
  momentum?: number;
  /** RMSProp decay ρ. @default 0.9 (Tieleman & Hinton; PyTorch's default alpha is 0.99) */
  rho?: number;
  /** Adam β1. @default 0.9 (Kingma & Ba 2015) */
  beta1?: number;
  /** Adam β2. @default 0.999 (Kingma & Ba 2015) */
  beta2?: number;
  /** ε in the denominator of RMSProp and Adam. @default 1e-8 (Kingma & Ba 2015) */
  epsilon?: number;
  /** Tensors with fewer elements than this share one flat optimizer state (0: none, Infinity:
   *  all). Not a budget key: tests and bench/train-step.ts compare the layouts. @default FLAT_MAX_ELEMENTS */
  flatMaxElements?: number;
}

/** Tensors with fewer elements than this share one flat optimizer state (multi-tensor apply). */
export const FLAT_MAX_ELEMENTS = 65536;

/** Gemm attributes for s·X + Y with A = [[s]], B = X, C = Y. */
const AXPY = { alpha: { f: 1 }, beta: { f: 1 } };

/** The defaults used when a coefficient is not given. */
export const OPTIMIZER_DEFAULTS = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/** One state tensor of the optimizer: an input (zero-initialised) and the output with its new value. */
export interface OptimizerState {
  input: string;
  output: string;
  /** Dims: a parameter's dims, or [] for the step count. */
  dims: number[];
}

/** What the optimizer adds to the graph. */
export interface EmittedOptimizer {
  /** Parameter name → name of its updated value. */
  newParameters: Record<string, string>;
  state: OptimizerState[];
  /** Parameters kept in another shape than the model's (unless formulations.modelLayout): name → the
   *  dims the update reads and writes. The optimizer's nodes read such a parameter's name in
   *  these dims; every other node must read it through a Reshape to the model's dims (storage.ts). */
  storageDims: Record<string, number[]>;
}

/** A parameter with its gradient. */
export interface ParameterGrad {
  name: string;
  grad: string;
  dims: number[];
  /** Keep it in its model dims whatever the layout (e.g. a subgraph reads it by name). */
  modelLayout?: boolean;
}

/** The Gemm (and the Reshape after it) that produce a weight's gradient, if SGD can fuse it. */
function gradientGemm(em: GraphEmitter, p: ParameterGrad): { gemm: NodeProto; viaReshape: boolean } | undefined {
  const producer = (t: string): NodeProto | undefined => em.nodes.find((n) => (n.output ?? []).includes(t));
  const uses = (t: string): number => em.nodes.reduce((k, n) => k + (n.input ?? []).filter((x) => x === t).length, 0);
  let node = producer(p.grad);
  let viaReshape = false;
  if (node?.opType === 'Reshape') {
    const inner = node.input?.[0] ?? '';
    // Only a Conv kernel's gradient Gemm (marked by its rule) is known to give [M, C·k…] for a kernel [M, C, k…].
    if (!em.kernelGradGemms.has(inner) || uses(inner) !== 1) return undefined;
    node = producer(inner);
    viaReshape = true;
  }
  if (node?.opType !== 'Gemm' || node.input?.[2] || uses(p.grad) !== 0) return undefined;
  if (!viaReshape && p.dims.length !== 2) return undefined;
  return { gemm: node, viaReshape };
}

/**
 * SGD on a weight whose gradient is one Gemm (a Linear layer's dW, or a Conv's im2col dW
 * reshaped to the kernel): p − lr·(α·A·B) is that Gemm with C = p, α' = −lr·α and β = 1, so
 * the update happens inside the product instead of two more passes over the weight (a Mul by
 * lr and a Sub; on ResNet-18 those passes move 11.7M parameters twice per step). The original
 * Gemm is left unused and pruned. Returns the new parameter's name (`output`). With `stored`,
 * a Conv kernel is kept as [M, C·k…] between steps (storage.ts).
 */
function fuseSgdIntoGemm(
  em: GraphEmitter,
  p: ParameterGrad,
  { gemm, viaReshape }: { gemm: NodeProto; viaReshape: boolean },
  lr: number,
  output: string,
  stored: boolean,
): string {
  const alpha = attrFloat(gemm, 'alpha', 1);
  const attrs = {
    alpha: { f: -lr * alpha },
    beta: { f: 1 },
    transA: attrInt(gemm, 'transA', 0),
    transB: attrInt(gemm, 'transB', 0),
  };
  const [a, b] = [gemm.input?.[0] ?? '', gemm.input?.[1] ?? ''];
  // Stored as [M, C·k…]: the Gemm reads and writes the parameter itself, no Reshape either side.
  if (!viaReshape || stored) return em.to(output, 'Gemm', [a, b, p.name], attrs);
  const updated = em.one('Gemm', [a, b, em.reshapeTo(p.name, [p.dims[0], -1])], attrs, 'sgd_gemm');
  return em.to(output, 'Reshape', [updated, em.ints(p.dims)]);
}

function checkCoefficient(name: string, value: number, lo: number, hi: number, loOpen: boolean, hiOpen: boolean): void {
  const ok = Number.isFinite(value) && (loOpen ? value > lo : value >= lo) && (hiOpen ? value < hi : value <= hi);
  if (!ok) {
    throw new InputError(
      'INPUT_INVALID',
      `training.${name} is ${value}; expected a number in ${loOpen ? '(' : '['}${lo}, ${hi}${hiOpen ? ')' : ']'}.`,
    );
  }
}

/**
 * Appends the optimizer update of every parameter.
 * @throws InputError INPUT_INVALID for an unknown optimizer or coefficients out of range.
 */
export function emitOptimizer(
  em: GraphEmitter,
  kind: OptimizerName,
  params: ParameterGrad[],
  opts: OptimizerOptions,
  names: { state: (param: string, slot: string) => string; newValue: (name: string) => string },
): EmittedOptimizer {
  const lr = opts.learningRate;
  checkCoefficient('learning-rate', lr, 0, Infinity, true, true);
  const newParameters: Record<string, string> = {};
  const state: OptimizerState[] = [];
  const storageDims: Record<string, number[]> = {};
  const storable = (p: ParameterGrad): boolean => !em.formulations.modelLayout && !p.modelLayout;
  // The last op of each update writes straight to the graph output (no Identity copies).
  type Write = (op: string, inputs: string[], attrs?: Record<string, { f: number }>) => string;
  const stateFor = (p: ParameterGrad, slot: string): { input: string; write: Write } => {
    const input = names.state(p.name, slot);
    em.setShape(input, p.dims);
    const output = names.newValue(input);
    state.push({ input, output, dims: p.dims });
    return { input, write: (op, inputs, attrs = {}) => em.to(output, op, inputs, attrs) };
  };
  const writeParam = (p: ParameterGrad, op: string, inputs: string[], attrs: Record<string, { f: number }> = {}): void => {
    newParameters[p.name] = em.to(names.newValue(p.name), op, inputs, attrs);
  };
  // The amount each update subtracts from a parameter, with the optimizer state it keeps.
  let delta: (p: ParameterGrad) => string = (p) => p.grad;
  // Adam instead: a parameter row [1, n] (gradient and state as rows) gives p + coef·x.
  let adamRow: ((p: ParameterGrad) => { coef: string; x: string }) | undefined;
  switch (kind) {
    case 'sgd':
      delta = (p) => em.one('Mul', [p.grad, em.scalar(lr)]);
      break;
    case 'momentum': {
      const mu = opts.momentum ?? OPTIMIZER_DEFAULTS.momentum;
      checkCoefficient('momentum', mu, 0, 1, false, true);
      delta = (p) => {
        const v = stateFor(p, 'velocity');
        const vNew = v.write('Add', [em.one('Mul', [v.input, em.scalar(mu)]), p.grad]);
        return em.one('Mul', [vNew, em.scalar(lr)]);
      };
      break;
    }
    case 'rmsprop': {
      const rho = opts.rho ?? OPTIMIZER_DEFAULTS.rho;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient('rho', rho, 0, 1, false, true);
      checkCoefficient('epsilon', eps, 0, Infinity, true, true);
      delta = (p) => {
        const s = stateFor(p, 'square_avg');
        const sNew = s.write('Add', [
          em.one('Mul', [s.input, em.scalar(rho)]),
          em.one('Mul', [em.one('Mul', [p.grad, p.grad]), em.scalar(1 - rho)]),
        ]);
        return em.one('Div', [em.one('Mul', [p.grad, em.scalar(lr)]), em.one('Add', [em.one('Sqrt', [sNew]), em.scalar(eps)])]);
      };
      break;
    }
    case 'adam': {
      const b1 = opts.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
      const b2 = opts.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient('beta1', b1, 0, 1, false, true);
      checkCoefficient('beta2', b2, 0, 1, false, true);
      checkCoefficient('epsilon', eps, 0, Infinity, true, true);
      // The step count t is a float scalar state (exact up to 2^24 steps in float32).
      const stepIn = names.state('', 'step');
      em.setShape(stepIn, []);
      const stepOut = names.newValue(stepIn);
      state.push({ input: stepIn, output: stepOut, dims: [] });
      const t = em.to(stepOut, 'Add', [stepIn, em.scalar(1)]);
      // The moments are stored scaled, M = m/(1 − β1) and V = v/(1 − β2), which saves a pass
      // over each parameter per moment: M ← β1·M + g, V ← β2·V + g². With c2 = (1 − β2)/(1 − β2ᵗ)
      // the update lr·m̂/(√v̂ + ε) is exactly a·M/(√V + e) for the per-step scalars
      // a = lr·(1 − β1)/((1 − β1ᵗ)·√c2) and e = ε/√c2.
      const sqrtC2 = em.one(
        'Sqrt',
        [em.one('Div', [em.scalar(1 - b2), em.one('Sub', [em.scalar(1), em.one('Pow', [em.scalar(b2), t])])])],
        {},
        'adam_sqrt_c2',
      );
      // −a as a [1, 1] tensor: the update is p + (−a)·ratio (Gemm's A below).
      const negA = em.one(
        'Div',
        [
          em.floatConst([1, 1], [-lr * (1 - b1)]),
          em.one('Mul', [em.one('Sub', [em.scalar(1), em.one('Pow', [em.scalar(b1), t])]), sqrtC2]),
        ],
        {},
        'adam_step_size',
      );
      const e = em.one('Div', [em.scalar(eps), sqrtC2], {}, 'adam_eps');
      // s·X + Y over rows X, Y of shape [1, n] is one Gemm with K = 1: one pass instead of a
      // Mul and an Add (Gemm with A = [[s]], B = X, C = Y, β = 1; measured in the bench).
      const b1Row = em.floatConst([1, 1], [b1]);
      const b2Row = em.floatConst([1, 1], [b2]);
      adamRow = (p) => {
        const m = stateFor(p, 'm');
        const v = stateFor(p, 'v');
        const mNew = m.write('Gemm', [b1Row, m.input, p.grad], AXPY);
        const vNew = v.write('Gemm', [b2Row, v.input, em.one('Mul', [p.grad, p.grad])], AXPY);
        return { coef: negA, x: em.one('Div', [mNew, em.one('Add', [em.one('Sqrt', [vNew]), e])], {}, 'adam_ratio') };
      };
      break;
    }
    default:
      throw new InputError('INPUT_INVALID', `Unknown optimizer "${String(kind)}"; expected sgd, momentum, rmsprop or adam.`);
  }
  // Multi-tensor apply for the small tensors (biases, norms, small layers): their optimizer
  // state is one flat buffer and the update runs once over their concatenated gradients,
  // instead of one set of small ops per tensor; the result is split back into their shapes.
  // Large tensors keep their own update: for them the per-op cost is nothing next to the
  // passes over the data, and concatenating and splitting would add two passes.
  // (`bench/train-step.ts --flat-max 0 --flat-max Infinity` compares the layouts.)
  const size = (p: ParameterGrad): number => p.dims.reduce((x, y) => x * y, 1);
  const flatMax = opts.flatMaxElements ?? FLAT_MAX_ELEMENTS;
  const small = kind === 'sgd' ? [] : params.filter((p) => size(p) < flatMax);
  const flat = small.length > 1 ? small : [];
  for (const p of params) {
    if (flat.includes(p)) continue;
    const fused = kind === 'sgd' ? gradientGemm(em, p) : undefined;
    if (fused) {
      const stored = fused.viaReshape && storable(p);
      if (stored) storageDims[p.name] = [p.dims[0], size(p) / p.dims[0]];
      newParameters[p.name] = fuseSgdIntoGemm(em, p, fused, lr, names.newValue(p.name), stored);
    } else if (adamRow) {
      const row = [1, size(p)];
      const { coef, x } = adamRow({ name: p.name, grad: em.reshapeTo(p.grad, row), dims: row });
      const isRow = p.dims.length === 2 && p.dims[0] === 1;
      if (isRow || storable(p)) {
        // Stored as the row itself: the update's Gemm writes the new parameter.
        if (!isRow) storageDims[p.name] = row;
        writeParam(p, 'Gemm', [coef, x, p.name], AXPY);
      } else {
        const updated = em.one('Gemm', [coef, x, em.reshapeTo(p.name, row)], AXPY, 'adam_update');
        writeParam(p, 'Reshape', [updated, em.ints(p.dims)]);
      }
    } else {
      writeParam(p, 'Sub', [p.name, delta(p)]);
    }
  }
  if (flat.length) {
    const sizes = flat.map(size);
    const total = sizes.reduce((x, y) => x + y, 0);
    // Adam works on rows [1, total]; the others on [total].
    const flatGrad = em.one(
      'Concat',
      flat.map((p) => em.reshapeTo(p.grad, adamRow ? [1, -1] : [-1])),
      { axis: adamRow ? 1 : 0 },
      'flat_grad',
    );
    if (adamRow) {
      const { coef, x } = adamRow({ name: '', grad: flatGrad, dims: [1, total] });
      const pieces = em.op('Split', [em.one('Mul', [x, coef]), em.ints(sizes)], { axis: 1 }, flat.length, 'delta');
      flat.forEach((p, i) => writeParam(p, 'Add', [p.name, em.reshapeTo(pieces[i], p.dims)]));
    } else {
      const flatDelta = delta({ name: '', grad: flatGrad, dims: [total] });
      const pieces = em.op('Split', [flatDelta, em.ints(sizes)], { axis: 0 }, flat.length, 'delta');
      flat.forEach((p, i) => writeParam(p, 'Sub', [p.name, em.reshapeTo(pieces[i], p.dims)]));
    }
  }
  return { newParameters, state, storageDims };
}
