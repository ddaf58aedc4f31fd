import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-JQDTM3AS.js";
import {
  GitCommandError,
  headCommit,
  repoTop,
  resolveRef,
  runGit
} from "./chunk-7PUZXWQ6.js";
import {
  renderMarkdown
} from "./chunk-H3SKGW36.js";
import {
  METRIC_KEYS,
  endFootprint,
  evaluateBudgets,
  isDeterministicMetric,
  isInstructionMetric,
  isMetricKey,
  isMinimumMetric,
  metricDescription,
  metricKind,
  metricPhase,
  modelsDigest,
  overallVerdict,
  startFootprint
} from "./chunk-ZKCJCB4S.js";
import {
  HISTORY_METRICS,
  MIN_HISTORY_RUNS,
  buildSeries,
  describeChange,
  environmentParts,
  geometricMean,
  historyComparison,
  isMeasuredMetric,
  lastSegment
} from "./chunk-YGIAIN6U.js";
import {
  readReport
} from "./chunk-I3Q4Y4FT.js";
import {
  selectShard
} from "./chunk-UN4UVWZZ.js";
import {
  adviseForModel,
  assertInsideWorkspace,
  carbon_intensity_default,
  compareWithBase,
  confinedReadFile,
  countSides,
  deserializeError,
  findValgrind,
  findWorkspaceRoot,
  installValgrind,
  measureModel,
  metricValues,
  ortVersion
} from "./chunk-YS46S3BF.js";
import {
  decodeModel,
  externalEntries,
  forEachTensor,
  isExternal,
  suggest
} from "./chunk-NECSJKXB.js";
import {
  minSamplesForPercentile
} from "./chunk-KLIXH5O5.js";
import {
  isOneOf
} from "./chunk-JOXRTO3M.js";
import {
  isJsonObject
} from "./chunk-4IKFRKST.js";
import {
  writeFileAtomic
} from "./chunk-NC3O6ORB.js";
import {
  renderText,
  silentLogger
} from "./chunk-K23WR6JP.js";
import {
  estimatedSuffix
} from "./chunk-NGLSY2C3.js";
import "./chunk-TCAH6OGE.js";
import {
  describeKind,
  tryParseQuantity
} from "./chunk-FN6VXYG4.js";
import "./chunk-QP55FGLM.js";
import "./chunk-4WH33R5J.js";
import "./chunk-5RXNPUPO.js";
import {
  ConfigError,
  EnergyBudgetError,
  EnvironmentError,
  ExitCode,
  InputError,
  errnoCode,
  exitCodeOf,
  isUserFacing,
  messageOf
} from "./chunk-TKWDDEDX.js";
import {
  __toESM
} from "./chunk-DSY7S6TO.js";

// src/config/files.ts
import { stat } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
function namedFiles(config, models) {
  const out = [];
  for (const model of models) {
    const index = config.models.indexOf(model);
    out.push({ model, index, path: model.path, field: "path", what: "the model file" });
    if (model.training?.stepModel)
      out.push({ model, index, path: model.training.stepModel, field: "training.step-model", what: "the training step-model" });
    for (const [name, spec] of Object.entries(model.inputs))
      if (spec.kind === "npy") out.push({ model, index, path: spec.file, field: `inputs.${name}.data`, what: "the .npy input" });
  }
  return out;
}
async function problem(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? void 0 : "is not a file";
  } catch (error) {
    const code = errnoCode(error);
    return code === "ENOENT" || code === "ENOTDIR" ? "does not exist" : `cannot be read (${code ?? "error"})`;
  }
}
async function missingNamedFiles(config, models, workspaceRoot) {
  const out = /* @__PURE__ */ new Map();
  for (const f of namedFiles(config, models)) {
    if (out.has(f.model)) continue;
    const inside = relative(workspaceRoot, f.path);
    if (inside.startsWith("..") || isAbsolute(inside)) continue;
    const why = await problem(f.path);
    if (why === void 0) continue;
    const shown = relative(config.dir, f.path) || f.path;
    const at = `${config.file}${f.model.line !== void 0 ? `:${f.model.line}` : ""}: models[${f.index}].${f.field}`;
    out.set(
      f.model,
      new InputError(
        "MODEL_INVALID",
        `${at}: ${f.what} of "${f.model.name}", ${shown}, ${why}; expected the path of an existing file, relative to the budget file's folder (${config.dir}).`
      )
    );
  }
  return out;
}

// src/engine/run.ts
import { dirname as dirname4, relative as relative3, resolve as resolve8 } from "node:path";

// src/config/load.ts
var import_yaml6 = __toESM(require_dist(), 1);
import { dirname, resolve as resolve4 } from "node:path";

// src/config/keys.ts
var ENUMS = {
  device: ["cpu", "cuda", "webgpu"],
  energy: ["auto", "rapl", "nvml", "estimate"],
  measure: ["time", "instructions"],
  loss: ["mse", "bce", "bce-logits", "cross-entropy"],
  optimizer: ["sgd", "momentum", "rmsprop", "adam"],
  inconclusive: ["warn", "fail", "pass"],
  compare: ["auto", "always"],
  level: ["error", "warn"],
  dtype: [
    "float32",
    "float64",
    "float16",
    "bfloat16",
    "int8",
    "uint8",
    "int16",
    "uint16",
    "int32",
    "uint32",
    "int64",
    "uint64",
    "bool",
    "string",
    "int4",
    "uint4",
    "float8e4m3fn",
    "float8e4m3fnuz",
    "float8e5m2",
    "float8e5m2fnuz",
    "float4e2m1",
    "complex64",
    "complex128"
  ]
};
var DEFAULTS = {
  threads: 1,
  device: "cpu",
  energy: "auto",
  measure: "time",
  advise: false,
  compare: "auto",
  adviseMaxTimeS: 15,
  iterations: "auto",
  inferenceWarmup: 10,
  maxTimeS: 10,
  targetRelativeCi: 0.02,
  optimizer: "adam",
  learningRate: 1e-3,
  steps: 50,
  trainingWarmup: 5,
  inconclusive: "warn",
  level: "error"
};
var oneOf = (values) => values.map((v) => `\`${v}\``).join(", ");
function metricDocs(regression) {
  const docs = {};
  for (const m of METRIC_KEYS) {
    const kind = metricKind(m);
    docs[m] = regression ? {
      description: `Allowed ${m === "throughput" ? "drop" : "growth"} of ${m} against the baseline: a percentage, or ${describeKind(kind)}.`,
      example: `${m}: 5%`,
      expected: `a percentage like \`5%\` or ${describeKind(kind)}`
    } : {
      description: `${metricDescription(m)} Written as ${describeKind(kind)}, or \`{ limit: \u2026, level: warn }\`.`,
      example: `${m}: ${exampleFor(kind)}`,
      expected: `${describeKind(kind)}, or \`{ limit: ${exampleFor(kind)}, level: warn }\``
    };
  }
  return docs;
}
function exampleFor(kind) {
  return describeKind(kind).replace(/^.*`(.*)`$/, "$1");
}
var SECTIONS = {
  root: {
    version: { description: "Budget-file format version; always 1.", example: "version: 1", expected: "`1`" },
    models: {
      description: "The ONNX models to benchmark, each with its own budget.",
      example: "models: [{ name: classifier, path: models/classifier.onnx }]",
      expected: "a list of models, each with a `name` and a `path`"
    },
    power: {
      description: "Power-model overrides for the `estimate` energy method: cpu-tdp, idle-watts, max-watts.",
      example: "power: { cpu-tdp: 65 W }",
      expected: "a mapping with `cpu-tdp`, `idle-watts` or `max-watts`"
    },
    carbon: {
      description: "Grid carbon intensity used to turn energy into CO2e: an `intensity` or a `region`.",
      example: "carbon: { region: DE }",
      expected: "a mapping with `intensity` or `region`"
    },
    measure: {
      description: "time (default for every model): timed benchmark only; instructions: also count SIMULATED instructions per inference call under Valgrind (docs/instructions.md).",
      example: "measure: instructions",
      expected: `one of ${oneOf(ENUMS.measure)}`
    },
    inconclusive: {
      description: "What a comparison does when runner noise hides the answer: warn (default), fail or pass.",
      example: "inconclusive: warn",
      expected: `one of ${oneOf(ENUMS.inconclusive)}`
    }
  },
  model: {
    name: {
      description: "A unique name, shown in reports.",
      example: "name: classifier",
      expected: "a non-empty text unique in the file"
    },
    path: {
      description: "The .onnx file, relative to the budget file.",
      example: "path: models/classifier.onnx",
      expected: "the path of an .onnx file, relative to the budget file"
    },
    dims: {
      description: "Values for symbolic dimensions (default 1 each, with a notice).",
      example: "dims: { N: 32 }",
      expected: "a mapping from dimension name to a positive whole number"
    },
    inputs: {
      description: "Explicit input specs by input name: a shape and dtype, a fixed value, or a .npy file.",
      example: "inputs: { x: { shape: [32, 784], dtype: float32 } }",
      expected: "a mapping from input name to `{ shape, dtype }`, `{ value }` or `{ data }`"
    },
    threads: { description: "Intra-op threads. Default 1.", example: "threads: 1", expected: "a positive whole number" },
    device: {
      description: "Execution provider: cpu (default), cuda or webgpu.",
      example: "device: cpu",
      expected: `one of ${oneOf(ENUMS.device)}`
    },
    inference: {
      description: "Inference benchmark settings; `false` skips it. Present by default.",
      example: "inference: { iterations: auto, warmup: 10 }",
      expected: "a mapping with `iterations`, `warmup`, `max-time`, `target-ci`, or `false`"
    },
    measure: {
      description: "time (default): timed benchmark only; instructions: also count SIMULATED instructions per inference call under Valgrind (docs/instructions.md).",
      example: "measure: instructions",
      expected: `one of ${oneOf(ENUMS.measure)}`
    },
    energy: {
      description: "Energy meter: auto (default), rapl, nvml or estimate.",
      example: "energy: auto",
      expected: `one of ${oneOf(ENUMS.energy)}`
    },
    training: {
      description: "Benchmark a training step (loss, optimizer, learning rate, steps).",
      example: "training: { loss: bce, optimizer: adam }",
      expected: "a mapping with at least `loss` (or `step-model`)"
    },
    advise: {
      description: "Always show optimisation advice for this model (else only when over budget). Default false.",
      example: "advise: true",
      expected: "`true` or `false`"
    },
    "advise-max-time": {
      description: "Time cap for measuring the optimisation advice of this model: every variant is compared with the original in interleaved rounds within it. Default 15 s (the advisor runs for every model over budget, so every failing pull request pays it).",
      example: "advise-max-time: 2 min",
      expected: "a duration like `60 s` or `2 min`"
    },
    compare: {
      description: "With a base: auto (default) skips measuring the base when the model, its entry and the runtime are identical to the base; always measures it anyway.",
      example: "compare: always",
      expected: `one of ${oneOf(ENUMS.compare)}`
    },
    budget: {
      description: "Absolute limits by metric, and `regression:` limits against the baseline.",
      example: "budget: { latency-p95: 5 ms }",
      expected: "a mapping from metric name to a limit"
    }
  },
  input: {
    shape: {
      description: "The shape to synthesise (positive whole numbers).",
      example: "shape: [32, 784]",
      expected: "a list of positive whole numbers"
    },
    dtype: { description: "The element type.", example: "dtype: float32", expected: `one of ${oneOf(ENUMS.dtype)}` },
    value: {
      description: "A fixed value, scalar or nested list, instead of random data.",
      example: "value: 16000",
      expected: "a number, boolean or text, or a rectangular nested list of them"
    },
    data: {
      description: "A .npy file with the input, relative to the budget file.",
      example: "data: inputs/tokens.npy",
      expected: "the path of a .npy file, relative to the budget file"
    }
  },
  inference: {
    iterations: {
      description: "Timed runs: a number, or auto (sample until the 95% CI half-width of the mean is under target-ci, or max-time).",
      example: "iterations: auto",
      expected: "`auto` or a positive whole number"
    },
    warmup: {
      description: "Untimed runs before timing. Default 10.",
      example: "warmup: 10",
      expected: "a whole number, 0 or more"
    },
    "max-time": {
      description: "Time cap for `iterations: auto`. Default 10 s.",
      example: "max-time: 10 s",
      expected: describeKind("time")
    },
    "target-ci": {
      description: "Relative 95% CI half-width at which `iterations: auto` stops. Default 2%.",
      example: "target-ci: 2%",
      expected: describeKind("percent")
    }
  },
  training: {
    loss: {
      description: "Loss function: mse, bce, bce-logits or cross-entropy.",
      example: "loss: bce",
      expected: `one of ${oneOf(ENUMS.loss)}`
    },
    optimizer: {
      description: "Optimizer: sgd, momentum, rmsprop or adam (default).",
      example: "optimizer: adam",
      expected: `one of ${oneOf(ENUMS.optimizer)}`
    },
    "learning-rate": {
      description: "Learning rate. Default 0.001.",
      example: "learning-rate: 0.001",
      expected: "a positive number"
    },
    steps: { description: "Timed training steps. Default 50.", example: "steps: 50", expected: "a positive whole number" },
    warmup: {
      description: "Untimed training steps first. Default 5.",
      example: "warmup: 5",
      expected: "a whole number, 0 or more"
    },
    momentum: {
      description: "Momentum coefficient (momentum optimizer), in [0, 1). Default 0.9.",
      example: "momentum: 0.9",
      expected: "a number from 0 up to (not including) 1"
    },
    beta1: {
      description: "Adam first-moment decay, in [0, 1). Default 0.9.",
      example: "beta1: 0.9",
      expected: "a number from 0 up to (not including) 1"
    },
    beta2: {
      description: "Adam second-moment decay, in [0, 1). Default 0.999.",
      example: "beta2: 0.999",
      expected: "a number from 0 up to (not including) 1"
    },
    rho: {
      description: "RMSprop decay, in [0, 1). Default 0.9.",
      example: "rho: 0.9",
      expected: "a number from 0 up to (not including) 1"
    },
    epsilon: {
      description: "Numerical-stability term of adam and rmsprop. Default 1e-8.",
      example: "epsilon: 1e-8",
      expected: "a positive number"
    },
    "dataset-size": {
      description: "Samples in the training set, to project a full run (training-energy-total).",
      example: "dataset-size: 60k",
      expected: "a positive whole count like `60000` or `60k`"
    },
    epochs: { description: "Epochs of the projected full run. Default 1.", example: "epochs: 10", expected: "a positive number" },
    freeze: {
      description: "Weights kept fixed during training: initializer names, or prefixes ending in `*`.",
      example: "freeze: [encoder.*, embedding.weight]",
      expected: "a list of initializer names or prefixes ending in `*`"
    },
    "steps-per-call": {
      description: "Training steps per onnxruntime call (an ONNX Loop keeps weights and optimizer state inside onnxruntime between them). Default: the largest divisor of `steps` up to 10.",
      example: "steps-per-call: 10",
      expected: "a positive whole number that divides `steps`"
    },
    "step-model": {
      description: "Bring your own training step: an .onnx model that does one step, relative to the budget file.",
      example: "step-model: models/train-step.onnx",
      expected: "the path of an .onnx file, relative to the budget file"
    },
    feedback: {
      description: "For step-model: which output feeds which input on the next step (updated weights, optimizer state).",
      example: "feedback: { w_out: w_in }",
      expected: "a mapping from output name to input name"
    }
  },
  power: {
    "cpu-tdp": {
      description: "The CPU's thermal design power, overriding the detected one.",
      example: "cpu-tdp: 65 W",
      expected: describeKind("power")
    },
    "idle-watts": {
      description: "Whole-machine power at idle, for the power model.",
      example: "idle-watts: 20 W",
      expected: describeKind("power")
    },
    "max-watts": {
      description: "Whole-machine power at full load, for the power model.",
      example: "max-watts: 120 W",
      expected: describeKind("power")
    }
  },
  carbon: {
    intensity: {
      description: "Grid carbon intensity in gCO2e per kWh.",
      example: "intensity: 400 gCO2e/kWh",
      expected: describeKind("carbon-intensity")
    },
    region: {
      description: "Grid region whose annual average intensity to use: an ISO 3166-1 alpha-2 country code (`US` is the US average) or a US eGRID region (`US-SERC`, `US-RFC`, `US-WECC`) from data/carbon-intensity.json.",
      example: "region: DE",
      expected: "a region code of data/carbon-intensity.json, in capitals (`DE`, `US`, `US-WECC`)"
    }
  },
  budget: {
    ...metricDocs(false),
    regression: {
      description: "Allowed change against the baseline by metric: a percentage (`5%`) or a quantity in the metric's unit.",
      example: "regression: { energy-per-inference: 5% }",
      expected: "a mapping from metric name to a percentage or a quantity"
    }
  },
  regression: metricDocs(true),
  limit: {
    limit: {
      description: "The limit, in the metric's unit.",
      example: "limit: 5 ms",
      expected: "a quantity in the metric's unit"
    },
    level: {
      description: "error (default) fails the check; warn only reports.",
      example: "level: warn",
      expected: `one of ${oneOf(ENUMS.level)}`
    }
  }
};
function sectionKeys(section) {
  return Object.keys(SECTIONS[section]);
}

