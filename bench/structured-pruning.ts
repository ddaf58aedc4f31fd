/**
 * Structured pruning, fine-tuning and distillation on the example classifier and CNN (issue 15's
 * acceptance figures): for each variant, the fidelity on held-out seeded inputs (never the
 * training ones) and the fine-tuning cost. Latency: see --compare.
 *
 * Run:  node scripts/run-ts.mjs bench/structured-pruning.ts [--steps 300] [--train-batches 16]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { loadModel } from '../src/model/load.js';
import { encodeModel } from '../src/model/onnx.js';
import { measureFidelity } from '../src/optimize/fidelity.js';
import { buildReduced } from '../src/optimize/reduce.js';
import { ortSessionFactory, type Feeds } from '../src/optimize/session.js';
import { createRng } from '../src/util/random.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.basename(path.dirname(here)) === 'build' ? path.resolve(here, '../..') : path.resolve(here, '..');
const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '300' },
    'train-batches': { type: 'string', default: '16' },
    'held-out': { type: 'string', default: '8' },
    only: { type: 'string' },
  },
});

const models = [
  { name: 'classifier', file: 'classifier.onnx', shape: [32, 784] },
  { name: 'cnn', file: 'cnn.onnx', shape: [8, 1, 28, 28] },
];
const batches = (seed: number, count: number, shape: number[]): Feeds[] =>
  Array.from({ length: count }, (_, k) => {
    const rng = createRng(seed + k);
    const n = shape.reduce((a, b) => a * b, 1);
    return {
      x: new ort.Tensor(
        'float32',
        Float32Array.from({ length: n }, () => rng.normal()),
        shape,
      ),
    };
  });
for (const m of models) {
  if (values.only && values.only !== m.name) continue;
  const loaded = await loadModel(path.join(repo, 'examples/models', m.file));
  const train = batches(1000, Number(values['train-batches']), m.shape);
  const heldOut = batches(9000, Number(values['held-out']), m.shape);
  for (const v of [
    { label: 'pruned 30%', ratio: 0.3, steps: 0 },
    { label: 'pruned 30% + fine-tune', ratio: 0.3, steps: Number(values.steps) },
    { label: 'pruned 50% + fine-tune', ratio: 0.5, steps: Number(values.steps) },
    { label: 'student width 0.5 (KL)', ratio: 0.5, steps: Number(values.steps), loss: 'kl' as const },
  ]) {
    const r = await buildReduced(loaded.proto, { ratio: v.ratio, steps: v.steps, train, ...(v.loss ? { loss: v.loss } : {}) });
    const f = await measureFidelity(loaded.bytes, encodeModel(r.model), heldOut, ortSessionFactory);
    const ft = r.fineTune;
    console.log(
      `${m.name} ${v.label}: params ${r.prune.parametersBefore} → ${r.prune.parametersAfter}, top-1 ${f.top1Agreement === null ? 'n/a' : (f.top1Agreement * 100).toFixed(1)}%, max abs ${f.maxAbsError.toPrecision(3)}` +
        (ft
          ? `; ${ft.steps} steps ${ft.stepsS.toFixed(1)} s, loss ${ft.lossFirst.toPrecision(3)} → ${ft.lossLast.toPrecision(3)} (${ft.lossDescription})`
          : ''),
    );
  }
}
