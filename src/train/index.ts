/**
 * The training-step builder: from an inference model, one ONNX graph that runs the forward
 * pass, the loss, the gradients of every trainable parameter and the optimizer update.
 *
 * Inputs: the batch input(s), the labels, the parameters (the former float initializers) and
 * the optimizer state; outputs: the loss, the new parameters and the new state. `feedback`
 * maps each output that is next step's input to that input's name (see runner.ts).
 */
import { suggest } from '../config/did-you-mean.js';
import type { ModelProto, ValueInfoProto } from '../model/onnx.js';
import { DataType } from '../model/onnx.js';
import { valueInfo } from '../model/builder.js';
import type { OptimizerName } from '../config/types.js';
import { InputError } from '../errors.js';
import { Differentiator, outputInfo, prepareGraph, type ShapeOptions } from './autodiff.js';
import { pruneGraph } from './graph.js';
import { attrInt } from '../model/attrs.js';
import { emitLoss, type StepLoss } from './losses.js';
import { emitOptimizer, type OptimizerOptions } from './optimizers.js';
import { viewStoredParameters } from './storage.js';
import { subgraphReads } from '../model/analyze.js';
import { normAxis } from './shapes.js';
import { readTensor, zeros, type TensorData } from './tensor-data.js';
import type { StepInput, TrainingStep } from './step-types.js';
import { mapValue } from '../util/map-value.js';

export { differentiateModel } from './autodiff.js';
export { synthesizeLabels } from './losses.js';
export { OPTIMIZER_DEFAULTS } from './optimizers.js';
export { supportedOps } from './grad-ops.js';
export { loopTrainingStep, type LoopedTrainingStep } from './loop.js';
export type { TensorData } from './tensor-data.js';
export type { StepInput, TrainingStep } from './step-types.js';

/** Options of {@link buildTrainingStep}. */
export interface TrainingStepOptions extends ShapeOptions, OptimizerOptions {
  loss: StepLoss;
  optimizer: OptimizerName;
  /** The model output the loss is computed on. @default the first graph output */
  output?: string;
  /** Initializers kept fixed: exact names, or prefixes ending in `*` (e.g. `encoder.*`). */
  freeze?: string[];
}