// src/util/read-text.ts
import { readFile } from "node:fs/promises";
var readTextFile = (path) => readFile(path, "utf8");

// src/config/validator.ts
var import_yaml = __toESM(require_dist(), 1);
function yamlNode(x) {
  return (0, import_yaml.isNode)(x) ? x : null;
}
var SECTION_LABEL = {
  root: "the top level",
  model: "a model",
  input: "an input spec",
  inference: "`inference`",
  training: "`training`",
  power: "`power`",
  carbon: "`carbon`",
  budget: "`budget` (a metric or `regression`)",
  regression: "`regression` (a metric)",
  limit: "a limit"
};
var NESTED_HINTS = {
  root: [
    ["model", "inside an entry of `models:`"],
    ["budget", "under a model's `budget:`"]
  ],
  model: [
    ["budget", "under `budget:`"],
    ["inference", "under `inference:`"],
    ["training", "under `training:`"],
    ["input", "under `inputs: { <input name>: \u2026 }`"]
  ]
};
function childPath(parent, key) {
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  if (part.startsWith('"')) return `${parent}[${part}]`;
  return parent ? `${parent}.${part}` : part;
}
function quote(text) {
  return JSON.stringify(text);
}
var KEY_ABBREVIATIONS = {
  lr: "learning-rate",
  memory: "peak-memory",
  mem: "peak-memory",
  "gpu-memory": "peak-gpu-memory",
  energy: "energy-per-inference",
  latency: "latency-p95",
  p95: "latency-p95",
  p99: "latency-p99",
  size: "model-size",
  params: "parameters",
  carbon: "carbon-per-inference",
  "step-time": "training-step-time",
  iters: "iterations"
};
var Validator = class {
  constructor(file, dir, lineCounter, doc) {
    this.file = file;
    this.dir = dir;
    this.lineCounter = lineCounter;
    this.doc = doc;
  }
  file;
  dir;
  lineCounter;
  doc;
  issues = [];
  /** 1-based line and column of a node. */
  pos(node) {
    const range = node?.range;
    if (!range) return {};
    const p = this.lineCounter.linePos(range[0]);
    return { line: p.line, column: p.col };
  }
  add(path, node, message, expected, example) {
    this.issues.push({
      file: this.file,
      path,
      ...this.pos(node),
      message,
      ...expected ? { expected } : {},
      ...example ? { example } : {}
    });
  }
  addFor(entry, doc, message) {
    this.add(entry.path, entry.at, message, doc.expected, doc.example);
  }
  yamlError(code, message, pos, text) {
    const { line, col } = this.lineCounter.linePos(pos[0]);
    let msg = `invalid YAML: ${message.replace(/\s+/g, " ").trim()}`;
    let expected = "valid YAML: `key: value` pairs, nested keys indented with spaces";
    let example = "budget: { latency-p95: 5 ms }";
    if (code === "DUPLICATE_KEY") {
      const key = text.slice(pos[0]).split(/[:\n]/)[0]?.trim() ?? "";
      msg = `duplicate key \`${key}\`; a key may appear once in each mapping`;
      expected = "each key once; merge the two entries";
      example = `${key}: \u2026`;
    } else if (code === "TAB_AS_INDENT") {
      expected = "indentation with spaces (YAML does not allow tabs)";
      example = "  path: models/classifier.onnx";
    }
    this.issues.push({ file: this.file, path: "", line, column: col, message: msg, expected, example });
  }
  resolveNode(node) {
    let n = (0, import_yaml.isNode)(node) ? node : void 0;
    for (let i = 0; i < 100 && n && (0, import_yaml.isAlias)(n); i++) n = n.resolve(this.doc);
    if (!n) return null;
    if ((0, import_yaml.isScalar)(n) && n.value === null) return null;
    return n;
  }
  /** Words for what a node is: `the text "abc"`, `the number 5`, `a list`. */
  describe(node) {
    if (node === null) return "nothing";
    if ((0, import_yaml.isMap)(node)) return "a mapping";
    if ((0, import_yaml.isSeq)(node)) return "a list";
    if ((0, import_yaml.isScalar)(node)) {
      const v = node.value;
      if (typeof v === "string") return `the text ${quote(v)}`;
      if (typeof v === "number") return `the number ${node.source ?? String(v)}`;
      if (typeof v === "boolean") return `\`${v}\``;
    }
    return "an unsupported value";
  }
  /** The entries of a mapping; reports a non-mapping and (for a section) unknown keys. */
  mapping(node, path, at, section, doc) {
    if (node === null || !(0, import_yaml.isMap)(node)) {
      this.add(path, node ?? at, `expected a mapping, got ${this.describe(node)}`, doc?.expected, doc?.example);
      return void 0;
    }
    const entries = [];
    for (const pair of node.items) {
      const keyNode = (0, import_yaml.isNode)(pair.key) ? pair.key : null;
      const resolvedKey = this.resolveNode(keyNode);
      if (!keyNode || !resolvedKey || !(0, import_yaml.isScalar)(resolvedKey) || typeof resolvedKey.value === "object") {
        this.add(
          path,
          keyNode ?? node,
          `a key must be plain text, got ${this.describe(resolvedKey)}`,
          "keys like `name` or `latency-p95`",
          doc?.example
        );
        continue;
      }
      const key = String(resolvedKey.value);
      const value = this.resolveNode(pair.value);
      const rawValue = (0, import_yaml.isNode)(pair.value) ? pair.value : null;
      const hasPos = rawValue && rawValue.range && rawValue.range[1] > rawValue.range[0];
      const entry = {
        key,
        keyNode,
        value,
        at: hasPos ? rawValue : keyNode,
        path: childPath(path, key)
      };
      if (section && !(key in SECTIONS[section])) {
        this.unknownKey(entry, section);
        continue;
      }
      entries.push(entry);
    }
    return entries;
  }
  unknownKey(entry, section) {
    const allowed = sectionKeys(section);
    const metricSection = section === "budget" || section === "regression";
    const expected = `a key of ${SECTION_LABEL[section]}: ${allowed.join(", ")}`;
    if (entry.key === "<<") {
      this.add(
        entry.path,
        entry.keyNode,
        "YAML merge keys (`<<`) are not supported; write the keys out",
        expected,
        SECTIONS[section][allowed[0]]?.example
      );
      return;
    }
    const abbreviation = KEY_ABBREVIATIONS[entry.key.toLowerCase()];
    const guess = abbreviation !== void 0 && allowed.includes(abbreviation) ? abbreviation : suggest(entry.key, allowed);
    if (guess) {
      this.add(
        entry.path,
        entry.keyNode,
        `${metricSection ? `\`${entry.key}\` is not a metric` : `unknown key \`${entry.key}\``}; did you mean \`${guess}\`?`,
        expected,
        SECTIONS[section][guess]?.example
      );
      return;
    }
    for (const [other, where] of NESTED_HINTS[section] ?? []) {
      const doc = SECTIONS[other][entry.key];
      if (doc) {
        this.add(
          entry.path,
          entry.keyNode,
          `\`${entry.key}\` does not belong at ${SECTION_LABEL[section]}; put it ${where}`,
          expected,
          doc.example
        );
        return;
      }
    }
    if (section === "regression" && entry.key === "regression") {
      this.add(entry.path, entry.keyNode, "`regression` cannot be nested", expected, SECTIONS.budget.regression?.example);
      return;
    }
    const first = allowed[0];
    this.add(
      entry.path,
      entry.keyNode,
      metricSection ? `\`${entry.key}\` is not a metric` : `unknown key \`${entry.key}\``,
      expected,
      SECTIONS[section][first]?.example
    );
  }
  required(entries, keys, section, path, node) {
    let ok = true;
    for (const k of keys) {
      if (!entries.some((e) => e.key === k)) {
        const doc = SECTIONS[section][k];
        this.add(path, node, `missing required key \`${k}\``, doc.expected, doc.example);
        ok = false;
      }
    }
    return ok;
  }
  // ---- scalars --------------------------------------------------------------------------
  scalarValue(entry) {
    return entry.value && (0, import_yaml.isScalar)(entry.value) ? entry.value.value : void 0;
  }
  text(entry, doc) {
    const v = this.scalarValue(entry);
    if (typeof v !== "string") {
      this.addFor(entry, doc, `expected text, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (v.trim() === "") {
      this.addFor(entry, doc, "must not be empty");
      return void 0;
    }
    return v;
  }
  integer(entry, doc, min) {
    const v = this.scalarValue(entry);
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.addFor(entry, doc, `expected a whole number, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (v < min) {
      this.addFor(entry, doc, `must be at least ${min}, got ${v}`);
      return void 0;
    }
    return v;
  }
  number(entry, doc, range) {
    const v = this.scalarValue(entry);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.addFor(entry, doc, `expected a number, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (range === "positive" && !(v > 0)) {
      this.addFor(entry, doc, `must be greater than 0, got ${v}`);
      return void 0;
    }
    if (range === "unit" && !(v >= 0 && v < 1)) {
      this.addFor(entry, doc, `must be from 0 up to (not including) 1, got ${v}`);
      return void 0;
    }
    return v;
  }
  boolean(entry, doc) {
    const v = this.scalarValue(entry);
    if (typeof v !== "boolean") {
      this.addFor(entry, doc, `expected \`true\` or \`false\`, got ${this.describe(entry.value)}`);
      return void 0;
    }
    return v;
  }
  enumeration(entry, doc, values, what, aliases = {}) {
    const v = this.scalarValue(entry);
    if (typeof v !== "string") {
      this.addFor(entry, doc, `expected ${what}, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (isOneOf(values, v)) return v;
    const guess = Object.prototype.hasOwnProperty.call(aliases, v.toLowerCase()) ? aliases[v.toLowerCase()] : suggest(v, values);
    this.addFor(entry, doc, `\`${v}\` is not a valid ${what}${guess ? `; did you mean \`${guess}\`?` : ""}`);
    return void 0;
  }
  /** A quantity in base units; `example` is the `key: value` line to show. */
  quantity(entry, kind, doc, positive = false) {
    const v = this.scalarValue(entry);
    if (typeof v !== "string" && typeof v !== "number") {
      this.addFor(entry, doc, `expected ${describeKind(kind)}, got ${this.describe(entry.value)}`);
      return void 0;
    }
    const r = tryParseQuantity(v, kind);
    if (!r.ok) {
      this.add(entry.path, entry.at, r.problem.message, doc.expected, `${entry.key}: ${r.problem.example}`);
      return void 0;
    }
    if (positive && !(r.value > 0)) {
      this.addFor(entry, doc, `must be greater than 0, got ${typeof v === "string" ? `\`${v}\`` : v}`);
      return void 0;
    }
    return r.value;
  }
  /** Models whose own `measure:` was given (the file-wide one does not override them). */
  measureSet = /* @__PURE__ */ new Set();
};

// src/config/sections/models.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { resolve as resolve3 } from "node:path";

// src/config/measurable.ts
function whyUnmeasurable(metric, model) {
  if (!isMetricKey(metric)) return void 0;
  const phase = metricPhase(metric);
  if (phase === "inference" && model.inference === null)
    return {
      message: "cannot be checked: the model sets `inference: false`, so no inference is measured",
      expected: "inference measured (remove `inference: false`), or no limit on an inference figure",
      example: "inference: { iterations: 100 }"
    };
  if (metric === "peak-gpu-memory" && model.device === "cpu")
    return {
      message: "cannot be checked on the CPU: GPU memory is measured (NVML) with `device: cuda` or `device: webgpu`",
      expected: "a GPU device on the model, or no `peak-gpu-memory` limit",
      example: "device: cuda"
    };
  if ((phase === "training" || phase === "projection") && model.training === null)
    return {
      message: "cannot be checked: the model has no `training` section, so no training step is measured",
      expected: "a `training` section on the model, or no limit on a training figure",
      example: "training: { loss: mse, optimizer: adam, learning-rate: 0.001, steps: 20 }"
    };
  if (phase === "projection" && model.training !== null && model.training.datasetSize === void 0)
    return {
      message: "cannot be checked: a full training run is projected from `training.dataset-size` (\xD7 `epochs`), which the model does not set",
      expected: "`training.dataset-size` (samples per epoch), or no limit on a projected training total",
      example: "training: { \u2026, dataset-size: 60000, epochs: 10 }"
    };
  return void 0;
}

// src/config/sections/inputs.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { resolve } from "node:path";
var DTYPE_ALIASES = {
  float: "float32",
  double: "float64",
  half: "float16",
  long: "int64",
  int: "int32",
  boolean: "bool",
  f32: "float32",
  f16: "float16",
  i64: "int64",
  i32: "int32"
};
function readDims(vd, entry, doc) {
  const out = {};
  for (const e of vd.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
    const n = vd.integer(e, { ...doc, example: `dims: { ${e.key}: 32 }` }, 1);
    if (n !== void 0) out[e.key] = n;
  }
  return out;
}
function readInputs(vd, entry, doc) {
  const out = {};
  for (const e of vd.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
    const spec = readInputSpec(vd, e);
    if (spec) out[e.key] = spec;
  }
  return out;
}
function readInputSpec(vd, entry) {
  const entries = vd.mapping(entry.value, entry.path, entry.at, "input", {
    description: "",
    expected: "an input spec: `{ shape, dtype }`, `{ value }` or `{ data }`",
    example: `${entry.key}: { shape: [1, 784], dtype: float32 }`
  });
  if (!entries) return void 0;
  const before = vd.issues.length;
  let shape;
  let dtype;
  let value;
  let hasValue = false;
  let data;
  let valueCount;
  let valueEntry;
  for (const e of entries) {
    const doc = SECTIONS.input[e.key];
    switch (e.key) {
      case "shape":
        shape = readShape(vd, e, doc);
        break;
      case "dtype":
        dtype = vd.enumeration(e, doc, ENUMS.dtype, "dtype", DTYPE_ALIASES);
        break;
      case "value": {
        const r = readFixedValue(vd, e, doc);
        if (r) {
          value = r.value;
          valueCount = r.count;
          hasValue = true;
          valueEntry = e;
        }
        break;
      }
      case "data": {
        const p = vd.text(e, doc);
        if (p !== void 0 && !p.toLowerCase().endsWith(".npy")) vd.addFor(e, doc, `\`${p}\` is not a .npy file`);
        else if (p !== void 0) data = p;
        break;
      }
    }
  }
  const has = (k) => entries.find((e) => e.key === k);
  const dataEntry = has("data");
  if (dataEntry && has("value")) {
    vd.add(
      entry.path,
      dataEntry.keyNode,
      "give either `value` or `data`, not both",
      "one source per input: a fixed `value` or a `.npy` file in `data`",
      SECTIONS.input.data?.example
    );
  }
  if (dataEntry && has("shape")) {
    vd.add(
      entry.path,
      has("shape")?.keyNode,
      "a `.npy` file carries its own shape; remove `shape` or `data`",
      "`data` alone, or `shape` (and `dtype`) to synthesise random data",
      SECTIONS.input.data?.example
    );
  }
  if (shape && valueEntry && valueCount !== void 0 && valueCount > 1) {
    const want = shape.reduce((a, b) => a * b, 1);
    if (want !== valueCount) {
      vd.add(
        valueEntry.path,
        valueEntry.at,
        `has ${valueCount} elements but shape [${shape.join(", ")}] holds ${want}`,
        "a single value (repeated to fill the shape) or exactly as many elements as the shape holds",
        `value: 0`
      );
    }
  }
  if (vd.issues.length > before) return void 0;
  if (data !== void 0) return { kind: "npy", file: resolve(vd.dir, data), ...dtype ? { dtype } : {} };
  if (hasValue) return { kind: "value", value, ...shape ? { shape } : {}, ...dtype ? { dtype } : {} };
  return { kind: "random", ...shape ? { shape } : {}, ...dtype ? { dtype } : {} };
}
function readShape(vd, entry, doc) {
  const node = entry.value;
  if (node === null || !(0, import_yaml2.isSeq)(node)) {
    vd.addFor(entry, doc, `expected a list of positive whole numbers, got ${vd.describe(node)}`);
    return void 0;
  }
  const dims = [];
  let ok = true;
  node.items.forEach((item, i) => {
    const n = vd.resolveNode(item);
    const v = n && (0, import_yaml2.isScalar)(n) ? n.value : void 0;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
      vd.add(
        `${entry.path}[${i}]`,
        yamlNode(item) ?? node,
        `expected a positive whole number, got ${vd.describe(n)}`,
        doc.expected,
        doc.example
      );
      ok = false;
    } else {
      dims.push(v);
    }
  });
  return ok ? dims : void 0;
}
function readFixedValue(vd, entry, doc) {
  const types = /* @__PURE__ */ new Set();
  let ok = true;
  const walk = (node, path, at) => {
    if (node !== null && (0, import_yaml2.isScalar)(node) && ["number", "boolean", "string"].includes(typeof node.value)) {
      types.add(typeof node.value);
      return { value: node.value, dims: [] };
    }
    if (node !== null && (0, import_yaml2.isSeq)(node)) {
      const parts = node.items.map((item, i) => walk(vd.resolveNode(item), `${path}[${i}]`, yamlNode(item) ?? node));
      if (parts.some((p) => p === void 0)) return void 0;
      const first = parts[0]?.dims ?? [];
      for (let i = 1; i < parts.length; i++) {
        if ((parts[i]?.dims ?? []).join(",") !== first.join(",")) {
          vd.add(
            `${path}[${i}]`,
            yamlNode(node.items[i]),
            `the nested list is ragged: this item has shape [${parts[i]?.dims.join(", ")}], the first has [${first.join(", ")}]`,
            doc.expected,
            "value: [[1, 2], [3, 4]]"
          );
          ok = false;
          return void 0;
        }
      }
      return { value: parts.map((p) => p?.value), dims: [parts.length, ...first] };
    }
    vd.add(path, node ?? at, `expected a number, boolean or text, got ${vd.describe(node)}`, doc.expected, doc.example);
    ok = false;
    return void 0;
  };
  const r = walk(entry.value, entry.path, entry.at);
  if (!r || !ok) return void 0;
  if (types.size > 1) {
    vd.addFor(entry, doc, `mixes ${[...types].sort().join(" and ")} values; use one type`);
    return void 0;
  }
  return { value: r.value, count: r.dims.reduce((a, b) => a * b, 1) };
}

