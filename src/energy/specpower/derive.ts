/**
 * Derives per-hardware-thread power curves from SPECpower_ssj2008 results, and measures their
 * error by leave-one-server-out validation. Pure functions on parsed rows; the output is
 * data/power-curves.json (`npm run derive:power-curves`), which the estimate meter reads.
 *
 * Three ways to get a curve, in the order the estimate tries them (docs/energy.md):
 * - `cpu-model`: the CPU model has results in the eleven-level table: at each load level, the
 *   median over those servers of watts ÷ hardware threads. A model with only full-and-idle
 *   results gets its median idle and full-load watts per thread, joined by its tier's shape.
 * - `tier`: no results for the model, but for its family/generation (by name or CPUID): the
 *   tier's median idle and full-load watts per thread over both tables, joined by the median
 *   shape ((P(l) − P(idle)) / (P(100%) − P(idle))) of the tier's eleven-level results.
 * - `unknown`: neither: the same over every result published since FALLBACK_SINCE.
 *
 * Each case's 95% interval is the 2.5th–97.5th percentile of measured ÷ predicted watts over all
 * held-out points of that case (leave-one-server-out over the eleven-level table); a CPU model
 * whose own servers spread wider than that gets its servers' range instead.
 */
import { LOAD_LEVELS, type SpecpowerResult } from './csv.js';
import { cpuModelKey, tierFromName, TIER_NAMES } from './tiers.js';

/** Results published in or after this year make the curve for unknown CPUs (current server generations). */
export const FALLBACK_SINCE = 2017;
/** A tier needs this many eleven-level results for its own shape; else the shape of all results since FALLBACK_SINCE. */
const MIN_SHAPE_SERVERS = 3;

/** One server, per hardware thread. */
export interface Server {
  key: string;
  name: string;
  tier: string | null;
  year: number;
  threads: number;
  /** Watts per thread at LOAD_LEVELS (eleven-level results only). */
  curve?: number[];
  idleW: number;
  fullW: number;
  where: string;
}

/**
 * The case a prediction belongs to. The family/generation fallback is split by the family's era:
 * `tier` for current families (the median result published since FALLBACK_SINCE), `tier-older`
 * for the rest, whose results (2007–2016 servers of 4–16 threads) differ far more between models.
 */
export type CurveCase = 'cpu-model' | 'tier' | 'tier-older' | 'unknown';

/** All cases, in report order. */
export const CURVE_CASES: CurveCase[] = ['cpu-model', 'tier', 'tier-older', 'unknown'];

/** Whether a tier is current: the median publication year of its results is FALLBACK_SINCE or later. */
export function tierIsCurrent(data: Dataset, tier: string): boolean {
  const years = data.all.filter((s) => s.tier === tier).map((s) => s.year);
  return years.length > 0 && median(years) >= FALLBACK_SINCE;
}

/** Validation figures of one case. */
export interface CaseStats {
  /** Held-out servers and points (servers × 11 load levels). */
  servers: number;
  points: number;
  /** Median and 90th percentile of |predicted − measured| / measured. */
  medianAbsError: number;
  p90AbsError: number;
  /** 2.5th and 97.5th percentile of measured ÷ predicted: the stated 95% interval, as factors of the estimate. */
  interval95: [number, number];
}

/** A curve in data/power-curves.json. */
export interface CurveEntry {
  /** Watts per hardware thread at loadLevelsPercent. */
  wattsPerThread: number[];
  /** Results it comes from. */
  servers: number;
}

/** The shape of data/power-curves.json. */
export interface PowerCurvesData {
  $comment: string;
  sources: string[];
  loadLevelsPercent: number[];
  fallbackSince: number;
  cases: Record<CurveCase, CaseStats & { derivedFrom: string }>;
  models: Record<
    string,
    CurveEntry & {
      name: string;
      tier: string | null;
      basis: 'eleven-level' | 'full-and-idle';
      /** Min and max of server ÷ median over this model's servers and load levels (≥ 2 servers). */
      spread: [number, number] | null;
    }
  >;
  tiers: Record<string, CurveEntry & { name: string; shapeFrom: 'tier' | 'all'; current: boolean }>;
  fallback: CurveEntry;
}

