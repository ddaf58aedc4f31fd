/**
 * Budget changes between the base and the head budget file: every limit a pull request adds,
 * removes, tightens or loosens, per model and metric, so that a PR cannot quietly raise its
 * own budget. Pure: works on the raw YAML text of both files.
 *
 * The texts are read leniently (the head file is validated elsewhere; the base one may be
 * old or even invalid): entries whose quantity cannot be read are skipped, and an unreadable
 * file yields no changes rather than an error.
 */
import { parse } from 'yaml';
import type { MetricKey } from '../config/types.js';
import { isMetricKey, isMinimumMetric, metricKind } from '../config/metrics.js';
import { tryParseQuantity } from '../config/units.js';
import { isJsonObject } from '../util/json-object.js';

/** How a limit changed from base to head. */
export type BudgetChangeKind = 'loosened' | 'removed' | 'tightened' | 'added';

/** One changed limit (fits `Report.budgetChanges`). */
export interface BudgetChange {
  model: string;
  /** The metric (`latency-p95`), `regression.<metric>` for a regression limit, or `inconclusive`. */
  metric: string;
  change: BudgetChangeKind;
  /** The limit in base units (a fraction for percentages); absent when added / removed. */
  before?: number;
  after?: number;
  /** Whether the regression limit is a fraction of the baseline (percent). */
  relative?: boolean;
  /** What else changed, e.g. "level error → warn", "model removed from the budget file". */
  note?: string;
}

/** One limit as written, after parsing its quantity. */
interface RawLimit {
  metric: MetricKey;
  regression: boolean;
  value: number;
  relative: boolean;
  level: 'error' | 'warn';
}

const LEVEL_ALIASES: Record<string, 'error' | 'warn'> = { error: 'error', fail: 'error', warn: 'warn', warning: 'warn' };
const INCONCLUSIVE_ALIASES: Record<string, 'fail' | 'warn' | 'pass'> = {
  fail: 'fail',
  error: 'fail',
  warn: 'warn',
  warning: 'warn',
  pass: 'pass',
  ignore: 'pass',
};
// Strictness of the inconclusive policy: a move down this order loosens the check.
const INCONCLUSIVE_RANK = { fail: 2, warn: 1, pass: 0 } as const;

function readLimit(metric: MetricKey, raw: unknown, regression: boolean): RawLimit | undefined {
  let level: 'error' | 'warn' = 'error';
  let valueRaw = raw;
  if (isJsonObject(raw)) {
    level = LEVEL_ALIASES[String(raw.level ?? 'error').toLowerCase()] ?? 'error';
    valueRaw = raw.limit;
  }
  if (typeof valueRaw !== 'string' && typeof valueRaw !== 'number') return undefined;
  const relative = regression && typeof valueRaw === 'string' && valueRaw.trim().endsWith('%');
  const parsed = tryParseQuantity(valueRaw, relative ? 'percent' : metricKind(metric));
  if (!parsed.ok) return undefined;
  return { metric, regression, value: parsed.value, relative, level };
}

/** Every limit of every named model, keyed by model name then `metric` / `regression.metric`. */
function readBudgets(
  text: string,
): { models: Map<string, Map<string, RawLimit>>; inconclusive?: 'fail' | 'warn' | 'pass' } | null {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return null;
  }
  const models = new Map<string, Map<string, RawLimit>>();
  if (!isJsonObject(doc)) return { models };
  const inconclusive = typeof doc.inconclusive === 'string' ? INCONCLUSIVE_ALIASES[doc.inconclusive.toLowerCase()] : undefined;
  for (const m of Array.isArray(doc.models) ? doc.models : []) {
    if (!isJsonObject(m) || typeof m.name !== 'string' || models.has(m.name)) continue;
    const limits = new Map<string, RawLimit>();
    const budget = isJsonObject(m.budget) ? m.budget : {};
    for (const [key, raw] of Object.entries(budget)) {
      if (key === 'regression' && isJsonObject(raw)) {
        for (const [rk, rraw] of Object.entries(raw)) {
          const l = isMetricKey(rk) ? readLimit(rk, rraw, true) : undefined;
          if (l) limits.set(`regression.${rk}`, l);
        }
      } else if (isMetricKey(key)) {
        const l = readLimit(key, raw, false);
        if (l) limits.set(key, l);
      }
    }
    models.set(m.name, limits);
  }
  return { models, ...(inconclusive ? { inconclusive } : {}) };
}

/**
 * Compares two limits of the same model and metric. A larger ceiling (or allowed growth) is
 * a loosening; for throughput, a floor, a smaller minimum is (its allowed drop, like any
 * regression limit, loosens as it grows). A level moved from error to warn loosens too.
 */
/** A limit the head no longer has (in a model still there, or with its whole model). */
function removedLimit(model: string, key: string, before: RawLimit, note?: string): BudgetChange {
  return {
    model,
    metric: key,
    change: 'removed',
    before: before.value,
    ...(before.regression ? { relative: before.relative } : {}),
    ...(note ? { note } : {}),
  };
}

function compareLimits(model: string, key: string, before: RawLimit, after: RawLimit): BudgetChange[] {
  const out: BudgetChange[] = [];
  if (before.relative !== after.relative) {
    // 5% → 2 ms: not comparable; show it as the old limit removed and a new one added.
    out.push({
      model,
      metric: key,
      change: 'removed',
      before: before.value,
      relative: before.relative,
      note: `replaced by a limit in ${after.relative ? 'percent' : 'units'}`,
    });
    out.push({
      model,
      metric: key,
      change: 'added',
      after: after.value,
      relative: after.relative,
      note: `replaces a limit in ${before.relative ? 'percent' : 'units'}`,
    });
  } else if (before.value !== after.value) {
    const floor = !before.regression && isMinimumMetric(before.metric);
    const looser = floor ? after.value < before.value : after.value > before.value;
    out.push({
      model,
      metric: key,
      change: looser ? 'loosened' : 'tightened',
      before: before.value,
      after: after.value,
      ...(before.regression ? { relative: before.relative } : {}),
    });
  }
  if (before.level !== after.level) {
    out.push({
      model,
      metric: key,
      change: after.level === 'warn' ? 'loosened' : 'tightened',
      before: before.value,
      after: after.value,
      ...(before.regression ? { relative: before.relative } : {}),
      note: `level ${before.level} → ${after.level}`,
    });
  }
  return out;
}

/**
 * Lists every limit the head budget file adds, removes, tightens or loosens relative to the
 * base one, per model and metric (a removed model's limits are listed as removed), plus a
 * change of the top-level `inconclusive:` policy. Returns [] when either text is not YAML.
 */
export function diffBudgetFiles(baseText: string, headText: string): BudgetChange[] {
  const base = readBudgets(baseText);
  const head = readBudgets(headText);
  if (!base || !head) return [];
  const changes: BudgetChange[] = [];

  const bi = base.inconclusive ?? 'warn';
  const hi = head.inconclusive ?? 'warn';
  if (bi !== hi) {
    changes.push({
      model: '*',
      metric: 'inconclusive',
      change: INCONCLUSIVE_RANK[hi] < INCONCLUSIVE_RANK[bi] ? 'loosened' : 'tightened',
      note: `an inconclusive comparison now counts as ${hi} (was ${bi})`,
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
          change: 'added',
          after: a.value,
          ...(a.regression ? { relative: a.relative } : {}),
          ...(before ? {} : { note: 'new model' }),
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
      changes.push(removedLimit(model, key, b, 'model removed from the budget file'));
    }
  }
  return changes;
}
