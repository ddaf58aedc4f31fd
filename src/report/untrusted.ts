/**
 * Reports from untrusted code: the comment mode reads a report JSON that a fork's workflow
 * produced (an artifact), so every field may be hostile. The file is read and checked by the
 * one report reader (report/read.ts: size before reading, JSON, the report schema), as `merge`
 * and `--baseline` read it; what a valid report can still carry is bounded here before the
 * renderers take it: long lists and strings are cut with a note, and the verdict is derived
 * from the rows (a forged `verdict: pass` cannot head a table of failures).
 */
import { overallVerdict, worseVerdict } from '../compare/budgets.js';
import { readReportFile, type ReportReading } from './read.js';
import type { ModelReport, Report } from './types.js';

/** Most entries kept from any one list of a report (models, budgets, notices, advice, …). */
export const MAX_LIST = 500;
/** Longest string kept from a report, characters. */
export const MAX_STRING = 4000;

function cutString(s: string): string {
  return s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}… (cut)` : s;
}

/** At most MAX_LIST strings, each cut at MAX_STRING; a last line says how many were left out. */
function strings(list: readonly string[]): string[] {
  const out = list.slice(0, MAX_LIST).map(cutString);
  if (list.length > MAX_LIST) out.push(`… ${list.length - MAX_LIST} more entries not shown`);
  return out;
}

/**
 * A checked report (report/read.ts) bounded for rendering: lists cut at MAX_LIST with a note
 * on the first model, strings at MAX_STRING, metric names at 200 characters, and the verdict
 * the stricter of the claimed one and the one the rows give.
 */
export function sanitizeReport(report: Report): Report {
  const notes: string[] = [];
  const cut = <T>(list: readonly T[], what: string): T[] => {
    if (list.length > MAX_LIST)
      notes.push(`${list.length - MAX_LIST} ${what} of the report were not shown (past the first ${MAX_LIST}).`);
    return list.slice(0, MAX_LIST);
  };
  const models = cut(report.models, 'model entries').map((m): ModelReport => {
    const name = m.name.slice(0, 500);
    const out: ModelReport = {
      ...m,
      name,
      budgets: cut(m.budgets, `budget rows of "${name.slice(0, 80)}"`).map((b) => ({ ...b, metric: b.metric.slice(0, 200) })),
    };
    if (m.notices) out.notices = strings(m.notices);
    if (m.advice) out.advice = cut(m.advice, 'advice entries');
    if (m.error) out.error = { ...m.error, code: m.error.code.slice(0, 80), message: cutString(m.error.message) };
    return out;
  });
  // The run's own rule (statuses already carry the budget file's `inconclusive:` policy).
  const derived = overallVerdict(models);
  // The stricter of the two: a claimed pass never hides a failed row.
  const verdict = worseVerdict(report.verdict, derived);
  const env = report.environment;
  const out: Report = {
    ...report,
    verdict,
    environment: {
      ...env,
      cpu: cutString(env.cpu),
      os: cutString(env.os),
      node: cutString(env.node),
      onnxruntime: cutString(env.onnxruntime),
      ...(env.device === undefined ? {} : { device: cutString(env.device) }),
      ...(env.gpu === undefined ? {} : { gpu: cutString(env.gpu) }),
    },
    models,
  };
  if (report.budgetChanges) out.budgetChanges = cut(report.budgetChanges, 'budget changes');
  // The fields merge checks shards with (issue 21): kept only in their documented shapes.
  const shard = report.shard;
  if (
    shard &&
    !(shard.index >= 1 && shard.index <= shard.count && Number.isSafeInteger(shard.index) && Number.isSafeInteger(shard.count))
  )
    delete out.shard;
  if (typeof report.commit === 'string' && !/^[0-9a-f]{7,64}$/i.test(report.commit)) delete out.commit;
  if (report.modelsDigest !== undefined && !/^sha256:[0-9a-f]{1,64}$/.test(report.modelsDigest)) delete out.modelsDigest;
  if (report.configModels) out.configModels = strings(report.configModels);
  if (report.incomplete)
    out.incomplete = {
      missingShards: strings(report.incomplete.missingShards),
      missingModels: strings(report.incomplete.missingModels),
    };
  if (report.baseline?.warnings) out.baseline = { ...report.baseline, warnings: strings(report.baseline.warnings) };
  const first = models[0];
  if (notes.length && first) first.notices = [...(first.notices ?? []), ...notes];
  return out;
}

/** How the comment mode names the file it reads. */
export const COMMENT_MODE_SOURCE = '`report-json`';

/**
 * Reads an untrusted report with the one report reader and bounds it for rendering; a file
 * the reader refuses comes back refused, as it would from `merge`.
 */
export async function readUntrustedReportFile(file: string): Promise<ReportReading> {
  const reading = await readReportFile(file, { givenAs: COMMENT_MODE_SOURCE });
  return reading.ok ? { ok: true, report: sanitizeReport(reading.report) } : reading;
}