function isFrozen(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/**
 * Refuses `training.freeze` entries that match no initializer: a typo, or a prefix written
 * without its `*`, would otherwise train the weights the user meant to keep fixed, silently.
 * @throws InputError INPUT_INVALID naming each entry, with the closest name or the `*` form.
 */
function unmatchedFreeze(patterns: readonly string[], names: readonly string[]): void {
  const problems: string[] = [];
  for (const p of patterns) {
    if (names.some((n) => isFrozen(n, [p]))) continue;
    const asPrefix = !p.endsWith('*') && names.some((n) => n.startsWith(p));
    const close = asPrefix ? `${p}*` : suggest(p.endsWith('*') ? p.slice(0, -1) : p, names);
    problems.push(
      `"${p}" matches no initializer${close !== undefined ? `; did you mean "${close}"${asPrefix ? ' (a prefix needs its *)' : ''}?` : ''}`,
    );
  }
  if (problems.length === 0) return;
  const shown = names.slice(0, 12).join(', ');
  throw new InputError(
    'INPUT_INVALID',
    `training.freeze: ${problems.join('; ')}. Entries are initializer names, or prefixes ending in * ` +
      `(the model's initializers: ${shown}${names.length > 12 ? `, … ${names.length - 12} more` : ''}).`,
  );
}

/**
 * Builds the training step of an inference model.
 * @throws InputError UNSUPPORTED_OP when an op between the parameters and the loss has no
 *   gradient (every such node listed); MODEL_INVALID / INPUT_INVALID for unusable models or
 *   options (unknown output, no trainable parameters, bad coefficients).
 */
export function buildTrainingStep(proto: ModelProto, opts: TrainingStepOptions): TrainingStep {
  const prep = prepareGraph(proto, opts);
  const em = prep.em;
  const notes: string[] = [];
  const floatDType = prep.floatType === DataType.DOUBLE ? 'float64' : 'float32';

  const outputName = opts.output ?? prep.outputs[0]?.name;
  if (!outputName || !prep.outputs.some((o) => o.name === outputName)) {
    throw new InputError(
      'INPUT_INVALID',
      `The model has no output named "${outputName ?? ''}" to compute the loss on; its outputs are ${prep.outputs.map((o) => `"${o.name}"`).join(', ') || '(none)'}.`,
    );
  }
  let pred = outputName;
  if (opts.loss === 'cross-entropy') {
    // Cross-entropy works on logits. A model ending in Softmax over the class axis gives
    // probabilities: take the Softmax's input instead of applying softmax twice.
    const producer = prep.nodes.find((n) => n.output?.[0] === outputName);
    const rank = em.shapeOf(outputName)?.length;
    if (producer?.opType === 'Softmax' && rank !== undefined && normAxis(attrInt(producer, 'axis', -1), rank) === 1) {
      pred = producer.input?.[0] ?? pred;
      notes.push(
        `cross-entropy is computed on the input of the final Softmax node "${producer.name ?? ''}" (the logits), not on its probabilities.`,
      );
    }
  }

  const candidates: string[] = [];
  const frozen: string[] = [];
  for (const [name, t] of prep.initializers) {
    if (t.dataType !== DataType.FLOAT && t.dataType !== DataType.DOUBLE) continue;
    if (t.dataType !== prep.floatType || isFrozen(name, opts.freeze ?? [])) frozen.push(name);
    else candidates.push(name);
  }
  unmatchedFreeze(opts.freeze ?? [], [...prep.initializers.keys()]);
  const diff = new Differentiator(prep, candidates, [pred]);
  const parameterNames = diff.trainable;
  const fromConstants = prep.weightConstants.filter((n) => parameterNames.includes(n));
  if (fromConstants.length) {
    notes.push(
      `${fromConstants.length} weight tensor${fromConstants.length === 1 ? '' : 's'} stored in Constant nodes (an old exporter's layout) ${fromConstants.length === 1 ? 'is' : 'are'} trained as parameters, named by the Constant's output (${fromConstants.slice(0, 3).join(', ')}${fromConstants.length > 3 ? ', …' : ''}); list them under training.freeze to keep them fixed.`,
    );
  }
  for (const c of candidates) if (!parameterNames.includes(c)) frozen.push(c);
  if (parameterNames.length === 0) {
    throw new InputError(
      'INPUT_INVALID',
      `The model has no trainable parameters on the way to output "${outputName}": no float initializer reaches it${opts.freeze?.length ? ` (frozen: ${opts.freeze.join(', ')})` : ''}. Unfreeze some parameters, or check that the weights are initializers (or float Constant nodes feeding Conv/Gemm/MatMul/normalisation inputs).`,
    );
  }

  const stateUpdates = diff.emitForward();
  const labelInput = em.reserve('labels');
  const loss = emitLoss(em, opts.loss, pred, labelInput);
  const lossOutput = em.reserve('loss');
  em.to(lossOutput, 'Identity', [loss.loss]);
  em.setShape(lossOutput, []);
  const grads = diff.emitBackward({ [pred]: loss.dPrediction });

  const paramDims = (name: string): number[] => (mapValue(prep.initializers, name, 'the initializer').dims ?? []).map(Number);
  // A parameter a subgraph reads by name keeps its model dims (the view would not reach it).
  const inSubgraphs = new Set(subgraphReads(em.nodes).map((r) => r.name));
  const optimizerStart = em.nodes.length;
  const opt = emitOptimizer(
    em,
    opts.optimizer,
    parameterNames.map((name) => ({
      name,
      grad: mapValue(grads, name, 'the gradient of'),
      dims: paramDims(name),
      ...(inSubgraphs.has(name) ? { modelLayout: true } : {}),
    })),
    opts,
    {
      state: (param, slot) => em.reserve(param ? `train/state/${param}/${slot}` : `train/state/${slot}`),
      newValue: (name) => em.reserve(`train/new/${name.replace(/^train\/state\//, 'state/')}`),
    },
  );

  viewStoredParameters(em, opt.storageDims, paramDims, optimizerStart);
  const storedDims = (name: string): number[] => opt.storageDims[name] ?? paramDims(name);

  const feedback: Record<string, string> = {};
  const parameterDims: Record<string, number[]> = {};
  const initialState: Record<string, TensorData> = {};
  const outputs: ValueInfoProto[] = [valueInfo(lossOutput, prep.floatType, [])];
  const stepInputs: ValueInfoProto[] = [];
  for (const p of parameterNames) {
    const out = opt.newParameters[p];
    feedback[out] = p;
    parameterDims[p] = paramDims(p);
    // Same values, in the layout the step stores the parameter in.
    initialState[p] = { ...readTensor(mapValue(prep.initializers, p, 'the initializer')), dims: storedDims(p) };
    stepInputs.push(valueInfo(p, prep.floatType, storedDims(p)));
    outputs.push(valueInfo(out, prep.floatType, storedDims(p)));
  }
  const stateInputs: string[] = [];
  for (const s of opt.state) {
    feedback[s.output] = s.input;
    initialState[s.input] = zeros(floatDType, s.dims);
    stateInputs.push(s.input);
    stepInputs.push(valueInfo(s.input, prep.floatType, s.dims));
    outputs.push(valueInfo(s.output, prep.floatType, s.dims));
  }
  // Running statistics kept in initializers (BatchNormalization) become state too.
  const runningStats = Object.keys(stateUpdates).filter((n) => prep.initializers.has(n));
  for (const name of runningStats) {
    const out = em.reserve(`train/new/${name}`);
    em.to(out, 'Identity', [stateUpdates[name]]);
    feedback[out] = name;
    initialState[name] = readTensor(mapValue(prep.initializers, name, 'the initializer'));
    stateInputs.push(name);
    stepInputs.push(valueInfo(name, prep.floatType, paramDims(name)));
    outputs.push(valueInfo(out, prep.floatType, paramDims(name)));
  }

  const asInputs = new Set([...parameterNames, ...runningStats]);
  const batchInputs: StepInput[] = prep.inputs.map((v) => ({
    name: v.name ?? '',
    elemType: v.type?.tensorType?.elemType ?? prep.floatType,
    shape: em.shapeOf(v.name ?? ''),
  }));
  const labelInfo = outputInfo(em, labelInput, loss.labelDType === 'int64' ? DataType.INT64 : prep.floatType);
  const classes = opts.loss === 'cross-entropy' ? em.shapeOf(pred)?.[1] : undefined;
  const pruned = pruneGraph(
    em.nodes,
    [...[...prep.initializers.values()].filter((t) => !asInputs.has(t.name ?? '')), ...em.initializers],
    outputs.map((o) => o.name ?? ''),
  );
  const model: ModelProto = {
    irVersion: prep.irVersion,
    producerName: 'energy-budget',
    docString: `Training step (${opts.loss} loss, ${opts.optimizer}) built by energy-budget from ${prep.graphName}.`,
    opsetImport: [{ domain: '', version: prep.opset }, ...prep.otherOpsets],
    graph: {
      name: `${prep.graphName}_training_step`,
      node: pruned.nodes,
      initializer: pruned.initializers,
      input: [...batchInputs.map((b) => outputInfo(em, b.name, b.elemType)), labelInfo, ...stepInputs],
      output: outputs,
    },
  };
  return {
    model,
    feedback,
    parameterNames,
    parameterDims,
    stateInputs,
    initialState,
    batchInputs,
    labelInput,
    label: { dtype: loss.labelDType, shape: loss.labelShape, ...(typeof classes === 'number' ? { classes } : {}) },
    lossOutput,
    // Running statistics are updated every step (state), so they are not "kept fixed".
    frozen: frozen.filter((n) => !runningStats.includes(n)),
    notes,
  };
}

/** Inputs of {@link projectTraining}. */
export interface ProjectionInput {
  /** Measured (or estimated) energy of one training step, joules. */
  joulesPerStep: number;
  batchSize: number;
  /** Samples in the training set. */
  datasetSize: number;
  epochs: number;
  /** Grid carbon intensity, gCO2e per kWh. */
  carbonIntensityGPerKWh: number;
}

/** Energy and emissions of a whole training run. */
export interface TrainingProjection {
  datasetSize: number;
  epochs: number;
  /** Steps in the run: ceil(datasetSize / batchSize) per epoch. */
  steps: number;
  joules: number;
  kWh: number;
  gCO2e: number;
}

/** 1 kWh = 3.6 MJ. */
const JOULES_PER_KWH = 3.6e6;

/**
 * Projects a full training run from the energy of one step: steps × joules per step, where a
 * last partial batch is counted as a full step (an upper bound), kWh = J / 3.6e6 and
 * gCO2e = kWh × carbon intensity.
 * @throws InputError INPUT_INVALID for non-positive sizes or a negative energy or intensity.
 */
export function projectTraining(p: ProjectionInput): TrainingProjection {
  const bad = (
    [
      ['batchSize', p.batchSize],
      ['datasetSize', p.datasetSize],
      ['epochs', p.epochs],
    ] as const
  ).filter(([, v]) => !(Number.isFinite(v) && v > 0));
  if (bad.length || !(p.joulesPerStep >= 0) || !(p.carbonIntensityGPerKWh >= 0)) {
    throw new InputError(
      'INPUT_INVALID',
      `Cannot project the training run: ${[...bad.map(([k, v]) => `${k} = ${v}`), ...(!(p.joulesPerStep >= 0) ? [`joulesPerStep = ${p.joulesPerStep}`] : []), ...(!(p.carbonIntensityGPerKWh >= 0) ? [`carbon intensity = ${p.carbonIntensityGPerKWh}`] : [])].join(', ')}; expected positive sizes and non-negative energy and intensity (e.g. dataset-size: 60000, epochs: 10).`,
    );
  }
  const steps = Math.ceil(p.datasetSize / p.batchSize) * p.epochs;
  const joules = steps * p.joulesPerStep;
  const kWh = joules / JOULES_PER_KWH;
  return { datasetSize: p.datasetSize, epochs: p.epochs, steps, joules, kWh, gCO2e: kWh * p.carbonIntensityGPerKWh };
}
