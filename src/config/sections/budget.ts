/** A model's `budget:`: absolute limits and `regression:` limits, each with its level. */
import { isMap } from 'yaml';
import { isMetricKey, metricKind } from '../metrics.js';
import { DEFAULTS, ENUMS, SECTIONS, type KeyDoc } from '../keys.js';
import type { BudgetLimit, MetricKey } from '../types.js';
import type { Entry, Validator } from '../validator.js';

/** A model's `budget:` mapping as limits; problems are recorded on the validator. */
export function readBudget(vd: Validator, entry: Entry, doc: KeyDoc): BudgetLimit[] {
  const limits: BudgetLimit[] = [];
  for (const e of vd.mapping(entry.value, entry.path, entry.at, 'budget', doc) ?? []) {
    if (e.key === 'regression') {
      const rdoc = SECTIONS.budget.regression;
      for (const r of vd.mapping(e.value, e.path, e.at, 'regression', rdoc) ?? []) {
        // mapping() keeps only the keys of the `regression` section, which are the metric keys.
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

/** One limit: `5 ms`, or `{ limit: 5 ms, level: warn }`; regression limits may be percentages. */
function readLimit(vd: Validator, entry: Entry, metric: MetricKey, regression: boolean): BudgetLimit | undefined {
  const doc = SECTIONS[regression ? 'regression' : 'budget'][metric];
  let level: 'error' | 'warn' = DEFAULTS.level;
  let valueEntry = entry;
  if (entry.value !== null && isMap(entry.value)) {
    const entries = vd.mapping(entry.value, entry.path, entry.at, 'limit', doc) ?? [];
    const before = vd.issues.length;
    vd.required(entries, ['limit'], 'limit', entry.path, entry.value);
    const levelEntry = entries.find((e) => e.key === 'level');
    if (levelEntry)
      level =
        vd.enumeration(levelEntry, SECTIONS.limit.level, ENUMS.level, 'level', {
          warning: 'warn',
          fail: 'error',
        }) ?? level;
    const limitEntry = entries.find((e) => e.key === 'limit');
    if (!limitEntry || vd.issues.length > before) return undefined;
    valueEntry = limitEntry;
  }
  const raw = vd.scalarValue(valueEntry);
  const kind = metricKind(metric);
  const relative = regression && typeof raw === 'string' && raw.trim().endsWith('%');
  const valueDoc: KeyDoc = { ...doc, example: valueEntry === entry ? doc.example : `limit: ${doc.example.split(': ')[1]}` };
  const value = vd.quantity(valueEntry, relative ? 'percent' : kind, valueDoc);
  if (value === undefined) return undefined;
  return {
    metric,
    kind: regression ? 'regression' : 'absolute',
    limit: value,
    relative,
    level,
    ...vd.pos(entry.keyNode),
    path: entry.path,
  };
}
