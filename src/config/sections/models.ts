/** The `models:` list and one model entry: path, name, threads, measure, and the sections under a model. */
import { resolve } from 'node:path';
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import { whyUnmeasurable } from '../measurable.js';
import { DEFAULTS, ENUMS, SECTIONS, type KeyDoc } from '../keys.js';
import type { CompareChoice, DeviceChoice, MeterChoice, MeasureChoice, ModelConfig } from '../types.js';
import { minSamplesForPercentile } from '../../util/tail.js';
import { yamlNode, type Entry, type Validator } from '../validator.js';
import { readDims, readInputs } from './inputs.js';
import { defaultInference, readInference, readTraining } from './training.js';
import { readBudget } from './budget.js';

/** The `models:` list; problems are recorded on the validator, a bad entry is left out. */
export function readModels(vd: Validator, entry: Entry, doc: KeyDoc): ModelConfig[] {
  const node = entry.value;
  if (node === null || !isSeq(node)) {
    vd.addFor(entry, doc, `expected a list of models, got ${vd.describe(node)}`);
    return [];
  }
  if (node.items.length === 0) {
    vd.addFor(entry, doc, 'the list of models is empty; add at least one');
    return [];
  }
  const models: ModelConfig[] = [];
  const seen = new Map<string, { path: string; line?: number }>();
  node.items.forEach((item, i) => {
    const path = `models[${i}]`;
    const model = readModel(vd, vd.resolveNode(item), path, yamlNode(item) ?? node);
    if (!model) return;
    const prior = model.name ? seen.get(model.name) : undefined;
    if (prior) {
      const nameNode = isMap(item) ? yamlNode(item.get('name', true)) : null;
      vd.add(
        `${path}.name`,
        nameNode ?? yamlNode(item),
        `duplicate model name \`${model.name}\`; ${prior.path}${prior.line ? ` (line ${prior.line})` : ''} has it too`,
        'a name unique in the file; reports and baselines match models by name',
        `name: ${model.name}-2`,
      );
    } else if (model.name) {
      seen.set(model.name, { path, line: model.line });
    }
    models.push(model);
  });
  return models;
}

function readModel(vd: Validator, node: YamlNode | null, path: string, at: YamlNode): ModelConfig | undefined {
  const entries = vd.mapping(node, path, at, 'model', {
    description: '',
    expected: 'a model: a mapping with at least `name` and `path`',
    example: '- { name: classifier, path: models/classifier.onnx }',
  });
  if (!entries) return undefined;
  vd.required(entries, ['name', 'path'], 'model', path, node);
  const model: ModelConfig = {
    name: '',
    pathInConfig: '',
    path: '',
    dims: {},
    inputs: {},
    threads: DEFAULTS.threads,
    device: DEFAULTS.device,
    inference: defaultInference(),
    energy: DEFAULTS.energy,
    measure: DEFAULTS.measure,
    training: null,
    advise: DEFAULTS.advise,
    compare: DEFAULTS.compare,
    adviseMaxTimeS: DEFAULTS.adviseMaxTimeS,
    budget: [],
  };
  const line = vd.pos(node).line;
  if (line !== undefined) model.line = line;
  for (const e of entries) {
    const doc = SECTIONS.model[e.key];
    switch (e.key) {
      case 'name':
        model.name = vd.text(e, doc) ?? '';
        break;
      case 'path': {
        const p = vd.text(e, doc);
        if (p !== undefined) {
          model.pathInConfig = p;
          model.path = resolve(vd.dir, p);
        }
        break;
      }
      case 'dims':
        model.dims = readDims(vd, e, doc);
        break;
      case 'inputs':
        model.inputs = readInputs(vd, e, doc);
        break;
      case 'threads':
        model.threads = vd.integer(e, doc, 1) ?? DEFAULTS.threads;
        break;
      case 'device':
        model.device =
          vd.enumeration<DeviceChoice>(e, doc, ENUMS.device, 'device', { gpu: 'cuda', nvidia: 'cuda' }) ?? DEFAULTS.device;
        break;
      case 'energy':
        model.energy = vd.enumeration<MeterChoice>(e, doc, ENUMS.energy, 'energy meter') ?? DEFAULTS.energy;
        break;
      case 'measure': {
        const m = vd.enumeration<MeasureChoice>(e, doc, ENUMS.measure, 'measurement');
        if (m) {
          model.measure = m;
          vd.measureSet.add(model);
        }
        break;
      }
      case 'inference':
        model.inference = readInference(vd, e, doc);
        break;
      case 'training':
        model.training = readTraining(vd, e, doc);
        break;
      case 'advise':
        model.advise = vd.boolean(e, doc) ?? DEFAULTS.advise;
        break;
      case 'compare':
        model.compare = vd.enumeration<CompareChoice>(e, doc, ENUMS.compare, 'comparison mode') ?? DEFAULTS.compare;
        break;
      case 'advise-max-time':
        model.adviseMaxTimeS = vd.quantity(e, 'time', doc, true) ?? DEFAULTS.adviseMaxTimeS;
        break;
      case 'budget':
        model.budget = readBudget(vd, e, doc);
        break;
    }
  }
  checkTailStatistics(vd, model);
  for (const limit of model.budget) {
    const why = whyUnmeasurable(limit.metric, model);
    if (why === undefined) continue;
    vd.issues.push({
      file: vd.file,
      path: limit.path,
      ...(limit.line !== undefined ? { line: limit.line } : {}),
      ...(limit.column !== undefined ? { column: limit.column } : {}),
      message: `${limit.kind === 'regression' ? 'this regression limit ' : ''}${why.message}`,
      expected: why.expected,
      example: why.example,
    });
  }
  return model;
}

/**
 * A tail-latency regression budget is decided by that same percentile, which needs enough calls to be
 * estimated (two beyond it: src/compare/sequential.ts minSamplesPerRound). A fixed
 * `iterations` below that would check the p99 against the maximum of a few calls: refused.
 */
function checkTailStatistics(vd: Validator, model: ModelConfig): void {
  const iterations = model.inference?.iterations;
  if (typeof iterations !== 'number') return;
  for (const b of model.budget) {
    if (b.kind !== 'regression' || (b.metric !== 'latency-p99' && b.metric !== 'latency-p95')) continue;
    const q = b.metric === 'latency-p99' ? 99 : 95;
    const needed = minSamplesForPercentile(q);
    if (iterations >= needed) continue;
    const key = `regression.${b.metric}`;
    vd.issues.push({
      file: vd.file,
      path: b.path,
      ...(b.line !== undefined ? { line: b.line, column: b.column } : {}),
      message:
        `\`${key}\` is decided by the ${q}th percentile of the latency, which needs at least ${needed} timed calls to estimate ` +
        `(two calls beyond it); \`inference.iterations\` is ${iterations}, so the figure would be the slowest of a few calls, not a p${q}`,
      expected: `\`iterations: auto\` or at least ${needed}, or a budget on a statistic ${iterations} calls estimate (\`latency-p50\` or \`latency-mean\`${q === 99 && iterations >= 40 ? ', or `latency-p95`' : ''})`,
      example: `inference: { iterations: ${needed} }`,
    });
  }
}
