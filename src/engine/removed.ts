/** Removed models: in the base, gone from the head. */
import type { BudgetConfig } from '../config/types.js';
import type { ModelReport } from '../report/types.js';
import type { RunOptions } from './types.js';
import { type Baselines } from './baselines.js';
import { selectShard } from '../util/shard.js';

/**
 * Models in the base (the base commit's budget file, or the --baseline report) but gone from
 * the head, reported as removed, split like the models so that a job matrix's shard reports
 * list each removed model once.
 */
export function removedModels(config: BudgetConfig, baselines: Baselines, options: RunOptions): ModelReport[] {
  const { baseConfig, byName: baselineByName } = baselines;
  // Models in the base but gone from the head.
  const headNames = new Set(config.models.map((m) => m.name));
  const removed = options.baseRef
    ? (baseConfig?.models ?? []).filter((m) => !headNames.has(m.name)).map((m) => m.name)
    : [...baselineByName.keys()].filter((n) => !headNames.has(n));
  // Split like the models, so a job matrix's shard reports list each removed model once.
  return selectShard(removed, options.shard).map((name): ModelReport => ({
    name,
    path: '',
    change: 'removed',
    size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
    flops: 0,
    budgets: [],
  }));
}
