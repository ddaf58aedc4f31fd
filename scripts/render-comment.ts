/**
 * The README's picture of a pull-request comment (#19), made from a real report: the comment's
 * Markdown (src/report/markdown.ts, exactly what the action posts) → HTML with `marked` (GFM,
 * as GitHub renders it, raw HTML such as <details> kept) and a GitHub-like stylesheet →
 * a PNG from Debian's headless `chromium`. Rerun it whenever the comment's layout changes.
 *
 *   node scripts/run-ts.mjs scripts/render-comment.ts            # re-render the committed report
 *   node scripts/run-ts.mjs scripts/render-comment.ts --measure  # measure a new report first
 *
 * `--measure` makes a temporary git repository with the example classifier as the base and a
 * wider first layer (128 → 160) as the head, runs the engine with `--base-ref` (the base and
 * head compared in interleaved rounds, as in a pull request) and keeps the report as
 * docs/images/pr-comment.report.json. Outputs: docs/images/pr-comment.md (the raw comment) and
 * docs/images/pr-comment.png. CHROMIUM_PATH overrides the browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { marked } from 'marked';
import { buildClassifier } from '../src/model/examples.js';
import { encodeModel } from '../src/model/onnx.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { Report } from '../src/report/types.js';
import { runEnergyBudget } from '../src/engine/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const images = path.join(root, 'docs/images');
const reportFile = path.join(images, 'pr-comment.report.json');

const BUDGET = `version: 1
models:
  - name: classifier
    path: models/classifier.onnx
    dims: { N: 8 }
    energy: estimate
    budget:
      model-size: 1 MB
      energy-per-inference: 2 mJ
      regression:
        model-size: 10%
        latency-p50: 2%
        energy-per-inference: 5%
`;

async function measure(): Promise<Report> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eb-comment-'));
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'e',
          GIT_AUTHOR_EMAIL: 'e@example.com',
          GIT_COMMITTER_NAME: 'e',
          GIT_COMMITTER_EMAIL: 'e@example.com',
        },
      }).trim();
    mkdirSync(path.join(dir, 'models'));
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'models/classifier.onnx'), encodeModel(buildClassifier()));
    writeFileSync(path.join(dir, 'energy-budget.yml'), BUDGET);
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    writeFileSync(path.join(dir, 'models/classifier.onnx'), encodeModel(buildClassifier({ hidden1: 160 })));
    git('commit', '-q', '-am', 'wider first layer');
    const { report } = await runEnergyBudget({ cwd: dir, configPath: 'energy-budget.yml', baseRef: base });
    // The temporary repository's commit is no one's: name the base by its role.
    report.baseline = { ...report.baseline!, ref: 'main' };
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A GitHub-like page around the rendered comment. */
function page(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .box { margin: 16px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
  .head { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d0d7de; border-radius: 6px 6px 0 0; color: #59636e; }
  .head b { color: #1f2328; }
  .md { padding: 16px; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 0 0 16px; }
  h3 { font-size: 1.25em; margin: 24px 0 16px; }
  p, ul, table, details { margin: 0 0 16px; }
  ul { padding-left: 2em; }
  table { border-collapse: collapse; display: block; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; }
  a { color: #0969da; text-decoration: none; }
  sub { color: #59636e; }
</style></head><body><div class="box"><div class="head"><b>github-actions</b> <span>bot</span> commented</div>
<div class="md">${body}</div></div></body></html>`;
}

function chromium(): string {
  for (const c of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
    if (c && existsSync(c)) return c;
  throw new Error('no Chromium: apt-get install chromium, or set CHROMIUM_PATH');
}

/** The comment's Markdown for `report`, as the action would post it (a test checks the picture is current). */
export function commentMarkdown(report: Report): string {
  return renderMarkdown(report, {
    marker: 'energy-budget.yml',
    provenance: {
      headSha: report.commit ?? '0000000',
      runUrl: 'https://github.com/owner/repo/actions/runs/1',
      runLabel: 'run 1',
    },
  });
}

/** The PNG text keyword under which the picture records the SHA-256 of the Markdown it shows. */
export const PNG_SOURCE_KEY = 'energy-budget-comment-sha256';

/** `png` with a tEXt chunk `key`=`value` after IHDR (PNG spec 11.3.4.3; CRC-32 over type and data). */
function withTextChunk(png: Buffer, key: string, value: string): Buffer {
  const data = Buffer.from(`${key}\0${value}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

async function main(): Promise<void> {
  mkdirSync(images, { recursive: true });
  if (process.argv.includes('--measure')) writeFileSync(reportFile, `${JSON.stringify(await measure(), null, 2)}\n`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  const markdown = commentMarkdown(report);
  writeFileSync(path.join(images, 'pr-comment.md'), markdown);
  const html = page(await marked.parse(markdown, { gfm: true }));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'eb-comment-png-'));
  try {
    const file = path.join(tmp, 'comment.html');
    const browser = chromium();
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1'];
    // First pass: the page's height, written into the title and read back from the DOM.
    writeFileSync(file, html.replace('</body>', '<script>document.title = String(document.body.scrollHeight)</script></body>'));
    const dom = spawnSync(browser, [...flags, '--window-size=960,800', '--dump-dom', `file://${file}`], { encoding: 'utf8' });
    const height = Number(/<title>(\d+)<\/title>/.exec(dom.stdout)?.[1] ?? NaN);
    if (!Number.isFinite(height)) throw new Error(`Chromium gave no page height: ${dom.stderr.slice(-1000)}`);
    writeFileSync(file, html);
    const out = path.join(images, 'pr-comment.png');
    const shot = spawnSync(browser, [...flags, `--window-size=960,${height}`, `--screenshot=${out}`, `file://${file}`], {
      encoding: 'utf8',
    });
    if (shot.status !== 0 || !existsSync(out)) throw new Error(`Chromium wrote no screenshot: ${shot.stderr.slice(-1000)}`);
    writeFileSync(out, withTextChunk(readFileSync(out), PNG_SOURCE_KEY, createHash('sha256').update(markdown).digest('hex')));
    process.stdout.write(`wrote ${path.relative(root, out)} (960×${height}) and docs/images/pr-comment.md\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Run as a script (node scripts/run-ts.mjs scripts/render-comment.ts), not when a test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
