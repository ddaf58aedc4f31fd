/**
 * Combines the reports of a job matrix (`--shard i/n`, one report per job) into one report,
 * for one comment and one verdict. Shards hold disjoint models; a model that appears in two
 * reports is an error, since one of the two figures would silently disappear.
 *
 * No lost shard (issue 21): each report records its `shard`, the `commit` and a digest of the
 * budget file's model list. Reports of different commits or budget files are refused; when a
 * shard or a model of the budget file has no result the verdict is `incomplete` (never pass),
 * with the missing shards and models named. Models keep the budget file's order.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { worseVerdict } from '../compare/budgets.js';
import type { Report } from './types.js';
import { sumFootprints } from '../energy/footprint.js';

/** `sha256:HEX` of the budget file's model list (name and path as written, in order). */
export function modelsDigest(models: ReadonlyArray<{ name: string; path: string }>): string {
  const text = JSON.stringify(models.map((m) => [m.name, m.path]));
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** `i/n` for a report's shard (1/1 when the report does not say). */
function shardText(r: Report): string {
  return r.shard ? `${r.shard.index}/${r.shard.count}` : '1/1';
}

/**
 * Merges reports in the given order: models concatenated, the worst verdict, the first
 * report's environment and baseline, budget changes without duplicates.
 * @throws InputError when there is no report or a model name appears in two reports.
 */
export function mergeReports(inputs: Array<{ report: Report; file: string }>): Report {
  if (inputs.length === 0) throw new InputError('INPUT_INVALID', 'No report to merge: give at least one report JSON file.');
  const [first] = inputs;
  checkSameRun(inputs);
  const seen = new Map<string, string>();
  const merged: Report = {
    ...first.report,
    verdict: 'pass',
    models: [],
    budgetChanges: [],
  };
  const changeKeys = new Set<string>();
  for (const { report, file } of inputs) {
    merged.verdict = worseVerdict(merged.verdict, report.verdict);
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
  completeness(inputs, merged);
  return merged;
}

/**
 * Refuses reports from different commits, budget files (model lists) or shard counts, and
 * the same shard given twice.
 * @throws InputError naming the two files and what differs.
 */
function checkSameRun(inputs: Array<{ report: Report; file: string }>): void {
  const firstWith = <K extends 'commit' | 'modelsDigest'>(key: K) => inputs.find((i) => i.report[key]);
  for (const key of ['commit', 'modelsDigest'] as const) {
    const ref = firstWith(key);
    if (!ref) continue;
    const other = inputs.find((i) => i.report[key] && i.report[key] !== ref.report[key]);
    if (other) {
      const what =
        key === 'commit'
          ? `measured different commits (${ref.report.commit} and ${other.report.commit})`
          : 'come from different budget files (their model lists differ)';
      throw new InputError(
        'INPUT_INVALID',
        `${ref.file} and ${other.file} ${what}; reports merge only when every shard ran the same commit and budget file. ` +
          'Download the reports of one workflow run only (re-run the failed jobs of that run if one is missing).',
      );
    }
  }
  const byIndex = new Map<number, string>();
  const count = inputs.find((i) => i.report.shard)?.report.shard?.count;
  for (const { report, file } of inputs) {
    if (!report.shard) continue;
    if (report.shard.count !== count) {
      throw new InputError(
        'INPUT_INVALID',
        `${file} is shard ${shardText(report)} but another report is a shard of ${count}; give the reports of one job matrix.`,
      );
    }
    const twice = byIndex.get(report.shard.index);
    if (twice !== undefined) {
      throw new InputError(
        'INPUT_INVALID',
        `${twice} and ${file} are both shard ${shardText(report)}; give each shard's report once.`,
      );
    }
    byIndex.set(report.shard.index, file);
  }
}

/** Marks the merged report `incomplete` when a shard or a budget-file model has no result; orders models as the budget file. */
function completeness(inputs: Array<{ report: Report; file: string }>, merged: Report): void {
  const count = inputs.find((i) => i.report.shard)?.report.shard?.count ?? 1;
  const have = new Set(inputs.map((i) => i.report.shard?.index ?? 1));
  const missingShards: string[] = [];
  for (let i = 1; i <= count; i++) if (!have.has(i)) missingShards.push(`${i}/${count}`);
  const order = inputs.find((i) => i.report.configModels)?.report.configModels;
  const missingModels: string[] = [];
  if (order) {
    const byName = new Map(merged.models.map((m) => [m.name, m]));
    const inOrder = order.map((n) => byName.get(n)).filter((m) => m !== undefined);
    const rest = merged.models.filter((m) => !order.includes(m.name));
    merged.models = [...inOrder, ...rest];
    missingModels.push(...order.filter((n) => !byName.has(n)));
  }
  merged.shard = { index: 1, count: 1 };
  if (missingShards.length || missingModels.length) {
    merged.incomplete = { missingShards, missingModels };
    if (merged.verdict !== 'fail') merged.verdict = 'incomplete';
  } else delete merged.incomplete;
}

/** What a merged report lacks, for logs: `no report from shard 2/3; no result for cnn`. */
export function incompleteText(incomplete: NonNullable<Report['incomplete']>): string {
  const { missingShards, missingModels } = incomplete;
  return [
    missingShards.length ? `no report from shard ${missingShards.join(', ')}` : '',
    missingModels.length ? `no result for ${missingModels.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
