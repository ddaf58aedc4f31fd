/** How each energy figure of the Markdown report was obtained, said once per method. */
import { escapeMarkdown } from '../escape.js';
import { formatChange } from '../format.js';
import { num } from './cells.js';
import type { EnergyReport, ModelReport } from '../types.js';

/** An energy block as the renderer reads it (inference or training). */
type EnergyLike = Partial<Pick<EnergyReport, 'method' | 'description' | 'estimated' | 'ci95Basis' | 'ci95'>> & {
  /** The figure the interval is of (J per inference or per step). */
  figure?: unknown;
};

/** `−4.1%/+4.9%`: an interval as percentages of its figure. */
function relativeInterval(ci: unknown, figure: unknown): string | undefined {
  const f = num(figure);
  if (!Array.isArray(ci) || f === undefined || f <= 0) return undefined;
  const lo = num(ci[0]);
  const hi = num(ci[1]);
  return lo === undefined || hi === undefined ? undefined : `${formatChange(lo / f - 1)}/${formatChange(hi / f - 1)}`;
}

/** Treat anything not explicitly a measurement as an estimate, so a report can never pass one off as measured. */
function isEstimate(e: EnergyLike): boolean {
  return e.estimated !== false || e.method === 'estimate';
}

/**
 * How an energy figure was obtained, split into what is shared by every figure of the same
 * method (the text to say once) and this figure's interval: the engine's description loses its
 * "ESTIMATE:" / "Estimate (not measured):" prefixes (the sentence says it once), and the
 * interval basis loses the run's own spread, which differs per model.
 */
function energyExplanation(e: EnergyLike): { key: string; interval?: string; what: string } {
  const method = escapeMarkdown(e.method ?? 'unknown', { maxLength: 40 });
  const description =
    typeof e.description === 'string'
      ? e.description
          .replace(/^\s*ESTIMATE:\s*/i, '')
          .replace(/^\s*Estimate \(not measured\):\s*/i, '')
          .replace(/[.\s]+$/, '')
      : '';
  const basis = typeof e.ci95Basis === 'string' ? e.ci95Basis : '';
  const comma = basis.indexOf(', ');
  const interval = comma > 0 ? basis.slice(0, comma) : relativeInterval(e.ci95, e.figure);
  const source = comma > 0 ? basis.slice(comma + 2).replace(/, combined with the run's own spread \(.*\)$/, '') : '';
  const what = isEstimate(e)
    ? `estimated with a power model (${method}), not measured${description ? ` — ${escapeMarkdown(description, { maxLength: 300 })}` : ''}`
    : `measured with ${method}${description ? ` — ${escapeMarkdown(description, { maxLength: 300 })}` : ''}`;
  const basisText = source ? escapeMarkdown(source, { maxLength: 300 }) : '';
  return {
    key: `${what}|${basisText}`,
    ...(interval ? { interval: escapeMarkdown(interval, { maxLength: 40 }) } : {}),
    what: basisText ? `${what}; 95% interval INTERVAL (${basisText})` : interval ? `${what}; 95% interval INTERVAL` : what,
  };
}

/** The model's energy figures: label and block, for inference and training. */
function energyBlocks(m: ModelReport): Array<[string, EnergyLike]> {
  const out: Array<[string, EnergyLike]> = [];
  const inf = m.inference?.energy;
  if (inf && typeof inf === 'object') out.push(['Inference energy', { ...inf, figure: inf.joulesPerInference }]);
  const tr = m.training?.energy;
  if (tr && typeof tr === 'object') out.push(['Training energy', { ...tr, figure: tr.joulesPerStep }]);
  return out;
}

/**
 * The energy explanations of the shown models, said once: one sentence per distinct method
 * (label, method, description, interval source), naming the models only when they differ.
 * Returns the sentences for the top of the comment, or per-model ones when methods differ.
 */
export function energyExplanations(models: readonly ModelReport[]): { shared: string[]; perModel: Map<ModelReport, string[]> } {
  const groups = new Map<string, { label: string; what: string; intervals: Set<string>; models: ModelReport[] }>();
  for (const m of models) {
    if (m.error) continue;
    for (const [label, e] of energyBlocks(m)) {
      const x = energyExplanation(e);
      const key = `${label}|${x.key}`;
      const g = groups.get(key) ?? { label, what: x.what, intervals: new Set<string>(), models: [] };
      if (x.interval) g.intervals.add(x.interval);
      g.models.push(m);
      groups.set(key, g);
    }
  }
  const sentence = (g: { label: string; what: string; intervals: Set<string> }) => {
    const iv = [...g.intervals];
    const interval = iv.length === 0 ? '' : iv.length === 1 ? iv[0] : `${iv[0]} to ${iv[iv.length - 1]} by model`;
    return `${g.label}: ${g.what.replace('INTERVAL', interval)}.`;
  };
  const labels = new Set([...groups.values()].map((g) => g.label));
  // One method per label (inference, training) across the comment: said once at the top.
  if ([...labels].every((l) => [...groups.values()].filter((g) => g.label === l).length === 1)) {
    return { shared: [...groups.values()].map(sentence), perModel: new Map() };
  }
  const perModel = new Map<ModelReport, string[]>();
  for (const g of groups.values()) for (const m of g.models) perModel.set(m, [...(perModel.get(m) ?? []), sentence(g)]);
  return { shared: [], perModel };
}
