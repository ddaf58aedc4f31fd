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

export {
  minSamplesForPercentile,
  minSamplesPerRound,
  statusForVerdict,
  classifyInterval,
  createSequentialComparison,
  planRoundsPerLook,
  abbaBaseFirst
};