/** Year of "Mar 15, 2021" or "Mar-2021"; 0 when absent. */
function yearOf(published: string): number {
  const m = published.match(/(19|20)\d\d/);
  return m ? Number(m[0]) : 0;
}

/** Per-thread servers from parsed results. */
export function toServers(results: SpecpowerResult[]): Server[] {
  return results.map((r) => ({
    key: cpuModelKey(r.cpuName),
    name: r.cpuName,
    tier: tierFromName(r.cpuName),
    year: yearOf(r.published),
    threads: r.threads,
    curve: r.wattsByLevel?.map((w) => w / r.threads),
    idleW: r.idleW / r.threads,
    fullW: r.fullW / r.threads,
    where: r.where,
  }));
}

/** Type-7 quantile (linear between order statistics, as R's default) of a sorted array. */
export function quantileSorted(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median of numbers (not modified). */
export function median(xs: number[]): number {
  return quantileSorted(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}

function medianCurve(curves: number[][]): number[] {
  return LOAD_LEVELS.map((_, i) => median(curves.map((c) => c[i])));
}

/** (P(l) − P(idle)) / (P(100%) − P(idle)) at each level. */
function shapeOf(curve: number[]): number[] {
  const span = curve[10] - curve[0];
  return curve.map((w) => (span > 0 ? (w - curve[0]) / span : 0));
}

function joined(idleW: number, fullW: number, shape: number[]): number[] {
  return shape.map((s) => idleW + (fullW - idleW) * s);
}

/** The inputs of the derivation: eleven-level servers, and one list of all servers without duplicates. */
export interface Dataset {
  eleven: Server[];
  /** Full-and-idle results plus the eleven-level results not among them. */
  all: Server[];
}

/** Builds the dataset; an eleven-level result with the same CPU, threads and watts as a full-and-idle one is the same result. */
export function dataset(eleven: SpecpowerResult[], fullAndIdle: SpecpowerResult[]): Dataset {
  const e = toServers(eleven);
  const f = toServers(fullAndIdle);
  const id = (s: Server) => `${s.key}|${s.threads}|${(s.idleW * s.threads).toFixed(0)}|${(s.fullW * s.threads).toFixed(0)}`;
  const seen = new Set(f.map(id));
  return { eleven: e, all: [...f, ...e.filter((s) => !seen.has(id(s)))] };
}

/** Median shape of the servers' curves. */
function shapeFrom(servers: Server[]): number[] {
  return medianCurve(servers.map((s) => shapeOf(s.curve!)));
}

/** Shape of all eleven-level results since FALLBACK_SINCE (except CPU model `excludeKey`). */
function allShape(data: Dataset, excludeKey?: string): number[] {
  return shapeFrom(data.eleven.filter((s) => s.year >= FALLBACK_SINCE && s.key !== excludeKey));
}

/** The model curve from the model's eleven-level servers (except `exclude`), or null when there are none. */
export function modelCurve(data: Dataset, key: string, exclude?: Server): CurveEntry | null {
  const servers = data.eleven.filter((s) => s.key === key && s !== exclude);
  if (servers.length === 0) return null;
  return { wattsPerThread: medianCurve(servers.map((s) => s.curve!)), servers: servers.length };
}

/** The tier curve without any result of CPU model `excludeKey`; null when the tier has no other results. */
export function tierCurve(data: Dataset, tier: string, excludeKey?: string): (CurveEntry & { shapeFrom: 'tier' | 'all' }) | null {
  const servers = data.all.filter((s) => s.tier === tier && s.key !== excludeKey);
  if (servers.length === 0) return null;
  const shaped = data.eleven.filter((s) => s.tier === tier && s.key !== excludeKey);
  const own = shaped.length >= MIN_SHAPE_SERVERS;
  const shape = own ? shapeFrom(shaped) : allShape(data, excludeKey);
  return {
    wattsPerThread: joined(median(servers.map((s) => s.idleW)), median(servers.map((s) => s.fullW)), shape),
    servers: servers.length,
    shapeFrom: own ? 'tier' : 'all',
  };
}

/** The curve for unknown CPUs: every result since FALLBACK_SINCE, without CPU model `excludeKey`. */
export function fallbackCurve(data: Dataset, excludeKey?: string): CurveEntry {
  const servers = data.all.filter((s) => s.year >= FALLBACK_SINCE && s.key !== excludeKey);
  return {
    wattsPerThread: joined(median(servers.map((s) => s.idleW)), median(servers.map((s) => s.fullW)), allShape(data, excludeKey)),
    servers: servers.length,
  };
}

/** Min and max of server ÷ median curve over the servers and levels; null for fewer than 2 servers. */
export function spreadOf(servers: Server[]): [number, number] | null {
  if (servers.length < 2) return null;
  const mid = medianCurve(servers.map((s) => s.curve!));
  const ratios = servers.flatMap((s) => s.curve!.map((w, i) => w / mid[i]));
  return [Math.min(...ratios), Math.max(...ratios)];
}

/** One held-out server's prediction. */
export interface HeldOut {
  server: Server;
  case: CurveCase;
  predicted: number[];
}

/**
 * Leave-one-server-out predictions over the eleven-level servers: (a) `cpu-model` for servers
 * whose CPU model has other eleven-level results, from those; (b) `tier` for servers with a
 * known tier, from the tier's results of other CPU models (as for a CPU without results;
 * `tier-older` for families before FALLBACK_SINCE);
 * (c) `unknown` for servers published since FALLBACK_SINCE, from all results of other CPU models.
 */
export function leaveOneServerOut(data: Dataset): HeldOut[] {
  const out: HeldOut[] = [];
  const tierCache = new Map<string, number[] | null>();
  const current = new Map<string, boolean>();
  const fallbackCache = new Map<string, number[]>();
  for (const server of data.eleven) {
    const model = modelCurve(data, server.key, server);
    if (model) out.push({ server, case: 'cpu-model', predicted: model.wattsPerThread });
    if (server.tier) {
      const id = `${server.tier}|${server.key}`;
      if (!tierCache.has(id)) tierCache.set(id, tierCurve(data, server.tier, server.key)?.wattsPerThread ?? null);
      const predicted = tierCache.get(id);
      if (!current.has(server.tier)) current.set(server.tier, tierIsCurrent(data, server.tier));
      if (predicted) out.push({ server, case: current.get(server.tier) ? 'tier' : 'tier-older', predicted });
    }
    if (server.year >= FALLBACK_SINCE) {
      if (!fallbackCache.has(server.key)) fallbackCache.set(server.key, fallbackCurve(data, server.key).wattsPerThread);
      out.push({ server, case: 'unknown', predicted: fallbackCache.get(server.key)! });
    }
  }
  return out;
}

/** Measured ÷ predicted at every level of every held-out server of a case. */
export function ratios(held: HeldOut[]): number[] {
  return held.flatMap((h) => h.server.curve!.map((w, i) => w / h.predicted[i]));
}

/** Error figures and interval of one case from its held-out predictions. */
export function caseStats(held: HeldOut[]): CaseStats {
  const r = ratios(held).sort((a, b) => a - b);
  const errors = held.flatMap((h) => h.server.curve!.map((w, i) => Math.abs(h.predicted[i] - w) / w)).sort((a, b) => a - b);
  return {
    servers: held.length,
    points: errors.length,
    medianAbsError: quantileSorted(errors, 0.5),
    p90AbsError: quantileSorted(errors, 0.9),
    interval95: [quantileSorted(r, 0.025), quantileSorted(r, 0.975)],
  };
}

/** The interval of a model match: the case's, widened to the model's own servers' spread. */
export function modelInterval(caseInterval: [number, number], spread: [number, number] | null): [number, number] {
  return spread ? [Math.min(caseInterval[0], spread[0]), Math.max(caseInterval[1], spread[1])] : caseInterval;
}

/** Rounds to 6 significant digits so the JSON is stable and readable. */
function r6(x: number): number {
  return Number(x.toPrecision(6));
}

const SOURCES = [
  'SPECpower_ssj2008 results (Standard Performance Evaluation Corporation, https://www.spec.org/power_ssj2008/results/)',
  'data/specpower/specpower-ssj2008.csv: eleven load levels, 2007–2022, from green-coding-solutions/cloud-energy data/spec_data_cleaned_unmelted.csv (MIT)',
  'data/specpower/specpower-full-and-idle.csv: full load and idle, 2007–2025, from cloud-carbon-footprint/ccf-coefficients data/SPECpower-2026-03-09.csv (Apache-2.0)',
];

const DERIVED_FROM: Record<CurveCase, string> = {
  'cpu-model':
    'leave-one-server-out validation over SPECpower servers of the same CPU model (2.5th–97.5th percentile of measured ÷ predicted), widened to the model’s own servers’ range',
  tier: `leave-one-server-out validation over SPECpower servers of current families/generations (results mostly since ${FALLBACK_SINCE}) predicted from other CPU models of their family/generation (2.5th–97.5th percentile of measured ÷ predicted)`,
  'tier-older': `leave-one-server-out validation over SPECpower servers of families/generations before ${FALLBACK_SINCE} predicted from other CPU models of their family/generation (2.5th–97.5th percentile of measured ÷ predicted)`,
  unknown: `leave-one-server-out validation over SPECpower servers since ${FALLBACK_SINCE} predicted from all other CPU models (2.5th–97.5th percentile of measured ÷ predicted)`,
};

/** Derives data/power-curves.json from the two parsed extracts (deterministic). */
export function derivePowerCurves(eleven: SpecpowerResult[], fullAndIdle: SpecpowerResult[]): PowerCurvesData {
  const data = dataset(eleven, fullAndIdle);
  const held = leaveOneServerOut(data);
  const cases = {} as PowerCurvesData['cases'];
  for (const c of CURVE_CASES) {
    const s = caseStats(held.filter((h) => h.case === c));
    cases[c] = {
      servers: s.servers,
      points: s.points,
      medianAbsError: r6(s.medianAbsError),
      p90AbsError: r6(s.p90AbsError),
      interval95: [r6(s.interval95[0]), r6(s.interval95[1])],
      derivedFrom: DERIVED_FROM[c],
    };
  }
  const tiers: PowerCurvesData['tiers'] = {};
  for (const tier of [...new Set(data.all.map((s) => s.tier).filter((t): t is string => t !== null))].sort()) {
    const t = tierCurve(data, tier)!;
    tiers[tier] = {
      name: TIER_NAMES[tier] ?? tier,
      servers: t.servers,
      current: tierIsCurrent(data, tier),
      shapeFrom: t.shapeFrom,
      wattsPerThread: t.wattsPerThread.map(r6),
    };
  }
  const models: PowerCurvesData['models'] = {};
  for (const key of [...new Set(data.all.map((s) => s.key))].sort()) {
    if (!/\d/.test(key)) continue; // "intel xeon": a brand, not a model
    const elevenServers = data.eleven.filter((s) => s.key === key);
    const first = data.all.find((s) => s.key === key)!;
    const mc = modelCurve(data, key);
    if (mc) {
      const spread = spreadOf(elevenServers);
      models[key] = {
        name: elevenServers[0].name,
        tier: first.tier,
        basis: 'eleven-level',
        servers: mc.servers,
        wattsPerThread: mc.wattsPerThread.map(r6),
        spread: spread && [r6(spread[0]), r6(spread[1])],
      };
    } else {
      const servers = data.all.filter((s) => s.key === key);
      const shape = first.tier && tiers[first.tier] ? shapeOf(tierCurve(data, first.tier)!.wattsPerThread) : allShape(data);
      models[key] = {
        name: first.name,
        tier: first.tier,
        basis: 'full-and-idle',
        servers: servers.length,
        wattsPerThread: joined(median(servers.map((s) => s.idleW)), median(servers.map((s) => s.fullW)), shape).map(r6),
        spread: null,
      };
    }
  }
  const fb = fallbackCurve(data);
  return {
    $comment:
      'Generated by `npm run derive:power-curves` (scripts/derive-power-curves.ts, src/energy/specpower/) from data/specpower/*.csv; do not edit by hand. Watts per hardware thread (whole-server wall power ÷ threads) at each load level; see docs/energy.md.',
    sources: SOURCES,
    loadLevelsPercent: [...LOAD_LEVELS],
    fallbackSince: FALLBACK_SINCE,
    cases,
    models,
    tiers,
    fallback: { servers: fb.servers, wattsPerThread: fb.wattsPerThread.map(r6) },
  };
}
