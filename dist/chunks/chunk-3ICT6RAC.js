import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-JQDTM3AS.js";
import {
  GZIP_LEVEL,
  VARIANT_IDS,
  adviseModel,
  analyzeModel,
  attr,
  dtypeBytes,
  dtypeName,
  externalDataFolder,
  externalDataOptions,
  float16BitsOf,
  forEachTensor,
  fsExternalReader,
  gzipSize,
  int64Tensor,
  isExternal,
  loadModel,
  makeTensor,
  nativeFloat16,
  node,
  opKey,
  ortSessionFactoryIn,
  rawTensor,
  resolveExternalRef,
  resolveShapesAndValues,
  staticShapes,
  synthesizeInputs,
  valueInfo
} from "./chunk-MHJ4G5T3.js";
import {
  InferenceSession,
  Tensor,
  env
} from "./chunk-VJGMPWIK.js";
import {
  DataType,
  decodeModel,
  encodeModel
} from "./chunk-R3OHUB5T.js";
import {
  METRIC_KEYS,
  abbaBaseFirst,
  createSequentialComparison,
  isInstructionMetric,
  isMetricKey,
  metricDescription,
  metricKind,
  metricPhase,
  minSamplesForPercentile,
  minSamplesPerRound,
  planRoundsPerLook
} from "./chunk-GTQO6RY3.js";
import {
  onnxRuntimeFor
} from "./chunk-SR5KBDGD.js";
import {
  mean,
  median,
  percentile,
  percentiles,
  quantileSorted,
  relativeCiHalfWidth,
  stdev
} from "./chunk-PKNTQNRV.js";
import {
  createRng,
  seedFrom
} from "./chunk-4K6K6CUH.js";
import {
  EstimateMeter,
  USER_HZ,
  errorCode,
  estimateCoefficients,
  estimateFromTimings,
  nodeFs,
  pct,
  readCpuInfo,
  readCpuTimes,
  realClockNs,
  realTicker,
  resolvePowerModel,
  secondsBetween
} from "./chunk-FH5OFG5U.js";
import {
  ConfigError,
  EnergyBudgetError,
  EnvironmentError,
  InputError,
  limitErrorOf
} from "./chunk-2JFKSI3H.js";
import {
  describeKind,
  tryParseQuantity
} from "./chunk-MJFYPYIG.js";
import {
  __toESM
} from "./chunk-DSY7S6TO.js";

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile as fsReadFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

// src/config/did-you-mean.ts
function editDistance(a, b) {
  const m = a.length;
  const n = b.length;
  const d = Array.from(
    { length: m + 1 },
    (_, i) => Array.from({ length: n + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i];
      const prev = d[i - 1];
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[m][n];
}
function normalise(s) {
  return s.toLowerCase().replace(/[_\s]+/g, "-");
}
function suggest(input, candidates) {
  const norm = normalise(input);
  const exact = candidates.find((c) => normalise(c) === norm);
  if (exact !== void 0) return exact;
  const limit = Math.min(3, Math.max(1, Math.floor(norm.length / 3)));
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(norm, normalise(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : void 0;
}

// data/carbon-intensity.json
var carbon_intensity_default = {
  $comment: "Grid carbon intensity, gCO2e per kWh (src/energy/carbon.ts, docs/energy.md). 'lifecycle' figures include upstream emissions (fuel supply, plant construction); 'combustion' figures count direct emissions only and are lower for fossil-heavy grids. Codes are ISO 3166-1 alpha-2 (US: the national average), plus US eGRID NERC regions (US-SERC, US-RFC, US-WECC). Annual averages: the real intensity varies by hour.",
  world: {
    gPerKWh: 480,
    basis: "lifecycle",
    source: "Ember, Global Electricity Review 2024 (8 May 2024): the CO2 intensity of global power generation reached a record low of 480 gCO2/kWh in 2023",
    year: 2023
  },
  regions: {
    AR: {
      name: "Argentina",
      gPerKWh: 354,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    AT: {
      name: "Austria",
      gPerKWh: 111,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    AU: {
      name: "Australia",
      gPerKWh: 549,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BA: {
      name: "Bosnia and Herzegovina",
      gPerKWh: 600,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BD: {
      name: "Bangladesh",
      gPerKWh: 691,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BE: {
      name: "Belgium",
      gPerKWh: 138,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BG: {
      name: "Bulgaria",
      gPerKWh: 335,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BH: {
      name: "Bahrain",
      gPerKWh: 505.9,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    BO: {
      name: "Bolivia",
      gPerKWh: 532,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BR: {
      name: "Brazil",
      gPerKWh: 98,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CA: {
      name: "Canada",
      gPerKWh: 170,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CL: {
      name: "Chile",
      gPerKWh: 291,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CN: {
      name: "China",
      gPerKWh: 582,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CO: {
      name: "Colombia",
      gPerKWh: 260,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CR: {
      name: "Costa Rica",
      gPerKWh: 53,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CY: {
      name: "Cyprus",
      gPerKWh: 534,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CZ: {
      name: "Czechia",
      gPerKWh: 450,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    DE: {
      name: "Germany",
      gPerKWh: 381,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    DK: {
      name: "Denmark",
      gPerKWh: 152,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EC: {
      name: "Ecuador",
      gPerKWh: 150,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EE: {
      name: "Estonia",
      gPerKWh: 417,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EG: {
      name: "Egypt",
      gPerKWh: 570,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    FI: {
      name: "Finland",
      gPerKWh: 79,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    FR: {
      name: "France",
      gPerKWh: 56,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    GB: {
      name: "United Kingdom",
      gPerKWh: 225,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    GE: {
      name: "Georgia",
      gPerKWh: 168,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    GR: {
      name: "Greece",
      gPerKWh: 337,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    HK: {
      name: "Hong Kong",
      gPerKWh: 710,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    HR: {
      name: "Croatia",
      gPerKWh: 205,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    HU: {
      name: "Hungary",
      gPerKWh: 204,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IE: {
      name: "Ireland",
      gPerKWh: 291,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IN: {
      name: "India",
      gPerKWh: 713,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IR: {
      name: "Iran",
      gPerKWh: 655,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IT: {
      name: "Italy",
      gPerKWh: 213.4,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    JP: {
      name: "Japan",
      gPerKWh: 465.8,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    KR: {
      name: "South Korea",
      gPerKWh: 415.6,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    NO: {
      name: "Norway",
      gPerKWh: 30,
      basis: "lifecycle",
      source: "Ember, 'Electricity generation emission intensity in selected countries worldwide in 2023' (as published by Statista, 3 July 2024)",
      year: 2023
    },
    SE: {
      name: "Sweden",
      gPerKWh: 8.8,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    SG: {
      name: "Singapore",
      gPerKWh: 408,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    SV: {
      name: "El Salvador",
      gPerKWh: 271,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    US: {
      name: "United States (national average)",
      gPerKWh: 387.4,
      basis: "combustion",
      source: 'US Energy Information Administration, "Carbon intensity of electricity generation by state" (Sept 2022): the US average was 854 lb CO2/MWh in 2020 (854 \xD7 0.45359237 kg/lb = 387.4 g/kWh); direct (combustion) CO2, the same year and basis as the eGRID2020 NERC-region rows',
      year: 2020
    },
    "US-RFC": {
      name: "United States, RFC region (mid-Atlantic/Midwest)",
      gPerKWh: 410.608,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    "US-SERC": {
      name: "United States, SERC region (south-east)",
      gPerKWh: 379.069,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    "US-WECC": {
      name: "United States, WECC region (west)",
      gPerKWh: 322.167,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    ZA: {
      name: "South Africa",
      gPerKWh: 900.6,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    }
  }
};

// src/config/regions.ts
var KNOWN_REGIONS = Object.keys(
  carbon_intensity_default.regions
).sort();
function isKnownRegion(code) {
  return KNOWN_REGIONS.includes(code);
}

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

// src/config/schema.ts
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

// src/config/load.ts
var MINIMAL_EXAMPLE = "`version: 1` then `models: [{ name: classifier, path: models/classifier.onnx }]`";
async function loadConfig(file, readFile5 = (p) => fsReadFile(p, "utf8")) {
  const abs2 = resolve(file);
  let text;
  try {
    text = await readFile5(abs2);
  } catch (error) {
    const code = error?.code;
    const why2 = code === "ENOENT" ? "the budget file does not exist" : code === "EISDIR" ? "the budget file is a folder" : `the budget file cannot be read (${error instanceof Error ? error.message : String(error)})`;
    throw new ConfigError([
      {
        file: abs2,
        path: "",
        message: why2,
        expected: "a YAML budget file: create `energy-budget.yml` next to your models, or pass `--config FILE`",
        example: MINIMAL_EXAMPLE
      }
    ]);
  }
  return parseConfig(text, abs2);
}
function parseConfig(text, file) {
  const abs2 = resolve(file);
  const dir = dirname(abs2);
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const v = new Validator(abs2, dir, lineCounter, doc);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) v.yamlError(e.code, e.message, e.pos, text);
    throw new ConfigError(v.issues);
  }
  const config = v.root(doc.contents, text);
  if (v.issues.length > 0) throw new ConfigError(sortIssues(v.issues));
  return config;
}
function sortIssues(issues) {
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i).map((x) => x.issue);
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
  pos(node2) {
    const range = node2?.range;
    if (!range) return {};
    const p = this.lineCounter.linePos(range[0]);
    return { line: p.line, column: p.col };
  }
  add(path4, node2, message, expected, example) {
    this.issues.push({
      file: this.file,
      path: path4,
      ...this.pos(node2),
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
  resolveNode(node2) {
    let n = node2;
    for (let i = 0; i < 100 && n && (0, import_yaml.isAlias)(n); i++) n = n.resolve(this.doc);
    if (!n) return null;
    if ((0, import_yaml.isScalar)(n) && n.value === null) return null;
    return n;
  }
  /** Words for what a node is: `the text "abc"`, `the number 5`, `a list`. */
  describe(node2) {
    if (node2 === null) return "nothing";
    if ((0, import_yaml.isMap)(node2)) return "a mapping";
    if ((0, import_yaml.isSeq)(node2)) return "a list";
    if ((0, import_yaml.isScalar)(node2)) {
      const v = node2.value;
      if (typeof v === "string") return `the text ${quote(v)}`;
      if (typeof v === "number") return `the number ${node2.source ?? String(v)}`;
      if (typeof v === "boolean") return `\`${v}\``;
    }
    return "an unsupported value";
  }
  /** The entries of a mapping; reports a non-mapping and (for a section) unknown keys. */
  mapping(node2, path4, at, section, doc) {
    if (node2 === null || !(0, import_yaml.isMap)(node2)) {
      this.add(path4, node2 ?? at, `expected a mapping, got ${this.describe(node2)}`, doc?.expected, doc?.example);
      return void 0;
    }
    const entries = [];
    for (const pair of node2.items) {
      const keyNode = pair.key;
      const resolvedKey = this.resolveNode(keyNode);
      if (!resolvedKey || !(0, import_yaml.isScalar)(resolvedKey) || typeof resolvedKey.value === "object") {
        this.add(
          path4,
          keyNode ?? node2,
          `a key must be plain text, got ${this.describe(resolvedKey)}`,
          "keys like `name` or `latency-p95`",
          doc?.example
        );
        continue;
      }
      const key = String(resolvedKey.value);
      const value = this.resolveNode(pair.value);
      const rawValue = pair.value;
      const hasPos = rawValue && rawValue.range && rawValue.range[1] > rawValue.range[0];
      const entry = {
        key,
        keyNode,
        value,
        at: hasPos ? rawValue : keyNode,
        path: childPath(path4, key)
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
    for (const [other, where2] of NESTED_HINTS[section] ?? []) {
      const doc = SECTIONS[other][entry.key];
      if (doc) {
        this.add(
          entry.path,
          entry.keyNode,
          `\`${entry.key}\` does not belong at ${SECTION_LABEL[section]}; put it ${where2}`,
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
  required(entries, keys, section, path4, node2) {
    let ok = true;
    for (const k of keys) {
      if (!entries.some((e) => e.key === k)) {
        const doc = SECTIONS[section][k];
        this.add(path4, node2, `missing required key \`${k}\``, doc.expected, doc.example);
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
    if (values.includes(v)) return v;
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
  // ---- sections -------------------------------------------------------------------------
  root(node2, source) {
    const config = {
      version: 1,
      file: this.file,
      dir: this.dir,
      models: [],
      power: {},
      inconclusive: DEFAULTS.inconclusive,
      measure: DEFAULTS.measure,
      source
    };
    const resolved = this.resolveNode(node2);
    if (resolved === null) {
      this.add("", null, "the budget file is empty", "a mapping with `version: 1` and a `models:` list", MINIMAL_EXAMPLE);
      return config;
    }
    if (!(0, import_yaml.isMap)(resolved)) {
      this.add(
        "",
        resolved,
        `the budget file must be a mapping, got ${this.describe(resolved)}`,
        "a mapping with `version: 1` and a `models:` list",
        MINIMAL_EXAMPLE
      );
      return config;
    }
    const entries = this.mapping(resolved, "", null, "root", void 0) ?? [];
    this.required(entries, ["version", "models"], "root", "", resolved);
    for (const e of entries) {
      const doc = SECTIONS.root[e.key];
      switch (e.key) {
        case "version": {
          const v = this.scalarValue(e);
          if (v !== 1) this.addFor(e, doc, `unsupported version: got ${this.describe(e.value)}; this release reads version 1`);
          break;
        }
        case "models":
          config.models = this.models(e, doc);
          break;
        case "power":
          Object.assign(config.power, this.power(e, doc));
          break;
        case "carbon":
          Object.assign(config.power, this.carbon(e, doc));
          break;
        case "inconclusive":
          config.inconclusive = this.enumeration(e, doc, ENUMS.inconclusive, "inconclusive outcome", {
            error: "fail",
            warning: "warn",
            ignore: "pass"
          }) ?? DEFAULTS.inconclusive;
          break;
        case "measure":
          config.measure = this.enumeration(e, doc, ENUMS.measure, "measurement") ?? DEFAULTS.measure;
          break;
      }
    }
    for (const m of config.models) if (!this.measureSet.has(m)) m.measure = config.measure;
    for (const m of config.models) this.checkInstructionLimits(m);
    return config;
  }
  /** Models whose own `measure:` was given (the file-wide one does not override them). */
  measureSet = /* @__PURE__ */ new Set();
  /** An instruction-count limit is only measurable with `measure: instructions`. */
  checkInstructionLimits(model) {
    if (model.measure === "instructions") return;
    for (const limit of model.budget) {
      if (!isInstructionMetric(limit.metric)) continue;
      this.issues.push({
        file: this.file,
        path: limit.path,
        ...limit.line !== void 0 ? { line: limit.line, column: limit.column ?? 1 } : {},
        message: `${limit.metric} is a simulated instruction count, which model \`${model.name}\` does not measure (its measure is \`time\`)`,
        expected: "`measure: instructions` on the model, or at the top of the budget file",
        example: "measure: instructions"
      });
    }
  }
  models(entry, doc) {
    const node2 = entry.value;
    if (node2 === null || !(0, import_yaml.isSeq)(node2)) {
      this.addFor(entry, doc, `expected a list of models, got ${this.describe(node2)}`);
      return [];
    }
    if (node2.items.length === 0) {
      this.addFor(entry, doc, "the list of models is empty; add at least one");
      return [];
    }
    const models = [];
    const seen = /* @__PURE__ */ new Map();
    node2.items.forEach((item, i) => {
      const path4 = `models[${i}]`;
      const model = this.model(this.resolveNode(item), path4, item ?? node2);
      if (!model) return;
      const prior = model.name ? seen.get(model.name) : void 0;
      if (prior) {
        const nameNode = (0, import_yaml.isMap)(item) ? item.get("name", true) : void 0;
        this.add(
          `${path4}.name`,
          nameNode ?? item,
          `duplicate model name \`${model.name}\`; ${prior.path}${prior.line ? ` (line ${prior.line})` : ""} has it too`,
          "a name unique in the file; reports and baselines match models by name",
          `name: ${model.name}-2`
        );
      } else if (model.name) {
        seen.set(model.name, { path: path4, line: model.line });
      }
      models.push(model);
    });
    return models;
  }
  model(node2, path4, at) {
    const entries = this.mapping(node2, path4, at, "model", {
      description: "",
      expected: "a model: a mapping with at least `name` and `path`",
      example: "- { name: classifier, path: models/classifier.onnx }"
    });
    if (!entries) return void 0;
    this.required(entries, ["name", "path"], "model", path4, node2);
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
    const line = this.pos(node2).line;
    if (line !== void 0) model.line = line;
    for (const e of entries) {
      const doc = SECTIONS.model[e.key];
      switch (e.key) {
        case "name":
          model.name = this.text(e, doc) ?? "";
          break;
        case "path": {
          const p = this.text(e, doc);
          if (p !== void 0) {
            model.pathInConfig = p;
            model.path = resolve(this.dir, p);
          }
          break;
        }
        case "dims":
          model.dims = this.dims(e, doc);
          break;
        case "inputs":
          model.inputs = this.inputs(e, doc);
          break;
        case "threads":
          model.threads = this.integer(e, doc, 1) ?? DEFAULTS.threads;
          break;
        case "device":
          model.device = this.enumeration(e, doc, ENUMS.device, "device", { gpu: "cuda", nvidia: "cuda" }) ?? DEFAULTS.device;
          break;
        case "energy":
          model.energy = this.enumeration(e, doc, ENUMS.energy, "energy meter") ?? DEFAULTS.energy;
          break;
        case "measure": {
          const m = this.enumeration(e, doc, ENUMS.measure, "measurement");
          if (m) {
            model.measure = m;
            this.measureSet.add(model);
          }
          break;
        }
        case "inference":
          model.inference = this.inference(e, doc);
          break;
        case "training":
          model.training = this.training(e, doc);
          break;
        case "advise":
          model.advise = this.boolean(e, doc) ?? DEFAULTS.advise;
          break;
        case "compare":
          model.compare = this.enumeration(e, doc, ENUMS.compare, "comparison mode") ?? DEFAULTS.compare;
          break;
        case "advise-max-time":
          model.adviseMaxTimeS = this.quantity(e, "time", doc, true) ?? DEFAULTS.adviseMaxTimeS;
          break;
        case "budget":
          model.budget = this.budget(e, doc);
          break;
      }
    }
    this.tailStatistics(model);
    for (const limit of model.budget) {
      const why2 = whyUnmeasurable(limit.metric, model);
      if (why2 === void 0) continue;
      this.issues.push({
        file: this.file,
        path: limit.path,
        ...limit.line !== void 0 ? { line: limit.line } : {},
        ...limit.column !== void 0 ? { column: limit.column } : {},
        message: `${limit.kind === "regression" ? "this regression limit " : ""}${why2.message}`,
        expected: why2.expected,
        example: why2.example
      });
    }
    return model;
  }
  /**
   * A tail-latency regression budget is decided by that same percentile, which needs enough calls to be
   * estimated (two beyond it: src/compare/sequential.ts minSamplesPerRound). A fixed
   * `iterations` below that would check the p99 against the maximum of a few calls: refused.
   */
  tailStatistics(model) {
    const iterations = model.inference?.iterations;
    if (typeof iterations !== "number") return;
    for (const b of model.budget) {
      if (b.kind !== "regression" || b.metric !== "latency-p99" && b.metric !== "latency-p95") continue;
      const q = b.metric === "latency-p99" ? 99 : 95;
      const needed = minSamplesForPercentile(q);
      if (iterations >= needed) continue;
      const key = `regression.${b.metric}`;
      this.issues.push({
        file: this.file,
        path: b.path,
        ...b.line !== void 0 ? { line: b.line, column: b.column } : {},
        message: `\`${key}\` is decided by the ${q}th percentile of the latency, which needs at least ${needed} timed calls to estimate (two calls beyond it); \`inference.iterations\` is ${iterations}, so the figure would be the slowest of a few calls, not a p${q}`,
        expected: `\`iterations: auto\` or at least ${needed}, or a budget on a statistic ${iterations} calls estimate (\`latency-p50\` or \`latency-mean\`${q === 99 && iterations >= 40 ? ", or `latency-p95`" : ""})`,
        example: `inference: { iterations: ${needed} }`
      });
    }
  }
  dims(entry, doc) {
    const out3 = {};
    for (const e of this.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
      const n = this.integer(e, { ...doc, example: `dims: { ${e.key}: 32 }` }, 1);
      if (n !== void 0) out3[e.key] = n;
    }
    return out3;
  }
  inputs(entry, doc) {
    const out3 = {};
    for (const e of this.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
      const spec = this.inputSpec(e);
      if (spec) out3[e.key] = spec;
    }
    return out3;
  }
  inputSpec(entry) {
    const entries = this.mapping(entry.value, entry.path, entry.at, "input", {
      description: "",
      expected: "an input spec: `{ shape, dtype }`, `{ value }` or `{ data }`",
      example: `${entry.key}: { shape: [1, 784], dtype: float32 }`
    });
    if (!entries) return void 0;
    const before = this.issues.length;
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
          shape = this.shape(e, doc);
          break;
        case "dtype":
          dtype = this.enumeration(e, doc, ENUMS.dtype, "dtype", DTYPE_ALIASES);
          break;
        case "value": {
          const r = this.fixedValue(e, doc);
          if (r) {
            value = r.value;
            valueCount = r.count;
            hasValue = true;
            valueEntry = e;
          }
          break;
        }
        case "data": {
          const p = this.text(e, doc);
          if (p !== void 0 && !p.toLowerCase().endsWith(".npy")) this.addFor(e, doc, `\`${p}\` is not a .npy file`);
          else if (p !== void 0) data = p;
          break;
        }
      }
    }
    const has = (k) => entries.find((e) => e.key === k);
    const dataEntry = has("data");
    if (dataEntry && has("value")) {
      this.add(
        entry.path,
        dataEntry.keyNode,
        "give either `value` or `data`, not both",
        "one source per input: a fixed `value` or a `.npy` file in `data`",
        SECTIONS.input.data?.example
      );
    }
    if (dataEntry && has("shape")) {
      this.add(
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
        this.add(
          valueEntry.path,
          valueEntry.at,
          `has ${valueCount} elements but shape [${shape.join(", ")}] holds ${want}`,
          "a single value (repeated to fill the shape) or exactly as many elements as the shape holds",
          `value: 0`
        );
      }
    }
    if (this.issues.length > before) return void 0;
    if (data !== void 0) return { kind: "npy", file: resolve(this.dir, data), ...dtype ? { dtype } : {} };
    if (hasValue) return { kind: "value", value, ...shape ? { shape } : {}, ...dtype ? { dtype } : {} };
    return { kind: "random", ...shape ? { shape } : {}, ...dtype ? { dtype } : {} };
  }
  shape(entry, doc) {
    const node2 = entry.value;
    if (node2 === null || !(0, import_yaml.isSeq)(node2)) {
      this.addFor(entry, doc, `expected a list of positive whole numbers, got ${this.describe(node2)}`);
      return void 0;
    }
    const dims = [];
    let ok = true;
    node2.items.forEach((item, i) => {
      const n = this.resolveNode(item);
      const v = n && (0, import_yaml.isScalar)(n) ? n.value : void 0;
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
        this.add(
          `${entry.path}[${i}]`,
          item ?? node2,
          `expected a positive whole number, got ${this.describe(n)}`,
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
  /** A scalar or a rectangular nested list of scalars of one type. */
  fixedValue(entry, doc) {
    const types = /* @__PURE__ */ new Set();
    let ok = true;
    const walk = (node2, path4, at) => {
      if (node2 !== null && (0, import_yaml.isScalar)(node2) && ["number", "boolean", "string"].includes(typeof node2.value)) {
        types.add(typeof node2.value);
        return { value: node2.value, dims: [] };
      }
      if (node2 !== null && (0, import_yaml.isSeq)(node2)) {
        const parts = node2.items.map(
          (item, i) => walk(this.resolveNode(item), `${path4}[${i}]`, item ?? node2)
        );
        if (parts.some((p) => p === void 0)) return void 0;
        const first = parts[0]?.dims ?? [];
        for (let i = 1; i < parts.length; i++) {
          if ((parts[i]?.dims ?? []).join(",") !== first.join(",")) {
            this.add(
              `${path4}[${i}]`,
              node2.items[i],
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
      this.add(path4, node2 ?? at, `expected a number, boolean or text, got ${this.describe(node2)}`, doc.expected, doc.example);
      ok = false;
      return void 0;
    };
    const r = walk(entry.value, entry.path, entry.at);
    if (!r || !ok) return void 0;
    if (types.size > 1) {
      this.addFor(entry, doc, `mixes ${[...types].sort().join(" and ")} values; use one type`);
      return void 0;
    }
    return { value: r.value, count: r.dims.reduce((a, b) => a * b, 1) };
  }
  inference(entry, doc) {
    const inference = defaultInference();
    const v = this.scalarValue(entry);
    if (typeof v === "boolean") return v ? inference : null;
    for (const e of this.mapping(entry.value, entry.path, entry.at, "inference", doc) ?? []) {
      const d = SECTIONS.inference[e.key];
      switch (e.key) {
        case "iterations": {
          const it = this.scalarValue(e);
          if (it === "auto") inference.iterations = "auto";
          else if (typeof it === "number") inference.iterations = this.integer(e, d, 1) ?? "auto";
          else this.addFor(e, d, `expected \`auto\` or a positive whole number, got ${this.describe(e.value)}`);
          break;
        }
        case "warmup":
          inference.warmup = this.integer(e, d, 0) ?? DEFAULTS.inferenceWarmup;
          break;
        case "max-time":
          inference.maxTimeS = this.quantity(e, "time", d, true) ?? DEFAULTS.maxTimeS;
          break;
        case "target-ci": {
          const q = this.quantity(e, "percent", d, true);
          if (q !== void 0 && q >= 1) this.addFor(e, d, `must be under 100%, got ${String(this.scalarValue(e))}`);
          else if (q !== void 0) inference.targetRelativeCi = q;
          break;
        }
      }
    }
    return inference;
  }
  training(entry, doc) {
    const entries = this.mapping(entry.value, entry.path, entry.at, "training", doc);
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
      this.add(
        entry.path,
        entry.value,
        "missing required key `loss` (needed unless `step-model` is given)",
        d.expected,
        d.example
      );
    }
    const setOptional = (key, value) => {
      if (value !== void 0) t[key] = value;
    };
    for (const e of entries) {
      const d = SECTIONS.training[e.key];
      switch (e.key) {
        case "loss":
          t.loss = this.enumeration(e, d, ENUMS.loss, "loss") ?? t.loss;
          break;
        case "optimizer":
          t.optimizer = this.enumeration(e, d, ENUMS.optimizer, "optimizer") ?? t.optimizer;
          break;
        case "learning-rate":
          t.learningRate = this.number(e, d, "positive") ?? t.learningRate;
          break;
        case "steps":
          t.steps = this.integer(e, d, 1) ?? t.steps;
          break;
        case "warmup":
          t.warmup = this.integer(e, d, 0) ?? t.warmup;
          break;
        case "momentum":
        case "beta1":
        case "beta2":
        case "rho":
          setOptional(e.key, this.number(e, d, "unit"));
          break;
        case "epsilon":
          setOptional("epsilon", this.number(e, d, "positive"));
          break;
        case "epochs":
          setOptional("epochs", this.number(e, d, "positive"));
          break;
        case "dataset-size": {
          const n = this.quantity(e, "count", d, true);
          if (n !== void 0 && !Number.isInteger(n)) this.addFor(e, d, `must be a whole number of samples, got ${n}`);
          else setOptional("datasetSize", n);
          break;
        }
        case "freeze": {
          const list = e.value && (0, import_yaml.isSeq)(e.value) ? e.value.items : null;
          if (!list) {
            this.addFor(e, d, "must be a list");
            break;
          }
          const names = [];
          list.forEach((item, i) => {
            const v = (0, import_yaml.isScalar)(item) ? item.value : void 0;
            if (typeof v === "string" && v.length > 0) names.push(v);
            else
              this.add(
                `${e.path}[${i}]`,
                item,
                "must be an initializer name or a prefix ending in `*`",
                d.expected,
                d.example
              );
          });
          t.freeze = names;
          break;
        }
        case "steps-per-call":
          setOptional("stepsPerCall", this.integer(e, d, 1));
          break;
        case "step-model": {
          const p = this.text(e, d);
          if (p !== void 0) t.stepModel = resolve(this.dir, p);
          break;
        }
        case "feedback": {
          const map = {};
          for (const f of this.mapping(e.value, e.path, e.at, null, d) ?? []) {
            const target = this.text(f, { ...d, example: `feedback: { ${f.key}: <input name> }` });
            if (target !== void 0) map[f.key] = target;
          }
          t.feedback = map;
          if (!has("step-model")) {
            this.add(
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
      this.addFor(
        e,
        SECTIONS.training["steps-per-call"],
        `must divide steps (${t.steps}), so that every timed call runs whole steps`
      );
    }
    return t;
  }
  power(entry, doc) {
    const out3 = {};
    const entries = this.mapping(entry.value, entry.path, entry.at, "power", doc) ?? [];
    for (const e of entries) {
      const d = SECTIONS.power[e.key];
      const w = this.quantity(e, "power", d, true);
      if (w === void 0) continue;
      if (e.key === "cpu-tdp") out3.cpuTdpW = w;
      else if (e.key === "idle-watts") out3.idleW = w;
      else out3.maxW = w;
    }
    if (out3.idleW === void 0 !== (out3.maxW === void 0)) {
      const given = entries.find((x) => x.key === (out3.idleW === void 0 ? "max-watts" : "idle-watts"));
      const missing = out3.idleW === void 0 ? "idle-watts" : "max-watts";
      this.addFor(
        given,
        SECTIONS.power[given.key],
        `needs \`${missing}\` as well: the power model is a line from the whole machine's idle watts to its full-load watts, so give both (e.g. power: { idle-watts: 20 W, max-watts: 90 W }) or neither`
      );
    }
    if (out3.idleW !== void 0 && out3.maxW !== void 0 && out3.maxW <= out3.idleW) {
      const e = entries.find((x) => x.key === "max-watts");
      this.addFor(
        e,
        SECTIONS.power["max-watts"],
        `must be greater than idle-watts (${out3.idleW} W), got ${out3.maxW} W`
      );
    }
    return out3;
  }
  carbon(entry, doc) {
    const out3 = {};
    const entries = this.mapping(entry.value, entry.path, entry.at, "carbon", doc) ?? [];
    for (const e of entries) {
      const d = SECTIONS.carbon[e.key];
      if (e.key === "intensity") {
        const g = this.quantity(e, "carbon-intensity", d);
        if (g !== void 0) out3.carbonIntensityGPerKWh = g;
      } else {
        const r = this.text(e, d);
        if (r !== void 0 && !isKnownRegion(r)) {
          const close = suggest(r, KNOWN_REGIONS);
          this.addFor(
            e,
            d,
            `\`${r}\` is not a region with a grid intensity in data/carbon-intensity.json${close !== void 0 ? `; did you mean \`${close}\`?` : ""} (known: ${KNOWN_REGIONS.join(", ")}; for any other grid give \`intensity\` in gCO2e/kWh instead)`
          );
        } else if (r !== void 0) {
          out3.region = r;
        }
      }
    }
    const intensity = entries.find((e) => e.key === "intensity");
    if (intensity && entries.some((e) => e.key === "region")) {
      this.add(
        entry.path,
        intensity.keyNode,
        "give either `intensity` or `region`, not both",
        doc.expected,
        SECTIONS.carbon.intensity?.example
      );
    }
    return out3;
  }
  budget(entry, doc) {
    const limits = [];
    for (const e of this.mapping(entry.value, entry.path, entry.at, "budget", doc) ?? []) {
      if (e.key === "regression") {
        const rdoc = SECTIONS.budget.regression;
        for (const r of this.mapping(e.value, e.path, e.at, "regression", rdoc) ?? []) {
          const limit = this.limit(r, r.key, true);
          if (limit) limits.push(limit);
        }
      } else if (isMetricKey(e.key)) {
        const limit = this.limit(e, e.key, false);
        if (limit) limits.push(limit);
      }
    }
    return limits;
  }
  /** One limit: `5 ms`, or `{ limit: 5 ms, level: warn }`; regression limits may be percentages. */
  limit(entry, metric, regression) {
    const doc = SECTIONS[regression ? "regression" : "budget"][metric];
    let level = DEFAULTS.level;
    let valueEntry = entry;
    if (entry.value !== null && (0, import_yaml.isMap)(entry.value)) {
      const entries = this.mapping(entry.value, entry.path, entry.at, "limit", doc) ?? [];
      const before = this.issues.length;
      this.required(entries, ["limit"], "limit", entry.path, entry.value);
      const levelEntry = entries.find((e) => e.key === "level");
      if (levelEntry)
        level = this.enumeration(levelEntry, SECTIONS.limit.level, ENUMS.level, "level", {
          warning: "warn",
          fail: "error"
        }) ?? level;
      const limitEntry = entries.find((e) => e.key === "limit");
      if (!limitEntry || this.issues.length > before) return void 0;
      valueEntry = limitEntry;
    }
    const raw = this.scalarValue(valueEntry);
    const kind = metricKind(metric);
    const relative2 = regression && typeof raw === "string" && raw.trim().endsWith("%");
    const valueDoc = { ...doc, example: valueEntry === entry ? doc.example : `limit: ${doc.example.split(": ")[1]}` };
    const value = this.quantity(valueEntry, relative2 ? "percent" : kind, valueDoc);
    if (value === void 0) return void 0;
    return {
      metric,
      kind: regression ? "regression" : "absolute",
      limit: value,
      relative: relative2,
      level,
      ...this.pos(entry.keyNode),
      path: entry.path
    };
  }
};
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
function defaultInference() {
  return {
    iterations: DEFAULTS.iterations,
    warmup: DEFAULTS.inferenceWarmup,
    maxTimeS: DEFAULTS.maxTimeS,
    targetRelativeCi: DEFAULTS.targetRelativeCi
  };
}

// src/device/providers.ts
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

// src/device/elf.ts
import { closeSync, openSync, readSync } from "node:fs";
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var DT_NULL = 0n;
var DT_NEEDED = 1n;
var DT_STRTAB = 5n;
var DT_STRSZ = 10n;
function readAt(fd, offset, length) {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, offset + got);
    if (n <= 0) break;
    got += n;
  }
  if (got < length) throw new Error(`truncated ELF file (wanted ${length} bytes at ${offset})`);
  return buf;
}
function elfNeededLibraries(path4) {
  const fd = openSync(path4, "r");
  try {
    const head = readAt(fd, 0, 64);
    if (head.readUInt32BE(0) !== 2135247942) throw new Error(`${path4} is not an ELF file`);
    if (head[4] !== 2 || head[5] !== 1) throw new Error(`${path4} is not a 64-bit little-endian ELF file`);
    const phoff = Number(head.readBigUInt64LE(32));
    const phentsize = head.readUInt16LE(54);
    const phnum = head.readUInt16LE(56);
    const phs = readAt(fd, phoff, phentsize * phnum);
    const loads = [];
    let dynamic;
    for (let i = 0; i < phnum; i++) {
      const at = i * phentsize;
      const type = phs.readUInt32LE(at);
      const offset = phs.readBigUInt64LE(at + 8);
      const vaddr = phs.readBigUInt64LE(at + 16);
      const filesz = phs.readBigUInt64LE(at + 32);
      if (type === PT_LOAD) loads.push({ vaddr, offset, filesz });
      if (type === PT_DYNAMIC) dynamic = { offset: Number(offset), size: Number(filesz) };
    }
    if (!dynamic) return [];
    const dyn = readAt(fd, dynamic.offset, dynamic.size);
    const needed = [];
    let strtab;
    let strsz = 0n;
    for (let at = 0; at + 16 <= dyn.length; at += 16) {
      const tag = dyn.readBigInt64LE(at);
      const value = dyn.readBigUInt64LE(at + 8);
      if (tag === DT_NULL) break;
      if (tag === DT_NEEDED) needed.push(value);
      else if (tag === DT_STRTAB) strtab = value;
      else if (tag === DT_STRSZ) strsz = value;
    }
    if (needed.length === 0 || strtab === void 0) return [];
    const seg = loads.find((l) => strtab >= l.vaddr && strtab < l.vaddr + l.filesz);
    if (!seg) throw new Error(`${path4}: the string table lies outside every loaded segment`);
    const strings = readAt(fd, Number(strtab - seg.vaddr + seg.offset), Number(strsz));
    return needed.map((off) => {
      const start = Number(off);
      const end = strings.indexOf(0, start);
      return strings.subarray(start, end < 0 ? strings.length : end).toString("utf8");
    });
  } finally {
    closeSync(fd);
  }
}

// src/device/providers.ts
var CUDA_PROVIDER_FILES = ["libonnxruntime_providers_cuda.so", "libonnxruntime_providers_shared.so"];
function executionProvidersFor(device, opts = {}) {
  switch (device) {
    case "cpu":
      return ["cpu"];
    case "cuda":
      return [{ name: "cuda", deviceId: opts.deviceId ?? 0 }, "cpu"];
    case "webgpu":
      return [{ name: "webgpu" }, "cpu"];
  }
}
function deviceSessionOptions(device, opts = {}) {
  const executionProviders = executionProvidersFor(device, opts);
  if (device === "cpu" || opts.cpuFallback !== false) return { executionProviders };
  return {
    executionProviders: executionProviders.filter((p) => p !== "cpu"),
    extra: { session: { disable_cpu_ep_fallback: "1" } }
  };
}
function defaultBindingDir(platform = process.platform, arch = process.arch) {
  return join(onnxRuntimeFor().dir, "bin", "napi-v6", platform, arch);
}
function whichOnPath(command, env2 = process.env, exists = existsSync) {
  for (const dir of (env2.PATH ?? "").split(delimiter)) {
    if (dir && exists(join(dir, command))) return join(dir, command);
  }
  return null;
}
async function realDeviceProbes() {
  const ort = await import("./ort-bundle-SC3JAMZD.js");
  let koffi;
  try {
    koffi = (await import("koffi")).default;
  } catch {
    koffi = void 0;
  }
  return {
    platform: process.platform,
    arch: process.arch,
    backends: () => ort.listSupportedBackends(),
    bindingDir: () => defaultBindingDir(),
    exists: existsSync,
    loadLibrary: (name) => {
      if (!koffi) return "the koffi FFI module is not available to try loading it";
      try {
        koffi.load(name);
        return null;
      } catch (error) {
        return error.message;
      }
    },
    neededLibraries: elfNeededLibraries,
    which: (cmd) => whichOnPath(cmd)
  };
}
var DRIVER_FIX = "Install the NVIDIA driver (e.g. `sudo apt-get install nvidia-driver-550`, then reboot) or, in a container, start it with the NVIDIA Container Toolkit (`docker run --gpus all \u2026`) so libcuda.so.1 is mounted; GitHub-hosted runners without a GPU cannot run device: cuda.";
function gpuDependencies(needed) {
  return needed.filter(
    (n) => !/^(libonnxruntime|libc\.|libm\.|libdl\.|librt\.|libpthread\.|libstdc\+\+|libgcc_s|ld-linux)/.test(n)
  );
}
function checkDevice(device, probes) {
  const missing = [];
  const notes = [];
  if (device === "cpu") return { device, ready: true, missing, notes };
  const backends = probes.backends();
  const names = backends.map((b) => b.name);
  if (!names.includes(device)) {
    missing.push({
      what: "backend",
      message: `this onnxruntime-node build (${probes.platform}/${probes.arch}) has no ${device} execution provider (it lists ${names.join(", ") || "none"})`,
      fix: device === "cuda" ? "use Linux x64 (onnxruntime-node builds its CUDA provider only there and on Windows x64) or set device: cpu." : "use onnxruntime-node 1.22 or newer on Linux x64, Windows or macOS, or set device: cpu."
    });
    return { device, ready: false, missing, notes };
  }
  if (device === "cuda") {
    const smi = probes.which("nvidia-smi");
    const driver = probes.loadLibrary("libcuda.so.1");
    if (driver !== null) {
      missing.push({
        what: "driver",
        message: `the NVIDIA driver library libcuda.so.1 cannot be loaded (${driver})${smi ? `, although nvidia-smi is at ${smi}` : " and nvidia-smi is not on PATH"}`,
        fix: DRIVER_FIX
      });
    } else if (smi) {
      notes.push(`NVIDIA driver found (libcuda.so.1 loads; nvidia-smi at ${smi}).`);
    }
    const dir = probes.bindingDir();
    const absent = CUDA_PROVIDER_FILES.filter((f) => !probes.exists(join(dir, f)));
    if (absent.length > 0) {
      missing.push({
        what: "cuda-provider",
        message: `onnxruntime's CUDA provider binaries are not installed (${absent.join(", ")} missing from ${dir}); the npm package does not include them`,
        fix: "let energy-budget fetch them (it does so for device: cuda, pinned to a checksum; see docs/gpu.md), or run `ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node`."
      });
    } else {
      const provider = join(dir, CUDA_PROVIDER_FILES[0]);
      let needed = [];
      try {
        needed = gpuDependencies(probes.neededLibraries(provider));
      } catch (error) {
        notes.push(
          `The CUDA provider's dependencies could not be read (${error.message}); they are checked when the session is created.`
        );
      }
      const unloadable = needed.filter((lib) => probes.loadLibrary(lib) !== null);
      if (unloadable.length > 0) {
        missing.push({
          what: "cuda-libraries",
          message: `the CUDA provider needs ${unloadable.join(", ")}, which the dynamic loader cannot find`,
          fix: "install the CUDA runtime and cuDNN versions these names give (e.g. CUDA 12 with cuDNN 9: `sudo apt-get install cuda-libraries-12-x libcudnn9-cuda-12` from NVIDIA's repository, or `pip install nvidia-cublas-cu12 nvidia-cudnn-cu12 \u2026` and add their lib folders to LD_LIBRARY_PATH)."
        });
      } else if (needed.length > 0) {
        notes.push(`CUDA provider dependencies load: ${needed.join(", ")}.`);
      }
    }
  }
  if (device === "webgpu") {
    if (probes.platform === "linux") {
      const vulkan = probes.loadLibrary("libvulkan.so.1");
      if (vulkan !== null) {
        missing.push({
          what: "vulkan",
          message: `the Vulkan loader libvulkan.so.1 cannot be loaded (${vulkan}); onnxruntime's WebGPU provider (Dawn) reaches the GPU through Vulkan on Linux`,
          fix: "install the Vulkan loader and a Vulkan driver for the GPU (`sudo apt-get install libvulkan1 mesa-vulkan-drivers` for AMD/Intel; the NVIDIA driver ships its own), or set device: cpu."
        });
      }
    }
    notes.push("Whether a WebGPU adapter exists is known only when the session is created.");
  }
  return { device, ready: missing.length === 0, missing, notes };
}
function deviceUnavailableError(check, model) {
  const who = model ? `Model ${model} asks for device: ${check.device}` : `device: ${check.device} was asked for`;
  const parts = check.missing.map((m, i) => `(${i + 1}) ${m.message}: ${m.fix}`);
  return new EnvironmentError(
    `${who}, but this machine cannot run it: ${parts.join(" ")} Alternatively set device: cpu for this model.`
  );
}
function requireDevice(device, probes, model) {
  const check = checkDevice(device, probes);
  if (!check.ready) throw deviceUnavailableError(check, model);
  return check;
}
function describeDeviceLoadError(error, device, model) {
  if (device === "cpu") return void 0;
  const raw = error instanceof Error ? error.message : String(error);
  const msg = raw.replace(/\s*\n\s*/g, " ").trim();
  const who = `Model ${model} (device: ${device})`;
  const make = (what, fix) => new EnvironmentError(`${who}: ${what}. ${fix} Alternatively set device: cpu for this model. (onnxruntime: ${msg})`, {
    cause: error
  });
  if (device === "webgpu") {
    if (/WebGPU adapter|No supported adapters|RequestAdapter/i.test(msg)) {
      return make(
        "onnxruntime found no WebGPU adapter (no GPU that Dawn can use through Vulkan, or no Vulkan driver for it)",
        "Run on a machine with a GPU and a Vulkan driver (check with `vulkaninfo --summary`; install libvulkan1 and mesa-vulkan-drivers for AMD/Intel, or the NVIDIA driver)."
      );
    }
    if (/webgpu/i.test(msg) && /not (supported|available|registered)/i.test(msg)) {
      return make(
        "this onnxruntime-node build cannot create a WebGPU provider",
        "Use onnxruntime-node 1.22 or newer on Linux x64, Windows or macOS."
      );
    }
    return void 0;
  }
  let m;
  if ((m = /(libonnxruntime_providers_(?:cuda|shared)\.so)[^]*?(cannot open shared object file|No such file)/.exec(msg)) || /AppendExecutionProvider_Cuda: Failed to load shared library/.test(msg)) {
    const lib = m?.[1] ?? "libonnxruntime_providers_cuda.so";
    return make(
      `onnxruntime cannot load its CUDA provider (${lib} is missing or one of its dependencies is)`,
      "Let energy-budget fetch the provider binaries (docs/gpu.md), and check that the NVIDIA driver, CUDA 12 and cuDNN 9 libraries load (`energy-budget` names the missing ones before creating the session)."
    );
  }
  if (m = /(lib[\w+.-]+\.so(?:\.\d+)*): cannot open shared object file/.exec(msg)) {
    return make(
      `the CUDA provider needs ${m[1]}, which the dynamic loader cannot find`,
      "Install the CUDA runtime and cuDNN libraries (see docs/gpu.md) or add their folder to LD_LIBRARY_PATH."
    );
  }
  if (/no CUDA-capable device|cudaErrorNoDevice|CUDA failure 100\b/i.test(msg)) {
    return make("CUDA sees no GPU", "Check `nvidia-smi` and CUDA_VISIBLE_DEVICES; in a container start it with `--gpus all`.");
  }
  if (/driver version is insufficient|cudaErrorInsufficientDriver|CUDA failure 35\b/i.test(msg)) {
    return make(
      "the NVIDIA driver is older than the CUDA runtime the provider was built with",
      "Update the NVIDIA driver (CUDA 12 needs driver 525 or newer)."
    );
  }
  if (/out of memory|cudaErrorMemoryAllocation|CUDA failure 2\b/i.test(msg)) {
    return make(
      "the GPU ran out of memory while loading the model",
      "Use a GPU with more memory, free it from other processes, or a smaller model."
    );
  }
  return void 0;
}

// src/bench/ort.ts
function sessionOptions(opts) {
  return {
    // Never set preferredOutputLocation or disable_synchronize_execution_providers: with the
    // defaults, run() returns after the device work and the copy back (docs/gpu.md).
    ...deviceSessionOptions(opts.device ?? "cpu", { deviceId: opts.deviceId, cpuFallback: opts.cpuFallback }),
    intraOpNumThreads: opts.threads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    logSeverityLevel: 3,
    ...externalDataOptions(opts.externalDataFolder)
  };
}
async function createSession(model, opts) {
  const options = sessionOptions(opts);
  let session;
  try {
    session = typeof model === "string" ? await InferenceSession.create(model, options) : await InferenceSession.create(model, options);
  } catch (error) {
    const name = opts.name ?? (typeof model === "string" ? model : "the model");
    const limit = limitErrorOf(name.startsWith('"') ? name : `"${name}"`, "loading it into onnxruntime", error);
    if (limit) throw limit;
    throw describeDeviceLoadError(error, opts.device ?? "cpu", name.startsWith('"') ? name : `"${name}"`) ?? describeLoadError(error, name);
  }
  return wrapSession(session);
}
function wrapSession(session) {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    // Passed straight through: the timed loop should measure onnxruntime, not a wrapper.
    run: (feeds, fetches) => fetches ? session.run(feeds, fetches) : session.run(feeds),
    release: () => session.release()
  };
}
function ortVersion() {
  return env.versions.node ?? env.versions.common;
}
function describeLoadError(error, name) {
  const raw = error instanceof Error ? error.message : String(error);
  const msg = raw.replace(/^\[ONNXRuntimeError\] : \d+ : [A-Z_]+ : /, "").trim();
  const model = name.startsWith('"') ? `model ${name}` : `model "${name}"`;
  let text;
  let m;
  if (/File doesn't exist|No such file/i.test(msg)) {
    text = `${model}: the file does not exist. Check the path (relative to the budget file's folder).`;
  } else if (/protobuf parsing failed/i.test(msg)) {
    text = `${model}: onnxruntime cannot parse the file as an ONNX model (protobuf parsing failed). Check that it is an .onnx file and not, for example, a PyTorch checkpoint or a Git LFS pointer (run git lfs pull).`;
  } else if (m = /No Op registered for (\S+) with domain_version of (\d+)/.exec(msg)) {
    const node2 = /In Node, \("([^"]*)", ([^,]+), "([^"]*)"/.exec(msg);
    const domain = node2?.[3] ? ` in domain "${node2[3]}"` : "";
    text = `${model}: op ${m[1]}${domain} (opset ${m[2]})${node2 ? ` at node "${node2[1]}"` : ""} is not an op onnxruntime ${ortVersion()} knows. Re-export the model with standard ONNX ops or a supported opset. (onnxruntime: ${msg})`;
  } else if (m = /([\w.]*):(\w+)\((-?\d+)\) is not a registered function\/op/.exec(msg)) {
    text = `${model}: op ${m[2]}${m[1] ? ` in domain "${m[1]}"` : ""} is not an op onnxruntime ${ortVersion()} knows (no kernel or function is registered for it). Re-export the model with standard ONNX ops, or use a build of onnxruntime that has this custom op. (onnxruntime: ${msg})`;
  } else if (m = /Could not find an implementation for (\S+?)\((\d+)\) node with name '([^']*)'/.exec(msg)) {
    text = `${model}: onnxruntime's CPU execution provider has no kernel for op ${m[1]} (opset ${m[2]}) at node "${m[3]}" with these input types. Re-export the model with other types or ops for that node.`;
  } else if (m = /of operator \(([^)]*)\) in node \(([^)]*)\)/.exec(msg)) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, "");
    text = `${model}: onnxruntime rejects node "${m[2]}" (op ${m[1]}) as invalid: ${detail}`;
  } else if (m = /In Node, \("([^"]*)", ([^,]+),/.exec(msg)) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, "");
    text = `${model}: onnxruntime rejects node "${m[1]}" (op ${m[2].trim()}) as invalid: ${detail}`;
  } else {
    text = `${model}: onnxruntime cannot load it: ${msg}`;
  }
  return new InputError("MODEL_INVALID", text.replace(/\s*\n\s*/g, " "), { cause: error });
}

// src/instructions/valgrind.ts
import { execFile, spawn } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/instructions/child.ts
var READY_LINE = "eb-ready";
var ARRAYS = `{
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, int8: Int8Array, uint8: Uint8Array,
  int16: Int16Array, uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array,
  uint64: BigUint64Array, bool: Uint8Array
}`;
var CHILD_SOURCE = `
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const job = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const mod = await import(pathToFileURL(job.ort).href);
const ort = mod.default ?? mod;
const ARRAYS = ${ARRAYS};
const feeds = {};
for (const f of job.feeds) {
  if (f.strings) { feeds[f.name] = new ort.Tensor('string', f.strings, f.dims); continue; }
  const bytes = readFileSync(f.file);
  const Ctor = ARRAYS[f.type];
  if (!Ctor) throw new Error('unsupported input type ' + f.type + ' for input ' + f.name);
  const copy = new Uint8Array(bytes.length); copy.set(bytes);
  feeds[f.name] = new ort.Tensor(f.type, new Ctor(copy.buffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT), f.dims);
}
const session = await ort.InferenceSession.create(job.model, job.sessionOptions);
process.stdout.write('${READY_LINE}\\n');
while (!existsSync(job.goFile));
if (readFileSync(job.goFile, 'utf8').trim() !== 'go') process.exit(0);
for (let i = 0; i < job.warmup + job.calls; i++) await session.run(feeds);
await session.release();
process.stdout.write(JSON.stringify({ ok: true, calls: job.warmup + job.calls }) + '\\n');
`;

// src/instructions/callgrind.ts
var CallgrindFormatError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "CallgrindFormatError";
  }
};
function parseCounts(line, events, lineNo) {
  const fields = line.trim().split(/\s+/);
  if (fields.length > events.length || fields.some((f) => !/^\d+$/.test(f))) {
    throw new CallgrindFormatError(
      `line ${lineNo}: expected up to ${events.length} whole numbers (${events.join(" ")}), got \`${line.trim()}\``
    );
  }
  const out3 = {};
  events.forEach((e, i) => out3[e] = fields[i] === void 0 ? 0 : Number(fields[i]));
  return out3;
}
function parseCallgrind(text) {
  const profile = { events: [], parts: [] };
  let current = null;
  const close = () => {
    if (!current) return;
    const totals = current.totals ?? current.summary;
    if (!totals)
      throw new CallgrindFormatError(`part ${profile.parts.length + 1} has neither a \`summary:\` nor a \`totals:\` line`);
    profile.parts.push({ totals, ...current.trigger ? { trigger: current.trigger } : {}, byObject: current.byObject });
    current = null;
  };
  const objects = /* @__PURE__ */ new Map();
  let object = "???";
  let fnObject = "???";
  let afterCalls = false;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const ob = /^(c?)ob=(?:\((\d+)\))?\s*(.*)$/.exec(line);
    if (ob) {
      const [, callee, id, name] = ob;
      if (id && name) objects.set(id, name);
      if (!callee) object = id ? objects.get(id) ?? name : name;
      continue;
    }
    if (line.startsWith("fn=")) {
      fnObject = object;
      continue;
    }
    if (line.startsWith("calls=")) {
      afterCalls = true;
      continue;
    }
    if (/^([+*-]?\d|0x)/.test(line)) {
      if (afterCalls) {
        afterCalls = false;
        continue;
      }
      if (!current || !profile.events.length) continue;
      const fields = line.trim().split(/\s+/).slice(1);
      const acc = current.byObject[fnObject] ??= {};
      profile.events.forEach((e, k) => {
        const v = Number(fields[k] ?? 0);
        if (Number.isFinite(v)) acc[e] = (acc[e] ?? 0) + v;
      });
      continue;
    }
    const m = /^([a-z]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m;
    switch (key) {
      case "cmd":
        profile.command ??= value.trim();
        break;
      case "part":
        close();
        current = { byObject: {} };
        break;
      case "events":
        profile.events = value.trim().split(/\s+/);
        current ??= { byObject: {} };
        break;
      case "desc": {
        const t = /^Trigger:\s*(.*)$/.exec(value.trim());
        if (t) (current ??= { byObject: {} }).trigger = t[1];
        break;
      }
      case "summary":
      case "totals": {
        if (!profile.events.length) throw new CallgrindFormatError(`line ${i + 1}: \`${key}:\` before any \`events:\` line`);
        current ??= { byObject: {} };
        current[key === "summary" ? "summary" : "totals"] = parseCounts(value, profile.events, i + 1);
        break;
      }
    }
  }
  close();
  if (!profile.events.length) throw new CallgrindFormatError("no `events:` line: this is not a Callgrind output file");
  return profile;
}
function objectCost(part, events, pattern) {
  const out3 = {};
  for (const e of events) out3[e] = 0;
  for (const [ob, cost] of Object.entries(part.byObject)) {
    if (!pattern.test(ob)) continue;
    for (const [e, v] of Object.entries(cost)) out3[e] = (out3[e] ?? 0) + v;
  }
  return out3;
}

// src/instructions/valgrind.ts
var COUNTED_OBJECT = /libonnxruntime\.so/;
var RUN_SYMBOL = "InferenceSessionWrap::Run*";
var RUN_SYMBOL_DUMP = "*InferenceSessionWrap::Run*";
var INSTALL_HINT = "Install it with `sudo apt-get install -y valgrind` (Ubuntu and Debian, including GitHub-hosted ubuntu runners), or point ENERGY_BUDGET_VALGRIND at the valgrind binary";
function unsupportedPlatform(platform = process.platform, arch = process.arch) {
  if (platform !== "linux")
    return `measure: instructions needs Valgrind, which runs on Linux only (this is ${platform}); run this model with measure: time here, or on a Linux runner`;
  if (arch !== "x64" && arch !== "arm64")
    return `measure: instructions is supported on Linux x64 and arm64 (this is ${arch}); run this model with measure: time here`;
  return null;
}
async function findValgrind(env2) {
  const platform = unsupportedPlatform();
  if (platform) throw new EnvironmentError(platform);
  const command = env2.ENERGY_BUDGET_VALGRIND || "valgrind";
  const where2 = env2.ENERGY_BUDGET_VALGRIND ? `ENERGY_BUDGET_VALGRIND=${command}` : "`valgrind` on PATH";
  const version = await new Promise((done, fail) => {
    execFile(command, ["--version"], { env: env2, timeout: 3e4 }, (error, stdout) => {
      if (error) fail(error);
      else done(stdout.trim());
    });
  }).catch((error) => {
    const why2 = error.code === "ENOENT" ? "was not found" : `could not be run (${error.message.split("\n")[0]})`;
    throw new EnvironmentError(
      `measure: instructions needs Valgrind (its callgrind tool), and ${where2} ${why2}. ${INSTALL_HINT}.`,
      { cause: error }
    );
  });
  if (!/^valgrind-\d/.test(version))
    throw new EnvironmentError(
      `${where2} does not look like Valgrind: \`--version\` printed \`${version.slice(0, 80)}\`. ${INSTALL_HINT}.`
    );
  return { command, version };
}
var runCommand = (command, args, env2) => new Promise((done, fail) => {
  execFile(
    command,
    args,
    { env: env2, timeout: 6e5 },
    (error, _out, stderr) => error ? fail(
      new Error(
        `${command} ${args.join(" ")}: ${String(stderr).trim().split("\n").slice(-3).join(" | ") || error.message}`
      )
    ) : done()
  );
});
async function installValgrind(env2, deps = {}) {
  const run = deps.run ?? runCommand;
  const clockNs = deps.clockNs ?? (() => process.hrtime.bigint());
  const t0 = clockNs();
  const aptEnv = { ...env2, DEBIAN_FRONTEND: "noninteractive" };
  try {
    await run("sudo", ["-n", "apt-get", "update", "-qq"], aptEnv);
    await run("sudo", ["-n", "apt-get", "install", "-y", "-qq", "--no-install-recommends", "valgrind"], aptEnv);
  } catch (error) {
    throw new EnvironmentError(
      `measure: instructions needs Valgrind, and installing it with apt-get failed (${error.message}). Add a step \`sudo apt-get install -y valgrind\` before this action, or use measure: time.`,
      { cause: error }
    );
  }
  return Number(clockNs() - t0) / 1e9;
}
function defaultExec(command, args, env2, hooks) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: env2, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    let ready;
    child.stdout.on("data", (d) => {
      if (ready) return;
      stdout = (stdout + d.toString()).slice(-1e3);
      if (stdout.split("\n").some((l) => l.trim() === READY_LINE))
        ready = hooks.onReady(child.pid).catch((error) => {
          child.kill("SIGKILL");
          throw error;
        });
    });
    child.stderr.on("data", (d) => {
      stderr = (stderr + d.toString()).slice(-2e4);
    });
    child.on("error", fail);
    child.on("close", (code, signal) => void (ready ?? Promise.resolve()).then(() => done({ code, signal, stderr }), fail));
  });
}
var defaultVgdb = (command, args, env2) => new Promise((done, fail) => {
  execFile(
    command,
    args,
    { env: env2, timeout: 6e4 },
    (error, stdout, stderr) => error ? fail(
      new Error(
        `${String(stderr || stdout).trim().split("\n").slice(-2).join(" | ") || error.message}`
      )
    ) : done()
  );
});
function vgdbFor(valgrind) {
  if (!valgrind.includes("/")) return "vgdb";
  const beside = path.join(path.dirname(valgrind), "vgdb");
  return existsSync2(beside) ? beside : "vgdb";
}
function ortEntry() {
  return onnxRuntimeFor().entryFile;
}
function orderDumpFiles(names, base) {
  const numbered = names.map((n) => ({ n, m: new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)$`).exec(n) })).filter((x) => x.m).sort((a, b) => Number(a.m[1]) - Number(b.m[1])).map((x) => x.n);
  return names.includes(base) ? [...numbered, base] : numbered;
}
function callsFromDumps(parts, warmup, calls, events = ["Ir"]) {
  const expected = 1 + warmup + calls;
  if (parts.length !== expected) {
    throw new EnvironmentError(
      `Callgrind wrote ${parts.length} dumps where ${expected} were expected (one before each of ${warmup + calls} calls, and one at exit): the run function ${RUN_SYMBOL} was not matched as expected; this onnxruntime-node build may name it differently`
    );
  }
  return parts.slice(1 + warmup).map((p) => objectCost(p, events, COUNTED_OBJECT));
}
function callgrindArgs(opts) {
  return [
    "--tool=callgrind",
    // Start-up (Node, module loading, session creation) runs without instrumentation: about
    // 5× cheaper on the simulator than instrumented with collection off. vgdb switches it on
    // (`instrumentation on`) before the first call.
    ...opts.instrumented ? [] : ["--instr-atstart=no"],
    "--collect-atstart=no",
    `--toggle-collect=${RUN_SYMBOL}`,
    `--dump-before=${RUN_SYMBOL_DUMP}`,
    "--dump-instr=no",
    `--cache-sim=${opts.cacheSim ? "yes" : "no"}`,
    "--vgdb=yes",
    // Its own FIFOs in the count's own folder, so that parallel counts never meet.
    `--vgdb-prefix=${path.join(opts.dir, "vgdb")}`,
    `--callgrind-out-file=${opts.out}`,
    `--log-file=${path.join(opts.dir, "valgrind.log")}`
  ];
}
async function runCallgrind(tool, job, deps = {}) {
  const clockNs = deps.clockNs ?? (() => process.hrtime.bigint());
  const env2 = { ...deps.env ?? process.env, NODE_OPTIONS: "" };
  const dir = await mkdtemp(path.join(os.tmpdir(), "eb-instr-"));
  try {
    const feeds = [];
    for (const [i, [name, t]] of Object.entries(job.feeds).entries()) {
      if (t.type === "string") {
        feeds.push({ name, type: t.type, dims: [...t.dims], strings: [...t.data] });
        continue;
      }
      const data = t.data;
      const file = path.join(dir, `input-${i}.bin`);
      await writeFile(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      feeds.push({ name, type: t.type, dims: [...t.dims], file });
    }
    const t0 = clockNs();
    let fallback;
    for (let attempt = 0; ; attempt++) {
      const instrumented = fallback !== void 0;
      const sub2 = path.join(dir, `run-${attempt}`);
      await mkdir(sub2);
      const goFile = path.join(sub2, "go");
      const childJob = {
        ort: ortEntry(),
        model: job.model,
        sessionOptions: job.sessionOptions,
        warmup: job.warmup,
        calls: job.calls,
        feeds,
        goFile
      };
      const jobFile = path.join(sub2, "job.json");
      await writeFile(jobFile, JSON.stringify(childJob));
      const out3 = path.join(sub2, "callgrind.out");
      const args = [
        ...callgrindArgs({ out: out3, dir: sub2, cacheSim: job.cacheSim, instrumented }),
        process.execPath,
        "--input-type=module",
        "-e",
        CHILD_SOURCE,
        jobFile
      ];
      let stopped;
      const onReady = async (pid) => {
        let word = "go";
        if (!instrumented) {
          const vgdb = deps.vgdb ?? defaultVgdb;
          const command = vgdbFor(tool.command);
          try {
            await vgdb(command, [`--vgdb-prefix=${path.join(sub2, "vgdb")}`, `--pid=${pid}`, "instrumentation", "on"], env2);
          } catch (error) {
            stopped = `${command} could not switch callgrind's instrumentation on (${error.message})`;
            word = "stop";
          }
        }
        await writeFile(`${goFile}.tmp`, word);
        await rename(`${goFile}.tmp`, goFile);
      };
      const runTool = deps.exec ?? defaultExec;
      const r = await runTool(tool.command, args, env2, { onReady });
      if (r.code !== 0) {
        const log2 = await readFile(path.join(sub2, "valgrind.log"), "utf8").catch(() => "");
        const tail = `${r.stderr}
${log2}`.trim().split("\n").slice(-8).join(" | ");
        throw new EnvironmentError(
          `the instruction count failed: ${tool.command} (callgrind) running the model ${r.signal ? `was killed by ${r.signal}` : `exited with code ${r.code}`}: ${tail}`
        );
      }
      if (stopped !== void 0 && !instrumented) {
        fallback = stopped;
        continue;
      }
      const wallS = Number(clockNs() - t0) / 1e9;
      const names = orderDumpFiles(await readdir(sub2), "callgrind.out");
      const parts = [];
      let events = [];
      for (const n of names) {
        const profile = parseCallgrind(await readFile(path.join(sub2, n), "utf8"));
        events = profile.events;
        parts.push(...profile.parts);
      }
      const perCall = callsFromDumps(parts, job.warmup, job.calls, events);
      if (perCall.every((c) => !c.Ir))
        throw new EnvironmentError(
          "Callgrind counted no instructions inside onnxruntime (libonnxruntime.so) during the run: this onnxruntime-node build may load its library under another name"
        );
      return {
        events,
        perCall,
        wallS,
        valgrind: tool.version,
        startup: fallback === void 0 ? { instrumented: false } : { instrumented: true, reason: fallback }
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/model/flops.ts
function numel(shape) {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}
function attrOf(n, name) {
  return (n.attribute ?? []).find((a) => a.name === name);
}
function intAttr(n, name, dflt) {
  const a = attrOf(n, name);
  return a && Object.prototype.hasOwnProperty.call(a, "i") ? a.i ?? dflt : dflt;
}
var ELEMENTWISE = /* @__PURE__ */ new Set([
  "Add",
  "Sub",
  "Mul",
  "Div",
  "Pow",
  "Mod",
  "Sqrt",
  "Reciprocal",
  "Neg",
  "Abs",
  "Exp",
  "Log",
  "Floor",
  "Ceil",
  "Round",
  "Sign",
  "Erf",
  "Sin",
  "Cos",
  "Tan",
  "Asin",
  "Acos",
  "Atan",
  "Sinh",
  "Cosh",
  "Asinh",
  "Acosh",
  "Atanh",
  "Relu",
  "LeakyRelu",
  "PRelu",
  "Elu",
  "Selu",
  "Celu",
  "Sigmoid",
  "HardSigmoid",
  "HardSwish",
  "Tanh",
  "Softplus",
  "Softsign",
  "ThresholdedRelu",
  "Gelu",
  "Mish",
  "Clip",
  "Where",
  "Equal",
  "Greater",
  "Less",
  "GreaterOrEqual",
  "LessOrEqual",
  "And",
  "Or",
  "Xor",
  "Not",
  "BitShift",
  "BitwiseAnd",
  "BitwiseOr",
  "BitwiseXor",
  "BitwiseNot",
  "IsNaN",
  "IsInf",
  "Shrink",
  "CumSum"
]);
var VARIADIC = /* @__PURE__ */ new Set(["Sum", "Max", "Min", "Mean"]);
var QUANTIZE = /* @__PURE__ */ new Set(["QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear"]);
var REDUCE_1 = /* @__PURE__ */ new Set([
  "ReduceSum",
  "ReduceMean",
  "ReduceMax",
  "ReduceMin",
  "ReduceProd",
  "ReduceL1",
  "ArgMax",
  "ArgMin",
  "ReduceLogSum"
]);
var REDUCE_2 = /* @__PURE__ */ new Set(["ReduceSumSquare", "ReduceL2", "ReduceLogSumExp"]);
var SOFTMAX = /* @__PURE__ */ new Set(["Softmax", "LogSoftmax", "Hardmax"]);
var NORMALIZE = /* @__PURE__ */ new Set([
  "LayerNormalization",
  "InstanceNormalization",
  "GroupNormalization",
  "MeanVarianceNormalization",
  "LpNormalization"
]);
var POOL = /* @__PURE__ */ new Set(["MaxPool", "AveragePool", "LpPool"]);
var GLOBAL_POOL = /* @__PURE__ */ new Set(["GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"]);
var FREE = /* @__PURE__ */ new Set([
  "Reshape",
  "Flatten",
  "Squeeze",
  "Unsqueeze",
  "Transpose",
  "Concat",
  "Split",
  "Slice",
  "Gather",
  "GatherElements",
  "GatherND",
  "Scatter",
  "ScatterElements",
  "ScatterND",
  "Identity",
  "Shape",
  "Size",
  "Constant",
  "ConstantOfShape",
  "Cast",
  "CastLike",
  "Expand",
  "Tile",
  "Pad",
  "Dropout",
  "Range",
  "DepthToSpace",
  "SpaceToDepth",
  "OneHot",
  "EyeLike",
  "Trilu",
  "ReverseSequence",
  "Compress",
  "NonZero",
  "SequenceConstruct",
  "SequenceEmpty",
  "SequenceInsert",
  "SequenceErase",
  "SequenceAt",
  "SequenceLength",
  "SplitToSequence",
  "ConcatFromSequence",
  "Optional",
  "OptionalHasElement",
  "OptionalGetElement"
]);
var RECURRENT_GATES = {
  RNN: { gates: 1, elementwise: 2 },
  GRU: { gates: 3, elementwise: 11 },
  LSTM: { gates: 4, elementwise: 13 }
};
function nodeFlops(n, shapes) {
  if (n.domain && n.domain !== "ai.onnx") return void 0;
  const op = n.opType ?? "";
  const inputs = n.input ?? [];
  const shapeIn = (i) => inputs[i] ? shapes.get(inputs[i]) : void 0;
  const present = (i) => !!inputs[i];
  const out3 = n.output?.[0] ? shapes.get(n.output[0]) : void 0;
  if (FREE.has(op)) return 0;
  switch (op) {
    case "Conv":
    case "ConvInteger":
    case "QLinearConv": {
      const wIndex = op === "QLinearConv" ? 3 : 1;
      const w = shapeIn(wIndex);
      if (!out3 || !w || w[0] === 0) return void 0;
      const macs = numel(out3) * numel(w) / w[0];
      const bias = op === "Conv" ? present(2) : op === "QLinearConv" ? present(8) : false;
      return 2 * macs + (bias ? numel(out3) : 0);
    }
    case "ConvTranspose": {
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || !out3 || w[0] === 0) return void 0;
      return 2 * (numel(x) * numel(w) / w[0]) + (present(2) ? numel(out3) : 0);
    }
    case "Gemm": {
      const a = shapeIn(0);
      if (!a || !out3 || a.length !== 2) return void 0;
      const k = intAttr(n, "transA", 0) ? a[0] : a[1];
      return 2 * numel(out3) * k + (present(2) ? numel(out3) : 0);
    }
    case "MatMul":
    case "MatMulInteger":
    case "QLinearMatMul": {
      const a = shapeIn(0);
      if (!a || !out3 || a.length === 0) return void 0;
      return 2 * numel(out3) * a[a.length - 1];
    }
    case "RNN":
    case "GRU":
    case "LSTM": {
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || x.length !== 3 || w.length !== 3) return void 0;
      const { gates, elementwise } = RECURRENT_GATES[op];
      const layout = intAttr(n, "layout", 0);
      const steps = layout ? x[1] : x[0];
      const batch = layout ? x[0] : x[1];
      const inputSize = x[2];
      const directions = w[0];
      const hidden = intAttr(n, "hidden_size", w[1] / gates);
      const perStep = 2 * gates * hidden * (inputSize + hidden) + (present(3) ? 2 * gates * hidden : 0) + elementwise * hidden;
      return steps * batch * directions * perStep;
    }
    case "BatchNormalization":
      return out3 ? 2 * numel(out3) : void 0;
    default:
      break;
  }
  if (ELEMENTWISE.has(op)) return out3 ? numel(out3) : void 0;
  if (VARIADIC.has(op)) return out3 ? numel(out3) * (Math.max(inputs.length, 1) - 1 + (op === "Mean" ? 1 : 0)) : void 0;
  if (QUANTIZE.has(op)) return out3 ? 2 * numel(out3) : void 0;
  if (SOFTMAX.has(op)) return out3 ? 5 * numel(out3) : void 0;
  if (NORMALIZE.has(op)) return out3 ? 7 * numel(out3) : void 0;
  if (REDUCE_1.has(op) || REDUCE_2.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) * (REDUCE_2.has(op) ? 2 : 1) : void 0;
  }
  if (POOL.has(op)) {
    const k = attrOf(n, "kernel_shape")?.ints ?? [];
    return out3 && k.length > 0 ? numel(out3) * numel(k) : void 0;
  }
  if (GLOBAL_POOL.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) : void 0;
  }
  return void 0;
}

// src/model/control-flow.ts
var MAX_CONTROL_FLOW_DEPTH = 4;
var CONTROL_FLOW = /* @__PURE__ */ new Set(["If", "Loop", "Scan"]);
function isControlFlow(n) {
  return (!n.domain || n.domain === "ai.onnx") && CONTROL_FLOW.has(n.opType ?? "");
}
function graphAttr(n, name) {
  return (n.attribute ?? []).find((a) => a.name === name)?.g ?? void 0;
}
function intsAttr(n, name) {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.ints ? a.ints.map(Number) : void 0;
}
function intAttr2(n, name, dflt) {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a && a.i !== void 0 && a.i !== null ? Number(a.i) : dflt;
}
function nodeLabel(n) {
  return n.name ? `'${n.name}'` : `producing '${n.output?.[0] ?? "?"}'`;
}
function definedIn(g) {
  const out3 = /* @__PURE__ */ new Set();
  for (const v of g.input ?? []) if (v.name) out3.add(v.name);
  for (const t of g.initializer ?? []) if (t.name) out3.add(t.name);
  for (const s of g.sparseInitializer ?? []) if (s.values?.name) out3.add(s.values.name);
  for (const n of g.node ?? []) for (const o of n.output ?? []) if (o) out3.add(o);
  return out3;
}
function renameNested(g, rename5) {
  const local = definedIn(g);
  const map = (x) => x && !local.has(x) ? rename5.get(x) ?? x : x;
  return {
    ...g,
    node: (g.node ?? []).map((n) => ({
      ...n,
      input: (n.input ?? []).map(map),
      attribute: renameAttrs(n.attribute, rename5, local)
    })),
    output: (g.output ?? []).map((v) => ({ ...v, name: map(v.name ?? "") }))
  };
}
function renameAttrs(attrs, rename5, shadow) {
  const outer = new Map([...rename5].filter(([k]) => !shadow.has(k)));
  return (attrs ?? []).map((a) => ({
    ...a,
    ...a.g ? { g: renameNested(a.g, outer) } : {},
    ...a.graphs?.length ? { graphs: a.graphs.map((g) => renameNested(g, outer)) } : {}
  }));
}
function inline(g, prefix, bindings) {
  const rename5 = /* @__PURE__ */ new Map();
  for (const name of definedIn(g)) rename5.set(name, `${prefix}${name}`);
  for (const [k, v] of bindings) rename5.set(k, v);
  const map = (x) => x ? rename5.get(x) ?? x : x;
  const nodes = (g.node ?? []).map((n) => ({
    ...n,
    name: `${prefix}${n.name ?? n.output?.[0] ?? ""}`,
    input: (n.input ?? []).map(map),
    output: (n.output ?? []).map(map),
    attribute: renameAttrs(n.attribute, rename5, /* @__PURE__ */ new Set())
  }));
  const initializers = (g.initializer ?? []).map((t) => ({ ...t, name: map(t.name ?? "") }));
  return { nodes, initializers, outputs: (g.output ?? []).map((v) => map(v.name ?? "")) };
}
function controlFlowValueNames(proto) {
  const out3 = [];
  for (const n of proto.graph?.node ?? []) {
    if (!isControlFlow(n)) continue;
    if (n.opType === "If" && n.input?.[0]) out3.push(n.input[0]);
    if (n.opType === "Loop") {
      for (const i of (n.input ?? []).slice(0, 2)) if (i) out3.push(i);
    }
  }
  return out3;
}
function startExpansion(proto) {
  return { proto, times: /* @__PURE__ */ new Map(), countedThroughBody: /* @__PURE__ */ new Set(), synthetic: /* @__PURE__ */ new Set(), notes: [] };
}
function loopTrips(n, body, run) {
  const inputs = n.input ?? [];
  const carried = Math.max(0, inputs.length - 2);
  for (const o of (n.output ?? []).slice(carried)) {
    const dims = o ? run.shapes.get(o) : void 0;
    if (dims && dims.length > 0) return dims[0];
  }
  const m = inputs[0] ? run.values.get(inputs[0])?.[0] : void 0;
  if (m === void 0) return "its trip count is not known at these inputs";
  const condIn = body.input?.[1]?.name;
  const condOut = body.output?.[0]?.name;
  const condNode = (body.node ?? []).find((x) => x.output?.includes(condOut ?? ""));
  const passThrough = condOut === condIn || condNode?.opType === "Identity" && condNode.input?.[0] === condIn;
  const initial = inputs[1] ? run.values.get(inputs[1])?.[0] : 1;
  if (initial === 0) return 0;
  if (!passThrough)
    return "it may stop early (its condition is computed in the body) and has no scan output to count iterations by";
  return m;
}
function expandOnce(current, run, pass) {
  const graph = current.proto.graph ?? {};
  const nodes = [];
  const initializers = [...graph.initializer ?? []];
  const next = {
    proto: current.proto,
    times: new Map(current.times),
    countedThroughBody: new Set(current.countedThroughBody),
    synthetic: new Set(current.synthetic),
    notes: [...current.notes]
  };
  let changed = false;
  let k = 0;
  const noted = new Set(current.notes.map((x) => x.node));
  const note = (n, counted, times) => {
    next.notes.push({ node: n.name ?? n.output?.[0] ?? "", op: n.opType, counted, times });
  };
  for (const n of graph.node ?? []) {
    if (!isControlFlow(n) || current.countedThroughBody.has(n)) {
      nodes.push(n);
      continue;
    }
    const times = current.times.get(n) ?? 1;
    const prefix = `__eb${pass}_${k++}__`;
    const add2 = (x, synthetic = false) => {
      nodes.push(x);
      if (synthetic) next.synthetic.add(x);
      else if (times !== 1) next.times.set(x, times);
    };
    if (n.opType === "If") {
      const cond = n.input?.[0] ? run.values.get(n.input[0]) : void 0;
      if (!cond || cond.length !== 1) {
        nodes.push(n);
        continue;
      }
      const branch = cond[0] ? "then_branch" : "else_branch";
      const g = graphAttr(n, branch);
      if (!g) {
        nodes.push(n);
        continue;
      }
      const body2 = inline(g, prefix, /* @__PURE__ */ new Map());
      for (const x of body2.nodes) add2(x);
      initializers.push(...body2.initializers);
      (n.output ?? []).forEach((o, i) => {
        if (o && body2.outputs[i]) add2(node("Identity", [body2.outputs[i]], [o], {}, `${prefix}out${i}`), true);
      });
      if (!noted.has(n.name ?? "")) note(n, `${branch} (condition ${cond[0] ? "true" : "false"})`, times);
      changed = true;
      continue;
    }
    const body = graphAttr(n, "body");
    nodes.push(n);
    if (!body) continue;
    const inputs = n.input ?? [];
    const bindings = /* @__PURE__ */ new Map();
    let count;
    if (n.opType === "Loop") {
      count = loopTrips(n, body, run);
      if (typeof count === "string") continue;
      const iter = `${prefix}iter0`;
      const cond = `${prefix}cond0`;
      add2(node("Constant", [], [iter], { value: { t: int64Tensor(iter, [], [0]) } }, iter), true);
      add2(node("Constant", [], [cond], { value: { t: rawTensor(cond, [], DataType.BOOL, Uint8Array.of(1)) } }, cond), true);
      const bodyInputs = body.input ?? [];
      if (bodyInputs[0]?.name) bindings.set(bodyInputs[0].name, iter);
      if (bodyInputs[1]?.name) bindings.set(bodyInputs[1].name, cond);
      bodyInputs.slice(2).forEach((v, i) => {
        if (v.name && inputs[2 + i]) bindings.set(v.name, inputs[2 + i]);
      });
    } else {
      const m = intAttr2(n, "num_scan_inputs", 0);
      const states = inputs.length - m;
      const axes = intsAttr(n, "scan_input_axes") ?? [];
      const first = inputs[states];
      const dims = first ? run.shapes.get(first) : void 0;
      const axis0 = axes[0] ?? 0;
      if (!dims || m < 1) {
        count = "its sequence length is not known at these inputs";
        continue;
      }
      count = dims[axis0 < 0 ? dims.length + axis0 : axis0];
      const index = `${prefix}step0`;
      add2(node("Constant", [], [index], { value: { t: int64Tensor(index, [], [0]) } }, index), true);
      const bodyInputs = body.input ?? [];
      bodyInputs.forEach((v, i) => {
        if (!v.name || !inputs[i]) return;
        if (i < states) {
          bindings.set(v.name, inputs[i]);
          return;
        }
        const slice2 = `${prefix}slice${i}`;
        add2(node("Gather", [inputs[i], index], [slice2], { axis: axes[i - states] ?? 0 }, slice2), true);
        bindings.set(v.name, slice2);
      });
    }
    const copy = inline(body, prefix, bindings);
    for (const x of copy.nodes) {
      nodes.push(x);
      next.times.set(x, times * count);
    }
    initializers.push(...copy.initializers);
    next.countedThroughBody.add(n);
    note(n, n.opType === "Loop" ? `body \xD7 ${count} iterations` : `body \xD7 ${count} steps`, times);
    changed = true;
  }
  if (!changed) return null;
  next.proto = { ...current.proto, graph: { ...graph, node: nodes, initializer: initializers } };
  return next;
}
function countExpanded(expanded, shapes) {
  const graph = expanded.proto.graph ?? {};
  const all = new Map(shapes);
  for (const t of graph.initializer ?? []) if (t.name && !all.has(t.name)) all.set(t.name, [...t.dims ?? []]);
  const byOp = {};
  const uncounted = /* @__PURE__ */ new Set();
  let total = 0;
  let nodes = 0;
  let uncountedNodes = 0;
  for (const n of graph.node ?? []) {
    if (expanded.synthetic.has(n)) continue;
    nodes++;
    if (expanded.countedThroughBody.has(n)) continue;
    const f = nodeFlops(n, all);
    if (f === void 0) {
      uncounted.add(opKey(n));
      uncountedNodes++;
      continue;
    }
    const x = f * (expanded.times.get(n) ?? 1);
    if (x > 0) {
      const key = opKey(n);
      byOp[key] = (byOp[key] ?? 0) + x;
      total += x;
    }
  }
  return {
    total,
    byOp,
    uncounted: [...uncounted].sort(),
    nodes,
    uncountedNodes,
    ...expanded.notes.length ? { controlFlow: expanded.notes } : {}
  };
}
function undecided(expanded) {
  return (expanded.proto.graph?.node ?? []).filter((n) => isControlFlow(n) && !expanded.countedThroughBody.has(n)).map((n) => `${n.opType} ${nodeLabel(n)}`);
}
async function flopsWithControlFlow(loaded, feeds, createSession2) {
  let run = await resolveShapesAndValues(loaded, feeds, createSession2, controlFlowValueNames(loaded.proto));
  const shapes = run.shapes;
  const notices = [];
  let expanded = startExpansion(loaded.proto);
  for (let pass = 1; pass <= MAX_CONTROL_FLOW_DEPTH; pass++) {
    const next = expandOnce(expanded, run, pass);
    if (!next) break;
    try {
      run = await resolveShapesAndValues(
        { ...loaded, proto: next.proto },
        feeds,
        createSession2,
        controlFlowValueNames(next.proto)
      );
    } catch (error) {
      notices.push(
        `the control flow could not be expanded for counting (onnxruntime refused the expanded graph: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}); it stays uncounted`
      );
      break;
    }
    expanded = next;
  }
  const left = undecided(expanded);
  if (left.length)
    notices.push(`FLOPs inside ${left.join(", ")} are not counted: the condition or trip count is not known at these inputs`);
  return { shapes, flops: countExpanded(expanded, run.shapes), notices };
}

// src/bench/runner.ts
var RSS_EVERY_NS = 50000000n;
async function runInferenceBenchmark(session, feeds, cfg, deps) {
  const clock = deps.clockNs;
  const rss = deps.rssBytes ?? (() => process.memoryUsage.rss());
  const maxRss = deps.maxRssBytes ?? (() => process.resourceUsage().maxRSS * 1024);
  const label2 = deps.label ?? "the model";
  const auto = cfg.iterations === "auto";
  if (!auto && !(Number.isInteger(cfg.iterations) && cfg.iterations >= 1)) {
    throw new RangeError(`iterations must be a positive integer or 'auto', got ${cfg.iterations}`);
  }
  const minSamples = Math.max(2, deps.minSamples ?? 10);
  const maxRuns = auto ? deps.maxRuns ?? 1e6 : cfg.iterations;
  let phase = "warm-up";
  let last = {};
  let lat = new Float64Array(auto ? Math.min(maxRuns, 1024) : maxRuns);
  let n = 0;
  let stopReason = "iterations";
  let energy;
  let peakRss = 0;
  let startNs = 0n;
  let endNs = 0n;
  let maxRssBefore = 0;
  try {
    for (let i = 0; i < cfg.warmup; i++) last = await session.run(feeds);
    maxRssBefore = maxRss();
    peakRss = rss();
    phase = "meter";
    const token = deps.meter ? await deps.meter.begin() : void 0;
    phase = "the timed runs";
    startNs = clock();
    let nextRssNs = startNs + RSS_EVERY_NS;
    let prev = startNs;
    if (!auto) {
      for (; n < maxRuns; n++) {
        last = await session.run(feeds);
        const t = clock();
        lat[n] = Number(t - prev) / 1e6;
        prev = t;
        if (t >= nextRssNs) {
          const r2 = rss();
          if (r2 > peakRss) peakRss = r2;
          nextRssNs = t + RSS_EVERY_NS;
          prev = clock();
        }
      }
    } else {
      const deadlineNs = Number.isFinite(cfg.maxTimeS) ? startNs + BigInt(Math.round(cfg.maxTimeS * 1e9)) : 2n ** 63n;
      let nextCheck = minSamples;
      for (; ; ) {
        last = await session.run(feeds);
        const t = clock();
        lat[n++] = Number(t - prev) / 1e6;
        prev = t;
        if (n >= nextCheck) {
          if (relativeCiHalfWidth(lat, n) <= cfg.targetRelativeCi) {
            stopReason = "converged";
            break;
          }
          nextCheck = n + Math.max(minSamples, Math.ceil(n / 10));
          prev = clock();
        }
        if (t >= deadlineNs) {
          stopReason = "time-cap";
          break;
        }
        if (n >= maxRuns) {
          stopReason = "max-runs";
          break;
        }
        if (t >= nextRssNs) {
          const r2 = rss();
          if (r2 > peakRss) peakRss = r2;
          nextRssNs = t + RSS_EVERY_NS;
          prev = clock();
        }
        if (n === lat.length) {
          const bigger = new Float64Array(Math.min(maxRuns, lat.length * 2));
          bigger.set(lat);
          lat = bigger;
          prev = clock();
        }
      }
    }
    endNs = clock();
    phase = "meter";
    if (deps.meter && token) energy = await deps.meter.end(token);
  } catch (error) {
    if (error instanceof EnergyBudgetError) throw error;
    const msg = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
    if (phase === "meter") throw new EnvironmentError(`${label2}: the energy meter failed: ${msg}`, { cause: error });
    throw new InputError(
      "INPUT_INVALID",
      `${label2}: onnxruntime failed during ${phase}: ${msg}. Check the input shapes and values given by dims: and inputs:.`,
      { cause: error }
    );
  }
  const r = rss();
  if (r > peakRss) peakRss = r;
  const maxRssAfter = maxRss();
  const peakMemoryBytes = maxRssAfter > maxRssBefore ? Math.max(maxRssAfter, peakRss) : peakRss;
  const windowNs = endNs - startNs;
  if (windowNs <= 0n) {
    throw new EnvironmentError(
      `${label2}: the timed window of ${n} run(s) lasted ${windowNs} ns, so no throughput can be computed; the clock did not advance.`
    );
  }
  const timedWindowS = Number(windowNs) / 1e9;
  const latenciesMs = lat.subarray(0, n);
  const [p50, p95, p99] = percentiles(latenciesMs, [0.5, 0.95, 0.99]);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (latenciesMs[i] < min) min = latenciesMs[i];
    if (latenciesMs[i] > max) max = latenciesMs[i];
  }
  const ci = relativeCiHalfWidth(latenciesMs, n);
  return {
    batchSize: cfg.batchSize,
    runs: n,
    warmup: cfg.warmup,
    latenciesMs,
    latencyMs: { p50, p95, p99, mean: mean(latenciesMs), min, max, stdev: stdev(latenciesMs) },
    throughput: cfg.batchSize * n / timedWindowS,
    inferencesPerSecond: n / timedWindowS,
    timedWindowS,
    ...Number.isFinite(ci) ? { relativeCi95: ci } : {},
    stopReason,
    peakMemoryBytes,
    ...energy ? { energy } : {},
    nonFinite: countNonFinite(last)
  };
}
function countNonFinite(outputs) {
  const counts = {};
  for (const [name, t] of Object.entries(outputs)) {
    if (t.type !== "float32" && t.type !== "float64" && t.type !== "float16") continue;
    const data = t.data;
    let bad = 0;
    if (t.type === "float16") {
      const bits = float16BitsOf(t.data);
      for (let i = 0; i < bits.length; i++) if ((bits[i] & 31744) === 31744) bad++;
    } else {
      for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) bad++;
    }
    counts[name] = bad;
  }
  return counts;
}

// src/energy/open.ts
import { availableParallelism } from "node:os";

// src/energy/combined.ts
var CombinedMeter = class {
  constructor(parts) {
    this.parts = parts;
    if (parts.length === 0) throw new Error("CombinedMeter needs at least one meter.");
    this.method = parts.map((p) => p.method).join("+");
    this.description = parts.map((p) => p.description).join("; ");
  }
  parts;
  method;
  description;
  modelledIdleW;
  /** Begins every part. */
  async begin() {
    const tokens = [];
    for (const p of this.parts) tokens.push(await p.begin());
    const token = { startedAt: tokens[0].startedAt, parts: tokens };
    return token;
  }
  /** Ends every part (in reverse order, so the window of the first part encloses the others). */
  async end(token) {
    const tokens = token.parts;
    const windows = new Array(this.parts.length);
    for (let i = this.parts.length - 1; i >= 0; i--) windows[i] = await this.parts[i].end(tokens[i]);
    return combineWindows(windows);
  }
  /** Closes every part, even when one fails. */
  async close() {
    const results = await Promise.allSettled(this.parts.map((p) => p.close()));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }
};
function combineWindows(windows) {
  if (windows.length === 1) return windows[0];
  const domainsJ = {};
  for (const w of windows) {
    for (const [k, v] of Object.entries(w.domainsJ)) {
      let key = k;
      for (let n = 2; key in domainsJ; n++) key = `${k}#${n}`;
      domainsJ[key] = v;
    }
  }
  const allIdle = windows.every((w) => w.idleW !== void 0);
  const allUnc = windows.every((w) => w.uncertaintyJ !== void 0);
  const energyJ = windows.reduce((a, w) => a + w.energyJ, 0);
  const idleW = allIdle ? windows.reduce((a, w) => a + (w.idleW ?? 0), 0) : void 0;
  const durationS = Math.max(...windows.map((w) => w.durationS));
  return {
    energyJ,
    domainsJ,
    durationS,
    method: windows.map((w) => w.method).join("+"),
    estimated: windows.some((w) => w.estimated === true || w.method.includes("estimate")),
    idleW,
    idleMeasured: allIdle ? windows.every((w) => w.idleMeasured === true) : void 0,
    attributableJ: allIdle ? windows.reduce((a, w) => a + (w.attributableJ ?? 0), 0) : void 0,
    // Independent parts: one-sigma errors add in quadrature.
    uncertaintyJ: allUnc ? Math.sqrt(windows.reduce((a, w) => a + (w.uncertaintyJ ?? 0) ** 2, 0)) : void 0,
    notes: windows.flatMap((w) => w.notes),
    estimate: windows.find((w) => w.estimate)?.estimate,
    parts: windows
  };
}

// src/energy/cpu-platform.ts
import { execFile as nodeExecFile } from "node:child_process";
import os2 from "node:os";
import path2 from "node:path";
var CPU_QUERY_TIMEOUT_MS = 1e4;
var realExecFile = (file, args, { timeoutMs }) => new Promise((resolve3, reject) => {
  nodeExecFile(
    file,
    [...args],
    { timeout: timeoutMs, windowsHide: true, encoding: "utf8", maxBuffer: 1 << 20 },
    (error, stdout) => error ? reject(error) : resolve3(stdout)
  );
});
function colonLines(text) {
  const out3 = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out3.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return out3;
}
function x86Signature(text) {
  const m = /Family (\d+) Model (\d+) Stepping (\d+)/.exec(text ?? "");
  return m ? { family: Number(m[1]), model: Number(m[2]), stepping: Number(m[3]) } : {};
}
var int = (v) => v !== void 0 && /^\d+$/.test(v) ? Number(v) : void 0;
function sysctlNames(arch) {
  const names = ["machdep.cpu.brand_string", "hw.logicalcpu"];
  if (arch === "x64") names.push("machdep.cpu.vendor", "machdep.cpu.family", "machdep.cpu.model", "machdep.cpu.stepping");
  return names;
}
function parseSysctl(text) {
  const v = colonLines(text);
  const name = v.get("machdep.cpu.brand_string");
  if (!name) return null;
  return {
    modelName: name,
    vendor: v.get("machdep.cpu.vendor"),
    family: int(v.get("machdep.cpu.family")),
    model: int(v.get("machdep.cpu.model")),
    stepping: int(v.get("machdep.cpu.stepping")),
    logicalCpus: int(v.get("hw.logicalcpu")) ?? 0
  };
}
var WINDOWS_CPU_KEY = "HKLM\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0";
function parseRegQuery(text, logicalCpus) {
  const v = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s+(\S+)\s+REG_\w+\s+(.*?)\s*$/.exec(line);
    if (m) v.set(m[1], m[2]);
  }
  const name = v.get("ProcessorNameString");
  if (!name) return null;
  return { modelName: name, vendor: v.get("VendorIdentifier"), ...x86Signature(v.get("Identifier")), logicalCpus };
}
var CIM_ARGS = [
  "-NoProfile",
  "-NonInteractive",
  "-Command",
  "Get-CimInstance -ClassName Win32_Processor | Select-Object Name,Manufacturer,Caption,NumberOfLogicalProcessors | ConvertTo-Json -Compress"
];
function parseCim(text) {
  let data;
  try {
    data = JSON.parse(text.trim());
  } catch {
    return null;
  }
  const rows = Array.isArray(data) ? data : [data];
  const first = rows[0];
  if (!first || typeof first.Name !== "string") return null;
  const logicalCpus = rows.reduce(
    (n, r) => n + (typeof r.NumberOfLogicalProcessors === "number" ? r.NumberOfLogicalProcessors : 0),
    0
  );
  return {
    modelName: first.Name.trim(),
    vendor: typeof first.Manufacturer === "string" ? first.Manufacturer : void 0,
    ...x86Signature(typeof first.Caption === "string" ? first.Caption : void 0),
    logicalCpus
  };
}
function why(error) {
  const e = error;
  if (e.killed) return `timed out after ${CPU_QUERY_TIMEOUT_MS / 1e3} s`;
  return typeof e.code === "string" ? e.code : (e.message ?? String(error)).split("\n")[0];
}
async function readPlatformCpu(probe) {
  const run = probe.execFile ?? realExecFile;
  const notes = [];
  if (probe.platform === "darwin") {
    try {
      const cpu2 = parseSysctl(await run("/usr/sbin/sysctl", sysctlNames(probe.arch), { timeoutMs: CPU_QUERY_TIMEOUT_MS }));
      if (!cpu2) notes.push("sysctl printed no machdep.cpu.brand_string; the CPU model is unknown.");
      return { cpu: cpu2, source: "sysctl", notes };
    } catch (error) {
      notes.push(`sysctl failed (${why(error)}); the CPU model is unknown.`);
      return { cpu: null, source: "sysctl", notes };
    }
  }
  if (probe.platform === "win32") {
    const env2 = probe.env ?? process.env;
    const system32 = path2.win32.join(env2.SystemRoot ?? env2.windir ?? "C:\\Windows", "System32");
    const logical = (probe.logicalCpus ?? os2.availableParallelism)();
    try {
      const cpu2 = parseRegQuery(
        await run(path2.win32.join(system32, "reg.exe"), ["query", WINDOWS_CPU_KEY], { timeoutMs: CPU_QUERY_TIMEOUT_MS }),
        logical
      );
      if (cpu2) return { cpu: cpu2, source: "Windows registry", notes };
      notes.push(`${WINDOWS_CPU_KEY} has no ProcessorNameString; asking CIM.`);
    } catch (error) {
      notes.push(`reg query ${WINDOWS_CPU_KEY} failed (${why(error)}); asking CIM.`);
    }
    try {
      const cpu2 = parseCim(
        await run(path2.win32.join(system32, "WindowsPowerShell", "v1.0", "powershell.exe"), CIM_ARGS, {
          timeoutMs: CPU_QUERY_TIMEOUT_MS
        })
      );
      if (!cpu2) notes.push("PowerShell CIM printed no Win32_Processor Name; the CPU model is unknown.");
      return { cpu: cpu2, source: "PowerShell CIM", notes };
    } catch (error) {
      notes.push(`PowerShell CIM failed (${why(error)}); the CPU model is unknown.`);
      return { cpu: null, source: "PowerShell CIM", notes };
    }
  }
  const cpu = await readCpuInfo(probe.procRoot ?? "/proc", probe.fs ?? nodeFs);
  return { cpu, source: "/proc/cpuinfo", notes };
}
function cpuTimesFromOs(cpus) {
  if (cpus.length === 0) return null;
  let busyMs = 0;
  let idleMs = 0;
  for (const c of cpus) {
    busyMs += c.times.user + c.times.nice + c.times.sys + c.times.irq;
    idleMs += c.times.idle;
  }
  const perTick = 1e3 / USER_HZ;
  return { busyTicks: busyMs / perTick, totalTicks: (busyMs + idleMs) / perTick, cpus: cpus.length };
}
function cpuTimesReader(platform, procRoot, fs = nodeFs, cpus = os2.cpus) {
  if (platform === "linux") return () => readCpuTimes(procRoot, fs);
  return async () => cpuTimesFromOs(cpus());
}

// src/energy/nvidia-smi.ts
import { spawn as nodeSpawn } from "node:child_process";

// src/energy/integrate.ts
var PowerTrace = class {
  tNs = [];
  w = [];
  /** Number of samples held. */
  get length() {
    return this.tNs.length;
  }
  /** Time of the newest sample, or null. */
  get lastNs() {
    return this.tNs.length ? this.tNs[this.tNs.length - 1] : null;
  }
  /** Adds a sample; one older than the newest is ignored (clocks are monotonic). */
  add(tNs, watts) {
    const last = this.lastNs;
    if (last !== null && tNs < last) return;
    this.tNs.push(tNs);
    this.w.push(watts);
  }
  /** Power at time t, watts: linear between samples, constant outside them. */
  powerAt(tNs) {
    const n = this.tNs.length;
    if (n === 0) return 0;
    if (tNs <= this.tNs[0]) return this.w[0];
    if (tNs >= this.tNs[n - 1]) return this.w[n - 1];
    let i = 1;
    while (this.tNs[i] < tNs) i++;
    const t0 = this.tNs[i - 1];
    const t1 = this.tNs[i];
    const f = Number(tNs - t0) / Number(t1 - t0);
    return this.w[i - 1] + f * (this.w[i] - this.w[i - 1]);
  }
  /** Energy between two times, joules (trapezoid rule over the samples inside). */
  integrate(fromNs, toNs) {
    if (toNs <= fromNs || this.tNs.length === 0) return 0;
    const points = [[fromNs, this.powerAt(fromNs)]];
    for (let i = 0; i < this.tNs.length; i++) {
      if (this.tNs[i] > fromNs && this.tNs[i] < toNs) points.push([this.tNs[i], this.w[i]]);
    }
    points.push([toNs, this.powerAt(toNs)]);
    let joules = 0;
    for (let i = 1; i < points.length; i++) {
      const dt = Number(points[i][0] - points[i - 1][0]) / 1e9;
      joules += (points[i][1] + points[i - 1][1]) / 2 * dt;
    }
    return joules;
  }
  /** Drops samples older than `beforeNs`, keeping one so `powerAt` stays defined there. */
  prune(beforeNs) {
    let k = 0;
    while (k + 1 < this.tNs.length && this.tNs[k + 1] <= beforeNs) k++;
    if (k > 0) {
      this.tNs.splice(0, k);
      this.w.splice(0, k);
    }
  }
};

// src/energy/nvml.ts
var NvmlError = class extends Error {
  constructor(status, call, message) {
    super(`${call} failed: ${message} (NVML status ${status})`);
    this.status = status;
    this.call = call;
    this.name = "NvmlError";
  }
  status;
  call;
};
async function loadNvml(libPath = "libnvidia-ml.so.1") {
  let koffi;
  try {
    koffi = (await import("koffi")).default;
  } catch (error) {
    return { error: `the koffi FFI module could not be loaded (${error.message})` };
  }
  let lib;
  try {
    lib = koffi.load(libPath);
  } catch {
    return { error: `${libPath} not found (no NVIDIA driver on this machine)` };
  }
  try {
    try {
      koffi.pointer("nvmlDevice_t", koffi.opaque());
    } catch {
    }
    const fns = {
      init: lib.func("int nvmlInit_v2()"),
      shutdown: lib.func("int nvmlShutdown()"),
      errorString: lib.func("const char *nvmlErrorString(int result)"),
      count: lib.func("int nvmlDeviceGetCount_v2(_Out_ unsigned int *count)"),
      byIndex: lib.func("int nvmlDeviceGetHandleByIndex_v2(unsigned int index, _Out_ nvmlDevice_t *device)"),
      byUuid: lib.func("int nvmlDeviceGetHandleByUUID(const char *uuid, _Out_ nvmlDevice_t *device)"),
      name: lib.func("int nvmlDeviceGetName(nvmlDevice_t device, _Out_ uint8_t *name, unsigned int length)"),
      energy: lib.func("int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, _Out_ unsigned long long *energy)"),
      power: lib.func("int nvmlDeviceGetPowerUsage(nvmlDevice_t device, _Out_ unsigned int *power)")
    };
    const check = (status, call) => {
      if (status !== 0) throw new NvmlError(status, call, String(fns.errorString(status)));
    };
    const nvml = {
      init: () => check(fns.init(), "nvmlInit_v2"),
      shutdown: () => check(fns.shutdown(), "nvmlShutdown"),
      deviceCount: () => {
        const out3 = [0];
        check(fns.count(out3), "nvmlDeviceGetCount_v2");
        return Number(out3[0]);
      },
      handleByIndex: (index) => {
        const out3 = [null];
        check(fns.byIndex(index, out3), "nvmlDeviceGetHandleByIndex_v2");
        return out3[0];
      },
      handleByUuid: (uuid) => {
        const out3 = [null];
        check(fns.byUuid(uuid, out3), "nvmlDeviceGetHandleByUUID");
        return out3[0];
      },
      deviceName: (handle) => {
        const buf = Buffer.alloc(96);
        check(fns.name(handle, buf, buf.length), "nvmlDeviceGetName");
        const end = buf.indexOf(0);
        return buf.subarray(0, end < 0 ? buf.length : end).toString("utf8");
      },
      totalEnergyMj: (handle) => {
        const out3 = [0];
        check(fns.energy(handle, out3), "nvmlDeviceGetTotalEnergyConsumption");
        return Number(out3[0]);
      },
      powerUsageMw: (handle) => {
        const out3 = [0];
        check(fns.power(handle, out3), "nvmlDeviceGetPowerUsage");
        return Number(out3[0]);
      }
    };
    return { nvml };
  } catch (error) {
    return { error: `${libPath} lacks an expected NVML function (${error.message}); the driver may be too old` };
  }
}
function parseCudaVisibleDevices(value) {
  if (value === void 0) return { devices: null, notes: [] };
  const notes = [];
  const devices = [];
  const tokens = value.split(",").map((t) => t.trim()).filter((t) => t !== "");
  for (const token of tokens) {
    if (/^\d+$/.test(token)) devices.push({ index: Number(token) });
    else if (/^(GPU|MIG)-[0-9A-Za-z/-]+$/.test(token)) devices.push({ uuid: token });
    else {
      notes.push(`CUDA_VISIBLE_DEVICES entry "${token}" is not an index or UUID; CUDA ignores it and the entries after it.`);
      break;
    }
  }
  return { devices, notes };
}
var NVML_RELATIVE_UNCERTAINTY = 0.05;
function openNvmlMeter(options) {
  const { nvml } = options;
  const notes = [];
  try {
    nvml.init();
  } catch (error) {
    return { ok: false, message: `NVML could not start: ${error.message}.`, notes };
  }
  const fail = (message) => {
    try {
      nvml.shutdown();
    } catch {
    }
    return { ok: false, message, notes };
  };
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  const gpus = [];
  try {
    const count = nvml.deviceCount();
    const wanted = visible.devices ?? Array.from({ length: count }, (_, index) => ({ index }));
    if (visible.devices && options.env.CUDA_DEVICE_ORDER !== "PCI_BUS_ID" && visible.devices.some((d) => "index" in d)) {
      notes.push(
        "CUDA_VISIBLE_DEVICES indices are read as NVML (PCI bus) indices; set CUDA_DEVICE_ORDER=PCI_BUS_ID so CUDA numbers devices the same way."
      );
    }
    wanted.forEach((d, ordinal) => {
      if ("index" in d && d.index >= count) {
        notes.push(`CUDA_VISIBLE_DEVICES names GPU ${d.index} but NVML sees ${count}; skipped.`);
        return;
      }
      const handle = "index" in d ? nvml.handleByIndex(d.index) : nvml.handleByUuid(d.uuid);
      let name = "NVIDIA GPU";
      try {
        name = nvml.deviceName(handle);
      } catch {
      }
      gpus.push({ key: `gpu-${ordinal}`, label: `${name} (${"index" in d ? `NVML index ${d.index}` : d.uuid})`, handle });
    });
  } catch (error) {
    return fail(`NVML could not list the GPUs: ${error.message}.`);
  }
  if (gpus.length === 0) {
    return fail(
      options.env.CUDA_VISIBLE_DEVICES !== void 0 ? `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").` : "NVML reports no NVIDIA GPU on this machine."
    );
  }
  let counter = true;
  for (const g of gpus) {
    try {
      nvml.totalEnergyMj(g.handle);
    } catch (error) {
      counter = false;
      notes.push(
        `${g.label}: no energy counter (${error.message}; it needs a Volta or newer GPU); power is sampled instead.`
      );
      break;
    }
  }
  if (!counter) {
    for (const g of gpus) {
      try {
        nvml.powerUsageMw(g.handle);
      } catch (error) {
        return fail(`${g.label}: NVML reports neither energy nor power (${error.message}).`);
      }
    }
  }
  return { ok: true, meter: new NvmlMeter(options, gpus, counter ? "counter" : "power"), notes };
}
var NvmlMeter = class {
  constructor(options, gpus, mode) {
    this.gpus = gpus;
    this.mode = mode;
    this.nvml = options.nvml;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.intervalMs = options.sampleIntervalMs ?? 100;
    this.traces = gpus.map(() => new PowerTrace());
    this.description = `NVML ${mode === "counter" ? "energy counter" : `power sampled every ${this.intervalMs} ms`}: ` + gpus.map((g) => `${g.key} ${g.label}`).join(", ");
  }
  gpus;
  mode;
  method = "nvml";
  description;
  nvml;
  ticker;
  clockNs;
  traces;
  open = /* @__PURE__ */ new Map();
  nextId = 1;
  timer = null;
  sampleError = null;
  intervalMs;
  /** Takes one power sample of every GPU (power mode); tests call it to drive samples. */
  sample() {
    const t = this.clockNs();
    this.gpus.forEach((g, i) => {
      try {
        this.traces[i].add(t, this.nvml.powerUsageMw(g.handle) / 1e3);
      } catch (error) {
        this.sampleError ??= error;
      }
    });
  }
  readCounters() {
    return this.gpus.map((g) => this.nvml.totalEnergyMj(g.handle));
  }
  wrap(error) {
    return new EnvironmentError(
      `Reading NVIDIA GPU energy failed during the measurement: ${error.message ?? String(error)}.`,
      {
        cause: error,
        code: "METER_UNAVAILABLE"
      }
    );
  }
  /** Starts a window. @throws EnvironmentError when NVML fails. */
  async begin() {
    const id = this.nextId++;
    try {
      if (this.mode === "counter") {
        const startMj = this.readCounters();
        this.open.set(id, { startNs: this.clockNs(), startMj });
      } else {
        this.sample();
        const startNs = this.clockNs();
        this.open.set(id, { startNs, startMj: [] });
        this.timer ??= this.ticker.every(this.intervalMs, () => this.sample());
      }
    } catch (error) {
      throw this.wrap(error);
    }
    const token = { startedAt: Date.now(), id };
    return token;
  }
  /** Ends a window: joules per GPU. @throws EnvironmentError when NVML failed. */
  async end(token) {
    const w = this.open.get(token.id);
    if (!w) throw new EnvironmentError("NVML window ended twice or never begun (internal error).");
    this.open.delete(token.id);
    const domainsJ = {};
    const notes = [];
    let endNs;
    try {
      if (this.mode === "counter") {
        const endMj = this.readCounters();
        endNs = this.clockNs();
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = Math.max(0, endMj[i] - w.startMj[i]) / 1e3;
        });
      } else {
        this.sample();
        endNs = this.clockNs();
        if (this.open.size === 0) {
          this.timer?.stop();
          this.timer = null;
        }
        if (this.sampleError !== null) {
          const error = this.sampleError;
          this.sampleError = null;
          throw error;
        }
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = this.traces[i].integrate(w.startNs, endNs);
          if (this.open.size === 0) this.traces[i].prune(endNs);
        });
        notes.push(
          `GPU power sampled every ${this.intervalMs} ms and integrated (trapezoid rule); NVML power readings are averaged by the driver, so short windows are smoothed.`
        );
      }
    } catch (error) {
      throw this.wrap(error);
    }
    const energyJ = Object.values(domainsJ).reduce((a, b) => a + b, 0);
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: "nvml",
      estimated: false,
      uncertaintyJ: energyJ * NVML_RELATIVE_UNCERTAINTY,
      notes
    };
  }
  /** Stops sampling and shuts NVML down. */
  async close() {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    try {
      this.nvml.shutdown();
    } catch {
    }
  }
};

// src/energy/nvidia-smi.ts
function parseSmiLine(line) {
  const text = line.trim();
  if (text === "") return null;
  const m = /^(\d+)\s*,\s*(.+)$/.exec(text);
  if (!m) return { kind: "garbage", text };
  const value = m[2].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return { kind: "sample", index: Number(m[1]), watts: Number(value) };
  if (/^\[.*\]$/.test(value) || /^N\/A$/i.test(value)) return { kind: "unsupported", index: Number(m[1]), value };
  return { kind: "garbage", text };
}
var NvidiaSmiMeter = class {
  constructor(child, clockNs, loopMs, staleAfterMs) {
    this.child = child;
    this.clockNs = clockNs;
    this.loopMs = loopMs;
    this.staleAfterMs = staleAfterMs;
    this.description = `nvidia-smi power.draw sampled every ${loopMs} ms and integrated`;
  }
  child;
  clockNs;
  loopMs;
  staleAfterMs;
  method = "nvidia-smi";
  description;
  traces = /* @__PURE__ */ new Map();
  open = /* @__PURE__ */ new Map();
  nextId = 1;
  broken = null;
  exited = false;
  samples = 0;
  waiters = [];
  /** Records a sample (called by the line reader). */
  addSample(index, watts, tNs) {
    let trace = this.traces.get(index);
    if (!trace) {
      trace = new PowerTrace();
      this.traces.set(index, trace);
    }
    trace.add(tNs, watts);
    this.samples++;
    this.waiters = this.waiters.filter((w) => {
      if (this.samples >= w.n) w.resolve();
      return this.samples < w.n;
    });
  }
  /** Marks the stream unusable: later windows fail with this reason. */
  markBroken(reason2) {
    this.broken ??= reason2;
  }
  /** Marks the child as gone. */
  markExited() {
    this.exited = true;
  }
  /** Resolves once `n` samples have arrived in total (for tests and warm-up). */
  waitForSamples(n) {
    if (this.samples >= n) return Promise.resolve();
    return new Promise((resolve3) => this.waiters.push({ n, resolve: resolve3 }));
  }
  checkAlive(nowNs) {
    if (this.broken)
      throw new EnvironmentError(`nvidia-smi stopped giving usable readings: ${this.broken}`, { code: "METER_UNAVAILABLE" });
    let newest = null;
    for (const t of this.traces.values()) if (t.lastNs !== null && (newest === null || t.lastNs > newest)) newest = t.lastNs;
    if (this.exited || newest === null || secondsBetween(newest, nowNs) * 1e3 > this.staleAfterMs) {
      throw new EnvironmentError(
        `nvidia-smi ${this.exited ? "exited" : "stopped reporting"} during the measurement (last reading ${newest === null ? "never" : `${secondsBetween(newest, nowNs).toFixed(1)} s ago`}); the GPU energy of this window is unknown.`,
        { code: "METER_UNAVAILABLE" }
      );
    }
  }
  /** Starts a window. @throws EnvironmentError when nvidia-smi is gone. */
  async begin() {
    const now = this.clockNs();
    this.checkAlive(now);
    const id = this.nextId++;
    this.open.set(id, now);
    const token = { startedAt: Date.now(), id };
    return token;
  }
  /** Ends a window: joules per GPU. @throws EnvironmentError when readings stopped. */
  async end(token) {
    const startNs = this.open.get(token.id);
    if (startNs === void 0) throw new EnvironmentError("nvidia-smi window ended twice or never begun (internal error).");
    this.open.delete(token.id);
    const endNs = this.clockNs();
    this.checkAlive(endNs);
    const domainsJ = {};
    let energyJ = 0;
    for (const [index, trace] of [...this.traces.entries()].sort((a, b) => a[0] - b[0])) {
      const j = trace.integrate(startNs, endNs);
      domainsJ[`gpu-${index}`] = j;
      energyJ += j;
      if (this.open.size === 0) trace.prune(endNs);
    }
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(startNs, endNs),
      method: "nvidia-smi",
      estimated: false,
      // nvidia-smi reads the same NVML power sensor (±5% documented accuracy).
      uncertaintyJ: energyJ * 0.05,
      notes: [`GPU power sampled by nvidia-smi every ${this.loopMs} ms, timestamped on arrival and integrated (trapezoid rule).`]
    };
  }
  /** Stops nvidia-smi: SIGTERM, then SIGKILL after 500 ms; never waits more than 1 s. */
  async close() {
    this.open.clear();
    await stopChild(this.child);
  }
};
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve3) => {
    const done = () => {
      clearTimeout(hard);
      clearTimeout(giveUp);
      resolve3();
    };
    child.once("exit", done);
    child.kill("SIGTERM");
    const hard = setTimeout(() => child.kill("SIGKILL"), 500);
    const giveUp = setTimeout(done, 1e3);
    hard.unref?.();
    giveUp.unref?.();
  });
}
function openNvidiaSmiMeter(options) {
  const spawn2 = options.spawn ?? nodeSpawn;
  const clockNs = options.clockNs ?? realClockNs;
  const loopMs = options.loopMs ?? 100;
  const startTimeoutMs = options.startTimeoutMs ?? 5e3;
  const notes = [];
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  if (visible.devices && visible.devices.length === 0) {
    return Promise.resolve({
      ok: false,
      message: `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").`,
      notes
    });
  }
  const args = ["--query-gpu=index,power.draw", "--format=csv,noheader,nounits", `--loop-ms=${loopMs}`];
  if (visible.devices) args.push(`--id=${visible.devices.map((d) => "index" in d ? String(d.index) : d.uuid).join(",")}`);
  return new Promise((resolve3) => {
    let settled = false;
    let child;
    try {
      child = spawn2("nvidia-smi", args, { env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      resolve3({ ok: false, message: `nvidia-smi could not be started: ${error.message}.`, notes });
      return;
    }
    const meter = new NvidiaSmiMeter(child, clockNs, loopMs, options.staleAfterMs ?? 3e3);
    let stderr = "";
    const settle = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) void stopChild(child);
      resolve3(result);
    };
    const timer = setTimeout(() => {
      settle({
        ok: false,
        message: `nvidia-smi gave no power reading within ${(startTimeoutMs / 1e3).toFixed(1)} s; stopped it.`,
        notes
      });
    }, startTimeoutMs);
    timer.unref?.();
    child.on("error", (error) => {
      meter.markExited();
      settle({
        ok: false,
        message: error.code === "ENOENT" ? "nvidia-smi not found on PATH (no NVIDIA driver tools on this machine)." : `nvidia-smi could not be started: ${error.message}.`,
        notes
      });
    });
    child.on("exit", () => meter.markExited());
    child.on("close", (code, signal) => {
      meter.markExited();
      const tail = stderr.trim().split("\n").slice(-2).join(" ").slice(0, 300);
      settle({
        ok: false,
        message: `nvidia-smi exited (${signal ?? `code ${code}`}) before giving a power reading${tail ? `: ${tail}` : ""}.`,
        notes
      });
    });
    child.stderr?.on("data", (chunk) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4e3);
    });
    let pending = "";
    child.stdout?.on("data", (chunk) => {
      pending += chunk.toString("utf8");
      let nl;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const parsed = parseSmiLine(line);
        if (!parsed) continue;
        if (parsed.kind === "sample") {
          meter.addSample(parsed.index, parsed.watts, clockNs());
          options.onSample?.(parsed.index, parsed.watts);
          settle({ ok: true, meter, notes });
        } else {
          const reason2 = parsed.kind === "unsupported" ? `GPU ${parsed.index} reports power.draw as "${parsed.value}" (not supported on this GPU or driver)` : `unexpected output "${parsed.text.slice(0, 80)}"`;
          meter.markBroken(reason2);
          settle({ ok: false, message: `nvidia-smi is unusable: ${reason2}.`, notes });
        }
      }
      if (pending.length > 1e4) {
        meter.markBroken("an overlong line without a newline");
        settle({ ok: false, message: "nvidia-smi is unusable: it printed an overlong line without a newline.", notes });
        pending = "";
      }
    });
  });
}

// src/energy/rapl.ts
import { join as join2 } from "node:path";
var RAPL_MAX_POWER_W = { package: 500, dram: 200, psys: 1e3 };
var RAPL_QUANTUM_J = 2 ** -14;
var ZONE_RE = /^([a-z][a-z-]*rapl[a-z-]*):(\d+)(?::(\d+))?$/;
async function readTrim(fs, path4) {
  return (await fs.readFile(path4)).trim();
}
async function readUj(fs, path4) {
  const text = await readTrim(fs, path4);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new EnvironmentError(`${path4} does not hold a counter in \xB5J (read "${text.slice(0, 40)}").`, {
      code: "METER_UNAVAILABLE"
    });
  }
  return value;
}
function raplPermissionHelp(files) {
  const shown = files.slice(0, 4).join(" ") + (files.length > 4 ? " \u2026" : "");
  return `RAPL energy counters exist but are readable only by root (${shown}); Linux restricted energy_uj to root after CVE-2020-8694. To measure on a self-hosted runner, grant read access once per boot with \`sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj /sys/class/powercap/intel-rapl:*/intel-rapl:*/energy_uj\`, or for one user with \`sudo setfacl -m u:RUNNER_USER:r <file>\`, or persistently with a udev rule in /etc/udev/rules.d/99-powercap.rules: \`SUBSYSTEM=="powercap", ACTION=="add", RUN+="/bin/chmod o+r /sys%p/energy_uj"\`. Only do this on machines you trust: fine-grained energy readings can leak secrets through a power side channel.`;
}
async function probeRapl(sysfsRoot, fs = nodeFs) {
  const base = join2(sysfsRoot, "class", "powercap");
  const notes = [];
  let names;
  try {
    names = await fs.readdir(base);
  } catch (error) {
    if (errorCode(error) === "EACCES") {
      return { ok: false, reason: "permission", message: raplPermissionHelp([base]), notes };
    }
    return {
      ok: false,
      reason: "absent",
      message: `No RAPL counters: ${base} does not exist (virtual machines such as GitHub-hosted runners do not expose them).`,
      notes
    };
  }
  const zones = [];
  for (const zone of names.sort()) {
    const m = ZONE_RE.exec(zone);
    if (!m) continue;
    const dir = join2(base, zone);
    let name;
    try {
      name = await readTrim(fs, join2(dir, "name"));
    } catch {
      continue;
    }
    zones.push({ zone, type: m[1], index: Number(m[2]), sub: m[3] === void 0 ? null : Number(m[3]), name, dir });
  }
  const picked = [];
  const psys = [];
  for (const entry of zones) {
    const pkgMatch = /^package-(\d+)$/.exec(entry.name);
    if (entry.sub === null) {
      if (pkgMatch) picked.push({ entry, key: entry.name, kind: "package" });
      else if (entry.name === "psys") psys.push(entry);
      else if (entry.name === "dram") picked.push({ entry, key: `dram-${entry.index}`, kind: "dram" });
      else notes.push(`RAPL zone ${entry.zone} (${entry.name}) is not counted.`);
    } else if (entry.name === "dram") {
      const parent = zones.find((z) => z.type === entry.type && z.index === entry.index && z.sub === null);
      const parentPkg = parent ? /^package-(\d+)$/.exec(parent.name) : null;
      picked.push({ entry, key: `dram-${parentPkg ? parentPkg[1] : entry.index}`, kind: "dram" });
    } else {
      notes.push(`RAPL subzone ${entry.zone} (${entry.name}) is inside its package and not counted again.`);
    }
  }
  const deduped = [];
  for (const p of picked) {
    const isMmio = p.entry.type.endsWith("-mmio");
    const twin = picked.find((q) => q !== p && q.key === p.key && !q.entry.type.endsWith("-mmio"));
    if (isMmio && twin) {
      notes.push(`RAPL zone ${p.entry.zone} duplicates ${twin.entry.zone} (${p.key}); counted once.`);
      continue;
    }
    if (deduped.some((q) => q.key === p.key)) continue;
    deduped.push(p);
  }
  if (deduped.length === 0 && psys.length > 0) {
    const z = psys[0];
    deduped.push({ entry: z, key: "psys", kind: "psys" });
    notes.push(`RAPL reports only the platform domain psys (${z.zone}); it covers the whole SoC, not just the CPU.`);
  } else if (psys.length > 0) {
    notes.push("RAPL psys (whole platform) is not counted: it includes the packages already counted.");
  }
  if (deduped.length === 0) {
    return { ok: false, reason: "absent", message: `No RAPL package or DRAM domains under ${base}.`, notes };
  }
  const domains = [];
  const denied = [];
  for (const { entry, key, kind } of deduped) {
    const energyFile = join2(entry.dir, "energy_uj");
    try {
      await readUj(fs, energyFile);
    } catch (error) {
      if (errorCode(error) === "EACCES" || errorCode(error) === "EPERM") {
        denied.push(energyFile);
        continue;
      }
      notes.push(`RAPL ${key}: ${energyFile} is unreadable (${errorCode(error) ?? String(error)}); not counted.`);
      continue;
    }
    let maxRangeUj;
    try {
      maxRangeUj = await readUj(fs, join2(entry.dir, "max_energy_range_uj"));
    } catch {
      maxRangeUj = 2 ** 32;
      notes.push(`RAPL ${key}: max_energy_range_uj is unreadable; assuming 2^32 \xB5J for wrap-around.`);
    }
    domains.push({ key, kind, zone: entry.zone, dir: entry.dir, maxRangeUj });
  }
  if (denied.length > 0) {
    return { ok: false, reason: "permission", message: raplPermissionHelp(denied), notes };
  }
  if (domains.length === 0) {
    return { ok: false, reason: "absent", message: `No readable RAPL counters under ${base}.`, notes };
  }
  return { ok: true, domains, notes };
}
function raplSampleIntervalMs(domains, maxPowerW = RAPL_MAX_POWER_W) {
  let minWrapS = Infinity;
  for (const d of domains) minWrapS = Math.min(minWrapS, d.maxRangeUj / 1e6 / maxPowerW[d.kind]);
  if (!Number.isFinite(minWrapS)) return 6e4;
  return Math.max(10, Math.min(6e4, Math.floor(minWrapS * 1e3 / 4)));
}
var RaplMeter = class {
  constructor(domains, options = {}) {
    this.domains = domains;
    this.fs = options.fs ?? nodeFs;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.sampleIntervalMs = options.sampleIntervalMs ?? raplSampleIntervalMs(domains);
    this.lastUj = domains.map(() => null);
    this.accumUj = domains.map(() => 0);
    this.wraps = domains.map(() => 0);
    this.description = `RAPL ${domains.map((d) => d.key).join(" + ")} (powercap)`;
  }
  domains;
  method = "rapl";
  description;
  /** How often counters are read while a window is open, ms. */
  sampleIntervalMs;
  fs;
  ticker;
  clockNs;
  lastUj;
  accumUj;
  wraps;
  open = /* @__PURE__ */ new Map();
  nextId = 1;
  timer = null;
  queue = Promise.resolve();
  sampleError = null;
  /**
   * Reads every counter once and adds the increase since the last reading, correcting a wrap.
   * Readings are serialised so that an overlapping timer tick cannot apply an older value after
   * a newer one (which would look like a wrap). Tests call this to drive samples.
   */
  sample() {
    this.queue = this.queue.catch(() => void 0).then(() => this.readAll());
    return this.queue;
  }
  async readAll() {
    for (let i = 0; i < this.domains.length; i++) {
      const d = this.domains[i];
      let value;
      try {
        value = await readUj(this.fs, join2(d.dir, "energy_uj"));
      } catch (error) {
        this.sampleError ??= error;
        continue;
      }
      const prev = this.lastUj[i];
      if (prev !== null) {
        if (value >= prev) {
          this.accumUj[i] += value - prev;
        } else {
          this.accumUj[i] += d.maxRangeUj - prev + value;
          this.wraps[i] += 1;
        }
      }
      this.lastUj[i] = value;
    }
  }
  failIfSampleError() {
    if (this.sampleError === null) return;
    const error = this.sampleError;
    this.sampleError = null;
    throw new EnvironmentError(
      `Reading a RAPL counter failed during the measurement (${errorCode(error) ?? String(error)}); the energy of this window is unknown.`,
      { cause: error, code: "METER_UNAVAILABLE" }
    );
  }
  /** Starts a window and, if it is the first open one, the wrap-guard timer. */
  async begin() {
    await this.sample();
    this.failIfSampleError();
    const id = this.nextId++;
    this.open.set(id, { startNs: this.clockNs(), accumAtStartUj: [...this.accumUj], wrapsAtStart: [...this.wraps] });
    if (this.timer === null) {
      this.timer = this.ticker.every(this.sampleIntervalMs, () => {
        void this.sample();
      });
    }
    const token = { startedAt: Date.now(), id };
    return token;
  }
  /** Ends a window: joules per domain since `begin`. @throws EnvironmentError on a failed read. */
  async end(token) {
    const w = this.open.get(token.id);
    if (!w) throw new EnvironmentError("RAPL window ended twice or never begun (internal error).");
    await this.sample();
    const endNs = this.clockNs();
    this.open.delete(token.id);
    if (this.open.size === 0 && this.timer) {
      this.timer.stop();
      this.timer = null;
    }
    this.failIfSampleError();
    const domainsJ = {};
    const notes = [];
    let energyJ = 0;
    this.domains.forEach((d, i) => {
      const j = (this.accumUj[i] - w.accumAtStartUj[i]) / 1e6;
      domainsJ[d.key] = j;
      energyJ += j;
      const wraps = this.wraps[i] - w.wrapsAtStart[i];
      if (wraps > 0) notes.push(`RAPL ${d.key} counter wrapped ${wraps}\xD7 in this window; corrected with max_energy_range_uj.`);
    });
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: "rapl",
      estimated: false,
      uncertaintyJ: 2 * RAPL_QUANTUM_J * this.domains.length,
      notes
    };
  }
  /** Stops the timer. */
  async close() {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    await this.queue;
  }
};

// src/energy/open.ts
function platformEstimateNote(platform) {
  const name = platform === "darwin" ? "macOS" : platform === "win32" ? "Windows" : null;
  if (!name) return null;
  return `No CPU energy counter is read on ${name} (RAPL is read on Linux only): the energy figures are modelled from this process's CPU time and the machine's CPU load, not measured.`;
}
var CHOICES = ["auto", "rapl", "nvml", "estimate"];
function sysfsRootFrom(env2) {
  const v = env2.ENERGY_BUDGET_SYSFS;
  return v !== void 0 && v.trim() !== "" ? v : "/sys";
}
function procRootFrom(env2) {
  const v = env2.ENERGY_BUDGET_PROC;
  return v !== void 0 && v.trim() !== "" ? v : "/proc";
}
async function openEstimate(options, notices) {
  const procRoot = options.procRoot ?? procRootFrom(options.env);
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const read = await readPlatformCpu({
    platform,
    arch: options.arch ?? process.arch,
    execFile: options.execFile,
    procRoot,
    fs,
    env: options.env
  });
  const cpu = read.cpu;
  const readStat = cpuTimesReader(platform, procRoot, fs, options.osCpus);
  const stat2 = await readStat();
  const vcpus = options.vcpus ?? (stat2?.cpus || cpu?.logicalCpus || availableParallelism());
  const model = resolvePowerModel(cpu, options.power);
  notices.push(...read.notes);
  if (read.source !== "/proc/cpuinfo") {
    notices.push(cpu ? `CPU read with ${read.source}: ${cpu.modelName}.` : `CPU model unknown (${read.source} gave none).`);
  }
  notices.push(
    ...model.notes.filter((n) => read.source === "/proc/cpuinfo" || !n.startsWith("CPU model unknown (/proc/cpuinfo"))
  );
  return new EstimateMeter({
    model,
    vcpus,
    procRoot,
    fs,
    clockNs: options.clockNs,
    cpuTimeUs: options.cpuTimeUs,
    readStat
  });
}
async function openGpu(options) {
  const notes = [];
  let nvmlReason;
  let nvml = options.nvml;
  if (nvml === void 0) {
    const loaded = await loadNvml();
    if ("nvml" in loaded) nvml = loaded.nvml;
    else nvmlReason = `NVML unavailable: ${loaded.error}`;
  }
  if (nvml) {
    const r = openNvmlMeter({ nvml, env: options.env, ticker: options.ticker, clockNs: options.clockNs });
    if (r.ok) return r;
    notes.push(...r.notes);
    nvmlReason = r.message;
  } else {
    nvmlReason ??= "NVML unavailable: libnvidia-ml.so.1 not found";
  }
  const smi = await openNvidiaSmiMeter({
    env: options.env,
    spawn: options.spawn,
    clockNs: options.clockNs,
    startTimeoutMs: options.smiStartTimeoutMs
  });
  if (smi.ok) return { ok: true, meter: smi.meter, notes: [...notes, nvmlReason + "; using nvidia-smi instead.", ...smi.notes] };
  return { ok: false, message: `${nvmlReason}; ${smi.message}`, notes: [...notes, ...smi.notes] };
}
async function openMeter(choice, options) {
  if (!CHOICES.includes(choice)) {
    throw new InputError(
      "CONFIG_INVALID",
      `Unknown energy meter "${String(choice)}"; expected one of ${CHOICES.join(", ")} (e.g. energy: auto).`
    );
  }
  const notices = [];
  const sysfsRoot = options.sysfsRoot ?? sysfsRootFrom(options.env);
  const fs = options.fs ?? nodeFs;
  const device = options.device ?? "cpu";
  if (choice === "estimate") {
    const meter = await openEstimate(options, notices);
    return { meter, meters: [meter], notices };
  }
  if (choice === "nvml") {
    const gpu2 = await openGpu(options);
    if (!gpu2.ok) {
      throw new EnvironmentError(
        `The budget file asks for energy: nvml, but no NVIDIA GPU energy reading is available here: ${gpu2.message} Run on a machine with an NVIDIA driver (libnvidia-ml.so.1 or nvidia-smi), or set energy: auto (CPU counters or a labelled estimate) for this model.`,
        { code: "METER_UNAVAILABLE" }
      );
    }
    notices.push(...gpu2.notes);
    return { meter: gpu2.meter, meters: [gpu2.meter], notices };
  }
  const platform = options.platform ?? process.platform;
  const offLinux = platformEstimateNote(platform);
  if (offLinux && choice === "rapl") {
    throw new EnvironmentError(
      `The budget file asks for energy: rapl, but RAPL is read on Linux only and this is ${platform}. Set energy: auto or energy: estimate (a labelled power-model estimate) for this model, or run it on Linux.`,
      { code: "METER_UNAVAILABLE" }
    );
  }
  const probe = offLinux ? { ok: false, reason: "absent", message: offLinux, notes: [] } : await probeRapl(sysfsRoot, fs);
  let cpuMeter;
  if (probe.ok) {
    cpuMeter = new RaplMeter(probe.domains, { fs, ticker: options.ticker, clockNs: options.clockNs });
    notices.push(...probe.notes);
  } else if (choice === "rapl") {
    throw new EnvironmentError(
      `The budget file asks for energy: rapl, but ${probe.message} ` + (probe.reason === "permission" ? "" : "RAPL needs bare-metal Linux on an Intel or AMD CPU (or ENERGY_BUDGET_SYSFS pointing at the host sysfs). ") + "Alternatively set energy: auto, which uses a labelled estimate where no counter is readable.",
      { code: "METER_UNAVAILABLE" }
    );
  } else {
    notices.push(...probe.notes);
    notices.push(
      probe.reason === "permission" ? `${probe.message} Using a power-model estimate meanwhile.` : `${probe.message} Using a power-model estimate (labelled "estimate").`
    );
    cpuMeter = await openEstimate({ ...options, fs }, notices);
  }
  if (choice === "rapl" || device === "cpu") {
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }
  const gpu = await openGpu(options);
  if (!gpu.ok) {
    notices.push(...gpu.notes);
    notices.push(`GPU energy is not measured (${device}): ${gpu.message}`);
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }
  notices.push(...gpu.notes);
  const meters = [cpuMeter, gpu.meter];
  return { meter: new CombinedMeter(meters), meters, notices };
}

// src/energy/idle.ts
async function measureIdle(meter, durationS, sleep) {
  if (meter.method === "estimate" && meter.modelledIdleW !== void 0) {
    return { idleW: meter.modelledIdleW, durationS: 0, measured: false };
  }
  if (!(durationS > 0)) {
    throw new InputError("ARGUMENT_INVALID", `The idle measurement needs a positive duration in seconds; got ${durationS}.`);
  }
  const token = await meter.begin();
  await sleep(durationS);
  const window = await meter.end(token);
  const idleW = window.durationS > 0 ? window.energyJ / window.durationS : 0;
  return { idleW, durationS: window.durationS, measured: !window.estimated, window };
}
function applyIdle(window, baseline) {
  return {
    ...window,
    idleW: baseline.idleW,
    idleMeasured: baseline.measured,
    attributableJ: Math.max(0, window.energyJ - baseline.idleW * window.durationS)
  };
}
function withIdleBaseline(meter, baseline) {
  return {
    get method() {
      return meter.method;
    },
    get description() {
      return `${meter.description}; idle ${baseline.idleW.toFixed(2)} W ${baseline.measured ? `measured over ${baseline.durationS.toFixed(1)} s` : "from the power model"}`;
    },
    get modelledIdleW() {
      return meter.modelledIdleW;
    },
    begin: () => meter.begin(),
    end: async (token) => applyIdle(await meter.end(token), baseline),
    close: () => meter.close()
  };
}

// src/energy/carbon.ts
import { availableParallelism as availableParallelism2 } from "node:os";

// data/embodied.json
var embodied_default = {
  $comment: "Embodied (manufacturing) emissions of the server a workload runs on, amortised linearly over its lifetime and shared by vCPU (src/energy/carbon.ts, docs/energy.md). Formula from the Green Software Foundation SCI specification as used by Cloud Carbon Footprint: M = TE \xD7 (time reserved / expected lifespan) \xD7 (vCPUs reserved / vCPUs of the host).",
  server: {
    baseKgCO2e: {
      value: 1e3,
      source: "Cloud Carbon Footprint, cloud-carbon-coefficients ccfcoef/constants.py BASE_MANUFACTURING_EMISSIONS: a mono-socket, low-DRAM, no-local-storage commodity rack server, after Teads Engineering (B. Davy, 'Building an AWS EC2 carbon emissions dataset', 2021) and the Dell PowerEdge R740 life-cycle assessment",
      year: 2021
    },
    perAdditionalCpuKgCO2e: {
      value: 100,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py CPU_MANUFACTURING_EMISSIONS (after Teads, 2021)",
      year: 2021
    },
    dramKgCO2ePerGb: {
      value: 1.388,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py: 533 kgCO2e for 384 GB of DIMMs (Dell PowerEdge R740 LCA) = 1.388 kg per GB, counted above the 16 GB included in the base server",
      year: 2021
    },
    dramIncludedGb: {
      value: 16,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py DRAM_THRESHOLD",
      year: 2021
    },
    lifespanYears: {
      value: 4,
      source: "Cloud Carbon Footprint embodied-emissions methodology (4 years, as chosen by Teads from the Dell PowerEdge R740 LCA), https://www.cloudcarbonfootprint.org/docs/embodied-emissions",
      year: 2021
    }
  },
  defaultHost: {
    sockets: 2,
    dramGb: 384,
    vcpus: 96,
    note: "A dual-socket cloud host with 384 GB DRAM and 96 vCPUs, the size of the largest instance of a general-purpose family (e.g. AWS m5.24xlarge: 96 vCPUs, 384 GiB), which is what CCF divides by. TE = 1000 + 100 \xD7 (2 \u2212 1) + 1.388 \xD7 (384 \u2212 16) = 1610.8 kgCO2e."
  }
};

// src/energy/carbon.ts
var CARBON_INTENSITY = carbon_intensity_default;
var EMBODIED = embodied_default;
var J_PER_KWH = 36e5;
var SECONDS_PER_YEAR = 365.25 * 24 * 3600;
function resolveIntensity(settings, env2, data = CARBON_INTENSITY) {
  const notes = [];
  if (settings.carbonIntensityGPerKWh !== void 0) {
    const v = settings.carbonIntensityGPerKWh;
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError(
        "CONFIG_INVALID",
        `The budget file's carbon intensity is ${v}; expected gCO2e per kWh as a number \u2265 0, e.g. 350.`
      );
    }
    return { gPerKWh: v, source: "set in the budget file (carbon.intensity)", estimated: false, notes };
  }
  const fromEnv = env2.ENERGY_BUDGET_CARBON_INTENSITY;
  if (fromEnv !== void 0 && fromEnv.trim() !== "") {
    const v = Number(fromEnv);
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError(
        "ARGUMENT_INVALID",
        `ENERGY_BUDGET_CARBON_INTENSITY is "${fromEnv}"; expected gCO2e per kWh as a number \u2265 0, e.g. 350.`
      );
    }
    return { gPerKWh: v, source: "set by ENERGY_BUDGET_CARBON_INTENSITY", estimated: false, notes };
  }
  if (settings.region !== void 0) {
    const code = settings.region.trim().toUpperCase();
    const row = data.regions[code];
    if (row) {
      return {
        gPerKWh: row.gPerKWh,
        source: `${row.name} (carbon.region ${code}): ${row.source} (${row.basis}, ${row.year})`,
        estimated: true,
        notes
      };
    }
    notes.push(
      `Region "${settings.region}" is not in data/carbon-intensity.json (known: ${Object.keys(data.regions).join(", ")}); used the world average. Set the grid intensity in gCO2e/kWh in the budget file to use your grid's figure.`
    );
  }
  const w = data.world;
  const why2 = settings.region === void 0 ? ", as the budget file sets no carbon region or intensity" : "";
  return { gPerKWh: w.gPerKWh, source: `world average${why2}: ${w.source} (${w.basis}, ${w.year})`, estimated: true, notes };
}
function hostEmbodiedKg(host = EMBODIED.defaultHost, data = EMBODIED) {
  const s = data.server;
  return s.baseKgCO2e.value + s.perAdditionalCpuKgCO2e.value * Math.max(0, host.sockets - 1) + s.dramKgCO2ePerGb.value * Math.max(0, host.dramGb - s.dramIncludedGb.value);
}
function carbonFor(input) {
  const intensity = resolveIntensity(input.settings, input.env);
  const vcpus = input.vcpus ?? availableParallelism2();
  const host = EMBODIED.defaultHost;
  const lifespanS = EMBODIED.server.lifespanYears.value * SECONDS_PER_YEAR;
  const hostKg = hostEmbodiedKg(host);
  const operationalG = input.energyJ / J_PER_KWH * intensity.gPerKWh;
  const embodiedG = hostKg * 1e3 * (input.durationS / lifespanS) * Math.min(1, vcpus / host.vcpus);
  return {
    operationalG,
    embodiedG,
    totalG: operationalG + embodiedG,
    intensityGPerKWh: intensity.gPerKWh,
    intensitySource: intensity.source,
    embodiedSource: `${hostKg.toFixed(0)} kgCO2e for a ${host.sockets}-socket, ${host.dramGb} GB, ${host.vcpus}-vCPU host (Cloud Carbon Footprint / Teads model, ${EMBODIED.server.baseKgCO2e.year}), amortised over ${EMBODIED.server.lifespanYears.value} years, ${vcpus} of ${host.vcpus} vCPUs`,
    estimated: { energy: input.energyEstimated ?? false, intensity: intensity.estimated, embodied: true },
    notes: intensity.notes
  };
}

// src/energy/units.ts
function isEstimated(window) {
  return window.estimated === true || window.method.includes("estimate");
}

// src/energy/interval.ts
function figureInterval(window, runRelativeCi95) {
  const model = window.method === "estimate" ? window.estimate?.interval95 : void 0;
  if (model) {
    const run = runRelativeCi95 !== void 0 && runRelativeCi95 > 0 ? Math.log1p(runRelativeCi95) : 0;
    const low = Math.exp(-Math.hypot(Math.log(1 / model.factors[0]), run));
    const high = Math.exp(Math.hypot(Math.log(model.factors[1]), run));
    return {
      factors: [low, high],
      basis: `${pct(low)}/${pct(high)}, power model: ${model.derivedFrom}` + (run > 0 ? `, combined with the run's own spread (mean latency \xB1${(runRelativeCi95 * 100).toFixed(1)}% at 95%)` : "")
    };
  }
  if (window.uncertaintyJ === void 0 || !(window.energyJ > 0)) return void 0;
  const rel = 1.96 * window.uncertaintyJ / window.energyJ;
  const factors = [Math.max(0, 1 - rel), 1 + rel];
  return {
    factors,
    basis: window.estimated ? `${pct(factors[0])}/${pct(factors[1])}, power model and meters combined (\xB11.96\u03C3 of their stated uncertainties)` : `${pct(factors[0])}/${pct(factors[1])}, the meter's stated uncertainty (\xB11.96\u03C3)`
  };
}

// src/compare/interleaved.ts
var LATENCY_COMPARED = [
  "latency-p50",
  "latency-p95",
  "latency-p99",
  "latency-mean",
  "throughput"
];
var ROUND_STATISTIC = {
  "latency-p50": "median",
  "latency-mean": "mean",
  throughput: "mean",
  "latency-p95": { percentile: 95 },
  "latency-p99": { percentile: 99 }
};
function statisticName(s) {
  return s === "median" ? "medians" : s === "mean" ? "means" : `${s.percentile}th percentiles`;
}
function createRoundDecider(metrics, options) {
  const seq = (statistic) => createSequentialComparison({
    threshold: options.threshold,
    improvementThreshold: options.improvementThreshold ?? options.threshold,
    roundsPerLook: options.roundsPerLook ?? 6,
    maxLooks: options.maxLooks ?? 5,
    ...options.firstLookRounds !== void 0 ? { firstLookRounds: options.firstLookRounds } : {},
    statistic
  });
  const latency = /* @__PURE__ */ new Map();
  for (const m of new Set(metrics)) {
    if (m === "energy") continue;
    const statistic = ROUND_STATISTIC[m];
    const key = JSON.stringify(statistic);
    if (!latency.has(key)) latency.set(key, { statistic, test: seq(statistic) });
  }
  const energy = metrics.includes("energy") ? seq("mean") : void 0;
  const samplesPerArm = Math.max(3, ...[...latency.values()].map((l) => minSamplesPerRound(l.statistic)));
  const finished = (s) => s.done;
  return {
    samplesPerArm,
    addRound(round) {
      if (round.baseMs.length < samplesPerArm || round.headMs.length < samplesPerArm) {
        throw new RangeError(
          `a round needs at least ${samplesPerArm} calls per arm to estimate its statistics, got ${round.baseMs.length} and ${round.headMs.length}`
        );
      }
      let done = true;
      for (const { test } of latency.values()) done = finished(test.addRound(round.baseMs, round.headMs)) && done;
      if (energy) {
        const b = round.baseJPerCall ?? NaN;
        const h = round.headJPerCall ?? NaN;
        const s = Number.isFinite(b) && Number.isFinite(h) && b > 0 && h > 0 ? energy.addRound([b], [h]) : energy.state();
        done = (s.done || s.rounds === 0) && done;
      }
      return done;
    },
    finish(design, energyBasis) {
      const out3 = {};
      const result = (test, what) => {
        const state = test.state().done ? test.state() : test.finish();
        if (!state.changeCi95 || state.estimate === null) return null;
        return {
          verdict: state.decision === "continue" ? "inconclusive" : state.decision,
          estimate: state.estimate,
          changeCi95: state.changeCi95,
          method: `per-round ${what}, ${state.rounds} rounds, ${design}`,
          rounds: state.rounds,
          threshold: options.threshold,
          ...state.sdLogRatio !== null ? { roundSpread95: Math.expm1(1.96 * state.sdLogRatio) } : {}
        };
      };
      const byKey = /* @__PURE__ */ new Map();
      for (const [key, { statistic, test }] of latency) byKey.set(key, result(test, statisticName(statistic)));
      for (const m of new Set(metrics)) {
        if (m === "energy") continue;
        const r = byKey.get(JSON.stringify(ROUND_STATISTIC[m]));
        if (r) out3[m] = m === "throughput" ? invert(r) : r;
      }
      if (energy && energy.state().rounds > 1) {
        const r = result(energy, energyBasis ? `energy per call (${energyBasis})` : "energy per call");
        if (r) out3.energy = r;
      }
      return out3;
    }
  };
}
function invert(r) {
  const inv = (x) => 1 / (1 + x) - 1;
  const verdict = r.verdict === "regression" ? "regression" : r.verdict === "improvement" ? "improvement" : r.verdict;
  return { ...r, verdict, estimate: inv(r.estimate), changeCi95: [inv(r.changeCi95[1]), inv(r.changeCi95[0])] };
}

// src/measure-training.ts
import { statSync } from "node:fs";
import { dirname as dirname2 } from "node:path";

// src/train/attrs.ts
function findAttr(node2, name) {
  return (node2.attribute ?? []).find((a) => a.name === name);
}
function attrInt(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.i !== void 0 && a.i !== null ? Number(a.i) : fallback;
}
function attrFloat(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.f !== void 0 && a.f !== null ? a.f : fallback;
}
function attrInts(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.ints && a.ints.length > 0 ? a.ints.map(Number) : fallback;
}
function attrString(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.s && a.s.length > 0 ? new TextDecoder().decode(a.s) : fallback;
}
function withoutAttrs(node2, names) {
  return { ...node2, attribute: (node2.attribute ?? []).filter((a) => !names.includes(a.name ?? "")) };
}

// src/train/shapes.ts
var unknownCounter = 0;
function unknownDim() {
  unknownCounter += 1;
  return `?${unknownCounter}`;
}
function isStatic(shape) {
  return shape !== void 0 && shape.every((d) => typeof d === "number");
}
function staticSize(shape) {
  return isStatic(shape) ? shape.reduce((a, b) => a * b, 1) : void 0;
}
function broadcastShapes(a, b) {
  if (!a || !b) return void 0;
  const r = Math.max(a.length, b.length);
  const out3 = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1;
    const db = b[b.length - r + i] ?? 1;
    if (da === 1) out3.push(db);
    else if (db === 1) out3.push(da);
    else if (da === db) out3.push(da);
    else if (typeof da === "number") out3.push(da);
    else if (typeof db === "number") out3.push(db);
    else out3.push(unknownDim());
  }
  return out3;
}
function mulDims(ds) {
  return ds.every((d) => typeof d === "number") ? ds.reduce((a, b) => a * b, 1) : unknownDim();
}
function normAxis(axis, rank) {
  return axis < 0 ? axis + rank : axis;
}
function resolvePads(node2, spatialIn, kernel, strides, dilations) {
  const k = spatialIn.length;
  const autoPad = attrString(node2, "auto_pad", "NOTSET");
  if (autoPad === "NOTSET") {
    const pads = attrInts(node2, "pads", new Array(2 * k).fill(0));
    return pads;
  }
  if (autoPad === "VALID") return new Array(2 * k).fill(0);
  if (!spatialIn.every((d) => typeof d === "number")) return void 0;
  const begin = [];
  const end = [];
  for (let i = 0; i < k; i++) {
    const inDim = spatialIn[i];
    const out3 = Math.ceil(inDim / strides[i]);
    const total = Math.max(0, (out3 - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - inDim);
    const small = Math.floor(total / 2);
    const large = total - small;
    begin.push(autoPad === "SAME_UPPER" ? small : large);
    end.push(autoPad === "SAME_UPPER" ? large : small);
  }
  return [...begin, ...end];
}
function windowGeometry(node2, spatialIn, kernelFromWeight) {
  const k = spatialIn.length;
  let kernel = attrInts(node2, "kernel_shape", []);
  if (kernel.length === 0) {
    if (!kernelFromWeight || !kernelFromWeight.every((d) => typeof d === "number")) return void 0;
    kernel = kernelFromWeight;
  }
  const strides = attrInts(node2, "strides", new Array(k).fill(1));
  const dilations = attrInts(node2, "dilations", new Array(k).fill(1));
  const pads = resolvePads(node2, spatialIn, kernel, strides, dilations);
  return { kernel, strides, dilations, pads, ceilMode: attrInt(node2, "ceil_mode", 0) === 1 };
}
function windowOutput(spatialIn, g) {
  return spatialIn.map((d, i) => {
    if (typeof d !== "number" || !g.pads) return unknownDim();
    const span = (g.kernel[i] - 1) * g.dilations[i] + 1;
    const num = d + g.pads[i] + g.pads[i + spatialIn.length] - span;
    const out3 = (g.ceilMode ? Math.ceil(num / g.strides[i]) : Math.floor(num / g.strides[i])) + 1;
    if (g.ceilMode && (out3 - 1) * g.strides[i] >= d + g.pads[i]) return out3 - 1;
    return out3;
  });
}
function inferNode(node2, shapeOf, intsOf) {
  const ins = (node2.input ?? []).map((n) => n ? shapeOf(n) : void 0);
  const x = ins[0];
  const nOut = (node2.output ?? []).length;
  const same = () => new Array(nOut).fill(x);
  switch (node2.opType) {
    case "Add":
    case "Sub":
    case "Mul":
    case "Div":
    case "Pow":
    case "Equal":
    case "Greater":
    case "Less":
    case "GreaterOrEqual":
    case "LessOrEqual":
    case "And":
    case "Or":
    case "PRelu":
      return [broadcastShapes(ins[0], ins[1])];
    case "Sum":
    case "Max":
    case "Min":
    case "Mean":
    case "Where":
      return [ins.slice(1).reduce((a, b) => broadcastShapes(a, b), ins[0])];
    case "Relu":
    case "LeakyRelu":
    case "Sigmoid":
    case "Tanh":
    case "Softmax":
    case "LogSoftmax":
    case "Identity":
    case "Neg":
    case "Exp":
    case "Log":
    case "Sqrt":
    case "Abs":
    case "Cast":
    case "Erf":
    case "Clip":
    case "Elu":
    case "Selu":
    case "HardSigmoid":
    case "Softplus":
    case "Gelu":
    case "Reciprocal":
    case "Sign":
    case "Floor":
    case "Ceil":
    case "Not":
    case "HardSwish":
    case "CastLike":
      return same();
    case "Dropout":
      return [x, x];
    case "BatchNormalization": {
      const c = x && x.length > 1 ? [x[1]] : void 0;
      return [x, c, c, c, c].slice(0, nOut);
    }
    case "Gemm": {
      const a = ins[0];
      const b = ins[1];
      const m = a && a.length === 2 ? a[attrInt(node2, "transA", 0) ? 1 : 0] : unknownDim();
      const n = b && b.length === 2 ? b[attrInt(node2, "transB", 0) ? 0 : 1] : unknownDim();
      return [[m, n]];
    }
    case "MatMul": {
      const a = ins[0];
      const b = ins[1];
      if (!a || !b) return [void 0];
      const a2 = a.length === 1 ? [1, a[0]] : a;
      const b2 = b.length === 1 ? [b[0], 1] : b;
      const batch = broadcastShapes(a2.slice(0, -2), b2.slice(0, -2)) ?? [];
      const out3 = [...batch, a2[a2.length - 2], b2[b2.length - 1]];
      if (a.length === 1) out3.splice(out3.length - 2, 1);
      if (b.length === 1) out3.splice(out3.length - 1, 1);
      return [out3];
    }
    case "Reshape": {
      const target = intsOf(node2.input?.[1] ?? "");
      if (!target) {
        const s = ins[1];
        return [s && s.length === 1 && typeof s[0] === "number" ? Array.from({ length: s[0] }, () => unknownDim()) : void 0];
      }
      const allowZero = attrInt(node2, "allowzero", 0) === 1;
      const out3 = target.map((v, i) => v === 0 && !allowZero ? x?.[i] ?? unknownDim() : v);
      const minus = out3.indexOf(-1);
      if (minus >= 0) {
        const total = staticSize(x);
        const rest = out3.filter((_, i) => i !== minus);
        out3[minus] = total !== void 0 && rest.every((d) => typeof d === "number") ? total / rest.reduce((a, b) => a * b, 1) : unknownDim();
      }
      return [out3];
    }
    case "Flatten": {
      if (!x) return [void 0];
      const axis = normAxis(attrInt(node2, "axis", 1), x.length);
      return [[mulDims(x.slice(0, axis)), mulDims(x.slice(axis))]];
    }
    case "Transpose": {
      if (!x) return [void 0];
      const perm = attrInts(
        node2,
        "perm",
        x.map((_, i) => x.length - 1 - i)
      );
      return [perm.map((p) => x[p])];
    }
    case "Concat": {
      if (ins.some((s) => !s)) return [void 0];
      const r = ins[0].length;
      const axis = normAxis(attrInt(node2, "axis", 0), r);
      const out3 = [...ins[0]];
      out3[axis] = mulDimsSum(ins.map((s) => s[axis]));
      return [out3];
    }
    case "Conv":
    case "MaxPool":
    case "AveragePool":
    case "LpPool": {
      if (!x || x.length < 3) return new Array(nOut).fill(void 0);
      const w = node2.opType === "Conv" ? ins[1] : void 0;
      const g = windowGeometry(node2, x.slice(2), w ? w.slice(2) : void 0);
      if (!g) return new Array(nOut).fill(void 0);
      const channels = node2.opType === "Conv" ? w ? w[0] : unknownDim() : x[1];
      const out3 = [x[0], channels, ...windowOutput(x.slice(2), g)];
      return new Array(nOut).fill(out3);
    }
    case "GlobalAveragePool":
    case "GlobalMaxPool":
      return [x ? [x[0], x[1], ...x.slice(2).map(() => 1)] : void 0];
    case "ReduceSum":
    case "ReduceMean":
    case "ReduceMax":
    case "ReduceMin":
    case "ReduceProd":
    case "ReduceL2":
    case "ReduceL1":
    case "ReduceLogSumExp":
    case "ReduceSumSquare": {
      if (!x) return [void 0];
      const fromInput = node2.input && node2.input.length > 1 && node2.input[1] ? intsOf(node2.input[1]) : void 0;
      if (node2.input && node2.input.length > 1 && node2.input[1] && !fromInput) return [void 0];
      const listed = fromInput ?? attrInts(node2, "axes", []);
      const noop = attrInt(node2, "noop_with_empty_axes", 0) === 1;
      const axes = (listed.length ? listed : noop ? [] : x.map((_, i) => i)).map((a) => normAxis(a, x.length));
      const keep = attrInt(node2, "keepdims", 1) === 1;
      return [keep ? x.map((d, i) => axes.includes(i) ? 1 : d) : x.filter((_, i) => !axes.includes(i))];
    }
    case "Shape":
      return [x ? [x.length] : void 0];
    case "Tile": {
      const reps = intsOf(node2.input?.[1] ?? "");
      if (!x || !reps || reps.length !== x.length) return [x ? x.map(() => unknownDim()) : void 0];
      return [x.map((d, i) => typeof d === "number" ? d * reps[i] : reps[i] === 1 ? d : unknownDim())];
    }
    case "Einsum": {
      const eq = (node2.attribute ?? []).find((a) => a.name === "equation")?.s;
      const text = eq ? new TextDecoder().decode(eq).replace(/\s+/g, "") : "";
      const arrow = text.indexOf("->");
      if (arrow < 0 || text.includes("...")) return [void 0];
      const specs = text.slice(0, arrow).split(",");
      const dimOf = /* @__PURE__ */ new Map();
      specs.forEach(
        (spec, k) => [...spec].forEach((c, j) => {
          const d = ins[k]?.[j];
          if (d !== void 0 && (!dimOf.has(c) || typeof dimOf.get(c) !== "number" || d !== 1)) dimOf.set(c, d);
        })
      );
      return [[...text.slice(arrow + 2)].map((c) => dimOf.get(c) ?? unknownDim())];
    }
    case "ConstantOfShape": {
      const dims = intsOf(node2.input?.[0] ?? "");
      if (dims) return [dims];
      return [x && x.length === 1 && typeof x[0] === "number" ? Array.from({ length: x[0] }, () => unknownDim()) : void 0];
    }
    case "Size":
      return [[]];
    case "Constant":
      return [void 0];
    case "Unsqueeze":
    case "Squeeze": {
      const axes = node2.input && node2.input.length > 1 ? intsOf(node2.input[1]) : attrInts(node2, "axes", []);
      if (!x || !axes) return [void 0];
      if (node2.opType === "Unsqueeze") {
        const r = x.length + axes.length;
        const norm2 = axes.map((a) => normAxis(a, r));
        const out3 = [];
        let j = 0;
        for (let i = 0; i < r; i++) out3.push(norm2.includes(i) ? 1 : x[j++]);
        return [out3];
      }
      const norm = axes.length ? axes.map((a) => normAxis(a, x.length)) : x.map((d, i) => d === 1 ? i : -1).filter((i) => i >= 0);
      return [x.filter((_, i) => !norm.includes(i))];
    }
    case "Expand": {
      const target = intsOf(node2.input?.[1] ?? "");
      if (target) return [broadcastShapes(x, target)];
      const s = ins[1];
      if (!x || !s || s.length !== 1 || typeof s[0] !== "number") return [void 0];
      return [Array.from({ length: Math.max(x.length, s[0]) }, () => unknownDim())];
    }
    case "Slice": {
      if (!x) return [void 0];
      const get2 = (i) => node2.input?.[i] ? intsOf(node2.input[i]) : void 0;
      const starts = get2(1);
      const ends = get2(2);
      const axes = (node2.input?.[3] ? get2(3) : starts?.map((_, i) => i))?.map((a) => normAxis(a, x.length));
      const steps = node2.input?.[4] ? get2(4) : starts?.map(() => 1);
      if (!axes) return [x.map(() => unknownDim())];
      const res = [...x];
      axes.forEach((a, i) => {
        const dim = x[a];
        const st = starts?.[i];
        const en = ends?.[i];
        const sp = steps?.[i];
        if (typeof dim !== "number" || st === void 0 || en === void 0 || sp === void 0 || sp === 0) {
          res[a] = unknownDim();
          return;
        }
        const norm = (v) => v < 0 ? v + dim : v;
        const lo = sp > 0 ? 0 : -1;
        const hi = sp > 0 ? dim : dim - 1;
        const b = Math.min(Math.max(norm(st), lo), hi);
        const e = Math.min(Math.max(norm(en), lo), hi);
        res[a] = Math.max(0, Math.ceil((e - b) / sp));
      });
      return [res];
    }
    case "Split": {
      if (!x) return new Array(nOut).fill(void 0);
      const axis = normAxis(attrInt(node2, "axis", 0), x.length);
      const sizes = node2.input?.[1] ? intsOf(node2.input[1]) : void 0;
      const dim = x[axis];
      return Array.from({ length: nOut }, (_, i) => {
        const o = [...x];
        o[axis] = sizes?.[i] ?? (typeof dim === "number" && !node2.input?.[1] && dim % nOut === 0 ? dim / nOut : unknownDim());
        return o;
      });
    }
    case "Pad": {
      const pads = node2.input?.[1] ? intsOf(node2.input[1]) : void 0;
      if (!x) return [void 0];
      if (!pads || pads.length !== 2 * x.length || node2.input?.[3]) return [x.map(() => unknownDim())];
      return [x.map((d, i) => typeof d === "number" ? d + pads[i] + pads[i + x.length] : unknownDim())];
    }
    case "Gather": {
      const idx = ins[1];
      if (!x || !idx) return [void 0];
      const axis = normAxis(attrInt(node2, "axis", 0), x.length);
      return [[...x.slice(0, axis), ...idx, ...x.slice(axis + 1)]];
    }
    case "LayerNormalization": {
      if (!x) return new Array(nOut).fill(void 0);
      const axis = normAxis(attrInt(node2, "axis", -1), x.length);
      const stat2 = x.map((d, i) => i < axis ? d : 1);
      return [x, stat2, stat2].slice(0, nOut);
    }
    default:
      return new Array(nOut).fill(void 0);
  }
}
function mulDimsSum(ds) {
  return ds.every((d) => typeof d === "number") ? ds.reduce((a, b) => a + b, 0) : unknownDim();
}

// src/train/graph.ts
var GraphEmitter = class {
  /**
   * @param floatType element type of every float the graph computes (float32 or float64)
   * @param opset default-domain opset of the graph written
   * @param taken names already used by the source graph (tensors and nodes)
   */
  constructor(floatType, opset, taken) {
    this.floatType = floatType;
    this.opset = opset;
    this.taken = taken;
  }
  floatType;
  opset;
  taken;
  nodes = [];
  initializers = [];
  shapes = /* @__PURE__ */ new Map();
  constInts = /* @__PURE__ */ new Map();
  constFloats = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  counter = 0;
  /** A fresh tensor/node name `train/<hint>_<n>`. */
  fresh(hint) {
    for (; ; ) {
      this.counter += 1;
      const name = `train/${hint}_${this.counter}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
  /** Reserves an exact name (e.g. a graph output) and returns it, or a variant if taken. */
  reserve(name) {
    if (!this.taken.has(name)) {
      this.taken.add(name);
      return name;
    }
    return this.fresh(name.replace(/^train\//, ""));
  }
  /** Appends a node as is (forward nodes of the source graph). */
  push(node2) {
    this.nodes.push(node2);
  }
  /** Appends an op with fresh output names; returns the outputs. */
  op(opType, inputs, attrs = {}, outputs = 1, hint) {
    const base = hint ?? opType.toLowerCase();
    const outs = Array.from({ length: outputs }, () => this.fresh(base));
    this.nodes.push({
      opType,
      input: inputs,
      output: outs,
      name: outs[0],
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    });
    return outs;
  }
  /** Appends a single-output op; returns its output. */
  one(opType, inputs, attrs = {}, hint) {
    return this.op(opType, inputs, attrs, 1, hint)[0];
  }
  /** Appends an op writing to a given output name. */
  to(output, opType, inputs, attrs = {}) {
    this.nodes.push({
      opType,
      input: inputs,
      output: [output],
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    });
    return output;
  }
  /** A float tensor filled with `value`, shaped like `like` (static constant shape when known). */
  filled(value, like) {
    const s = this.shapeOf(like);
    const shape = isStatic(s) ? this.ints(s) : this.shapeTensor(like);
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from([value]) : Float32Array.from([value]);
    return this.one("ConstantOfShape", [shape], { value: { t: rawTensor("value", [1], this.floatType, data) } }, "filled");
  }
  /** A scalar constant of the graph's float type (cached by value). */
  scalar(value) {
    return this.floatConst([], [value]);
  }
  /** A float constant of the graph's float type with the given dims (cached by value). */
  floatConst(dims, values) {
    const key = `f:${dims.join(",")}:${values.join(",")}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("const");
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from(values) : Float32Array.from(values);
    this.initializers.push(rawTensor(name, dims, this.floatType, data));
    this.shapes.set(name, dims);
    this.cache.set(key, name);
    return name;
  }
  /** A 1-D int64 constant (cached by value), e.g. axes or a Reshape target. */
  ints(values, dims = [values.length]) {
    const key = `i:${dims.join(",")}:${values.join(",")}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("ints");
    this.initializers.push(rawTensor(name, dims, DataType.INT64, BigInt64Array.from(values.map((v) => BigInt(v)))));
    this.shapes.set(name, dims);
    this.constInts.set(name, values);
    this.cache.set(key, name);
    return name;
  }
  /** Records the build-time shape of a tensor. */
  setShape(name, shape) {
    this.shapes.set(name, shape);
  }
  /** Build-time shape of a tensor, if known. */
  shapeOf(name) {
    return this.shapes.get(name);
  }
  /** Records known integer values of a tensor (shape constants). */
  setInts(name, values) {
    this.constInts.set(name, values);
  }
  /** Records known float values of a small tensor (e.g. Dropout's ratio). */
  setFloats(name, values) {
    this.constFloats.set(name, values);
  }
  /** Known float values of a small tensor, if any. */
  floatsOf(name) {
    return this.constFloats.get(name);
  }
  /** A boolean scalar constant. */
  bool(value) {
    const key = `b:${value}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("bool");
    this.initializers.push(rawTensor(name, [], DataType.BOOL, Uint8Array.from([value ? 1 : 0])));
    this.shapes.set(name, []);
    this.cache.set(key, name);
    return name;
  }
  /** Creates (without appending) a node writing fresh outputs; returns the node. */
  detached(opType, inputs, outputs, attrs = {}) {
    return {
      opType,
      input: inputs,
      output: outputs,
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    };
  }
  /** Known integer values of a tensor, if any. */
  intsOf(name) {
    return this.constInts.get(name);
  }
  /** Run-time shape of a tensor (one Shape op per tensor, cached). */
  shapeTensor(x) {
    const key = `shape:${x}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const s = this.one("Shape", [x], {}, "shape");
    this.cache.set(key, s);
    return s;
  }
  /** ReduceSum over `axes` (all axes when undefined). */
  reduceSum(x, axes, keepdims) {
    if (this.opset >= 13) {
      return this.one("ReduceSum", axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, "sum");
    }
    return this.one("ReduceSum", [x], { keepdims: keepdims ? 1 : 0, ...axes ? { axes } : {} }, "sum");
  }
  /** ReduceMean over `axes` (all axes when undefined). */
  reduceMean(x, axes, keepdims) {
    if (this.opset >= 18) {
      return this.one("ReduceMean", axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, "mean");
    }
    return this.one("ReduceMean", [x], { keepdims: keepdims ? 1 : 0, ...axes ? { axes } : {} }, "mean");
  }
  /** Reshape to a static shape (a constant) or to another tensor's run-time shape. */
  reshapeTo(x, target) {
    const shape = typeof target === "string" ? this.shapeTensor(target) : this.ints(target);
    return this.one("Reshape", [x, shape], {}, "reshape");
  }
  /** Reshape `x` to the shape of `like`: static when known, else at run time. */
  reshapeLike(x, like) {
    const s = this.shapeOf(like);
    return isStatic(s) ? this.reshapeTo(x, s) : this.reshapeTo(x, like);
  }
  /** Number of elements of `x` as a float scalar: a constant when known, else Size + Cast. */
  floatSize(x, shape) {
    if (isStatic(shape)) return this.scalar(shape.reduce((a, b) => a * b, 1));
    return this.one("Cast", [this.one("Size", [x])], { to: this.floatType }, "count");
  }
  /**
   * Sums `dy` (shaped like `dyShape`, the broadcast result) down to the shape of `target`:
   * the gradient of multidirectional broadcasting. Axes are chosen at build time when the
   * shapes decide them, else at run time from Shape ops.
   */
  sumTo(dy, dyShape, target) {
    const tShape = this.shapeOf(target);
    if (dyShape && tShape) {
      const axes = staticReduceAxes(dyShape, tShape);
      if (axes) {
        if (axes.length === 0) return dyShape.length === tShape.length ? dy : this.reshapeLike(dy, target);
        const lead = dyShape.length - tShape.length;
        const onlyLeading = axes.every((a) => a < lead);
        const reduced = this.reduceSum(dy, axes, !onlyLeading);
        return onlyLeading || lead === 0 ? reduced : this.reshapeLike(reduced, target);
      }
    }
    return this.sumToRuntime(dy, dyShape, target, tShape);
  }
  sumToRuntime(dy, dyShape, target, tShape) {
    const sx = this.shapeTensor(target);
    let padded = sx;
    if (dyShape && tShape) {
      const lead = dyShape.length - tShape.length;
      if (lead > 0) padded = this.one("Concat", [this.ints(new Array(lead).fill(1)), sx], { axis: 0 }, "padded_shape");
    } else {
      const lead = this.one("Sub", [this.one("Size", [this.shapeTensor(dy)]), this.one("Size", [sx])], {}, "lead");
      const ones = this.one(
        "ConstantOfShape",
        [this.one("Reshape", [lead, this.ints([1])])],
        { value: { t: rawTensor("one", [1], DataType.INT64, BigInt64Array.from([1n])) } },
        "ones"
      );
      padded = this.one("Concat", [ones, sx], { axis: 0 }, "padded_shape");
    }
    const mask = this.one("Equal", [padded, this.ints([1], [])], {}, "bcast_mask");
    const axes = this.one("Reshape", [this.one("NonZero", [mask]), this.ints([-1])], {}, "bcast_axes");
    const reduced = this.opset >= 13 ? this.one("ReduceSum", [dy, axes], { keepdims: 1, noop_with_empty_axes: 1 }, "sum") : dy;
    return this.one("Reshape", [reduced, sx], {}, "sum_to");
  }
};
function staticReduceAxes(dy, t) {
  const lead = dy.length - t.length;
  if (lead < 0) return void 0;
  const axes = [];
  for (let i = 0; i < dy.length; i++) {
    if (i < lead) {
      axes.push(i);
      continue;
    }
    const dt = t[i - lead];
    const dd = dy[i];
    if (dt === dd) continue;
    if (dt === 1) {
      axes.push(i);
      continue;
    }
    return void 0;
  }
  return axes;
}
function pruneGraph(nodes, initializers, keep) {
  const needed = new Set(keep);
  const kept = [];
  for (let k = nodes.length - 1; k >= 0; k--) {
    const n = nodes[k];
    if (!(n.output ?? []).some((o) => o && needed.has(o))) continue;
    kept.push(n);
    for (const x of n.input ?? []) if (x) needed.add(x);
  }
  kept.reverse();
  return { nodes: kept, initializers: initializers.filter((t) => needed.has(t.name ?? "")) };
}

// src/train/grad-ops-more.ts
var inp = (node2, i) => node2.input?.[i] ?? "";
var out = (node2, i) => node2.output?.[i] ?? "";
var hasInput = (node2, i) => !!node2.input?.[i];
function rankOf(em, name) {
  return em.shapeOf(name)?.length;
}
function unaryRule(grad) {
  return {
    differentiable: () => [0],
    backward(em, node2, [dY]) {
      return dY ? [grad(em, node2, dY)] : [];
    }
  };
}
var sqrt = unaryRule(
  (em, node2, dY) => (
    // Y = √X: dX = dY / (2Y).
    em.one("Div", [em.one("Mul", [dY, em.scalar(0.5)]), out(node2, 0)])
  )
);
var reciprocal = unaryRule((em, node2, dY) => {
  const y = out(node2, 0);
  return em.one("Neg", [em.one("Mul", [dY, em.one("Mul", [y, y])])]);
});
var exp = unaryRule((em, node2, dY) => em.one("Mul", [dY, out(node2, 0)]));
var log = unaryRule((em, node2, dY) => em.one("Div", [dY, inp(node2, 0)]));
var abs = unaryRule(
  (em, node2, dY) => (
    // d|x|/dx = sign(x) (0 at 0, as PyTorch).
    em.one("Mul", [dY, em.one("Sign", [inp(node2, 0)])])
  )
);
var erf = unaryRule((em, node2, dY) => {
  const x = inp(node2, 0);
  const e = em.one("Exp", [em.one("Neg", [em.one("Mul", [x, x])])]);
  return em.one("Mul", [dY, em.one("Mul", [e, em.scalar(2 / Math.sqrt(Math.PI))])]);
});
var hardSigmoid = unaryRule((em, node2, dY) => {
  const alpha = attrFloat(node2, "alpha", 0.2);
  const y = out(node2, 0);
  const inside = em.one("And", [em.one("Greater", [y, em.scalar(0)]), em.one("Less", [y, em.scalar(1)])]);
  return em.one("Where", [inside, em.one("Mul", [dY, em.scalar(alpha)]), em.scalar(0)]);
});
var hardSwish = unaryRule((em, node2, dY) => {
  const x = inp(node2, 0);
  const mid = em.one("Mul", [dY, em.one("Add", [em.one("Mul", [x, em.scalar(1 / 3)]), em.scalar(0.5)])]);
  const upper = em.one("Where", [em.one("Greater", [x, em.scalar(3)]), dY, mid]);
  return em.one("Where", [em.one("Less", [x, em.scalar(-3)]), em.scalar(0), upper]);
});
var clip = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const conds = [];
    if (hasInput(node2, 1)) conds.push(em.one("GreaterOrEqual", [x, inp(node2, 1)]));
    if (hasInput(node2, 2)) conds.push(em.one("LessOrEqual", [x, inp(node2, 2)]));
    if (conds.length === 0) return [dY];
    const mask = conds.length === 2 ? em.one("And", conds) : conds[0];
    return [em.one("Where", [mask, dY, em.scalar(0)], {}, "grad_clip")];
  }
};
var pow = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const y = out(node2, 0);
    const yShape = em.shapeOf(y);
    let dA;
    let dB;
    if (need[0]) {
      const known = em.floatsOf(b);
      let local;
      if (known && known.length === 1) {
        const p = known[0];
        local = p === 2 ? em.one("Mul", [a, em.scalar(2)]) : p === 1 ? em.filled(1, a) : em.one("Mul", [em.one("Pow", [a, em.scalar(p - 1)]), em.scalar(p)]);
      } else {
        const bf = em.one("Cast", [b], { to: em.floatType });
        local = em.one("Mul", [bf, em.one("Pow", [a, em.one("Sub", [bf, em.scalar(1)])])]);
      }
      dA = em.sumTo(em.one("Mul", [dY, local]), yShape, a);
    }
    if (need[1]) {
      dB = em.sumTo(em.one("Mul", [dY, em.one("Mul", [y, em.one("Log", [a])])]), yShape, b);
    }
    return [dA, dB];
  }
};
var where = {
  differentiable: () => [1, 2],
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const c = inp(node2, 0);
    const yShape = em.shapeOf(out(node2, 0));
    const zero = em.scalar(0);
    return [
      void 0,
      need[1] ? em.sumTo(em.one("Where", [c, dY, zero]), yShape, inp(node2, 1)) : void 0,
      need[2] ? em.sumTo(em.one("Where", [c, zero, dY]), yShape, inp(node2, 2)) : void 0
    ];
  }
};
var expand = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.sumTo(dY, em.shapeOf(out(node2, 0)), inp(node2, 0))];
  }
};
function slicePads(em, node2) {
  const s = em.shapeOf(inp(node2, 0));
  if (!isStatic(s)) return void 0;
  const starts = em.intsOf(inp(node2, 1));
  const ends = em.intsOf(inp(node2, 2));
  const axes = hasInput(node2, 3) ? em.intsOf(inp(node2, 3)) : starts?.map((_, i) => i);
  const steps = hasInput(node2, 4) ? em.intsOf(inp(node2, 4)) : starts?.map(() => 1);
  if (!starts || !ends || !axes || !steps || steps.some((v) => v !== 1)) return void 0;
  const r = s.length;
  const pads = new Array(2 * r).fill(0);
  for (let i = 0; i < axes.length; i++) {
    const a = normAxis(axes[i], r);
    const dim = s[a];
    const clamp = (v) => Math.min(Math.max(v < 0 ? v + dim : v, 0), dim);
    const st = clamp(starts[i]);
    const en = Math.max(clamp(ends[i]), st);
    pads[a] = st;
    pads[a + r] = dim - en;
  }
  return pads;
}
var slice = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const pads = slicePads(em, node2);
    if (pads) {
      return [em.one("Pad", [dY, em.ints(pads), em.scalar(0)], {}, "grad_slice")];
    }
    const size = em.one("Size", [x]);
    const positions = em.one("Reshape", [em.one("Range", [em.ints([0], []), size, em.ints([1], [])]), em.shapeTensor(x)]);
    const picked = em.one("Slice", [positions, ...(node2.input ?? []).slice(1)]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros2 = em.one("ConstantOfShape", [em.one("Reshape", [size, em.ints([1])])], {
      value: { t: rawTensor("value", [1], em.floatType, data) }
    });
    const flat = em.one(
      "ScatterElements",
      [zeros2, em.one("Reshape", [picked, em.ints([-1])]), em.one("Reshape", [dY, em.ints([-1])])],
      { axis: 0 },
      "grad_slice_flat"
    );
    return [em.one("Reshape", [flat, em.shapeTensor(x)], {}, "grad_slice")];
  }
};
var split = {
  differentiable: () => [0],
  multiOutput: true,
  backward(em, node2, dOut) {
    const parts = (node2.output ?? []).map((o, i) => dOut[i] ?? em.filled(0, o));
    return [em.one("Concat", parts, { axis: attrInt(node2, "axis", 0) }, "grad_split")];
  }
};
var gather = {
  differentiable: () => [0],
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its data input is not known";
    if (attrInt(node2, "axis", 0) !== 0 && rankOf(em, inp(node2, 1)) === void 0)
      return "it gathers along an axis other than 0 and the rank of its indices is not known";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const data = inp(node2, 0);
    const r = rankOf(em, data);
    const axis = normAxis(attrInt(node2, "axis", 0), r);
    const q = rankOf(em, inp(node2, 1));
    let idx = em.one("Cast", [inp(node2, 1)], { to: DataType.INT64 });
    const dim = em.one("Shape", [data], { start: axis, end: axis + 1 });
    idx = em.one("Where", [em.one("Less", [idx, em.ints([0], [])]), em.one("Add", [idx, dim]), idx]);
    const zeros2 = em.filled(0, data);
    const unsq = em.one("Unsqueeze", [idx, em.ints([-1])]);
    if (axis === 0) {
      return [em.one("ScatterND", [zeros2, unsq, dY], { reduction: "add" }, "grad_gather")];
    }
    const qr = q;
    const perm = [axis, ...Array.from({ length: r }, (_, i) => i).filter((i) => i !== axis)];
    const inverse = perm.map((_, i) => perm.indexOf(i));
    const dyPerm = [
      ...Array.from({ length: qr }, (_, i) => axis + i),
      ...Array.from({ length: axis }, (_, i) => i),
      ...Array.from({ length: r - axis - 1 }, (_, i) => axis + qr + i)
    ];
    const scattered = em.one(
      "ScatterND",
      [em.one("Transpose", [zeros2], { perm }), unsq, em.one("Transpose", [dY], { perm: dyPerm })],
      { reduction: "add" }
    );
    return [em.one("Transpose", [scattered], { perm: inverse }, "grad_gather")];
  }
};
var layerNorm = {
  differentiable: () => [0, 1, 2],
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known";
    return void 0;
  },
  forward(em, node2) {
    const mean2 = node2.output?.[1] || em.fresh("ln_mean");
    const invStd = node2.output?.[2] || em.fresh("ln_inv_std");
    em.push({ ...node2, output: [out(node2, 0), mean2, invStd] });
    if (em.floatType === DataType.DOUBLE) {
      return {
        saved: { mean: em.one("Cast", [mean2], { to: em.floatType }), invStd: em.one("Cast", [invStd], { to: em.floatType }) }
      };
    }
    return { saved: { mean: mean2, invStd } };
  },
  backward(em, node2, [dY], need, saved) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const r = rankOf(em, x);
    const axis = normAxis(attrInt(node2, "axis", -1), r);
    const norm = Array.from({ length: r - axis }, (_, i) => axis + i);
    const lead = Array.from({ length: axis }, (_, i) => i);
    const xhat = em.one("Mul", [em.one("Sub", [x, saved.mean]), saved.invStd], {}, "ln_xhat");
    const xShape = em.shapeOf(x);
    em.setShape(xhat, xShape);
    const sumLead = (t) => lead.length ? em.reduceSum(t, lead, false) : t;
    let dX;
    if (need[0]) {
      const dxhat = em.one("Mul", [dY, inp(node2, 1)]);
      const m1 = em.reduceMean(dxhat, norm, true);
      const m2 = em.reduceMean(em.one("Mul", [dxhat, xhat]), norm, true);
      const centered = em.one("Sub", [em.one("Sub", [dxhat, m1]), em.one("Mul", [xhat, m2])]);
      dX = em.one("Mul", [centered, saved.invStd], {}, "grad_ln_x");
    }
    const dScale = need[1] ? em.sumTo(sumLead(em.one("Mul", [dY, xhat])), xShape?.slice(axis), inp(node2, 1)) : void 0;
    const dBias = need[2] && hasInput(node2, 2) ? em.sumTo(sumLead(dY), xShape?.slice(axis), inp(node2, 2)) : void 0;
    return [dX, dScale, dBias];
  }
};
var pad = {
  differentiable: () => [0],
  check(node2, em) {
    const mode = attrString(node2, "mode", "constant");
    if (mode !== "constant") return `mode = ${mode} (only constant padding has a gradient here)`;
    if (hasInput(node2, 3)) return "it pads selected axes only (the axes input of opset 18)";
    const pads = em.intsOf(inp(node2, 1));
    if (!pads) return "its pads are computed at run time (the gradient needs them when the graph is built)";
    if (pads.some((v) => v < 0)) return "it crops (negative pads)";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const pads = em.intsOf(inp(node2, 1));
    const r = pads.length / 2;
    const axes = Array.from({ length: r }, (_, i) => i).filter((i) => pads[i] !== 0 || pads[i + r] !== 0);
    if (axes.length === 0) return [dY];
    return [
      em.one(
        "Slice",
        [
          dY,
          em.ints(axes.map((a) => pads[a])),
          em.ints(axes.map((a) => pads[a + r] > 0 ? -pads[a + r] : Number.MAX_SAFE_INTEGER)),
          em.ints(axes)
        ],
        {},
        "grad_pad"
      )
    ];
  }
};
function parseEinsum(node2) {
  const eq = attrString(node2, "equation", "").replace(/\s+/g, "");
  const arrow = eq.indexOf("->");
  if (arrow < 0) return `equation "${eq}" has no explicit output ("->")`;
  if (eq.includes("...")) return `equation "${eq}" uses an ellipsis`;
  const inputs = eq.slice(0, arrow).split(",");
  const output = eq.slice(arrow + 2);
  const letters = /^[A-Za-z]*$/;
  if (![...inputs, output].every((t) => letters.test(t))) return `equation "${eq}" is not understood`;
  if ([...inputs, output].some((t) => new Set(t).size !== t.length))
    return `equation "${eq}" repeats a subscript within one operand (a diagonal)`;
  return { inputs, output };
}
var einsum = {
  check(node2, em) {
    const p = parseEinsum(node2);
    if (typeof p === "string") return p;
    if (p.inputs.length > 2) return `${p.inputs.length} operands (one or two have gradients here)`;
    if (p.inputs.length !== (node2.input ?? []).length)
      return `the equation names ${p.inputs.length} operands for ${(node2.input ?? []).length} inputs`;
    for (const [k, spec] of p.inputs.entries()) {
      const r = rankOf(em, inp(node2, k));
      if (r !== void 0 && r !== spec.length) return `operand ${k} has rank ${r} but subscripts "${spec}"`;
    }
    for (const [k, spec] of p.inputs.entries()) {
      const others = /* @__PURE__ */ new Set([...p.output, ...p.inputs[1 - k] ?? ""]);
      const alone = [...spec].filter((c) => !others.has(c));
      if (alone.length) return `subscript ${alone.join(", ")} of operand ${k} is summed away in that operand alone`;
    }
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const { inputs, output } = parseEinsum(node2);
    if (inputs.length === 1) return [em.one("Einsum", [dY], { equation: `${output}->${inputs[0]}` }, "grad_einsum")];
    const [a, b] = inputs;
    return [
      need[0] ? em.one("Einsum", [dY, inp(node2, 1)], { equation: `${output},${b}->${a}` }, "grad_einsum") : void 0,
      need[1] ? em.one("Einsum", [inp(node2, 0), dY], { equation: `${a},${output}->${b}` }, "grad_einsum") : void 0
    ];
  }
};
function extremeAxes(node2, em) {
  if (hasInput(node2, 1)) return em.intsOf(inp(node2, 1)) ?? "dynamic";
  const a = node2.attribute?.find((x) => x.name === "axes")?.ints?.map(Number) ?? [];
  if (a.length) return a;
  return attrInt(node2, "noop_with_empty_axes", 0) ? [] : void 0;
}
var reduceExtreme = {
  differentiable: () => [0],
  check(node2, em) {
    const axes = extremeAxes(node2, em);
    if (axes === "dynamic") return "its axes are computed at run time (the gradient needs them when the graph is built)";
    const rank = rankOf(em, inp(node2, 0));
    if (rank === void 0) return "the rank of its input is not known when the graph is built";
    if (axes?.some((a) => !Number.isInteger(a) || a < -rank || a >= rank))
      return `axes [${axes.join(", ")}] do not fit an input of rank ${rank}`;
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const rank = rankOf(em, x);
    const given = extremeAxes(node2, em);
    const axes = (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank)).sort((p, q) => p - q);
    const keep = attrInt(node2, "keepdims", 1) !== 0 || axes.length === 0;
    const y = keep ? out(node2, 0) : em.one("Unsqueeze", [out(node2, 0), em.ints(axes)]);
    const g = keep ? dY : em.one("Unsqueeze", [dY, em.ints(axes)]);
    const mask = em.one("Cast", [em.one("Equal", [x, y])], { to: em.floatType });
    const count = axes.length ? em.one("ReduceSum", [mask, em.ints(axes)], { keepdims: 1 }) : em.scalar(1);
    return [em.one("Mul", [mask, em.one("Div", [g, count])], {}, "grad_reduce_extreme")];
  }
};
var tile = {
  differentiable: () => [0],
  check(node2, em) {
    const reps = em.intsOf(inp(node2, 1));
    if (!reps) return "its repeats are computed at run time (the gradient needs them when the graph is built)";
    const dims = em.shapeOf(inp(node2, 0));
    if (!isStatic(dims)) return "its input's shape is not known when the graph is built";
    if (reps.length !== dims.length || reps.some((r) => !Number.isInteger(r) || r < 1))
      return `repeats [${reps.join(", ")}] do not fit an input of rank ${dims.length}`;
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const reps = em.intsOf(inp(node2, 1));
    const dims = em.shapeOf(inp(node2, 0));
    if (reps.every((r) => r === 1)) return [dY];
    const view = em.one("Reshape", [dY, em.ints(dims.flatMap((d, i) => [reps[i], d]))]);
    return [em.one("ReduceSum", [view, em.ints(dims.map((_, i) => 2 * i))], { keepdims: 0 }, "grad_tile")];
  }
};
var gelu = unaryRule((em, node2, dY) => {
  const x = inp(node2, 0);
  if (attrString(node2, "approximate", "none") === "tanh") {
    const k = Math.sqrt(2 / Math.PI);
    const x2 = em.one("Mul", [x, x]);
    const u = em.one("Mul", [
      em.one("Mul", [x, em.one("Add", [em.one("Mul", [x2, em.scalar(0.044715)]), em.scalar(1)])]),
      em.scalar(k)
    ]);
    const t = em.one("Tanh", [u]);
    const du = em.one("Mul", [em.one("Add", [em.one("Mul", [x2, em.scalar(3 * 0.044715)]), em.scalar(1)]), em.scalar(k)]);
    const left = em.one("Mul", [em.one("Add", [t, em.scalar(1)]), em.scalar(0.5)]);
    const right = em.one("Mul", [
      em.one("Mul", [em.one("Mul", [x, em.scalar(0.5)]), em.one("Sub", [em.scalar(1), em.one("Mul", [t, t])])]),
      du
    ]);
    return em.one("Mul", [dY, em.one("Add", [left, right])]);
  }
  const cdf = em.one("Mul", [
    em.one("Add", [em.one("Erf", [em.one("Mul", [x, em.scalar(Math.SQRT1_2)])]), em.scalar(1)]),
    em.scalar(0.5)
  ]);
  const pdf = em.one("Mul", [
    em.one("Exp", [em.one("Mul", [em.one("Mul", [x, x]), em.scalar(-0.5)])]),
    em.scalar(1 / Math.sqrt(2 * Math.PI))
  ]);
  return em.one("Mul", [dY, em.one("Add", [cdf, em.one("Mul", [x, pdf])])]);
});
var MORE_GRAD_RULES = {
  Sqrt: sqrt,
  Reciprocal: reciprocal,
  Exp: exp,
  Log: log,
  Abs: abs,
  Erf: erf,
  HardSigmoid: hardSigmoid,
  HardSwish: hardSwish,
  Clip: clip,
  Pow: pow,
  Where: where,
  Expand: expand,
  Slice: slice,
  Split: split,
  Gather: gather,
  LayerNormalization: layerNorm,
  Pad: pad,
  Einsum: einsum,
  ReduceMax: reduceExtreme,
  ReduceMin: reduceExtreme,
  Tile: tile,
  Gelu: gelu
};

// src/train/grad-ops.ts
var inp2 = (node2, i) => node2.input?.[i] ?? "";
var out2 = (node2, i) => node2.output?.[i] ?? "";
var hasInput2 = (node2, i) => !!node2.input?.[i];
function bcast(em, node2, g, i) {
  return em.sumTo(g, em.shapeOf(out2(node2, 0)), inp2(node2, i));
}
function rankOf2(em, name) {
  return em.shapeOf(name)?.length;
}
function swapLastTwo(rank) {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}
function unsqueeze(em, x, axes) {
  return em.one("Unsqueeze", [x, em.ints(axes)], {}, "unsqueeze");
}
function squeeze(em, x, axes) {
  return em.one("Squeeze", [x, em.ints(axes)], {}, "squeeze");
}
var gemm = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const alpha = attrFloat(node2, "alpha", 1);
    const beta = attrFloat(node2, "beta", 1);
    const tA = attrInt(node2, "transA", 0);
    const tB = attrInt(node2, "transB", 0);
    const a = inp2(node2, 0);
    const b = inp2(node2, 1);
    const scale = alpha !== 1 ? { alpha: { f: alpha } } : {};
    const dA = need[0] ? tA ? em.one("Gemm", [b, dY], { ...scale, transA: tB, transB: 1 }, "grad_gemm_a") : em.one("Gemm", [dY, b], { ...scale, transA: 0, transB: tB ? 0 : 1 }, "grad_gemm_a") : void 0;
    const dB = need[1] ? tB ? em.one("Gemm", [dY, a], { ...scale, transA: 1, transB: tA }, "grad_gemm_b") : em.one("Gemm", [a, dY], { ...scale, transA: tA ? 0 : 1, transB: 0 }, "grad_gemm_b") : void 0;
    let dC;
    if (need[2] && hasInput2(node2, 2)) {
      dC = bcast(em, node2, dY, 2);
      if (beta !== 1) dC = em.one("Mul", [dC, em.scalar(beta)]);
    }
    return [dA, dB, dC];
  }
};
var matmul = {
  check(node2, em) {
    if (rankOf2(em, inp2(node2, 0)) === void 0 || rankOf2(em, inp2(node2, 1)) === void 0) {
      return "the ranks of its inputs are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    }
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const a = inp2(node2, 0);
    const b = inp2(node2, 1);
    const ra = rankOf2(em, a);
    const rb = rankOf2(em, b);
    const yAxes = [...ra === 1 ? [-2] : [], ...rb === 1 ? [-1] : []];
    const dY2 = yAxes.length ? unsqueeze(em, dY, yAxes) : dY;
    const a2 = ra === 1 ? unsqueeze(em, a, [0]) : a;
    const b2 = rb === 1 ? unsqueeze(em, b, [-1]) : b;
    const ra2 = Math.max(ra, 2);
    const rb2 = Math.max(rb, 2);
    const sa = em.shapeOf(a);
    const sb = em.shapeOf(b);
    const sa2 = ra === 1 ? [1, ...sa] : sa;
    const sb2 = rb === 1 ? [...sb, 1] : sb;
    const batch = broadcastShapes(sa2.slice(0, -2), sb2.slice(0, -2)) ?? [];
    let dA;
    let dB;
    const kDim = sa[ra - 1];
    const nDim = rb === 2 ? sb[1] : void 0;
    if (ra >= 2 && rb === 2 && typeof kDim === "number" && typeof nDim === "number") {
      const rows = (t, width) => ra === 2 ? t : em.reshapeTo(t, [-1, width]);
      if (need[0]) {
        const g = em.one("Gemm", [rows(dY, nDim), b], { transB: 1 }, "grad_matmul_a");
        dA = ra === 2 ? g : em.reshapeLike(g, a);
      }
      if (need[1]) dB = em.one("Gemm", [rows(a, kDim), rows(dY, nDim)], { transA: 1 }, "grad_matmul_b");
      return [dA, dB];
    }
    if (need[0]) {
      let g = em.one("MatMul", [dY2, em.one("Transpose", [b2], { perm: swapLastTwo(rb2) }, "bT")], {}, "grad_matmul_a");
      let gShape = [...batch, sa2[sa2.length - 2], sa2[sa2.length - 1]];
      if (ra === 1) {
        g = squeeze(em, g, [-2]);
        gShape = [...batch, sa2[sa2.length - 1]];
      }
      dA = em.sumTo(g, gShape, a);
    }
    if (need[1]) {
      let g = em.one("MatMul", [em.one("Transpose", [a2], { perm: swapLastTwo(ra2) }, "aT"), dY2], {}, "grad_matmul_b");
      let gShape = [...batch, sb2[sb2.length - 2], sb2[sb2.length - 1]];
      if (rb === 1) {
        g = squeeze(em, g, [-1]);
        gShape = [...batch, sb2[sb2.length - 2]];
      }
      dB = em.sumTo(g, gShape, b);
    }
    return [dA, dB];
  }
};
var add = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node2, dY, 0) : void 0, need[1] ? bcast(em, node2, dY, 1) : void 0];
  }
};
var sub = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node2, dY, 0) : void 0, need[1] ? em.one("Neg", [bcast(em, node2, dY, 1)]) : void 0];
  }
};
var mul = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out2(node2, 0));
    return [
      need[0] ? em.sumTo(em.one("Mul", [dY, inp2(node2, 1)]), yShape, inp2(node2, 0)) : void 0,
      need[1] ? em.sumTo(em.one("Mul", [dY, inp2(node2, 0)]), yShape, inp2(node2, 1)) : void 0
    ];
  }
};
var div = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out2(node2, 0));
    const t = em.one("Div", [dY, inp2(node2, 1)]);
    return [
      need[0] ? em.sumTo(t, yShape, inp2(node2, 0)) : void 0,
      need[1] ? em.one("Neg", [em.sumTo(em.one("Mul", [t, out2(node2, 0)]), yShape, inp2(node2, 1))]) : void 0
    ];
  }
};
var relu = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.one("Where", [em.one("Greater", [out2(node2, 0), em.scalar(0)]), dY, em.scalar(0)], {}, "grad_relu")];
  }
};
var leakyRelu = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const alpha = attrFloat(node2, "alpha", 0.01);
    const slope = em.one("Where", [em.one("Greater", [inp2(node2, 0), em.scalar(0)]), em.scalar(1), em.scalar(alpha)]);
    return [em.one("Mul", [dY, slope], {}, "grad_leaky_relu")];
  }
};
var sigmoid = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out2(node2, 0);
    return [em.one("Mul", [dY, em.one("Mul", [y, em.one("Sub", [em.scalar(1), y])])], {}, "grad_sigmoid")];
  }
};
var tanh = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out2(node2, 0);
    return [em.one("Mul", [dY, em.one("Sub", [em.scalar(1), em.one("Mul", [y, y])])], {}, "grad_tanh")];
  }
};
var softmax = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out2(node2, 0);
    const axis = attrInt(node2, "axis", -1);
    const p = em.one("Mul", [dY, y]);
    const s = em.reduceSum(p, [axis], true);
    return [em.one("Sub", [p, em.one("Mul", [y, s])], {}, "grad_softmax")];
  }
};
var logSoftmax = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const axis = attrInt(node2, "axis", -1);
    const s = em.reduceSum(dY, [axis], true);
    return [em.one("Sub", [dY, em.one("Mul", [em.one("Exp", [out2(node2, 0)]), s])], {}, "grad_log_softmax")];
  }
};
var reshapeLike = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.reshapeLike(dY, inp2(node2, 0))];
  }
};
var identity = {
  backward(_em, _node, [dY]) {
    return [dY];
  }
};
var cast = {
  backward(em, _node, [dY]) {
    return dY ? [em.one("Cast", [dY], { to: em.floatType })] : [];
  }
};
var neg = {
  backward(em, _node, [dY]) {
    return dY ? [em.one("Neg", [dY])] : [];
  }
};
var transpose = {
  check(node2, em) {
    return attrInts(node2, "perm", []).length === 0 && rankOf2(em, inp2(node2, 0)) === void 0 ? "it has no perm attribute and the rank of its input is not known when the graph is built" : void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const rank = rankOf2(em, inp2(node2, 0)) ?? attrInts(node2, "perm", []).length;
    const perm = attrInts(
      node2,
      "perm",
      Array.from({ length: rank }, (_, i) => rank - 1 - i)
    );
    const inverse = new Array(perm.length);
    perm.forEach((p, i) => {
      inverse[p] = i;
    });
    return [em.one("Transpose", [dY], { perm: inverse }, "grad_transpose")];
  }
};
var dropout = {
  differentiable: () => [0],
  forward(em, node2) {
    const ratio = hasInput2(node2, 1) ? inp2(node2, 1) : em.scalar(0.5);
    const mask = node2.output?.[1] || em.fresh("dropout_mask");
    em.push({ ...withoutAttrs(node2, []), input: [inp2(node2, 0), ratio, em.bool(true)], output: [out2(node2, 0), mask] });
    return { saved: { mask, ratio } };
  },
  backward(em, _node, [dY], _need, saved) {
    if (!dY) return [];
    const ratioName = saved.ratio;
    const known = em.floatsOf(ratioName);
    const scale = known && known.length === 1 ? em.scalar(1 / (1 - known[0])) : em.one("Div", [em.scalar(1), em.one("Sub", [em.scalar(1), em.one("Cast", [ratioName], { to: em.floatType })])]);
    const m = em.one("Cast", [saved.mask], { to: em.floatType }, "mask_float");
    return [em.one("Mul", [em.one("Mul", [dY, m]), scale], {}, "grad_dropout")];
  }
};
var concat = {
  check(node2, em) {
    const axis = attrInt(node2, "axis", 0);
    return axis < 0 && rankOf2(em, out2(node2, 0)) === void 0 ? "its axis is negative and the rank of its output is not known" : void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const rank = rankOf2(em, out2(node2, 0));
    const axis = rank !== void 0 ? normAxis(attrInt(node2, "axis", 0), rank) : attrInt(node2, "axis", 0);
    const inputs = node2.input ?? [];
    const sizes = inputs.map((x) => em.shapeOf(x)?.[axis]);
    const split2 = sizes.every((d) => typeof d === "number") ? em.ints(sizes) : em.one(
      "Concat",
      inputs.map((x) => em.one("Shape", [x], { start: axis, end: axis + 1 })),
      { axis: 0 },
      "split_sizes"
    );
    if (inputs.length === 1) return [dY];
    return em.op("Split", [dY, split2], { axis }, inputs.length, "grad_concat");
  }
};
function transposeGeometry(g, inSpatial, outSpatial) {
  const k = inSpatial.length;
  const pads = g.pads;
  const begin = pads.slice(0, k);
  const end = [];
  const outputPadding = [];
  for (let i = 0; i < k; i++) {
    const full = g.strides[i] * (outSpatial[i] - 1) + (g.kernel[i] - 1) * g.dilations[i] + 1;
    const diff = inSpatial[i] + begin[i] - full;
    if (diff >= 0) {
      outputPadding.push(diff);
      end.push(0);
    } else {
      outputPadding.push(0);
      end.push(-diff);
    }
  }
  return { pads: [...begin, ...end], outputPadding };
}
function staticSpatial(em, x) {
  const s = em.shapeOf(x);
  if (!s || s.length < 3) return void 0;
  const spatial = s.slice(2);
  return spatial.every((d) => typeof d === "number") ? { shape: s, spatial } : void 0;
}
var conv = {
  check(node2, em) {
    const x = staticSpatial(em, inp2(node2, 0));
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    const w = em.shapeOf(inp2(node2, 1));
    if (!isStatic(w)) return "the shape of its weight is not known when the graph is built";
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const w = inp2(node2, 1);
    const { spatial } = staticSpatial(em, x);
    const wShape = em.shapeOf(w);
    const g = windowGeometry(node2, spatial, wShape.slice(2));
    const ySpatial = windowOutput(spatial, g);
    const k = spatial.length;
    const group = attrInt(node2, "group", 1);
    let dX;
    let dW;
    let dB;
    const K = g.kernel.reduce((a, b) => a * b, 1);
    const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
    let dYm;
    const dYMatrix = () => dYm ??= em.reshapeTo(em.one("Transpose", [dY], { perm }, "dyT"), [wShape[0], -1]);
    if (need[0] && group === 1) {
      const pads = g.pads;
      const paddedSpatial = spatial.map((h, a) => h + pads[a] + pads[a + k]);
      const dcols = em.one("Gemm", [em.reshapeTo(w, [wShape[0], -1]), dYMatrix()], { transA: 1 }, "grad_conv_cols");
      const offsets = [[]];
      for (const size of g.kernel) {
        const next = [];
        for (const o of offsets) for (let j = 0; j < size; j++) next.push([...o, j]);
        offsets.splice(0, offsets.length, ...next);
      }
      let byOffset = em.reshapeTo(dcols, [wShape[1], K, -1, ...ySpatial]);
      let span = ySpatial;
      if (g.strides.some((v) => v !== 1)) {
        const inter = em.reshapeTo(byOffset, [wShape[1], K, -1, ...ySpatial.flatMap((y) => [y, 1])]);
        const endPads = [0, 0, 0, ...g.strides.flatMap((st) => [0, st - 1])];
        const spread = em.one(
          "Pad",
          [inter, em.ints([...new Array(3 + 2 * k).fill(0), ...endPads]), em.scalar(0)],
          {},
          "col2im_stride"
        );
        span = ySpatial.map((y, a) => (y - 1) * g.strides[a] + 1);
        byOffset = em.one(
          "Slice",
          [
            em.reshapeTo(spread, [wShape[1], K, -1, ...ySpatial.map((y, a) => y * g.strides[a])]),
            em.ints(new Array(k).fill(0)),
            em.ints(span),
            em.ints(Array.from({ length: k }, (_, i) => i + 3))
          ],
          {},
          "col2im_stride"
        );
      }
      const parts = K === 1 ? [byOffset] : em.op("Split", [byOffset], { axis: 1, ...em.opset >= 18 ? { num_outputs: K } : {} }, K, "col2im");
      const placed = parts.map((part, i) => {
        const begin = offsets[i].map((j, a) => j * g.dilations[a]);
        const end = begin.map((b, a) => paddedSpatial[a] - b - span[a]);
        if (begin.every((v) => v === 0) && end.every((v) => v === 0)) return part;
        return em.one("Pad", [part, em.ints([0, 0, 0, ...begin, 0, 0, 0, ...end]), em.scalar(0)], {}, "col2im");
      });
      const summed = placed.length === 1 ? placed[0] : em.one("Sum", placed, {}, "col2im_sum");
      const image = em.one("Transpose", [em.reshapeTo(summed, [wShape[1], -1, ...paddedSpatial])], { perm }, "dx_padded");
      dX = pads.some((v) => v !== 0) ? em.one(
        "Slice",
        [
          image,
          em.ints(pads.slice(0, k)),
          em.ints(spatial.map((h, a) => h + pads[a])),
          em.ints(Array.from({ length: k }, (_, i) => i + 2))
        ],
        {},
        "grad_conv_x"
      ) : image;
    } else if (need[0]) {
      const t = transposeGeometry(g, spatial, ySpatial);
      dX = em.one(
        "ConvTranspose",
        [dY, w],
        {
          ...group !== 1 ? { group } : {},
          kernel_shape: g.kernel,
          strides: g.strides,
          dilations: g.dilations,
          pads: t.pads,
          output_padding: t.outputPadding
        },
        "grad_conv_x"
      );
    }
    if (need[1] && group === 1) {
      const pads = g.pads;
      const padded = pads.some((v) => v !== 0) ? em.one("Pad", [x, em.ints([0, 0, ...pads.slice(0, k), 0, 0, ...pads.slice(k)]), em.scalar(0)], {}, "x_padded") : x;
      const xT = em.one("Transpose", [padded], { perm }, "xT");
      const axes = em.ints(Array.from({ length: k }, (_, i) => i + 2));
      const steps = em.ints(g.strides);
      const offsets = [[]];
      for (const size of g.kernel) {
        const next = [];
        for (const o of offsets) for (let j = 0; j < size; j++) next.push([...o, j]);
        offsets.splice(0, offsets.length, ...next);
      }
      const cols = offsets.map((o) => {
        const starts = o.map((j, a) => j * g.dilations[a]);
        const ends = starts.map((st, a) => st + (ySpatial[a] - 1) * g.strides[a] + 1);
        const sl = g.kernel.every((v) => v === 1) && g.strides.every((v) => v === 1) ? xT : em.one("Slice", [xT, em.ints(starts), em.ints(ends), axes, steps], {}, "im2col");
        return offsets.length === 1 ? sl : unsqueeze(em, sl, [1]);
      });
      const stacked = cols.length === 1 ? cols[0] : em.one("Concat", cols, { axis: 1 }, "im2col");
      const colMat = em.reshapeTo(stacked, [wShape[1] * offsets.length, -1]);
      dW = em.reshapeTo(em.one("Gemm", [dYMatrix(), colMat], { transB: 1 }, "grad_conv_w_gemm"), wShape);
    } else if (need[1]) {
      const perm2 = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
      let xT;
      if (group === 1) xT = em.one("Transpose", [x], { perm: perm2 }, "xT");
      else {
        const cPer = wShape[1];
        const split2 = em.one("Reshape", [x, em.ints([0, group, cPer, ...spatial])], {}, "x_groups");
        const moved = em.one("Transpose", [split2], { perm: [2, 1, 0, ...Array.from({ length: k }, (_, i) => i + 3)] });
        xT = em.one("Reshape", [moved, em.ints([cPer, -1, ...spatial])], {}, "xT");
      }
      const dYT = em.one("Transpose", [dY], { perm: perm2 }, "dyT");
      const pads = g.pads;
      let c = em.one(
        "Conv",
        [xT, dYT],
        { strides: g.dilations, dilations: g.strides, pads, kernel_shape: ySpatial, ...group !== 1 ? { group } : {} },
        "grad_conv_w"
      );
      const got = spatial.map(
        (h, i) => Math.floor((h + pads[i] + pads[i + k] - (ySpatial[i] - 1) * g.strides[i] - 1) / g.dilations[i]) + 1
      );
      if (got.some((v, i) => v !== g.kernel[i])) {
        const axes = Array.from({ length: k }, (_, i) => i + 2);
        c = em.one("Slice", [c, em.ints(new Array(k).fill(0)), em.ints(g.kernel), em.ints(axes)], {}, "slice_kernel");
      }
      dW = em.one("Transpose", [c], { perm: perm2 }, "grad_conv_w");
    }
    if (need[2] && hasInput2(node2, 2)) {
      dB = em.reduceSum(dY, [0, ...Array.from({ length: k }, (_, i) => i + 2)], false);
    }
    return [dX, dW, dB];
  }
};
var maxPool = {
  check(node2, em) {
    if (attrInt(node2, "storage_order", 0) !== 0) return "storage_order = 1 (column-major indices)";
    if (rankOf2(em, inp2(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
    return void 0;
  },
  forward(em, node2) {
    const indices = node2.output?.[1] || em.fresh("maxpool_indices");
    em.push({ ...node2, output: [out2(node2, 0), indices] });
    return { saved: { indices } };
  },
  backward(em, node2, [dY], _need, saved) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const xShape = em.shapeOf(x);
    const total = isStatic(xShape) ? em.ints([xShape.reduce((a, b) => a * b, 1)]) : em.one("Reshape", [em.one("Size", [x]), em.ints([1])]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros2 = em.one("ConstantOfShape", [total], { value: { t: rawTensor("value", [1], em.floatType, data) } }, "zeros");
    const flat = em.one(
      "ScatterElements",
      [zeros2, em.one("Reshape", [saved.indices, em.ints([-1])]), em.one("Reshape", [dY, em.ints([-1])])],
      { axis: 0, reduction: "add" },
      "grad_maxpool_flat"
    );
    return [em.reshapeLike(flat, x)];
  }
};
function poolDivisors1d(h, outLen, k, s, d, pb, pe, includePad) {
  const res = [];
  for (let o = 0; o < outLen; o++) {
    const start = o * s - pb;
    if (includePad) {
      const end = Math.min(start + (k - 1) * d + 1, h + pe);
      res.push(d === 1 ? end - start : Math.floor((end - start - 1) / d) + 1);
    } else {
      let c = 0;
      for (let j = 0; j < k; j++) {
        const p = start + j * d;
        if (p >= 0 && p < h) c++;
      }
      res.push(c);
    }
  }
  return res;
}
var averagePool = {
  check(node2, em) {
    const x = staticSpatial(em, inp2(node2, 0));
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    if (typeof x.shape[1] !== "number") return "its channel count is not known when the graph is built";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const { shape, spatial } = staticSpatial(em, x);
    const channels = shape[1];
    const g = windowGeometry(node2, spatial);
    const ySpatial = windowOutput(spatial, g);
    const k = spatial.length;
    const includePad = attrInt(node2, "count_include_pad", 0) === 1;
    const pads = g.pads;
    const per = spatial.map(
      (h, i) => poolDivisors1d(h, ySpatial[i], g.kernel[i], g.strides[i], g.dilations[i], pads[i], pads[i + k], includePad)
    );
    let divisors = [1];
    for (const axis of per) divisors = divisors.flatMap((a) => axis.map((b) => a * b));
    const uniform = divisors.every((v) => v === divisors[0]);
    const kernelSize = g.kernel.reduce((a, b) => a * b, 1);
    const weight = em.floatConst(
      [channels, 1, ...g.kernel],
      new Array(channels * kernelSize).fill(uniform ? 1 / divisors[0] : 1)
    );
    const scaled = uniform ? dY : em.one("Mul", [
      dY,
      em.floatConst(
        ySpatial,
        divisors.map((v) => 1 / v)
      )
    ]);
    const t = transposeGeometry(g, spatial, ySpatial);
    return [
      em.one(
        "ConvTranspose",
        [scaled, weight],
        {
          group: channels,
          kernel_shape: g.kernel,
          strides: g.strides,
          dilations: g.dilations,
          pads: t.pads,
          output_padding: t.outputPadding
        },
        "grad_avgpool"
      )
    ];
  }
};
var globalAveragePool = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const s = em.shapeOf(x);
    const spatial = s?.slice(2);
    const count = spatial && spatial.every((d) => typeof d === "number") ? em.scalar(spatial.reduce((a, b) => a * b, 1)) : em.one("Div", [em.floatSize(x, s), em.floatSize(out2(node2, 0), em.shapeOf(out2(node2, 0)))], {}, "pool_count");
    const shape = isStatic(s) ? em.ints(s) : em.shapeTensor(x);
    return [em.one("Expand", [em.one("Div", [dY, count]), shape], {}, "grad_global_avgpool")];
  }
};
var batchNorm = {
  differentiable: () => [0, 1, 2],
  check(node2, em) {
    if (rankOf2(em, inp2(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
    if ((node2.output ?? []).slice(1).some(Boolean))
      return "it has outputs besides Y (running or saved statistics); export the model in inference mode";
    if (attrInt(node2, "spatial", 1) !== 1) return "spatial = 0 (per-activation statistics, opset < 9)";
    return void 0;
  },
  forward(em, node2) {
    const x = inp2(node2, 0);
    const rank = rankOf2(em, x);
    const xShape = em.shapeOf(x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const eps = attrFloat(node2, "epsilon", 1e-5);
    const momentum = attrFloat(node2, "momentum", 0.9);
    const paramShape = [-1, ...new Array(rank - 2).fill(1)];
    const asParam = (p) => rank > 2 ? em.one("Reshape", [p, em.ints(paramShape)], {}, "bn_param") : p;
    const mu = em.reduceMean(x, axes, true);
    const xc = em.one("Sub", [x, mu], {}, "bn_centered");
    const variance = em.reduceMean(em.one("Mul", [xc, xc]), axes, true);
    const invStd = em.one("Reciprocal", [em.one("Sqrt", [em.one("Add", [variance, em.scalar(eps)])])], {}, "bn_inv_std");
    const xhat = em.one("Mul", [xc, invStd], {}, "bn_xhat");
    const gamma = asParam(inp2(node2, 1));
    em.to(out2(node2, 0), "Add", [em.one("Mul", [xhat, gamma]), asParam(inp2(node2, 2))]);
    for (const t of [xc, xhat]) em.setShape(t, xShape);
    const statShape = xShape.map((d, i) => axes.includes(i) ? 1 : d);
    for (const t of [mu, variance, invStd]) em.setShape(t, statShape);
    const updates = {};
    const flat = (t) => em.one("Reshape", [t, em.ints([-1])]);
    for (const [slot, stat2] of [
      [3, mu],
      [4, variance]
    ]) {
      const running = inp2(node2, slot);
      if (!running) continue;
      updates[running] = em.one(
        "Add",
        [em.one("Mul", [running, em.scalar(momentum)]), em.one("Mul", [flat(stat2), em.scalar(1 - momentum)])],
        {},
        "bn_running"
      );
    }
    return { saved: { xhat, invStd, gamma }, stateUpdates: updates };
  },
  backward(em, node2, [dY], need, saved) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const rank = rankOf2(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const xhat = saved.xhat;
    const sumDy = em.reduceSum(dY, axes, true);
    const dyXhat = em.one("Mul", [dY, xhat]);
    const sumDyXhat = em.reduceSum(dyXhat, axes, true);
    const flat = (t) => em.one("Reshape", [t, em.ints([-1])]);
    let dX;
    if (need[0]) {
      const xShape = em.shapeOf(x);
      const statShape = xShape?.map((d, i) => axes.includes(i) ? 1 : d);
      const invCount = em.one("Div", [em.floatSize(sumDy, statShape), em.floatSize(x, xShape)], {}, "bn_inv_count");
      const centered = em.one("Sub", [
        em.one("Sub", [dY, em.one("Mul", [sumDy, invCount])]),
        em.one("Mul", [xhat, em.one("Mul", [sumDyXhat, invCount])])
      ]);
      dX = em.one("Mul", [centered, em.one("Mul", [saved.gamma, saved.invStd])], {}, "grad_bn_x");
    }
    return [dX, need[1] ? flat(sumDyXhat) : void 0, need[2] ? flat(sumDy) : void 0];
  }
};
function reduceAxes(node2, em) {
  if (hasInput2(node2, 1)) return em.intsOf(inp2(node2, 1)) ?? "dynamic";
  const a = attrInts(node2, "axes", []);
  if (a.length) return a;
  return attrInt(node2, "noop_with_empty_axes", 0) ? [] : void 0;
}
function reduceRule(mean2) {
  return {
    differentiable: () => [0],
    check(node2, em) {
      const axes = reduceAxes(node2, em);
      if (axes === "dynamic") return "its axes are computed at run time (the gradient needs them when the graph is built)";
      if (rankOf2(em, inp2(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
      return void 0;
    },
    backward(em, node2, [dY]) {
      if (!dY) return [];
      const x = inp2(node2, 0);
      const rank = rankOf2(em, x);
      const given = reduceAxes(node2, em);
      const axes = (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank));
      let g = attrInt(node2, "keepdims", 1) || axes.length === 0 ? dY : unsqueeze(
        em,
        dY,
        [...axes].sort((a, b) => a - b)
      );
      if (mean2) {
        const xs2 = em.shapeOf(x);
        const reduced = axes.map((a) => xs2[a]);
        const count = reduced.every((d) => typeof d === "number") ? em.scalar(reduced.reduce((a, b) => a * b, 1)) : em.one("Div", [em.floatSize(x, xs2), em.floatSize(out2(node2, 0), em.shapeOf(out2(node2, 0)))], {}, "reduce_count");
        g = em.one("Div", [g, count]);
      }
      const xs = em.shapeOf(x);
      return [
        em.one("Expand", [g, isStatic(xs) ? em.ints(xs) : em.shapeTensor(x)], {}, mean2 ? "grad_reduce_mean" : "grad_reduce_sum")
      ];
    }
  };
}
var NO_GRADIENT_OPS = /* @__PURE__ */ new Set([
  "Shape",
  "Size",
  "NonZero",
  "ArgMax",
  "ArgMin",
  "Equal",
  "Greater",
  "Less",
  "GreaterOrEqual",
  "LessOrEqual",
  "Not",
  "And",
  "Or",
  "Xor",
  "IsNaN",
  "IsInf",
  "Sign",
  "Floor",
  "Ceil",
  "Round",
  "Range",
  "ConstantOfShape",
  "EyeLike",
  "RandomNormal",
  "RandomUniform",
  "RandomNormalLike",
  "RandomUniformLike",
  "Bernoulli",
  "Multinomial",
  "Constant"
]);
var GRAD_RULES = {
  Gemm: gemm,
  MatMul: matmul,
  Add: add,
  Sub: sub,
  Mul: mul,
  Div: div,
  Relu: relu,
  LeakyRelu: leakyRelu,
  Sigmoid: sigmoid,
  Tanh: tanh,
  Softmax: softmax,
  LogSoftmax: logSoftmax,
  Reshape: reshapeLike,
  Flatten: reshapeLike,
  Squeeze: reshapeLike,
  Unsqueeze: reshapeLike,
  Transpose: transpose,
  Identity: identity,
  Cast: cast,
  Neg: neg,
  Dropout: dropout,
  Concat: concat,
  Conv: conv,
  MaxPool: maxPool,
  AveragePool: averagePool,
  GlobalAveragePool: globalAveragePool,
  BatchNormalization: batchNorm,
  ReduceSum: reduceRule(false),
  ReduceMean: reduceRule(true),
  ...MORE_GRAD_RULES
};
function supportedOps() {
  return Object.keys(GRAD_RULES).sort();
}
function describeNode(node2) {
  return node2.name ? `"${node2.name}"` : `(unnamed, output "${out2(node2, 0)}")`;
}

// src/train/opset.ts
var MIN_SOURCE_OPSET = 7;
function upgradeNode(em, node2, from, rankOf3) {
  if (node2.domain && node2.domain !== "ai.onnx") return [node2];
  const op = node2.opType ?? "";
  const x = node2.input?.[0] ?? "";
  const y = node2.output?.[0] ?? "";
  if ((op === "Softmax" || op === "LogSoftmax" || op === "Hardmax") && from < 13) {
    const axis = attrInt(node2, "axis", 1);
    const rank = rankOf3(x);
    if (axis === -1 || rank !== void 0 && normAxis(axis, rank) === rank - 1) {
      return [
        {
          ...withoutAttrs(node2, ["axis"]),
          attribute: [...withoutAttrs(node2, ["axis"]).attribute ?? [], { name: "axis", type: 2, i: -1 }]
        }
      ];
    }
    if (rank === void 0) return `${op} (opset ${from}) with axis ${axis} on an input of unknown rank`;
    const flat = em.fresh("flat");
    const normed = em.fresh("normed");
    const shape = em.fresh("shape");
    return [
      em.detached("Shape", [x], [shape]),
      em.detached("Flatten", [x], [flat], { axis: normAxis(axis, rank) }),
      em.detached(op, [flat], [normed], { axis: 1 }),
      em.detached("Reshape", [normed, shape], [y])
    ];
  }
  if (op === "Dropout" && from < 12) {
    const ratio = em.scalar(attrFloat(node2, "ratio", 0.5));
    em.setFloats(ratio, [attrFloat(node2, "ratio", 0.5)]);
    return [{ ...withoutAttrs(node2, ["ratio", "is_test"]), input: [x, ratio] }];
  }
  if ((op === "Squeeze" || op === "Unsqueeze" || op === "ReduceSum") && from < 13) {
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    const stripped = withoutAttrs(node2, ["axes"]);
    return [{ ...stripped, input: axes ? [x, em.ints(axes)] : [x] }];
  }
  if (op === "Split" && from < 13) {
    const split2 = findAttr(node2, "split") ? attrInts(node2, "split", []) : void 0;
    return [{ ...withoutAttrs(node2, ["split"]), input: split2 ? [x, em.ints(split2)] : [x] }];
  }
  if (op === "Clip" && from < 11) {
    const min = findAttr(node2, "min") ? em.scalar(attrFloat(node2, "min", 0)) : "";
    const max = findAttr(node2, "max") ? em.scalar(attrFloat(node2, "max", 0)) : "";
    return [{ ...withoutAttrs(node2, ["min", "max"]), input: [x, min, max] }];
  }
  if (op === "Pad" && from < 11) {
    const pads = attrInts(node2, "pads", []);
    const value = attrFloat(node2, "value", 0);
    return [{ ...withoutAttrs(node2, ["pads", "value"]), input: [x, em.ints(pads), em.scalar(value)] }];
  }
  if (op === "Slice" && from < 10) {
    const starts = attrInts(node2, "starts", []);
    const ends = attrInts(node2, "ends", []);
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    return [
      {
        ...withoutAttrs(node2, ["starts", "ends", "axes"]),
        input: [x, em.ints(starts), em.ints(ends), ...axes ? [em.ints(axes)] : []]
      }
    ];
  }
  return [node2];
}

// src/train/recurrent.ts
var RECURRENT_OPS = /* @__PURE__ */ new Set(["LSTM", "GRU", "RNN"]);
var GATES = { LSTM: 4, GRU: 3, RNN: 1 };
var DEFAULT_ACTIVATIONS = {
  LSTM: ["Sigmoid", "Tanh", "Tanh"],
  GRU: ["Sigmoid", "Tanh"],
  RNN: ["Tanh"]
};
var ACTIVATIONS = { sigmoid: "Sigmoid", tanh: "Tanh", relu: "Relu" };
function expandRecurrent(em, node2) {
  const kind = node2.opType ?? "";
  const gates = GATES[kind];
  if (!gates) return `${kind} is not a recurrent op`;
  const input = (i) => node2.input?.[i] ?? "";
  const layout = attrInt(node2, "layout", 0);
  const direction = attrString(node2, "direction", "forward");
  if (!["forward", "reverse", "bidirectional"].includes(direction)) return `direction "${direction}" is not an ONNX direction`;
  const dirs = direction === "bidirectional" ? 2 : 1;
  if (findAttr(node2, "clip")) return `clip ${attrFloat(node2, "clip", 0)} is not supported (export without clipping)`;
  if (attrInt(node2, "input_forget", 0) !== 0) return "input_forget = 1 is not supported";
  if (input(4))
    return "a sequence_lens input is not supported (per-example lengths are run-time values); export with equal lengths";
  const actAttr = findAttr(node2, "activations");
  const actNames = actAttr?.strings?.length ? actAttr.strings.map((s) => typeof s === "string" ? s : new TextDecoder().decode(s)) : [];
  const perDir = DEFAULT_ACTIVATIONS[kind].length;
  const acts = [];
  for (let d = 0; d < dirs; d++) {
    const names = actNames.length ? actNames.slice(d * perDir, (d + 1) * perDir) : DEFAULT_ACTIVATIONS[kind];
    const mapped = names.map((n) => ACTIVATIONS[n.toLowerCase()]);
    if (names.length !== perDir || mapped.some((m) => !m))
      return `activations ${names.join(", ")} are not supported (Sigmoid, Tanh and Relu are)`;
    acts.push(mapped);
  }
  if (findAttr(node2, "activation_alpha") || findAttr(node2, "activation_beta"))
    return "activation_alpha / activation_beta are not supported";
  const x = input(0);
  const xShape = em.shapeOf(x);
  const seq = xShape?.[layout ? 1 : 0];
  if (typeof seq !== "number") return "the sequence length is not known when the graph is built";
  const rShape = em.shapeOf(input(2));
  const hidden = attrInt(node2, "hidden_size", typeof rShape?.[2] === "number" ? rShape[2] : 0);
  if (!hidden) return "hidden_size is not known";
  const linearBeforeReset = attrInt(node2, "linear_before_reset", 0) !== 0;
  const nodes = [];
  const op = (type, inputs, attrs = {}) => {
    const o = em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`);
    nodes.push(em.detached(type, inputs, [o], attrs));
    return o;
  };
  const opN = (type, inputs, n, attrs = {}) => {
    const outs = Array.from({ length: n }, () => em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`));
    nodes.push(em.detached(type, inputs, outs, attrs));
    return outs;
  };
  const slice2 = (t, start, end, axis) => op("Slice", [t, em.ints([start]), em.ints([end]), em.ints([axis])]);
  const split2 = (t, sizes, axis) => sizes.length === 1 ? [t] : opN("Split", [t, em.ints(sizes)], sizes.length, { axis });
  const pick = (t, d) => op("Squeeze", [dirs === 1 ? t : slice2(t, d, d + 1, 0), em.ints([0])]);
  const act = (name, t) => op(name, [t]);
  const xs = layout ? op("Transpose", [x], { perm: [1, 0, 2] }) : x;
  let zeros2;
  const zeroState = () => {
    if (zeros2) return zeros2;
    const batch = xShape?.[layout ? 0 : 1];
    const shape = typeof batch === "number" ? em.ints([batch, hidden]) : op("Concat", [slice2(op("Shape", [x]), layout ? 0 : 1, layout ? 1 : 2, 0), em.ints([hidden])], { axis: 0 });
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const o = em.fresh(`${kind.toLowerCase()}_zeros`);
    nodes.push({
      ...em.detached("ConstantOfShape", [shape], [o]),
      attribute: [{ name: "value", type: 4, t: rawTensor("value", [1], em.floatType, data) }]
    });
    zeros2 = o;
    return o;
  };
  const ys = [];
  const lastH = [];
  const lastC = [];
  const gh = gates * hidden;
  const h4 = (n) => Array.from({ length: n }, () => hidden);
  for (let d = 0; d < dirs; d++) {
    const [f, g, hAct] = acts[d];
    let xw = op("MatMul", [xs, op("Transpose", [pick(input(1), d)], { perm: [1, 0] })]);
    const rT = op("Transpose", [pick(input(2), d)], { perm: [1, 0] });
    let rb;
    if (input(3)) {
      const b = pick(input(3), d);
      const wb = slice2(b, 0, gh, 0);
      rb = slice2(b, gh, 2 * gh, 0);
      xw = op("Add", [xw, kind === "GRU" && linearBeforeReset ? wb : op("Add", [wb, rb])]);
    }
    const steps = seq === 1 ? [xw] : split2(
      xw,
      Array.from({ length: seq }, () => 1),
      0
    );
    const xt = steps.map((s) => op("Squeeze", [s, em.ints([0])]));
    let h = input(5) ? pick(input(5), d) : zeroState();
    let c = kind === "LSTM" ? input(6) ? pick(input(6), d) : zeroState() : "";
    let peep;
    if (kind === "LSTM" && input(7)) peep = split2(pick(input(7), d), h4(3), 0);
    let rzrT = "";
    let rhT = "";
    if (kind === "GRU" && !linearBeforeReset) {
      rzrT = slice2(rT, 0, 2 * hidden, 1);
      rhT = slice2(rT, 2 * hidden, 3 * hidden, 1);
    }
    const reverse = direction === "reverse" || d === 1;
    const hs = new Array(seq);
    for (let k = 0; k < seq; k++) {
      const t = reverse ? seq - 1 - k : k;
      if (kind === "LSTM") {
        const [gi0, go0, gf0, gc] = split2(op("Add", [xt[t], op("MatMul", [h, rT])]), h4(4), 1);
        let gi = gi0;
        let gf = gf0;
        let go = go0;
        if (peep) {
          gi = op("Add", [gi, op("Mul", [peep[0], c])]);
          gf = op("Add", [gf, op("Mul", [peep[2], c])]);
        }
        const ig = act(f, gi);
        const fg = act(f, gf);
        const cc = act(g, gc);
        c = op("Add", [op("Mul", [fg, c]), op("Mul", [ig, cc])]);
        if (peep) go = op("Add", [go, op("Mul", [peep[1], c])]);
        h = op("Mul", [act(f, go), act(hAct, c)]);
      } else if (kind === "GRU") {
        const [xz, xr, xh] = split2(xt[t], h4(3), 1);
        let z;
        let candidate;
        if (linearBeforeReset) {
          let hr = op("MatMul", [h, rT]);
          if (rb) hr = op("Add", [hr, rb]);
          const [rz, rr, rh] = split2(hr, h4(3), 1);
          z = act(f, op("Add", [xz, rz]));
          const r = act(f, op("Add", [xr, rr]));
          candidate = act(g, op("Add", [xh, op("Mul", [r, rh])]));
        } else {
          const [rz, rr] = split2(op("MatMul", [h, rzrT]), h4(2), 1);
          z = act(f, op("Add", [xz, rz]));
          const r = act(f, op("Add", [xr, rr]));
          candidate = act(g, op("Add", [xh, op("MatMul", [op("Mul", [r, h]), rhT])]));
        }
        h = op("Add", [candidate, op("Mul", [z, op("Sub", [h, candidate])])]);
      } else {
        h = act(f, op("Add", [xt[t], op("MatMul", [h, rT])]));
      }
      hs[t] = h;
    }
    const framed = hs.map((ht) => op("Unsqueeze", [ht, em.ints([0, 1])]));
    ys.push(seq === 1 ? framed[0] : op("Concat", framed, { axis: 0 }));
    lastH.push(op("Unsqueeze", [h, em.ints([0])]));
    if (kind === "LSTM") lastC.push(op("Unsqueeze", [c, em.ints([0])]));
  }
  const join8 = (parts, axis) => parts.length === 1 ? parts[0] : op("Concat", parts, { axis });
  const results = [join8(ys, 1), join8(lastH, 0), kind === "LSTM" ? join8(lastC, 0) : ""];
  const perms = [
    [2, 0, 1, 3],
    [1, 0, 2],
    [1, 0, 2]
  ];
  (node2.output ?? []).forEach((name, i) => {
    if (!name || !results[i]) return;
    nodes.push(
      layout ? em.detached("Transpose", [results[i]], [name], { perm: perms[i] }) : em.detached("Identity", [results[i]], [name])
    );
  });
  return nodes;
}

// src/train/tensor-data.ts
function sizeOf(dims) {
  return dims.reduce((a, b) => a * b, 1);
}
function copyBytes(raw) {
  const out3 = new ArrayBuffer(raw.byteLength);
  new Uint8Array(out3).set(raw);
  return out3;
}
function readTensor(t) {
  const dims = (t.dims ?? []).map(Number);
  const n = sizeOf(dims);
  const raw = t.rawData && t.rawData.byteLength > 0 ? copyBytes(t.rawData) : void 0;
  if (t.dataLocation === 1 && !raw) {
    throw new InputError(
      "MODEL_INVALID",
      `Initializer "${t.name}" keeps its values in an external data file that was not loaded; load the model with its external data (the .onnx file's folder must contain the data file) before building a training step.`
    );
  }
  switch (t.dataType) {
    case DataType.FLOAT:
      return {
        dtype: "float32",
        dims,
        data: raw ? new Float32Array(raw) : Float32Array.from(t.floatData ?? new Array(n).fill(0))
      };
    case DataType.DOUBLE:
      return {
        dtype: "float64",
        dims,
        data: raw ? new Float64Array(raw) : Float64Array.from(t.doubleData ?? new Array(n).fill(0))
      };
    case DataType.INT64:
      return {
        dtype: "int64",
        dims,
        data: raw ? new BigInt64Array(raw) : BigInt64Array.from((t.int64Data ?? []).map((v) => BigInt(v)))
      };
    case DataType.INT32:
      return { dtype: "int32", dims, data: raw ? new Int32Array(raw) : Int32Array.from(t.int32Data ?? []) };
    case DataType.BOOL:
      return { dtype: "bool", dims, data: raw ? new Uint8Array(raw) : Uint8Array.from(t.int32Data ?? []) };
    default:
      throw new InputError(
        "MODEL_INVALID",
        `Initializer "${t.name}" has ONNX element type ${t.dataType}; the training step reads float32, float64, int64, int32 and bool initializers. Convert the model's weights to float32 (e.g. onnxconverter-common's float16 \u2192 float32 conversion) before training.`
      );
  }
}
function readInts(t) {
  const d = readTensor(t);
  if (d.dtype !== "int64" && d.dtype !== "int32") return [];
  return Array.from(d.data, (v) => Number(v));
}
function zeros(dtype, dims) {
  const n = sizeOf(dims);
  return { dtype, dims, data: dtype === "float32" ? new Float32Array(n) : new Float64Array(n) };
}

// src/train/autodiff.ts
var TRAINING_OPSET = 17;
var MAX_SOURCE_OPSET = 23;
var WEIGHT_SLOTS = {
  Conv: [1, 2],
  ConvTranspose: [1, 2],
  Gemm: [0, 1, 2],
  MatMul: [0, 1],
  BatchNormalization: [1, 2, 3, 4],
  LayerNormalization: [1, 2],
  InstanceNormalization: [1, 2],
  PRelu: [1]
};
var LINEAR_OPS = /* @__PURE__ */ new Set(["Conv", "ConvTranspose", "Gemm", "MatMul"]);
function constantWeights(nodes) {
  const producer = /* @__PURE__ */ new Map();
  for (const n of nodes) for (const o of n.output ?? []) if (o) producer.set(o, n);
  const weightLike = /* @__PURE__ */ new Set();
  for (const n of nodes) {
    if (!isDefaultDomain(n)) continue;
    const op = n.opType ?? "";
    const ins = n.input ?? [];
    for (const i of WEIGHT_SLOTS[op] ?? []) if (ins[i]) weightLike.add(ins[i]);
    if ((op === "Add" || op === "Mul") && ins.length === 2) {
      ins.forEach((x, i) => {
        const other = producer.get(ins[1 - i]);
        if (other && LINEAR_OPS.has(other.opType ?? "")) weightLike.add(x);
      });
    }
  }
  const out3 = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    const name = n.output?.[0];
    if (n.opType !== "Constant" || !isDefaultDomain(n) || !name || !weightLike.has(name)) continue;
    const value = (n.attribute ?? []).find((a) => a.name === "value")?.t;
    if (value && (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)) out3.set(name, value);
  }
  return out3;
}
function modelLabel(proto) {
  return proto.graph?.name ? `model graph "${proto.graph.name}"` : "the model";
}
function sortNodes(nodes, available) {
  const produced = new Set(available);
  const pending = [...nodes];
  const sorted = [];
  while (pending.length) {
    const i = pending.findIndex((n2) => (n2.input ?? []).every((x) => !x || produced.has(x)));
    if (i < 0) {
      sorted.push(...pending);
      break;
    }
    const [n] = pending.splice(i, 1);
    sorted.push(n);
    for (const o of n.output ?? []) if (o) produced.add(o);
  }
  return sorted;
}
function prepareGraph(proto, opts = {}) {
  const graph = proto.graph;
  if (!graph)
    throw new InputError(
      "MODEL_INVALID",
      "The model has no graph; a training step needs an inference model with a graph. Re-export the model."
    );
  const defaultOpset = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx");
  const sourceOpset = Number(defaultOpset?.version ?? 0);
  if (sourceOpset < MIN_SOURCE_OPSET || sourceOpset > MAX_SOURCE_OPSET) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)} imports default-domain opset ${sourceOpset || "(none)"}; the training step handles opsets ${MIN_SOURCE_OPSET}\u2013${MAX_SOURCE_OPSET}. Re-export the model with opset 13 or newer, e.g. torch.onnx.export(..., opset_version=17).`
    );
  }
  const opset = Math.max(TRAINING_OPSET, sourceOpset);
  const initializers = /* @__PURE__ */ new Map();
  for (const t of graph.initializer ?? []) if (t.name) initializers.set(t.name, t);
  const weightConstants = constantWeights(graph.node ?? []);
  for (const [name, t] of weightConstants) initializers.set(name, { ...t, name });
  const graphNodes = (graph.node ?? []).filter((n) => !(n.opType === "Constant" && weightConstants.has(n.output?.[0] ?? "")));
  const inputs = (graph.input ?? []).filter((v) => v.name && !initializers.has(v.name));
  const outputs = graph.output ?? [];
  const declared = outputs[0]?.type?.tensorType?.elemType || void 0;
  const firstOut = declared ?? [...initializers.values()].find((t) => t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE)?.dataType;
  const floatType = firstOut === DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
  if (firstOut !== void 0 && firstOut !== DataType.FLOAT && firstOut !== DataType.DOUBLE) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)}: output "${outputs[0]?.name}" has ONNX element type ${firstOut}; the training step computes in float32 or float64. Convert the model to float32 before training.`
    );
  }
  const taken = /* @__PURE__ */ new Set();
  for (const n of graphNodes) {
    for (const x of [...n.input ?? [], ...n.output ?? []]) if (x) taken.add(x);
    if (n.name) taken.add(n.name);
  }
  for (const name of initializers.keys()) taken.add(name);
  for (const v of [...inputs, ...outputs]) if (v.name) taken.add(v.name);
  const em = new GraphEmitter(floatType, opset, taken);
  for (const [name, t] of initializers) {
    em.setShape(name, (t.dims ?? []).map(Number));
    if (t.dataType === DataType.INT64 || t.dataType === DataType.INT32) em.setInts(name, readInts(t));
    else if ((t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) && (t.dims ?? []).reduce((a, b) => a * Number(b), 1) <= 4) {
      em.setFloats(name, Array.from(readTensor(t).data, Number));
    }
  }
  for (const v of inputs) {
    const name = v.name;
    const given = opts.batchShapes?.[name];
    const dims = v.type?.tensorType?.shape?.dim;
    const shape = given ? [...given] : dims ? dims.map(
      (d) => d.dimValue !== void 0 && d.dimValue !== null && Number(d.dimValue) > 0 ? Number(d.dimValue) : d.dimParam ? opts.dims?.[d.dimParam] ?? d.dimParam : unknownDim()
    ) : void 0;
    em.setShape(name, shape);
  }
  const sorted = sortNodes(graphNodes, /* @__PURE__ */ new Set([...initializers.keys(), ...inputs.map((v) => v.name)]));
  const nodes = [];
  const problems = [];
  const recurrentReasons = /* @__PURE__ */ new Map();
  for (const original of sorted) {
    const upgraded = sourceOpset < 13 ? upgradeNode(em, original, sourceOpset, (n) => em.shapeOf(n)?.length) : [original];
    if (typeof upgraded === "string") {
      problems.push(`${describeNode(original)}: ${upgraded}`);
      continue;
    }
    const expanded = [];
    for (const n of upgraded) {
      const unrolled = RECURRENT_OPS.has(n.opType ?? "") && isDefaultDomain(n) ? expandRecurrent(em, n) : [n];
      if (typeof unrolled === "string") {
        recurrentReasons.set(n, unrolled);
        expanded.push(n);
      } else expanded.push(...unrolled);
    }
    for (const n of expanded) {
      nodes.push(n);
      if (n.opType === "Constant" && (!n.domain || n.domain === "ai.onnx")) {
        const value = (n.attribute ?? []).find((a) => a.name === "value")?.t;
        if (value) {
          em.setShape(n.output?.[0] ?? "", (value.dims ?? []).map(Number));
          if (value.dataType === DataType.INT64 || value.dataType === DataType.INT32)
            em.setInts(n.output?.[0] ?? "", readInts(value));
          else if (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)
            em.setFloats(n.output?.[0] ?? "", Array.from(readTensor(value).data, Number));
        }
        continue;
      }
      const shapes = inferNode(
        n,
        (x) => em.shapeOf(x),
        (x) => em.intsOf(x)
      );
      (n.output ?? []).forEach((o, i) => {
        if (!o) return;
        const known = opts.knownShapes?.get(o);
        const inferred = shapes[i];
        em.setShape(o, known && !isStatic(inferred) && (!inferred || inferred.length === known.length) ? [...known] : inferred);
      });
    }
  }
  if (problems.length) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)} (opset ${sourceOpset}) has nodes that cannot be brought to opset ${opset} for training:
  ${problems.join("\n  ")}
Re-export the model with opset 13 or newer.`
    );
  }
  return {
    weightConstants: [...weightConstants.keys()],
    sourceOpset,
    opset,
    floatType,
    em,
    nodes,
    initializers,
    inputs,
    outputs,
    otherOpsets: (proto.opsetImport ?? []).filter((o) => o.domain && o.domain !== "ai.onnx"),
    irVersion: Math.max(Number(proto.irVersion ?? 8), 8),
    graphName: graph.name ?? "model",
    recurrentReasons
  };
}
function differentiableSlots(node2) {
  const rule = GRAD_RULES[node2.opType ?? ""];
  const all = (node2.input ?? []).map((_, i) => i);
  return rule?.differentiable ? rule.differentiable(node2) : all;
}
function isDefaultDomain(node2) {
  return !node2.domain || node2.domain === "ai.onnx";
}
var RECURRENT_HINT = "LSTM/GRU/RNN train unrolled over a sequence length known when the step is built, with Sigmoid/Tanh/Relu activations, no clip and no sequence_lens; otherwise export the recurrence unrolled into standard ops, e.g. trace a Python loop over nn.LSTMCell/nn.GRUCell steps for a fixed sequence length";
var OP_HINTS = {
  Loop: "control flow is not differentiated; unroll the loop when exporting",
  Scan: "control flow is not differentiated; unroll the scan when exporting",
  If: "control flow is not differentiated; export one branch (trace with fixed conditions)"
};
var TRAINING_MODE_OPS = /* @__PURE__ */ new Set(["Dropout", "BatchNormalization"]);
var Differentiator = class {
  /**
   * @param prep the prepared graph
   * @param wrt tensors to differentiate with respect to (initializers or inputs)
   * @param targets tensors whose gradients will be seeded (the loss's inputs)
   */
  constructor(prep, wrt, targets) {
    this.prep = prep;
    const nodes = prep.nodes;
    for (const w of wrt) this.requires.add(w);
    for (const n of nodes) {
      if (!isDefaultDomain(n) || !NO_GRADIENT_OPS.has(n.opType ?? "")) {
        const slots = differentiableSlots(n);
        if (slots.some((i) => this.requires.has(n.input?.[i] ?? ""))) {
          const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
          const outs = rule && !rule.multiOutput ? [n.output?.[0] ?? ""] : n.output ?? [];
          for (const o of outs) if (o) this.requires.add(o);
        }
      }
    }
    for (const t of targets) this.useful.add(t);
    this.onPath = new Array(nodes.length).fill(false);
    for (let k = nodes.length - 1; k >= 0; k--) {
      const n = nodes[k];
      if (!(n.output ?? []).some((o) => o && this.useful.has(o) && this.requires.has(o))) continue;
      const slots = differentiableSlots(n).filter((i) => this.requires.has(n.input?.[i] ?? ""));
      if (!slots.length) continue;
      this.onPath[k] = true;
      for (const i of slots) this.useful.add(n.input?.[i] ?? "");
    }
    this.trainable = wrt.filter((w) => this.useful.has(w));
    const unsupported = [];
    nodes.forEach((n, k) => {
      if (!this.onPath[k]) return;
      const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
      const op = `${n.domain && n.domain !== "ai.onnx" ? `${n.domain}.` : ""}${n.opType}`;
      const notUnrolled = prep.recurrentReasons.get(n);
      if (notUnrolled)
        unsupported.push(`${op} node ${describeNode(n)}: cannot be unrolled for training: ${notUnrolled} (${RECURRENT_HINT})`);
      else if (!rule)
        unsupported.push(
          `${op} node ${describeNode(n)}: no gradient for this op type${OP_HINTS[op] ? ` (${OP_HINTS[op]})` : ""}`
        );
      else {
        const why2 = rule.check?.(n, prep.em);
        if (why2) unsupported.push(`${op} node ${describeNode(n)}: ${why2}`);
      }
    });
    if (unsupported.length) {
      throw new InputError(
        "UNSUPPORTED_OP",
        `Cannot build a training step for ${prep.graphName}: ${unsupported.length === 1 ? "one node" : `${unsupported.length} nodes`} between the trainable parameters and the loss cannot be differentiated:
  ${unsupported.join("\n  ")}
What you can do: freeze the parameters before these nodes (training.freeze: list their initializer names, so no gradient has to pass through them); replace the op with supported ones when exporting; or bring your own training-step model (training.step-model with its feedback mapping). Ops with gradients: ${supportedOps().join(", ")}.`
      );
    }
  }
  prep;
  /** The `wrt` tensors the targets depend on, in the order given. */
  trainable;
  requires = /* @__PURE__ */ new Set();
  useful = /* @__PURE__ */ new Set();
  onPath;
  saved = /* @__PURE__ */ new Map();
  /** Whether node k of the prepared graph lies between the parameters and the targets. */
  isOnPath(k) {
    return this.onPath[k];
  }
  /**
   * Emits the forward pass (training mode for Dropout and BatchNormalization).
   * Returns state updates: state tensor name → tensor holding its new value.
   */
  emitForward() {
    const em = this.prep.em;
    const updates = {};
    this.prep.nodes.forEach((n, k) => {
      const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
      if (rule?.forward && (this.onPath[k] || TRAINING_MODE_OPS.has(n.opType ?? ""))) {
        const res = rule.forward(em, n) ?? {};
        this.saved.set(k, res);
        for (const [state, value] of Object.entries(res.stateUpdates ?? {})) if (!(state in updates)) updates[state] = value;
      } else {
        em.push(n);
      }
    });
    return updates;
  }
  /**
   * Emits the backward pass from the given seeds (tensor → name of its gradient) and returns
   * the gradient of every trainable tensor.
   */
  emitBackward(seeds) {
    const em = this.prep.em;
    const contributions = /* @__PURE__ */ new Map();
    const addGrad = (t, g) => {
      const list = contributions.get(t);
      if (list) list.push(g);
      else contributions.set(t, [g]);
    };
    const materialise = (t) => {
      const list = contributions.get(t);
      if (!list || list.length === 0) return void 0;
      if (list.length === 1) return list[0];
      const sum = em.one("Sum", list, {}, "grad_sum");
      em.setShape(sum, em.shapeOf(t));
      contributions.set(t, [sum]);
      return sum;
    };
    for (const [t, g] of Object.entries(seeds)) addGrad(t, g);
    const nodes = this.prep.nodes;
    for (let k = nodes.length - 1; k >= 0; k--) {
      if (!this.onPath[k]) continue;
      const n = nodes[k];
      const dOut = (n.output ?? []).map((o) => o ? materialise(o) : void 0);
      if (dOut.every((g) => g === void 0)) continue;
      const slots = new Set(differentiableSlots(n));
      const need = (n.input ?? []).map((x, i) => !!x && slots.has(i) && this.requires.has(x) && this.useful.has(x));
      const rule = GRAD_RULES[n.opType ?? ""];
      const grads = rule.backward(em, n, dOut, need, this.saved.get(k)?.saved ?? {});
      grads.forEach((g, i) => {
        const x = n.input?.[i];
        if (g && x && need[i]) {
          if (em.shapeOf(g) === void 0) em.setShape(g, em.shapeOf(x));
          addGrad(x, g);
        }
      });
    }
    const result = /* @__PURE__ */ new Map();
    for (const w of this.trainable) {
      const g = materialise(w);
      if (g) result.set(w, g);
    }
    return result;
  }
};
function outputInfo(em, name, elemType, shapeOf = name) {
  const s = em.shapeOf(shapeOf);
  return valueInfo(
    name,
    elemType,
    s ? s.map((d) => typeof d === "number" ? d : d.startsWith("?") ? `unk_${d.slice(1)}` : d) : void 0
  );
}

// src/train/losses.ts
var BCE_EPSILON = 1e-7;
function labelSpec(loss, floatDType, predShape) {
  if (loss === "cross-entropy") {
    return { dtype: "int64", shape: predShape ? predShape.filter((_, i) => i !== 1) : void 0 };
  }
  return { dtype: floatDType, shape: predShape };
}
function emitLoss(em, kind, pred, labels) {
  const predShape = em.shapeOf(pred);
  const floatDType = em.floatType === 11 ? "float64" : "float32";
  const spec = labelSpec(kind, floatDType, predShape);
  em.setShape(labels, spec.shape);
  const n = em.floatSize(pred, predShape);
  switch (kind) {
    case "mse": {
      const diff = em.one("Sub", [pred, labels], {}, "mse_diff");
      const loss = em.reduceMean(em.one("Mul", [diff, diff]), void 0, false);
      const dPrediction = em.one("Mul", [diff, em.one("Div", [em.scalar(2), n])], {}, "grad_mse");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "bce": {
      const p = em.one("Clip", [pred, em.scalar(BCE_EPSILON), em.scalar(1 - BCE_EPSILON)], {}, "bce_p");
      const oneMinusP = em.one("Sub", [em.scalar(1), p]);
      const oneMinusT = em.one("Sub", [em.scalar(1), labels]);
      const ll = em.one("Add", [
        em.one("Mul", [labels, em.one("Log", [p])]),
        em.one("Mul", [oneMinusT, em.one("Log", [oneMinusP])])
      ]);
      const loss = em.one("Neg", [em.reduceMean(ll, void 0, false)], {}, "bce_loss");
      const dPrediction = em.one(
        "Div",
        [em.one("Sub", [p, labels]), em.one("Mul", [em.one("Mul", [p, oneMinusP]), n])],
        {},
        "grad_bce"
      );
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "bce-logits": {
      const softplus = em.one("Log", [em.one("Add", [em.scalar(1), em.one("Exp", [em.one("Neg", [em.one("Abs", [pred])])])])]);
      const per = em.one("Add", [em.one("Sub", [em.one("Relu", [pred]), em.one("Mul", [pred, labels])]), softplus]);
      const loss = em.reduceMean(per, void 0, false);
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Sigmoid", [pred]), labels]), n], {}, "grad_bce_logits");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "cross-entropy": {
      const classes = predShape?.[1];
      if (!predShape || predShape.length < 2 || typeof classes !== "number") {
        throw new InputError(
          "INPUT_INVALID",
          `cross-entropy needs logits shaped [N, C, ...] with a known class count C; the model output "${pred}" has shape ${predShape ? `[${predShape.join(", ")}]` : "unknown"}. Use loss mse or bce for other outputs, or declare the output's shape.`
        );
      }
      const [loss, logProb] = em.op("SoftmaxCrossEntropyLoss", [pred, labels], { reduction: "mean" }, 2, "ce");
      const rank = predShape.length;
      const classIds = em.ints(
        Array.from({ length: classes }, (_, i) => i),
        [1, classes, ...new Array(rank - 2).fill(1)]
      );
      const onehot = em.one(
        "Cast",
        [em.one("Equal", [em.one("Unsqueeze", [labels, em.ints([1])]), classIds])],
        { to: em.floatType },
        "onehot"
      );
      const count = em.floatSize(labels, spec.shape);
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Exp", [logProb]), onehot]), count], {}, "grad_cross_entropy");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    default:
      throw new InputError("INPUT_INVALID", `Unknown loss "${String(kind)}"; expected mse, bce, bce-logits or cross-entropy.`);
  }
}
function synthesizeLabels(loss, dtype, shape, seed, classes) {
  if (!isStatic(shape)) {
    throw new InputError(
      "INPUT_INVALID",
      `Cannot synthesise labels for an output of shape ${shape ? `[${shape.join(", ")}]` : "unknown"}; give the batch size (dims: { N: 32 }) or explicit input shapes.`
    );
  }
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  if (loss === "cross-entropy") {
    const c = classes ?? 2;
    return { dtype: "int64", dims: shape, data: BigInt64Array.from({ length: n }, () => BigInt(rng.int(0, c - 1))) };
  }
  const values = Array.from({ length: n }, () => loss === "mse" ? rng.normal() : rng.next() < 0.5 ? 0 : 1);
  return dtype === "float64" ? { dtype, dims: shape, data: Float64Array.from(values) } : { dtype: "float32", dims: shape, data: Float32Array.from(values) };
}

// src/train/optimizers.ts
var FLAT_MAX_ELEMENTS = 65536;
var OPTIMIZER_DEFAULTS = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
function gradientGemm(em, p) {
  const producer = (t) => em.nodes.find((n) => (n.output ?? []).includes(t));
  const uses = (t) => em.nodes.reduce((k, n) => k + (n.input ?? []).filter((x) => x === t).length, 0);
  let node2 = producer(p.grad);
  let viaReshape = false;
  if (node2?.opType === "Reshape") {
    const inner = producer(node2.input?.[0] ?? "");
    if (!inner?.name?.startsWith("train/grad_conv_w_gemm") || uses(node2.input?.[0] ?? "") !== 1) return void 0;
    node2 = inner;
    viaReshape = true;
  }
  if (node2?.opType !== "Gemm" || node2.input?.[2] || uses(p.grad) !== 0) return void 0;
  if (!viaReshape && p.dims.length !== 2) return void 0;
  return { gemm: node2, viaReshape };
}
function fusableSgd(em, p) {
  return gradientGemm(em, p) !== void 0;
}
function fuseSgdIntoGemm(em, p, lr, output) {
  const { gemm: gemm2, viaReshape } = gradientGemm(em, p);
  const alpha = attrFloat(gemm2, "alpha", 1);
  const attrs = {
    alpha: { f: -lr * alpha },
    beta: { f: 1 },
    transA: attrInt(gemm2, "transA", 0),
    transB: attrInt(gemm2, "transB", 0)
  };
  const [a, b] = [gemm2.input?.[0] ?? "", gemm2.input?.[1] ?? ""];
  if (!viaReshape) return em.to(output, "Gemm", [a, b, p.name], attrs);
  const updated = em.one("Gemm", [a, b, em.reshapeTo(p.name, [p.dims[0], -1])], attrs, "sgd_gemm");
  return em.to(output, "Reshape", [updated, em.ints(p.dims)]);
}
function checkCoefficient(name, value, lo, hi, loOpen, hiOpen) {
  const ok = Number.isFinite(value) && (loOpen ? value > lo : value >= lo) && (hiOpen ? value < hi : value <= hi);
  if (!ok) {
    throw new InputError(
      "INPUT_INVALID",
      `training.${name} is ${value}; expected a number in ${loOpen ? "(" : "["}${lo}, ${hi}${hiOpen ? ")" : "]"}.`
    );
  }
}
function emitOptimizer(em, kind, params, opts, names) {
  const lr = opts.learningRate;
  checkCoefficient("learning-rate", lr, 0, Infinity, true, true);
  const newParameters = {};
  const state = [];
  const stateFor = (p, slot) => {
    const input = names.state(p.name, slot);
    em.setShape(input, p.dims);
    const output = names.newValue(input);
    state.push({ input, output, dims: p.dims });
    return { input, write: (op, inputs) => em.to(output, op, inputs) };
  };
  const writeParam = (p, op, inputs) => {
    newParameters[p.name] = em.to(names.newValue(p.name), op, inputs);
  };
  let delta;
  switch (kind) {
    case "sgd":
      delta = (p) => em.one("Mul", [p.grad, em.scalar(lr)]);
      break;
    case "momentum": {
      const mu = opts.momentum ?? OPTIMIZER_DEFAULTS.momentum;
      checkCoefficient("momentum", mu, 0, 1, false, true);
      delta = (p) => {
        const v = stateFor(p, "velocity");
        const vNew = v.write("Add", [em.one("Mul", [v.input, em.scalar(mu)]), p.grad]);
        return em.one("Mul", [vNew, em.scalar(lr)]);
      };
      break;
    }
    case "rmsprop": {
      const rho = opts.rho ?? OPTIMIZER_DEFAULTS.rho;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient("rho", rho, 0, 1, false, true);
      checkCoefficient("epsilon", eps, 0, Infinity, true, true);
      delta = (p) => {
        const s = stateFor(p, "square_avg");
        const sNew = s.write("Add", [
          em.one("Mul", [s.input, em.scalar(rho)]),
          em.one("Mul", [em.one("Mul", [p.grad, p.grad]), em.scalar(1 - rho)])
        ]);
        return em.one("Div", [em.one("Mul", [p.grad, em.scalar(lr)]), em.one("Add", [em.one("Sqrt", [sNew]), em.scalar(eps)])]);
      };
      break;
    }
    case "adam": {
      const b1 = opts.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
      const b2 = opts.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient("beta1", b1, 0, 1, false, true);
      checkCoefficient("beta2", b2, 0, 1, false, true);
      checkCoefficient("epsilon", eps, 0, Infinity, true, true);
      const stepIn = names.state("", "step");
      em.setShape(stepIn, []);
      const stepOut = names.newValue(stepIn);
      state.push({ input: stepIn, output: stepOut, dims: [] });
      const t = em.to(stepOut, "Add", [stepIn, em.scalar(1)]);
      const sqrtC2 = em.one(
        "Sqrt",
        [em.one("Div", [em.scalar(1 - b2), em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b2), t])])])],
        {},
        "adam_sqrt_c2"
      );
      const a = em.one(
        "Div",
        [em.scalar(lr * (1 - b1)), em.one("Mul", [em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b1), t])]), sqrtC2])],
        {},
        "adam_step_size"
      );
      const e = em.one("Div", [em.scalar(eps), sqrtC2], {}, "adam_eps");
      delta = (p) => {
        const m = stateFor(p, "m");
        const v = stateFor(p, "v");
        const mNew = m.write("Add", [em.one("Mul", [m.input, em.scalar(b1)]), p.grad]);
        const vNew = v.write("Add", [em.one("Mul", [v.input, em.scalar(b2)]), em.one("Mul", [p.grad, p.grad])]);
        const ratio = em.one("Div", [mNew, em.one("Add", [em.one("Sqrt", [vNew]), e])]);
        return em.one("Mul", [ratio, a]);
      };
      break;
    }
    default:
      throw new InputError("INPUT_INVALID", `Unknown optimizer "${String(kind)}"; expected sgd, momentum, rmsprop or adam.`);
  }
  const size = (p) => p.dims.reduce((x, y) => x * y, 1);
  const small = kind === "sgd" ? [] : params.filter((p) => size(p) < FLAT_MAX_ELEMENTS);
  const flat = small.length > 1 ? small : [];
  for (const p of params) {
    if (flat.includes(p)) continue;
    if (kind === "sgd" && fusableSgd(em, p)) {
      newParameters[p.name] = fuseSgdIntoGemm(em, p, lr, names.newValue(p.name));
      continue;
    }
    writeParam(p, "Sub", [p.name, delta(p)]);
  }
  if (flat.length) {
    const sizes = flat.map(size);
    const total = sizes.reduce((x, y) => x + y, 0);
    const flatGrad = em.one(
      "Concat",
      flat.map((p) => em.reshapeTo(p.grad, [-1])),
      { axis: 0 },
      "flat_grad"
    );
    const flatDelta = delta({ name: "", grad: flatGrad, dims: [total] });
    const pieces = em.op("Split", [flatDelta, em.ints(sizes)], { axis: 0 }, flat.length, "delta");
    flat.forEach((p, i) => writeParam(p, "Sub", [p.name, em.reshapeTo(pieces[i], p.dims)]));
  }
  return { newParameters, state };
}

// src/train/loop.ts
function rename2(nodes, map) {
  const r = (x) => map.get(x) ?? x;
  return nodes.map((n) => ({ ...n, input: (n.input ?? []).map(r), output: (n.output ?? []).map(r) }));
}
function loopTrainingStep(step, steps) {
  if (!(Number.isInteger(steps) && steps >= 1)) {
    throw new InputError("INPUT_INVALID", `steps per call must be an integer >= 1 (got ${steps}).`);
  }
  const graph = step.model.graph;
  const outputs = graph.output ?? [];
  const carried = Object.entries(step.feedback);
  const infoOf = (name, list) => list.find((v) => v.name === name);
  const bodyIn = new Map(carried.map(([, input]) => [input, `loop/in/${input}`]));
  const bodyNodes = rename2(graph.node ?? [], bodyIn);
  const body = {
    name: "training_step_body",
    node: [...bodyNodes, { opType: "Identity", input: ["loop/cond_in"], output: ["loop/cond_out"], name: "loop/cond" }],
    input: [
      valueInfo("loop/iteration", DataType.INT64, []),
      valueInfo("loop/cond_in", DataType.BOOL, []),
      ...carried.map(([, input]) => ({ ...infoOf(input, graph.input ?? []), name: bodyIn.get(input) }))
    ],
    output: [
      valueInfo("loop/cond_out", DataType.BOOL, []),
      ...carried.map(([out3]) => infoOf(out3, outputs)),
      infoOf(step.lossOutput, outputs)
    ]
  };
  const finalName = (out3) => `loop/final/${out3}`;
  const lossOutput = "losses";
  const lossType = infoOf(step.lossOutput, outputs)?.type?.tensorType?.elemType ?? DataType.FLOAT;
  const loopNode = {
    opType: "Loop",
    name: "training_steps",
    input: ["loop/trip_count", "loop/cond", ...carried.map(([, input]) => input)],
    output: [...carried.map(([out3]) => finalName(out3)), lossOutput],
    attribute: [{ name: "body", type: 5, g: body }]
  };
  const model = {
    ...step.model,
    docString: `${step.model.docString ?? ""} ${steps} steps per call (ONNX Loop).`.trim(),
    graph: {
      name: `${graph.name ?? "model"}_loop`,
      node: [loopNode],
      initializer: [
        ...graph.initializer ?? [],
        int64Tensor("loop/trip_count", [], [steps]),
        rawTensor("loop/cond", [], DataType.BOOL, Uint8Array.from([1]))
      ],
      input: graph.input,
      output: [
        ...carried.map(([out3]) => ({ ...infoOf(out3, outputs), name: finalName(out3) })),
        valueInfo(lossOutput, lossType, [steps])
      ]
    }
  };
  const feedback = {};
  for (const [out3, input] of carried) feedback[finalName(out3)] = input;
  return { model, feedback, lossOutput, stepsPerCall: steps };
}

// src/train/index.ts
function isFrozen(name, patterns) {
  return patterns.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
}
function unmatchedFreeze(patterns, names) {
  const problems = [];
  for (const p of patterns) {
    if (names.some((n) => isFrozen(n, [p]))) continue;
    const asPrefix = !p.endsWith("*") && names.some((n) => n.startsWith(p));
    const close = asPrefix ? `${p}*` : suggest(p.endsWith("*") ? p.slice(0, -1) : p, names);
    problems.push(
      `"${p}" matches no initializer${close !== void 0 ? `; did you mean "${close}"${asPrefix ? " (a prefix needs its *)" : ""}?` : ""}`
    );
  }
  if (problems.length === 0) return;
  const shown = names.slice(0, 12).join(", ");
  throw new InputError(
    "INPUT_INVALID",
    `training.freeze: ${problems.join("; ")}. Entries are initializer names, or prefixes ending in * (the model's initializers: ${shown}${names.length > 12 ? `, \u2026 ${names.length - 12} more` : ""}).`
  );
}
function buildTrainingStep(proto, opts) {
  const prep = prepareGraph(proto, opts);
  const em = prep.em;
  const notes = [];
  const floatDType = prep.floatType === DataType.DOUBLE ? "float64" : "float32";
  const outputName = opts.output ?? prep.outputs[0]?.name;
  if (!outputName || !prep.outputs.some((o) => o.name === outputName)) {
    throw new InputError(
      "INPUT_INVALID",
      `The model has no output named "${outputName ?? ""}" to compute the loss on; its outputs are ${prep.outputs.map((o) => `"${o.name}"`).join(", ") || "(none)"}.`
    );
  }
  let pred = outputName;
  if (opts.loss === "cross-entropy") {
    const producer = prep.nodes.find((n) => n.output?.[0] === outputName);
    const rank = em.shapeOf(outputName)?.length;
    if (producer?.opType === "Softmax" && rank !== void 0 && normAxis(attrInt(producer, "axis", -1), rank) === 1) {
      pred = producer.input?.[0] ?? pred;
      notes.push(
        `cross-entropy is computed on the input of the final Softmax node "${producer.name ?? ""}" (the logits), not on its probabilities.`
      );
    }
  }
  const candidates = [];
  const frozen2 = [];
  for (const [name, t] of prep.initializers) {
    if (t.dataType !== DataType.FLOAT && t.dataType !== DataType.DOUBLE) continue;
    if (t.dataType !== prep.floatType || isFrozen(name, opts.freeze ?? [])) frozen2.push(name);
    else candidates.push(name);
  }
  unmatchedFreeze(opts.freeze ?? [], [...prep.initializers.keys()]);
  const diff = new Differentiator(prep, candidates, [pred]);
  const parameterNames = diff.trainable;
  const fromConstants = prep.weightConstants.filter((n) => parameterNames.includes(n));
  if (fromConstants.length) {
    notes.push(
      `${fromConstants.length} weight tensor${fromConstants.length === 1 ? "" : "s"} stored in Constant nodes (an old exporter's layout) ${fromConstants.length === 1 ? "is" : "are"} trained as parameters, named by the Constant's output (${fromConstants.slice(0, 3).join(", ")}${fromConstants.length > 3 ? ", \u2026" : ""}); list them under training.freeze to keep them fixed.`
    );
  }
  for (const c of candidates) if (!parameterNames.includes(c)) frozen2.push(c);
  if (parameterNames.length === 0) {
    throw new InputError(
      "INPUT_INVALID",
      `The model has no trainable parameters on the way to output "${outputName}": no float initializer reaches it${opts.freeze?.length ? ` (frozen: ${opts.freeze.join(", ")})` : ""}. Unfreeze some parameters, or check that the weights are initializers (or float Constant nodes feeding Conv/Gemm/MatMul/normalisation inputs).`
    );
  }
  const stateUpdates = diff.emitForward();
  const labelInput = em.reserve("labels");
  const loss = emitLoss(em, opts.loss, pred, labelInput);
  const lossOutput = em.reserve("loss");
  em.to(lossOutput, "Identity", [loss.loss]);
  em.setShape(lossOutput, []);
  const grads = diff.emitBackward({ [pred]: loss.dPrediction });
  const paramDims = (name) => (prep.initializers.get(name).dims ?? []).map(Number);
  const opt = emitOptimizer(
    em,
    opts.optimizer,
    parameterNames.map((name) => ({ name, grad: grads.get(name), dims: paramDims(name) })),
    opts,
    {
      state: (param, slot) => em.reserve(param ? `train/state/${param}/${slot}` : `train/state/${slot}`),
      newValue: (name) => em.reserve(`train/new/${name.replace(/^train\/state\//, "state/")}`)
    }
  );
  const feedback = {};
  const initialState = {};
  const outputs = [valueInfo(lossOutput, prep.floatType, [])];
  const stepInputs = [];
  for (const p of parameterNames) {
    const out3 = opt.newParameters[p];
    feedback[out3] = p;
    initialState[p] = readTensor(prep.initializers.get(p));
    stepInputs.push(valueInfo(p, prep.floatType, paramDims(p)));
    outputs.push(valueInfo(out3, prep.floatType, paramDims(p)));
  }
  const stateInputs = [];
  for (const s of opt.state) {
    feedback[s.output] = s.input;
    initialState[s.input] = zeros(floatDType, s.dims);
    stateInputs.push(s.input);
    stepInputs.push(valueInfo(s.input, prep.floatType, s.dims));
    outputs.push(valueInfo(s.output, prep.floatType, s.dims));
  }
  const runningStats = Object.keys(stateUpdates).filter((n) => prep.initializers.has(n));
  for (const name of runningStats) {
    const out3 = em.reserve(`train/new/${name}`);
    em.to(out3, "Identity", [stateUpdates[name]]);
    feedback[out3] = name;
    initialState[name] = readTensor(prep.initializers.get(name));
    stateInputs.push(name);
    stepInputs.push(valueInfo(name, prep.floatType, paramDims(name)));
    outputs.push(valueInfo(out3, prep.floatType, paramDims(name)));
  }
  const asInputs = /* @__PURE__ */ new Set([...parameterNames, ...runningStats]);
  const batchInputs = prep.inputs.map((v) => ({
    name: v.name,
    elemType: v.type?.tensorType?.elemType ?? prep.floatType,
    shape: em.shapeOf(v.name)
  }));
  const labelInfo = outputInfo(em, labelInput, loss.labelDType === "int64" ? DataType.INT64 : prep.floatType);
  const classes = opts.loss === "cross-entropy" ? em.shapeOf(pred)?.[1] : void 0;
  const pruned = pruneGraph(
    em.nodes,
    [...[...prep.initializers.values()].filter((t) => !asInputs.has(t.name ?? "")), ...em.initializers],
    outputs.map((o) => o.name)
  );
  const model = {
    irVersion: prep.irVersion,
    producerName: "energy-budget",
    docString: `Training step (${opts.loss} loss, ${opts.optimizer}) built by energy-budget from ${prep.graphName}.`,
    opsetImport: [{ domain: "", version: prep.opset }, ...prep.otherOpsets],
    graph: {
      name: `${prep.graphName}_training_step`,
      node: pruned.nodes,
      initializer: pruned.initializers,
      input: [...batchInputs.map((b) => outputInfo(em, b.name, b.elemType)), labelInfo, ...stepInputs],
      output: outputs
    }
  };
  return {
    model,
    feedback,
    parameterNames,
    stateInputs,
    initialState,
    batchInputs,
    labelInput,
    label: { dtype: loss.labelDType, shape: loss.labelShape, ...typeof classes === "number" ? { classes } : {} },
    lossOutput,
    // Running statistics are updated every step (state), so they are not "kept fixed".
    frozen: frozen2.filter((n) => !runningStats.includes(n)),
    notes
  };
}
var JOULES_PER_KWH = 36e5;
function projectTraining(p) {
  const bad = [
    ["batchSize", p.batchSize],
    ["datasetSize", p.datasetSize],
    ["epochs", p.epochs]
  ].filter(([, v]) => !(Number.isFinite(v) && v > 0));
  if (bad.length || !(p.joulesPerStep >= 0) || !(p.carbonIntensityGPerKWh >= 0)) {
    throw new InputError(
      "INPUT_INVALID",
      `Cannot project the training run: ${[...bad.map(([k, v]) => `${k} = ${v}`), ...!(p.joulesPerStep >= 0) ? [`joulesPerStep = ${p.joulesPerStep}`] : [], ...!(p.carbonIntensityGPerKWh >= 0) ? [`carbon intensity = ${p.carbonIntensityGPerKWh}`] : []].join(", ")}; expected positive sizes and non-negative energy and intensity (e.g. dataset-size: 60000, epochs: 10).`
    );
  }
  const steps = Math.ceil(p.datasetSize / p.batchSize) * p.epochs;
  const joules = steps * p.joulesPerStep;
  const kWh = joules / JOULES_PER_KWH;
  return { datasetSize: p.datasetSize, epochs: p.epochs, steps, joules, kWh, gCO2e: kWh * p.carbonIntensityGPerKWh };
}

// src/train/runner.ts
function describe(t) {
  return `${t.type}[${t.dims.join(", ")}]`;
}
function allocLike(t) {
  const n = t.size;
  switch (t.type) {
    case "float32":
      return new Tensor("float32", new Float32Array(n), t.dims);
    case "float64":
      return new Tensor("float64", new Float64Array(n), t.dims);
    case "int64":
      return new Tensor("int64", new BigInt64Array(n), t.dims);
    case "int32":
      return new Tensor("int32", new Int32Array(n), t.dims);
    case "bool":
      return new Tensor("bool", new Uint8Array(n), t.dims);
    case "float16":
      return makeTensor("float16", new Uint16Array(n), t.dims);
    default:
      throw new InputError(
        "INPUT_INVALID",
        `A training-step output of type ${t.type} cannot be fed back; expected numeric tensors.`
      );
  }
}
function lossesOf(v, name, count) {
  const t = v;
  if (!t || t.size !== count) {
    throw new InputError(
      "INPUT_INVALID",
      `The training step's loss output "${name}" has ${t?.size ?? 0} elements; expected ${count === 1 ? "a scalar loss" : `${count} (one loss per step of a call)`}.`
    );
  }
  return Array.from(t.data, Number);
}
function validateFeedback(session, initialFeeds, feedback, lossOutput) {
  const problems = [];
  for (const [o, i] of Object.entries(feedback)) {
    if (!session.outputNames.includes(o))
      problems.push(`feedback output "${o}" is not an output of the step model (outputs: ${session.outputNames.join(", ")})`);
    if (!session.inputNames.includes(i))
      problems.push(
        `feedback input "${i}" (for output "${o}") is not an input of the step model (inputs: ${session.inputNames.join(", ")})`
      );
  }
  const targets = Object.values(feedback);
  const dup = targets.filter((t, k) => targets.indexOf(t) !== k);
  if (dup.length) problems.push(`inputs fed by more than one output: ${[...new Set(dup)].join(", ")}`);
  const missing = session.inputNames.filter((n) => !(n in initialFeeds));
  if (missing.length) problems.push(`no initial value for inputs ${missing.join(", ")}`);
  let loss = lossOutput;
  if (!loss) {
    const free = session.outputNames.filter((o) => !(o in feedback));
    loss = session.outputNames.includes("loss") ? "loss" : free.length === 1 ? free[0] : void 0;
    if (!loss)
      problems.push(
        `cannot tell which output is the loss (outputs not fed back: ${free.join(", ") || "none"}); name it (training.loss-output)`
      );
  } else if (!session.outputNames.includes(loss)) {
    problems.push(`loss output "${loss}" is not an output of the step model`);
  }
  if (problems.length) {
    throw new InputError(
      "INPUT_INVALID",
      `The training step's output \u2192 input mapping does not fit the model:
  ${problems.join("\n  ")}
The mapping names, for each output that is next step's input (new weights, optimizer state), the input it replaces, e.g. feedback: { "fc1.weight.new": "fc1.weight" }.`
    );
  }
  return loss;
}
async function runTrainingBenchmark(session, initialFeeds, feedback, cfg, deps) {
  const perCall = cfg.stepsPerCall ?? 1;
  if (!(Number.isInteger(cfg.steps) && cfg.steps >= 1) || !(Number.isInteger(cfg.warmup) && cfg.warmup >= 0) || !(Number.isInteger(perCall) && perCall >= 1)) {
    throw new InputError(
      "INPUT_INVALID",
      `training steps must be an integer >= 1, warmup >= 0 and steps per call >= 1 (got steps ${cfg.steps}, warmup ${cfg.warmup}, steps per call ${perCall}).`
    );
  }
  const lossName = validateFeedback(session, initialFeeds, feedback, cfg.lossOutput);
  const fedOutputs = Object.keys(feedback);
  const feeds = { ...initialFeeds };
  const losses = [];
  const notes = [];
  const first = await session.run(feeds);
  losses.push(...lossesOf(first[lossName], lossName, perCall));
  for (const o of fedOutputs) {
    const produced = first[o];
    const target = initialFeeds[feedback[o]];
    if (produced.type !== target.type || produced.dims.join(",") !== target.dims.join(",")) {
      throw new InputError(
        "INPUT_INVALID",
        `Output "${o}" is ${describe(produced)} but feeds input "${feedback[o]}", which is ${describe(target)}; an output fed back must match its input's type and shape.`
      );
    }
  }
  let current = {};
  for (const o of fedOutputs) current[feedback[o]] = nativeFloat16(first[o]);
  let preallocated = cfg.preallocate ?? true;
  let spare = {};
  const lossTensor = first[lossName];
  let lossBuffer;
  if (preallocated && (lossTensor.type === "float32" || lossTensor.type === "float64")) {
    for (const o of fedOutputs) spare[feedback[o]] = allocLike(first[o]);
    lossBuffer = allocLike(lossTensor);
  } else {
    preallocated = false;
  }
  const step = async () => {
    const stepFeeds = { ...feeds, ...current };
    if (preallocated && lossBuffer) {
      const fetches = {};
      for (const o of fedOutputs) fetches[o] = spare[feedback[o]];
      fetches[lossName] = lossBuffer;
      lossBuffer.data.fill(Number.NaN);
      let res2;
      try {
        res2 = await session.run(stepFeeds, fetches);
      } catch (e) {
        preallocated = false;
        notes.push(
          `outputs could not be written into preallocated tensors (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); each step's outputs were taken as returned instead`
        );
        return step();
      }
      const written = lossesOf(lossBuffer, lossName, perCall);
      if (!Number.isNaN(written[0])) {
        const next3 = spare;
        spare = current;
        current = next3;
        return written;
      }
      const returned = lossesOf(res2[lossName], lossName, perCall);
      if (!Number.isNaN(returned[0])) {
        preallocated = false;
        notes.push(
          "the session did not write into preallocated output tensors; each step's outputs were taken as returned instead"
        );
      }
      const next2 = {};
      for (const o of fedOutputs) next2[feedback[o]] = nativeFloat16(res2[o]);
      current = next2;
      return returned;
    }
    const res = await session.run(stepFeeds);
    const next = {};
    for (const o of fedOutputs) next[feedback[o]] = nativeFloat16(res[o]);
    current = next;
    return lossesOf(res[lossName], lossName, perCall);
  };
  for (let done = perCall; done < cfg.warmup; done += perCall) losses.push(...await step());
  const stepMs = [];
  const calls = Math.ceil(cfg.steps / perCall);
  const token = deps.meter ? await deps.meter.begin() : void 0;
  const start = deps.clockNs();
  for (let i = 0; i < calls; i++) {
    const t0 = deps.clockNs();
    losses.push(...await step());
    const perStep = Number(deps.clockNs() - t0) / 1e6 / perCall;
    for (let k = 0; k < perCall; k++) stepMs.push(perStep);
  }
  const totalMs = Number(deps.clockNs() - start) / 1e6;
  const energy = deps.meter && token ? await deps.meter.end(token) : void 0;
  return {
    steps: calls * perCall,
    warmup: cfg.warmup,
    stepMs,
    lossFirst: losses[0],
    lossLast: losses[losses.length - 1],
    losses,
    totalMs,
    ...energy ? { energy } : {},
    preallocated,
    notes
  };
}
function toOrtTensor(d) {
  return makeTensor(d.dtype, d.data, d.dims);
}

// src/instructions/cycles.ts
var CACHE_EVENTS = ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"];
var CYCLES_FORMULA = "L1 hits + 5 \xD7 LL hits + 35 \xD7 RAM accesses of the simulated caches (Turner-Trauring, pythonspeed.com/articles/consistent-benchmarking-in-ci/)";
function estimateCycles(events) {
  if (!CACHE_EVENTS.every((e) => typeof events[e] === "number")) return null;
  const n = (e) => events[e];
  const accesses = n("Ir") + n("Dr") + n("Dw");
  const l1Misses = n("I1mr") + n("D1mr") + n("D1mw");
  const ramAccesses = n("ILmr") + n("DLmr") + n("DLmw");
  const l1Hits = accesses - l1Misses;
  const llHits = l1Misses - ramAccesses;
  return { l1Hits, llHits, ramAccesses, estimatedCycles: l1Hits + 5 * llHits + 35 * ramAccesses };
}

// src/instructions/measure.ts
var DEFAULT_CALLS = 5;
var DEFAULT_WARMUP = 1;
function describeCount(what, tool, startup = { instrumented: false }) {
  const start = startup.instrumented ? `start-up instrumented because ${startup.reason}` : "start-up uninstrumented, instrumentation switched on with vgdb before the first call";
  return `SIMULATED: instructions per ${what} executed by onnxruntime's own code (libonnxruntime) during its run, on Valgrind's simulated CPU (${tool}, callgrind, ${start}, collection on only inside the native run, warm-up calls excluded, median of the measured calls, 1 intra-op thread). Valgrind does not run AVX-512, so onnxruntime takes its AVX2 kernels; the count tracks the code's work, not this CPU's speed or energy`;
}
function summarizeCounts(result, opts) {
  const k = opts.perCallDivisor ?? 1;
  const ir = result.perCall.map((c) => (c.Ir ?? 0) / k);
  const sorted = [...result.perCall].sort((a, b) => (a.Ir ?? 0) - (b.Ir ?? 0));
  const n = sorted.length;
  const middle = n % 2 ? [sorted[(n - 1) / 2]] : [sorted[n / 2 - 1], sorted[n / 2]];
  const events = {};
  for (const e of result.events) events[e] = middle.reduce((s, c) => s + (c[e] ?? 0), 0) / middle.length / k;
  const cache = estimateCycles(events);
  return {
    perCall: events.Ir ?? 0,
    minPerCall: Math.min(...ir),
    maxPerCall: Math.max(...ir),
    calls: result.perCall.length,
    warmup: opts.warmup,
    events,
    ...cache ? { estimatedCycles: cache.estimatedCycles, cyclesFormula: `ESTIMATE: ${CYCLES_FORMULA}` } : {},
    method: "callgrind",
    simulated: true,
    tool: result.valgrind,
    wallS: result.wallS,
    description: describeCount(opts.what, result.valgrind, result.startup)
  };
}
async function countInstructions(model, feeds, opts) {
  const tool = opts.tool ?? await findValgrind(opts.env);
  const warmup = opts.warmup ?? DEFAULT_WARMUP;
  const result = await runCallgrind(
    tool,
    {
      model,
      sessionOptions: sessionOptions({ threads: 1 }),
      feeds,
      warmup,
      calls: opts.calls ?? DEFAULT_CALLS,
      cacheSim: opts.cacheSim ?? true
    },
    { env: opts.env, ...opts.deps }
  );
  return summarizeCounts(result, { warmup, what: opts.what ?? "inference call", perCallDivisor: opts.perCallDivisor });
}

// src/measure-training.ts
import { mkdtemp as mkdtemp2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import os3 from "node:os";
import path3 from "node:path";
function stepsPerCallFor(steps) {
  for (let k = Math.min(10, steps); k > 1; k--) if (steps % k === 0) return k;
  return 1;
}
function withExternalWeightsRead(loaded, freeze) {
  const graph = loaded.proto.graph ?? {};
  const frozen2 = (name) => freeze.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
  const root = dirname2(loaded.path);
  const initializer = (graph.initializer ?? []).map((t) => {
    if (!isExternal(t) || frozen2(t.name ?? "")) return t;
    const ref = resolveExternalRef(t, loaded.path, root, loaded.path);
    const length = ref.length ?? Math.max(0, statSync(ref.file).size - ref.offset);
    const rawData = new Uint8Array(length);
    let at = 0;
    fsExternalReader(ref.file, ref.offset, length, (chunk) => {
      rawData.set(chunk, at);
      at += chunk.length;
    });
    const { externalData: _e, dataLocation: _l, ...rest } = t;
    return { ...rest, rawData };
  });
  return { ...loaded.proto, graph: { ...graph, initializer } };
}
async function builtStep(cfg, prepared) {
  const t = cfg.training;
  const external = prepared.loaded.externalFiles.length > 0 || prepared.loaded.payloads !== void 0;
  const proto = external ? withExternalWeightsRead(prepared.loaded, t.freeze ?? []) : prepared.loaded.proto;
  const step = buildTrainingStep(proto, {
    loss: t.loss,
    optimizer: t.optimizer,
    learningRate: t.learningRate,
    momentum: t.momentum,
    rho: t.rho,
    beta1: t.beta1,
    beta2: t.beta2,
    epsilon: t.epsilon,
    batchShapes: prepared.inputs.shapes,
    knownShapes: prepared.shapes,
    dims: cfg.dims,
    freeze: t.freeze
  });
  const feeds = {};
  for (const b of step.batchInputs) feeds[b.name] = prepared.inputs.feeds[b.name];
  const labels = synthesizeLabels(t.loss, step.label.dtype, step.label.shape, seedFrom(`${cfg.name}/labels`), step.label.classes);
  feeds[step.labelInput] = toOrtTensor(labels);
  for (const [name, data] of Object.entries(step.initialState)) feeds[name] = toOrtTensor(data);
  if (step.frozen.length) step.notes.push(`weights kept fixed: ${step.frozen.join(", ")}`);
  const folder = external ? dirname2(prepared.loaded.path) : void 0;
  const k = t.stepsPerCall ?? stepsPerCallFor(t.steps);
  if (k > 1) {
    const looped = loopTrainingStep(step, k);
    return {
      bytes: encodeModel(looped.model),
      externalDataFolder: folder,
      feeds,
      feedback: looped.feedback,
      lossOutput: looped.lossOutput,
      batchSize: prepared.inputs.batchSize,
      stepsPerCall: k,
      notes: [
        ...step.notes,
        `${k} training steps per onnxruntime call, parameters and optimizer state kept inside onnxruntime between them (as a framework keeps them on the device)`
      ]
    };
  }
  return {
    bytes: encodeModel(step.model),
    externalDataFolder: folder,
    feeds,
    feedback: step.feedback,
    lossOutput: step.lossOutput,
    batchSize: prepared.inputs.batchSize,
    notes: step.notes
  };
}
async function ownStep(cfg, ctx) {
  const t = cfg.training;
  const label2 = `"${cfg.name}" training step-model (${t.stepModel})`;
  const loaded = await loadModel(t.stepModel, { label: label2 });
  const analysis = analyzeModel(loaded, { label: label2 });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(`${cfg.name}/step`),
    readFile: ctx.readFile,
    // The fed-back inputs are weights and optimizer state, not the batch.
    notBatch: Object.values(t.feedback ?? {})
  });
  return {
    bytes: loaded.bytes,
    externalDataFolder: externalDataFolder(loaded),
    feeds: inputs.feeds,
    feedback: t.feedback ?? {},
    batchSize: inputs.batchSize,
    notes: inputs.notices
  };
}
async function measureTraining(cfg, prepared, meter, ctx) {
  const t = cfg.training;
  const plan = t.stepModel ? await ownStep(cfg, ctx) : await builtStep(cfg, prepared);
  const session = await createSession(plan.bytes, {
    threads: cfg.threads,
    name: `"${cfg.name}" training step`,
    device: cfg.device,
    externalDataFolder: plan.externalDataFolder
  });
  let result;
  try {
    result = await runTrainingBenchmark(
      session,
      plan.feeds,
      plan.feedback,
      { steps: t.steps, warmup: t.warmup, lossOutput: plan.lossOutput, stepsPerCall: plan.stepsPerCall },
      { clockNs: ctx.clockNs, meter }
    );
  } finally {
    await session.release();
  }
  const sorted = Float64Array.from(result.stepMs).sort();
  const report = {
    steps: result.steps,
    batchSize: plan.batchSize,
    stepMs: { p50: percentile(sorted, 0.5), mean: mean(sorted), p95: percentile(sorted, 0.95) },
    samplesPerSecond: plan.batchSize * result.steps / (result.totalMs / 1e3),
    lossFirst: result.lossFirst,
    lossLast: result.lossLast,
    loss: t.stepModel ? void 0 : t.loss,
    optimizer: t.stepModel ? void 0 : t.optimizer
  };
  if (result.energy) {
    const w = result.energy;
    const estimated = isEstimated(w);
    const perStep = w.energyJ / result.steps;
    const interval = figureInterval(w);
    report.energy = {
      joulesPerStep: perStep,
      joulesPerSample: perStep / plan.batchSize,
      method: w.method,
      estimated,
      description: `${estimated ? "ESTIMATE: " : ""}${meter.description}`,
      ...interval ? { ci95: [perStep * interval.factors[0], perStep * interval.factors[1]], ci95Basis: interval.basis } : {}
    };
    if (t.datasetSize) {
      const intensity = carbonFor({ energyJ: 0, durationS: 0, settings: ctx.config.power, env: ctx.env }).intensityGPerKWh;
      const p = projectTraining({
        joulesPerStep: perStep,
        batchSize: plan.batchSize,
        datasetSize: t.datasetSize,
        epochs: t.epochs ?? 1,
        carbonIntensityGPerKWh: intensity
      });
      report.projection = { datasetSize: p.datasetSize, epochs: p.epochs, joules: p.joules, kWh: p.kWh, gCO2e: p.gCO2e };
    }
  }
  const notes = [...plan.notes, ...result.notes];
  if (notes.length) (prepared.report.notices ??= []).push(...notes.map((n) => `training: ${n}`));
  if (cfg.measure === "instructions") report.instructions = await countSteps(cfg, plan, ctx);
  return report;
}
async function countSteps(cfg, plan, ctx) {
  ctx.logger.progress(`  ${cfg.name}: counting training-step instructions under Valgrind (callgrind)`);
  const dir = await mkdtemp2(path3.join(os3.tmpdir(), "eb-step-"));
  try {
    const file = path3.join(dir, "step.onnx");
    await writeFile2(file, plan.bytes);
    return await countInstructions(file, plan.feeds, {
      env: ctx.env,
      what: "training step",
      perCallDivisor: plan.stepsPerCall ?? 1
    });
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}

// src/model/external-write.ts
import { closeSync as closeSync2, openSync as openSync2, writeSync } from "node:fs";
import { join as join3 } from "node:path";
var ALIGN_BYTES = 4096;
function externalizeModel(model, dir, location, minBytes = 1024) {
  const graph = model.graph ?? {};
  const fd = openSync2(join3(dir, location), "w");
  let offset = 0;
  let tensors = 0;
  try {
    const initializer = (graph.initializer ?? []).map((t) => {
      const raw = t.rawData;
      if (!raw || raw.byteLength < minBytes) return t;
      const start = Math.ceil(offset / ALIGN_BYTES) * ALIGN_BYTES;
      for (let done = 0; done < raw.byteLength; ) done += writeSync(fd, raw, done, raw.byteLength - done, start + done);
      offset = start + raw.byteLength;
      tensors++;
      const { rawData: _r, ...rest } = t;
      return {
        ...rest,
        dataLocation: 1,
        externalData: [
          { key: "location", value: location },
          { key: "offset", value: String(start) },
          { key: "length", value: String(raw.byteLength) }
        ]
      };
    });
    return { model: { ...model, graph: { ...graph, initializer } }, dataBytes: offset, tensors };
  } finally {
    closeSync2(fd);
  }
}

// src/measure.ts
import { mkdtemp as mkdtemp3, rm as rm5 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join7 } from "node:path";

// src/util/gzip-files.ts
import { createReadStream } from "node:fs";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
async function gzipSizeOfFiles(files, level) {
  const gzip = createGzip({ level });
  let size = 0;
  const count = new Writable({
    write(chunk, _encoding, done2) {
      size += chunk.length;
      done2();
    }
  });
  const done = pipeline(gzip, count);
  for (const file of files) {
    for await (const chunk of createReadStream(file)) {
      if (!gzip.write(chunk)) await new Promise((resume) => gzip.once("drain", resume));
    }
  }
  gzip.end();
  await done;
  return size;
}

// src/device/fetch-cuda.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream as createWriteStream2 } from "node:fs";
import { copyFile, mkdir as mkdir2, readFile as readFile2, rename as rename4, rm as rm4, stat, writeFile as writeFile3 } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join as join5 } from "node:path";

// src/device/archive.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { open, rename as rename3, rm as rm3 } from "node:fs/promises";
import { join as join4 } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline as pipeline2 } from "node:stream/promises";
import { createGunzip, createInflateRaw } from "node:zlib";
var ArchiveError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ArchiveError";
  }
};
function matches(pattern, entry) {
  return pattern.startsWith("*/") ? entry.endsWith(pattern.slice(1)) : entry === pattern;
}
function wantedName(wanted, entry) {
  return Object.keys(wanted).find((name) => matches(wanted[name], entry));
}
function missingError(wanted, found, kind) {
  const lacking = Object.keys(wanted).filter((n) => !found.has(n)).map((n) => wanted[n]);
  return new ArchiveError(`the ${kind} archive has no ${lacking.join(", ")}`);
}
function hasher() {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    }
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest("hex") }) };
}
async function readAt2(path4, offset, length) {
  const fh = await open(path4, "r");
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
async function zipEntries(path4) {
  const fh = await open(path4, "r");
  let size;
  try {
    size = (await fh.stat()).size;
  } finally {
    await fh.close();
  }
  const tailLength = Math.min(size, 22 + 65535 + 20);
  const tail = await readAt2(path4, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 101010256) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError("not a ZIP file (no end-of-central-directory record)");
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 4294967295 || count === 65535) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 117853008) throw new ArchiveError("ZIP64 archive without its locator");
    const z64 = await readAt2(path4, Number(tail.readBigUInt64LE(loc + 8)), 56);
    if (z64.readUInt32LE(0) !== 101075792) throw new ArchiveError("bad ZIP64 end-of-central-directory record");
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size)
    throw new ArchiveError("the ZIP central directory lies past the end of the file (truncated download?)");
  const cd = await readAt2(path4, cdOffset, cdSize);
  const out3 = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 33639248) throw new ArchiveError("bad ZIP central directory entry");
    const nameLen = cd.readUInt16LE(at + 28);
    const extraLen = cd.readUInt16LE(at + 30);
    const commentLen = cd.readUInt16LE(at + 32);
    const entry = {
      madeBy: cd.readUInt16LE(at + 4) >> 8,
      method: cd.readUInt16LE(at + 10),
      compressed: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
      external: cd.readUInt32LE(at + 38),
      name: cd.subarray(at + 46, at + 46 + nameLen).toString("utf8")
    };
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 1) {
        let p = x + 4;
        if (entry.size === 4294967295) {
          entry.size = Number(cd.readBigUInt64LE(p));
          p += 8;
        }
        if (entry.compressed === 4294967295) {
          entry.compressed = Number(cd.readBigUInt64LE(p));
          p += 8;
        }
        if (entry.localOffset === 4294967295) entry.localOffset = Number(cd.readBigUInt64LE(p));
      }
      x += 4 + len;
    }
    out3.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out3;
}
async function writeStreamTo(source, transforms, dest) {
  const h = hasher();
  const tmp = `${dest}.partial-${process.pid}`;
  try {
    await pipeline2([source, ...transforms, h.stream, createWriteStream(tmp)]);
    await rename3(tmp, dest);
  } catch (error) {
    await rm3(tmp, { force: true });
    throw error;
  }
  return h.result();
}
async function extractZip(archive, wanted, destDir) {
  const entries = await zipEntries(archive);
  const out3 = {};
  for (const e of entries) {
    const name = wantedName(wanted, e.name);
    if (!name || out3[name]) continue;
    if (e.madeBy === 3 && (e.external >>> 16 & 61440) === 40960)
      throw new ArchiveError(`${e.name} is a symbolic link in the archive, expected a file`);
    if (e.method !== 0 && e.method !== 8)
      throw new ArchiveError(`${e.name} uses ZIP compression method ${e.method}; only stored (0) and deflate (8) are supported`);
    const local = await readAt2(archive, e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 67324752) throw new ArchiveError(`bad ZIP local header for ${e.name}`);
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const dest = join4(destDir, name);
    const source = e.compressed > 0 ? createReadStream2(archive, { start, end: start + e.compressed - 1 }) : Readable.from([]);
    const r = await writeStreamTo(source, e.method === 8 ? [createInflateRaw()] : [], dest);
    if (r.bytes !== e.size) throw new ArchiveError(`${e.name} extracted to ${r.bytes} bytes, but the archive says ${e.size}`);
    out3[name] = { path: dest, ...r };
  }
  if (Object.keys(out3).length !== Object.keys(wanted).length) throw missingError(wanted, new Set(Object.keys(out3)), "ZIP");
  return out3;
}
function octal(buf, at, len) {
  if (buf[at] & 128) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + buf[i];
    return v;
  }
  const s = buf.subarray(at, at + len).toString("latin1").replace(/\0.*$/s, "").trim();
  if (s !== "" && !/^[0-7]+$/.test(s)) throw new ArchiveError(`bad TAR header number "${s}"`);
  return s === "" ? 0 : parseInt(s, 8);
}
function cstring(buf, at, len) {
  const s = buf.subarray(at, at + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? s.length : end).toString("utf8");
}
async function extractTgz(archive, wanted, destDir) {
  const out3 = {};
  const gunzip = createGunzip();
  const src = createReadStream2(archive);
  src.on("error", (e) => gunzip.destroy(e));
  src.pipe(gunzip);
  let pending = Buffer.alloc(0);
  let header = null;
  let remaining = 0;
  let padding = 0;
  let longName = null;
  const cur = { meta: null, sink: null };
  let ended = false;
  const startEntry = async (h) => {
    let name = cstring(h, 0, 100);
    const prefix = h.subarray(257, 262).toString("latin1") === "ustar" ? cstring(h, 345, 155) : "";
    if (prefix) name = `${prefix}/${name}`;
    if (longName !== null) name = longName;
    longName = null;
    const type = String.fromCharCode(h[156] || 48);
    const size = octal(h, 124, 12);
    header = { name, size, type };
    remaining = size;
    padding = (512 - size % 512) % 512;
    if (type === "L" || type === "x") {
      cur.meta = [];
      return;
    }
    const target = wantedName(wanted, name.replace(/^\.\//, ""));
    if (!target || out3[target]) return;
    if (type !== "0" && type !== "7")
      throw new ArchiveError(
        `${name} is ${type === "2" ? "a symbolic link" : type === "1" ? "a hard link" : `of TAR type ${type}`} in the archive, expected a file`
      );
    const tmp = join4(destDir, `${target}.partial-${process.pid}`);
    cur.sink = { fh: await open(tmp, "w"), name: target, tmp, hash: createHash("sha256"), bytes: 0 };
  };
  const endEntry = async () => {
    if (cur.meta && header) {
      const data = Buffer.concat(cur.meta);
      if (header.type === "L") longName = cstring(data, 0, data.length);
      else {
        for (const line of data.toString("utf8").split("\n")) {
          const m = /^\d+ path=(.*)$/.exec(line);
          if (m) longName = m[1];
        }
      }
    }
    cur.meta = null;
    const sink = cur.sink;
    if (sink) {
      await sink.fh.close();
      const dest = join4(destDir, sink.name);
      await rename3(sink.tmp, dest);
      out3[sink.name] = { path: dest, bytes: sink.bytes, sha256: sink.hash.digest("hex") };
      cur.sink = null;
    }
    header = null;
  };
  try {
    for await (const chunk of gunzip) {
      if (ended) continue;
      let buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.alloc(0);
      while (buf.length > 0) {
        if (header && remaining > 0) {
          const take = buf.subarray(0, Math.min(remaining, buf.length));
          if (cur.meta) cur.meta.push(Buffer.from(take));
          const sink = cur.sink;
          if (sink) {
            sink.hash.update(take);
            sink.bytes += take.length;
            await sink.fh.write(take);
          }
          remaining -= take.length;
          buf = buf.subarray(take.length);
          if (remaining === 0 && padding === 0) await endEntry();
          continue;
        }
        if (header && padding > 0) {
          const skip = Math.min(padding, buf.length);
          padding -= skip;
          buf = buf.subarray(skip);
          if (padding === 0) await endEntry();
          continue;
        }
        if (header) await endEntry();
        if (buf.length < 512) {
          pending = Buffer.from(buf);
          break;
        }
        const h = buf.subarray(0, 512);
        buf = buf.subarray(512);
        if (h.every((b) => b === 0)) {
          ended = true;
          break;
        }
        await startEntry(h);
        if (remaining === 0 && padding === 0) await endEntry();
      }
    }
    const open_ = header;
    if (open_ && (remaining > 0 || padding > 0))
      throw new ArchiveError(`the TAR archive ends inside ${open_.name} (truncated download?)`);
  } catch (error) {
    if (cur.sink) {
      await cur.sink.fh.close().catch(() => void 0);
      await rm3(cur.sink.tmp, { force: true });
    }
    throw error;
  }
  if (Object.keys(out3).length !== Object.keys(wanted).length) throw missingError(wanted, new Set(Object.keys(out3)), "TAR");
  return out3;
}

// src/device/cuda-checksums.ts
var CUDA_PROVIDER_CHECKSUMS = {};

// src/device/fetch-cuda.ts
function cudaProviderSource(version, kind = "nuget") {
  if (kind === "github") {
    const base = `onnxruntime-linux-x64-gpu-${version}`;
    return {
      kind,
      url: `https://github.com/microsoft/onnxruntime/releases/download/v${version}/${base}.tgz`,
      format: "tgz",
      files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `${base}/lib/${f}`]))
    };
  }
  const id = "microsoft.ml.onnxruntime.gpu.linux";
  return {
    kind,
    url: `https://api.nuget.org/v3-flatcontainer/${id}/${version.toLowerCase()}/${id}.${version.toLowerCase()}.nupkg`,
    format: "zip",
    files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `runtimes/linux-x64/native/${f}`]))
  };
}
function sourceFromEnv(version, env2) {
  const url = env2.ENERGY_BUDGET_CUDA_PROVIDER_URL?.trim();
  if (url) {
    if (!/^https?:\/\//.test(url)) {
      throw new EnvironmentError(
        `ENERGY_BUDGET_CUDA_PROVIDER_URL is "${url}", expected an http:// or https:// URL of a .nupkg/.zip or .tgz archive holding ${CUDA_PROVIDER_FILES.join(" and ")}.`
      );
    }
    const tgz = /\.(tgz|tar\.gz)(\?|$)/.test(url);
    return {
      kind: "url",
      url,
      format: tgz ? "tgz" : "zip",
      files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `*/${f}`]))
    };
  }
  const kind = env2.ENERGY_BUDGET_CUDA_PROVIDER_SOURCE?.trim() || "nuget";
  if (kind !== "nuget" && kind !== "github") {
    throw new EnvironmentError(
      `ENERGY_BUDGET_CUDA_PROVIDER_SOURCE is "${kind}", expected nuget or github (or set ENERGY_BUDGET_CUDA_PROVIDER_URL to a mirror).`
    );
  }
  return cudaProviderSource(version, kind);
}
function cacheRoot(env2, home = homedir()) {
  if (env2.RUNNER_TOOL_CACHE) return join5(env2.RUNNER_TOOL_CACHE, "energy-budget");
  return join5(env2.XDG_CACHE_HOME || join5(home, ".cache"), "energy-budget");
}
function onnxruntimeNodeVersion() {
  const req = createRequire(import.meta.url);
  return req(join5(onnxRuntimeFor().dir, "package.json")).version;
}
var HttpFailure = class extends Error {
  constructor(message, retry) {
    super(message);
    this.retry = retry;
  }
  retry;
};
async function sha256File(path4) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream3(path4)) hash.update(chunk);
  return hash.digest("hex");
}
function get(url, timeoutMs) {
  return new Promise((resolveRes, reject) => {
    const req = (url.startsWith("https:") ? httpsRequest : httpRequest)(
      url,
      { method: "GET", headers: { "user-agent": "energy-budget" } },
      resolveRes
    );
    req.setTimeout(timeoutMs, () => req.destroy(new HttpFailure(`no response within ${timeoutMs / 1e3} s`, true)));
    req.on(
      "error",
      (e) => reject(
        e instanceof HttpFailure ? e : new HttpFailure(`connection failed (${e.code ?? e.message})`, true)
      )
    );
    req.end();
  });
}
async function downloadOnce(url, dest, timeoutMs) {
  let current = url;
  for (let hop = 0; hop <= 5; hop++) {
    const res = await get(current, timeoutMs);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, current).toString();
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw new HttpFailure(
        `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""} from ${current}`,
        status >= 500 || status === 429
      );
    }
    const expected = res.headers["content-length"] !== void 0 ? Number(res.headers["content-length"]) : void 0;
    const hash = createHash2("sha256");
    let bytes = 0;
    const out3 = createWriteStream2(dest);
    try {
      await new Promise((done, fail) => {
        let cause;
        res.setTimeout(timeoutMs, () => {
          cause = new HttpFailure(`the download stalled (no data for ${timeoutMs / 1e3} s)`, true);
          res.destroy(cause);
        });
        res.on("data", (chunk) => {
          hash.update(chunk);
          bytes += chunk.length;
          if (!out3.write(chunk)) {
            res.pause();
            out3.once("drain", () => res.resume());
          }
        });
        res.on("end", () => out3.end(done));
        res.on(
          "error",
          (e) => fail(cause ?? (e instanceof HttpFailure ? e : new HttpFailure(`the connection dropped (${e.message})`, true)))
        );
        res.on("aborted", () => fail(cause ?? new HttpFailure("the connection dropped", true)));
        out3.on("error", fail);
      });
    } catch (error) {
      out3.destroy();
      throw error;
    }
    if (expected !== void 0 && bytes !== expected)
      throw new HttpFailure(`the download ended after ${bytes} of ${expected} bytes`, true);
    return { sha256: hash.digest("hex"), bytes, finalUrl: current };
  }
  throw new HttpFailure(`more than 5 redirects from ${url}`, false);
}
async function readManifest(dir) {
  try {
    return JSON.parse(await readFile2(join5(dir, "manifest.json"), "utf8"));
  } catch {
    return void 0;
  }
}
async function cacheIntact(dir, m, names) {
  for (const name of names) {
    const rec = m.files[name];
    if (!rec) return false;
    try {
      if ((await stat(join5(dir, name))).size !== rec.bytes) return false;
      if (await sha256File(join5(dir, name)) !== rec.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}
async function ensureCudaProvider(opts) {
  const version = opts.version ?? onnxruntimeNodeVersion();
  const source = opts.source ?? sourceFromEnv(version, opts.env);
  const log2 = opts.log ?? (() => void 0);
  const userDigest = opts.env.ENERGY_BUDGET_CUDA_PROVIDER_SHA256?.trim().toLowerCase();
  if (userDigest !== void 0 && userDigest !== "" && !/^[0-9a-f]{64}$/.test(userDigest)) {
    throw new EnvironmentError(
      `ENERGY_BUDGET_CUDA_PROVIDER_SHA256 is "${userDigest}", expected 64 hexadecimal digits (the output of \`sha256sum\` on the archive).`
    );
  }
  const pinned = userDigest || (opts.checksums ?? CUDA_PROVIDER_CHECKSUMS)[source.url]?.sha256;
  if (!pinned) {
    throw new EnvironmentError(
      `device: cuda needs onnxruntime's CUDA provider binaries, which are downloaded from ${source.url}, but no SHA-256 is pinned for that archive, so it is not downloaded. Compute the digest on a trusted machine (\`curl -fsSL ${source.url} | sha256sum\`, and compare with the publisher's: GitHub shows one per release asset, NuGet's catalog gives a SHA-512), then set ENERGY_BUDGET_CUDA_PROVIDER_SHA256 to it (or add it to src/device/cuda-checksums.ts); or install the files yourself with \`ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node\`.`
    );
  }
  const names = Object.keys(source.files);
  const cacheDir = join5(opts.cacheDir ?? cacheRoot(opts.env), "onnxruntime-cuda", `${version}-${pinned.slice(0, 12)}`);
  const bindingDir = opts.bindingDir ?? defaultBindingDir();
  const fail = (what, fix, cause) => new EnvironmentError(
    `Fetching onnxruntime's CUDA provider (${source.url}) failed: ${what}. ${fix}`,
    cause === void 0 ? void 0 : { cause }
  );
  try {
    await mkdir2(cacheDir, { recursive: true });
  } catch (error) {
    throw fail(
      `the cache folder ${cacheDir} cannot be created (${error.code ?? error})`,
      "Set RUNNER_TOOL_CACHE or XDG_CACHE_HOME to a writable folder.",
      error
    );
  }
  let manifest = await readManifest(cacheDir);
  let downloaded = false;
  if (!manifest || manifest.sha256 !== pinned || !await cacheIntact(cacheDir, manifest, names)) {
    const archive = join5(cacheDir, `download-${process.pid}.${source.format === "zip" ? "zip" : "tgz"}`);
    const retries = opts.retries ?? 3;
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    let got;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          log2(`Downloading onnxruntime's CUDA provider from ${source.url}${attempt ? ` (attempt ${attempt + 1})` : ""}`);
          got = await downloadOnce(source.url, archive, opts.timeoutMs ?? 3e4);
          break;
        } catch (error) {
          const retry = error instanceof HttpFailure && error.retry && attempt < retries;
          if (!retry) {
            const msg = error.message;
            throw fail(
              `${msg}${attempt ? ` (after ${attempt + 1} attempts)` : ""}`,
              /HTTP 404/.test(msg) ? `No such file: check that onnxruntime ${version} published it, or point ENERGY_BUDGET_CUDA_PROVIDER_URL at a mirror (with its ENERGY_BUDGET_CUDA_PROVIDER_SHA256).` : "Check the network (the runner must reach the host), or point ENERGY_BUDGET_CUDA_PROVIDER_URL at a reachable mirror.",
              error
            );
          }
          await sleep(1e3 * 2 ** attempt);
        }
      }
      if (got.sha256 !== pinned) {
        throw fail(
          `the archive's SHA-256 is ${got.sha256} (${got.bytes} bytes), but ${pinned} is pinned, so the download is corrupt or not the pinned file`,
          "Nothing was installed. Retry; if it persists, the file changed upstream: verify it from the publisher before pinning a new digest."
        );
      }
      log2(`Verified SHA-256 ${pinned}; extracting ${names.join(", ")}`);
      let files;
      try {
        files = source.format === "zip" ? await extractZip(archive, source.files, cacheDir) : await extractTgz(archive, source.files, cacheDir);
      } catch (error) {
        throw fail(
          `the archive cannot be extracted (${error.message})`,
          "The pinned archive is not what this version expects; check the source and its entries.",
          error
        );
      }
      manifest = {
        url: source.url,
        sha256: pinned,
        files: Object.fromEntries(Object.entries(files).map(([n, f]) => [n, { bytes: f.bytes, sha256: f.sha256 }]))
      };
      await writeFile3(join5(cacheDir, "manifest.json"), JSON.stringify(manifest, null, 2));
      downloaded = true;
    } finally {
      await rm4(archive, { force: true });
    }
  } else {
    log2(`onnxruntime's CUDA provider found in the cache (${cacheDir})`);
  }
  try {
    await mkdir2(bindingDir, { recursive: true });
    for (const name of names) {
      const dest = join5(bindingDir, name);
      const rec = manifest.files[name];
      const same = await stat(dest).then(
        (s) => s.size === rec.bytes,
        () => false
      ) && await sha256File(dest) === rec.sha256;
      if (same) continue;
      const tmp = `${dest}.partial-${process.pid}`;
      await copyFile(join5(cacheDir, name), tmp);
      await rename4(tmp, dest);
    }
  } catch (error) {
    const code = error.code;
    throw fail(
      `the files cannot be copied into onnxruntime's folder ${bindingDir} (${code ?? error.message})`,
      `Make that folder writable for this user (onnxruntime loads providers only from the folder of its own library), or install them there yourself with \`ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node\`.`,
      error
    );
  }
  return { installedTo: bindingDir, cacheDir, downloaded, url: source.url, sha256: pinned, files: manifest.files };
}

// src/device/gpu-memory.ts
async function loadNvmlWithMemory(libPath = "libnvidia-ml.so.1") {
  const base = await loadNvml(libPath);
  if ("error" in base) return base;
  try {
    const koffi = (await import("koffi")).default;
    const lib = koffi.load(libPath);
    try {
      koffi.struct("nvmlMemory_t", { total: "unsigned long long", free: "unsigned long long", used: "unsigned long long" });
    } catch {
    }
    const getInfo = lib.func("int nvmlDeviceGetMemoryInfo(nvmlDevice_t device, _Out_ nvmlMemory_t *memory)");
    const errorString = lib.func("const char *nvmlErrorString(int result)");
    const memoryInfo = (handle) => {
      const out3 = {};
      const status = getInfo(handle, out3);
      if (status !== 0) throw new Error(`nvmlDeviceGetMemoryInfo failed: ${String(errorString(status))} (NVML status ${status})`);
      return { totalBytes: Number(out3.total), freeBytes: Number(out3.free), usedBytes: Number(out3.used) };
    };
    return { nvml: Object.assign(base.nvml, { memoryInfo }) };
  } catch (error) {
    return { error: `${libPath} lacks nvmlDeviceGetMemoryInfo (${error.message})` };
  }
}
var GpuMemorySampler = class {
  constructor(nvml, gpus, ticker, intervalMs) {
    this.nvml = nvml;
    this.gpus = gpus;
    this.ticker = ticker;
    this.intervalMs = intervalMs;
  }
  nvml;
  gpus;
  ticker;
  intervalMs;
  timer = null;
  samples = 0;
  error = null;
  /** Takes one reading of every tracked GPU (the ticker calls it; tests may too). */
  sample() {
    for (const g of this.gpus) {
      try {
        g.peak = Math.max(g.peak, this.nvml.memoryInfo(g.handle).usedBytes);
      } catch (error) {
        this.error ??= error;
      }
    }
    this.samples++;
  }
  /**
   * Records the baseline and starts sampling.
   * @throws EnvironmentError when the first reading fails.
   */
  start() {
    for (const g of this.gpus) {
      try {
        g.baseline = g.peak = this.nvml.memoryInfo(g.handle).usedBytes;
      } catch (error) {
        throw new EnvironmentError(`Reading GPU memory through NVML failed for ${g.label}: ${error.message}.`, {
          cause: error,
          code: "METER_UNAVAILABLE"
        });
      }
    }
    this.samples = 1;
    this.timer?.stop();
    this.timer = this.ticker.every(this.intervalMs, () => this.sample());
  }
  /**
   * Stops sampling and returns the peak.
   * @throws EnvironmentError when a reading failed while sampling.
   */
  stop() {
    this.sample();
    this.timer?.stop();
    this.timer = null;
    if (this.error !== null) {
      const error = this.error;
      this.error = null;
      throw new EnvironmentError(`Reading GPU memory through NVML failed during the run: ${error.message}.`, {
        cause: error,
        code: "METER_UNAVAILABLE"
      });
    }
    const devices = this.gpus.map((g) => ({
      label: g.label,
      totalBytes: g.totalBytes,
      baselineUsedBytes: g.baseline,
      peakUsedBytes: g.peak
    }));
    return {
      peakGpuMemoryBytes: devices.reduce((s, d) => s + Math.max(0, d.peakUsedBytes - d.baselineUsedBytes), 0),
      devices,
      samples: this.samples,
      description: `NVML device memory in use, sampled every ${this.intervalMs} ms (${this.samples} samples), peak minus the reading before the session was created, on ${devices.map((d) => d.label).join(", ")}; device-wide, so other processes' allocations in that time are included`
    };
  }
  /** Stops sampling and shuts NVML down. */
  close() {
    this.timer?.stop();
    this.timer = null;
    try {
      this.nvml.shutdown();
    } catch {
    }
  }
};
function openGpuMemorySampler(opts) {
  const { nvml } = opts;
  try {
    nvml.init();
  } catch (error) {
    return { ok: false, message: `GPU memory is not measured: NVML could not start (${error.message}).` };
  }
  const visible = parseCudaVisibleDevices(opts.env.CUDA_VISIBLE_DEVICES);
  const gpus = [];
  try {
    const count = nvml.deviceCount();
    const all = visible.devices ?? Array.from({ length: count }, (_, index) => ({ index }));
    const chosen = opts.device === "cuda" ? all.slice(opts.deviceId ?? 0, (opts.deviceId ?? 0) + 1) : all;
    for (const d of chosen) {
      if ("index" in d && d.index >= count) continue;
      const handle = "index" in d ? nvml.handleByIndex(d.index) : nvml.handleByUuid(d.uuid);
      let name = "NVIDIA GPU";
      try {
        name = nvml.deviceName(handle);
      } catch {
      }
      const info = nvml.memoryInfo(handle);
      gpus.push({
        label: `${name} (${"index" in d ? `NVML index ${d.index}` : d.uuid})`,
        handle,
        totalBytes: info.totalBytes,
        baseline: info.usedBytes,
        peak: info.usedBytes
      });
    }
  } catch (error) {
    try {
      nvml.shutdown();
    } catch {
    }
    return { ok: false, message: `GPU memory is not measured: NVML could not read the GPUs (${error.message}).` };
  }
  if (gpus.length === 0) {
    try {
      nvml.shutdown();
    } catch {
    }
    return {
      ok: false,
      message: `GPU memory is not measured: no NVIDIA GPU ${opts.device === "cuda" ? `with CUDA ordinal ${opts.deviceId ?? 0} ` : ""}is visible${opts.env.CUDA_VISIBLE_DEVICES !== void 0 ? ` (CUDA_VISIBLE_DEVICES="${opts.env.CUDA_VISIBLE_DEVICES}")` : ""}.`
    };
  }
  return {
    ok: true,
    sampler: new GpuMemorySampler(nvml, gpus, opts.ticker ?? realTicker, opts.intervalMs ?? 20),
    notes: visible.notes
  };
}

// src/measure-device.ts
async function prepareDevice(cfg, env2, logger) {
  if (cfg.device === "cpu") return;
  const probes = await realDeviceProbes();
  const check = checkDevice(cfg.device, probes);
  if (cfg.device === "cuda" && check.missing.some((m) => m.what === "cuda-provider") && !check.missing.some((m) => m.what === "driver" || m.what === "backend")) {
    await ensureCudaProvider({ env: env2, log: (line) => logger.progress(`  ${line}`) });
  }
  requireDevice(cfg.device, probes, `"${cfg.name}" (${cfg.pathInConfig})`);
}
async function startGpuMemory(cfg, env2) {
  if (cfg.device === "cpu") return {};
  const loaded = await loadNvmlWithMemory();
  if ("error" in loaded) return { notice: `GPU memory is not measured: ${loaded.error}` };
  const opened = openGpuMemorySampler({ nvml: loaded.nvml, env: env2, device: cfg.device });
  if (!opened.ok) return { notice: opened.message };
  opened.sampler.start();
  return { sampler: opened.sampler };
}

// src/model/memory.ts
var RUNTIME_OVERHEAD_BYTES = 160 * 1024 * 1024;
var ACTIVATION_ELEMENT_BYTES = 4;
var OPTIMIZER_SLOTS = { sgd: 0, momentum: 1, rmsprop: 1, adam: 2 };
function weightFigures(proto) {
  const byName = /* @__PURE__ */ new Map();
  let bytes = 0;
  let largestBytes = 0;
  forEachTensor(proto.graph, (t) => {
    let per = 0;
    try {
      per = dtypeBytes(dtypeName(t.dataType ?? 0));
    } catch {
      return;
    }
    const n = (t.dims ?? []).reduce((p, d) => p * Number(d), 1);
    const b = Math.ceil(n * per);
    bytes += b;
    largestBytes = Math.max(largestBytes, b);
    if (t.name) byName.set(t.name, (byName.get(t.name) ?? 0) + b);
  });
  return { bytes, largestBytes, byName };
}
function activationFigures(shapes, exclude) {
  let total = 0;
  let first = 0;
  let second = 0;
  for (const [name, dims] of shapes) {
    if (exclude.has(name)) continue;
    const b = dims.reduce((p, d) => p * d, 1) * ACTIVATION_ELEMENT_BYTES;
    total += b;
    if (b > first) [first, second] = [b, first];
    else if (b > second) second = b;
  }
  return { totalBytes: total, twoLargestBytes: first + second };
}
function frozen(name, patterns) {
  return patterns.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
}
function estimatePass(pass, x) {
  const parts = [
    { what: "weights", bytes: x.weights.bytes },
    { what: "the largest weight again while onnxruntime pre-packs it", bytes: x.weights.largestBytes },
    { what: "inputs", bytes: x.inputBytes }
  ];
  if (pass === "shapes") {
    parts.push({ what: "intermediate tensors (all returned by the shape-finding run)", bytes: x.activations.totalBytes });
  } else if (pass === "inference" || pass === "advice") {
    parts.push({ what: "activations (the two largest intermediate tensors)", bytes: x.activations.twoLargestBytes });
    if (pass === "advice")
      parts.push({ what: "the weights read into JavaScript and a variant of up to the same size", bytes: 2 * x.weights.bytes });
  } else {
    const t = x.training ?? { optimizer: "sgd" };
    let trainable = 0;
    for (const [name, b] of x.weights.byName) if (!frozen(name, t.freeze ?? [])) trainable += b;
    const slots = OPTIMIZER_SLOTS[t.optimizer];
    parts.push(
      { what: "activations kept for the backward pass and their gradients", bytes: 2 * x.activations.totalBytes },
      { what: "gradients of the trainable weights", bytes: trainable },
      { what: `${t.optimizer} state (${slots} per trainable weight)`, bytes: slots * trainable },
      { what: "trainable weights and state fed in from JavaScript and returned", bytes: (1 + slots) * trainable }
    );
  }
  parts.push({ what: "Node.js and onnxruntime", bytes: RUNTIME_OVERHEAD_BYTES });
  return { pass, totalBytes: parts.reduce((s, p) => s + p.bytes, 0), parts };
}
function formatBytes(b) {
  if (b >= 1e9) return `${(b / 1e9).toFixed(2)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(1)} MB`;
  return `${(b / 1e3).toFixed(0)} kB`;
}
var PASS_NAME = {
  shapes: "the run that finds the shapes of intermediate tensors",
  inference: "the inference benchmark",
  training: "the training step",
  advice: "the optimisation advisor (--advise)"
};
function memoryRefusal(model, estimate, availableBytes, source, hints) {
  if (!(estimate.totalBytes > availableBytes)) return void 0;
  const parts = estimate.parts.filter((p) => p.bytes > 0).map((p) => `${p.what} ${formatBytes(p.bytes)}`).join(", ");
  const fixes = [];
  const dims = Object.entries(hints.dims ?? {});
  if (dims.length) fixes.push(`smaller dims (now ${dims.map(([k, v]) => `${k}: ${v}`).join(", ")})`);
  else fixes.push("smaller input shapes (dims: or inputs:)");
  if (estimate.pass === "advice") fixes.unshift("the run without --advise for this model");
  if (estimate.pass === "training") {
    fixes.push("training.freeze for the layers you do not fine-tune");
    if (hints.training && hints.training.optimizer !== "sgd") fixes.push(`optimizer: sgd instead of ${hints.training.optimizer}`);
  }
  fixes.push("a runner with more memory");
  return `Model ${model}: ${PASS_NAME[estimate.pass]} needs about ${formatBytes(estimate.totalBytes)} of memory, but only ${formatBytes(availableBytes)} is available (${source}), so it was not started (it would be killed for lack of memory). Estimate: ${parts} (docs/large-models.md#memory-pre-flight). To fit, use ${fixes.join(", or ")}.`;
}

// src/util/available-memory.ts
import { readFile as readFile3 } from "node:fs/promises";
import os4 from "node:os";
import { join as join6 } from "node:path";
function parseMemAvailable(text) {
  const m = /^MemAvailable:\s+(\d+)\s*kB/m.exec(text);
  return m ? Number(m[1]) * 1024 : void 0;
}
function availableMemoryReader(procRoot = "/proc", sysfsRoot = "/sys") {
  return async () => {
    const text = await readFile3(join6(procRoot, "meminfo"), "utf8").catch(() => void 0);
    const fromProc = text === void 0 ? void 0 : parseMemAvailable(text);
    let out3 = fromProc !== void 0 ? { bytes: fromProc, source: `MemAvailable in ${join6(procRoot, "meminfo")}` } : { bytes: os4.freemem(), source: "free memory reported by the OS" };
    const cg = join6(sysfsRoot, "fs/cgroup");
    const max = (await readFile3(join6(cg, "memory.max"), "utf8").catch(() => "max")).trim();
    const current = Number((await readFile3(join6(cg, "memory.current"), "utf8").catch(() => "")).trim());
    const stat2 = await readFile3(join6(cg, "memory.stat"), "utf8").catch(() => "");
    const inactiveFile = Number(/^inactive_file\s+(\d+)/m.exec(stat2)?.[1] ?? 0);
    if (/^\d+$/.test(max) && Number.isFinite(current)) {
      const left = Math.max(0, Number(max) - (current - inactiveFile));
      if (left < out3.bytes)
        out3 = { bytes: left, source: `the container's cgroup limit ${join6(cg, "memory.max")} less its memory in use` };
    }
    return out3;
  };
}

// src/measure.ts
var EXTERNAL_VARIANT_BYTES = 2 ** 31 - 64 * 2 ** 20;
function label(cfg) {
  return `"${cfg.name}" (${cfg.pathInConfig})`;
}
async function prepareModel(cfg, path4, ctx) {
  const modelIndex = ctx.config.models.indexOf(cfg);
  const loaded = await loadModel(path4, { label: cfg.name });
  const analysis = analyzeModel(loaded, { label: label(cfg) });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    modelIndex: modelIndex >= 0 ? modelIndex : void 0,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(cfg.name),
    readFile: ctx.readFile
  });
  const weights = weightFigures(loaded.proto);
  const inputBytes = Object.values(inputs.feeds).reduce((sum, t) => sum + tensorBytes(t), 0);
  const notActivations = /* @__PURE__ */ new Set([...weights.byName.keys(), ...Object.keys(inputs.feeds)]);
  const preflight = (pass, shapes) => memoryPreflight(cfg, ctx, pass, {
    weights,
    inputBytes,
    activations: activationFigures(shapes, notActivations),
    ...cfg.training && !cfg.training.stepModel ? { training: { optimizer: cfg.training.optimizer, freeze: cfg.training.freeze } } : {}
  });
  await preflight("shapes", staticShapes(loaded.proto, inputs.shapes));
  let counted;
  try {
    counted = await flopsWithControlFlow(
      loaded,
      inputs.feeds,
      (bytes, o) => createSession(bytes, { threads: cfg.threads, name: label(cfg), externalDataFolder: o.externalDataFolder })
    );
  } catch (error) {
    if (error instanceof EnergyBudgetError) throw error;
    const limit = limitErrorOf(label(cfg), "running the model once to find the shapes of intermediate tensors", error);
    if (limit) throw limit;
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label(cfg)}: onnxruntime failed running the model once on the synthesised inputs (to find the shapes of intermediate tensors): ${reason(error)}. Expected the model to run on inputs of the declared shapes; check the node named in the message, and the sizes given by dims: and inputs:.`,
      { cause: error }
    );
  }
  if (cfg.inference) await preflight("inference", counted.shapes);
  if (cfg.training && !cfg.training.stepModel) await preflight("training", counted.shapes);
  const flops = counted.flops;
  const notices = [...inputs.notices, ...counted.notices];
  if (flops.uncounted.length) {
    notices.push(`FLOPs do not include these op types (see docs/flops.md): ${flops.uncounted.join(", ")}`);
  }
  for (const c of flops.controlFlow ?? []) notices.push(`FLOPs of ${c.op} '${c.node}': counted the ${c.counted}`);
  const report = {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { ...analysis.size },
    flops: flops.total,
    flopsByOp: flops.byOp,
    ...flops.uncounted.length || flops.uncountedNodes ? {
      flopsUncounted: {
        ops: flops.uncounted,
        nodes: flops.uncountedNodes ?? 0,
        share: flops.nodes ? (flops.uncountedNodes ?? 0) / flops.nodes : 0
      }
    } : {},
    ...flops.controlFlow?.length ? { flopsControlFlow: flops.controlFlow } : {},
    opset: analysis.opset,
    ops: analysis.ops,
    inputs: analysis.inputs,
    outputs: analysis.outputs,
    budgets: [],
    notices
  };
  return { loaded, inputs, report, shapes: counted.shapes, preflight: (pass) => preflight(pass, counted.shapes) };
}
var FaultTolerantMeter = class {
  constructor(inner) {
    this.inner = inner;
  }
  inner;
  failure;
  get method() {
    return this.inner.method;
  }
  get description() {
    return this.inner.description;
  }
  get modelledIdleW() {
    return this.inner.modelledIdleW;
  }
  async begin() {
    try {
      return await this.inner.begin();
    } catch (error) {
      this.failure ??= reason(error);
      return { startedAt: Date.now(), failed: true };
    }
  }
  async end(token) {
    if (!token.failed) {
      try {
        return await this.inner.end(token);
      } catch (error) {
        this.failure ??= reason(error);
      }
    }
    return {
      energyJ: Number.NaN,
      domainsJ: {},
      durationS: 0,
      method: this.inner.method,
      notes: [`energy unavailable: ${this.failure}`]
    };
  }
  close() {
    return this.inner.close();
  }
  /** The first failure since the last call, if any (and forgets it). */
  takeFailure() {
    const f = this.failure;
    this.failure = void 0;
    return f;
  }
};
function tensorBytes(t) {
  const d = t.data;
  return typeof d?.byteLength === "number" ? d.byteLength : 0;
}
async function memoryPreflight(cfg, ctx, pass, input) {
  if (ctx.env.ENERGY_BUDGET_MEMORY_CHECK === "off") return;
  const read = ctx.availableMemory ??= availableMemoryReader(
    ctx.procRoot ?? ctx.env.ENERGY_BUDGET_PROC ?? "/proc",
    ctx.sysfsRoot
  );
  const available = await read();
  const estimate = estimatePass(pass, input);
  const refusal = memoryRefusal(label(cfg), estimate, available.bytes, available.source, {
    dims: cfg.dims,
    training: input.training
  });
  if (refusal) {
    throw new EnvironmentError(
      `${refusal} If the estimate is wrong for this model, ENERGY_BUDGET_MEMORY_CHECK=off skips the check.`,
      { code: "MEMORY_INSUFFICIENT" }
    );
  }
}
function reason(error) {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
}
async function withMeter(cfg, ctx, use) {
  const { meter, notices } = await openMeter(cfg.energy, {
    sysfsRoot: ctx.sysfsRoot,
    procRoot: ctx.procRoot,
    env: ctx.env,
    power: ctx.config.power,
    device: cfg.device
  });
  const shown = ctx.shown ??= /* @__PURE__ */ new Set();
  for (const n of notices) {
    if (!shown.has(n)) ctx.logger.progress(`note: ${n}`);
    shown.add(n);
  }
  try {
    return await use(new FaultTolerantMeter(await idleBaselined(meter, ctx)));
  } finally {
    await meter.close();
  }
}
async function idleBaselined(meter, ctx) {
  if (meter.method === "estimate") return meter;
  const seconds = Number(ctx.env.ENERGY_BUDGET_IDLE_S ?? 1);
  if (!(seconds > 0)) return meter;
  const cache = ctx.idle ??= /* @__PURE__ */ new Map();
  let baseline = cache.get(meter.description);
  if (!baseline) {
    try {
      baseline = await measureIdle(meter, seconds, ctx.sleep ?? ((s) => new Promise((done) => setTimeout(done, s * 1e3))));
      cache.set(meter.description, baseline);
      ctx.logger.progress(
        `note: idle power ${baseline.idleW.toFixed(2)} W (${meter.method}, measured over ${baseline.durationS.toFixed(1)} s)`
      );
    } catch (error) {
      ctx.logger.warn(`idle power could not be measured (${reason(error)}); energy is reported gross only`);
      return meter;
    }
  }
  return withIdleBaseline(meter, baseline);
}
function energyReport(window, calls, batch, description, ctx, runRelativeCi95) {
  const perCall = window.energyJ / calls;
  const estimated = isEstimated(window);
  const interval = figureInterval(window, runRelativeCi95);
  const carbon = carbonFor({
    energyJ: perCall,
    durationS: window.durationS / calls,
    settings: ctx.config.power,
    env: ctx.env,
    energyEstimated: estimated
  });
  return {
    joulesPerInference: perCall,
    joulesPerSample: perCall / batch,
    joulesPer1000Inferences: perCall * 1e3,
    method: window.method,
    estimated,
    // One window: the power model's validated interval (with the run's own spread), or the
    // meter's stated uncertainty (±1.96σ); figureInterval says which in ci95Basis.
    ...interval ? {
      ci95: [perCall * interval.factors[0], perCall * interval.factors[1]],
      ci95Basis: interval.basis
    } : {},
    ...window.attributableJ !== void 0 ? { attributableJoulesPerInference: window.attributableJ / calls } : {},
    description: estimated ? `ESTIMATE: ${description}` : description,
    carbon,
    notes: window.notes
  };
}
async function runInference(cfg, prepared, session, meter, ctx) {
  const inference = cfg.inference;
  const batch = prepared.inputs.batchSize;
  const result = await runInferenceBenchmark(
    session,
    prepared.inputs.feeds,
    { ...inference, batchSize: batch },
    { clockNs: ctx.clockNs, meter, label: `Model ${label(cfg)}`, minSamples: tailSamples(cfg) }
  );
  const report = {
    batchSize: batch,
    runs: result.runs,
    warmup: inference.warmup,
    threads: cfg.threads,
    latencyMs: result.latencyMs,
    throughput: result.throughput,
    relativeCi95: result.relativeCi95,
    peakMemoryBytes: result.peakMemoryBytes,
    nonFinite: result.nonFinite
  };
  const failed = meter.takeFailure();
  if (failed) {
    report.energyUnavailable = failed;
    (prepared.report.notices ??= []).push(
      `energy per inference is unavailable: the energy meter (${meter.description}) failed during the run (${failed}); the latency and throughput figures of the same run stand, and energy limits of this model are not checked`
    );
  } else if (result.energy)
    report.energy = energyReport(result.energy, result.runs, batch, meter.description, ctx, result.relativeCi95);
  const bad = Object.entries(result.nonFinite ?? {}).filter(([, n]) => n > 0);
  if (bad.length) {
    (prepared.report.notices ??= []).push(
      `outputs contain NaN or Inf values (${bad.map(([k, n]) => `${k}: ${n}`).join(", ")}); the figures were measured on them and are reported as they are`
    );
  }
  return report;
}
async function measureModel(cfg, path4, ctx) {
  return measurePrepared(cfg, await prepareModel(cfg, path4, ctx), ctx);
}
async function measurePrepared(cfg, prepared, ctx, what = { inference: true }) {
  if (!what.inference && !cfg.training) return prepared.report;
  await withMeter(cfg, ctx, async (meter) => {
    if (cfg.inference && what.inference) {
      ctx.logger.progress(
        `  ${cfg.name}: inference benchmark (${cfg.inference.iterations === "auto" ? "auto" : `${cfg.inference.iterations} runs`})`
      );
      await prepareDevice(cfg, ctx.env, ctx.logger);
      const gpu = await startGpuMemory(cfg, ctx.env);
      if (gpu.notice) (prepared.report.notices ??= []).push(gpu.notice);
      const session = await createSession(prepared.loaded.path, { threads: cfg.threads, name: label(cfg), device: cfg.device });
      try {
        prepared.report.inference = await runInference(cfg, prepared, session, meter, ctx);
        if (gpu.sampler) prepared.report.inference.peakGpuMemoryBytes = gpu.sampler.stop().peakGpuMemoryBytes;
      } finally {
        gpu.sampler?.close();
        await session.release();
      }
    }
    if (cfg.training) {
      ctx.logger.progress(
        `  ${cfg.name}: training step (${cfg.training.steps} steps, ${cfg.training.stepModel ? "own step-model" : cfg.training.optimizer})`
      );
      prepared.report.training = await measureTraining(cfg, prepared, meter, ctx);
      const failed = meter.takeFailure();
      if (failed) {
        delete prepared.report.training.energy;
        prepared.report.training.energyUnavailable = failed;
        (prepared.report.notices ??= []).push(
          `energy per training step is unavailable: the energy meter failed during the training run (${failed}); the step times stand, and energy limits of training are not checked`
        );
      }
    }
  });
  return prepared.report;
}
function metricValues(m) {
  const v = {
    "model-size": m.size.bytes,
    parameters: m.size.parameters,
    flops: m.flops
  };
  const inf = m.inference;
  if (inf) {
    v["latency-p50"] = inf.latencyMs.p50 / 1e3;
    v["latency-p95"] = inf.latencyMs.p95 / 1e3;
    v["latency-p99"] = inf.latencyMs.p99 / 1e3;
    v["latency-mean"] = inf.latencyMs.mean / 1e3;
    v.throughput = inf.throughput;
    if (inf.peakMemoryBytes !== void 0) v["peak-memory"] = inf.peakMemoryBytes;
    if (inf.peakGpuMemoryBytes !== void 0) v["peak-gpu-memory"] = inf.peakGpuMemoryBytes;
    if (inf.instructions) v["instructions-per-inference"] = inf.instructions.perCall;
    if (inf.energy) {
      v["energy-per-inference"] = inf.energy.joulesPerInference;
      v["energy-per-sample"] = inf.energy.joulesPerSample;
      v["energy-per-1000-inferences"] = inf.energy.joulesPerInference * 1e3;
      if (inf.energy.carbon) {
        v["carbon-per-inference"] = inf.energy.carbon.totalG;
        v["carbon-per-1000-inferences"] = inf.energy.carbon.totalG * 1e3;
      }
    }
  }
  const t = m.training;
  if (t) {
    v["training-step-time"] = t.stepMs.mean / 1e3;
    if (t.energy) {
      v["energy-per-training-step"] = t.energy.joulesPerStep;
      v["energy-per-training-sample"] = t.energy.joulesPerSample;
    }
    if (t.instructions) v["instructions-per-step"] = t.instructions.perCall;
    if (t.projection) {
      v["training-energy-total"] = t.projection.joules;
      v["training-carbon-total"] = t.projection.gCO2e;
    }
  }
  return v;
}
var ENERGY_METRICS = ["energy-per-inference", "energy-per-sample", "energy-per-1000-inferences"];
function tailSamples(cfg) {
  let n = 10;
  for (const b of cfg.budget) {
    if (b.metric === "latency-p99") n = Math.max(n, minSamplesPerRound({ percentile: 99 }));
    if (b.metric === "latency-p95") n = Math.max(n, minSamplesPerRound({ percentile: 95 }));
  }
  return n;
}
var INFORMATION_THRESHOLD = 0.02;
var MIN_ROUNDS = 3;
function emptyBaseCalls() {
  return {
    latenciesMs: [],
    energy: { energyJ: 0, durationS: 0, attributableJ: 0, uncertaintyJ2: 0, windows: 0, notes: [] },
    energyFailed: false
  };
}
async function compareInterleaved(cfg, base, head, plan, ctx, meter) {
  const blockMs = plan.blockMs ?? 25;
  const blocksPerRound = plan.blocksPerRound ?? 8;
  const deciderOptions = { threshold: plan.threshold, improvementThreshold: plan.improvementThreshold };
  const needed = createRoundDecider(plan.metrics, deciderOptions).samplesPerArm;
  const callsPerBlock = Math.max(
    Math.ceil(needed / blocksPerRound),
    Math.min(5e3, Math.round(blockMs / Math.max(1e-3, plan.meanMs)))
  );
  const warmup = plan.warmup ?? 10;
  const collect = plan.baseCalls;
  const deadline = ctx.clockNs() + BigInt(Math.round(plan.capS * 1e9));
  let coefficients;
  let derived;
  const oneRound = async () => {
    const arm = (a) => ({
      threads: cfg.threads,
      name: label(cfg),
      device: cfg.device,
      externalDataFolder: a.externalDataFolder
    });
    const sb = await createSession(base.model, arm(base));
    const sh = await createSession(head.model, arm(head));
    const baseMs = [];
    const headMs = [];
    let bJ = 0;
    let hJ = 0;
    const bCpuS = [];
    const hCpuS = [];
    const windows = [];
    try {
      for (let i = 0; i < warmup; i++) {
        await sb.run(base.feeds);
        await sh.run(head.feeds);
      }
      for (let k = 0; k < blocksPerRound; k++) {
        for (const isBase of abbaBaseFirst(k) ? [true, false] : [false, true]) {
          const r = await runInferenceBenchmark(
            isBase ? sb : sh,
            (isBase ? base : head).feeds,
            { iterations: callsPerBlock, warmup: 0, maxTimeS: 60, targetRelativeCi: 0, batchSize: plan.batchSize },
            { clockNs: ctx.clockNs, meter, label: cfg.name }
          );
          for (const x of r.latenciesMs) (isBase ? baseMs : headMs).push(x);
          const j = r.energy ? r.energy.energyJ : NaN;
          if (isBase) bJ += j;
          else hJ += j;
          const cpuS = r.energy?.method === "estimate" ? (r.energy.estimate?.processCpuS ?? NaN) / r.runs : NaN;
          (isBase ? bCpuS : hCpuS).push(cpuS);
          if (r.energy) windows.push(r.energy);
          if (isBase && collect && r.energy) {
            if (Number.isFinite(r.energy.energyJ)) {
              const w = collect.energy;
              w.energyJ += r.energy.energyJ;
              w.durationS += r.energy.durationS;
              w.attributableJ += r.energy.attributableJ ?? NaN;
              w.uncertaintyJ2 += (r.energy.uncertaintyJ ?? NaN) ** 2;
              w.windows++;
              if (!w.notes.length) w.notes = r.energy.notes ?? [];
              collect.method = r.energy.method;
            } else collect.energyFailed = true;
          }
        }
      }
    } finally {
      await sb.release();
      await sh.release();
    }
    if (collect) for (const x of baseMs) collect.latenciesMs.push(x);
    const calls = callsPerBlock * blocksPerRound;
    const complete = windows.length === 2 * blocksPerRound && windows.every((w) => Number.isFinite(w.energyJ));
    if (derived === void 0 && complete) {
      coefficients = estimateCoefficients(windows);
      derived = coefficients !== void 0;
    }
    if (derived && coefficients) {
      if (!complete || ![...bCpuS, ...hCpuS].every(Number.isFinite)) return { baseMs, headMs };
      return { baseMs, headMs, ...estimatedRound(coefficients, baseMs, headMs, median(bCpuS), median(hCpuS)) };
    }
    return { baseMs, headMs, baseJPerCall: bJ / calls, headJPerCall: hJ / calls };
  };
  const first = await oneRound();
  const t0 = ctx.clockNs();
  let round = await oneRound();
  const roundS = Number(ctx.clockNs() - t0) / 1e9;
  const quick = plan.quickRoundsPerLook;
  const looks = quick !== void 0 ? quickLooks(plan.capS, roundS, quick) : { roundsPerLook: planRoundsPerLook(plan.capS, roundS) };
  const decider = createRoundDecider(plan.metrics, { ...deciderOptions, ...looks });
  decider.addRound(first);
  for (let rounds = 2; ; rounds++) {
    const done = decider.addRound(round);
    if (rounds >= MIN_ROUNDS && (done || ctx.clockNs() > deadline)) break;
    round = await oneRound();
  }
  if (collect && meter.takeFailure()) collect.energyFailed = true;
  const lookText = quick !== void 0 ? `, a look every ${looks.roundsPerLook} rounds (Bonferroni)` : "";
  return decider.finish(
    `paired with fresh sessions, ${blocksPerRound} ABBA blocks of ${callsPerBlock} calls per round${lookText}`,
    derived && coefficients ? estimatedRoundText(coefficients) : void 0
  );
}
var QUICK_MAX_LOOKS = 10;
function quickLooks(capS, roundS, minRoundsPerLook) {
  const capRounds = Math.floor(capS / Math.max(roundS, 1e-3));
  const roundsPerLook = Math.max(minRoundsPerLook, Math.ceil(capRounds / QUICK_MAX_LOOKS));
  return {
    roundsPerLook,
    firstLookRounds: Math.max(MIN_ROUNDS, roundsPerLook),
    maxLooks: Math.max(1, Math.min(QUICK_MAX_LOOKS, Math.floor(capRounds / roundsPerLook)))
  };
}
function estimatedRound(c, baseMs, headMs, baseCpuSPerCall, headCpuSPerCall) {
  return {
    baseJPerCall: estimateFromTimings(c, median(baseMs) / 1e3, baseCpuSPerCall),
    headJPerCall: estimateFromTimings(c, median(headMs) / 1e3, headCpuSPerCall)
  };
}
function estimatedRoundText(c) {
  return `ESTIMATED energy per call derived from each round's timings with the power model held fixed: ${sig(c.idleW)} W idle \xD7 median call time + ${sig(c.dynamicWPerCpu)} W \xD7 median block CPU time per call (the model's own uncertainty is common to both arms and not in this interval)`;
}
function sig(x) {
  return Number(x.toPrecision(3)).toString();
}
function compareArms(cfg, base, head, plan, ctx) {
  return withMeter(cfg, ctx, (meter) => compareInterleaved(cfg, base, head, plan, ctx, meter));
}
async function compareWithBase(cfg, basePath, head, ctx, opts = {}) {
  const basePrep = await prepareModel(cfg, basePath, ctx);
  const comparisons = {};
  const gates = cfg.budget.filter(
    (b) => b.kind === "regression" && b.relative && (LATENCY_COMPARED.includes(b.metric) || ENERGY_METRICS.includes(b.metric))
  );
  const ownBenchmark = !cfg.inference || !head.inference || cfg.budget.some((b) => b.kind === "regression" && (b.metric === "peak-memory" || b.metric === "peak-gpu-memory"));
  const base = await measurePrepared(cfg, basePrep, ctx, { inference: ownBenchmark });
  if (!cfg.inference || !head.inference) return { base, comparisons };
  const informational = gates.length === 0;
  const compared = (m) => ENERGY_METRICS.includes(m) ? "energy" : m;
  const metrics = informational ? [
    .../* @__PURE__ */ new Set([
      "latency-p50",
      "energy",
      ...cfg.budget.filter((b) => b.kind === "absolute" && LATENCY_COMPARED.includes(b.metric)).map((b) => compared(b.metric))
    ])
  ] : [...new Set(gates.map((b) => compared(b.metric)))];
  const threshold = opts.threshold ?? (informational ? INFORMATION_THRESHOLD : Math.min(...gates.map((b) => b.limit)));
  ctx.logger.progress(
    `  ${cfg.name}: comparing base and head in alternating rounds (threshold ${(threshold * 100).toFixed(1)}%${informational ? ", for information: no regression gate" : ""})`
  );
  const headPrep = await prepareModel(cfg, cfg.path, ctx);
  const baseCalls = emptyBaseCalls();
  const results = await compareArms(
    cfg,
    { model: basePrep.loaded.path, feeds: basePrep.inputs.feeds },
    { model: headPrep.loaded.path, feeds: headPrep.inputs.feeds },
    {
      metrics,
      threshold,
      // The comparison's own cap: three times the benchmark's auto cap (10 s → 30 s by default).
      capS: opts.maxTimeS ?? 3 * cfg.inference.maxTimeS,
      meanMs: head.inference.latencyMs.mean,
      batchSize: headPrep.inputs.batchSize,
      warmup: Math.min(cfg.inference.warmup, 10),
      blockMs: opts.blockMs,
      blocksPerRound: opts.blocksPerRound,
      // The quick rule: look every few rounds, stop once every compared metric is decisive.
      quickRoundsPerLook: opts.roundsPerLook ?? 3,
      baseCalls
    },
    ctx
  );
  if (!ownBenchmark && baseCalls.latenciesMs.length) {
    base.inference = roundsInference(
      cfg,
      basePrep,
      baseCalls.latenciesMs,
      ctx,
      baseCalls.energyFailed ? void 0 : baseCalls.energy,
      baseCalls.method
    );
  }
  for (const m of metrics) {
    const r = results[m];
    if (!r) continue;
    if (m === "energy") for (const e of ENERGY_METRICS) comparisons[e] = r;
    else comparisons[m] = r;
  }
  return { base, comparisons };
}
function roundsInference(cfg, prepared, latenciesMs, ctx, window, method) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const batch = prepared.inputs.batchSize;
  const meanMs = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const report = {
    batchSize: batch,
    runs: sorted.length,
    warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
    threads: cfg.threads,
    latencyMs: {
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
      p99: quantileSorted(sorted, 0.99),
      mean: meanMs,
      min: sorted[0],
      max: sorted[sorted.length - 1]
    },
    throughput: batch * 1e3 / meanMs
  };
  if (window && method && window.windows > 0) {
    const w = {
      energyJ: window.energyJ,
      durationS: window.durationS,
      domainsJ: {},
      method,
      notes: [...window.notes, `base figures from its ${sorted.length} calls in the comparison rounds`],
      ...Number.isFinite(window.attributableJ) ? { attributableJ: window.attributableJ } : {},
      ...Number.isFinite(window.uncertaintyJ2) ? { uncertaintyJ: Math.sqrt(window.uncertaintyJ2) } : {}
    };
    report.energy = energyReport(w, sorted.length, batch, `base, from the comparison rounds (${method})`, ctx);
  }
  return report;
}
var ADVICE_THRESHOLD = 0.03;
async function adviseForModel(cfg, head, ctx) {
  const startNs = ctx.clockNs();
  const prepared = await prepareModel(cfg, cfg.path, ctx);
  const batch = prepared.inputs.batchSize;
  const variants = VARIANT_IDS.length;
  const shareS = cfg.adviseMaxTimeS / variants;
  const standaloneS = Math.min(3, 0.2 * shareS, cfg.inference?.maxTimeS ?? 3);
  return withMeter(cfg, ctx, async (meter) => {
    const folders = /* @__PURE__ */ new WeakMap();
    const dataBytes = /* @__PURE__ */ new WeakMap();
    const measure = async (bytes) => {
      const own = dataBytes.has(bytes) ? folders.get(bytes) : void 0;
      const loaded = {
        ...prepared.loaded,
        path: own ? join7(own, "variant.onnx") : prepared.loaded.path,
        bytes,
        proto: decodeModel(bytes),
        fileBytes: bytes.length,
        externalFiles: []
      };
      if (!folders.has(bytes)) folders.set(bytes, externalDataFolder(loaded));
      const { flops } = await flopsWithControlFlow(
        loaded,
        prepared.inputs.feeds,
        (b, o) => createSession(b, { threads: cfg.threads, name: label(cfg), externalDataFolder: o.externalDataFolder })
      );
      const session = await createSession(bytes, {
        threads: cfg.threads,
        name: `${label(cfg)} variant`,
        externalDataFolder: folders.get(bytes)
      });
      try {
        const r = await runInferenceBenchmark(
          session,
          prepared.inputs.feeds,
          {
            iterations: "auto",
            warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
            maxTimeS: standaloneS,
            targetRelativeCi: 0.02,
            batchSize: batch
          },
          { clockNs: ctx.clockNs, meter, label: cfg.name }
        );
        const e = meter.takeFailure() ? void 0 : r.energy;
        return {
          sizeBytes: bytes.length + (dataBytes.get(bytes) ?? 0),
          flops: flops.total,
          latencyMs: { p50: r.latencyMs.p50, mean: r.latencyMs.mean },
          ...e ? {
            energyJPerInference: e.energyJ / r.runs,
            energyMethod: e.method,
            energyEstimated: isEstimated(e)
          } : {}
        };
      } finally {
        await session.release();
      }
    };
    const variantFolder = (bytes) => folders.has(bytes) ? folders.get(bytes) : externalDataFolder({ ...prepared.loaded, proto: decodeModel(bytes) });
    const original = prepared.loaded.externalFiles.length ? void 0 : await measure(prepared.loaded.bytes);
    const originalArm = {
      model: prepared.loaded.externalFiles.length ? prepared.loaded.path : prepared.loaded.bytes,
      feeds: prepared.inputs.feeds
    };
    const meanMs = original?.latencyMs.mean ?? head.inference?.latencyMs.mean ?? 1;
    const deadlineNs = startNs + BigInt(Math.round(cfg.adviseMaxTimeS * 1e9));
    let compared = 0;
    const compare = async (bytes) => {
      const left = Math.max(1, variants - compared++);
      const remainingS = Number(deadlineNs - ctx.clockNs()) / 1e9;
      const r = await compareInterleaved(
        cfg,
        originalArm,
        { model: bytes, feeds: prepared.inputs.feeds, externalDataFolder: variantFolder(bytes) },
        {
          metrics: ["latency-p50", "latency-mean", "energy"],
          threshold: ADVICE_THRESHOLD,
          capS: Math.max(0.5, remainingS / left - standaloneS),
          meanMs,
          batchSize: batch,
          warmup: Math.min(cfg.inference?.warmup ?? 10, 10)
        },
        ctx,
        meter
      );
      meter.takeFailure();
      return {
        ...r["latency-p50"] ? { latencyP50: r["latency-p50"] } : {},
        ...r["latency-mean"] ? { latencyMean: r["latency-mean"] } : {},
        ...r.energy ? { energy: r.energy } : {}
      };
    };
    ctx.logger.progress(
      `  ${cfg.name}: comparing int8, fp16 and pruned variants with the original in interleaved rounds (up to ${sigFig(cfg.adviseMaxTimeS)} s)`
    );
    const large = prepared.loaded.externalFiles.length > 0 || prepared.loaded.payloads !== void 0;
    if (large) await prepared.preflight?.("advice");
    const originalFolder = externalDataFolder(prepared.loaded);
    const advisable = large ? {
      proto: withExternalWeightsRead(prepared.loaded, []),
      bytes: encodeModel(prepared.loaded.proto),
      gzipBytes: await gzipSizeOfFiles(
        [prepared.loaded.path, ...prepared.loaded.externalFiles.map((f) => f.path)],
        GZIP_LEVEL
      )
    } : prepared.loaded;
    const variantDirs = [];
    const encode = async (model) => {
      const limit = ctx.externalVariantBytes ?? EXTERNAL_VARIANT_BYTES;
      if (weightFigures(model).bytes < limit) return { bytes: encodeModel(model) };
      const dir = await mkdtemp3(join7(tmpdir(), "eb-variant-"));
      variantDirs.push(dir);
      const out3 = externalizeModel(model, dir, "variant.onnx.data", Math.max(1, Math.min(1024, limit)));
      const bytes = encodeModel(out3.model);
      folders.set(bytes, dir);
      dataBytes.set(bytes, out3.dataBytes);
      return {
        bytes,
        gzipBytes: await gzipSizeOfFiles([join7(dir, "variant.onnx.data")], GZIP_LEVEL) + gzipSize(bytes),
        note: `written with external data (${out3.tensors} weights, ${formatBytes(out3.dataBytes)} in one data file), as a protobuf cannot exceed 2 GiB`
      };
    };
    try {
      return await adviseModel(advisable, {
        feeds: prepared.inputs.feeds,
        measure,
        compare,
        encode,
        originalMeasurement: original ?? toMeasurement(head),
        createSession: (bytes) => ortSessionFactoryIn(folders.get(bytes) ?? originalFolder)(bytes)
      });
    } finally {
      for (const dir of variantDirs) await rm5(dir, { recursive: true, force: true });
    }
  });
}
function sigFig(x) {
  return Number(x.toPrecision(3)).toString();
}
function toMeasurement(m) {
  return {
    sizeBytes: m.size.bytes,
    flops: m.flops,
    latencyMs: { p50: m.inference?.latencyMs.p50 ?? NaN, mean: m.inference?.latencyMs.mean ?? NaN },
    ...m.inference?.energy ? {
      energyJPerInference: m.inference.energy.joulesPerInference,
      energyMethod: m.inference.energy.method,
      energyEstimated: m.inference.energy.estimated
    } : {}
  };
}

// src/isolate/workspace.ts
import { existsSync as existsSync3, realpathSync } from "node:fs";
import { readFile as readFile4, realpath } from "node:fs/promises";
import { dirname as dirname3, isAbsolute, relative, resolve as resolve2 } from "node:path";
function isInside(root, child) {
  const rel = relative(root, child);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
function real(p) {
  try {
    return realpathSync(p);
  } catch {
    return resolve2(p);
  }
}
function findWorkspaceRoot(configFile, env2) {
  if (env2.ENERGY_BUDGET_WORKSPACE) return real(resolve2(env2.ENERGY_BUDGET_WORKSPACE));
  const file = real(resolve2(configFile));
  if (env2.GITHUB_WORKSPACE) {
    const ws = real(resolve2(env2.GITHUB_WORKSPACE));
    if (isInside(ws, file)) return ws;
  }
  for (let dir = dirname3(file); ; dir = dirname3(dir)) {
    if (existsSync3(resolve2(dir, ".git"))) return dir;
    if (dirname3(dir) === dir) break;
  }
  return dirname3(file);
}
async function assertInsideWorkspace(path4, workspaceRoot, what) {
  let target;
  try {
    target = await realpath(path4);
  } catch {
    target = resolve2(path4);
  }
  if (!isInside(workspaceRoot, target)) {
    const viaLink = target !== resolve2(path4) ? ` (it is a symbolic link, or inside one, that resolves to ${target})` : "";
    throw new InputError(
      "PATH_OUTSIDE_WORKSPACE",
      `${what} is ${path4}${viaLink}, which is outside the workspace ${workspaceRoot}. Paths in the budget file must stay inside the repository so that a pull request cannot make the job read other files on the runner. Move the file into the repository and give its path relative to the budget file (symbolic links must point inside the repository too), or set ENERGY_BUDGET_WORKSPACE to a folder that contains it.`
    );
  }
  return target;
}
function confinedReadFile(workspaceRoot) {
  return async (path4) => {
    const target = await assertInsideWorkspace(path4, workspaceRoot, "An input data file");
    return readFile4(target);
  };
}

// src/instructions/sides.ts
import os5 from "node:os";
function countsInParallel(sides, cores = os5.availableParallelism()) {
  return sides > 1 && cores >= 2;
}
async function countSides(cfg, headPath, basePath, ctx, opts = {}) {
  const t0 = ctx.clockNs();
  const tool = await findValgrind(ctx.env);
  const paths = basePath === void 0 ? [headPath] : [headPath, basePath];
  const prepared = [];
  for (const p of paths) prepared.push(await prepareModel(cfg, p, ctx));
  const parallel = countsInParallel(paths.length, opts.cores);
  const what = paths.length > 1 ? `head and base${parallel ? " at the same time" : ", one after the other"}` : "the model";
  ctx.logger.progress(`  ${cfg.name}: counting the instructions of ${what} under Valgrind (callgrind, one process each)`);
  const count = (i) => countInstructions(prepared[i].loaded.path, prepared[i].inputs.feeds, { env: ctx.env, tool });
  const counts = [];
  if (parallel) counts.push(...await Promise.all(paths.map((_, i) => count(i))));
  else for (let i = 0; i < paths.length; i++) counts.push(await count(i));
  const wallS = Number(ctx.clockNs() - t0) / 1e9;
  const fmt = (r) => Math.round(r.perCall).toLocaleString("en-US");
  ctx.logger.progress(
    `  ${cfg.name}: ${fmt(counts[0])} instructions per call${counts[1] ? ` (base ${fmt(counts[1])})` : ""}, SIMULATED; counted in ${wallS.toFixed(1)} s${parallel ? " (both sides in parallel)" : ""}`
  );
  const notices = cfg.threads !== 1 ? [
    `instructions are counted with 1 intra-op thread (the model is timed with ${cfg.threads}): a thread pool's spinning is not deterministic`
  ] : [];
  return { head: counts[0], ...counts[1] ? { base: counts[1] } : {}, parallel, wallS, notices };
}

// src/isolate/protocol.ts
function serializeError(error) {
  if (error instanceof EnergyBudgetError) {
    return {
      ours: true,
      name: error.name,
      code: error.code,
      exitCode: error.exitCode,
      message: error.message,
      ...error instanceof ConfigError ? { issues: error.issues } : {}
    };
  }
  if (error instanceof Error) return { ours: false, name: error.name, message: error.message, stack: error.stack };
  return { ours: false, name: "Error", message: String(error) };
}
function deserializeError(e) {
  if (e.ours && e.code && e.exitCode) {
    if (e.issues) return new ConfigError(e.issues);
    const error2 = new EnergyBudgetError(e.code, e.message, e.exitCode);
    error2.name = e.name;
    return error2;
  }
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

export {
  loadConfig,
  parseConfig,
  ortVersion,
  findValgrind,
  installValgrind,
  measureModel,
  metricValues,
  compareWithBase,
  adviseForModel,
  countSides,
  serializeError,
  deserializeError,
  findWorkspaceRoot,
  assertInsideWorkspace,
  confinedReadFile
};
