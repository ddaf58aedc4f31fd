/**
 * Losses appended to the forward graph, each with its gradient with respect to the model's
 * output written in closed form (cheaper and more stable than differentiating the loss ops).
 * Every loss is a mean over all label elements (over the batch).
 *
 * Label synthesis for benchmarks lives here too: seeded, matching the output.
 */
import { InputError } from '../errors.js';
import type { LossName } from '../config/types.js';
import { createRng } from '../util/random.js';
import type { GraphEmitter } from './graph.js';
import { isStatic, type Dim, type Shape } from './shapes.js';
import type { TensorData } from './tensor-data.js';

/** Probability clamp of `bce`: p ∈ [ε, 1 − ε] before the logarithms (1e-7, as Keras' epsilon()). */
export const BCE_EPSILON = 1e-7;

/**
 * Losses of a training step: the budget file's (LossName), plus `soft-cross-entropy`, which
 * only the distillation of src/optimize uses (its labels are a teacher's softened probabilities).
 */
export type StepLoss = LossName | 'soft-cross-entropy';

/** The loss and the gradient of the loss with respect to the prediction. */
export interface EmittedLoss {
  /** Scalar loss tensor. */
  loss: string;
  /** ∂loss/∂prediction, shaped like the prediction. */
  dPrediction: string;
  /** Label dtype and shape (dims may be symbolic). */
  labelDType: 'float32' | 'float64' | 'int64';
  labelShape: Dim[] | undefined;
}

/** Label tensor's dtype and shape for a loss and a prediction shape. */
export function labelSpec(
  loss: StepLoss,
  floatDType: 'float32' | 'float64',
  predShape: Shape,
): { dtype: 'float32' | 'float64' | 'int64'; shape: Dim[] | undefined } {
  if (loss === 'cross-entropy') {
    return { dtype: 'int64', shape: predShape ? predShape.filter((_, i) => i !== 1) : undefined };
  }
  return { dtype: floatDType, shape: predShape };
}

/**
 * Appends the loss of `pred` against the labels input `labels` to the graph.
 * @throws InputError INPUT_INVALID when cross-entropy gets a prediction without a known class axis.
 */
