import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  analyzeModel,
  buildVariant,
  formatPercent,
  gzipSize,
  loadModel,
  measureFidelity,
  ortSessionFactory,
  percentChange,
  synthesizeInputs
} from "./chunk-MHJ4G5T3.js";
import "./chunk-VJGMPWIK.js";
import {
  encodeModel
} from "./chunk-R3OHUB5T.js";
import "./chunk-SR5KBDGD.js";
import "./chunk-4K6K6CUH.js";
import "./chunk-5RXNPUPO.js";
import {
  EnergyBudgetError,
  EnvironmentError,
  ExitCode,
  InputError,
  exitCodeOf
} from "./chunk-2JFKSI3H.js";
import {
  formatQuantity
} from "./chunk-MJFYPYIG.js";
import "./chunk-DSY7S6TO.js";

// src/optimize/command.ts
import { resolve } from "node:path";
var OPTIMIZE_USAGE = `Usage: energy-budget optimize MODEL (--int8 | --int8-dynamic | --fp16 | --prune FRACTION) --out FILE [options]

Writes one variant of MODEL to FILE and prints its size and output fidelity against the original.

Variants (exactly one):
  --int8               int8 weights, per output channel, with DequantizeLinear (opset >= 13)
  --int8-dynamic       int8 weights and activations quantised at run time (MatMulInteger/ConvInteger)
  --fp16               float16 weights, cast back to float32 for the arithmetic
  --prune FRACTION     set that share (0 <= FRACTION < 1) of the smallest Conv/Gemm/MatMul weights to zero

Options:
  --out FILE           where to write the variant (required; must differ from MODEL)
  --prune-scope SCOPE  per-tensor (default) or global
  --dims NAME=SIZE,... sizes of symbolic dimensions for the fidelity inputs (default: a symbolic
                       batch dimension of the first input is 16, any other is 1)
  --batches N          input batches compared for fidelity (default 4)`;
var VARIANT_FLAGS = {
  "--int8": "int8-weights",
  "--int8-weights": "int8-weights",
  "--int8-dynamic": "int8-dynamic",
  "--fp16": "fp16",
  "--prune": "prune"
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
      default:
        throw argError(
          `Unknown option ${flag}. Expected one of --int8, --int8-dynamic, --fp16, --prune, --out, --prune-scope, --dims, --batches.`
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
  return {
    model: positional[0],
    out,
    variant: variants[0][1],
    options: { ...sparsity !== void 0 ? { sparsity } : {}, ...scope ? { pruneScope: scope } : {} },
    dims,
    batches
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
    const modelPath = resolve(io.cwd, args.model);
    const outPath = resolve(io.cwd, args.out);
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
      if (error instanceof EnergyBudgetError) throw error;
      throw new EnvironmentError(
        `The ${built.label} variant of ${args.model} was built but onnxruntime could not run it: ${error.message}. Nothing was written.`,
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
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}
`);
    return exitCodeOf(error);
  }
}
export {
  OPTIMIZE_USAGE,
  parseOptimizeArgs,
  runOptimizeCommand
};
