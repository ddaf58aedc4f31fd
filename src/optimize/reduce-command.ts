/**
 * `energy-budget optimize MODEL --prune-structured 0.3 [--fine-tune 300] | --distill-width 0.5
 * [--data inputs.npy] --out FILE`: writes a structurally pruned (optionally fine-tuned) model or
 * a distilled student, after checking that onnxruntime loads it and the product's analysis
 * reads it, and prints what was removed, the fine-tuning cost and the fidelity on held-out inputs.
 */
import { relative, resolve } from 'node:path';
import { synthesizeInputs } from '../bench/inputs.js';
import { parseNpy } from '../bench/npy.js';
import { formatQuantity } from '../config/units.js';
import { EnergyBudgetError, EnvironmentError, ExitCode, InputError, messageOf } from '../errors.js';
import { analyzeModel } from '../model/analyze.js';
import type { LoadedModel } from '../model/load.js';
import { decodeModel, encodeModel } from '../model/onnx.js';
import { DEFAULT_FINE_TUNE_STEPS, formatPercent, percentChange, reduceLabel } from './advisor.js';
import type { OptimizeArgs, OptimizeIo } from './command-types.js';
import { measureFidelity } from './fidelity.js';
import { buildReduced, DEFAULT_CONV_CHANNEL_MULTIPLE, feedsBytes, npyBatches, trainBatchCount } from './reduce.js';
import { ortSessionFactory, type Feeds } from './session.js';

/** Seeds of the synthetic training batches: far from the held-out ones (1000 + k). */
const TRAIN_SEED = 50_000;

const fmt = (x: number): string => (Number.isFinite(x) ? x.toPrecision(3) : String(x));

/**
 * Builds, checks and writes a reducing variant; returns the exit code.
 * @throws InputError (exit 2) for bad data or a model nothing can be pruned in; EnvironmentError
 *   (exit 3) when onnxruntime or the analysis cannot read the result (nothing is written).
 */
