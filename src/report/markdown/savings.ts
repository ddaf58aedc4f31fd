/** The "Possible savings" table of the Markdown report: the advisor's measured variants. */
import { escapeMarkdown } from '../escape.js';
import { formatChange, sig3 } from '../format.js';
import { num } from './cells.js';
import type { ModelReport } from '../types.js';

function pctCell(pct: unknown): string {
  const v = num(pct);
  return v === undefined ? '—' : formatChange(v / 100);
}

/**
 * A latency or energy change of a variant: with its 95% interval from the interleaved
 * comparison, "no measurable change" when the interval contains 0, never a saving or a cost.
 */
function measuredCell(pct: unknown, ci: unknown): string {
  const v = num(pct);
  if (v === undefined) return '—';
  const lo = Array.isArray(ci) ? num(ci[0]) : undefined;
  const hi = Array.isArray(ci) ? num(ci[1]) : undefined;
  if (lo === undefined || hi === undefined) return `${formatChange(v / 100)} (no interval)`;
  const interval = `[${formatChange(lo / 100)}, ${formatChange(hi / 100)}]`;
  if (lo <= 0 && hi >= 0) return `no measurable change ${interval}`;
  return `${formatChange(v / 100)} ${lo > 0 ? 'cost' : 'saving'} ${interval}`;
}

/**
 * "Possible savings": the advisor's variants, each measured on this runner like the model
 * itself (src/optimize/). Estimated energy says so; variants that did not apply say why.
 */
export function savingsTable(m: ModelReport): string[] {
  const advice = Array.isArray(m.advice) ? m.advice : [];
  if (advice.length === 0) return [];
  const lines = [
    '**Possible savings** (each variant compared with the original on this runner in interleaved rounds of fresh sessions, same inputs, ' +
      '95% intervals; an interval containing 0 is no measurable change; `energy-budget optimize` writes it):',
    '',
    '| Variant | Size | gzip | Energy per inference | Latency p50 | Top-1 agreement | Max abs error |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const a of advice) {
    const label = escapeMarkdown(a.label, { maxLength: 80 });
    if (a.status !== 'ok' || !a.deltas) {
      lines.push(
        `| ${label} | ${a.status === 'failed' ? 'failed' : 'not applicable'}: ${escapeMarkdown(a.reason ?? '', { maxLength: 200 })} | | | | | |`,
      );
      continue;
    }
    const est = a.figures?.energy?.estimated ? ' *(estimated)*' : '';
    const top1 = num(a.fidelity?.top1Agreement);
    const err = num(a.fidelity?.maxAbsError);
    lines.push(
      `| ${label} | ${pctCell(a.deltas.sizePct)} | ${pctCell(a.deltas.gzipPct)} | ${measuredCell(a.deltas.energyPct, a.deltas.energyPctCi95)}${a.deltas.energyPct !== undefined ? est : ''} | ` +
        `${measuredCell(a.deltas.latencyP50Pct, a.deltas.latencyP50PctCi95)} | ${top1 === undefined ? '—' : `${sig3(top1 * 100)}%`} | ${err === undefined ? '—' : sig3(err)} |`,
    );
  }
  // Structured pruning and distillation change the outputs by training: say what it cost and on what.
  const tuned = advice.filter((a) => a.status === 'ok' && a.fineTune);
  if (tuned.length) lines.push('');
  for (const a of tuned) {
    const t = a.fineTune!;
    const e = t.energy
      ? `, ${sig3(t.energy.joules)} J${t.energy.estimated ? ' *(estimated)*' : ` (${escapeMarkdown(t.energy.method)})`}`
      : '';
    lines.push(
      `- ${escapeMarkdown(a.label, { maxLength: 80 })}: fine-tuning cost ${t.steps} steps, ${sig3(t.durationS)} s${e}, on ${escapeMarkdown(t.inputs, { maxLength: 120 })}; fidelity on ${escapeMarkdown(t.heldOut, { maxLength: 120 })}, not trained on.`,
    );
  }
  lines.push('');
  return lines;
}
