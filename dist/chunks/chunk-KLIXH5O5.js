import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  mean,
  median,
  normalCdf,
  quantile,
  tQuantile,
  variance
} from "./chunk-JOXRTO3M.js";
import {
  InputError
} from "./chunk-TKWDDEDX.js";

// src/util/tail.ts
function minSamplesForPercentile(q) {
  const tail = 1 - q / 100;
  if (!(tail > 0)) throw new RangeError("the 100th percentile is the maximum: no sample size estimates it");
  return Math.ceil(Math.round(2 / tail * 1e9) / 1e9);
}

// src/compare/sequential.ts
var POCOCK = {
  "0.05": [1.96, 2.178, 2.289, 2.361, 2.413, 2.453, 2.485, 2.512, 2.535, 2.555],
  "0.01": [2.576, 2.772, 2.873, 2.939, 2.986, 3.023, 3.053, 3.078, 3.099, 3.117]
};
function roundStatistic(samples, statistic) {
  if (statistic === "median") return median(samples);
  if (statistic === "mean") return mean(samples);
  return quantile(samples, statistic.percentile / 100);
}
function minSamplesPerRound(statistic) {
  if (statistic === "median" || statistic === "mean") return 3;
  return Math.max(3, minSamplesForPercentile(statistic.percentile));
}
function validate(options) {
  const roundsPerLook = options.roundsPerLook ?? 6;
  const o = {
    alpha: 0.05,
    maxLooks: 5,
    roundsPerLook,
    firstLookRounds: roundsPerLook,
    minSamplesPerArm: 1,
    statistic: "median",
    improvementThreshold: options.threshold,
    spending: "bonferroni",
    direction: "higher-is-worse",
    ...options
  };
  if (!(o.threshold >= 0 && Number.isFinite(o.threshold)))
    throw new RangeError(`threshold must be a finite fraction \u2265 0 (0.02 for 2%), got ${o.threshold}`);
  if (!(o.improvementThreshold >= 0)) throw new RangeError(`improvementThreshold must be \u2265 0, got ${o.improvementThreshold}`);
  if (!(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${o.alpha}`);
  if (!Number.isInteger(o.maxLooks) || o.maxLooks < 1) throw new RangeError(`maxLooks must be an integer \u2265 1, got ${o.maxLooks}`);
  if (!Number.isInteger(o.roundsPerLook) || o.roundsPerLook < (options.firstLookRounds !== void 0 ? 1 : 3))
    throw new RangeError(
      `roundsPerLook must be an integer \u2265 ${options.firstLookRounds !== void 0 ? 1 : 3} (a t interval needs spread), got ${o.roundsPerLook}`
    );
  if (!Number.isInteger(o.firstLookRounds) || o.firstLookRounds < 3)
    throw new RangeError(`firstLookRounds must be an integer \u2265 3 (a t interval needs spread), got ${o.firstLookRounds}`);
  if (!Number.isInteger(o.minSamplesPerArm) || o.minSamplesPerArm < 1)
    throw new RangeError(`minSamplesPerArm must be an integer \u2265 1, got ${o.minSamplesPerArm}`);
  if (typeof o.statistic === "object" && !(o.statistic.percentile >= 0 && o.statistic.percentile <= 100)) {
    throw new RangeError(`statistic.percentile must be in [0, 100], got ${o.statistic.percentile}`);
  }
  if (o.spending === "pocock") {
    const table = POCOCK[String(o.alpha)];
    if (!table || o.maxLooks > table.length) {
      throw new RangeError(
        `Pocock constants are tabulated for alpha 0.05 and 0.01 and up to 10 looks; use spending 'bonferroni' for alpha ${o.alpha} with ${o.maxLooks} looks`
      );
    }
  }
  return o;
}
function lookAlpha(options, look, final) {
  const { alpha, maxLooks, spending } = options;
  if (spending === "bonferroni") {
    return final ? alpha - (look - 1) * alpha / maxLooks : alpha / maxLooks;
  }
  const k = final ? look : maxLooks;
  const c = POCOCK[String(alpha)][k - 1];
  return 2 * (1 - normalCdf(c));
}
function statusForVerdict(verdict, level, inconclusive) {
  switch (verdict) {
    case "pass":
    case "improvement":
      return "pass";
    case "regression":
      return level === "error" ? "fail" : "warn";
    case "inconclusive":
      if (inconclusive === "pass") return "pass";
      if (inconclusive === "fail") return level === "error" ? "fail" : "warn";
      return "inconclusive";
  }
}
function classifyInterval(ci, threshold, improvementThreshold = threshold, direction = "higher-is-worse") {
  const [lo, hi] = direction === "higher-is-worse" ? ci : [-ci[1], -ci[0]];
  if (lo > threshold) return "regression";
  if (hi < -improvementThreshold) return "improvement";
  if (hi <= threshold) return "pass";
  return "inconclusive";
}
function createSequentialComparison(options) {
  const o = validate(options);
  const logRatios = [];
  let logBaseSum = 0;
  let logHeadSum = 0;
  const history = [];
  let roundsAtLastLook = 0;
  let decision = "continue";
  let done = false;
  const tInterval = (level) => {
    const n = logRatios.length;
    const m = mean(logRatios);
    const se = Math.sqrt(variance(logRatios) / n);
    const c = tQuantile(1 - (1 - level) / 2, n - 1);
    return { estimate: Math.exp(m) - 1, ci: [Math.exp(m - c * se) - 1, Math.exp(m + c * se) - 1], criticalValue: c };
  };
  const look = (final) => {
    const n = logRatios.length;
    const number = history.length + 1;
    const alpha = lookAlpha(o, number, final);
    const { estimate, ci, criticalValue } = tInterval(1 - alpha);
    let d = classifyInterval(ci, o.threshold, o.improvementThreshold, o.direction);
    if (d === "inconclusive") d = final || number >= o.maxLooks ? "inconclusive" : "continue";
    history.push({ look: number, rounds: n, alpha, criticalValue, estimate, ci, decision: d });
    roundsAtLastLook = n;
    decision = d;
    if (d !== "continue") done = true;
  };
  const state = () => {
    const last = history[history.length - 1];
    const enough = logRatios.length >= 2;
    return {
      decision,
      estimate: enough ? Math.exp(mean(logRatios)) - 1 : null,
      changeCi95: last ? last.ci : null,
      unadjustedCi95: enough ? tInterval(0.95).ci : null,
      centres: enough ? { base: Math.exp(logBaseSum / logRatios.length), head: Math.exp(logHeadSum / logRatios.length) } : null,
      rounds: logRatios.length,
      sdLogRatio: enough ? Math.sqrt(variance(logRatios)) : null,
      looks: history.length,
      done,
      history: [...history]
    };
  };
  return {
    options: o,
    maxRounds: o.firstLookRounds + (o.maxLooks - 1) * o.roundsPerLook,
    addRound(baseSamples, headSamples) {
      if (done) return state();
      for (const [arm, xs] of [
        ["base", baseSamples],
        ["head", headSamples]
      ]) {
        if (xs.length < o.minSamplesPerArm)
          throw new RangeError(`a round needs at least ${o.minSamplesPerArm} ${arm} samples, got ${xs.length}`);
        if (!xs.every((x) => x > 0 && Number.isFinite(x)))
          throw new RangeError(`${arm} samples must be finite and > 0 (a ratio is taken)`);
      }
      const logBase = Math.log(roundStatistic(baseSamples, o.statistic));
      const logHead = Math.log(roundStatistic(headSamples, o.statistic));
      logBaseSum += logBase;
      logHeadSum += logHead;
      logRatios.push(logHead - logBase);
      const n = logRatios.length;
      if (n >= o.firstLookRounds && n - roundsAtLastLook >= (history.length ? o.roundsPerLook : o.firstLookRounds)) look(false);
      if (!done && history.length >= o.maxLooks) done = true;
      return state();
    },
    finish() {
      if (!done) {
        if (logRatios.length > roundsAtLastLook && logRatios.length >= 2) {
          look(true);
        } else {
          decision = "inconclusive";
          done = true;
        }
      }
      return state();
    },
    state
  };
}
function planRoundsPerLook(capS, roundS, maxLooks = 5, minRoundsPerLook = 3) {
  if (!(roundS > 0) || !(capS > 0)) return minRoundsPerLook;
  return Math.max(minRoundsPerLook, Math.floor(capS / roundS / maxLooks));
}
function abbaBaseFirst(k) {
  return k % 4 === 0 || k % 4 === 3;
}

// src/energy/adapters.ts
import { readFileSync, readdirSync } from "node:fs";
var nodeFs = {
  // async: a throw from the synchronous read becomes the returned promise's rejection.
  readFile: async (path) => readFileSync(path, "utf8"),
  readdir: async (path) => readdirSync(path)
};
var realTicker = {
  every(intervalMs, fn) {
    const handle = setInterval(fn, intervalMs);
    handle.unref?.();
    return { stop: () => clearInterval(handle) };
  }
};
var realClockNs = () => process.hrtime.bigint();
function secondsBetween(startNs, endNs) {
  return Number(endNs - startNs) / 1e9;
}

// src/energy/cpu.ts
import { join } from "node:path";
function parseCpuInfo(text) {
  const first = /* @__PURE__ */ new Map();
  let logicalCpus = 0;
  for (const line of text.split("\n")) {
    const i = line.indexOf(":");
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    const value = line.slice(i + 1).trim();
    if (key === "processor") logicalCpus++;
    if (!first.has(key)) first.set(key, value);
  }
  const int = (key) => {
    const v = first.get(key);
    if (v === void 0 || !/^\d+$/.test(v)) return void 0;
    return Number(v);
  };
  return {
    modelName: first.get("model name") ?? first.get("Model") ?? "unknown",
    vendor: first.get("vendor_id"),
    family: int("cpu family"),
    model: int("model"),
    stepping: int("stepping"),
    armImplementer: first.get("CPU implementer"),
    armPart: first.get("CPU part"),
    logicalCpus
  };
}
var USER_HZ = 100;
function parseProcStat(text) {
  let agg = null;
  let cpus = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("cpu ")) {
      agg = line.trim().split(/\s+/).slice(1).map(Number);
    } else if (/^cpu\d+\s/.test(line)) {
      cpus++;
    }
  }
  if (!agg || agg.length < 4 || agg.some((v) => !Number.isFinite(v))) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = agg;
  const busyTicks = user + nice + system + irq + softirq;
  return { busyTicks, totalTicks: busyTicks + idle + iowait + steal, cpus };
}
async function readCpuInfo(procRoot, fs = nodeFs) {
  try {
    return parseCpuInfo(await fs.readFile(join(procRoot, "cpuinfo")));
  } catch {
    return null;
  }
}
async function readCpuTimes(procRoot, fs = nodeFs) {
  try {
    return parseProcStat(await fs.readFile(join(procRoot, "stat")));
  } catch {
    return null;
  }
}

// data/power-curves.json
var power_curves_default = {
  $comment: "Generated by `npm run derive:power-curves` (scripts/derive-power-curves.ts, src/energy/specpower/) from data/specpower/*.csv; do not edit by hand. Watts per hardware thread (whole-server wall power \xF7 threads) at each load level; see docs/energy.md.",
  sources: [
    "SPECpower_ssj2008 results (Standard Performance Evaluation Corporation, https://www.spec.org/power_ssj2008/results/)",
    "data/specpower/specpower-ssj2008.csv: eleven load levels, 2007\u20132022, from green-coding-solutions/cloud-energy data/spec_data_cleaned_unmelted.csv (MIT)",
    "data/specpower/specpower-full-and-idle.csv: full load and idle, 2007\u20132025, from cloud-carbon-footprint/ccf-coefficients data/SPECpower-2026-03-09.csv (Apache-2.0)"
  ],
  loadLevelsPercent: [
    0,
    10,
    20,
    30,
    40,
    50,
    60,
    70,
    80,
    90,
    100
  ],
  fallbackSince: 2017,
  cases: {
    "cpu-model": {
      servers: 548,
      points: 6028,
      medianAbsError: 0.0640035,
      p90AbsError: 0.221267,
      interval95: [
        0.750873,
        1.40169
      ],
      derivedFrom: "leave-one-server-out validation over SPECpower servers of the same CPU model (2.5th\u201397.5th percentile of measured \xF7 predicted), widened to the model\u2019s own servers\u2019 range"
    },
    tier: {
      servers: 215,
      points: 2365,
      medianAbsError: 0.161458,
      p90AbsError: 0.425801,
      interval95: [
        0.674784,
        2.71768
      ],
      derivedFrom: "leave-one-server-out validation over SPECpower servers of current families/generations (results mostly since 2017) predicted from other CPU models of their family/generation (2.5th\u201397.5th percentile of measured \xF7 predicted)"
    },
    "tier-older": {
      servers: 396,
      points: 4356,
      medianAbsError: 0.189269,
      p90AbsError: 0.568735,
      interval95: [
        0.528453,
        3.00248
      ],
      derivedFrom: "leave-one-server-out validation over SPECpower servers of families/generations before 2017 predicted from other CPU models of their family/generation (2.5th\u201397.5th percentile of measured \xF7 predicted)"
    },
    unknown: {
      servers: 214,
      points: 2354,
      medianAbsError: 0.224135,
      p90AbsError: 0.700406,
      interval95: [
        0.492219,
        2.1684
      ],
      derivedFrom: "leave-one-server-out validation over SPECpower servers since 2017 predicted from all other CPU models (2.5th\u201397.5th percentile of measured \xF7 predicted)"
    }
  },
  models: {
    "amd epyc 4344p": {
      name: "AMD EPYC 4344P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        2.675,
        3.05845,
        3.19445,
        3.33866,
        3.48265,
        3.61856,
        3.79068,
        4.00367,
        4.27648,
        4.58414,
        4.8875
      ],
      spread: null
    },
    "amd epyc 4465p": {
      name: "AMD EPYC 4465P",
      tier: "amd-epyc-zen5",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        0.877083,
        1.4797,
        1.69343,
        1.92006,
        2.14636,
        2.35994,
        2.63045,
        2.96518,
        3.39391,
        3.87741,
        4.35417
      ],
      spread: null
    },
    "amd epyc 4584px": {
      name: "AMD EPYC 4584PX",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.35938,
        1.73037,
        1.86195,
        2.00147,
        2.14079,
        2.27228,
        2.43881,
        2.64489,
        2.90883,
        3.20649,
        3.5
      ],
      spread: null
    },
    "amd epyc 7351": {
      name: "AMD EPYC 7351",
      tier: "amd-epyc-zen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.60938,
        2.59375,
        2.79688,
        2.96875,
        3.14063,
        3.32813,
        3.51563,
        3.71875,
        3.90625,
        4.14063,
        4.34375
      ],
      spread: null
    },
    "amd epyc 7501": {
      name: "AMD EPYC 7501",
      tier: "amd-epyc-zen1",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        0.786719,
        1.26953,
        1.41016,
        1.53125,
        1.64453,
        1.76563,
        1.89453,
        2.02734,
        2.14063,
        2.25391,
        2.38281
      ],
      spread: [
        0.947692,
        1.05231
      ]
    },
    "amd epyc 7551p": {
      name: "AMD EPYC 7551P 2.0 GHz",
      tier: "amd-epyc-zen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.964063,
        1.44219,
        1.64063,
        1.8125,
        1.98438,
        2.125,
        2.26563,
        2.39063,
        2.51563,
        2.65625,
        2.82813
      ],
      spread: null
    },
    "amd epyc 7601": {
      name: "AMD EPYC 7601 2.20 GHz, Dell SKU [338-BNCG]",
      tier: "amd-epyc-zen1",
      basis: "eleven-level",
      servers: 6,
      wattsPerThread: [
        0.676562,
        1.07422,
        1.1875,
        1.30078,
        1.41016,
        1.51563,
        1.59766,
        1.75781,
        1.95703,
        2.11719,
        2.30859
      ],
      spread: [
        0.894919,
        1.10277
      ]
    },
    "amd epyc 7702": {
      name: "AMD EPYC 7702 2.0 GHz",
      tier: "amd-epyc-zen2",
      basis: "eleven-level",
      servers: 5,
      wattsPerThread: [
        0.3875,
        0.769531,
        0.863281,
        0.96875,
        1.09375,
        1.17969,
        1.26563,
        1.35156,
        1.4375,
        1.51953,
        1.60938
      ],
      spread: [
        0.728831,
        1.64315
      ]
    },
    "amd epyc 7702p": {
      name: "AMD EPYC 7702P 2.00 GHz",
      tier: "amd-epyc-zen2",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        0.582031,
        0.886719,
        1.00781,
        1.16797,
        1.26953,
        1.36328,
        1.44531,
        1.52344,
        1.61719,
        1.70313,
        1.80078
      ],
      spread: [
        0.731544,
        1.0837
      ]
    },
    "amd epyc 7713": {
      name: "AMD EPYC 7713 2.00 GHz",
      tier: "amd-epyc-zen3",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.425781,
        0.722656,
        0.839844,
        0.945313,
        1.04297,
        1.16406,
        1.35938,
        1.51563,
        1.62891,
        1.73047,
        1.82813
      ],
      spread: null
    },
    "amd epyc 7742": {
      name: "AMD EPYC 7742 2.25Ghz",
      tier: "amd-epyc-zen2",
      basis: "eleven-level",
      servers: 21,
      wattsPerThread: [
        0.414063,
        0.777344,
        0.867188,
        0.953125,
        1.05469,
        1.16406,
        1.25781,
        1.36719,
        1.47266,
        1.57031,
        1.67188
      ],
      spread: [
        0.776415,
        1.87736
      ]
    },
    "amd epyc 7763": {
      name: "AMD EPYC 7763 2.45 GHz",
      tier: "amd-epyc-zen3",
      basis: "eleven-level",
      servers: 15,
      wattsPerThread: [
        0.414063,
        0.75,
        0.851563,
        0.9375,
        1.01563,
        1.09375,
        1.17188,
        1.25,
        1.33594,
        1.50781,
        1.79297
      ],
      spread: [
        0.713208,
        1.38596
      ]
    },
    "amd epyc 7773x": {
      name: "AMD EPYC 7773X 2.20 GHz",
      tier: "amd-epyc-zen3",
      basis: "eleven-level",
      servers: 6,
      wattsPerThread: [
        0.5125,
        0.810547,
        0.933594,
        1.04102,
        1.14453,
        1.29297,
        1.41992,
        1.58594,
        1.72461,
        1.87109,
        1.99805
      ],
      spread: [
        0.651677,
        1.45579
      ]
    },
    "amd epyc 8024p": {
      name: "AMD EPYC 8024P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        3.88125,
        4.33511,
        4.49608,
        4.66677,
        4.8372,
        4.99806,
        5.20179,
        5.45389,
        5.77679,
        6.14093,
        6.5
      ],
      spread: null
    },
    "amd epyc 8024pn": {
      name: "AMD EPYC 8024PN",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        4.1875,
        4.66411,
        4.83315,
        5.01239,
        5.19136,
        5.36028,
        5.57422,
        5.83896,
        6.17804,
        6.56044,
        6.9375
      ],
      spread: null
    },
    "amd epyc 8124p": {
      name: "AMD EPYC 8124P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        2.13125,
        2.49304,
        2.62135,
        2.75741,
        2.89327,
        3.0215,
        3.1839,
        3.38486,
        3.64225,
        3.93253,
        4.21875
      ],
      spread: null
    },
    "amd epyc 8124pn": {
      name: "AMD EPYC 8124PN",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        2.14063,
        2.48996,
        2.61385,
        2.74523,
        2.87641,
        3.00022,
        3.15703,
        3.35107,
        3.5996,
        3.87988,
        4.15625
      ],
      spread: null
    },
    "amd epyc 8224p": {
      name: "AMD EPYC 8224P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.43333,
        1.79512,
        1.92344,
        2.0595,
        2.19536,
        2.32358,
        2.48598,
        2.68694,
        2.94434,
        3.23461,
        3.52083
      ],
      spread: null
    },
    "amd epyc 8224pn": {
      name: "AMD EPYC 8224PN",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.41875,
        1.72168,
        1.82913,
        1.94305,
        2.05681,
        2.16418,
        2.30016,
        2.46843,
        2.68395,
        2.927,
        3.16667
      ],
      spread: null
    },
    "amd epyc 8324p": {
      name: "AMD EPYC 8324P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.07969,
        1.36917,
        1.47184,
        1.58071,
        1.68942,
        1.79202,
        1.92196,
        2.08276,
        2.28872,
        2.52098,
        2.75
      ],
      spread: null
    },
    "amd epyc 8324pn": {
      name: "AMD EPYC 8324PN",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.1125,
        1.38547,
        1.48228,
        1.58493,
        1.68744,
        1.78418,
        1.90671,
        2.05834,
        2.25254,
        2.47155,
        2.6875
      ],
      spread: null
    },
    "amd epyc 8434p": {
      name: "AMD EPYC 8434P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.752083,
        1.00266,
        1.09154,
        1.18577,
        1.27987,
        1.36868,
        1.48116,
        1.62035,
        1.79863,
        1.99967,
        2.19792
      ],
      spread: null
    },
    "amd epyc 8434pn": {
      name: "AMD EPYC 8434PN",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.746875,
        0.996552,
        1.08511,
        1.179,
        1.27276,
        1.36125,
        1.47333,
        1.61201,
        1.78965,
        1.98997,
        2.1875
      ],
      spread: null
    },
    "amd epyc 8534p": {
      name: "AMD EPYC 8534P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 10,
      wattsPerThread: [
        0.379883,
        0.600189,
        0.678326,
        0.761178,
        0.843908,
        0.921989,
        1.02088,
        1.14325,
        1.29999,
        1.47675,
        1.65104
      ],
      spread: null
    },
    "amd epyc 8534pn": {
      name: "AMD EPYC 8534PN",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        0.498437,
        0.700454,
        0.772103,
        0.848077,
        0.923938,
        0.995537,
        1.08622,
        1.19843,
        1.34216,
        1.50424,
        1.66406
      ],
      spread: null
    },
    "amd epyc 9654": {
      name: "AMD EPYC 9654",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 15,
      wattsPerThread: [
        0.328125,
        0.592606,
        0.68641,
        0.785874,
        0.885192,
        0.97893,
        1.09765,
        1.24456,
        1.43272,
        1.64493,
        1.85417
      ],
      spread: null
    },
    "amd epyc 9654p": {
      name: "AMD EPYC 9654P",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 5,
      wattsPerThread: [
        0.377604,
        0.648855,
        0.74506,
        0.84707,
        0.948931,
        1.04507,
        1.16683,
        1.3175,
        1.51048,
        1.72811,
        1.94271
      ],
      spread: null
    },
    "amd epyc 9655": {
      name: "AMD EPYC 9655",
      tier: "amd-epyc-zen5",
      basis: "full-and-idle",
      servers: 6,
      wattsPerThread: [
        0.364844,
        0.645076,
        0.744466,
        0.849855,
        0.955088,
        1.05441,
        1.1802,
        1.33586,
        1.53523,
        1.76007,
        1.98177
      ],
      spread: null
    },
    "amd epyc 9754": {
      name: "AMD EPYC 9754",
      tier: "amd-epyc-zen4",
      basis: "full-and-idle",
      servers: 30,
      wattsPerThread: [
        0.232227,
        0.422328,
        0.489751,
        0.561244,
        0.632631,
        0.700007,
        0.785339,
        0.890934,
        1.02618,
        1.1787,
        1.3291
      ],
      spread: null
    },
    "amd epyc 9755": {
      name: "AMD EPYC 9755",
      tier: "amd-epyc-zen5",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        0.275977,
        0.537704,
        0.630532,
        0.728961,
        0.827245,
        0.920007,
        1.03749,
        1.18287,
        1.36908,
        1.57907,
        1.78613
      ],
      spread: null
    },
    "amd epyc 9845": {
      name: "AMD EPYC 9845",
      tier: "amd-epyc-zen5",
      basis: "full-and-idle",
      servers: 26,
      wattsPerThread: [
        0.21125,
        0.376925,
        0.435685,
        0.497992,
        0.560206,
        0.618925,
        0.693293,
        0.78532,
        0.903189,
        1.03612,
        1.16719
      ],
      spread: null
    },
    "amd epyc 9965": {
      name: "AMD EPYC 9965",
      tier: "amd-epyc-zen5",
      basis: "full-and-idle",
      servers: 7,
      wattsPerThread: [
        0.196615,
        0.355258,
        0.411524,
        0.471186,
        0.53076,
        0.586987,
        0.658199,
        0.746319,
        0.859186,
        0.98647,
        1.11198
      ],
      spread: null
    },
    "amd opteron 2216he": {
      name: "AMD Opteron 2216HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        41,
        51,
        56.25,
        58.5,
        60.5,
        62,
        63.5,
        65,
        66.75,
        68,
        69
      ],
      spread: null
    },
    "amd opteron 2356": {
      name: "AMD Opteron 2356",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        19.8125,
        22.5625,
        24.5,
        26.5,
        28.4375,
        30.0625,
        31.6875,
        33.375,
        34.9375,
        36.4375,
        37.5625
      ],
      spread: [
        0.876972,
        1.12303
      ]
    },
    "amd opteron 2376he": {
      name: "AMD Opteron 2376HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        14.875,
        16.25,
        17.625,
        18.75,
        19.875,
        21,
        22.125,
        23.125,
        24.125,
        25.25,
        26.25
      ],
      spread: null
    },
    "amd opteron 2377 ee": {
      name: "AMD Opteron 2377 EE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        9.1375,
        10.7875,
        12.0625,
        13.25,
        14.5,
        15.625,
        16.75,
        18,
        19.125,
        20.25,
        21.5
      ],
      spread: null
    },
    "amd opteron 2380": {
      name: "AMD Opteron 2380",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        17.25,
        20.75,
        22.5,
        23.875,
        25.25,
        26.75,
        28.125,
        29.75,
        30.875,
        32.375,
        33.625
      ],
      spread: null
    },
    "amd opteron 2382": {
      name: "AMD Opteron 2382",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        15.875,
        17.625,
        20,
        21.5,
        23,
        24.75,
        26.25,
        27.75,
        29.375,
        31.125,
        32.25
      ],
      spread: null
    },
    "amd opteron 2384": {
      name: "AMD Opteron 2384",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        17.5,
        19.125,
        21.3125,
        23.125,
        24.5625,
        25.9375,
        27.25,
        28.5625,
        29.9375,
        31.5,
        33
      ],
      spread: [
        0.864286,
        1.05
      ]
    },
    "amd opteron 2419 ee": {
      name: "AMD Opteron 2419 EE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        6.21667,
        7.09167,
        7.96667,
        8.83333,
        9.66667,
        10.5,
        11.3333,
        12.1667,
        13.1667,
        14.0833,
        14.8333
      ],
      spread: null
    },
    "amd opteron 2425 he": {
      name: "AMD Opteron 2425 HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        6.7,
        7.94167,
        9.25,
        10.3333,
        11.5,
        12.5833,
        13.75,
        15.0833,
        16.0833,
        17.1667,
        18.1667
      ],
      spread: null
    },
    "amd opteron 2435": {
      name: "2.6 GHz AMD Opteron 2435",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        10.1667,
        11,
        12.5,
        13.875,
        14.9583,
        16.0833,
        17.125,
        18.25,
        19.4167,
        20.5,
        21.5833
      ],
      spread: [
        0.98,
        1.02
      ]
    },
    "amd opteron 4164 ee": {
      name: "AMD Opteron 4164 EE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        4.71667,
        6.3,
        6.81667,
        7.30833,
        7.775,
        8.26667,
        8.75,
        9.25,
        9.75,
        10.0833,
        10.5
      ],
      spread: null
    },
    "amd opteron 4164ee": {
      name: "AMD Opteron 4164EE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        5.325,
        6.95,
        7.69167,
        8.20833,
        8.71667,
        9.35,
        9.95,
        10.4417,
        10.875,
        11.3167,
        11.7083
      ],
      spread: [
        0.997054,
        1.00295
      ]
    },
    "amd opteron 4310 ee": {
      name: "AMD Opteron 4310 EE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        7.1,
        8.5625,
        9.425,
        10.0625,
        10.625,
        11.175,
        11.725,
        12.275,
        12.75,
        13.25,
        13.625
      ],
      spread: null
    },
    "amd opteron 4376 he": {
      name: "AMD Opteron 4376 HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        3.71875,
        5.14375,
        5.8375,
        6.5,
        7.25,
        8.0625,
        8.9375,
        9.75,
        10.4375,
        11.0625,
        11.625
      ],
      spread: null
    },
    "amd opteron 4376he": {
      name: "AMD Opteron 4376HE",
      tier: "amd-opteron",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.65625,
        2.98686,
        3.66987,
        4.39656,
        5.10568,
        5.82245,
        6.58052,
        7.24535,
        7.84754,
        8.43398,
        8.95313
      ],
      spread: null
    },
    "amd opteron 4386": {
      name: "AMD Opteron 4386",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        3.80625,
        5.43125,
        6.21875,
        7.125,
        8.3125,
        9.6875,
        11.25,
        12.8125,
        14,
        15.125,
        16
      ],
      spread: null
    },
    "amd opteron 6168": {
      name: "AMD Opteron 6168",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        4,
        5.5625,
        6.08333,
        6.66667,
        7.39583,
        8.1875,
        8.72917,
        9.3125,
        9.9375,
        10.375,
        10.9167
      ],
      spread: null
    },
    "amd opteron 6174": {
      name: "AMD Opteron 6174",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 7,
      wattsPerThread: [
        3.60417,
        5.5,
        5.95833,
        6.5,
        7.45833,
        7.83333,
        8.41667,
        9.29167,
        10,
        10.7917,
        11.2917
      ],
      spread: [
        0.820809,
        1.16763
      ]
    },
    "amd opteron 6176": {
      name: "AMD Opteron 6176",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        3.95417,
        5.77083,
        6.42708,
        7.02083,
        7.77083,
        8.66667,
        9.51042,
        10.2292,
        10.9063,
        11.4792,
        12.0938
      ],
      spread: [
        0.95624,
        1.04376
      ]
    },
    "amd opteron 6238": {
      name: "AMD Opteron 6238",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        3.19375,
        4.79167,
        5.5,
        6.32292,
        7.28125,
        8.27083,
        9.125,
        9.86458,
        10.5729,
        11.2292,
        11.8646
      ],
      spread: [
        0.828441,
        1.17156
      ]
    },
    "amd opteron 6262 he": {
      name: "AMD Opteron 6262 HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.19687,
        3.09375,
        3.59375,
        4.0625,
        4.46875,
        4.875,
        5.28125,
        5.6875,
        6.03125,
        6.34375,
        6.65625
      ],
      spread: null
    },
    "amd opteron 6276": {
      name: "AMD Opteron 6276",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 7,
      wattsPerThread: [
        2.40625,
        3.64063,
        4.28125,
        5,
        5.8125,
        6.6875,
        7.5,
        8.09375,
        8.6875,
        9.1875,
        9.59375
      ],
      spread: [
        0.792208,
        1.40146
      ]
    },
    "amd opteron 6278": {
      name: "AMD Opteron 6278",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 5,
      wattsPerThread: [
        2.58125,
        3.78125,
        4.5,
        5.21875,
        6.03125,
        6.84375,
        7.71875,
        8.40625,
        8.96875,
        9.5,
        10
      ],
      spread: [
        0.714286,
        1.34722
      ]
    },
    "amd opteron 6344": {
      name: "AMD Opteron 6344",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        3.02083,
        4.45833,
        5.125,
        5.70833,
        6.27083,
        6.83333,
        7.375,
        8.02083,
        8.85417,
        9.89583,
        10.6458
      ],
      spread: null
    },
    "amd opteron 6366 he": {
      name: "AMD Opteron 6366 HE (AMD Turbo CORE Technology up to 3.10GHz)",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.27188,
        3.15625,
        3.59375,
        4.03125,
        4.5,
        4.96875,
        5.375,
        5.75,
        6.09375,
        6.4375,
        6.75
      ],
      spread: null
    },
    "amd opteron 6380": {
      name: "AMD Opteron 6380",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        2.32813,
        3.59375,
        4.28125,
        4.9375,
        5.65625,
        6.125,
        7.1875,
        7.875,
        8.5,
        9.0625,
        9.5625
      ],
      spread: [
        0.89396,
        1.06957
      ]
    },
    "amd opteron 8376 he": {
      name: "Quad-Core AMD Opteron(r) Processor 8376 HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        13.6094,
        14.2969,
        15.7188,
        17.4688,
        18.8438,
        20,
        21.0781,
        22.0938,
        23.0625,
        24.0625,
        24.9219
      ],
      spread: [
        0.966203,
        1.0338
      ]
    },
    "amd opteron 8381 he": {
      name: "Quad-Core AMD Opteron(r) Processor 8381 HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        13.25,
        14.25,
        15.8594,
        17.3594,
        18.5781,
        19.6719,
        20.7344,
        21.7656,
        22.7656,
        23.7969,
        24.7656
      ],
      spread: [
        0.967199,
        1.0328
      ]
    },
    "amd opteron 8384": {
      name: "AMD Opteron 8384",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        18.6875,
        19.5625,
        21.9375,
        23.8125,
        24.875,
        26.0625,
        27.3125,
        28.6875,
        30,
        31.3125,
        32.5625
      ],
      spread: null
    },
    "amd opteron 8425 he": {
      name: "Six-Core AMD Opteron(r) Processor 8425 HE",
      tier: "amd-opteron",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        9.75,
        10.4375,
        11.1875,
        12.125,
        12.8958,
        13.6458,
        14.4167,
        15.1667,
        16.0417,
        16.8958,
        17.75
      ],
      spread: null
    },
    "ampere altra 64-bit multi-core q64-30": {
      name: "Ampere\xAE Altra\xAE 64-Bit Multi-Core Processor Q64-30",
      tier: "arm-neoverse-n1",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        1.05937,
        1.21156,
        1.26554,
        1.32278,
        1.37993,
        1.43387,
        1.50218,
        1.58672,
        1.69499,
        1.8171,
        1.9375
      ],
      spread: null
    },
    "ampere altra max 64-bit multi-core m128-30": {
      name: "Ampere Altra Max 64-Bit Multi-Core Processor M128-30",
      tier: "arm-neoverse-n1",
      basis: "full-and-idle",
      servers: 4,
      wattsPerThread: [
        0.588672,
        0.757109,
        0.816849,
        0.880194,
        0.943446,
        1.00314,
        1.07875,
        1.17231,
        1.29215,
        1.42729,
        1.56055
      ],
      spread: null
    },
    "ampere altra q80-30": {
      name: "Ampere\xAE Altra\xAE Q80-30",
      tier: "arm-neoverse-n1",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.67375,
        0.860277,
        0.926432,
        0.99658,
        1.06663,
        1.13273,
        1.21646,
        1.32007,
        1.45278,
        1.60243,
        1.75
      ],
      spread: null
    },
    "arm cortex a53 24 cores: socionext sc2a11 arm soc": {
      name: "ARM Cortex A53 24 Cores: SOCIONEXT SC2A11 ARM SoC",
      tier: null,
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.536458,
        0.564892,
        0.574977,
        0.58567,
        0.596348,
        0.606425,
        0.619189,
        0.634983,
        0.655212,
        0.678026,
        0.700521
      ],
      spread: null
    },
    "arm cortex-a53 24 cores: socionext sc2a11 arm soc": {
      name: "ARM Cortex-A53 24 Cores: SOCIONEXT SC2A11 ARM SoC",
      tier: null,
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.536458,
        0.564892,
        0.574977,
        0.58567,
        0.596348,
        0.606425,
        0.619189,
        0.634983,
        0.655212,
        0.678026,
        0.700521
      ],
      spread: null
    },
    "intel core i3-540": {
      name: "Intel Core i3-540",
      tier: null,
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        6.2,
        7.6,
        8.5,
        9.475,
        10.225,
        11.075,
        11.875,
        12.825,
        13.55,
        14.475,
        15.225
      ],
      spread: [
        0.959368,
        1.05009
      ]
    },
    "intel core i5-4570": {
      name: "Intel Core i5-4570",
      tier: null,
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        20.8,
        22.05,
        23.575,
        25.25,
        26.75,
        28,
        29.25,
        30,
        31,
        32,
        32.75
      ],
      spread: null
    },
    "intel core i7 610e": {
      name: "Intel Core i7 610E",
      tier: null,
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        5.20625,
        6.35877,
        6.76754,
        7.20097,
        7.63377,
        8.04225,
        8.55959,
        9.19978,
        10.0197,
        10.9444,
        11.8562
      ],
      spread: null
    },
    "intel core ultra 7 255h": {
      name: "Intel Core Ultra 7 255H",
      tier: null,
      basis: "full-and-idle",
      servers: 6,
      wattsPerThread: [
        1.38125,
        1.62605,
        1.71288,
        1.80494,
        1.89687,
        1.98363,
        2.09352,
        2.2295,
        2.40366,
        2.60008,
        2.79375
      ],
      spread: null
    },
    "intel e3-1260l v5": {
      name: "Intel E3-1260L v5",
      tier: "intel-skylake-e3",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.8,
        2.25,
        2.55,
        2.8375,
        3.2625,
        3.6125,
        4.0125,
        4.5,
        5.05,
        5.575,
        5.9875
      ],
      spread: null
    },
    "intel pentium d 930": {
      name: "Intel Pentium D Processor 930",
      tier: null,
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        52.5,
        56,
        59,
        62.5,
        65.5,
        68.5,
        73.5,
        76.5,
        78.5,
        82,
        84.5
      ],
      spread: null
    },
    "intel x3350": {
      name: "Intel X3350",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        17.225,
        18.825,
        20.175,
        21.475,
        22.925,
        24.475,
        26,
        27.25,
        28.25,
        29.25,
        29.75
      ],
      spread: null
    },
    "intel xeon 3040": {
      name: "Intel Xeon Processor 3040",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        43,
        44.7,
        46.3,
        48,
        49.75,
        51,
        53,
        54,
        56,
        57,
        58.5
      ],
      spread: null
    },
    "intel xeon 3070": {
      name: "Intel Xeon 3070",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        39.4,
        41.025,
        42.7,
        44.8,
        47.05,
        49.575,
        52.175,
        54.4,
        56.5,
        58.75,
        60
      ],
      spread: [
        0.847716,
        1.15228
      ]
    },
    "intel xeon 3075": {
      name: "Intel Xeon Processor 3075",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        46.85,
        48.5,
        50.5,
        52.5,
        55,
        58,
        60.5,
        62.5,
        64.5,
        66.5,
        67.5
      ],
      spread: null
    },
    "intel xeon 4210": {
      name: "Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        3.175,
        4.275,
        5.05,
        5.25,
        5.6,
        5.925,
        6.175,
        6.45,
        6.675,
        6.95,
        7.275
      ],
      spread: null
    },
    "intel xeon 4214": {
      name: "Intel Xeon Silver 4214",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.33333,
        2.875,
        3.125,
        3.35417,
        3.64583,
        3.83333,
        4.125,
        4.41667,
        5.04167,
        5.4375,
        6.02083
      ],
      spread: null
    },
    "intel xeon 4510": {
      name: "Intel Xeon Silver 4510",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.94792,
        3.02209,
        3.40307,
        3.80703,
        4.21041,
        4.59112,
        5.07329,
        5.66996,
        6.43417,
        7.29601,
        8.14583
      ],
      spread: null
    },
    "intel xeon 5117": {
      name: "Intel Xeon Gold 5117",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.926786,
        1.91071,
        2.08929,
        2.26786,
        2.44643,
        2.60714,
        2.80357,
        3.07143,
        3.57143,
        4.05357,
        4.375
      ],
      spread: null
    },
    "intel xeon 5160": {
      name: "Intel Xeon 5160",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        47.75,
        50.5,
        53.25,
        55.75,
        58.5,
        61.25,
        63.75,
        66.25,
        68.75,
        71,
        72.75
      ],
      spread: [
        0.833333,
        1.13089
      ]
    },
    "intel xeon 5218": {
      name: "Intel Xeon Gold 5218",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.78125,
        2.35938,
        2.59375,
        2.84375,
        3.09375,
        3.35938,
        3.625,
        3.96875,
        4.51563,
        5.1875,
        5.73438
      ],
      spread: null
    },
    "intel xeon 5220": {
      name: "Intel Xeon Gold 5220",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.854167,
        1.47222,
        1.69444,
        1.90278,
        2.09722,
        2.31944,
        2.61111,
        2.94444,
        3.33333,
        3.84722,
        4.41667
      ],
      spread: null
    },
    "intel xeon 5318y": {
      name: "Intel Xeon Gold 5318Y",
      tier: "intel-xeon-sp-gen3",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        1.24219,
        1.70208,
        1.91848,
        2.11652,
        2.29139,
        2.5127,
        2.76733,
        3.11049,
        3.54099,
        4.10378,
        4.5651
      ],
      spread: null
    },
    "intel xeon 5520+": {
      name: "Intel Xeon Gold 5520+",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.94643,
        2.31162,
        2.44114,
        2.57848,
        2.71562,
        2.84505,
        3.00898,
        3.21183,
        3.47165,
        3.76465,
        4.05357
      ],
      spread: null
    },
    "intel xeon 5675": {
      name: "Intel Xeon 5675",
      tier: "intel-nehalem",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        2.36458,
        3.88916,
        4.41836,
        4.91012,
        5.40043,
        5.91276,
        6.51188,
        7.19823,
        7.92105,
        8.63093,
        9.32292
      ],
      spread: null
    },
    "intel xeon 6136": {
      name: "Intel(R) Xeon(R) Gold 6136 CPU @ 3.00GHz",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.72917,
        3.6875,
        4.0625,
        4.5,
        5.02083,
        5.5625,
        6.16667,
        6.91667,
        7.8125,
        8.47917,
        9
      ],
      spread: null
    },
    "intel xeon 6140": {
      name: "Intel Xeon Gold 6140",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.727778,
        1.56944,
        1.77778,
        1.97222,
        2.16667,
        2.40278,
        2.69444,
        3.16667,
        3.875,
        4.41667,
        4.76389
      ],
      spread: null
    },
    "intel xeon 6152": {
      name: "Intel Xeon Gold 6152",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.603409,
        1.32955,
        1.52273,
        1.70455,
        1.89773,
        2.07955,
        2.34091,
        2.76136,
        3.35227,
        3.79545,
        4.13636
      ],
      spread: null
    },
    "intel xeon 6210u": {
      name: "Intel(R) Xeon(R) Gold 6210U CPU",
      tier: "intel-xeon-sp-gen2",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.235,
        1.76554,
        1.9615,
        2.16008,
        2.36208,
        2.53473,
        2.76972,
        3.05213,
        3.4431,
        3.8843,
        4.385
      ],
      spread: null
    },
    "intel xeon 6226r": {
      name: "Intel(R) Xeon(R) Gold 6226R",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.50937,
        2.34375,
        3.07813,
        3.4375,
        3.75,
        4.0625,
        4.375,
        4.70313,
        5.03125,
        5.39063,
        5.89063
      ],
      spread: null
    },
    "intel xeon 6238r": {
      name: "Intel Xeon Gold 6238R",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.65179,
        2.19643,
        2.41071,
        2.625,
        2.85714,
        3.07143,
        3.25,
        3.51786,
        4.03571,
        4.5,
        4.94643
      ],
      spread: null
    },
    "intel xeon 6252": {
      name: "Intel Xeon Gold 6252",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.26042,
        1.80208,
        2,
        2.19271,
        2.375,
        2.57813,
        2.78646,
        3.09896,
        3.53646,
        3.99479,
        4.51042
      ],
      spread: [
        0.452893,
        1.54711
      ]
    },
    "intel xeon 6314u": {
      name: "Intel Xeon Gold 6314U CPU @ 2.30GHz (Intel Turbo Boost Technology up to 3.4GHz)",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.46797,
        1.61719,
        1.8125,
        2.02344,
        2.21875,
        2.42188,
        2.67969,
        3.04688,
        3.75,
        4.40625,
        4.73438
      ],
      spread: [
        0.958333,
        1.04167
      ]
    },
    "intel xeon 6336y": {
      name: "Intel Xeon Gold 6336Y Processor",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.83333,
        2.01042,
        2.17708,
        2.34375,
        2.55208,
        2.8125,
        3.42708,
        4.125,
        5.07292,
        6.07292,
        6.77083
      ],
      spread: null
    },
    "intel xeon 6338n": {
      name: "Intel Xeon Gold 6338N",
      tier: "intel-xeon-sp-gen3",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.78125,
        2.12725,
        2.29006,
        2.43905,
        2.57062,
        2.73712,
        2.92869,
        3.18687,
        3.51075,
        3.93417,
        4.28125
      ],
      spread: null
    },
    "intel xeon 6369p": {
      name: "Intel Xeon 6369P",
      tier: "intel-xeon-6",
      basis: "full-and-idle",
      servers: 3,
      wattsPerThread: [
        1.23125,
        2.03173,
        2.31564,
        2.61668,
        2.91728,
        3.20099,
        3.56031,
        4.00495,
        4.57445,
        5.21671,
        5.85
      ],
      spread: null
    },
    "intel xeon 6414u": {
      name: "Intel Xeon Gold 6414U",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.36875,
        2.0712,
        2.32034,
        2.58452,
        2.84831,
        3.09727,
        3.41259,
        3.80278,
        4.30254,
        4.86614,
        5.42188
      ],
      spread: null
    },
    "intel xeon 6421n": {
      name: "Intel Xeon Gold 6421N",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 3,
      wattsPerThread: [
        1.32813,
        1.75734,
        1.90957,
        2.07099,
        2.23217,
        2.3843,
        2.57696,
        2.81538,
        3.12074,
        3.46512,
        3.80469
      ],
      spread: null
    },
    "intel xeon 6428n": {
      name: "Intel Xeon Gold 6428N",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.05664,
        1.66425,
        1.87975,
        2.10825,
        2.33642,
        2.55177,
        2.82451,
        3.16202,
        3.5943,
        4.0818,
        4.5625
      ],
      spread: null
    },
    "intel xeon 6433n": {
      name: "Intel Xeon Gold 6433N",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        3.55469,
        4.06514,
        4.24619,
        4.43816,
        4.62985,
        4.81076,
        5.0399,
        5.32344,
        5.6866,
        6.09616,
        6.5
      ],
      spread: null
    },
    "intel xeon 6438n": {
      name: "Intel Xeon Gold 6438N",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        1.6875,
        2.17494,
        2.34782,
        2.53113,
        2.71418,
        2.88694,
        3.10574,
        3.37649,
        3.72328,
        4.11437,
        4.5
      ],
      spread: null
    },
    "intel xeon 6438y+": {
      name: "Intel Xeon Gold 6438Y+",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        1.34766,
        1.89061,
        2.08318,
        2.28737,
        2.49126,
        2.68369,
        2.92742,
        3.22901,
        3.61529,
        4.05092,
        4.48047
      ],
      spread: null
    },
    "intel xeon 6448y": {
      name: "Intel Xeon Gold 6448Y",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        1.07187,
        1.72423,
        1.9556,
        2.20094,
        2.44591,
        2.67712,
        2.96995,
        3.33231,
        3.79643,
        4.31983,
        4.83594
      ],
      spread: null
    },
    "intel xeon 6454s": {
      name: "Intel Xeon Gold 6454S",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 4,
      wattsPerThread: [
        1.59531,
        2.23142,
        2.45703,
        2.69625,
        2.93513,
        3.16058,
        3.44611,
        3.79945,
        4.25201,
        4.76237,
        5.26563
      ],
      spread: null
    },
    "intel xeon 6538y+": {
      name: "Intel Xeon Gold 6538Y+",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.921875,
        1.55148,
        1.77479,
        2.01157,
        2.248,
        2.47115,
        2.75377,
        3.10349,
        3.55143,
        4.05658,
        4.55469
      ],
      spread: null
    },
    "intel xeon 6548y": {
      name: "Intel Xeon Gold 6548Y",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.976563,
        1.62242,
        1.85149,
        2.09438,
        2.33691,
        2.56582,
        2.85573,
        3.21448,
        3.67397,
        4.19216,
        4.70313
      ],
      spread: null
    },
    "intel xeon 6558q": {
      name: "Intel Xeon Gold 6558Q",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.820313,
        1.99964,
        2.41792,
        2.86144,
        3.3043,
        3.72228,
        4.25166,
        4.90674,
        5.74577,
        6.69198,
        7.625
      ],
      spread: null
    },
    "intel xeon 6766e": {
      name: "Intel Xeon 6766E",
      tier: "intel-xeon-6",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.868056,
        1.14969,
        1.24957,
        1.35549,
        1.46125,
        1.56106,
        1.68748,
        1.84392,
        2.04428,
        2.27025,
        2.49306
      ],
      spread: null
    },
    "intel xeon 6780e": {
      name: "Intel Xeon 6780E",
      tier: "intel-xeon-6",
      basis: "full-and-idle",
      servers: 19,
      wattsPerThread: [
        0.694444,
        1.02301,
        1.13955,
        1.26312,
        1.3865,
        1.50295,
        1.65044,
        1.83295,
        2.06671,
        2.33033,
        2.59028
      ],
      spread: null
    },
    "intel xeon 6787p": {
      name: "Intel Xeon 6787P",
      tier: "intel-xeon-6",
      basis: "full-and-idle",
      servers: 21,
      wattsPerThread: [
        0.622093,
        0.988365,
        1.11827,
        1.25602,
        1.39356,
        1.52337,
        1.68779,
        1.89124,
        2.15182,
        2.44569,
        2.73547
      ],
      spread: null
    },
    "intel xeon 6788p": {
      name: "Intel Xeon 6788P",
      tier: "intel-xeon-6",
      basis: "full-and-idle",
      servers: 4,
      wattsPerThread: [
        0.638808,
        0.925226,
        1.02681,
        1.13452,
        1.24208,
        1.34359,
        1.47216,
        1.63126,
        1.83503,
        2.06483,
        2.29142
      ],
      spread: null
    },
    "intel xeon 6980p": {
      name: "Intel Xeon 6980P",
      tier: "intel-xeon-6",
      basis: "full-and-idle",
      servers: 5,
      wattsPerThread: [
        0.515625,
        0.823659,
        0.93291,
        1.04875,
        1.16443,
        1.2736,
        1.41187,
        1.58297,
        1.80213,
        2.04927,
        2.29297
      ],
      spread: null
    },
    "intel xeon 7020": {
      name: "Intel Xeon Processor 7020",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        32.5,
        34.4375,
        36.6875,
        40.375,
        44.0625,
        46.25,
        47.875,
        49.1875,
        50.1875,
        51.125,
        52.0625
      ],
      spread: null
    },
    "intel xeon 7110m": {
      name: "Intel Xeon Processor 7110M",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        35.9375,
        36.875,
        37.9375,
        38.9375,
        39.9375,
        41,
        42.0625,
        43.125,
        44,
        44.75,
        45.75
      ],
      spread: null
    },
    "intel xeon 8160": {
      name: "Intel Xeon Platinum 8160",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.55625,
        1.26042,
        1.45833,
        1.63542,
        1.8125,
        2.02083,
        2.27083,
        2.6875,
        3.25,
        3.6875,
        4.03125
      ],
      spread: null
    },
    "intel xeon 8176": {
      name: "Intel Xeon Platinum 8176",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 10,
      wattsPerThread: [
        0.486607,
        1.04353,
        1.23214,
        1.42411,
        1.58705,
        1.78125,
        2.02232,
        2.25,
        2.48884,
        2.86272,
        3.25446
      ],
      spread: [
        0.834862,
        1.67339
      ]
    },
    "intel xeon 8176m": {
      name: "Intel Xeon Platinum 8176M",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        0.581696,
        1.04018,
        1.22321,
        1.39063,
        1.56696,
        1.76563,
        1.97545,
        2.21205,
        2.51786,
        2.91295,
        3.36161
      ],
      spread: [
        0.728319,
        1.13584
      ]
    },
    "intel xeon 8180": {
      name: "Intel Xeon Platinum 8180 2.50 GHz",
      tier: "intel-xeon-sp-gen1",
      basis: "eleven-level",
      servers: 31,
      wattsPerThread: [
        0.446429,
        1.09375,
        1.29464,
        1.5,
        1.70982,
        1.92857,
        2.24107,
        2.58036,
        3.07143,
        3.64286,
        4.08482
      ],
      spread: [
        0.768,
        1.556
      ]
    },
    "intel xeon 8276l": {
      name: "Intel Xeon Platinum 8276L",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 7,
      wattsPerThread: [
        0.519643,
        1,
        1.15179,
        1.3125,
        1.47321,
        1.63393,
        1.85714,
        2.10714,
        2.42857,
        2.78571,
        3.09821
      ],
      spread: [
        0.829897,
        1.20704
      ]
    },
    "intel xeon 8276m": {
      name: "Intel Xeon Platinum 8276M 2.20GHz",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.429464,
        1.05357,
        1.22321,
        1.39286,
        1.5625,
        1.73214,
        1.9375,
        2.19643,
        2.5,
        2.90179,
        3.71429
      ],
      spread: null
    },
    "intel xeon 8280": {
      name: "Intel Xeon Platinum 8280 @ 2.70GHz (Intel Turbo Boost Technology up to 4.00 GHz)",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 20,
      wattsPerThread: [
        0.459821,
        1.0625,
        1.26786,
        1.47321,
        1.68304,
        1.83705,
        2.12946,
        2.4375,
        2.75,
        3.19643,
        3.77902
      ],
      spread: [
        0.822281,
        1.94175
      ]
    },
    "intel xeon 8280l": {
      name: "Intel Xeon Platinum 8280L",
      tier: "intel-xeon-sp-gen2",
      basis: "eleven-level",
      servers: 8,
      wattsPerThread: [
        0.473437,
        1.02902,
        1.21429,
        1.39286,
        1.57366,
        1.77679,
        2.03348,
        2.32143,
        2.67634,
        3.08036,
        3.6875
      ],
      spread: [
        0.710985,
        1.1768
      ]
    },
    "intel xeon 8352m": {
      name: "Intel Xeon Platinum 8352M",
      tier: "intel-xeon-sp-gen3",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.18025,
        1.45226,
        1.58025,
        1.69738,
        1.80081,
        1.93171,
        2.08232,
        2.28529,
        2.53991,
        2.87279,
        3.14565
      ],
      spread: null
    },
    "intel xeon 8352y": {
      name: "Intel Xeon Platinum 8352Y",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.14453,
        1.53906,
        1.74609,
        1.95313,
        2.16797,
        2.40234,
        2.67188,
        3.02734,
        3.63672,
        4.26953,
        4.57422
      ],
      spread: [
        0.838599,
        1.1614
      ]
    },
    "intel xeon 8360y": {
      name: "Intel Xeon Platinum 8360Y",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.53472,
        1.96528,
        2.22917,
        2.49306,
        2.75694,
        3.02778,
        3.27083,
        3.49306,
        3.79167,
        4.15278,
        4.78472
      ],
      spread: null
    },
    "intel xeon 8368q": {
      name: "Intel Xeon Platinum 8368Q",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.61184,
        2.06579,
        2.29934,
        2.54605,
        2.79934,
        3.05921,
        3.34211,
        3.63158,
        3.92105,
        4.27303,
        4.47368
      ],
      spread: [
        0.579592,
        1.42041
      ]
    },
    "intel xeon 8376hl": {
      name: "Intel Xeon Platinum 8376HL",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.616071,
        1.02679,
        1.22321,
        1.40179,
        1.58036,
        1.77232,
        1.99554,
        2.23661,
        2.52232,
        2.81696,
        3.21875
      ],
      spread: null
    },
    "intel xeon 8380": {
      name: "Intel Xeon Platinum 8380  2.30 GHz",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 16,
      wattsPerThread: [
        0.75625,
        1.175,
        1.35625,
        1.54375,
        1.70313,
        1.89063,
        2.10938,
        2.39375,
        2.75312,
        3.29688,
        3.87812
      ],
      spread: [
        0.75423,
        1.21226
      ]
    },
    "intel xeon 8380h": {
      name: "Intel Xeon Platinum 8380H",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.575893,
        1.14732,
        1.32143,
        1.48661,
        1.65179,
        1.84375,
        2.08482,
        2.375,
        2.69196,
        3.07143,
        3.72321
      ],
      spread: null
    },
    "intel xeon 8380hl": {
      name: "Intel Xeon Platinum 8380HL 2.90 GHz",
      tier: "intel-xeon-sp-gen3",
      basis: "eleven-level",
      servers: 6,
      wattsPerThread: [
        1.11942,
        1.83705,
        2.09487,
        2.34375,
        2.58929,
        2.84487,
        3.12946,
        3.46763,
        3.89732,
        4.36942,
        4.77679
      ],
      spread: [
        0.355733,
        1.08224
      ]
    },
    "intel xeon 8471n": {
      name: "Intel Xeon Platinum 8471N",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.848077,
        1.39934,
        1.59486,
        1.80218,
        2.00919,
        2.20457,
        2.45202,
        2.75823,
        3.15042,
        3.59272,
        4.02885
      ],
      spread: null
    },
    "intel xeon 8480+": {
      name: "Intel Xeon Platinum 8480+",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 17,
      wattsPerThread: [
        0.848214,
        1.34726,
        1.52426,
        1.71193,
        1.89934,
        2.07621,
        2.30022,
        2.57742,
        2.93247,
        3.33286,
        3.72768
      ],
      spread: null
    },
    "intel xeon 8490h": {
      name: "Intel Xeon Platinum 8490H",
      tier: "intel-xeon-sp-gen4",
      basis: "full-and-idle",
      servers: 32,
      wattsPerThread: [
        0.781875,
        1.33005,
        1.52447,
        1.73062,
        1.93647,
        2.13075,
        2.37681,
        2.6813,
        3.0713,
        3.51111,
        3.94479
      ],
      spread: null
    },
    "intel xeon 8562y+": {
      name: "Intel Xeon Platinum 8562Y+",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        0.828125,
        1.81925,
        2.17078,
        2.54351,
        2.9157,
        3.26698,
        3.71188,
        4.26241,
        4.96755,
        5.76276,
        6.54688
      ],
      spread: null
    },
    "intel xeon 8581v": {
      name: "Intel Xeon Platinum 8581V",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        0.729583,
        1.08841,
        1.21568,
        1.35062,
        1.48537,
        1.61255,
        1.77362,
        1.97293,
        2.22822,
        2.51612,
        2.8
      ],
      spread: null
    },
    "intel xeon 8592+": {
      name: "Intel Xeon Platinum 8592+",
      tier: "intel-xeon-sp-gen5",
      basis: "full-and-idle",
      servers: 26,
      wattsPerThread: [
        0.78125,
        1.20674,
        1.35765,
        1.51767,
        1.67745,
        1.82826,
        2.01925,
        2.2556,
        2.55832,
        2.8997,
        3.23633
      ],
      spread: null
    },
    "intel xeon d-2775te": {
      name: "Intel(R) Xeon(R) D-2775TE CPU",
      tier: "intel-xeon-d",
      basis: "full-and-idle",
      servers: 4,
      wattsPerThread: [
        1.61875,
        2.07207,
        2.23285,
        2.40333,
        2.57356,
        2.73423,
        2.93771,
        3.18951,
        3.51203,
        3.87574,
        4.23438
      ],
      spread: null
    },
    "intel xeon e e-2488": {
      name: "Intel Xeon E E-2488",
      tier: "intel-rocketlake-e",
      basis: "full-and-idle",
      servers: 4,
      wattsPerThread: [
        1.56563,
        2.01402,
        2.31643,
        2.54832,
        2.80653,
        3.15786,
        3.56527,
        4.0426,
        4.58473,
        5.36649,
        6.25625
      ],
      spread: null
    },
    "intel xeon e-2176g": {
      name: "Intel Xeon E-2176G",
      tier: "intel-coffeelake-e",
      basis: "eleven-level",
      servers: 6,
      wattsPerThread: [
        1.15417,
        1.50417,
        1.6875,
        1.92917,
        2.21667,
        2.58333,
        3.025,
        3.57917,
        4.275,
        5.14583,
        6.11667
      ],
      spread: [
        0.722022,
        1.44404
      ]
    },
    "intel xeon e-2288g": {
      name: "Intel Xeon E-2288G",
      tier: "intel-coffeelake-e",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        1.01875,
        1.175,
        1.325,
        1.46875,
        1.63125,
        1.85,
        2.1,
        2.35625,
        2.65625,
        3.00625,
        3.5
      ],
      spread: [
        0.95,
        1.10106
      ]
    },
    "intel xeon e-2356g": {
      name: "Intel Xeon E-2356G",
      tier: "intel-rocketlake-e",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        1.1375,
        1.49583,
        1.80417,
        2.1,
        2.4,
        2.72083,
        3.03333,
        3.4,
        3.76667,
        4.225,
        4.92917
      ],
      spread: [
        0.854167,
        1.36264
      ]
    },
    "intel xeon e-2388g": {
      name: "Intel(R) Xeon(R) E-2388G CPU 3.20GHz",
      tier: "intel-rocketlake-e",
      basis: "eleven-level",
      servers: 10,
      wattsPerThread: [
        1.26563,
        1.60938,
        1.85,
        2.01875,
        2.2125,
        2.4625,
        2.75,
        3.08125,
        3.5125,
        4.15938,
        4.77813
      ],
      spread: [
        0.803907,
        1.26396
      ]
    },
    "intel xeon e-2488": {
      name: "Intel Xeon E-2488",
      tier: "intel-rocketlake-e",
      basis: "full-and-idle",
      servers: 3,
      wattsPerThread: [
        1.2125,
        1.60802,
        1.87477,
        2.07932,
        2.30708,
        2.61698,
        2.97635,
        3.39739,
        3.87559,
        4.56516,
        5.35
      ],
      spread: null
    },
    "intel xeon e3-1220": {
      name: "Intel Xeon E3-1220",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        5.6,
        7.1,
        8.7,
        9.575,
        10.95,
        12.525,
        14.625,
        17.15,
        20,
        21.4,
        23.2
      ],
      spread: null
    },
    "intel xeon e3-1220v2": {
      name: "Intel Xeon E3-1220v2 (Intel Turbo Boost Technology up to 3.50 GHz)",
      tier: "intel-ivybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        9.15,
        9.7,
        10.3,
        10.925,
        11.575,
        12.35,
        13.275,
        14.7,
        16.05,
        16.75,
        17.425
      ],
      spread: null
    },
    "intel xeon e3-1230 v6": {
      name: "Intel Xeon E3-1230 v6",
      tier: "intel-skylake-e3",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        1.55,
        2.0875,
        2.425,
        2.675,
        2.925,
        3.2625,
        3.7125,
        4.35,
        5.125,
        5.9875,
        6.475
      ],
      spread: [
        0.752419,
        1.08547
      ]
    },
    "intel xeon e3-1240l v5": {
      name: "Intel Xeon E3-1240L v5",
      tier: "intel-skylake-e3",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.0125,
        2.4125,
        2.575,
        2.7875,
        3.025,
        3.375,
        3.8125,
        4.3375,
        4.9,
        5.4875,
        5.9
      ],
      spread: null
    },
    "intel xeon e3-1240v2": {
      name: "Intel Xeon E3-1240V2",
      tier: "intel-ivybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.7625,
        2.4875,
        3.0125,
        3.4875,
        3.9625,
        4.3875,
        4.9125,
        5.5,
        6.7625,
        8.325,
        9.0625
      ],
      spread: null
    },
    "intel xeon e3-1260l": {
      name: "Intel Xeon E3-1260L",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        2.1625,
        2.76875,
        3.25,
        3.68125,
        4.0625,
        4.44375,
        4.84375,
        5.36875,
        5.9,
        6.5,
        6.95
      ],
      spread: [
        0.861272,
        1.24277
      ]
    },
    "intel xeon e3-1260l v5": {
      name: "Intel Xeon E3-1260L v5",
      tier: "intel-skylake-e3",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.725,
        2.25625,
        2.54375,
        2.78125,
        3.05,
        3.3375,
        3.70625,
        4.1625,
        4.675,
        5.2375,
        5.775
      ],
      spread: [
        0.84058,
        1.15942
      ]
    },
    "intel xeon e3-1265lv2": {
      name: "Intel Xeon E3-1265LV2",
      tier: "intel-ivybridge",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        2.3625,
        2.8625,
        3.1875,
        3.5125,
        3.8125,
        4.175,
        4.5,
        5.025,
        6.1375,
        6.675,
        7.025
      ],
      spread: [
        0.830688,
        1.06554
      ]
    },
    "intel xeon e3-1265lv3": {
      name: "Intel Xeon E3-1265Lv3",
      tier: "intel-haswell",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        2.2125,
        2.7625,
        3.075,
        3.3625,
        3.75,
        4.1375,
        4.6625,
        5.3625,
        6.1125,
        7.0125,
        7.3125
      ],
      spread: [
        0.759358,
        1.19316
      ]
    },
    "intel xeon e3-1270": {
      name: "Intel Xeon E3-1270",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        2.66875,
        4.1125,
        4.7375,
        5.29375,
        6.11875,
        7.04375,
        8.0625,
        9.48125,
        10.8,
        12.0938,
        12.75
      ],
      spread: [
        0.978723,
        1.02128
      ]
    },
    "intel xeon e3-1275lv3": {
      name: "Intel Xeon E3-1275Lv3",
      tier: "intel-haswell",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.83125,
        2.4375,
        2.7875,
        3.08125,
        3.475,
        3.86875,
        4.51875,
        5.29375,
        6.13125,
        7.35625,
        7.74375
      ],
      spread: [
        0.90785,
        1.09215
      ]
    },
    "intel xeon e3-1280": {
      name: "Intel Xeon E3-1280",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        3.8625,
        4.65,
        5.4375,
        6,
        6.64375,
        7.56875,
        8.59375,
        9.98125,
        11.1187,
        12.3375,
        13.275
      ],
      spread: [
        0.783172,
        1.21683
      ]
    },
    "intel xeon e3-1280v2": {
      name: "Intel Xeon E3-1280v2",
      tier: "intel-ivybridge",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        5.1875,
        5.53125,
        5.9125,
        6.24375,
        6.64375,
        7.15,
        7.7875,
        8.7125,
        9.825,
        10.6438,
        11.2
      ],
      spread: [
        0.896386,
        1.10361
      ]
    },
    "intel xeon e3110": {
      name: "Intel Xeon Processor E3110",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        37.6,
        39.1,
        42.05,
        44.8,
        47.45,
        50,
        52.5,
        54.5,
        56,
        57.5,
        58.5
      ],
      spread: null
    },
    "intel xeon e5-2440": {
      name: "Intel Xeon E5-2440",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.29583,
        3.19167,
        3.50833,
        3.82917,
        4.14583,
        4.5,
        5.08333,
        5.79167,
        6.54167,
        7.54167,
        8.625
      ],
      spread: null
    },
    "intel xeon e5-2450": {
      name: "Intel Xeon E5-2450",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.66875,
        2.35938,
        2.64063,
        2.925,
        3.21875,
        3.46875,
        3.96875,
        4.53125,
        5.21875,
        6.28125,
        7.21875
      ],
      spread: null
    },
    "intel xeon e5-2450l": {
      name: "Intel Xeon E5-2450L",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.6875,
        2.275,
        2.52188,
        2.74375,
        2.975,
        3.1875,
        3.375,
        3.75,
        4.1875,
        4.6875,
        5.21875
      ],
      spread: null
    },
    "intel xeon e5-2470": {
      name: "Intel Xeon E5-2470 2.30 GHz (Intel Turbo Boost Technology up to 3.10 GHz)",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 18,
      wattsPerThread: [
        1.675,
        2.35,
        2.64844,
        3.02969,
        3.5,
        4,
        4.5625,
        5.34375,
        5.95313,
        7.01563,
        8.23438
      ],
      spread: [
        0.777989,
        2.17164
      ]
    },
    "intel xeon e5-2609": {
      name: "Intel Xeon E5-2609",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        8.5875,
        9.7875,
        10.5,
        11.05,
        11.5625,
        12.1625,
        13,
        13.875,
        15.125,
        16.375,
        17.125
      ],
      spread: null
    },
    "intel xeon e5-2620": {
      name: "Intel Xeon Processor E5-2620",
      tier: "intel-sandybridge",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        6.75,
        7.35691,
        7.61598,
        7.90439,
        8.26426,
        8.58121,
        9.05018,
        9.59392,
        10.1376,
        10.9856,
        11.6667
      ],
      spread: null
    },
    "intel xeon e5-2630": {
      name: "Intel Xeon E5-2630",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        4,
        5.54167,
        6.125,
        6.79167,
        7.54167,
        8.29167,
        9.125,
        9.875,
        11.3333,
        12.7083,
        13.4583
      ],
      spread: [
        0.547739,
        1.05479
      ]
    },
    "intel xeon e5-2640": {
      name: "Intel Xeon E5-2640",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 5,
      wattsPerThread: [
        3.47917,
        4.45833,
        4.875,
        5.41667,
        6.125,
        6.875,
        7.66667,
        8.33333,
        8.83333,
        10,
        10.625
      ],
      spread: [
        0.682635,
        1.30189
      ]
    },
    "intel xeon e5-2650": {
      name: "Intel Xeon E5-2650 2.0 GHz (Intel Turbo Boost Technology up to 2.80 GHz)",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        1.74063,
        2.45313,
        2.77031,
        3.06094,
        3.32813,
        3.5625,
        4.01563,
        4.53125,
        5.14063,
        5.9375,
        6.78125
      ],
      spread: [
        0.949731,
        1.14901
      ]
    },
    "intel xeon e5-2650l": {
      name: "Intel Xeon E5-2650L",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        1.72812,
        2.325,
        2.59063,
        2.83438,
        3.07187,
        3.3125,
        3.53125,
        3.9375,
        4.34375,
        4.84375,
        5.3125
      ],
      spread: [
        0.928571,
        1.05755
      ]
    },
    "intel xeon e5-2660": {
      name: "Intel Xeon E5-2660",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 37,
      wattsPerThread: [
        1.725,
        2.4375,
        2.73125,
        3.07187,
        3.53125,
        3.875,
        4.40625,
        5.0625,
        5.84375,
        6.78125,
        7.6875
      ],
      spread: [
        0.772358,
        1.51449
      ]
    },
    "intel xeon e5-2660 v2": {
      name: "Intel Xeon E5-2660 v2",
      tier: "intel-ivybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.4275,
        2.675,
        2.95,
        3.2,
        3.45,
        3.775,
        4.075,
        4.4,
        4.725,
        5.425,
        5.8
      ],
      spread: null
    },
    "intel xeon e5-2660v2": {
      name: "Intel Xeon E5-2660V2",
      tier: "intel-ivybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        1.3,
        1.9275,
        2.1725,
        2.41,
        2.625,
        2.85,
        3.125,
        3.425,
        3.7,
        4.375,
        5.05
      ],
      spread: null
    },
    "intel xeon e5-2665": {
      name: "Intel Xeon E5-2665",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 6,
      wattsPerThread: [
        3.20313,
        4.28125,
        4.76563,
        5.35938,
        6.0625,
        6.9375,
        7.89063,
        8.875,
        9.90625,
        11.0625,
        11.8125
      ],
      spread: [
        0.548293,
        1.12371
      ]
    },
    "intel xeon e5-2670": {
      name: "Intel Xeon E5-2670",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 8,
      wattsPerThread: [
        1.725,
        2.51875,
        2.85312,
        3.1875,
        3.54688,
        3.96875,
        4.54688,
        5.26563,
        6.1875,
        7.26563,
        8.76563
      ],
      spread: [
        0.809269,
        2.14173
      ]
    },
    "intel xeon e5-2680": {
      name: "Intel Xeon E5-2680",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.92813,
        2.52813,
        2.88906,
        3.34375,
        3.90625,
        4.57813,
        5.35938,
        6.09375,
        6.6875,
        7.15625,
        7.54688
      ],
      spread: [
        0.917342,
        1.08266
      ]
    },
    "intel xeon e5-2683 v4": {
      name: "Intel Xeon E5-2683 V4",
      tier: "intel-broadwell",
      basis: "full-and-idle",
      servers: 2,
      wattsPerThread: [
        2.03125,
        3.04203,
        3.41901,
        3.8048,
        4.21058,
        4.52957,
        4.84494,
        5.22758,
        5.78132,
        6.46978,
        7.23438
      ],
      spread: null
    },
    "intel xeon e5-2698 v4": {
      name: "Intel Xeon E5-2698 V4",
      tier: "intel-broadwell",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.54375,
        1.04625,
        1.2625,
        1.4625,
        1.6375,
        1.8125,
        2.05,
        2.3375,
        2.85,
        3.4625,
        4.1125
      ],
      spread: null
    },
    "intel xeon e5-2699 v3": {
      name: "Intel Xeon E5-2699 v3 2.30 GHz",
      tier: "intel-haswell",
      basis: "eleven-level",
      servers: 12,
      wattsPerThread: [
        0.654167,
        1.22083,
        1.46528,
        1.68056,
        1.90972,
        2.09028,
        2.36111,
        2.64583,
        3.01389,
        3.39583,
        3.77778
      ],
      spread: [
        0.828025,
        1.61146
      ]
    },
    "intel xeon e5-2699 v4": {
      name: "Intel Xeon E5-2699 v4",
      tier: "intel-broadwell",
      basis: "eleven-level",
      servers: 10,
      wattsPerThread: [
        0.508523,
        0.980114,
        1.15909,
        1.32955,
        1.51136,
        1.64205,
        1.79545,
        1.97727,
        2.27273,
        2.57955,
        2.88068
      ],
      spread: [
        0.896089,
        1.10838
      ]
    },
    "intel xeon e5-4607": {
      name: "Intel Xeon E5-4607 2.2 GHz",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        2.06875,
        3.05208,
        3.33333,
        3.59375,
        3.84375,
        4.10417,
        4.40625,
        4.97917,
        5.55208,
        6.36458,
        7.20833
      ],
      spread: [
        0.902316,
        1.09768
      ]
    },
    "intel xeon e5-4640": {
      name: "Intel Xeon E5-4640",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        1.46328,
        2.28125,
        2.57813,
        2.86719,
        3.13281,
        3.41406,
        3.82031,
        4.33594,
        4.96875,
        5.71875,
        6.625
      ],
      spread: [
        0.948113,
        1.04805
      ]
    },
    "intel xeon e5-4650": {
      name: "Intel Xeon E5-4650 2.7 GHz (Intel Turbo Boost Technology up to 3.30 GHz)",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.09375,
        2.6875,
        3.15625,
        3.73438,
        4.46875,
        5.40625,
        6.32813,
        7.0625,
        7.65625,
        9.09375,
        10.4219
      ],
      spread: null
    },
    "intel xeon e5-4650l": {
      name: "Intel Xeon E5-4650L 2.60 GHz",
      tier: "intel-sandybridge",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        1.70313,
        2.3125,
        2.60156,
        2.92969,
        3.39063,
        3.71875,
        4.22656,
        4.875,
        5.6875,
        6.5625,
        7.05469
      ],
      spread: [
        0.983516,
        1.01648
      ]
    },
    "intel xeon e5-4669 v3": {
      name: "Intel Xeon E5-4669 v3 2.10 GHz",
      tier: "intel-haswell",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.599306,
        1.23611,
        1.51389,
        1.78472,
        2.00694,
        2.1875,
        2.36111,
        2.65278,
        3.00694,
        3.45833,
        3.86806
      ],
      spread: null
    },
    "intel xeon e5-4669 v4": {
      name: "Intel Xeon E5-4669 v4 2.20 GHz",
      tier: "intel-broadwell",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        0.490909,
        1.02841,
        1.22159,
        1.4375,
        1.63068,
        1.78977,
        1.93182,
        2.14205,
        2.39205,
        2.74432,
        3.19318
      ],
      spread: null
    },
    "intel xeon e5345": {
      name: "Intel Xeon processor E5345",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        27.5,
        29.375,
        31.125,
        32.625,
        34.125,
        35.75,
        37.25,
        38.625,
        39.875,
        40.875,
        41.75
      ],
      spread: [
        0.995455,
        1.11364
      ]
    },
    "intel xeon e5420": {
      name: "Intel Xeon E5420",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        19.375,
        21.5,
        23.125,
        24.625,
        25.75,
        26.75,
        27.625,
        28.875,
        30.875,
        31.875,
        32.5
      ],
      spread: null
    },
    "intel xeon e5440": {
      name: "Intel Xeon E5440",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        19,
        20.875,
        22.875,
        24.375,
        25.9375,
        27.375,
        28.75,
        29.9375,
        30.875,
        31.75,
        32.4375
      ],
      spread: [
        0.928962,
        1.09211
      ]
    },
    "intel xeon e5450": {
      name: "Intel Xeon E5450",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        19.6875,
        21.1875,
        22.8125,
        24.4375,
        25.8125,
        27.375,
        28.75,
        30.0625,
        31.375,
        32.5625,
        33.625
      ],
      spread: [
        0.780952,
        1.14286
      ]
    },
    "intel xeon e5462": {
      name: "Intel Xeon E5462",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        16.25,
        17.875,
        19.375,
        20.75,
        22.125,
        23.75,
        25.25,
        26.875,
        28.5,
        30.125,
        31.5
      ],
      spread: null
    },
    "intel xeon e5472": {
      name: "Intel Xeon E5472",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        19.5,
        22.25,
        24.375,
        26.125,
        27.75,
        29.125,
        30.375,
        31.5,
        34,
        35.125,
        35.875
      ],
      spread: [
        0.307491,
        1.19872
      ]
    },
    "intel xeon e5540": {
      name: "Intel Xeon E5540",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        4.30938,
        6.375,
        7.34375,
        8.03125,
        8.8125,
        9.65625,
        10.4063,
        11.2813,
        12.25,
        13.0313,
        13.7813
      ],
      spread: [
        0.949416,
        1.05058
      ]
    },
    "intel xeon e5645": {
      name: "Intel Xeon E5645",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        2.62917,
        3.86667,
        4.29167,
        4.66667,
        5.125,
        5.5,
        6.04167,
        6.79167,
        7.33333,
        7.875,
        8.33333
      ],
      spread: null
    },
    "intel xeon e7-4870": {
      name: "Intel Xeon E7-4870",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        5.2875,
        5.7875,
        6.1375,
        6.5125,
        6.925,
        7.4,
        8.0125,
        8.675,
        9.275,
        9.85,
        10.4625
      ],
      spread: null
    },
    "intel xeon e7-8870": {
      name: "Intel Xeon processor E7-8870",
      tier: "intel-nehalem",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        6.325,
        7.64235,
        8.09961,
        8.52452,
        8.94819,
        9.39088,
        9.90856,
        10.5016,
        11.1262,
        11.7396,
        12.3375
      ],
      spread: null
    },
    "intel xeon e7330": {
      name: "Intel Xeon Processor E7330",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        26.125,
        27.375,
        28.4375,
        29.5,
        30.625,
        31.9375,
        33.625,
        35.375,
        36.9375,
        38.1875,
        39.1875
      ],
      spread: null
    },
    "intel xeon l3360": {
      name: "Intel Xeon L3360",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 7,
      wattsPerThread: [
        12.925,
        14.575,
        15.925,
        17.175,
        18.3,
        19.7,
        20.925,
        22.125,
        23.125,
        23.95,
        24.6
      ],
      spread: [
        0.893617,
        1.22244
      ]
    },
    "intel xeon l5335": {
      name: "Intel Xeon processor L5335",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        26.3125,
        27.3125,
        28.25,
        29.25,
        30.1875,
        31.1875,
        32.1875,
        33.3125,
        34.1875,
        35.125,
        36
      ],
      spread: [
        0.888361,
        1.05938
      ]
    },
    "intel xeon l5408": {
      name: "Intel Xeon L5408",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        28.125,
        29.375,
        30.375,
        31.375,
        32.375,
        33.375,
        34.125,
        35,
        35.625,
        36.25,
        36.75
      ],
      spread: [
        0.768707,
        1.00797
      ]
    },
    "intel xeon l5410": {
      name: "Intel Xeon L5410",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 2,
      wattsPerThread: [
        16.0125,
        17.25,
        18.6625,
        19.85,
        20.975,
        22.1625,
        23.125,
        24,
        24.75,
        25.625,
        26.25
      ],
      spread: [
        0.827479,
        1.17252
      ]
    },
    "intel xeon l5420": {
      name: "Intel Xeon L5420",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 8,
      wattsPerThread: [
        13,
        14.25,
        15.5625,
        16.75,
        17.875,
        19.0625,
        20,
        20.9375,
        21.6875,
        22.3125,
        22.9375
      ],
      spread: [
        0.826923,
        1.72807
      ]
    },
    "intel xeon l5430": {
      name: "Intel Xeon L5430",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 14,
      wattsPerThread: [
        17.8125,
        18.8125,
        19.8125,
        20.75,
        21.875,
        23.0625,
        24.3125,
        25.5,
        26.5625,
        27.4375,
        28.25
      ],
      spread: [
        0.593684,
        1.19298
      ]
    },
    "intel xeon l5520": {
      name: "Intel Xeon L5520",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        4.00625,
        5.56875,
        6.375,
        6.875,
        7.375,
        7.9375,
        8.5,
        9.125,
        9.75,
        10.375,
        11
      ],
      spread: [
        0.884555,
        1.26989
      ]
    },
    "intel xeon l5530": {
      name: "Intel Xeon L5530",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 11,
      wattsPerThread: [
        4.0875,
        5.95,
        6.8125,
        7.3125,
        7.8125,
        8.3125,
        8.875,
        9.5625,
        10.1875,
        10.9375,
        11.625
      ],
      spread: [
        0.859327,
        1.35321
      ]
    },
    "intel xeon l5630": {
      name: "Intel Xeon L5630",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        3.79375,
        5.1125,
        5.75625,
        6.15,
        6.5,
        6.875,
        7.25,
        7.625,
        7.9375,
        8.25,
        8.625
      ],
      spread: null
    },
    "intel xeon l5640": {
      name: "Intel Xeon L5640",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 3,
      wattsPerThread: [
        2.23333,
        3.625,
        4.025,
        4.375,
        4.66667,
        5,
        5.33333,
        5.66667,
        6.125,
        6.66667,
        7.16667
      ],
      spread: [
        0.95,
        1.04082
      ]
    },
    "intel xeon l7345": {
      name: "Intel Xeon L7345",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        16.9375,
        17.5,
        18.375,
        19.3125,
        20.125,
        20.9375,
        21.6875,
        22.4375,
        23,
        23.5,
        24.1875
      ],
      spread: null
    },
    "intel xeon x3220": {
      name: "Intel Xeon X3220",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        19.95,
        21.3,
        22.6,
        24.175,
        25.75,
        27.5,
        29,
        30.25,
        31.25,
        32.25,
        33
      ],
      spread: null
    },
    "intel xeon x3360": {
      name: "Intel Xeon X3360",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 10,
      wattsPerThread: [
        15.2875,
        16.825,
        18.325,
        19.8875,
        21.9875,
        23.6,
        25.1125,
        26.5,
        27.875,
        28.875,
        29.625
      ],
      spread: [
        0.868357,
        1.17253
      ]
    },
    "intel xeon x3430": {
      name: "Intel Xeon X3430",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        8.15,
        9.3,
        10.375,
        11.65,
        13.25,
        14.95,
        17,
        19.25,
        21.525,
        23.4,
        25
      ],
      spread: null
    },
    "intel xeon x3470": {
      name: "Intel Xeon X3470",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 11,
      wattsPerThread: [
        4.95,
        5.9125,
        6.6375,
        7.5,
        8.4,
        9.3,
        10.275,
        11.3,
        12.5,
        13.75,
        14.75
      ],
      spread: [
        0.613636,
        1.17424
      ]
    },
    "intel xeon x3480": {
      name: "Intel Xeon X3480",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 6,
      wattsPerThread: [
        5.3625,
        5.95625,
        6.5125,
        7.175,
        7.90625,
        8.725,
        9.78125,
        11.0437,
        12.4563,
        13.9375,
        15.1875
      ],
      spread: [
        0.578089,
        1.31286
      ]
    },
    "intel xeon x5272": {
      name: "Intel Xeon X5272",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        46.5,
        49.25,
        51.75,
        54,
        56.5,
        58.25,
        59.75,
        63.25,
        67.25,
        68.75,
        70
      ],
      spread: null
    },
    "intel xeon x5570": {
      name: "Intel Xeon X5570",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 12,
      wattsPerThread: [
        4.6375,
        6.59375,
        7.59375,
        8.5,
        9.375,
        10.2813,
        11.2188,
        12.1875,
        13.1563,
        14.0938,
        15
      ],
      spread: [
        0.72372,
        2.33154
      ]
    },
    "intel xeon x5650": {
      name: "Intel Xeon X5650",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        3.3375,
        5.04167,
        5.625,
        6.08333,
        6.54167,
        7.08333,
        7.70833,
        8.5,
        9.33333,
        10.0833,
        10.75
      ],
      spread: null
    },
    "intel xeon x5670": {
      name: "Intel Xeon X5670",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 35,
      wattsPerThread: [
        3.10417,
        4.75,
        5.29167,
        5.79167,
        6.375,
        6.95833,
        7.625,
        8.29167,
        8.95833,
        9.625,
        10.4167
      ],
      spread: [
        0.76,
        1.8255
      ]
    },
    "intel xeon x5675": {
      name: "Intel Xeon X5675",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 17,
      wattsPerThread: [
        3.3125,
        4.79167,
        5.33333,
        5.83333,
        6.375,
        6.91667,
        7.54167,
        8.16667,
        8.875,
        9.58333,
        10.25
      ],
      spread: [
        0.657862,
        1.57233
      ]
    },
    "intel xeon x7560": {
      name: "Intel Xeon X7560",
      tier: "intel-nehalem",
      basis: "eleven-level",
      servers: 4,
      wattsPerThread: [
        8.21094,
        8.82031,
        9.46094,
        10.1406,
        10.8281,
        11.5547,
        12.2188,
        12.8203,
        13.3906,
        13.9375,
        14.4609
      ],
      spread: [
        0.919192,
        1.19179
      ]
    },
    "intel xeon-d 2776nt": {
      name: "Intel Xeon-D 2776NT",
      tier: "intel-xeon-d",
      basis: "full-and-idle",
      servers: 1,
      wattsPerThread: [
        1.5625,
        2.05129,
        2.22465,
        2.40848,
        2.59203,
        2.76527,
        2.98468,
        3.25618,
        3.60394,
        3.99611,
        4.38281
      ],
      spread: null
    },
    "xeon l5420": {
      name: "Xeon L5420",
      tier: "intel-core2",
      basis: "eleven-level",
      servers: 1,
      wattsPerThread: [
        44.5,
        46.5,
        48.75,
        51,
        53.25,
        55.5,
        58,
        60.25,
        62.5,
        65,
        67
      ],
      spread: null
    }
  },
  tiers: {
    "amd-epyc-zen1": {
      name: "AMD EPYC 1st gen (Naples, Zen)",
      servers: 10,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        0.74375,
        1.15983,
        1.28845,
        1.39685,
        1.50525,
        1.62168,
        1.7542,
        1.90669,
        2.04514,
        2.18099,
        2.32031
      ]
    },
    "amd-epyc-zen2": {
      name: "AMD EPYC 2nd gen (Rome, Zen 2)",
      servers: 36,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        0.437109,
        0.786603,
        0.894855,
        1.0005,
        1.089,
        1.1703,
        1.24424,
        1.32667,
        1.42768,
        1.53446,
        1.66406
      ]
    },
    "amd-epyc-zen3": {
      name: "AMD EPYC 3rd gen (Milan, Zen 3)",
      servers: 28,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        0.423828,
        0.74942,
        0.860281,
        0.959911,
        1.06062,
        1.16745,
        1.26896,
        1.36821,
        1.47624,
        1.67066,
        1.91602
      ]
    },
    "amd-epyc-zen4": {
      name: "AMD EPYC 4th gen (Genoa/Bergamo/Siena, Zen 4)",
      servers: 74,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        0.326302,
        0.557474,
        0.639465,
        0.726403,
        0.813213,
        0.895146,
        0.998915,
        1.12732,
        1.29179,
        1.47727,
        1.66016
      ]
    },
    "amd-epyc-zen5": {
      name: "AMD EPYC 5th gen (Turin, Zen 5)",
      servers: 43,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        0.216562,
        0.383212,
        0.442318,
        0.504991,
        0.567572,
        0.626636,
        0.701442,
        0.79401,
        0.912573,
        1.04628,
        1.17813
      ]
    },
    "amd-opteron": {
      name: "AMD Opteron",
      servers: 65,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        3.71875,
        5.16048,
        5.90053,
        6.68791,
        7.45625,
        8.23288,
        9.05426,
        9.7746,
        10.4271,
        11.0625,
        11.625
      ]
    },
    "arm-neoverse-n1": {
      name: "Arm Neoverse N1 (Ampere Altra, AWS Graviton2)",
      servers: 7,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        0.617188,
        0.843305,
        0.923502,
        1.00854,
        1.09345,
        1.17359,
        1.27509,
        1.40069,
        1.56156,
        1.74298,
        1.92188
      ]
    },
    "arm-neoverse-v2": {
      name: "Arm Neoverse V2 (NVIDIA Grace, AWS Graviton4)",
      servers: 1,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        2.06944,
        2.45578,
        2.59281,
        2.7381,
        2.88318,
        3.02011,
        3.19353,
        3.40813,
        3.68299,
        3.99296,
        4.29861
      ]
    },
    "intel-broadwell": {
      name: "Intel Xeon E5 v4 (Broadwell)",
      servers: 17,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        0.529545,
        1.02713,
        1.2127,
        1.40262,
        1.60238,
        1.7594,
        1.91465,
        2.10302,
        2.37561,
        2.71452,
        3.09091
      ]
    },
    "intel-coffeelake-e": {
      name: "Intel Xeon E-21xx/22xx (Coffee Lake)",
      servers: 9,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        1.05,
        1.4065,
        1.65787,
        1.91248,
        2.26475,
        2.64251,
        3.07505,
        3.51742,
        4.23003,
        5.02385,
        5.975
      ]
    },
    "intel-core2": {
      name: "Intel Xeon before Nehalem (Core 2)",
      servers: 77,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        18.375,
        19.7126,
        20.9363,
        22.2372,
        23.5695,
        24.8718,
        26.0964,
        27.2276,
        28.2435,
        29.0753,
        29.75
      ]
    },
    "intel-haswell": {
      name: "Intel Xeon E3/E5 v3 (Haswell)",
      servers: 21,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        0.688889,
        1.27013,
        1.50617,
        1.73174,
        1.95932,
        2.17238,
        2.43987,
        2.76533,
        3.17008,
        3.60366,
        3.98611
      ]
    },
    "intel-ivybridge": {
      name: "Intel Xeon E3/E5 v2 (Ivy Bridge)",
      servers: 12,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        2.19167,
        2.64511,
        3.01503,
        3.33084,
        3.65328,
        4.05592,
        4.4564,
        5.01265,
        5.9,
        6.57059,
        7.0125
      ]
    },
    "intel-nehalem": {
      name: "Intel Xeon 55xx/56xx/75xx (Nehalem, Westmere)",
      servers: 149,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        3.35,
        4.98975,
        5.55893,
        6.08783,
        6.61518,
        7.16622,
        7.81059,
        8.5488,
        9.32622,
        10.0897,
        10.834
      ]
    },
    "intel-rocketlake-e": {
      name: "Intel Xeon E-23xx/24xx (Rocket Lake, Raptor Lake)",
      servers: 22,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        1.2875,
        1.64807,
        1.89124,
        2.07772,
        2.28535,
        2.56787,
        2.89548,
        3.27931,
        3.71526,
        4.34389,
        5.05938
      ]
    },
    "intel-sandybridge": {
      name: "Intel Xeon E3/E5 (Sandy Bridge)",
      servers: 126,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        1.76719,
        2.52704,
        2.85139,
        3.21248,
        3.66305,
        4.05986,
        4.64701,
        5.32777,
        6.00841,
        7.07018,
        7.92285
      ]
    },
    "intel-skylake-e3": {
      name: "Intel Xeon E3 v5/v6 (Skylake, Kaby Lake)",
      servers: 7,
      current: false,
      shapeFrom: "tier",
      wattsPerThread: [
        1.6375,
        2.11583,
        2.42229,
        2.71526,
        2.98644,
        3.29372,
        3.70342,
        4.23911,
        4.84394,
        5.52592,
        5.9875
      ]
    },
    "intel-xeon-6": {
      name: "Intel Xeon 6 (Granite Rapids, Sierra Forest)",
      servers: 53,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        0.645833,
        1.00194,
        1.12825,
        1.26217,
        1.3959,
        1.52211,
        1.68197,
        1.87977,
        2.13313,
        2.41885,
        2.70058
      ]
    },
    "intel-xeon-d": {
      name: "Intel Xeon D",
      servers: 5,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        1.6,
        2.05928,
        2.22217,
        2.39489,
        2.56736,
        2.73014,
        2.9363,
        3.19141,
        3.51816,
        3.88665,
        4.25
      ]
    },
    "intel-xeon-sp-gen1": {
      name: "Intel Xeon Scalable 1st gen (Skylake-SP)",
      servers: 83,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        0.535156,
        1.15229,
        1.3687,
        1.58758,
        1.81145,
        2.05564,
        2.33873,
        2.70909,
        3.1509,
        3.71118,
        4.13636
      ]
    },
    "intel-xeon-sp-gen2": {
      name: "Intel Xeon Scalable 2nd gen (Cascade Lake)",
      servers: 77,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        0.602679,
        1.1813,
        1.39502,
        1.6116,
        1.8319,
        2.0202,
        2.27648,
        2.58448,
        3.01088,
        3.49208,
        4.03815
      ]
    },
    "intel-xeon-sp-gen3": {
      name: "Intel Xeon Scalable 3rd gen (Ice Lake, Cooper Lake)",
      servers: 51,
      current: true,
      shapeFrom: "tier",
      wattsPerThread: [
        0.923611,
        1.36617,
        1.5744,
        1.76498,
        1.93326,
        2.14622,
        2.39125,
        2.72148,
        3.13574,
        3.67731,
        4.12125
      ]
    },
    "intel-xeon-sp-gen4": {
      name: "Intel Xeon Scalable 4th gen (Sapphire Rapids)",
      servers: 67,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        0.897321,
        1.43505,
        1.62577,
        1.828,
        2.02993,
        2.22051,
        2.46189,
        2.76058,
        3.14314,
        3.57458,
        4
      ]
    },
    "intel-xeon-sp-gen5": {
      name: "Intel Xeon Scalable 5th gen (Emerald Rapids)",
      servers: 34,
      current: true,
      shapeFrom: "all",
      wattsPerThread: [
        0.824219,
        1.25564,
        1.40865,
        1.57089,
        1.7329,
        1.8858,
        2.07946,
        2.31909,
        2.62603,
        2.97217,
        3.31348
      ]
    }
  },
  fallback: {
    servers: 610,
    wattsPerThread: [
      0.633657,
      1.10651,
      1.27422,
      1.45205,
      1.62962,
      1.79721,
      2.00946,
      2.27211,
      2.60853,
      2.98791,
      3.36201
    ]
  }
};

// data/power-models.json
var power_models_default = {
  $comment: "Power models other than the SPECpower curves (data/power-curves.json, docs/energy.md): the Boavizta/Teads TDP curve used when the budget file sets cpu-tdp, and the Eco-CI and Cloud Carbon Footprint coefficients the product used before, kept for the comparison in bench/power-model.ts. Each row cites its source and year. The rules name the detected CPU's microarchitecture in the estimate's notes (model name first, then CPUID, then Arm CPU part)",
  defaultRow: "ccf-aws-average",
  rows: {
    "ccf-sandy-bridge": {
      kind: "per-vcpu-linear",
      label: "Intel Sandy Bridge (CCF)",
      minWattsPerVcpu: 2.17,
      maxWattsPerVcpu: 8.58,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-ivy-bridge": {
      kind: "per-vcpu-linear",
      label: "Intel Ivy Bridge (CCF)",
      minWattsPerVcpu: 3.04,
      maxWattsPerVcpu: 8.25,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-haswell": {
      kind: "per-vcpu-linear",
      label: "Intel Haswell (CCF)",
      minWattsPerVcpu: 1,
      maxWattsPerVcpu: 4.74,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2022
    },
    "ccf-broadwell": {
      kind: "per-vcpu-linear",
      label: "Intel Broadwell (CCF)",
      minWattsPerVcpu: 0.71,
      maxWattsPerVcpu: 3.69,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-skylake": {
      kind: "per-vcpu-linear",
      label: "Intel Skylake (CCF)",
      minWattsPerVcpu: 0.65,
      maxWattsPerVcpu: 4.26,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-cascade-lake": {
      kind: "per-vcpu-linear",
      label: "Intel Cascade Lake (CCF)",
      minWattsPerVcpu: 0.64,
      maxWattsPerVcpu: 3.97,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-coffee-lake": {
      kind: "per-vcpu-linear",
      label: "Intel Coffee Lake (CCF)",
      minWattsPerVcpu: 1.14,
      maxWattsPerVcpu: 5.42,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-epyc-1st-gen": {
      kind: "per-vcpu-linear",
      label: "AMD EPYC 1st Gen / Naples (CCF)",
      minWattsPerVcpu: 0.82,
      maxWattsPerVcpu: 2.55,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-epyc-2nd-gen": {
      kind: "per-vcpu-linear",
      label: "AMD EPYC 2nd Gen / Rome (CCF)",
      minWattsPerVcpu: 0.47,
      maxWattsPerVcpu: 1.69,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-epyc-3rd-gen": {
      kind: "per-vcpu-linear",
      label: "AMD EPYC 3rd Gen / Milan (CCF)",
      minWattsPerVcpu: 0.45,
      maxWattsPerVcpu: 2.02,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2022
    },
    "ccf-graviton2": {
      kind: "per-vcpu-linear",
      label: "AWS Graviton2 (CCF uses the AMD EPYC 2nd Gen figures)",
      minWattsPerVcpu: 0.47,
      maxWattsPerVcpu: 1.69,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021,
      note: "CCF: no reliable public figures for Graviton2, so the lowest microarchitecture (EPYC 2nd Gen) is applied."
    },
    "ccf-aws-average": {
      kind: "per-vcpu-linear",
      label: "CCF average over AWS microarchitectures (default for unknown CPUs)",
      minWattsPerVcpu: 0.74,
      maxWattsPerVcpu: 3.5,
      relativeUncertainty: 0.5,
      source: "Cloud Carbon Footprint methodology, Appendix I (AWS: average minimum watts 0.74, average maximum watts 3.5 per vCPU), https://www.cloudcarbonfootprint.org/docs/methodology",
      year: 2022,
      note: "Used when the CPU is unknown or its microarchitecture has no published per-vCPU figures: it is the mean over the microarchitectures of the largest cloud, i.e. the best prior for an unidentified cloud VM; its uncertainty is set higher (\xB150%)."
    },
    "eco-ci-github-epyc-7763-4vcpu": {
      kind: "vm-curve",
      label: "Eco-CI curve for GitHub-hosted 4-vCPU AMD EPYC 7763 runners",
      vcpus: 4,
      curvePercentWatts: [
        [
          0,
          1.7586
        ],
        [
          5,
          3.4427
        ],
        [
          10,
          3.6172
        ],
        [
          15,
          3.7917
        ],
        [
          20,
          3.9247
        ],
        [
          25,
          4.0576
        ],
        [
          30,
          4.2363
        ],
        [
          35,
          4.415
        ],
        [
          40,
          4.6585
        ],
        [
          45,
          4.902
        ],
        [
          50,
          5.1641
        ],
        [
          55,
          5.4261
        ],
        [
          60,
          5.6988
        ],
        [
          65,
          5.9715
        ],
        [
          70,
          6.2882
        ],
        [
          75,
          6.605
        ],
        [
          80,
          6.9693
        ],
        [
          85,
          7.3335
        ],
        [
          90,
          7.7566
        ],
        [
          95,
          8.1796
        ],
        [
          100,
          8.1796
        ]
      ],
      relativeUncertainty: 0.3,
      source: "Green Coding Solutions, Eco-CI energy estimation: machine-power-data/github_EPYC_7763_4_CPU_shared.sh (watts of the 4-vCPU VM share by CPU utilisation, from their SPECpower-trained cloud-energy model), https://github.com/green-coding-solutions/eco-ci-energy-estimation",
      year: 2024,
      note: "Points every 5% of utilisation; Eco-CI's own table interpolates linearly between them. Scaled by vCPUs/4 for other runner sizes on the same CPU."
    },
    "boavizta-tdp-curve": {
      kind: "tdp-curve",
      label: "CPU power as a fraction of TDP by load (Boavizta, after Teads)",
      curvePercentFraction: [
        [
          0,
          0.12
        ],
        [
          10,
          0.32
        ],
        [
          50,
          0.75
        ],
        [
          100,
          1.02
        ]
      ],
      relativeUncertainty: 0.4,
      source: "Boavizta API documentation, 'CPU: model adaptation from TDP' (0% \u2192 12%, 10% \u2192 32%, 50% \u2192 75%, 100% \u2192 102% of TDP), after Teads Engineering, 'Building an AWS EC2 carbon emissions dataset' (B. Davy, 2021); https://doc.api.boavizta.org/Explanations/components/cpu/",
      year: 2021,
      note: "Used when the budget file sets the CPU's TDP. Counts the CPU package only, not memory, disks or fans."
    }
  },
  modelNameRules: [
    {
      pattern: "AMD EPYC 7763\\b",
      microarchitecture: "Zen 3 (EPYC 3rd Gen, Milan)",
      row: "eco-ci-github-epyc-7763-4vcpu"
    },
    {
      pattern: "AMD EPYC 7[0-9A-Z]{2}1\\b",
      microarchitecture: "Zen (EPYC 1st Gen, Naples)",
      row: "ccf-epyc-1st-gen"
    },
    {
      pattern: "AMD EPYC 7[0-9A-Z]{2}2\\b",
      microarchitecture: "Zen 2 (EPYC 2nd Gen, Rome)",
      row: "ccf-epyc-2nd-gen"
    },
    {
      pattern: "AMD EPYC 7[0-9A-Z]{2}3\\b",
      microarchitecture: "Zen 3 (EPYC 3rd Gen, Milan)",
      row: "ccf-epyc-3rd-gen"
    },
    {
      pattern: "AMD EPYC 9[0-9A-Z]{2}4\\b",
      microarchitecture: "Zen 4 (EPYC 4th Gen, Genoa)",
      row: null
    },
    {
      pattern: "Xeon.*E[357]-\\d{4}[A-Z]?L? v2\\b",
      microarchitecture: "Ivy Bridge",
      row: "ccf-ivy-bridge"
    },
    {
      pattern: "Xeon.*E[357]-\\d{4}[A-Z]?L? v3\\b",
      microarchitecture: "Haswell",
      row: "ccf-haswell"
    },
    {
      pattern: "Xeon.*E[357]-\\d{4}[A-Z]?L? v4\\b",
      microarchitecture: "Broadwell",
      row: "ccf-broadwell"
    },
    {
      pattern: "Xeon.*E5-\\d{4}[A-Z]?L?( 0)?( @|$)",
      microarchitecture: "Sandy Bridge",
      row: "ccf-sandy-bridge"
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d1\\d\\d",
      microarchitecture: "Skylake-SP",
      row: "ccf-skylake"
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d2\\d\\d",
      microarchitecture: "Cascade Lake",
      row: "ccf-cascade-lake"
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d3\\d\\d",
      microarchitecture: "Ice Lake",
      row: null
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d4\\d\\d",
      microarchitecture: "Sapphire Rapids",
      row: null
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d5\\d\\d",
      microarchitecture: "Emerald Rapids",
      row: null
    },
    {
      pattern: "Core\\(TM\\) i[3579]-[89]\\d{3}",
      microarchitecture: "Coffee Lake",
      row: "ccf-coffee-lake"
    }
  ],
  cpuidRules: [
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        42,
        45
      ],
      microarchitecture: "Sandy Bridge",
      row: "ccf-sandy-bridge"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        58,
        62
      ],
      microarchitecture: "Ivy Bridge",
      row: "ccf-ivy-bridge"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        60,
        63,
        69,
        70
      ],
      microarchitecture: "Haswell",
      row: "ccf-haswell"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        61,
        71,
        79,
        86
      ],
      microarchitecture: "Broadwell",
      row: "ccf-broadwell"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        85
      ],
      steppings: [
        0,
        1,
        2,
        3,
        4
      ],
      microarchitecture: "Skylake-SP",
      row: "ccf-skylake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        85
      ],
      steppings: [
        5,
        6,
        7
      ],
      microarchitecture: "Cascade Lake",
      row: "ccf-cascade-lake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        85
      ],
      steppings: [
        10,
        11
      ],
      microarchitecture: "Cooper Lake",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        78,
        94
      ],
      microarchitecture: "Skylake",
      row: "ccf-skylake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        158
      ],
      steppings: [
        10,
        11,
        12,
        13
      ],
      microarchitecture: "Coffee Lake",
      row: "ccf-coffee-lake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        106,
        108,
        125,
        126
      ],
      microarchitecture: "Ice Lake",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        143
      ],
      microarchitecture: "Sapphire Rapids",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        207
      ],
      microarchitecture: "Emerald Rapids",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        173,
        174
      ],
      microarchitecture: "Granite Rapids",
      row: null
    },
    {
      vendor: "AuthenticAMD",
      family: 23,
      models: [
        1
      ],
      microarchitecture: "Zen (EPYC 1st Gen, Naples)",
      row: "ccf-epyc-1st-gen"
    },
    {
      vendor: "AuthenticAMD",
      family: 23,
      models: [
        49
      ],
      microarchitecture: "Zen 2 (EPYC 2nd Gen, Rome)",
      row: "ccf-epyc-2nd-gen"
    },
    {
      vendor: "AuthenticAMD",
      family: 25,
      models: [
        1
      ],
      microarchitecture: "Zen 3 (EPYC 3rd Gen, Milan)",
      row: "ccf-epyc-3rd-gen"
    },
    {
      vendor: "AuthenticAMD",
      family: 25,
      models: [
        17
      ],
      microarchitecture: "Zen 4 (EPYC 4th Gen, Genoa)",
      row: null
    }
  ],
  armRules: [
    {
      cpuPart: "0xd0c",
      implementer: "0x41",
      microarchitecture: "Arm Neoverse N1 (e.g. AWS Graviton2)",
      row: "ccf-graviton2"
    }
  ]
};

// src/energy/specpower/tiers.ts
function cpuModelKey(name) {
  return name.toLowerCase().replace(/\(r\)|\(tm\)|®|™/g, " ").replace(/\(.*?\)/g, " ").replace(/\[.*?\]/g, " ").replace(/@.*$/, " ").replace(/,.*$/, " ").replace(/\b\d+(\.\d+)?\s*ghz\b/g, " ").replace(/\b(quad|six|eight|dual)-core\b/g, " ").replace(/\b\d+-core\b/g, " ").replace(/\b(platinum|gold|silver|bronze|processor|cpu|dell sku)\b/g, " ").replace(/\s+/g, " ").trim();
}
function tierFromName(name) {
  const k = cpuModelKey(name);
  let m;
  if (m = k.match(/\bepyc \d[0-9a-z]{2}([1-5])/)) return `amd-epyc-zen${m[1]}`;
  if (/\bopteron\b/.test(k)) return "amd-opteron";
  if (/\bxeon 6\d{3}[pe]\b/.test(k)) return "intel-xeon-6";
  if (m = k.match(/\bxeon [3-9]([1-5])\d\d[a-z+]*\b/)) return `intel-xeon-sp-gen${m[1]}`;
  if (m = k.match(/\b(?:xeon )?e[357]-\d{4}[a-z]*\s?v([2-6])\b/)) {
    return {
      "2": "intel-ivybridge",
      "3": "intel-haswell",
      "4": "intel-broadwell",
      "5": "intel-skylake-e3",
      "6": "intel-skylake-e3"
    }[m[1]];
  }
  if (/\bxeon e[35]-\d{4}[a-z]*$/.test(k) || /\bxeon e[35]-\d{4}[a-z]* /.test(k)) return "intel-sandybridge";
  if (m = k.match(/\bxeon (?:e )?e-2(\d)\d\d/)) return Number(m[1]) <= 2 ? "intel-coffeelake-e" : "intel-rocketlake-e";
  if (/\bxeon[- ]d[- ]?\d{4}/.test(k)) return "intel-xeon-d";
  if (/\bxeon (e7-\d{4}|[xle]?[57][56]\d\d|x34\d\d)\b/.test(k)) return "intel-nehalem";
  if (/\bxeon ([xle]?5[1-4]\d\d|[xle]?3[0-3]\d\d|e7\d{3}|[xle]?73\d\d|7[01]\d\d[a-z]?)\b/.test(k) || /^intel x3350$|^xeon l5420$/.test(k))
    return "intel-core2";
  if (/\baltra\b/.test(k)) return "arm-neoverse-n1";
  if (/\bgrace\b/.test(k)) return "arm-neoverse-v2";
  return null;
}
var TIER_NAMES = {
  "amd-epyc-zen1": "AMD EPYC 1st gen (Naples, Zen)",
  "amd-epyc-zen2": "AMD EPYC 2nd gen (Rome, Zen 2)",
  "amd-epyc-zen3": "AMD EPYC 3rd gen (Milan, Zen 3)",
  "amd-epyc-zen4": "AMD EPYC 4th gen (Genoa/Bergamo/Siena, Zen 4)",
  "amd-epyc-zen5": "AMD EPYC 5th gen (Turin, Zen 5)",
  "amd-opteron": "AMD Opteron",
  "intel-xeon-sp-gen1": "Intel Xeon Scalable 1st gen (Skylake-SP)",
  "intel-xeon-sp-gen2": "Intel Xeon Scalable 2nd gen (Cascade Lake)",
  "intel-xeon-sp-gen3": "Intel Xeon Scalable 3rd gen (Ice Lake, Cooper Lake)",
  "intel-xeon-sp-gen4": "Intel Xeon Scalable 4th gen (Sapphire Rapids)",
  "intel-xeon-sp-gen5": "Intel Xeon Scalable 5th gen (Emerald Rapids)",
  "intel-xeon-6": "Intel Xeon 6 (Granite Rapids, Sierra Forest)",
  "intel-sandybridge": "Intel Xeon E3/E5 (Sandy Bridge)",
  "intel-ivybridge": "Intel Xeon E3/E5 v2 (Ivy Bridge)",
  "intel-haswell": "Intel Xeon E3/E5 v3 (Haswell)",
  "intel-broadwell": "Intel Xeon E5 v4 (Broadwell)",
  "intel-skylake-e3": "Intel Xeon E3 v5/v6 (Skylake, Kaby Lake)",
  "intel-coffeelake-e": "Intel Xeon E-21xx/22xx (Coffee Lake)",
  "intel-rocketlake-e": "Intel Xeon E-23xx/24xx (Rocket Lake, Raptor Lake)",
  "intel-xeon-d": "Intel Xeon D",
  "intel-nehalem": "Intel Xeon 55xx/56xx/75xx (Nehalem, Westmere)",
  "intel-core2": "Intel Xeon before Nehalem (Core 2)",
  "arm-neoverse-n1": "Arm Neoverse N1 (Ampere Altra, AWS Graviton2)",
  "arm-neoverse-v2": "Arm Neoverse V2 (NVIDIA Grace, AWS Graviton4)"
};
function tierFromCpuid(cpu) {
  const { vendor, family, model, stepping } = cpu;
  if (vendor === "AuthenticAMD" && family !== void 0 && model !== void 0) {
    if (family === 23 && model === 1) return "amd-epyc-zen1";
    if (family === 23 && model === 49) return "amd-epyc-zen2";
    if (family === 25 && model === 1) return "amd-epyc-zen3";
    if (family === 25 && (model === 17 || model === 160)) return "amd-epyc-zen4";
    if (family === 26 && (model === 2 || model === 17)) return "amd-epyc-zen5";
    return null;
  }
  if (vendor === "GenuineIntel" && family === 6 && model !== void 0) {
    if (model === 45 || model === 42) return "intel-sandybridge";
    if (model === 62 || model === 58) return "intel-ivybridge";
    if (model === 63 || model === 60) return "intel-haswell";
    if (model === 79 || model === 86) return "intel-broadwell";
    if (model === 85) {
      if (stepping === void 0) return null;
      return stepping <= 4 ? "intel-xeon-sp-gen1" : stepping <= 7 ? "intel-xeon-sp-gen2" : "intel-xeon-sp-gen3";
    }
    if (model === 106 || model === 108) return "intel-xeon-sp-gen3";
    if (model === 143) return "intel-xeon-sp-gen4";
    if (model === 207) return "intel-xeon-sp-gen5";
    if (model === 173 || model === 174 || model === 175) return "intel-xeon-6";
    return null;
  }
  const part = cpu.armPart?.toLowerCase();
  if (cpu.armImplementer?.toLowerCase() === "0x41") {
    if (part === "0xd0c") return "arm-neoverse-n1";
    if (part === "0xd4f") return "arm-neoverse-v2";
  }
  return null;
}

// src/energy/power-model.ts
var POWER_MODELS = power_models_default;
var POWER_CURVES = power_curves_default;
function sigmaOf(factors) {
  return (factors[1] - factors[0]) / (2 * 1.96);
}
function assumedInterval(relativeUncertainty, what) {
  return {
    factors: [Math.max(0, 1 - 1.96 * relativeUncertainty), 1 + 1.96 * relativeUncertainty],
    derivedFrom: `assumed \xB1${Math.round(relativeUncertainty * 100)}% (one sigma) for ${what}; not validated`,
    validated: false
  };
}
function interpolateCurve(curve, percent) {
  if (curve.length === 0) return 0;
  if (percent <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (percent <= x1) {
      const [x0, y0] = curve[i - 1];
      return y0 + (percent - x0) / (x1 - x0) * (y1 - y0);
    }
  }
  return curve[curve.length - 1][1];
}
function vmPowerW(model, u, vcpus) {
  const util = Math.min(1, Math.max(0, u));
  switch (model.kind) {
    case "per-vcpu-linear":
      return vcpus * (model.minWattsPerVcpu + util * (model.maxWattsPerVcpu - model.minWattsPerVcpu));
    case "vm-curve":
      return interpolateCurve(model.curvePercentWatts, util * 100) * vcpus / model.vcpus;
    case "per-thread-curve":
      return interpolateCurve(model.curvePercentWatts, util * 100) * vcpus;
    case "tdp-curve":
      if (model.tdpW === void 0) throw new InputError("ARGUMENT_INVALID", "The TDP power model needs a TDP in watts.");
      return model.tdpW * interpolateCurve(model.curvePercentFraction, util * 100);
    case "vm-linear":
      return model.idleW + util * (model.maxW - model.idleW);
  }
}
function describeModel(model) {
  switch (model.kind) {
    case "per-vcpu-linear":
      return `${model.minWattsPerVcpu}\u2013${model.maxWattsPerVcpu} W per vCPU (idle\u2013full load)`;
    case "vm-curve": {
      const first = model.curvePercentWatts[0][1];
      const last = model.curvePercentWatts[model.curvePercentWatts.length - 1][1];
      return `${first.toFixed(2)}\u2013${last.toFixed(2)} W for ${model.vcpus} vCPUs (idle\u2013full load curve)`;
    }
    case "per-thread-curve": {
      const c = model.curvePercentWatts;
      return `${c[0][1].toFixed(3)}\u2013${c[c.length - 1][1].toFixed(3)} W per hardware thread (idle\u2013full load, ${c.length} load levels)`;
    }
    case "tdp-curve":
      return `${model.curvePercentFraction.map(([p, f]) => `${p}%\u2192${Math.round(f * 100)}%`).join(", ")} of ${model.tdpW ?? "?"} W TDP`;
    case "vm-linear":
      return `${model.idleW}\u2013${model.maxW} W for the whole machine (idle\u2013full load)`;
  }
}
function cpuSignature(cpu) {
  if (cpu.vendor && cpu.family !== void 0 && cpu.model !== void 0) {
    return `${cpu.vendor} family ${cpu.family} model ${cpu.model}${cpu.stepping !== void 0 ? ` stepping ${cpu.stepping}` : ""}`;
  }
  if (cpu.armPart) return `Arm implementer ${cpu.armImplementer ?? "?"} part ${cpu.armPart}`;
  return "no CPUID signature";
}
function identifyCpu(cpu, data = POWER_MODELS) {
  for (const rule of data.modelNameRules) {
    if (new RegExp(rule.pattern).test(cpu.modelName))
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: "model name" };
  }
  for (const rule of data.cpuidRules) {
    if (cpu.vendor === rule.vendor && cpu.family === rule.family && cpu.model !== void 0 && rule.models.includes(cpu.model) && (!rule.steppings || cpu.stepping !== void 0 && rule.steppings.includes(cpu.stepping))) {
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: "CPUID" };
    }
  }
  for (const rule of data.armRules) {
    if (cpu.armPart?.toLowerCase() === rule.cpuPart && cpu.armImplementer?.toLowerCase() === rule.implementer) {
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: "Arm CPU part" };
    }
  }
  return null;
}
function positive(value, field) {
  if (value === void 0) return void 0;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(
      "CONFIG_INVALID",
      `The budget file's power setting ${field} is ${value}; expected a positive number of watts, e.g. ${field === "cpuTdpW" ? "65" : "20"}.`
    );
  }
  return value;
}
function resolvePowerModel(cpu, power, data = POWER_MODELS, curves = POWER_CURVES) {
  const cpuModel = cpu?.modelName ?? "unknown";
  const idleW = positive(power.idleW, "idleW");
  const maxW = positive(power.maxW, "maxW");
  const tdpW = positive(power.cpuTdpW, "cpuTdpW");
  const notes = [];
  const ident = cpu ? identifyCpu(cpu, data) : null;
  const detected = cpu ? `Detected CPU: ${cpuModel} (${cpuSignature(cpu)}${ident ? ` \u2192 ${ident.microarchitecture}, by ${ident.by}` : ", microarchitecture not recognised"}).` : "CPU model unknown (/proc/cpuinfo unreadable).";
  notes.push(detected);
  if (idleW !== void 0 || maxW !== void 0) {
    if (idleW === void 0 || maxW === void 0) {
      throw new InputError(
        "CONFIG_INVALID",
        `The budget file sets power.${idleW === void 0 ? "max-watts" : "idle-watts"} but not power.${idleW === void 0 ? "idle-watts" : "max-watts"}; the power model needs both the idle and the full-load watts of the whole machine (e.g. power: { idle-watts: 20 W, max-watts: 90 W }).`
      );
    }
    if (maxW < idleW) {
      throw new InputError(
        "CONFIG_INVALID",
        `The budget file's power.max-watts (${maxW} W) is below power.idle-watts (${idleW} W); full-load power must be at least idle power.`
      );
    }
    const model2 = { kind: "vm-linear", idleW, maxW };
    notes.push(`Power model: the budget file's watts, ${describeModel(model2)}.`);
    return {
      rowId: "budget-file",
      label: `budget file: ${describeModel(model2)}`,
      model: model2,
      relativeUncertainty: 0.2,
      interval95: assumedInterval(0.2, "the budget file's watts"),
      cpuModel,
      microarchitecture: ident?.microarchitecture,
      notes
    };
  }
  if (tdpW !== void 0) {
    const row = data.rows["boavizta-tdp-curve"];
    if (row.kind !== "tdp-curve")
      throw new Error(`internal: data/power-models.json row boavizta-tdp-curve is a ${row.kind}, not a tdp-curve`);
    const model2 = { ...row, kind: "tdp-curve", tdpW };
    notes.push(
      `Power model: boavizta-tdp-curve with the budget file's TDP of ${tdpW} W: ${describeModel(model2)} (${row.source}, ${row.year}); counts the CPU package only.`
    );
    return {
      rowId: "boavizta-tdp-curve",
      label: `${row.label}: ${describeModel(model2)} (${row.year})`,
      model: model2,
      relativeUncertainty: row.relativeUncertainty,
      interval95: assumedInterval(row.relativeUncertainty, "the TDP curve"),
      cpuModel,
      microarchitecture: ident?.microarchitecture,
      notes
    };
  }
  const match = matchSpecpowerCurve(cpu, curves);
  notes.push(...match.notes);
  const model = {
    kind: "per-thread-curve",
    curvePercentWatts: curves.loadLevelsPercent.map((p, i) => [p, match.wattsPerThread[i]])
  };
  const [lo, hi] = match.interval95.factors;
  notes.push(
    `Power model: ${match.label}: ${describeModel(model)}; 95% interval ${pct(lo)}/${pct(hi)} of the figure, from ${match.interval95.derivedFrom}.`
  );
  return {
    rowId: match.rowId,
    label: `${match.label}: ${describeModel(model)}`,
    model,
    relativeUncertainty: sigmaOf(match.interval95.factors),
    interval95: match.interval95,
    cpuModel,
    microarchitecture: match.tierName ?? ident?.microarchitecture,
    notes
  };
}
function pct(factor) {
  const p = Math.round((factor - 1) * 100);
  return p < 0 ? `\u2212${-p}%` : `+${p}%`;
}
function matchSpecpowerCurve(cpu, curves = POWER_CURVES) {
  const interval = (c, factors = curves.cases[c].interval95) => ({
    factors,
    derivedFrom: `${curves.cases[c].derivedFrom}; validated median error ${(curves.cases[c].medianAbsError * 100).toFixed(1)}%`,
    validated: true
  });
  const key = cpu ? cpuModelKey(cpu.modelName) : "";
  const m = curves.models[key];
  if (m) {
    const tierName = m.tier ? TIER_NAMES[m.tier] ?? m.tier : void 0;
    const caseFactors = curves.cases["cpu-model"].interval95;
    const factors = m.spread ? [Math.min(caseFactors[0], m.spread[0]), Math.max(caseFactors[1], m.spread[1])] : caseFactors;
    const what = m.basis === "eleven-level" ? `median of ${m.servers} SPECpower_ssj2008 result${m.servers === 1 ? "" : "s"} with ${m.name} (eleven load levels)` : `${m.name}: median idle and full-load watts of ${m.servers} SPECpower_ssj2008 result${m.servers === 1 ? "" : "s"}, shaped like its family's curve`;
    return {
      case: "cpu-model",
      rowId: `specpower-model-${key.replace(/[^a-z0-9]+/g, "-").replace(/-$/, "")}`,
      label: `SPECpower ${what}`,
      tierName,
      wattsPerThread: m.wattsPerThread,
      interval95: interval("cpu-model", factors),
      notes: [`SPECpower_ssj2008 has results for this CPU model (${m.name}).`]
    };
  }
  const byName = cpu ? tierFromName(cpu.modelName) : null;
  const tier = byName ?? (cpu ? tierFromCpuid(cpu) : null);
  const t = tier ? curves.tiers[tier] : void 0;
  if (tier && t) {
    return {
      case: t.current ? "tier" : "tier-older",
      rowId: `specpower-tier-${tier}`,
      label: `SPECpower ${t.name}: median of ${t.servers} results of that family/generation`,
      tierName: t.name,
      wattsPerThread: t.wattsPerThread,
      interval95: interval(t.current ? "tier" : "tier-older"),
      notes: [
        `No SPECpower_ssj2008 results for this CPU model; using its family/generation ${t.name} (recognised by ${byName ? "model name" : "CPUID family/model"}).`
      ]
    };
  }
  return {
    case: "unknown",
    rowId: "specpower-unknown",
    label: `SPECpower median of all ${curves.fallback.servers} results since ${curves.fallbackSince} (CPU not recognised)`,
    wattsPerThread: curves.fallback.wattsPerThread,
    interval95: interval("unknown"),
    notes: [
      `CPU not recognised (neither its model nor its family/generation has SPECpower_ssj2008 results); using the curve of all results since ${curves.fallbackSince}.`
    ]
  };
}

