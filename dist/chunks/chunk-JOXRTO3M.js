import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/util/one-of.ts
function isOneOf(allowed, value) {
  return typeof value === "string" && allowed.some((a) => a === value);
}

// src/util/stats.ts
var { sqrt } = Math;
function quantileSorted(sorted, p) {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of an empty sample");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
function selectInPlace(a, k, lo = 0, hi = a.length - 1) {
  while (hi > lo) {
    const mid = lo + hi >>> 1;
    let x = a[lo];
    let y = a[mid];
    const z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) y = z;
    const pivot = x > y ? x : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
function quantile(values, p) {
  return quantileSorted(Float64Array.from(values).sort(), p);
}
function median(values) {
  return quantile(values, 0.5);
}
function quantiles(xs, ps) {
  const n = xs.length;
  if (n === 0) throw new RangeError("quantile of an empty sample");
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const a = Float64Array.from(xs);
  const out = new Array(ps.length);
  const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
  let from = 0;
  for (const idx of order) {
    const h = (n - 1) * ps[idx];
    const lo = Math.floor(h);
    if (lo >= from) {
      selectInPlace(a, lo, from, n - 1);
      from = lo + 1;
    }
    if (lo >= n - 1 || h === lo) {
      out[idx] = a[lo];
      continue;
    }
    let next = a[lo + 1];
    for (let i = lo + 2; i < n; i++) if (a[i] < next) next = a[i];
    out[idx] = a[lo] + (h - lo) * (next - a[lo]);
  }
  return out;
}
function mean(xs, n = xs.length) {
  if (n === 0) throw new RangeError("mean of an empty sample");
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  return sum / n;
}
function variance(xs, n = xs.length) {
  if (n < 2) throw new RangeError(`variance needs at least 2 values, got ${n}`);
  const m = mean(xs, n);
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    ss += d * d;
    comp += d;
  }
  return (ss - comp * comp / n) / (n - 1);
}
function stdev(xs, n = xs.length) {
  if (n === 0) throw new RangeError("stdev of an empty sample");
  if (n === 1) return 0;
  return sqrt(variance(xs, n));
}
function lnGamma(x) {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  f = d;
  for (let m = 1; m <= 1e3; m++) {
    const m2 = 2 * m;
    let num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    num = -((a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * f / a;
}
function tCdf(t, df) {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (df > 1e7) return normalCdf(t);
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
function tQuantile(p, df) {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile df must be positive, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  const key = `${p}/${df}`;
  const hit = T_CACHE.get(key);
  if (hit !== void 0) return hit;
  const t = tQuantileUncached(p, df);
  if (T_CACHE.size >= 4096) T_CACHE.clear();
  T_CACHE.set(key, t);
  return t;
}
var T_CACHE = /* @__PURE__ */ new Map();
function tQuantileUncached(p, df) {
  if (df >= 1e3 && df !== Infinity) {
    const z = tQuantile(p, Infinity);
    const z3 = z ** 3;
    return z + (z3 + z) / (4 * df) + (5 * z ** 5 + 16 * z3 + 3 * z) / (96 * df * df);
  }
  const cdf = df === Infinity ? normalCdf : (t) => tCdf(t, df);
  let lo = 0;
  let hi = 1;
  while (cdf(hi) < p) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function normalCdf(x) {
  return 0.5 * (1 + Math.sign(x) * erf(Math.abs(x) / Math.SQRT2));
}
function erf(x) {
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 100; n++) {
      term *= -x * x / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
function relativeCiHalfWidth(xs, n = xs.length, confidence = 0.95) {
  if (n < 2) return Infinity;
  const m = mean(xs, n);
  const s = stdev(xs, n);
  if (s === 0) return 0;
  if (m === 0) return Infinity;
  return tQuantile((1 + confidence) / 2, n - 1) * s / sqrt(n) / Math.abs(m);
}

export {
  isOneOf,
  quantileSorted,
  quantile,
  median,
  quantiles,
  mean,
  variance,
  stdev,
  tQuantile,
  normalCdf,
  relativeCiHalfWidth
};