// src/config/sections/training.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { resolve as resolve2 } from "node:path";
function readInference(vd, entry, doc) {
  const inference = defaultInference();
  const v = vd.scalarValue(entry);
  if (typeof v === "boolean") return v ? inference : null;
  for (const e of vd.mapping(entry.value, entry.path, entry.at, "inference", doc) ?? []) {
    const d = SECTIONS.inference[e.key];
    switch (e.key) {
      case "iterations": {
        const it = vd.scalarValue(e);
        if (it === "auto") inference.iterations = "auto";
        else if (typeof it === "number") inference.iterations = vd.integer(e, d, 1) ?? "auto";
        else vd.addFor(e, d, `expected \`auto\` or a positive whole number, got ${vd.describe(e.value)}`);
        break;
      }
      case "warmup":
        inference.warmup = vd.integer(e, d, 0) ?? DEFAULTS.inferenceWarmup;
        break;
      case "max-time":
        inference.maxTimeS = vd.quantity(e, "time", d, true) ?? DEFAULTS.maxTimeS;
        break;
      case "target-ci": {
        const q = vd.quantity(e, "percent", d, true);
        if (q !== void 0 && q >= 1) vd.addFor(e, d, `must be under 100%, got ${String(vd.scalarValue(e))}`);
        else if (q !== void 0) inference.targetRelativeCi = q;
        break;
      }
    }
  }
  return inference;
}
function readTraining(vd, entry, doc) {
  const entries = vd.mapping(entry.value, entry.path, entry.at, "training", doc);
  if (!entries) return null;
  const t = {
    loss: "mse",
    optimizer: DEFAULTS.optimizer,
    learningRate: DEFAULTS.learningRate,
    steps: DEFAULTS.steps,
    warmup: DEFAULTS.trainingWarmup
  };
  const has = (k2) => entries.find((e) => e.key === k2);
  if (!has("step-model") && !has("loss")) {
    const d = SECTIONS.training.loss;
    vd.add(entry.path, entry.value, "missing required key `loss` (needed unless `step-model` is given)", d.expected, d.example);
  }
  const setOptional = (key, value) => {
    if (value !== void 0) t[key] = value;
  };
  for (const e of entries) {
    const d = SECTIONS.training[e.key];
    switch (e.key) {
      case "loss":
        t.loss = vd.enumeration(e, d, ENUMS.loss, "loss") ?? t.loss;
        break;
      case "optimizer":
        t.optimizer = vd.enumeration(e, d, ENUMS.optimizer, "optimizer") ?? t.optimizer;
        break;
      case "learning-rate":
        t.learningRate = vd.number(e, d, "positive") ?? t.learningRate;
        break;
      case "steps":
        t.steps = vd.integer(e, d, 1) ?? t.steps;
        break;
      case "warmup":
        t.warmup = vd.integer(e, d, 0) ?? t.warmup;
        break;
      case "momentum":
      case "beta1":
      case "beta2":
      case "rho":
        setOptional(e.key, vd.number(e, d, "unit"));
        break;
      case "epsilon":
        setOptional("epsilon", vd.number(e, d, "positive"));
        break;
      case "epochs":
        setOptional("epochs", vd.number(e, d, "positive"));
        break;
      case "dataset-size": {
        const n = vd.quantity(e, "count", d, true);
        if (n !== void 0 && !Number.isInteger(n)) vd.addFor(e, d, `must be a whole number of samples, got ${n}`);
        else setOptional("datasetSize", n);
        break;
      }
      case "freeze": {
        const list = e.value && (0, import_yaml3.isSeq)(e.value) ? e.value.items : null;
        if (!list) {
          vd.addFor(e, d, "must be a list");
          break;
        }
        const names = [];
        list.forEach((item, i) => {
          const v = (0, import_yaml3.isScalar)(item) ? item.value : void 0;
          if (typeof v === "string" && v.length > 0) names.push(v);
          else
            vd.add(
              `${e.path}[${i}]`,
              yamlNode(item),
              "must be an initializer name or a prefix ending in `*`",
              d.expected,
              d.example
            );
        });
        t.freeze = names;
        break;
      }
      case "steps-per-call":
        setOptional("stepsPerCall", vd.integer(e, d, 1));
        break;
      case "step-model": {
        const p = vd.text(e, d);
        if (p !== void 0) t.stepModel = resolve2(vd.dir, p);
        break;
      }
      case "feedback": {
        const map = {};
        for (const f of vd.mapping(e.value, e.path, e.at, null, d) ?? []) {
          const target = vd.text(f, { ...d, example: `feedback: { ${f.key}: <input name> }` });
          if (target !== void 0) map[f.key] = target;
        }
        t.feedback = map;
        if (!has("step-model")) {
          vd.add(
            e.path,
            e.keyNode,
            "`feedback` only applies with `step-model`",
            "`feedback` together with `step-model` (a bring-your-own training step)",
            SECTIONS.training["step-model"]?.example
          );
        }
        break;
      }
    }
  }
  if (t.datasetSize !== void 0 && t.epochs === void 0) t.epochs = 1;
  const k = t.stepsPerCall;
  if (k !== void 0 && t.steps % k !== 0) {
    const e = has("steps-per-call");
    if (e)
      vd.addFor(
        e,
        SECTIONS.training["steps-per-call"],
        `must divide steps (${t.steps}), so that every timed call runs whole steps`
      );
  }
  return t;
}
function defaultInference() {
  return {
    iterations: DEFAULTS.iterations,
    warmup: DEFAULTS.inferenceWarmup,
    maxTimeS: DEFAULTS.maxTimeS,
    targetRelativeCi: DEFAULTS.targetRelativeCi
  };
}

