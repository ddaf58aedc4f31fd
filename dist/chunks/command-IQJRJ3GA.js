import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  DEFAULT_CONV_CHANNEL_MULTIPLE,
  DEFAULT_FINE_TUNE_STEPS,
  analyzeModel,
  buildReduced,
  buildVariant,
  decodeModel,
  encodeModel,
  feedsBytes,
  formatPercent,
  gzipSize,
  loadModel,
  measureFidelity,
  npyBatches,
  ortSessionFactory,
  parseNpy,
  percentChange,
  reduceLabel,
  synthesizeInputs,
  trainBatchCount
} from "./chunk-NECSJKXB.js";
import {
  formatQuantity
} from "./chunk-FN6VXYG4.js";
import "./chunk-QP55FGLM.js";
import "./chunk-4WH33R5J.js";
import "./chunk-5RXNPUPO.js";
import {
  EnvironmentError,
  ExitCode,
  InputError,
  exitCodeOf,
  isUserFacing,
  messageOf
} from "./chunk-TKWDDEDX.js";
import "./chunk-DSY7S6TO.js";

// src/optimize/command.ts
import { resolve as resolve2 } from "node:path";

// src/optimize/reduce-command.ts
import { relative, resolve } from "node:path";
var TRAIN_SEED = 5e4;
var fmt = (x) => Number.isFinite(x) ? x.toPrecision(3) : String(x);
async function runReduceCommand(args, loaded, outPath, io) {
  const distill = args.variant === "distill";
  const r = args.reduce;
  const ratio = distill ? 1 - (r.distillWidth ?? 0.5) : r.pruneRatio ?? 0.3;
  const steps = r.steps ?? (distill ? DEFAULT_FINE_TUNE_STEPS : 0);
  const loss = r.loss ?? (distill ? "kl" : "mse");
  if (distill && ratio === 0 && steps === 0)
    throw new InputError("ARGUMENT_INVALID", "--distill-width 1 with --fine-tune 0 changes nothing.");
  const analysis = analyzeModel(loaded, { label: args.model });
  const dims = { ...args.dims };
  const first = analysis.inputs[0]?.shape?.[0];
  if (typeof first === "string" && dims[first] === void 0) dims[first] = 16;
  const synth = async (seed) => (await synthesizeInputs(analysis.inputs, { modelName: args.model, dims, specs: {}, seed, readFile: io.readFile })).feeds;
  let train = [];
  let heldOut = [];
  let trainSource;
  let heldSource;
  if (r.data) {
    const input = analysis.inputs[0];
    if (analysis.inputs.length !== 1 || !input?.shape)
      throw new InputError(
        "INPUT_INVALID",
        `--data ${r.data}: a .npy file gives one input, and ${args.model} has ${analysis.inputs.length} input(s)${input?.shape ? "" : " without a declared shape"}; use the synthetic inputs (leave out --data).`
      );
    const sample = input.shape.slice(1).map((d) => typeof d === "number" ? d : dims[d ?? ""]);
    if (sample.some((d) => typeof d !== "number"))
      throw new InputError(
        "INPUT_INVALID",
        `--data ${r.data}: give the sizes of ${args.model}'s symbolic dims with --dims (e.g. --dims T=128).`
      );
    const lead = input.shape[0];
    const batch = typeof lead === "number" ? lead : dims[lead ?? ""] ?? 16;
    const array = parseNpy(await io.readFile(resolve(io.cwd, r.data)), r.data);
    ({ train, heldOut } = npyBatches(array, { name: input.name, sampleDims: sample }, batch, r.data));
    trainSource = `${train.length} batch(es) of ${batch} rows from ${r.data}`;
    heldSource = `the last ${heldOut.length} batch(es) of ${r.data}, not trained on`;
  } else {
    const firstBatch = await synth(TRAIN_SEED);
    const count = r.trainBatches ?? trainBatchCount(steps, feedsBytes(firstBatch));
    train.push(firstBatch);
    for (let k = 1; k < count; k++) train.push(await synth(TRAIN_SEED + k));
    for (let k = 0; k < args.batches; k++) heldOut.push(await synth(1e3 + k));
    trainSource = `${train.length} seeded synthetic input batch(es)`;
    heldSource = `${heldOut.length} other seeded synthetic batch(es), not trained on`;
  }
  const reduced = await buildReduced(loaded.proto, {
    ratio,
    steps,
    loss,
    ...r.temperature !== void 0 ? { temperature: r.temperature } : {},
    ...r.convChannelMultiple !== void 0 ? { convChannelMultiple: r.convChannelMultiple } : {},
    train
  });
  const label = reduceLabel(distill ? "distill" : "prune-structured", {
    ...distill ? { distillWidth: 1 - ratio } : { pruneRatio: ratio },
    steps
  });
  const bytes2 = encodeModel(reduced.model);
  let fidelity;
  try {
    fidelity = await measureFidelity(loaded.bytes, bytes2, heldOut, io.createSession ?? ortSessionFactory);
    analyzeModel(
      { ...loaded, bytes: bytes2, proto: decodeModel(bytes2), fileBytes: bytes2.length, externalFiles: [] },
      { label: args.out }
    );
  } catch (error) {
    if (isUserFacing(error) && !(error instanceof InputError)) throw error;
    throw new EnvironmentError(
      `The ${label} variant of ${args.model} was built but could not be run or analysed: ${messageOf(error)}. Nothing was written.`,
      { cause: error }
    );
  }
  await io.writeFile(outPath, bytes2);
  const p = reduced.prune;
  const lines = [
    `Wrote ${args.out}: ${label} of ${args.model}`,
    `  size        ${formatQuantity(loaded.bytes.length, "bytes")} \u2192 ${formatQuantity(bytes2.length, "bytes")}  ${formatPercent(percentChange(loaded.bytes.length, bytes2.length))}`,
    `  parameters  ${p.parametersBefore.toLocaleString("en-US")} \u2192 ${p.parametersAfter.toLocaleString("en-US")}  ${formatPercent(percentChange(p.parametersBefore, p.parametersAfter))}`,
    `  channels    ranked by ${reduced.importance === "activation" ? "mean |activation| on the training inputs" : "weight L2 norm"} \xD7 the next layer's weights on them; Conv layers keep a multiple of ${r.convChannelMultiple ?? DEFAULT_CONV_CHANNEL_MULTIPLE}:`
  ];
  for (const g of p.groups) {
    lines.push(
      `    ${g.layers.join(" + ")}: ${g.kept} of ${g.channels} kept${g.lockedBecause ? ` (all kept: ${g.lockedBecause})` : ""}`
    );
  }
  const ft = reduced.fineTune;
  if (ft) {
    lines.push(
      `  fine-tuned  ${ft.steps} steps in ${fmt(ft.durationS)} s on ${trainSource}; ${ft.lossDescription}: ${fmt(ft.lossFirst)} \u2192 ${fmt(ft.lossLast)}`
    );
  } else {
    lines.push("  fine-tuned  no (add --fine-tune 300 to recover the outputs)");
  }
  lines.push(
    `  fidelity on ${heldSource}: max abs error ${fmt(fidelity.maxAbsError)}, max rel error ${fmt(fidelity.maxRelError)}`
  );
  for (const o of fidelity.outputs) {
    const agree = o.top1Agreement === null ? "not a classifier output" : `top-1 agreement ${(o.top1Agreement * 100).toFixed(1)}% of ${o.rows} rows (${o.agreementKind})`;
    lines.push(`    ${o.name}: max abs error ${fmt(o.maxAbsError)}, ${agree}`);
  }
  lines.push(
    `  measure it: point a budget-file entry at ${relative(io.cwd, outPath) || args.out} and run energy-budget run (latency and energy are measured there, not here)`
  );
  io.stdout.write(`${lines.join("\n")}
`);
  return ExitCode.OK;
}