export async function runReduceCommand(
  args: OptimizeArgs,
  loaded: LoadedModel,
  outPath: string,
  io: OptimizeIo,
): Promise<number> {
  const distill = args.variant === 'distill';
  const r = args.reduce;
  const ratio = distill ? 1 - (r.distillWidth ?? 0.5) : (r.pruneRatio ?? 0.3);
  const steps = r.steps ?? (distill ? DEFAULT_FINE_TUNE_STEPS : 0);
  const loss = r.loss ?? (distill ? 'kl' : 'mse');
  if (distill && ratio === 0 && steps === 0)
    throw new InputError('ARGUMENT_INVALID', '--distill-width 1 with --fine-tune 0 changes nothing.');
  const analysis = analyzeModel(loaded, { label: args.model });
  const dims = { ...args.dims };
  const first = analysis.inputs[0]?.shape?.[0];
  if (typeof first === 'string' && dims[first] === undefined) dims[first] = 16;
  const synth = async (seed: number): Promise<Feeds> =>
    (await synthesizeInputs(analysis.inputs, { modelName: args.model, dims, specs: {}, seed, readFile: io.readFile })).feeds;

  let train: Feeds[] = [];
  let heldOut: Feeds[] = [];
  let trainSource: string;
  let heldSource: string;
  if (r.data) {
    const input = analysis.inputs[0];
    if (analysis.inputs.length !== 1 || !input?.shape)
      throw new InputError(
        'INPUT_INVALID',
        `--data ${r.data}: a .npy file gives one input, and ${args.model} has ${analysis.inputs.length} input(s)${input?.shape ? '' : ' without a declared shape'}; use the synthetic inputs (leave out --data).`,
      );
    const sample = input.shape.slice(1).map((d) => (typeof d === 'number' ? d : dims[d ?? '']));
    if (sample.some((d) => typeof d !== 'number'))
      throw new InputError(
        'INPUT_INVALID',
        `--data ${r.data}: give the sizes of ${args.model}'s symbolic dims with --dims (e.g. --dims T=128).`,
      );
    const lead = input.shape[0];
    const batch = typeof lead === 'number' ? lead : (dims[lead ?? ''] ?? 16);
    const array = parseNpy(await io.readFile(resolve(io.cwd, r.data)), r.data);
    ({ train, heldOut } = npyBatches(array, { name: input.name, sampleDims: sample }, batch, r.data));
    trainSource = `${train.length} batch(es) of ${batch} rows from ${r.data}`;
    heldSource = `the last ${heldOut.length} batch(es) of ${r.data}, not trained on`;
  } else {
    const firstBatch = await synth(TRAIN_SEED);
    const count = r.trainBatches ?? trainBatchCount(steps, feedsBytes(firstBatch));
    train.push(firstBatch);
    for (let k = 1; k < count; k++) train.push(await synth(TRAIN_SEED + k));
    for (let k = 0; k < args.batches; k++) heldOut.push(await synth(1000 + k));
    trainSource = `${train.length} seeded synthetic input batch(es)`;
    heldSource = `${heldOut.length} other seeded synthetic batch(es), not trained on`;
  }

  const reduced = await buildReduced(loaded.proto, {
    ratio,
    steps,
    loss,
    ...(r.temperature !== undefined ? { temperature: r.temperature } : {}),
    ...(r.convChannelMultiple !== undefined ? { convChannelMultiple: r.convChannelMultiple } : {}),
    train,
  });
  const label = reduceLabel(distill ? 'distill' : 'prune-structured', {
    ...(distill ? { distillWidth: 1 - ratio } : { pruneRatio: ratio }),
    steps,
  });
  const bytes = encodeModel(reduced.model);
  let fidelity;
  try {
    fidelity = await measureFidelity(loaded.bytes, bytes, heldOut, io.createSession ?? ortSessionFactory);
    // The product's own analysis must read what it writes.
    analyzeModel(
      { ...loaded, bytes, proto: decodeModel(bytes), fileBytes: bytes.length, externalFiles: [] },
      { label: args.out },
    );
  } catch (error) {
    if (error instanceof EnergyBudgetError && !(error instanceof InputError)) throw error;
    throw new EnvironmentError(
      `The ${label} variant of ${args.model} was built but could not be run or analysed: ${messageOf(error)}. Nothing was written.`,
      { cause: error },
    );
  }
  await io.writeFile(outPath, bytes);

  const p = reduced.prune;
  const lines = [
    `Wrote ${args.out}: ${label} of ${args.model}`,
    `  size        ${formatQuantity(loaded.bytes.length, 'bytes')} → ${formatQuantity(bytes.length, 'bytes')}  ${formatPercent(percentChange(loaded.bytes.length, bytes.length))}`,
    `  parameters  ${p.parametersBefore.toLocaleString('en-US')} → ${p.parametersAfter.toLocaleString('en-US')}  ${formatPercent(percentChange(p.parametersBefore, p.parametersAfter))}`,
    `  channels    ranked by ${reduced.importance === 'activation' ? 'mean |activation| on the training inputs' : 'weight L2 norm'} × the next layer's weights on them; Conv layers keep a multiple of ${r.convChannelMultiple ?? DEFAULT_CONV_CHANNEL_MULTIPLE}:`,
  ];
  for (const g of p.groups) {
    lines.push(
      `    ${g.layers.join(' + ')}: ${g.kept} of ${g.channels} kept${g.lockedBecause ? ` (all kept: ${g.lockedBecause})` : ''}`,
    );
  }
  const ft = reduced.fineTune;
  if (ft) {
    lines.push(
      `  fine-tuned  ${ft.steps} steps in ${fmt(ft.durationS)} s on ${trainSource}; ${ft.lossDescription}: ${fmt(ft.lossFirst)} → ${fmt(ft.lossLast)}`,
    );
  } else {
    lines.push('  fine-tuned  no (add --fine-tune 300 to recover the outputs)');
  }
  lines.push(
    `  fidelity on ${heldSource}: max abs error ${fmt(fidelity.maxAbsError)}, max rel error ${fmt(fidelity.maxRelError)}`,
  );
  for (const o of fidelity.outputs) {
    const agree =
      o.top1Agreement === null
        ? 'not a classifier output'
        : `top-1 agreement ${(o.top1Agreement * 100).toFixed(1)}% of ${o.rows} rows (${o.agreementKind})`;
    lines.push(`    ${o.name}: max abs error ${fmt(o.maxAbsError)}, ${agree}`);
  }
  lines.push(
    `  measure it: point a budget-file entry at ${relative(io.cwd, outPath) || args.out} and run energy-budget run (latency and energy are measured there, not here)`,
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.OK;
}