// src/config/sections/budget.ts
var import_yaml4 = __toESM(require_dist(), 1);
function readBudget(vd, entry, doc) {
  const limits = [];
  for (const e of vd.mapping(entry.value, entry.path, entry.at, "budget", doc) ?? []) {
    if (e.key === "regression") {
      const rdoc = SECTIONS.budget.regression;
      for (const r of vd.mapping(e.value, e.path, e.at, "regression", rdoc) ?? []) {
        if (!isMetricKey(r.key)) continue;
        const limit = readLimit(vd, r, r.key, true);
        if (limit) limits.push(limit);
      }
    } else if (isMetricKey(e.key)) {
      const limit = readLimit(vd, e, e.key, false);
      if (limit) limits.push(limit);
    }
  }
  return limits;
}
function readLimit(vd, entry, metric, regression) {
  const doc = SECTIONS[regression ? "regression" : "budget"][metric];
  let level = DEFAULTS.level;
  let valueEntry = entry;
  if (entry.value !== null && (0, import_yaml4.isMap)(entry.value)) {
    const entries = vd.mapping(entry.value, entry.path, entry.at, "limit", doc) ?? [];
    const before = vd.issues.length;
    vd.required(entries, ["limit"], "limit", entry.path, entry.value);
    const levelEntry = entries.find((e) => e.key === "level");
    if (levelEntry)
      level = vd.enumeration(levelEntry, SECTIONS.limit.level, ENUMS.level, "level", {
        warning: "warn",
        fail: "error"
      }) ?? level;
    const limitEntry = entries.find((e) => e.key === "limit");
    if (!limitEntry || vd.issues.length > before) return void 0;
    valueEntry = limitEntry;
  }
  const raw = vd.scalarValue(valueEntry);
  const kind = metricKind(metric);
  const relative4 = regression && typeof raw === "string" && raw.trim().endsWith("%");
  const valueDoc = { ...doc, example: valueEntry === entry ? doc.example : `limit: ${doc.example.split(": ")[1]}` };
  const value = vd.quantity(valueEntry, relative4 ? "percent" : kind, valueDoc);
  if (value === void 0) return void 0;
  return {
    metric,
    kind: regression ? "regression" : "absolute",
    limit: value,
    relative: relative4,
    level,
    ...vd.pos(entry.keyNode),
    path: entry.path
  };
}

// src/config/sections/models.ts
function readModels(vd, entry, doc) {
  const node = entry.value;
  if (node === null || !(0, import_yaml5.isSeq)(node)) {
    vd.addFor(entry, doc, `expected a list of models, got ${vd.describe(node)}`);
    return [];
  }
  if (node.items.length === 0) {
    vd.addFor(entry, doc, "the list of models is empty; add at least one");
    return [];
  }
  const models = [];
  const seen = /* @__PURE__ */ new Map();
  node.items.forEach((item, i) => {
    const path = `models[${i}]`;
    const model = readModel(vd, vd.resolveNode(item), path, yamlNode(item) ?? node);
    if (!model) return;
    const prior = model.name ? seen.get(model.name) : void 0;
    if (prior) {
      const nameNode = (0, import_yaml5.isMap)(item) ? yamlNode(item.get("name", true)) : null;
      vd.add(
        `${path}.name`,
        nameNode ?? yamlNode(item),
        `duplicate model name \`${model.name}\`; ${prior.path}${prior.line ? ` (line ${prior.line})` : ""} has it too`,
        "a name unique in the file; reports and baselines match models by name",
        `name: ${model.name}-2`
      );
    } else if (model.name) {
      seen.set(model.name, { path, line: model.line });
    }
    models.push(model);
  });
  return models;
}
function readModel(vd, node, path, at) {
  const entries = vd.mapping(node, path, at, "model", {
    description: "",
    expected: "a model: a mapping with at least `name` and `path`",
    example: "- { name: classifier, path: models/classifier.onnx }"
  });
  if (!entries) return void 0;
  vd.required(entries, ["name", "path"], "model", path, node);
  const model = {
    name: "",
    pathInConfig: "",
    path: "",
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
    budget: []
  };
  const line = vd.pos(node).line;
  if (line !== void 0) model.line = line;
  for (const e of entries) {
    const doc = SECTIONS.model[e.key];
    switch (e.key) {
      case "name":
        model.name = vd.text(e, doc) ?? "";
        break;
      case "path": {
        const p = vd.text(e, doc);
        if (p !== void 0) {
          model.pathInConfig = p;
          model.path = resolve3(vd.dir, p);
        }
        break;
      }
      case "dims":
        model.dims = readDims(vd, e, doc);
        break;
      case "inputs":
        model.inputs = readInputs(vd, e, doc);
        break;
      case "threads":
        model.threads = vd.integer(e, doc, 1) ?? DEFAULTS.threads;
        break;
      case "device":
        model.device = vd.enumeration(e, doc, ENUMS.device, "device", { gpu: "cuda", nvidia: "cuda" }) ?? DEFAULTS.device;
        break;
      case "energy":
        model.energy = vd.enumeration(e, doc, ENUMS.energy, "energy meter") ?? DEFAULTS.energy;
        break;
      case "measure": {
        const m = vd.enumeration(e, doc, ENUMS.measure, "measurement");
        if (m) {
          model.measure = m;
          vd.measureSet.add(model);
        }
        break;
      }
      case "inference":
        model.inference = readInference(vd, e, doc);
        break;
      case "training":
        model.training = readTraining(vd, e, doc);
        break;
      case "advise":
        model.advise = vd.boolean(e, doc) ?? DEFAULTS.advise;
        break;
      case "compare":
        model.compare = vd.enumeration(e, doc, ENUMS.compare, "comparison mode") ?? DEFAULTS.compare;
        break;
      case "advise-max-time":
        model.adviseMaxTimeS = vd.quantity(e, "time", doc, true) ?? DEFAULTS.adviseMaxTimeS;
        break;
      case "budget":
        model.budget = readBudget(vd, e, doc);
        break;
    }
  }
  checkTailStatistics(vd, model);
  for (const limit of model.budget) {
    const why = whyUnmeasurable(limit.metric, model);
    if (why === void 0) continue;
    vd.issues.push({
      file: vd.file,
      path: limit.path,
      ...limit.line !== void 0 ? { line: limit.line } : {},
      ...limit.column !== void 0 ? { column: limit.column } : {},
      message: `${limit.kind === "regression" ? "this regression limit " : ""}${why.message}`,
      expected: why.expected,
      example: why.example
    });
  }
  return model;
}
function checkTailStatistics(vd, model) {
  const iterations = model.inference?.iterations;
  if (typeof iterations !== "number") return;
  for (const b of model.budget) {
    if (b.kind !== "regression" || b.metric !== "latency-p99" && b.metric !== "latency-p95") continue;
    const q = b.metric === "latency-p99" ? 99 : 95;
    const needed = minSamplesForPercentile(q);
    if (iterations >= needed) continue;
    const key = `regression.${b.metric}`;
    vd.issues.push({
      file: vd.file,
      path: b.path,
      ...b.line !== void 0 ? { line: b.line, column: b.column } : {},
      message: `\`${key}\` is decided by the ${q}th percentile of the latency, which needs at least ${needed} timed calls to estimate (two calls beyond it); \`inference.iterations\` is ${iterations}, so the figure would be the slowest of a few calls, not a p${q}`,
      expected: `\`iterations: auto\` or at least ${needed}, or a budget on a statistic ${iterations} calls estimate (\`latency-p50\` or \`latency-mean\`${q === 99 && iterations >= 40 ? ", or `latency-p95`" : ""})`,
      example: `inference: { iterations: ${needed} }`
    });
  }
}

// src/config/regions.ts
var KNOWN_REGIONS = Object.keys(carbon_intensity_default.regions).sort();
function isKnownRegion(code) {
  return KNOWN_REGIONS.includes(code);
}

// src/config/sections/power.ts
function readPower(vd, entry, doc) {
  const out = {};
  const entries = vd.mapping(entry.value, entry.path, entry.at, "power", doc) ?? [];
  for (const e of entries) {
    const d = SECTIONS.power[e.key];
    const w = vd.quantity(e, "power", d, true);
    if (w === void 0) continue;
    if (e.key === "cpu-tdp") out.cpuTdpW = w;
    else if (e.key === "idle-watts") out.idleW = w;
    else out.maxW = w;
  }
  if (out.idleW === void 0 !== (out.maxW === void 0)) {
    const given = entries.find((x) => x.key === (out.idleW === void 0 ? "max-watts" : "idle-watts"));
    const missing = out.idleW === void 0 ? "idle-watts" : "max-watts";
    if (given)
      vd.addFor(
        given,
        SECTIONS.power[given.key],
        `needs \`${missing}\` as well: the power model is a line from the whole machine's idle watts to its full-load watts, so give both (e.g. power: { idle-watts: 20 W, max-watts: 90 W }) or neither`
      );
  }
  if (out.idleW !== void 0 && out.maxW !== void 0 && out.maxW <= out.idleW) {
    const e = entries.find((x) => x.key === "max-watts");
    if (e) vd.addFor(e, SECTIONS.power["max-watts"], `must be greater than idle-watts (${out.idleW} W), got ${out.maxW} W`);
  }
  return out;
}
function readCarbon(vd, entry, doc) {
  const out = {};
  const entries = vd.mapping(entry.value, entry.path, entry.at, "carbon", doc) ?? [];
  for (const e of entries) {
    const d = SECTIONS.carbon[e.key];
    if (e.key === "intensity") {
      const g = vd.quantity(e, "carbon-intensity", d);
      if (g !== void 0) out.carbonIntensityGPerKWh = g;
    } else {
      const r = vd.text(e, d);
      if (r !== void 0 && !isKnownRegion(r)) {
        const close = suggest(r, KNOWN_REGIONS);
        vd.addFor(
          e,
          d,
          `\`${r}\` is not a region with a grid intensity in data/carbon-intensity.json${close !== void 0 ? `; did you mean \`${close}\`?` : ""} (known: ${KNOWN_REGIONS.join(", ")}; for any other grid give \`intensity\` in gCO2e/kWh instead)`
        );
      } else if (r !== void 0) {
        out.region = r;
      }
    }
  }
  const intensity = entries.find((e) => e.key === "intensity");
  if (intensity && entries.some((e) => e.key === "region")) {
    vd.add(
      entry.path,
      intensity.keyNode,
      "give either `intensity` or `region`, not both",
      doc.expected,
      SECTIONS.carbon.intensity?.example
    );
  }
  return out;
}

// src/config/load.ts
var MINIMAL_EXAMPLE = "`version: 1` then `models: [{ name: classifier, path: models/classifier.onnx }]`";
async function loadConfig(file, readFile4 = readTextFile) {
  const abs = resolve4(file);
  let text;
  try {
    text = await readFile4(abs);
  } catch (error) {
    const code = errnoCode(error);
    const why = code === "ENOENT" ? "the budget file does not exist" : code === "EISDIR" ? "the budget file is a folder" : `the budget file cannot be read (${messageOf(error)})`;
    throw new ConfigError([
      {
        file: abs,
        path: "",
        message: why,
        expected: "a YAML budget file: create `energy-budget.yml` next to your models, or pass `--config FILE`",
        example: MINIMAL_EXAMPLE
      }
    ]);
  }
  return parseConfig(text, abs);
}
function parseConfig(text, file) {
  const abs = resolve4(file);
  const dir = dirname(abs);
  const lineCounter = new import_yaml6.LineCounter();
  const doc = (0, import_yaml6.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const v = new Validator(abs, dir, lineCounter, doc);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) v.yamlError(e.code, e.message, e.pos, text);
    throw new ConfigError(v.issues);
  }
  const config = validateRoot(v, doc.contents, text);
  if (v.issues.length > 0) throw new ConfigError(sortIssues(v.issues));
  return config;
}
function sortIssues(issues) {
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i).map((x) => x.issue);
}
function validateRoot(vd, node, source) {
  const config = {
    version: 1,
    file: vd.file,
    dir: vd.dir,
    models: [],
    power: {},
    inconclusive: DEFAULTS.inconclusive,
    measure: DEFAULTS.measure,
    source
  };
  const resolved = vd.resolveNode(node);
  if (resolved === null) {
    vd.add("", null, "the budget file is empty", "a mapping with `version: 1` and a `models:` list", MINIMAL_EXAMPLE);
    return config;
  }
  if (!(0, import_yaml6.isMap)(resolved)) {
    vd.add(
      "",
      resolved,
      `the budget file must be a mapping, got ${vd.describe(resolved)}`,
      "a mapping with `version: 1` and a `models:` list",
      MINIMAL_EXAMPLE
    );
    return config;
  }
  const entries = vd.mapping(resolved, "", null, "root", void 0) ?? [];
  vd.required(entries, ["version", "models"], "root", "", resolved);
  for (const e of entries) {
    const doc = SECTIONS.root[e.key];
    switch (e.key) {
      case "version": {
        const v = vd.scalarValue(e);
        if (v !== 1) vd.addFor(e, doc, `unsupported version: got ${vd.describe(e.value)}; this release reads version 1`);
        break;
      }
      case "models":
        config.models = readModels(vd, e, doc);
        break;
      case "power":
        Object.assign(config.power, readPower(vd, e, doc));
        break;
      case "carbon":
        Object.assign(config.power, readCarbon(vd, e, doc));
        break;
      case "inconclusive":
        config.inconclusive = vd.enumeration(e, doc, ENUMS.inconclusive, "inconclusive outcome", {
          error: "fail",
          warning: "warn",
          ignore: "pass"
        }) ?? DEFAULTS.inconclusive;
        break;
      case "measure":
        config.measure = vd.enumeration(e, doc, ENUMS.measure, "measurement") ?? DEFAULTS.measure;
        break;
    }
  }
  for (const m of config.models) if (!vd.measureSet.has(m)) m.measure = config.measure;
  for (const m of config.models) checkInstructionLimits(vd, m);
  return config;
}
function checkInstructionLimits(vd, model) {
  if (model.measure === "instructions") return;
  for (const limit of model.budget) {
    if (!isInstructionMetric(limit.metric)) continue;
    vd.issues.push({
      file: vd.file,
      path: limit.path,
      ...limit.line !== void 0 ? { line: limit.line, column: limit.column ?? 1 } : {},
      message: `${limit.metric} is a simulated instruction count, which model \`${model.name}\` does not measure (its measure is \`time\`)`,
      expected: "`measure: instructions` on the model, or at the top of the budget file",
      example: "measure: instructions"
    });
  }
}

