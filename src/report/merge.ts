/**
 * Combines the reports of a job matrix (`--shard i/n`, one report per job) into one report,
 * for one comment and one verdict. Shards hold disjoint models; a model that appears in two
 * reports is an error, since one of the two figures would silently disappear.
 */
import { InputError } from '../errors.js';
import type { Report, Verdict } from './types.js';
import { sumFootprints } from '../energy/footprint.js';

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

/**
 * Merges reports in the given order: models concatenated, the worst verdict, the first
 * report's environment and baseline, budget changes without duplicates.
 * @throws InputError when there is no report or a model name appears in two reports.
 */
export function mergeReports(inputs: Array<{ report: Report; file: string }>): Report {
  if (inputs.length === 0) throw new InputError('INPUT_INVALID', 'No report to merge: give at least one report JSON file.');
  const [first] = inputs;
  const seen = new Map<string, string>();
  const merged: Report = {
    ...first.report,
    verdict: 'pass',
    models: [],
    budgetChanges: [],
  };
  const changeKeys = new Set<string>();
  for (const { report, file } of inputs) {
    if (RANK[report.verdict] > RANK[merged.verdict]) merged.verdict = report.verdict;
    for (const m of report.models) {
      const other = seen.get(m.name);
      if (other !== undefined) {
        throw new InputError(
          'INPUT_INVALID',
          `The model "${m.name}" is in two reports (${other} and ${file}); shards must hold different models. ` +
            'Give each matrix job the same budget file and its own `shard: i/n`.',
        );
      }
      seen.set(m.name, file);
      merged.models.push(m);
    }
    for (const c of report.budgetChanges ?? []) {
      const key = JSON.stringify([c.model, c.metric, c.change, c.before, c.after]);
      if (!changeKeys.has(key)) {
        changeKeys.add(key);
        merged.budgetChanges!.push(c);
      }
    }
  }
  if (merged.budgetChanges!.length === 0) delete merged.budgetChanges;
  // The matrix's own cost: every shard's footprint added up.
  const footprint = sumFootprints(inputs.map((i) => i.report.footprint));
  if (footprint) merged.footprint = footprint;
  else delete merged.footprint;
  return merged;
}