// src/energy/estimate.ts
function processCpuTimeUs() {
  const u = process.cpuUsage();
  return u.user + u.system;
}
var EstimateMeter = class {
  constructor(options) {
    this.options = options;
    this.procRoot = options.procRoot ?? "/proc";
    this.fs = options.fs ?? nodeFs;
    this.clockNs = options.clockNs ?? realClockNs;
    this.cpuTimeUs = options.cpuTimeUs ?? processCpuTimeUs;
    this.readStat = options.readStat ?? (() => readCpuTimes(this.procRoot, this.fs));
    this.modelledIdleW = vmPowerW(options.model.model, 0, options.vcpus);
    this.description = `Estimate (not measured): this process's share of a ${options.vcpus}-vCPU machine, CPU ${options.model.cpuModel}, power model ${options.model.label}`;
  }
  options;
  method = "estimate";
  description;
  modelledIdleW;
  procRoot;
  fs;
  clockNs;
  cpuTimeUs;
  readStat;
  /** Open windows' start marks, by the token `begin` handed out. */
  open = /* @__PURE__ */ new Map();
  /** Marks the start: clock, process CPU time, /proc/stat. */
  async begin() {
    const stat = await this.readStat();
    const token = { startedAt: Date.now() };
    this.open.set(token, { ns: this.clockNs(), cpuUs: this.cpuTimeUs(), stat });
    return token;
  }
  /** Computes the estimate for the window (see the module comment for the formula). */
  async end(token) {
    const start = this.open.get(token);
    if (!start) throw new Error("Estimate window ended twice or never begun (internal error).");
    this.open.delete(token);
    const endNs = this.clockNs();
    const endCpuUs = this.cpuTimeUs();
    const endStat = await this.readStat();
    return estimateWindow({
      model: this.options.model,
      vcpus: this.options.vcpus,
      durationS: secondsBetween(start.ns, endNs),
      processCpuS: Math.max(0, endCpuUs - start.cpuUs) / 1e6,
      statStart: start.stat,
      statEnd: endStat
    });
  }
  /** Nothing to release. */
  async close() {
    this.open.clear();
  }
};
function estimateWindow(input) {
  const { model, vcpus, durationS, processCpuS } = input;
  const notes = [...model.notes];
  let utilisation;
  let busyCpuS;
  if (input.statStart && input.statEnd && input.statEnd.totalTicks > input.statStart.totalTicks) {
    const busyTicks = Math.max(0, input.statEnd.busyTicks - input.statStart.busyTicks);
    const totalTicks = input.statEnd.totalTicks - input.statStart.totalTicks;
    busyCpuS = Math.max(busyTicks / USER_HZ, processCpuS);
    utilisation = Math.min(1, Math.max(busyTicks / totalTicks, durationS > 0 ? processCpuS / (vcpus * durationS) : 0));
  } else {
    busyCpuS = processCpuS;
    utilisation = durationS > 0 ? Math.min(1, processCpuS / (vcpus * durationS)) : 0;
    notes.push(
      "Machine utilisation unavailable (no machine-wide CPU time, or window too short); assumed this process was the only load."
    );
  }
  const share = busyCpuS > 0 ? Math.min(1, processCpuS / busyCpuS) : 0;
  const idleW = vmPowerW(model.model, 0, vcpus);
  const powerW = vmPowerW(model.model, utilisation, vcpus);
  const dynamicJ = (powerW - idleW) * durationS * share;
  const energyJ = idleW * durationS + dynamicJ;
  notes.push(
    `Estimate: ${vcpus} vCPUs at ${(utilisation * 100).toFixed(1)}% utilisation \u2192 ${powerW.toFixed(3)} W modelled for the machine (idle ${idleW.toFixed(3)} W); this process used ${processCpuS.toFixed(3)} CPU-s of ${busyCpuS.toFixed(3)} busy CPU-s (share ${(share * 100).toFixed(1)}%); counted: idle power for the window plus the process's share of the dynamic power.`
  );
  return {
    energyJ,
    domainsJ: { "cpu-vm-share": energyJ },
    durationS,
    method: "estimate",
    estimated: true,
    idleW,
    idleMeasured: false,
    attributableJ: Math.max(0, dynamicJ),
    uncertaintyJ: energyJ * model.relativeUncertainty,
    notes,
    estimate: {
      cpuModel: model.cpuModel,
      microarchitecture: model.microarchitecture,
      powerModelRow: model.rowId,
      powerModelLabel: model.label,
      vcpus,
      utilisation,
      processCpuS,
      busyCpuS,
      vmPowerW: powerW,
      vmIdleW: idleW,
      vmEnergyJ: powerW * durationS,
      relativeUncertainty: model.relativeUncertainty,
      interval95: model.interval95
    }
  };
}
function estimateCoefficients(windows) {
  let dynamicJ = 0;
  let busyCpuS = 0;
  let idleW;
  for (const w of windows) {
    const e = w.estimate;
    if (w.method !== "estimate" || !e || !(w.durationS > 0) || !(e.utilisation > 0)) return void 0;
    idleW ??= e.vmIdleW;
    dynamicJ += (e.vmPowerW - e.vmIdleW) * w.durationS;
    busyCpuS += e.utilisation * e.vcpus * w.durationS;
  }
  if (idleW === void 0 || !(busyCpuS > 0)) return void 0;
  return { idleW, dynamicWPerCpu: dynamicJ / busyCpuS };
}
function estimateFromTimings(c, wallS, cpuS) {
  return c.idleW * wallS + c.dynamicWPerCpu * cpuS;
}

export {
  minSamplesForPercentile,
  minSamplesPerRound,
  statusForVerdict,
  classifyInterval,
  createSequentialComparison,
  planRoundsPerLook,
  abbaBaseFirst,
  nodeFs,
  realTicker,
  realClockNs,
  secondsBetween,
  USER_HZ,
  readCpuInfo,
  readCpuTimes,
  resolvePowerModel,
  pct,
  EstimateMeter,
  estimateWindow,
  estimateCoefficients,
  estimateFromTimings
};