// src/engine/environment.ts
import os from "node:os";
function detectEnvironment(ortVersion2, device = "cpu") {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || os.arch(),
    logicalCpus: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    onnxruntime: ortVersion2,
    device
  };
}

// src/report/junit.ts
function escapeXml(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function caseXml(model, b) {
  const name = `${b.kind === "regression" ? "regression " : ""}${b.metric}`;
  const detail = `${b.metric}: value ${b.value}${estimatedSuffix(model, b.metric)}${b.baseline !== null ? `, baseline ${b.baseline}` : ""}, limit ${b.limit}${b.kind === "regression" && b.relative ? " (relative)" : ""}${b.changeCi95 ? `, change 95% CI [${b.changeCi95[0]}, ${b.changeCi95[1]}]` : ""}${b.message ? ` \u2014 ${b.message}` : ""}` + (b.tighterThanSpread ? `; warning: the limit is tighter than the spread of its energy method (${b.tighterThanSpread.method}, \xB1${Number((b.tighterThanSpread.spread * 100).toPrecision(2))}% at 95%, ${b.tighterThanSpread.source})` : "");
  const open = `    <testcase classname="${escapeXml(`energy-budget.${model.name}`)}" name="${escapeXml(name)}">`;
  switch (b.status) {
    case "fail":
      return `${open}
      <failure message="${escapeXml(`budget exceeded: ${detail}`)}">${escapeXml(detail)}</failure>
    </testcase>`;
    case "inconclusive":
    case "warn":
      return `${open}
      <system-out>${escapeXml(`${b.status}: ${detail}`)}</system-out>
    </testcase>`;
    default:
      return b.tighterThanSpread ? `${open}
      <system-out>${escapeXml(`${b.status}: ${detail}`)}</system-out>
    </testcase>` : `${open}</testcase>`;
  }
}
function renderJunit(report) {
  const suites = report.models.map((m) => {
    const cases = m.budgets.map((b) => caseXml(m, b));
    if (m.error) {
      cases.push(
        `    <testcase classname="${escapeXml(`energy-budget.${m.name}`)}" name="measure">
      <error type="${escapeXml(m.error.code)}" message="${escapeXml(m.error.message)}"></error>
    </testcase>`
      );
    }
    const failures2 = m.budgets.filter((b) => b.status === "fail").length;
    return `  <testsuite name="${escapeXml(m.name)}" tests="${cases.length}" failures="${failures2}" errors="${m.error ? 1 : 0}">
${cases.join("\n")}${cases.length ? "\n" : ""}  </testsuite>`;
  });
  const total = report.models.reduce((n, m) => n + m.budgets.length + (m.error ? 1 : 0), 0);
  const failures = report.models.reduce((n, m) => n + m.budgets.filter((b) => b.status === "fail").length, 0);
  const errors = report.models.filter((m) => m.error).length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="energy-budget" tests="${total}" failures="${failures}" errors="${errors}">
${suites.join("\n")}
</testsuites>
`;
}

// src/isolate/parent.ts
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
var DEFAULT_MAX_OLD_SPACE_MB = 4096;
function defaultTimeoutS(inferenceMaxTimeS, env = {}) {
  const fromEnv = Number(env.ENERGY_BUDGET_MODEL_TIMEOUT_S);
  if (env.ENERGY_BUDGET_MODEL_TIMEOUT_S && Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  const cap = inferenceMaxTimeS !== void 0 && Number.isFinite(inferenceMaxTimeS) ? inferenceMaxTimeS : 10;
  return Math.max(600, 30 * cap);
}
function locateWorker(moduleUrl = import.meta.url) {
  for (const rel of ["./worker.js", "../worker.js"]) {
    try {
      const file = fileURLToPath(new URL(rel, moduleUrl));
      if (existsSync(file)) return file;
    } catch {
    }
  }
  return null;
}
var SECRET_NAME = /token|secret|password|passwd|credential|private[_-]?key|api[_-]?key/i;
function scrubEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0 && !SECRET_NAME.test(k)) out[k] = v;
  return out;
}
var SIGNAL_MEANING = {
  SIGSEGV: "a segmentation fault",
  SIGBUS: "a bus error",
  SIGABRT: "an abort",
  SIGILL: "an illegal instruction",
  SIGFPE: "an arithmetic fault",
  SIGKILL: "SIGKILL (usually the kernel out-of-memory killer)"
};
var STDERR_TAIL_BYTES = 4e3;
function tailText(chunks) {
  const all = Buffer.concat(chunks).toString("utf8");
  const lines = all.split(/\r?\n/).filter(
    (l) => !/^\s*\d+: (0x[0-9a-f]+|file:|node:|\S+ \()/i.test(l) && !/^\s*-{3,}.*-{3,}\s*$/.test(l) && !/^\s*(#|Native stack|JavaScript stack)/.test(l)
  ).map((l) => l.trim()).filter(Boolean);
  return lines.join(" | ").slice(-600).replace(/[\u0000-\u001f\u007f]/g, "").trim();
}
function runIsolated(job, opts) {
  return new Promise((resolvePromise, rejectPromise) => {
    let child;
    try {
      child = fork(opts.workerPath, [], {
        execArgv: [`--max-old-space-size=${opts.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB}`],
        env: scrubEnv(job.env),
        stdio: ["ignore", "pipe", "pipe", "ipc"],
        serialization: "advanced"
      });
    } catch (error) {
      rejectPromise(
        new EnvironmentError(`Could not start the measurement worker ${opts.workerPath}: ${messageOf(error)}`, {
          cause: error
        })
      );
      return;
    }
    const stderr = [];
    let stderrBytes = 0;
    const keep = (chunk) => {
      stderr.push(chunk);
      stderrBytes += chunk.length;
      while (stderrBytes > STDERR_TAIL_BYTES && stderr.length > 1) stderrBytes -= stderr.shift().length;
    };
    child.stderr?.on("data", keep);
    child.stdout?.on("data", keep);
    let settled = false;
    let timedOut = false;
    let answer;
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    const start = opts.startTimer ?? ((ms, fire) => {
      const t = setTimeout(fire, ms);
      return () => clearTimeout(t);
    });
    const cancelTimer = start(Math.round(opts.timeoutS * 1e3), () => {
      if (settled || answer) return;
      timedOut = true;
      child.kill("SIGKILL");
    });
    const finish = (fn) => {
      if (settled) return;
      settled = true;
      cancelTimer();
      process.removeListener("exit", killOnExit);
      fn();
    };
    child.on("message", (raw) => {
      if (!raw || typeof raw !== "object") return;
      if (raw.type === "log") {
        const message = String(raw.message);
        if (raw.level === "warn") opts.logger.warn(message);
        else if (raw.level === "progress") opts.logger.progress(message);
        else opts.logger.info(message);
      } else if (raw.type === "result") {
        answer = { ok: true, value: raw.value, shown: Array.isArray(raw.shown) ? raw.shown : [] };
      } else if (raw.type === "error") {
        answer = { ok: false, error: deserializeError(raw.error) };
      }
    });
    child.on("error", (error) => {
      finish(
        () => rejectPromise(
          new EnvironmentError(`The measurement worker for ${opts.label} failed to run: ${error.message}`, { cause: error })
        )
      );
    });
    child.on("close", (code, signal) => {
      finish(() => {
        if (answer?.ok) return resolvePromise({ value: answer.value, shown: answer.shown });
        if (answer && !answer.ok) return rejectPromise(answer.error);
        const tail = tailText(stderr);
        const printed = tail ? ` Its last output was: "${tail}".` : "";
        if (timedOut) {
          return rejectPromise(
            new EnergyBudgetError(
              "MODEL_TIMEOUT",
              `Model ${opts.label}: the measurement did not finish within ${opts.timeoutS} s and was stopped (the ${job.kind} step was running in an isolated worker). A model that makes onnxruntime hang is treated as invalid input; the other models were measured. If the model is fine but slow, lower inference.max-time or iterations, or raise the limit with ENERGY_BUDGET_MODEL_TIMEOUT_S (seconds).${printed}`,
              2
            )
          );
        }
        const heap = /heap out of memory|Reached heap limit/i.test(tail);
        const how = heap ? `ran out of JavaScript heap memory (the worker is capped at ${opts.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB} MiB)` : signal ? `was killed by ${SIGNAL_MEANING[signal] ?? signal}` : `exited with code ${code} without a result`;
        rejectPromise(
          new EnergyBudgetError(
            "MODEL_CRASHED",
            `Model ${opts.label}: the measurement process ${how} during the ${job.kind} step, so this model has no figures; the other models were measured. onnxruntime crashing on a model means the model is malformed or uses an operator configuration the runtime cannot handle: check it with onnx.checker.check_model and run it once in onnxruntime by hand. If it is valid and still crashes, please report it with the model.${printed}`,
            2
          )
        );
      });
    });
    child.send(job, (error) => {
      if (!error) return;
      child.kill("SIGKILL");
      finish(
        () => rejectPromise(
          new EnvironmentError(`Could not send the job to the measurement worker: ${error.message}`, { cause: error })
        )
      );
    });
  });
}

// src/isolate/engine.ts
function createModelRunner(ctx, opts) {
  const workerPath = opts.mode === "off" ? null : opts.workerPath ?? locateWorker();
  if (!workerPath) {
    ctx.logger.warn(
      opts.mode === "off" ? "Models are measured in this process (isolation turned off): a crash or hang inside onnxruntime would end the whole run." : "Models are measured in this process because no bundled worker (worker.js) was found beside the engine (running from TypeScript sources?): a crash or hang inside onnxruntime would end the whole run. Build with `npm run bundle` to isolate each model."
    );
    return {
      mode: "in-process",
      measure: (cfg, _i, path) => measureModel(cfg, path, ctx),
      compare: (cfg, _i, basePath, head) => compareWithBase(cfg, basePath, head, ctx),
      advise: (cfg, _i, head) => adviseForModel(cfg, head, ctx),
      count: (cfg, _i, headPath, basePath) => countSides(cfg, headPath, basePath, ctx)
    };
  }
  const shown = ctx.shown ??= /* @__PURE__ */ new Set();
  const env = scrubEnv(ctx.env);
  const run = async (kind, cfg, modelIndex, path, head, basePath) => {
    const job = {
      kind,
      config: ctx.config,
      modelIndex,
      modelName: cfg.name,
      path,
      ...head ? { head } : {},
      ...basePath !== void 0 ? { basePath } : {},
      env,
      sysfsRoot: ctx.sysfsRoot,
      ...ctx.procRoot ? { procRoot: ctx.procRoot } : {},
      advise: ctx.advise,
      workspaceRoot: opts.workspaceRoot,
      shown: [...shown]
    };
    const out = await runIsolated(job, {
      workerPath,
      timeoutS: opts.timeoutS ?? defaultTimeoutS(cfg.inference?.maxTimeS, ctx.env),
      maxOldSpaceMb: opts.maxOldSpaceMb,
      logger: ctx.logger,
      label: `"${cfg.name}" (${cfg.pathInConfig})`,
      startTimer: opts.startTimer
    });
    for (const n of out.shown) shown.add(n);
    return out.value;
  };
  return {
    mode: "process",
    measure: (cfg, i, path) => run("measure", cfg, i, path),
    compare: (cfg, i, basePath, head) => run("compare", cfg, i, basePath, head),
    advise: (cfg, i, head) => run("advise", cfg, i, cfg.path, head),
    count: (cfg, i, headPath, basePath) => run("count", cfg, i, headPath, void 0, basePath)
  };
}

// src/isolate/log-safety.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function neutralizeLogText(text) {
  return String(text).replace(/\r\n?/g, "\n").replace(CONTROL, "").split("\n").map((line) => line.replace(/^(\s*):(?=:)/, "$1:\u200B").replace(/##\[/g, "#\u200B#[")).join("\n");
}
function safeLogger(logger) {
  return {
    info: (m) => logger.info(neutralizeLogText(m)),
    warn: (m) => logger.warn(neutralizeLogText(m)),
    progress: (m) => logger.progress(neutralizeLogText(m))
  };
}

// src/engine/baselines.ts
import { resolve as resolve6 } from "node:path";

// src/compare/budget-changes.ts
var import_yaml7 = __toESM(require_dist(), 1);
var LEVEL_ALIASES = { error: "error", fail: "error", warn: "warn", warning: "warn" };
var INCONCLUSIVE_ALIASES = {
  fail: "fail",
  error: "fail",
  warn: "warn",
  warning: "warn",
  pass: "pass",
  ignore: "pass"
};
var INCONCLUSIVE_RANK = { fail: 2, warn: 1, pass: 0 };
function readLimit2(metric, raw, regression) {
  let level = "error";
  let valueRaw = raw;
  if (isJsonObject(raw)) {
    level = LEVEL_ALIASES[String(raw.level ?? "error").toLowerCase()] ?? "error";
    valueRaw = raw.limit;
  }
  if (typeof valueRaw !== "string" && typeof valueRaw !== "number") return void 0;
  const relative4 = regression && typeof valueRaw === "string" && valueRaw.trim().endsWith("%");
  const parsed = tryParseQuantity(valueRaw, relative4 ? "percent" : metricKind(metric));
  if (!parsed.ok) return void 0;
  return { metric, regression, value: parsed.value, relative: relative4, level };
}
function readBudgets(text) {
  let doc;
  try {
    doc = (0, import_yaml7.parse)(text);
  } catch {
    return null;
  }
  const models = /* @__PURE__ */ new Map();
  if (!isJsonObject(doc)) return { models };
  const inconclusive = typeof doc.inconclusive === "string" ? INCONCLUSIVE_ALIASES[doc.inconclusive.toLowerCase()] : void 0;
  for (const m of Array.isArray(doc.models) ? doc.models : []) {
    if (!isJsonObject(m) || typeof m.name !== "string" || models.has(m.name)) continue;
    const limits = /* @__PURE__ */ new Map();
    const budget = isJsonObject(m.budget) ? m.budget : {};
    for (const [key, raw] of Object.entries(budget)) {
      if (key === "regression" && isJsonObject(raw)) {
        for (const [rk, rraw] of Object.entries(raw)) {
          const l = isMetricKey(rk) ? readLimit2(rk, rraw, true) : void 0;
          if (l) limits.set(`regression.${rk}`, l);
        }
      } else if (isMetricKey(key)) {
        const l = readLimit2(key, raw, false);
        if (l) limits.set(key, l);
      }
    }
    models.set(m.name, limits);
  }
  return { models, ...inconclusive ? { inconclusive } : {} };
}
function removedLimit(model, key, before, note) {
  return {
    model,
    metric: key,
    change: "removed",
    before: before.value,
    ...before.regression ? { relative: before.relative } : {},
    ...note ? { note } : {}
  };
}
function compareLimits(model, key, before, after) {
  const out = [];
  if (before.relative !== after.relative) {
    out.push({
      model,
      metric: key,
      change: "removed",
      before: before.value,
      relative: before.relative,
      note: `replaced by a limit in ${after.relative ? "percent" : "units"}`
    });
    out.push({
      model,
      metric: key,
      change: "added",
      after: after.value,
      relative: after.relative,
      note: `replaces a limit in ${before.relative ? "percent" : "units"}`
    });
  } else if (before.value !== after.value) {
    const floor = !before.regression && isMinimumMetric(before.metric);
    const looser = floor ? after.value < before.value : after.value > before.value;
    out.push({
      model,
      metric: key,
      change: looser ? "loosened" : "tightened",
      before: before.value,
      after: after.value,
      ...before.regression ? { relative: before.relative } : {}
    });
  }
  if (before.level !== after.level) {
    out.push({
      model,
      metric: key,
      change: after.level === "warn" ? "loosened" : "tightened",
      before: before.value,
      after: after.value,
      ...before.regression ? { relative: before.relative } : {},
      note: `level ${before.level} \u2192 ${after.level}`
    });
  }
  return out;
}
function diffBudgetFiles(baseText, headText) {
  const base = readBudgets(baseText);
  const head = readBudgets(headText);
  if (!base || !head) return [];
  const changes = [];
  const bi = base.inconclusive ?? "warn";
  const hi = head.inconclusive ?? "warn";
  if (bi !== hi) {
    changes.push({
      model: "*",
      metric: "inconclusive",
      change: INCONCLUSIVE_RANK[hi] < INCONCLUSIVE_RANK[bi] ? "loosened" : "tightened",
      note: `an inconclusive comparison now counts as ${hi} (was ${bi})`
    });
  }
  for (const [model, after] of head.models) {
    const before = base.models.get(model);
    for (const [key, a] of after) {
      const b = before?.get(key);
      if (!b) {
        changes.push({
          model,
          metric: key,
          change: "added",
          after: a.value,
          ...a.regression ? { relative: a.relative } : {},
          ...before ? {} : { note: "new model" }
        });
      } else {
        changes.push(...compareLimits(model, key, b, a));
      }
    }
    for (const [key, b] of before ?? []) {
      if (!after.has(key)) changes.push(removedLimit(model, key, b));
    }
  }
  for (const [model, before] of base.models) {
    if (head.models.has(model)) continue;
    for (const [key, b] of before) {
      changes.push(removedLimit(model, key, b, "model removed from the budget file"));
    }
  }
  return changes;
}

// src/baseline/report.ts
function describeThreads(m) {
  return m?.inference?.threads;
}
function environmentDifferences(base, head, config) {
  const out = [];
  const a = base.environment ?? {};
  const b = head.environment;
  const differ = (label, x, y, consequence) => {
    if (x !== void 0 && y !== void 0 && x !== y)
      out.push(`the baseline was measured ${label} ${JSON.stringify(x)}, this run ${label} ${JSON.stringify(y)}: ${consequence}`);
  };
  const perf = "latency and energy are not comparable across them, so regression checks compare machines as much as models";
  differ("on CPU", a.cpu, b.cpu, perf);
  differ("with logical CPUs", a.logicalCpus, b.logicalCpus, perf);
  differ("on device", a.device, b.device, perf);
  differ("with onnxruntime", a.onnxruntime, b.onnxruntime, "kernels and threading differ between versions");
  differ("on OS", a.os, b.os, "scheduling and timers differ");
  const headByName = new Map((head.models ?? []).map((m) => [m.name, m]));
  const cfgByName = new Map((config?.models ?? []).map((m) => [m.name, m]));
  for (const bm of base.models ?? []) {
    const hm = headByName.get(bm.name);
    const cfg = cfgByName.get(bm.name);
    const bt = describeThreads(bm);
    const ht = describeThreads(hm) ?? cfg?.threads;
    if (bt !== void 0 && ht !== void 0 && bt !== ht) {
      out.push(
        `${bm.name}: the baseline ran with ${bt} thread${bt === 1 ? "" : "s"}, this run with ${ht}: latency and energy are not comparable`
      );
    }
    const bMethod = bm.inference?.energy?.method;
    const hMethod = hm?.inference?.energy?.method ?? (cfg && cfg.energy !== "auto" ? cfg.energy : void 0);
    if (bMethod !== void 0 && hMethod !== void 0 && bMethod !== hMethod) {
      out.push(
        `${bm.name}: the baseline's energy came from ${bMethod}, this run's from ${hMethod}: energy figures from different meters are not comparable`
      );
    }
  }
  return out;
}

// src/baseline/git-baseline.ts
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname as dirname2, isAbsolute as isAbsolute2, join, posix, relative as relative2, resolve as resolve5, sep } from "node:path";
var LFS_POINTER_HEADER = "version https://git-lfs.github.com/spec/v1";
var LFS_POINTER_MAX_BYTES = 1024;
function isLfsPointer(bytes) {
  if (bytes.length > LFS_POINTER_MAX_BYTES || bytes.length < LFS_POINTER_HEADER.length) return false;
  return Buffer.from(bytes.subarray(0, LFS_POINTER_HEADER.length)).toString("latin1") === LFS_POINTER_HEADER;
}
async function repoRelativePath(top, repoDir, file) {
  const abs = resolve5(repoDir, file);
  let dir = dirname2(abs);
  const rest = [basename(abs)];
  let realDir = null;
  while (realDir === null) {
    try {
      realDir = await realpath(dir);
    } catch {
      const parent = dirname2(dir);
      if (parent === dir) {
        realDir = dir;
        break;
      }
      rest.unshift(basename(dir));
      dir = parent;
    }
  }
  const rel = relative2(await realpath(top).catch(() => top), join(realDir, ...rest));
  if (rel === "" || rel.startsWith("..") || isAbsolute2(rel)) {
    throw new InputError(
      "GIT_FAILED",
      `${abs} is outside the git repository at ${top}, so its base version cannot be read from git. Keep models inside the repository.`
    );
  }
  return rel.split(sep).join(posix.sep);
}
async function smudge(top, relPath, ref, pointer, options) {
  const fix = "Install Git LFS on the runner (`git lfs install`) and, in GitHub Actions, check out with `lfs: true` (actions/checkout), so that LFS files can be read.";
  try {
    await runGit(["lfs", "version"], top, options);
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new EnvironmentError(
        `${relPath} at ${ref} is a Git LFS pointer, but git-lfs is not installed, so the base model cannot be read. ${fix}`,
        {
          code: "GIT_FAILED",
          cause: error
        }
      );
    }
    throw error;
  }
  try {
    return await runGit(["lfs", "smudge", "--", relPath], top, {
      ...options,
      input: pointer,
      timeoutMs: options.fetchTimeoutMs ?? 6e5
    });
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new EnvironmentError(
        `${relPath} at ${ref} is a Git LFS pointer and \`git lfs smudge\` failed: ${error.stderr.trim()}. ${fix}`,
        {
          code: "GIT_FAILED",
          cause: error
        }
      );
    }
    throw error;
  }
}
async function blobAtCommit(top, commit, ref, relPath, options) {
  const listing = (await runGit(["ls-tree", "-z", "--full-tree", commit, "--", relPath], top, options)).toString("utf8");
  const entry = listing.split("\0").find((l) => l.endsWith(`	${relPath}`));
  if (!entry) return null;
  const [mode, type, object] = entry.split("	")[0].split(" ");
  if (type !== "blob") {
    throw new InputError(
      "GIT_FAILED",
      `${relPath} at ${ref} is a ${type === "tree" ? "folder" : `${type} (mode ${mode})`}, not a file.`
    );
  }
  return object;
}
async function readAtCommit(top, commit, ref, relPath, options) {
  const object = await blobAtCommit(top, commit, ref, relPath, options);
  if (object === null) return null;
  const bytes = await runGit(["cat-file", "blob", object], top, options);
  return isLfsPointer(bytes) ? smudge(top, relPath, ref, bytes, options) : bytes;
}
async function writeAtCommit(top, commit, ref, relPath, out, options) {
  const object = await blobAtCommit(top, commit, ref, relPath, options);
  if (object === null) return false;
  const size = Number((await runGit(["cat-file", "-s", object], top, options)).toString("utf8").trim());
  if (!(size > LFS_POINTER_MAX_BYTES)) {
    const bytes = await runGit(["cat-file", "blob", object], top, options);
    await writeFile(out, isLfsPointer(bytes) ? await smudge(top, relPath, ref, bytes, options) : bytes);
    return true;
  }
  const timeoutMs = options.timeoutMs ?? 12e4;
  const env = { ...options.env ?? process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  const child = spawn(options.gitPath ?? "git", ["cat-file", "blob", object], {
    cwd: top,
    env,
    stdio: ["ignore", "pipe", "pipe"]
  });
  let stderr = "";
  child.stderr.on("data", (d) => stderr = (stderr + d.toString("utf8")).slice(-4e3));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs + size / 5e4);
  const exited = new Promise((done) => child.on("close", (code) => done(code)));
  try {
    await pipeline(child.stdout, createWriteStream(out));
    const code = await exited;
    if (code !== 0) throw new GitCommandError(["cat-file", "blob", object], code, stderr);
  } catch (error) {
    throw new EnvironmentError(
      `Writing ${relPath} at ${ref} (${size} bytes) from git to ${out} failed: ${messageOf(error)}. Check the free disk space of the temporary folder and that git can read the repository.`,
      { code: "GIT_FAILED", cause: error }
    );
  } finally {
    clearTimeout(timer);
  }
  return true;
}
function externalLocations(graph, out) {
  if (!graph) return;
  const visit = (t) => {
    if (!t || t.dataLocation !== 1) return;
    const loc = (t.externalData ?? []).find((e) => e.key === "location")?.value;
    if (loc) out.add(loc);
  };
  (graph.initializer ?? []).forEach(visit);
  for (const n of graph.node ?? []) {
    for (const a of n.attribute ?? []) {
      visit(a.t);
      (a.tensors ?? []).forEach(visit);
      externalLocations(a.g, out);
      for (const g of a.graphs ?? []) externalLocations(g, out);
    }
  }
}
var GitBaseline = class _GitBaseline {
  constructor(ref, top, commit, repoDir, options) {
    this.ref = ref;
    this.top = top;
    this.repoDir = repoDir;
    this.options = options;
    this.commit = commit;
  }
  ref;
  top;
  repoDir;
  options;
  /** The full commit id the ref resolved to. */
  commit;
  tmp = null;
  /**
   * Finds the repository around `cwd` and resolves `ref` (fetching it shallowly if needed).
   * @throws InputError / EnvironmentError as {@link resolveRef}.
   */
  static async open(cwd, ref, options = {}) {
    const top = await repoTop(cwd, options);
    const commit = await resolveRef(top, ref, options);
    return new _GitBaseline(ref, top, commit, cwd, options);
  }
  /** A file's bytes at the base commit (LFS smudged), or null when it does not exist there. */
  async read(file) {
    return readAtCommit(this.top, this.commit, this.ref, await repoRelativePath(this.top, this.repoDir, file), this.options);
  }
  /** A text file at the base commit (UTF-8), or null when it does not exist there. */
  async readText(file) {
    return (await this.read(file))?.toString("utf8") ?? null;
  }
  /**
   * Writes the base version of a model (and any external-data files it names, kept at the
   * same relative places) into a temporary folder; returns the written model's path, or null
   * when the model does not exist at the base commit (a model new in this change).
   */
  async materializeModel(file) {
    const rel = await repoRelativePath(this.top, this.repoDir, file);
    const bytes = await readAtCommit(this.top, this.commit, this.ref, rel, this.options);
    if (bytes === null) return null;
    this.tmp ??= await mkdtemp(join(tmpdir(), "energy-budget-base-"));
    const out = join(this.tmp, ...rel.split(posix.sep));
    await mkdir(dirname2(out), { recursive: true });
    await writeFile(out, bytes);
    const locations = /* @__PURE__ */ new Set();
    try {
      externalLocations(decodeModel(bytes).graph, locations);
    } catch {
    }
    for (const loc of locations) {
      const dataRel = posix.normalize(posix.join(posix.dirname(rel), loc.split(sep).join(posix.sep)));
      if (dataRel.startsWith("..") || posix.isAbsolute(loc)) continue;
      const dataOut = join(this.tmp, ...dataRel.split(posix.sep));
      await mkdir(dirname2(dataOut), { recursive: true });
      await writeAtCommit(this.top, this.commit, this.ref, dataRel, dataOut, this.options);
    }
    return out;
  }
  /** Removes the temporary folder. */
  async close() {
    if (this.tmp) await rm(this.tmp, { recursive: true, force: true });
    this.tmp = null;
  }
};

