/**
 * `--base-ref` end to end: a real git repository in a temp folder with two commits, the second
 * widening the classifier's first layer (128 → 136) and loosening a budget. Base and head are
 * measured in the same run from git, without touching the working tree.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEnergyBudget } from '../../src/engine/run.js';
import { buildClassifier } from '../../src/model/examples.js';
import { encodeModel } from '../../src/model/onnx.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';

const budget = (sizeRegression: string) => `version: 1
models:
  - name: classifier
    path: models/classifier.onnx
    dims: { N: 8 }
    inference: { iterations: 200, warmup: 5, max-time: 1 s }
    energy: estimate
    budget:
      parameters: 200k
      regression:
        model-size: ${sizeRegression}
        latency-p50: 2%
        latency-mean: 50%
        latency-p99: 50%
        energy-per-inference: 5%
`;

let dir: string;
let baseCommit: string;
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-baseref-'));
  await mkdir(path.join(dir, 'models'));
  git('init', '-q', '-b', 'main');
  await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(buildClassifier()));
  await writeFile(path.join(dir, 'energy-budget.yml'), budget('0%'));
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  baseCommit = git('rev-parse', 'HEAD');
  await writeFile(path.join(dir, 'models/classifier.onnx'), encodeModel(buildClassifier({ hidden1: 136 })));
  await writeFile(path.join(dir, 'energy-budget.yml'), budget('10%'));
  git('commit', '-q', '-am', 'wider first layer, looser size budget');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--base-ref', () => {
  let report: Report;
  let exitCode: number;
  beforeAll(async () => {
    const out = await runEnergyBudget({
      cwd: dir,
      configPath: 'energy-budget.yml',
      baseRef: baseCommit,
      jsonPath: 'report.json',
    });
    report = out.report;
    exitCode = out.exitCode;
  });

  it('measures the base from git and compares the deterministic metrics exactly', () => {
    const m = report.models[0];
    expect(report.baseline).toMatchObject({ kind: 'git', ref: baseCommit });
    // Parameters by hand: 784·h + h + h·64 + 64 + 64 + 1 for h = 128 (base) and 136 (head).
    expect(m.baseline?.size.parameters).toBe(784 * 128 + 128 + 128 * 64 + 64 + 65);
    expect(m.size.parameters).toBe(784 * 136 + 136 + 136 * 64 + 64 + 65);
    const size = m.budgets.find((b) => b.metric === 'model-size' && b.kind === 'regression')!;
    expect(size.baseline).toBe(m.baseline!.size.bytes);
    // +6.2% bytes against a (loosened) 10% limit.
    expect(size.status).toBe('pass');
  });

  it('compares latency with an interval from interleaved rounds', () => {
    const lat = report.models[0].budgets.find((b) => b.metric === 'latency-p50')!;
    expect(lat.baseline).toBeGreaterThan(0);
    expect(lat.changeCi95).toHaveLength(2);
    expect(lat.changeCi95![0]).toBeLessThanOrEqual(lat.changeCi95![1]);
    expect(['pass', 'fail', 'warn', 'inconclusive']).toContain(lat.status);
  });

  it('decides each latency budget by the comparison of its own statistic', () => {
    const budgets = report.models[0].budgets;
    const method = (metric: string) => budgets.find((b) => b.metric === metric && b.kind === 'regression')!.message;
    expect(method('latency-p50')).toMatch(/per-round medians/);
    expect(method('latency-mean')).toMatch(/per-round means/);
    expect(method('latency-p99')).toMatch(
      /per-round 99th percentiles, \d+ rounds, paired with fresh sessions, 8 ABBA blocks of (2[5-9]|[3-9]\d|\d{3,}) calls/,
    );
    expect(budgets.find((b) => b.metric === 'latency-p99' && b.kind === 'regression')!.changeCi95).toHaveLength(2);
  });

  it('lists the budget the pull request loosened', () => {
    expect(report.budgetChanges).toEqual(
      expect.arrayContaining([expect.objectContaining({ model: 'classifier', change: 'loosened' })]),
    );
    expect([0, 1]).toContain(exitCode);
  });

  it('left the working tree and index untouched', () => {
    expect(git('status', '--porcelain')).toBe('?? report.json');
  });

  it('shows Base and Head from the same rounds as Change, so their signs agree (#19)', () => {
    const md = renderMarkdown(report);
    const prefix: Record<string, number> = { n: 1e-9, µ: 1e-6, m: 1e-3, '': 1 };
    const figure = (cell: string) => {
      const x = /^([\d.]+) ([nµm]?)(s|J)$/.exec(cell.trim())!;
      return Number(x[1]) * prefix[x[2]];
    };
    let compared = 0;
    for (const b of report.models[0].budgets) {
      if (b.change === undefined || b.kind !== 'regression') continue;
      // Every compared metric carries both arms' centres, and they imply the change.
      expect(b.compared!.head / b.compared!.base - 1).toBeCloseTo(b.change, 9);
      compared++;
    }
    expect(compared).toBe(4);
    let rows = 0;
    for (const line of md.split('\n')) {
      const c = line.split('|').slice(1, -1);
      if (c.length !== 6 || !/Latency|Energy/.test(c[1])) continue;
      const [base, head] = [figure(c[2]), figure(c[3])];
      const sign = c[4].trim().startsWith('+') ? 1 : c[4].trim().startsWith('−') ? -1 : 0;
      if (base !== head) expect(Math.sign(head - base)).toBe(sign);
      rows++;
    }
    expect(rows).toBe(4);
  });

  it('writes the base figures into the JSON report', async () => {
    const json = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as Report;
    expect(json.models[0].baseline?.flops).toBeGreaterThan(0);
  });
});