export function emitLoss(em: GraphEmitter, kind: StepLoss, pred: string, labels: string): EmittedLoss {
  const predShape = em.shapeOf(pred);
  const floatDType = em.floatType === 11 ? 'float64' : 'float32';
  const spec = labelSpec(kind, floatDType, predShape);
  em.setShape(labels, spec.shape);
  const n = em.floatSize(pred, predShape);
  switch (kind) {
    case 'mse': {
      // L = mean((p − t)²); ∂L/∂p = 2(p − t)/n.
      const diff = em.one('Sub', [pred, labels], {}, 'mse_diff');
      const loss = em.reduceMean(em.one('Mul', [diff, diff]), undefined, false);
      const dPrediction = em.one('Mul', [diff, em.one('Div', [em.scalar(2), n])], {}, 'grad_mse');
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case 'bce': {
      // L = −mean(t·log p + (1 − t)·log(1 − p)) with p clamped to [ε, 1 − ε];
      // ∂L/∂p = (p − t) / (p(1 − p)) / n, taken at the clamped p (a straight-through clamp, so
      // a saturated output still gets a bounded gradient).
      const p = em.one('Clip', [pred, em.scalar(BCE_EPSILON), em.scalar(1 - BCE_EPSILON)], {}, 'bce_p');
      const oneMinusP = em.one('Sub', [em.scalar(1), p]);
      const oneMinusT = em.one('Sub', [em.scalar(1), labels]);
      const ll = em.one('Add', [
        em.one('Mul', [labels, em.one('Log', [p])]),
        em.one('Mul', [oneMinusT, em.one('Log', [oneMinusP])]),
      ]);
      const loss = em.one('Neg', [em.reduceMean(ll, undefined, false)], {}, 'bce_loss');
      const dPrediction = em.one(
        'Div',
        [em.one('Sub', [p, labels]), em.one('Mul', [em.one('Mul', [p, oneMinusP]), n])],
        {},
        'grad_bce',
      );
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case 'bce-logits': {
      // L = mean(max(z, 0) − z·t + log(1 + exp(−|z|))), the overflow-free form of
      // −t·log σ(z) − (1 − t)·log(1 − σ(z)); ∂L/∂z = (σ(z) − t)/n.
      const softplus = em.one('Log', [em.one('Add', [em.scalar(1), em.one('Exp', [em.one('Neg', [em.one('Abs', [pred])])])])]);
      const per = em.one('Add', [em.one('Sub', [em.one('Relu', [pred]), em.one('Mul', [pred, labels])]), softplus]);
      const loss = em.reduceMean(per, undefined, false);
      const dPrediction = em.one('Div', [em.one('Sub', [em.one('Sigmoid', [pred]), labels]), n], {}, 'grad_bce_logits');
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case 'cross-entropy': {
      const classes = predShape?.[1];
      if (!predShape || predShape.length < 2 || typeof classes !== 'number') {
        throw new InputError(
          'INPUT_INVALID',
          `cross-entropy needs logits shaped [N, C, ...] with a known class count C; the model output "${pred}" has shape ${predShape ? `[${predShape.join(', ')}]` : 'unknown'}. Use loss mse or bce for other outputs, or declare the output's shape.`,
        );
      }
      // L = mean over samples of −log softmax(z)[label] (SoftmaxCrossEntropyLoss, mean);
      // ∂L/∂z = (softmax(z) − onehot(label)) / count.
      const [loss, logProb] = em.op('SoftmaxCrossEntropyLoss', [pred, labels], { reduction: 'mean' }, 2, 'ce');
      const rank = predShape.length;
      const classIds = em.ints(
        Array.from({ length: classes }, (_, i) => i),
        [1, classes, ...new Array<number>(rank - 2).fill(1)],
      );
      const onehot = em.one(
        'Cast',
        [em.one('Equal', [em.one('Unsqueeze', [labels, em.ints([1])]), classIds])],
        { to: em.floatType },
        'onehot',
      );
      const count = em.floatSize(labels, spec.shape);
      const dPrediction = em.one('Div', [em.one('Sub', [em.one('Exp', [logProb]), onehot]), count], {}, 'grad_cross_entropy');
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case 'soft-cross-entropy': {
      // Knowledge distillation (Hinton, Vinyals & Dean 2015, "Distilling the Knowledge in a
      // Neural Network", arXiv:1503.02531): labels are the teacher's probabilities p over the
      // class axis 1, pred the student's logits. L = −mean over rows of Σ_c p_c·log softmax(z)_c
      // (KL(p‖softmax(z)) plus the constant entropy of p); ∂L/∂z = (softmax(z) − p) / rows.
      const classCount = predShape?.[1];
      if (!predShape || predShape.length < 2 || typeof classCount !== 'number') {
        throw new InputError(
          'INPUT_INVALID',
          `soft-cross-entropy needs logits shaped [N, C, ...] with a known class count C; the output "${pred}" has shape ${predShape ? `[${predShape.join(', ')}]` : 'unknown'}.`,
        );
      }
      const logProb = em.one('LogSoftmax', [pred], { axis: 1 }, 'soft_ce_logp');
      const rows = em.one('Div', [n, em.scalar(classCount)], {}, 'soft_ce_rows');
      const sum = em.reduceSum(em.one('Mul', [labels, logProb]), undefined, false);
      const loss = em.one('Neg', [em.one('Div', [sum, rows])], {}, 'soft_ce_loss');
      const dPrediction = em.one('Div', [em.one('Sub', [em.one('Exp', [logProb]), labels]), rows], {}, 'grad_soft_ce');
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    default:
      throw new InputError('INPUT_INVALID', `Unknown loss "${String(kind)}"; expected mse, bce, bce-logits or cross-entropy.`);
  }
}

/**
 * Seeded labels matching a loss and a concrete label shape: {0, 1} for bce and bce-logits,
 * integers in [0, classes) for cross-entropy, standard normal values for mse.
 * @throws InputError INPUT_INVALID when the label shape is not fully known.
 */
export function synthesizeLabels(
  loss: LossName,
  dtype: 'float32' | 'float64' | 'int64',
  shape: Dim[] | undefined,
  seed: number,
  classes?: number,
): TensorData {
  if (!isStatic(shape)) {
    throw new InputError(
      'INPUT_INVALID',
      `Cannot synthesise labels for an output of shape ${shape ? `[${shape.join(', ')}]` : 'unknown'}; give the batch size (dims: { N: 32 }) or explicit input shapes.`,
    );
  }
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  if (loss === 'cross-entropy') {
    const c = classes ?? 2;
    return { dtype: 'int64', dims: shape, data: BigInt64Array.from({ length: n }, () => BigInt(rng.int(0, c - 1))) };
  }
  const values = Array.from({ length: n }, () => (loss === 'mse' ? rng.normal() : rng.next() < 0.5 ? 0 : 1));
  return dtype === 'float64'
    ? { dtype, dims: shape, data: Float64Array.from(values) }
    : { dtype: 'float32', dims: shape, data: Float32Array.from(values) };
}
