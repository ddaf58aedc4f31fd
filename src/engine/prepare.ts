/** Model preparation: load, analyse, synthesise inputs, check memory, and count FLOPs with control flow. */
import type { ModelConfig } from '../config/types.js';
import { EnergyBudgetError, EnvironmentError, InputError, limitErrorOf } from '../errors.js';
import type { ModelReport } from '../report/types.js';
import { loadModel } from '../model/load.js';
import { analyzeModel } from '../model/analyze.js';
import { flopsWithControlFlow } from '../model/control-flow.js';
import { synthesizeInputs } from '../bench/inputs.js';
import { createSession } from '../bench/ort.js';
import { seedFrom } from '../util/random.js';
import { staticShapes } from '../model/shapes.js';
import {
  activationFigures,
  estimatePass,
  memoryRefusal,
  weightFigures,
  type EstimateInput,
  type MemoryPass,
} from '../model/memory.js';
import { availableMemoryReader } from '../util/available-memory.js';
import { dataBytes } from '../util/ort-tensor.js';
import { type MeasureContext, type PreparedModel, label } from './context.js';
import { oneLineReason } from '../energy/fault-tolerant.js';

/** Loads, analyses, synthesises inputs and counts FLOPs. @throws InputError for a bad model or input. */
export async function prepareModel(cfg: ModelConfig, path: string, ctx: MeasureContext): Promise<PreparedModel> {
  const modelIndex = ctx.config.models.indexOf(cfg);
  // loadModel adds the path itself: `"name" (path)`.
  const loaded = await loadModel(path, { label: cfg.name });
  const analysis = analyzeModel(loaded, { label: label(cfg) });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    modelIndex: modelIndex >= 0 ? modelIndex : undefined,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(cfg.name),
    readFile: ctx.readFile,
  });
  const weights = weightFigures(loaded.proto);
  const inputBytes = Object.values(inputs.feeds).reduce((sum, t) => sum + tensorBytes(t), 0);
  const notActivations = new Set([...weights.byName.keys(), ...Object.keys(inputs.feeds)]);
  const preflight = (pass: MemoryPass, shapes: ReadonlyMap<string, readonly number[]>) =>
    memoryPreflight(cfg, ctx, pass, {
      weights,
      inputBytes,
      activations: activationFigures(shapes, notActivations),
      ...(cfg.training && !cfg.training.stepModel
        ? { training: { optimizer: cfg.training.optimizer, freeze: cfg.training.freeze } }
        : {}),
    });
  await preflight('shapes', staticShapes(loaded.proto, inputs.shapes));
  let counted: Awaited<ReturnType<typeof flopsWithControlFlow>>;
  try {
    // The shapes, and the FLOPs with If branches, Loop and Scan bodies counted (src/model/control-flow.ts).
    counted = await flopsWithControlFlow(loaded, inputs.feeds, (bytes, o) =>
      createSession(bytes, { threads: cfg.threads, name: label(cfg), externalDataFolder: o.externalDataFolder }),
    );
  } catch (error) {
    // Sessions are created through createSession (its errors are ours); a failure of the one
    // run that finds intermediate shapes comes raw from onnxruntime and is about the model.
    if (error instanceof EnergyBudgetError) throw error;
    const limit = limitErrorOf(label(cfg), 'running the model once to find the shapes of intermediate tensors', error);
    if (limit) throw limit;
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label(cfg)}: onnxruntime failed running the model once on the synthesised inputs (to find the shapes of intermediate tensors): ${oneLineReason(error)}. ` +
        `Expected the model to run on inputs of the declared shapes; check the node named in the message, and the sizes given by dims: and inputs:.`,
      { cause: error },
    );
  }
  if (cfg.inference) await preflight('inference', counted.shapes);
  if (cfg.training && !cfg.training.stepModel) await preflight('training', counted.shapes);
  const flops = counted.flops;
  const notices = [...inputs.notices, ...counted.notices];
  if (flops.uncounted.length) {
    notices.push(`FLOPs do not include these op types (see docs/flops.md): ${flops.uncounted.join(', ')}`);
  }
  for (const c of flops.controlFlow ?? []) notices.push(`FLOPs of ${c.op} '${c.node}': counted the ${c.counted}`);
  const report: ModelReport = {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { ...analysis.size },
    flops: flops.total,
    flopsByOp: flops.byOp,
    ...(flops.uncounted.length || flops.uncountedNodes
      ? {
          flopsUncounted: {
            ops: flops.uncounted,
            nodes: flops.uncountedNodes ?? 0,
            share: flops.nodes ? (flops.uncountedNodes ?? 0) / flops.nodes : 0,
          },
        }
      : {}),
    ...(flops.controlFlow?.length ? { flopsControlFlow: flops.controlFlow } : {}),
    opset: analysis.opset,
    ops: analysis.ops,
    inputs: analysis.inputs,
    outputs: analysis.outputs,
    budgets: [],
    notices,
  };
  return { loaded, inputs, report, shapes: counted.shapes, preflight: (pass) => preflight(pass, counted.shapes) };
}

/** Bytes of an input tensor's data (0 for string tensors, whose size is not fixed). */
function tensorBytes(t: { data: unknown }): number {
  return dataBytes(t.data);
}

/**
 * Refuses a pass whose estimated memory exceeds what the machine has available (exit 3);
 * `ENERGY_BUDGET_MEMORY_CHECK=off` skips the check (when the estimate is wrong for a model).
 * @throws EnvironmentError MEMORY_INSUFFICIENT with the estimate, what is available and what to change.
 */
async function memoryPreflight(cfg: ModelConfig, ctx: MeasureContext, pass: MemoryPass, input: EstimateInput): Promise<void> {
  if (ctx.env.ENERGY_BUDGET_MEMORY_CHECK === 'off') return;
  const read = (ctx.availableMemory ??= availableMemoryReader(
    ctx.procRoot ?? ctx.env.ENERGY_BUDGET_PROC ?? '/proc',
    ctx.sysfsRoot,
  ));
  const available = await read();
  const estimate = estimatePass(pass, input);
  const refusal = memoryRefusal(label(cfg), estimate, available.bytes, available.source, {
    dims: cfg.dims,
    training: input.training,
  });
  if (refusal) {
    throw new EnvironmentError(
      `${refusal} If the estimate is wrong for this model, ENERGY_BUDGET_MEMORY_CHECK=off skips the check.`,
      { code: 'MEMORY_INSUFFICIENT' },
    );
  }
}
