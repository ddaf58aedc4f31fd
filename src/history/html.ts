/**
 * The history as one self-contained HTML page: an inline SVG chart per model and metric (no
 * script, no stylesheet or font from the network), with the line broken where the environment
 * changed, the limit as a dashed line and the pull request's head as a marked point. Pure.
 */
import { formatChange, formatMetric } from '../report/format.js';
import { drawnLimit, scaled, type ChartData } from './chart-data.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const W = 640;
const H = 280;
const PAD = { left: 64, right: 16, top: 28, bottom: 44 };

/** Round tick values covering [0, max]: 1, 2 or 5 times a power of ten apart. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

/** One chart as an SVG element. */
export function svgChart(c: ChartData): string {
  const pts = c.series.points;
  const n = pts.length + (c.head !== undefined ? 1 : 0);
  const limit = drawnLimit(c);
  const values = [...pts.map((p) => p.value), ...(c.head !== undefined ? [c.head] : []), ...(limit !== undefined ? [limit] : [])];
  const yt = ticks(scaled(Math.max(...values), c.unit) * 1.05);
  const yMax = yt[yt.length - 1];
  const pw = W - PAD.left - PAD.right;
  const ph = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? pw / 2 : (i / (n - 1)) * pw);
  const y = (v: number) => PAD.top + ph - (scaled(v, c.unit) / yMax) * ph;
  const f = (v: number) => v.toFixed(1);
  const parts: string[] = [];
  const method = c.method ? (c.method === 'estimate' ? ' (estimated)' : ` (measured, ${c.method})`) : '';
  const off = c.limitOffChart && c.limit !== undefined ? ` · limit ${formatMetric(c.metric, c.limit)}, above the chart` : '';
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(`${c.model}: ${c.title}`)}" data-metric="${c.metric}" data-points="${pts.length}">`,
    `<text class="chart-title" x="${PAD.left}" y="18" font-size="14" font-weight="600">${escapeHtml(`${c.model} · ${c.title}${method}${off}`)}</text>`,
    `<rect class="plot-area" x="${PAD.left}" y="${PAD.top}" width="${pw}" height="${ph}" fill="#fafafa" stroke="#ccc"/>`,
  );
  // Axes: y ticks with values, x labels (run numbers), axis titles.
  for (const t of yt) {
    const yy = PAD.top + ph - (t / yMax) * ph;
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + pw}" y1="${f(yy)}" y2="${f(yy)}" stroke="#e4e4e4"/>`,
      `<text class="axis-label y-tick" x="${PAD.left - 6}" y="${f(yy + 4)}" font-size="11" text-anchor="end">${t}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(n / 12));
  for (let i = 0; i < n; i++) {
    if (i % every !== 0 && i !== n - 1) continue;
    const label = i === pts.length ? 'PR' : String(i + 1);
    parts.push(
      `<text class="axis-label x-tick" x="${f(x(i))}" y="${PAD.top + ph + 16}" font-size="11" text-anchor="middle">${label}</text>`,
    );
  }
  parts.push(
    `<text class="axis-label axis-title" x="${PAD.left + pw / 2}" y="${H - 6}" font-size="12" text-anchor="middle">default-branch run (oldest → newest)</text>`,
    `<text class="axis-label axis-title" x="14" y="${PAD.top + ph / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${PAD.top + ph / 2})">${escapeHtml(c.unit.label || 'count')}</text>`,
  );
  parts.push('<g class="plot">');
  if (limit !== undefined) {
    parts.push(
      `<line class="limit" x1="${PAD.left}" x2="${PAD.left + pw}" y1="${f(y(limit))}" y2="${f(y(limit))}" stroke="#d1242f" stroke-width="1.5" stroke-dasharray="6 4"><title>budget limit ${escapeHtml(formatMetric(c.metric, limit))}</title></line>`,
    );
  }
  // The history line, broken at each environment change (a dashed vertical marks it).
  const cuts = [0, ...c.series.breaks.map((b) => b.index), pts.length];
  for (let s = 0; s + 1 < cuts.length; s++) {
    const seg = pts.slice(cuts[s], cuts[s + 1]);
    if (!seg.length) continue;
    parts.push(
      `<polyline class="history" fill="none" stroke="#0969da" stroke-width="2" points="${seg.map((p) => `${f(x(p.index))},${f(y(p.value))}`).join(' ')}"/>`,
    );
  }
  for (const p of pts)
    parts.push(
      `<circle class="run" cx="${f(x(p.index))}" cy="${f(y(p.value))}" r="2.5" fill="#0969da"><title>${escapeHtml(`run ${p.index + 1} · ${p.sha.slice(0, 12)} · ${formatMetric(c.metric, p.value)}`)}</title></circle>`,
    );
  for (const b of c.series.breaks) {
    const xb = (x(b.index - 1) + x(b.index)) / 2;
    parts.push(
      `<line class="break" x1="${f(xb)}" x2="${f(xb)}" y1="${PAD.top}" y2="${PAD.top + ph}" stroke="#8250df" stroke-dasharray="2 3"><title>${escapeHtml(b.what)}</title></line>`,
    );
  }
  if (c.head !== undefined) {
    parts.push(
      `<circle class="head" cx="${f(x(n - 1))}" cy="${f(y(c.head))}" r="6" fill="#bf8700" stroke="#000"><title>${escapeHtml(`this pull request · ${formatMetric(c.metric, c.head)}${c.trend ? ` · ${formatChange(c.trend.change)} against the median of the last ${c.trend.runs} runs` : ''}`)}</title></circle>`,
    );
  }
  parts.push('</g>', '</svg>');
  return parts.join('\n');
}

export interface HtmlOptions {
  title?: string;
  /** A line under the title: where the history came from. */
  source: string;
}

/** The whole page. */
export function renderHistoryHtml(charts: readonly ChartData[], opts: HtmlOptions): string {
  const title = opts.title ?? 'Energy budget history';
  const breaks = charts.flatMap((c) => c.series.breaks.map((b) => `${c.model} · ${c.title}: run ${b.index + 1}: ${b.what}`));
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2328}svg{display:block;margin:16px 0}p,li{max-width:60em}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(opts.source)} Blue: one point per default-branch run; red dashes: the budget limit; the large point: the pull request's head; purple dots: the environment changed (CPU, onnxruntime, device or energy meter) and the line is broken there. Energy marked <em>estimated</em> comes from a power model, not a counter.</p>`,
    breaks.length ? `<ul class="breaks">${breaks.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>` : '',
    charts.length ? charts.map(svgChart).join('\n') : '<p>No history yet.</p>',
    '</body></html>',
    '',
  ].join('\n');
}