// src/optimize/command.ts
var OPTIMIZE_USAGE = `Usage: energy-budget optimize MODEL (--int8 | --int8-dynamic | --fp16 | --prune FRACTION
                              | --prune-structured FRACTION | --distill-width WIDTH) --out FILE [options]

Writes one variant of MODEL to FILE and prints its size and output fidelity against the original.

Variants (exactly one):
  --int8               int8 weights, per output channel, with DequantizeLinear (opset >= 13)
  --int8-dynamic       int8 weights and activations quantised at run time (MatMulInteger/ConvInteger)
  --fp16               float16 weights, cast back to float32 for the arithmetic
  --prune FRACTION     set that share (0 <= FRACTION < 1) of the smallest Conv/Gemm/MatMul weights to zero
  --prune-structured FRACTION
                       remove that share of the output channels of every prunable Conv/Gemm/MatMul
                       (and what depends on them): a smaller dense model
  --distill-width WIDTH
                       a student with its hidden widths scaled by WIDTH (0 < WIDTH <= 1), initialised
                       from the pruned original and trained to imitate it (300 steps unless --fine-tune)

Options:
  --out FILE           where to write the variant (required; must differ from MODEL)
  --prune-scope SCOPE  per-tensor (default) or global
  --dims NAME=SIZE,... sizes of symbolic dimensions for the fidelity inputs (default: a symbolic
                       batch dimension of the first input is 16, any other is 1)
  --batches N          input batches compared for fidelity (default 4)

Structured pruning and distillation:
  --fine-tune STEPS    recovery fine-tuning steps to imitate the original (default 0 for
                       --prune-structured, 300 for --distill-width)
  --loss mse|kl        mse on the outputs (logits before a final Sigmoid/Softmax), or KL on softened
                       logits (default mse for --prune-structured, kl for --distill-width)
  --temperature T      temperature of --loss kl (default 2)
  --data FILE.npy      training inputs ([rows, ...] float32 for the first input); the last quarter
                       of the rows is held out for the fidelity (default: seeded synthetic inputs)
  --train-batches N    synthetic training batches when there is no --data (default: one fresh
                       batch per step, within 256 MiB of inputs)
  --channel-multiple M Conv layers keep a multiple of M channels (default 8, onnxruntime's CPU
                       block size; 1 to keep exactly the share asked for)`;
