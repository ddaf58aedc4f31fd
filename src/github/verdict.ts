/**
 * Pure decisions on a finished report: which problems fail the job under each `fail-on`
 * policy, and which annotations go on the budget file.
 */
import { formatChange, formatMetric, sig3 } from '../report/format.js';
import { estimatedSuffix } from '../report/estimated.js';
import type { BudgetResult, ModelReport, Report } from '../report/types.js';
import type { FailPolicy } from './inputs.js';

export interface Problem {
  model: string;
  /** The budget, or undefined for a model that could not be measured. */
  budget?: BudgetResult;
  /** Plain text (annotations and logs are not Markdown). */
  message: string;
}

/** One line, control characters removed: annotation and log text from the report is untrusted. */
function plain(text: unknown, max = 300): string {
  const s = typeof text === 'string' ? text : String(text);
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function isFloor(metric: string): boolean {
  return metric === 'throughput';
}

/**
 * Describes a budget outcome in one sentence of plain text; with the model's figures, an
 * estimated energy value says so ("… (estimated with a power model, not measured)").
 */
export function describeBudget(model: string, b: BudgetResult, figures?: Pick<ModelReport, 'inference' | 'training'>): string {
  const metric = plain(b.metric, 60);
  const value = formatMetric(metric, b.value);
  const est = figures ? estimatedSuffix(figures, b.metric) : '';
  if (b.kind === 'regression') {
    const change = b.baseline !== null && b.baseline !== 0 ? formatChange(b.value / b.baseline - 1) : 'n/a';
    const allowed = b.relative === false ? formatMetric(metric, b.limit) : `${sig3(b.limit * 100)}%`;
    return `${plain(model, 120)}: ${metric}${est} changed ${change} against the base (${b.baseline === null ? 'n/a' : formatMetric(metric, b.baseline)} → ${value}); the budget allows ${isFloor(metric) ? '−' : '+'}${allowed}.`;
  }
  return `${plain(model, 120)}: ${metric} is ${value}${est}; the budget is ${isFloor(metric) ? '≥' : '≤'} ${formatMetric(metric, b.limit)}.`;
}

/** Whether the base already broke this absolute limit (existing debt, not introduced by the PR). */
function baseAlreadyOver(b: BudgetResult): boolean {
  if (b.baseline === null) return false;
  return isFloor(String(b.metric)) ? b.baseline < b.limit : b.baseline > b.limit;
}

function modelProblems(m: ModelReport): Problem[] {
  if (m.change === 'removed') return [];
  const out: Problem[] = [];
  if (m.error)
    out.push({
      model: m.name,
      message: `${plain(m.name, 120)} could not be measured (${plain(m.error.code, 40)}): ${plain(m.error.message)}`,
    });
  for (const b of m.budgets)
    if (b.status === 'fail') out.push({ model: m.name, budget: b, message: describeBudget(m.name, b, m) });
  return out;
}

/**
 * The problems that fail the job under `policy`:
 * - `budget`: every failed budget and every model that could not be measured;
 * - `regression`: only what the pull request introduced — failed regression budgets, failed
 *   absolute budgets the base still met (or with no base figure), and models that could not
 *   be measured; a limit the base already broke is existing debt and does not fail;
 * - `never`: nothing (errors that stop the run still fail it).
 */
export function failingProblems(report: Report, policy: FailPolicy): Problem[] {
  if (policy === 'never') return [];
  const all = report.models.flatMap(modelProblems);
  if (policy === 'budget') return all;
  return all.filter((p) => !p.budget || p.budget.kind === 'regression' || !baseAlreadyOver(p.budget));
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title: string;
  line?: number;
}

/** Annotations for the budget file: an error per failed budget, a warning per warning, a notice per inconclusive comparison. */
export function budgetAnnotations(report: Report): Annotation[] {
  const out: Annotation[] = [];
  for (const m of report.models) {
    if (m.error && m.change !== 'removed') {
      out.push({ level: 'error', title: 'Energy budget: model not measured', message: modelProblems(m)[0].message });
    }
    for (const b of m.budgets) {
      const line = typeof b.line === 'number' && b.line > 0 ? b.line : undefined;
      if (b.status === 'fail')
        out.push({ level: 'error', title: 'Energy budget exceeded', message: describeBudget(m.name, b, m), line });
      else if (b.status === 'warn')
        out.push({ level: 'warning', title: 'Energy budget warning', message: describeBudget(m.name, b, m), line });
      else if (b.status === 'inconclusive') {
        out.push({
          level: 'notice',
          title: 'Energy budget inconclusive',
          message: `${describeBudget(m.name, b, m)} The measurement is too noisy to tell whether the budget holds.`,
          line,
        });
      }
    }
  }
  return out;
}