// src/engine/baselines.ts
async function loadBaselines(run) {
  const { options, cwd, configFile, config, report, environment, env, logger } = run;
  let baselineByName = /* @__PURE__ */ new Map();
  if (options.baselinePath) {
    const file = resolve6(cwd, options.baselinePath);
    const base = await readReport(file);
    baselineByName = new Map(base.models.map((m) => [m.name, m]));
    const warnings = environmentDifferences(base, report, config);
    warnings.forEach((w) => logger.warn(w));
    report.baseline = { kind: "report", file: options.baselinePath, warnings };
  }
  const history = options.historyBaseline;
  if (history) {
    const warnings = [];
    const newest = history.records[history.records.length - 1];
    if (!newest) warnings.push(`the history of ${history.branch} is empty, so nothing is compared`);
    else {
      const what = describeChange(environmentParts(newest.environment, void 0), environmentParts(environment, void 0));
      if (what)
        warnings.push(
          `this run's environment differs from the newest run in the history (${what}); the comparison crosses machines`
        );
    }
    warnings.forEach((w) => logger.warn(w));
    report.baseline = { kind: "history", ref: history.branch, runs: history.window, warnings };
  }
  let git;
  let baseConfig = null;
  let baseText = null;
  if (options.baseRef) {
    git = await GitBaseline.open(cwd, options.baseRef, { env, logger });
    report.baseline = { kind: "git", ref: options.baseRef, warnings: [] };
    baseText = await git.readText(configFile);
    if (baseText !== null) {
      try {
        baseConfig = parseConfig(baseText, configFile);
      } catch (error) {
        const issues = error instanceof ConfigError ? error.issues : void 0;
        const w = `the base's budget file (${options.baseRef}) is not valid${issues ? ` (${issues.length} problem${issues.length === 1 ? "" : "s"})` : ""}, so base models are read at the head's paths`;
        logger.warn(w);
        report.baseline.warnings.push(w);
      }
      report.budgetChanges = diffBudgetFiles(baseText, config.source);
    }
  }
  return { byName: baselineByName, history, git, baseConfig, baseText };
}

