/**
 * The HTML history report in a real headless Chromium (Debian's `chromium` package; `.ci/run`
 * installs it): a screenshot is taken and its pixels checked — every SVG chart has a plot area
 * with the history line and the head point drawn in it, and axis labels beside and below it.
 * Skipped, with the reason printed, where no Chromium is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chartsFor } from '../../src/history/chart-data.js';
import { renderHistoryHtml } from '../../src/history/html.js';
import { toRecord } from '../../src/history/record.js';
import type { Report } from '../../src/report/types.js';
import { createRng } from '../../src/util/random.js';
import { passReport } from '../github/fixtures/reports.js';
import { decodePng, type Image } from './png.js';

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

const chromium = findChromium();
const describeWithChromium = chromium ? describe : describe.skip;
if (!chromium)
  console.warn('html-chromium skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH); .ci/run installs it.');

function report(joules: number, onnxruntime = '1.30.0'): Report {
  const r = passReport();
  r.environment = { ...r.environment, onnxruntime };
  r.models[0].inference!.energy!.joulesPerInference = joules;
  r.models[0].budgets.find((b) => b.metric === 'energy-per-inference' && b.kind === 'absolute')!.limit = 0.016;
  return r;
}

type Rgb = [number, number, number];
const near = (p: Rgb, q: Rgb, tol = 6) =>
  Math.abs(p[0] - q[0]) <= tol && Math.abs(p[1] - q[1]) <= tol && Math.abs(p[2] - q[2]) <= tol;
const PLOT_BG: Rgb = [250, 250, 250];
const HISTORY: Rgb = [9, 105, 218];
const HEAD: Rgb = [191, 135, 0];
const LIMIT: Rgb = [209, 36, 47];
const dark = (p: Rgb) => p[0] < 120 && p[1] < 120 && p[2] < 120;

function count(img: Image, x0: number, x1: number, y0: number, y1: number, test: (p: Rgb) => boolean): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) if (test(img.pixel(x, y))) n++;
  return n;
}

/** Vertical bands of rows that are mostly plot background: one per chart's plot area. */
function plotBands(img: Image): Array<[number, number]> {
  const rows: boolean[] = [];
  for (let y = 0; y < img.height; y++) rows.push(count(img, 0, img.width, y, y + 1, (p) => near(p, PLOT_BG, 1)) > 300);
  const bands: Array<[number, number]> = [];
  let start = -1;
  let gap = 0;
  for (let y = 0; y <= img.height; y++) {
    if (y < img.height && rows[y]) {
      if (start < 0) start = y;
      gap = 0;
    } else if (start >= 0 && ++gap > 10) {
      bands.push([start, y - gap + 1]);
      start = -1;
      gap = 0;
    }
  }
  return bands.filter(([a, b]) => b - a > 100);
}

describeWithChromium('the HTML history report in headless Chromium', () => {
  let dir: string;
  let img: Image;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'eb-chromium-'));
    const rng = createRng(3);
    const records = Array.from({ length: 24 }, (_, i) =>
      toRecord(report(0.0123 * Math.exp(0.03 * rng.normal()), i < 16 ? '1.30.0' : '1.31.0'), { sha: `sha${i}`, ref: 'main' }),
    );
    const charts = chartsFor(records, report(0.0135, '1.31.0'), 30);
    expect(charts).toHaveLength(3);
    const html = path.join(dir, 'history.html');
    writeFileSync(html, renderHistoryHtml(charts, { source: 'Test history.' }));
    const png = path.join(dir, 'shot.png');
    const r = spawnSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--window-size=800,1400',
        `--screenshot=${png}`,
        `file://${html}`,
      ],
      { encoding: 'utf8', timeout: 90_000, env: { ...process.env, HOME: dir } },
    );
    if (!existsSync(png)) throw new Error(`Chromium wrote no screenshot (status ${r.status}): ${r.stderr.slice(-2000)}`);
    img = decodePng(readFileSync(png));
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders three charts, each with a drawn plot and axis labels', () => {
    expect([img.width, img.height]).toEqual([800, 1400]);
    const bands = plotBands(img);
    expect(bands).toHaveLength(3);
    for (const [y0, y1] of bands) {
      // The SVG's plot area is 208 px high (280 − 28 − 44).
      expect(y1 - y0).toBeGreaterThan(190);
      expect(y1 - y0).toBeLessThan(215);
      // Non-empty plot: the history line and the head point are drawn inside the plot area.
      expect(count(img, 80, 800, y0, y1, (p) => near(p, HISTORY, 40))).toBeGreaterThan(200);
      expect(count(img, 80, 800, y0, y1, (p) => near(p, HEAD, 40))).toBeGreaterThan(30);
      // Axis labels: y-tick values left of the plot area, run numbers under it.
      expect(count(img, 20, 86, y0 - 4, y1 + 4, dark)).toBeGreaterThan(40);
      expect(count(img, 80, 800, y1 + 3, y1 + 22, dark)).toBeGreaterThan(40);
    }
    // The energy chart (the first) draws its limit.
    const [e0, e1] = bands[0];
    expect(count(img, 80, 800, e0, e1, (p) => near(p, LIMIT, 40))).toBeGreaterThan(100);
  });
});
