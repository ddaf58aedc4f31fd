/** A model's `inference:` and `training:` sections. */
import { resolve } from 'node:path';
import { isScalar, isSeq } from 'yaml';
import { DEFAULTS, ENUMS, SECTIONS, type KeyDoc } from '../keys.js';
import type { InferenceConfig, LossName, OptimizerName, TrainingConfig } from '../types.js';
import { yamlNode, type Entry, type Validator } from '../validator.js';

/** A model's `inference:` section (null when written empty). */
export function readInference(vd: Validator, entry: Entry, doc: KeyDoc): InferenceConfig | null {
  const inference = defaultInference();
  const v = vd.scalarValue(entry);
  if (typeof v === 'boolean') return v ? inference : null;
  for (const e of vd.mapping(entry.value, entry.path, entry.at, 'inference', doc) ?? []) {
    const d = SECTIONS.inference[e.key];
    switch (e.key) {
      case 'iterations': {
        const it = vd.scalarValue(e);
        if (it === 'auto') inference.iterations = 'auto';
        else if (typeof it === 'number') inference.iterations = vd.integer(e, d, 1) ?? 'auto';
        else vd.addFor(e, d, `expected \`auto\` or a positive whole number, got ${vd.describe(e.value)}`);
        break;
      }
      case 'warmup':
        inference.warmup = vd.integer(e, d, 0) ?? DEFAULTS.inferenceWarmup;
        break;
      case 'max-time':
        inference.maxTimeS = vd.quantity(e, 'time', d, true) ?? DEFAULTS.maxTimeS;
        break;
      case 'target-ci': {
        const q = vd.quantity(e, 'percent', d, true);
        if (q !== undefined && q >= 1) vd.addFor(e, d, `must be under 100%, got ${String(vd.scalarValue(e))}`);
        else if (q !== undefined) inference.targetRelativeCi = q;
        break;
      }
    }
  }
  return inference;
}

/** A model's `training:` section (null when written empty). */
export function readTraining(vd: Validator, entry: Entry, doc: KeyDoc): TrainingConfig | null {
  const entries = vd.mapping(entry.value, entry.path, entry.at, 'training', doc);
  if (!entries) return null;
  const t: TrainingConfig = {
    loss: 'mse',
    optimizer: DEFAULTS.optimizer,
    learningRate: DEFAULTS.learningRate,
    steps: DEFAULTS.steps,
    warmup: DEFAULTS.trainingWarmup,
  };
  const has = (k: string): Entry | undefined => entries.find((e) => e.key === k);
  if (!has('step-model') && !has('loss')) {
    const d = SECTIONS.training.loss;
    vd.add(entry.path, entry.value, 'missing required key `loss` (needed unless `step-model` is given)', d.expected, d.example);
  }
  const setOptional = <K extends keyof TrainingConfig>(key: K, value: TrainingConfig[K] | undefined): void => {
    if (value !== undefined) t[key] = value;
  };
  for (const e of entries) {
    const d = SECTIONS.training[e.key];
    switch (e.key) {
      case 'loss':
        t.loss = vd.enumeration<LossName>(e, d, ENUMS.loss, 'loss') ?? t.loss;
        break;
      case 'optimizer':
        t.optimizer = vd.enumeration<OptimizerName>(e, d, ENUMS.optimizer, 'optimizer') ?? t.optimizer;
        break;
      case 'learning-rate':
        t.learningRate = vd.number(e, d, 'positive') ?? t.learningRate;
        break;
      case 'steps':
        t.steps = vd.integer(e, d, 1) ?? t.steps;
        break;
      case 'warmup':
        t.warmup = vd.integer(e, d, 0) ?? t.warmup;
        break;
      case 'momentum':
      case 'beta1':
      case 'beta2':
      case 'rho':
        setOptional(e.key, vd.number(e, d, 'unit'));
        break;
      case 'epsilon':
        setOptional('epsilon', vd.number(e, d, 'positive'));
        break;
      case 'epochs':
        setOptional('epochs', vd.number(e, d, 'positive'));
        break;
      case 'dataset-size': {
        const n = vd.quantity(e, 'count', d, true);
        if (n !== undefined && !Number.isInteger(n)) vd.addFor(e, d, `must be a whole number of samples, got ${n}`);
        else setOptional('datasetSize', n);
        break;
      }
      case 'freeze': {
        const list = e.value && isSeq(e.value) ? e.value.items : null;
        if (!list) {
          vd.addFor(e, d, 'must be a list');
          break;
        }
        const names: string[] = [];
        list.forEach((item, i) => {
          const v = isScalar(item) ? item.value : undefined;
          if (typeof v === 'string' && v.length > 0) names.push(v);
          else
            vd.add(
              `${e.path}[${i}]`,
              yamlNode(item),
              'must be an initializer name or a prefix ending in `*`',
              d.expected,
              d.example,
            );
        });
        t.freeze = names;
        break;
      }
      case 'steps-per-call':
        setOptional('stepsPerCall', vd.integer(e, d, 1));
        break;
      case 'step-model': {
        const p = vd.text(e, d);
        if (p !== undefined) t.stepModel = resolve(vd.dir, p);
        break;
      }
      case 'feedback': {
        const map: Record<string, string> = {};
        for (const f of vd.mapping(e.value, e.path, e.at, null, d) ?? []) {
          const target = vd.text(f, { ...d, example: `feedback: { ${f.key}: <input name> }` });
          if (target !== undefined) map[f.key] = target;
        }
        t.feedback = map;
        if (!has('step-model')) {
          vd.add(
            e.path,
            e.keyNode,
            '`feedback` only applies with `step-model`',
            '`feedback` together with `step-model` (a bring-your-own training step)',
            SECTIONS.training['step-model']?.example,
          );
        }
        break;
      }
    }
  }
  if (t.datasetSize !== undefined && t.epochs === undefined) t.epochs = 1;
  const k = t.stepsPerCall;
  if (k !== undefined && t.steps % k !== 0) {
    // stepsPerCall is set only from a `steps-per-call` entry, so the entry is there.
    const e = has('steps-per-call');
    if (e)
      vd.addFor(
        e,
        SECTIONS.training['steps-per-call'],
        `must divide steps (${t.steps}), so that every timed call runs whole steps`,
      );
  }
  return t;
}

/** The inference settings a model gets without an `inference:` section. */
export function defaultInference(): InferenceConfig {
  return {
    iterations: DEFAULTS.iterations,
    warmup: DEFAULTS.inferenceWarmup,
    maxTimeS: DEFAULTS.maxTimeS,
    targetRelativeCi: DEFAULTS.targetRelativeCi,
  };
}
