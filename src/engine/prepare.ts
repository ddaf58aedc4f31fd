/** Model preparation: load, analyse, synthesise inputs, and count FLOPs with control flow. */
import type { ModelConfig } from '../config/types.js';
import { EnergyBudgetError, InputError } from '../errors.js';
import type { ModelReport } from '../report/types.js';
import { loadModel } from '../model/load.js';
import { analyzeModel } from '../model/analyze.js';
import { flopsWithControlFlow } from '../model/control-flow.js';
import { synthesizeInputs } from '../bench/inputs.js';
import { createSession } from '../bench/ort.js';
import { seedFrom } from '../util/random.js';
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
  let counted: Awaited<ReturnType<typeof flopsWithControlFlow>>;
  try {
    // The shapes, and the FLOPs with If branches, Loop and Scan bodies counted (src/model/control-flow.ts).
    counted = await flopsWithControlFlow(loaded, inputs.feeds, (bytes) =>
      createSession(bytes, { threads: cfg.threads, name: label(cfg) }),
    );
  } catch (error) {
    // Sessions are created through createSession (its errors are ours); a failure of the one
    // run that finds intermediate shapes comes raw from onnxruntime and is about the model.
    if (error instanceof EnergyBudgetError) throw error;
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label(cfg)}: onnxruntime failed running the model once on the synthesised inputs (to find the shapes of intermediate tensors): ${oneLineReason(error)}. ` +
        `Expected the model to run on inputs of the declared shapes; check the node named in the message, and the sizes given by dims: and inputs:.`,
      { cause: error },
    );
  }
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
  return { loaded, inputs, report, shapes: counted.shapes };
}