// src/engine/model-run.ts
import { readFile as readFile3 } from "node:fs/promises";

// src/compare/spread.ts
var ENERGY_REGRESSION_METRICS = [
  "energy-per-inference",
  "energy-per-sample",
  "energy-per-1000-inferences",
  "energy-per-training-step",
  "energy-per-training-sample"
];
var DOCUMENTED_SPREAD = {
  estimate: {
    // CV 11.05% (10 runs: 665–962 µJ per inference) at load average 16 on 2 vCPUs: 1.96 × √2 × 0.1105.
    relative95: 0.31,
    source: "documented in docs/statistics.md: runs of 5,000 inferences on a shared 2-vCPU VM (npm run bench:meter); a runner with other load differs"
  }
};
function measuredSpread(comparison, method, baseline) {
  if (comparison?.roundSpread95 === void 0 || !Number.isFinite(comparison.roundSpread95) || !comparison.rounds)
    return void 0;
  return {
    relative95: comparison.roundSpread95,
    method,
    source: baseline === "git" ? `measured in this run: base against head over ${comparison.rounds} paired comparison rounds` : `measured over the ${comparison.rounds} runs of the history it was compared with`,
    kind: "run"
  };
}
function documentedSpread(method) {
  const d = DOCUMENTED_SPREAD[method];
  return d ? { ...d, method, kind: "documented" } : void 0;
}
function flagTightEnergyLimits(budgets, spreadOf) {
  const notices = [];
  for (const b of budgets) {
    if (b.kind !== "regression" || !b.relative || b.unchanged || !isOneOf(ENERGY_REGRESSION_METRICS, b.metric)) continue;
    const s = spreadOf(b.metric);
    if (!s || !(b.limit < s.relative95)) continue;
    b.tighterThanSpread = { spread: s.relative95, method: s.method, source: s.source };
    notices.push(
      `the regression limit ${b.metric} +${pct(b.limit)} is tighter than the spread of its energy method (${s.method}): two measurements of the same model differ by up to \xB1${pct(s.relative95)} (95%; ${s.source}). ` + (s.kind === "run" ? "The comparison averages its rounds, so it can still decide, but it needs more rounds and ends inconclusive more often; " : "A comparison with one figure on each side (a baseline report) can pass or fail on noise alone; ") + 'see docs/statistics.md, "Energy limits tighter than the spread"'
    );
  }
  return notices;
}
function pct(x) {
  return `${Number((x * 100).toPrecision(2))}%`;
}

