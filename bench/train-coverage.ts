/**
 * Which models train: for each ONNX file given (input x of [4, 3, 64, 64], e.g. torchvision
 * exports made by bench/export_torchvision.py), learn the intermediate shapes by one run (as
 * `energy-budget run` does), build the training step (cross-entropy, SGD, lr 0.01), run 4 steps
 * on a fixed batch and print the losses, or the builder's message when it refuses the model.
 *
 * Run:  /usr/bin/python3 bench/export_torchvision.py /tmp/tv && \
 *       node scripts/run-ts.mjs bench/train-coverage.ts /tmp/tv/*.onnx
 */
import * as ort from 'onnxruntime-node';
import { loadModel } from '../src/model/load.js';
import { resolveShapes } from '../src/model/shapes.js';
import { encodeModel } from '../src/model/onnx.js';
import { buildTrainingStep, synthesizeLabels } from '../src/train/index.js';
import { toOrtTensor } from '../src/train/runner.js';

for (const file of process.argv.slice(2)) {
  try {
    const loaded = await loadModel(file);
    const dims = [4, 3, 64, 64];
    const x = new ort.Tensor(
      'float32',
      Float32Array.from({ length: 4 * 3 * 64 * 64 }, (_, i) => ((i * 7919) % 1000) / 500 - 1),
      dims,
    );
    const shapes = await resolveShapes(loaded, { x });
    const step = buildTrainingStep(loaded.proto, {
      loss: 'cross-entropy',
      optimizer: 'sgd',
      learningRate: 0.01,
      batchShapes: { x: dims },
      knownShapes: shapes,
    });
    const session = await ort.InferenceSession.create(encodeModel(step.model), { intraOpNumThreads: 1 });
    let state: Record<string, ort.Tensor> = {};
    for (const [n, d] of Object.entries(step.initialState)) state[n] = toOrtTensor(d);
    const labels = toOrtTensor(synthesizeLabels('cross-entropy', step.label.dtype, step.label.shape, 7, step.label.classes));
    const losses: number[] = [];
    for (let k = 0; k < 4; k++) {
      const r = await session.run({ x, [step.labelInput]: labels, ...state });
      losses.push(Number((r[step.lossOutput] as ort.Tensor).data[0]));
      const next: Record<string, ort.Tensor> = {};
      for (const [o, i] of Object.entries(step.feedback)) next[i] = r[o] as ort.Tensor;
      state = next;
    }
    await session.release();
    console.log(
      `${file}: trains — ${step.parameterNames.length} parameter tensors, ${step.model.graph?.node?.length} nodes, losses ${losses.map((l) => l.toFixed(4)).join(' → ')}`,
    );
  } catch (e) {
    console.log(`${file}: refused — ${(e as Error).message.split('\n').slice(0, 4).join(' | ')}`);
  }
}