var VARIANT_FLAGS = {
  "--int8": "int8-weights",
  "--int8-weights": "int8-weights",
  "--int8-dynamic": "int8-dynamic",
  "--fp16": "fp16",
  "--prune": "prune",
  "--prune-structured": "prune-structured",
  "--distill-width": "distill"
};
function argError(message) {
  return new InputError("ARGUMENT_INVALID", `${message} Run 'energy-budget optimize --help' for the usage.`);
}
function parseOptimizeArgs(argv) {
  const positional = [];
  const variants = [];
  let out;
  let sparsity;
  let scope;
  const dims = {};
  let batches = 4;
  const reduce = {};
  const reduceFlags = [];
  const count = (flag, text, lo, hi) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < lo || n > hi) throw argError(`${flag} ${text}: expected a whole number from ${lo} to ${hi}.`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : void 0;
    const value = (what) => {
      if (inline !== void 0) return inline;
      const next = argv[i + 1];
      if (next === void 0 || next.startsWith("--")) throw argError(`${flag} needs a value: ${what}.`);
      i++;
      return next;
    };
    if (!flag.startsWith("--") || flag === "--") {
      positional.push(raw);
      continue;
    }
    if (flag in VARIANT_FLAGS) {
      variants.push([flag, VARIANT_FLAGS[flag]]);
      if (flag === "--prune") {
        const text = value("the share of weights to zero, such as 0.5");
        sparsity = Number(text);
        if (text.trim() === "" || !(sparsity >= 0 && sparsity < 1)) {
          throw argError(
            `--prune ${text}: expected a fraction from 0 up to (not including) 1, such as --prune 0.5 for 50% of the weights.`
          );
        }
      } else if (flag === "--prune-structured") {
        const text = value("the share of channels to remove, such as 0.3");
        const r = Number(text);
        if (text.trim() === "" || !(r > 0 && r < 1))
          throw argError(
            `--prune-structured ${text}: expected a fraction above 0 and below 1, such as --prune-structured 0.3 for 30% of the channels.`
          );
        reduce.pruneRatio = r;
      } else if (flag === "--distill-width") {
        const text = value("the student width as a share of the original, such as 0.5");
        const w = Number(text);
        if (text.trim() === "" || !(w > 0 && w <= 1))
          throw argError(
            `--distill-width ${text}: expected a width above 0 and at most 1, such as --distill-width 0.5 for half the hidden widths.`
          );
        reduce.distillWidth = w;
      } else if (inline !== void 0) {
        throw argError(`${flag} takes no value (got ${raw}).`);
      }
      continue;
    }
    switch (flag) {
      case "--out":
        out = value("the file to write the variant to, such as --out model.int8.onnx");
        break;
      case "--prune-scope": {
        const s = value("per-tensor or global");
        if (s !== "per-tensor" && s !== "global") throw argError(`--prune-scope ${s}: expected per-tensor or global.`);
        scope = s;
        break;
      }
      case "--dims":
        for (const part of value("NAME=SIZE pairs such as N=32,T=128").split(",")) {
          const m = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(part);
          if (!m || Number(m[2]) < 1)
            throw argError(`--dims: "${part}" is not NAME=SIZE with a positive size, e.g. --dims N=32.`);
          dims[m[1]] = Number(m[2]);
        }
        break;
      case "--batches": {
        const text = value("a number of input batches, such as 4");
        batches = Number(text);
        if (!Number.isInteger(batches) || batches < 1 || batches > 1e3)
          throw argError(`--batches ${text}: expected a whole number from 1 to 1000.`);
        break;
      }
      case "--fine-tune":
        reduce.steps = count(flag, value("a number of steps, such as 300"), 0, 1e5);
        reduceFlags.push(flag);
        break;
      case "--channel-multiple":
        reduce.convChannelMultiple = count(flag, value("a channel multiple, such as 8 (or 1 for none)"), 1, 1024);
        reduceFlags.push(flag);
        break;
      case "--train-batches":
        reduce.trainBatches = count(flag, value("a number of input batches, such as 64"), 1, 1e4);
        reduceFlags.push(flag);
        break;
      case "--loss": {
        const l = value("mse or kl");
        if (l !== "mse" && l !== "kl") throw argError(`--loss ${l}: expected mse or kl.`);
        reduce.loss = l;
        reduceFlags.push(flag);
        break;
      }
      case "--temperature": {
        const text = value("a softening temperature, such as 2");
        const t = Number(text);
        if (text.trim() === "" || !(t > 0 && t <= 100))
          throw argError(`--temperature ${text}: expected a number above 0 and at most 100.`);
        reduce.temperature = t;
        reduceFlags.push(flag);
        break;
      }
      case "--data":
        reduce.data = value("a .npy file of training inputs, such as --data inputs.npy");
        reduceFlags.push(flag);
        break;
      default:
        throw argError(
          `Unknown option ${flag}. Expected one of --int8, --int8-dynamic, --fp16, --prune, --prune-structured, --distill-width, --out, --prune-scope, --dims, --batches, --fine-tune, --loss, --temperature, --data, --train-batches, --channel-multiple.`
        );
    }
  }
  if (positional.length === 0)
    throw argError(
      "Missing MODEL: give the .onnx file to optimise, e.g. energy-budget optimize model.onnx --int8 --out model.int8.onnx."
    );
  if (positional.length > 1) throw argError(`Expected one MODEL, got ${positional.length}: ${positional.join(", ")}.`);
  if (variants.length === 0)
    throw argError("Missing the variant: give exactly one of --int8, --int8-dynamic, --fp16 or --prune FRACTION.");
  if (variants.length > 1)
    throw argError(
      `Give exactly one variant; got ${variants.map(([f]) => f).join(" and ")}. Write each variant with its own command.`
    );
  if (out === void 0) throw argError("Missing --out FILE: where to write the variant, e.g. --out model.int8.onnx.");
  if (scope !== void 0 && variants[0][1] !== "prune") throw argError("--prune-scope only applies to --prune.");
  const reducing = variants[0][1] === "prune-structured" || variants[0][1] === "distill";
  if (!reducing && reduceFlags.length)
    throw argError(
      `${reduceFlags.join(", ")} only appl${reduceFlags.length === 1 ? "ies" : "y"} to --prune-structured and --distill-width.`
    );
  return {
    model: positional[0],
    out,
    variant: variants[0][1],
    options: { ...sparsity !== void 0 ? { sparsity } : {}, ...scope ? { pruneScope: scope } : {} },
    dims,
    batches,
    reduce
  };
}
var bytes = (n) => `${formatQuantity(n, "bytes")} (${n.toLocaleString("en-US")} B)`;
function fmtError(x) {
  return Number.isFinite(x) ? x.toPrecision(3) : String(x);
}
async function runOptimizeCommand(argv, io) {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${OPTIMIZE_USAGE}
`);
    return ExitCode.OK;
  }
  try {
    const args = parseOptimizeArgs(argv);
    const modelPath = resolve2(io.cwd, args.model);
    const outPath = resolve2(io.cwd, args.out);
    if (outPath === modelPath)
      throw argError(
        `--out ${args.out} is the model itself; write the variant to another file so the original stays for comparison.`
      );
    const loaded = await loadModel(modelPath);
    if (loaded.externalFiles.length > 0) {
      throw new InputError(
        "MODEL_INVALID",
        `Model ${args.model} keeps weights in external data files (${loaded.externalFiles.map((f) => f.path).join(", ")}); optimize writes single-file models only. Re-save it with all tensors inside the .onnx file (onnx.save_model(model, path, save_as_external_data=False)) and try again.`
      );
    }
    if (args.variant === "prune-structured" || args.variant === "distill") {
      return await runReduceCommand(args, loaded, outPath, io);
    }
    const built = buildVariant(loaded.proto, args.variant, args.options);
    if (built.weights.length === 0) {
      throw new InputError("UNSUPPORTED_OP", `Model ${args.model}: nothing to do for ${built.label}. ${built.notes.join(" ")}`);
    }
    const variantBytes = encodeModel(built.model);
    const analysis = analyzeModel(loaded, { label: args.model });
    const dims = { ...args.dims };
    const first = analysis.inputs[0]?.shape?.[0];
    if (typeof first === "string" && dims[first] === void 0) dims[first] = 16;
    const batches = [];
    for (let k = 0; k < args.batches; k++) {
      const made = await synthesizeInputs(analysis.inputs, {
        modelName: args.model,
        dims,
        specs: {},
        seed: 1e3 + k,
        readFile: io.readFile
      });
      batches.push(made.feeds);
    }
    let fidelity;
    try {
      fidelity = await measureFidelity(loaded.bytes, variantBytes, batches, io.createSession ?? ortSessionFactory);
    } catch (error) {
      if (isUserFacing(error)) throw error;
      throw new EnvironmentError(
        `The ${built.label} variant of ${args.model} was built but onnxruntime could not run it: ${messageOf(error)}. Nothing was written.`,
        { cause: error }
      );
    }
    await io.writeFile(outPath, variantBytes);
    const gzOriginal = gzipSize(loaded.bytes);
    const gzVariant = gzipSize(variantBytes);
    const lines = [
      `Wrote ${args.out}: ${built.label} of ${args.model} (opset ${built.opset})`,
      `  size     ${bytes(loaded.bytes.length)} \u2192 ${bytes(variantBytes.length)}  ${formatPercent(percentChange(loaded.bytes.length, variantBytes.length))}`,
      `  gzipped  ${bytes(gzOriginal)} \u2192 ${bytes(gzVariant)}  ${formatPercent(percentChange(gzOriginal, gzVariant))}`
    ];
    if (built.sparsity !== void 0)
      lines.push(
        `  sparsity ${(built.sparsity * 100).toFixed(1)}% of the pruned weights are zero (${args.options.pruneScope ?? "per-tensor"})`
      );
    const shown = built.weights.slice(0, 6).map((w) => `${w.name} (${w.ops.join("/")}, ${w.storage})`);
    if (built.weights.length > shown.length) shown.push(`and ${built.weights.length - shown.length} more`);
    lines.push(`  weights  ${built.weights.length} tensor(s) rewritten: ${shown.join("; ")}`);
    lines.push(
      `  fidelity on ${fidelity.batches} seeded input batch(es): max abs error ${fmtError(fidelity.maxAbsError)}, max rel error ${fmtError(fidelity.maxRelError)}`
    );
    for (const o of fidelity.outputs) {
      const agree = o.top1Agreement === null ? "not a classifier output" : `top-1 agreement ${(o.top1Agreement * 100).toFixed(1)}% of ${o.rows} rows (${o.agreementKind})`;
      lines.push(`    ${o.name}: max abs error ${fmtError(o.maxAbsError)}, max rel error ${fmtError(o.maxRelError)}, ${agree}`);
    }
    for (const note of built.notes) lines.push(`  note: ${note}`);
    io.stdout.write(`${lines.join("\n")}
`);
    return ExitCode.OK;
  } catch (error) {
    io.stderr.write(`${messageOf(error)}
`);
    return exitCodeOf(error);
  }
}
export {
  OPTIMIZE_USAGE,
  parseOptimizeArgs,
  runOptimizeCommand
};