// src/baseline/identity.ts
var import_yaml8 = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile as readFile2, stat as stat2 } from "node:fs/promises";
import { dirname as dirname3, resolve as resolve7 } from "node:path";
var CANONICAL_MAX_BYTES = 512 * 1024 * 1024;
async function hashFile(hash, file) {
  let n = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    hash.update(bytes);
    n += bytes.length;
  }
  return n;
}
function externalLocations2(proto) {
  const out = /* @__PURE__ */ new Set();
  forEachTensor(proto.graph, (t) => {
    if (isExternal(t)) {
      const loc = externalEntries(t).location;
      if (loc) out.add(loc);
    }
  });
  return [...out].sort();
}
var DROP_MODEL = /* @__PURE__ */ new Set(["producerName", "producerVersion", "docString", "modelVersion", "domain", "metadataProps"]);
var DROP_ANYWHERE = /* @__PURE__ */ new Set(["docString"]);
var DROP_GRAPH = /* @__PURE__ */ new Set(["name", "valueInfo"]);
var DROP_NODE = /* @__PURE__ */ new Set(["name"]);
function feed(hash, value, kind) {
  if (value instanceof Uint8Array) {
    hash.update(`b${value.length}:`);
    hash.update(value);
    return;
  }
  if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const v of value) feed(hash, v, kind);
    hash.update("]");
    return;
  }
  if (isJsonObject(value)) {
    const dropped = (k) => DROP_ANYWHERE.has(k) || kind === "model" && DROP_MODEL.has(k) || kind === "graph" && DROP_GRAPH.has(k) || kind === "node" && DROP_NODE.has(k);
    hash.update("{");
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (dropped(k) || v === void 0 || Array.isArray(v) && v.length === 0) continue;
      hash.update(`${JSON.stringify(k)}=`);
      feed(hash, v, k === "graph" || k === "g" || k === "graphs" ? "graph" : k === "node" ? "node" : "other");
      hash.update(";");
    }
    hash.update("}");
    return;
  }
  hash.update(`${typeof value}:${JSON.stringify(value)};`);
}
function canonicalDigest(proto, externalDigests) {
  const hash = createHash("sha256");
  hash.update("energy-budget canonical model v1\n");
  feed(hash, proto, "model");
  for (const [loc, digest] of externalDigests) hash.update(`
external ${JSON.stringify(loc)} ${digest}`);
  return hash.digest("hex");
}
async function digestModel(path, opts = {}) {
  const size = (await stat2(path)).size;
  const bytesHash = createHash("sha256");
  bytesHash.update("model\n");
  let proto = null;
  if (size <= (opts.canonicalMaxBytes ?? CANONICAL_MAX_BYTES)) {
    const bytes = await readFile2(path);
    bytesHash.update(bytes);
    try {
      proto = decodeModel(bytes);
    } catch {
      proto = null;
    }
  } else {
    await hashFile(bytesHash, path);
  }
  let total = size;
  const externals = [];
  for (const loc of proto ? externalLocations2(proto) : []) {
    const file = resolve7(dirname3(path), loc);
    const h = createHash("sha256");
    try {
      total += await hashFile(h, file);
    } catch {
      h.update("(missing)");
    }
    const d = h.digest("hex");
    externals.push([loc, d]);
    bytesHash.update(`
external ${JSON.stringify(loc)} ${d}`);
  }
  return {
    bytesSha256: bytesHash.digest("hex"),
    canonicalSha256: proto ? canonicalDigest(proto, externals) : null,
    sizeBytes: total
  };
}
var ENTRY_KEYS_IGNORED = /* @__PURE__ */ new Set(["budget", "advise", "compare"]);
function measurementEntry(budgetText, modelName) {
  let doc;
  try {
    doc = (0, import_yaml8.parse)(budgetText);
  } catch {
    return void 0;
  }
  if (!isJsonObject(doc) || !Array.isArray(doc.models)) return void 0;
  const entry = doc.models.find((m) => isJsonObject(m) && m.name === modelName);
  if (!isJsonObject(entry)) return void 0;
  const kept = Object.fromEntries(Object.entries(entry).filter(([k]) => !ENTRY_KEYS_IGNORED.has(k)));
  return stableJson({ entry: kept, power: doc.power ?? null, carbon: doc.carbon ?? null });
}
function stableJson(v) {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (isJsonObject(v))
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(",")}}`;
  return JSON.stringify(v ?? null);
}
function compareIdentity(base, head, runtime) {
  if (base.entry === void 0 || head.entry === void 0 || base.entry !== head.entry)
    return { identical: null, reason: "its budget-file entry changed" };
  const names = /* @__PURE__ */ new Set([...Object.keys(base.files), ...Object.keys(head.files)]);
  for (const n of names) {
    if ((base.files[n] ?? null) !== (head.files[n] ?? null)) return { identical: null, reason: `${n} changed` };
  }
  if (base.digest.bytesSha256 === head.digest.bytesSha256)
    return { identical: { match: "bytes", sha256: head.digest.bytesSha256, runtime, baseSizeBytes: base.digest.sizeBytes } };
  if (base.digest.canonicalSha256 !== null && base.digest.canonicalSha256 === head.digest.canonicalSha256)
    return {
      identical: {
        match: "graph-and-weights",
        sha256: head.digest.canonicalSha256,
        runtime,
        baseSizeBytes: base.digest.sizeBytes
      }
    };
  return { identical: null, reason: "the model changed" };
}
function sha256OrNull(bytes) {
  return bytes === null ? null : createHash("sha256").update(bytes).digest("hex");
}

// src/history/baseline.ts
function historyBaselineFor(records, model, head, window) {
  const out = { metrics: {}, comparisons: {}, runs: 0, notes: [] };
  let found = false;
  for (const metric of HISTORY_METRICS) {
    const series = buildSeries(records, model, metric, window);
    if (!series.points.length) continue;
    found = true;
    if (!isMeasuredMetric(metric)) {
      out.metrics[metric] = series.points[series.points.length - 1].value;
      continue;
    }
    const seg = lastSegment(series).map((p) => p.value);
    out.runs = Math.max(out.runs, seg.length);
    if (seg.every((v) => v > 0)) out.metrics[metric] = geometricMean(seg);
    const h = head[metric];
    const cmp = h !== void 0 ? historyComparison(seg, h) : void 0;
    if (cmp) out.comparisons[metric] = cmp;
    else if (h !== void 0 && seg.length < MIN_HISTORY_RUNS)
      out.notes.push(
        `${metric}: only ${seg.length} run${seg.length === 1 ? "" : "s"} in the history since the last environment change (at least ${MIN_HISTORY_RUNS} give an interval); compared by point values`
      );
  }
  return found ? out : null;
}

// src/engine/model-run.ts
function modelError(cfg, error) {
  const code = isUserFacing(error) ? error.code : "INTERNAL";
  const message = isUserFacing(error) ? error.message : `internal error while measuring: ${messageOf(error)}`;
  return {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
    flops: 0,
    budgets: [],
    error: { code, message, exitCode: exitCodeOf(error) }
  };
}
function incompleteMetrics(m) {
  const ops = m.flopsUncounted?.ops ?? [];
  if (!ops.length) return {};
  return {
    flops: `the FLOPs count leaves out ${ops.join(", ")} (${ops.length === 1 ? "an op" : "ops"} whose cost could not be counted; see docs/flops.md), so a FLOPs limit cannot be enforced on this model`
  };
}
function batchMismatch(name, base, head) {
  const was = base.inference?.batchSize;
  const now = head.inference?.batchSize;
  if (typeof was !== "number" || typeof now !== "number" || was === now) return void 0;
  return `${name}: the baseline report measured batch ${was}, this run batch ${now}, so per-inference figures (latency, energy per inference, carbon per inference) differ by about the batch ratio whatever changed; compare per-sample metrics, or measure the baseline at the same dims`;
}
async function runModel(cfg, state) {
  const { options, config, logger, workspaceRoot, missing, runner } = state;
  const { git, baseConfig, baseText, history, byName: baselineByName } = state.baselines;
  let head;
  const missingFile = missing.get(cfg);
  if (missingFile) return modelError(cfg, missingFile);
  try {
    await assertInsideWorkspace(cfg.path, workspaceRoot, `Model "${cfg.name}": its path`);
    if (cfg.training?.stepModel)
      await assertInsideWorkspace(cfg.training.stepModel, workspaceRoot, `Model "${cfg.name}": its training step-model`);
    head = await runner.measure(cfg, config.models.indexOf(cfg), cfg.path);
  } catch (error) {
    if (exitCodeOf(error) === 3 && !isUserFacing(error)) {
      const stack = typeof error === "object" && error !== null && "stack" in error ? error.stack : void 0;
      logger.warn(String(stack ?? error));
    }
    return modelError(cfg, error);
  }
  let comparisons = {};
  let baselineMetrics = null;
  let comparedBasePath;
  if (git) {
    const baseCfg = baseConfig?.models.find((m) => m.name === cfg.name) ?? cfg;
    const basePath = await git.materializeModel(baseCfg.path);
    const identity = basePath !== null && cfg.compare === "auto" && baseText !== null ? await identicalToBase(cfg, baseCfg, basePath, baseText, config.source, git, logger) : null;
    if (basePath === null) {
      head.change = "new";
    } else if (identity) {
      head.identicalToBase = identity;
      baselineMetrics = { "model-size": identity.baseSizeBytes, parameters: head.size.parameters, flops: head.flops };
    } else {
      try {
        const cmp = await runner.compare(cfg, config.models.indexOf(cfg), basePath, head);
        head.baseline = cmp.base;
        baselineMetrics = metricValues(cmp.base);
        comparisons = cmp.comparisons;
        comparedBasePath = basePath;
      } catch (error) {
        const w = `${cfg.name}: the base version could not be measured, so no regression check was made: ${messageOf(error)}`;
        logger.warn(w);
        (head.notices ??= []).push(w);
      }
    }
  } else if (history) {
    const hb = historyBaselineFor(history.records, cfg.name, metricValues(head), history.window);
    if (hb) {
      baselineMetrics = hb.metrics;
      comparisons = hb.comparisons;
      if (hb.notes.length) (head.notices ??= []).push(...hb.notes.map((n) => `history baseline: ${n}`));
    } else head.change = "new";
  } else if (baselineByName.size) {
    const base = baselineByName.get(cfg.name);
    if (base && !base.error) {
      const { budgets: _b, baseline: _bb, ...rest } = base;
      head.baseline = rest;
      baselineMetrics = metricValues(base);
      const batchWarning = batchMismatch(cfg.name, base, head);
      if (batchWarning) {
        logger.warn(batchWarning);
        (head.notices ??= []).push(batchWarning);
      }
    } else if (!base) head.change = "new";
  }
  if (cfg.measure === "instructions" && head.inference) {
    const base = comparedBasePath !== void 0 && head.baseline?.inference ? head.baseline : void 0;
    try {
      const counted = await runner.count(cfg, config.models.indexOf(cfg), cfg.path, base ? comparedBasePath : void 0);
      head.inference.instructions = counted.head;
      if (base?.inference && counted.base) {
        base.inference.instructions = counted.base;
        baselineMetrics = metricValues(base);
      }
      if (counted.notices.length) (head.notices ??= []).push(...counted.notices);
    } catch (error) {
      return modelError(cfg, error);
    }
  }
  head.budgets = evaluateBudgets(cfg.budget, metricValues(head), baselineMetrics, comparisons, {
    inconclusive: config.inconclusive,
    incomplete: incompleteMetrics(head)
  });
  if (head.identicalToBase) head.budgets = markUnchanged(head.budgets, head.identicalToBase);
  else if (head.baseline && baselineMetrics) showBase(head, baselineMetrics, comparisons);
  for (const w of tightEnergyLimits(head, comparisons, git ? "git" : history ? "history" : void 0)) {
    logger.warn(`${cfg.name}: ${w}`);
    (head.notices ??= []).push(w);
  }
  if (options.advise || cfg.advise || head.budgets.some((b) => b.status === "fail")) {
    try {
      head.advice = await runner.advise(cfg, config.models.indexOf(cfg), head);
    } catch (error) {
      const w = `${cfg.name}: the optimisation advisor failed: ${messageOf(error)}`;
      logger.warn(w);
      (head.notices ??= []).push(w);
    }
  }
  return head;
}
function tightEnergyLimits(head, comparisons, baseline) {
  return flagTightEnergyLimits(head.budgets, (metric) => {
    const method = (metric.includes("training") ? head.training?.energy : head.inference?.energy)?.method;
    if (!method) return void 0;
    return (baseline ? measuredSpread(comparisons[metric], method, baseline) : void 0) ?? documentedSpread(method);
  });
}
var INFORMATION_METRICS = ["latency-p50", "energy-per-inference"];
function showBase(head, base, comparisons) {
  for (const b of head.budgets) {
    if (b.kind !== "absolute" || !isMetricKey(b.metric)) continue;
    const value = base[b.metric];
    if (value === void 0 || !Number.isFinite(value)) continue;
    b.baseline = value;
    const c = comparisons[b.metric];
    if (c) {
      b.change = c.estimate;
      b.changeCi95 = c.changeCi95;
      if (c.centres) b.compared = c.centres;
    }
  }
  const headValues = metricValues(head);
  const rows = INFORMATION_METRICS.filter((m) => !head.budgets.some((b) => b.metric === m)).flatMap((m) => {
    const h = headValues[m];
    const v = base[m];
    if (h === void 0 || v === void 0 || !Number.isFinite(h) || !Number.isFinite(v)) return [];
    const c = comparisons[m];
    return [
      {
        metric: m,
        base: v,
        head: h,
        ...c ? { change: c.estimate, changeCi95: c.changeCi95, method: c.method } : {},
        ...c?.centres ? { compared: c.centres } : {}
      }
    ];
  });
  if (rows.length) head.baseComparison = rows;
}
var UNCHANGED_MATCH = {
  bytes: "the same bytes",
  "graph-and-weights": "the same graph and weights (only metadata such as the doc string differs)"
};
function markUnchanged(budgets, identity) {
  return budgets.map(
    (b) => b.kind === "regression" && !isDeterministicMetric(b.metric) && Number.isFinite(b.value) ? {
      ...b,
      status: "pass",
      unchanged: true,
      message: `unchanged (identical to base): ${UNCHANGED_MATCH[identity.match]}, the same budget-file entry and runtime (${identity.runtime}), so the base was not measured again (\`compare: always\` measures it)`
    } : b
  );
}
async function identicalToBase(cfg, baseCfg, basePath, baseText, headText, git, logger) {
  try {
    const named = [
      ...Object.values(cfg.inputs).flatMap((s) => s.kind === "npy" ? [s.file] : []),
      ...cfg.training?.stepModel ? [cfg.training.stepModel] : []
    ];
    const headFiles = {};
    const baseFiles = {};
    for (const f of named) {
      headFiles[f] = sha256OrNull(await readFile3(f).catch(() => null));
      baseFiles[f] = sha256OrNull(await git.read(f).catch(() => null));
    }
    const runtime = `onnxruntime-node ${ortVersion()}, ${cfg.device} execution provider`;
    const result = compareIdentity(
      { digest: await digestModel(basePath), entry: measurementEntry(baseText, baseCfg.name), files: baseFiles },
      { digest: await digestModel(cfg.path), entry: measurementEntry(headText, cfg.name), files: headFiles },
      runtime
    );
    if (result.identical) {
      logger.progress(`  ${cfg.name}: identical to the base (${result.identical.match}); the base is not measured again`);
      return result.identical;
    }
    logger.progress(`  ${cfg.name}: ${result.reason}; measuring the base`);
    return null;
  } catch (error) {
    logger.progress(
      `  ${cfg.name}: could not tell whether the model is identical to the base (${messageOf(error)}); measuring the base`
    );
    return null;
  }
}

// src/engine/removed.ts
function removedModels(config, baselines, options) {
  const { baseConfig, byName: baselineByName } = baselines;
  const headNames = new Set(config.models.map((m) => m.name));
  const removed = options.baseRef ? (baseConfig?.models ?? []).filter((m) => !headNames.has(m.name)).map((m) => m.name) : [...baselineByName.keys()].filter((n) => !headNames.has(n));
  return selectShard(removed, options.shard).map((name) => ({
    name,
    path: "",
    change: "removed",
    size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
    flops: 0,
    budgets: []
  }));
}

// src/engine/run.ts
async function writeOut(file, text) {
  await writeFileAtomic(file, text);
  return file;
}
async function writeReports(report, cwd, paths) {
  const files = {};
  if (paths.json) files.json = await writeOut(resolve8(cwd, paths.json), `${JSON.stringify(report, null, 2)}
`);
  if (paths.markdown)
    files.markdown = await writeOut(resolve8(cwd, paths.markdown), renderMarkdown(report, { maxChars: 1e6 }));
  if (paths.junit) files.junit = await writeOut(resolve8(cwd, paths.junit), renderJunit(report));
  return files;
}
async function runEnergyBudget(options, deps = {}) {
  const logger = safeLogger(deps.logger ?? silentLogger);
  const env = deps.env ?? process.env;
  const procRoot = "/proc";
  const footprintStart = await startFootprint({ procRoot });
  const cwd = resolve8(options.cwd);
  const configFile = resolve8(cwd, options.configPath);
  const config = await loadConfig(configFile);
  const models = selectShard(config.models, options.shard);
  const environment = detectEnvironment(ortVersion());
  const workspaceRoot = findWorkspaceRoot(configFile, env);
  const missing = await missingNamedFiles(config, models, workspaceRoot);
  for (const error of missing.values()) logger.warn(error.message);
  const ctx = {
    config,
    logger,
    env,
    clockNs: deps.clockNs ?? (() => process.hrtime.bigint()),
    sysfsRoot: deps.sysfsRoot ?? env.ENERGY_BUDGET_SYSFS ?? "/sys",
    advise: options.advise === true,
    readFile: confinedReadFile(workspaceRoot),
    sleep: deps.sleep
  };
  const counted = models.filter((m) => m.measure === "instructions");
  if (counted.length) {
    const tool = await findValgrind(env).catch(async (error) => {
      if (!options.installValgrind || env.RUNNER_OS !== "Linux") throw error;
      logger.progress("Valgrind is not installed: installing it with `sudo apt-get install -y valgrind` (measure: instructions)");
      const seconds = await installValgrind(env);
      logger.progress(`Valgrind installed in ${seconds.toFixed(0)} s`);
      return findValgrind(env);
    });
    logger.progress(
      `note: ${counted.map((m) => m.name).join(", ")}: instructions are counted under ${tool.version} (callgrind), SIMULATED`
    );
  }
  const runner = createModelRunner(ctx, { ...deps.isolation, workspaceRoot });
  const report = {
    schemaVersion: 1,
    verdict: "pass",
    environment,
    models: [],
    config: relative3(cwd, configFile) || configFile,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    shard: options.shard ?? { index: 1, count: 1 },
    commit: env.GITHUB_SHA || await headCommit(dirname4(configFile), { env }),
    modelsDigest: modelsDigest(config.models.map((m) => ({ name: m.name, path: m.pathInConfig }))),
    configModels: config.models.map((m) => m.name)
  };
  const baselines = await loadBaselines({ options, cwd, configFile, config, report, environment, env, logger });
  const { git } = baselines;
  try {
    for (const [i, cfg] of models.entries()) {
      logger.progress(`[${i + 1}/${models.length}] ${cfg.name}: measuring ${cfg.pathInConfig}`);
      report.models.push(await runModel(cfg, { options, config, logger, workspaceRoot, missing, runner, baselines }));
    }
    report.models.push(...removedModels(config, baselines, options));
  } finally {
    await git?.close();
  }
  report.verdict = overallVerdict(report.models);
  try {
    report.footprint = await endFootprint(footprintStart, config.power, { procRoot });
  } catch (error) {
    logger.warn(`the check's own footprint could not be estimated: ${messageOf(error)}`);
  }
  const files = await writeReports(report, cwd, {
    json: options.jsonPath,
    markdown: options.markdownPath,
    junit: options.junitPath
  });
  logger.info(renderText(report));
  return { report, exitCode: reportExitCode(report), files };
}
function reportExitCode(report, options = {}) {
  const modelExit = report.models.reduce((worst, m) => {
    const code = m.error?.exitCode ?? (m.error ? ExitCode.INTERNAL : ExitCode.OK);
    return code > worst ? code : worst;
  }, ExitCode.OK);
  if (report.verdict === "incomplete" && !options.allowIncomplete) return ExitCode.INTERNAL;
  return modelExit || (report.verdict === "fail" ? ExitCode.BUDGET_EXCEEDED : ExitCode.OK);
}
export {
  EnvironmentError,
  reportExitCode,
  runEnergyBudget,
  writeReports
};
