/**
 * Every output that carries an estimated energy figure says so in words: the terminal table,
 * Markdown, JUnit (failure message and body), the PR annotations, the action's outputs, the
 * job summary and the failure message. One estimated report, rendered through each.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type ActionIO } from '../../src/main.js';
import { budgetAnnotations, failingProblems } from '../../src/github/verdict.js';
import { estimatedFiguresText, isEstimatedFigure } from '../../src/report/estimated.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/terminal.js';
import type { ModelReport, Report } from '../../src/report/types.js';
import { summarizeAdvice } from '../../src/optimize/advisor.js';

function estimatedReport(estimated = true): Report {
  const energy = {
    joulesPerInference: 502e-6,
    joulesPerSample: 502e-6 / 32,
    method: estimated ? 'estimate' : 'rapl',
    estimated,
  };
  const model: ModelReport = {
    name: 'vad',
    path: 'models/vad.onnx',
    size: { bytes: 1000, parameters: 250, bytesByDtype: { float32: 1000 }, sparsity: 0 },
    flops: 1000,
    inference: {
      batchSize: 32,
      runs: 100,
      warmup: 5,
      threads: 1,
      latencyMs: { p50: 0.1, p95: 0.12, p99: 0.13, mean: 0.1 },
      throughput: 320000,
      energy,
    },
    budgets: [
      { metric: 'energy-per-inference', kind: 'absolute', limit: 1e-6, value: 502e-6, baseline: null, status: 'fail', line: 9 },
      {
        metric: 'energy-per-inference',
        kind: 'regression',
        limit: 0.05,
        relative: true,
        value: 502e-6,
        baseline: 400e-6,
        status: 'fail',
        changeCi95: [0.2, 0.3],
        line: 11,
      },
      { metric: 'model-size', kind: 'absolute', limit: 10, value: 1000, baseline: null, status: 'fail', line: 12 },
    ],
  };
  return {
    schemaVersion: 1,
    verdict: 'fail',
    environment: { cpu: 'Test CPU', logicalCpus: 2, os: 'Linux', node: 'v20', onnxruntime: '1.30.0' },
    models: [model],
  };
}

/** The word every estimated figure carries. */
const WORD = /estimated/i;

describe('estimated figures are labelled in every output', () => {
  it('knows which figures are estimates', () => {
    const m = estimatedReport().models[0];
    expect(isEstimatedFigure(m, 'energy-per-inference')).toBe(true);
    expect(isEstimatedFigure(m, 'carbon-per-inference')).toBe(true);
    expect(isEstimatedFigure(m, 'model-size')).toBe(false);
    expect(isEstimatedFigure(estimatedReport(false).models[0], 'energy-per-inference')).toBe(false);
  });

  it('terminal table: the energy rows say "estimated", measured rows do not', () => {
    const text = renderText(estimatedReport());
    const rows = text.split('\n').filter((l) => /^\s+energy-per-inference/.test(l));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatch(WORD);
    expect(text.split('\n').find((l) => /^\s+model-size/.test(l))).not.toMatch(WORD);
    const measured = renderText(estimatedReport(false));
    expect(measured.split('\n').filter((l) => /^\s+energy-per-inference/.test(l))[0]).not.toMatch(WORD);
  });

  it('Markdown (comment and summary): the energy row says estimated', () => {
    const md = renderMarkdown(estimatedReport());
    expect(md.split('\n').find((l) => l.includes('Energy per inference'))).toMatch(WORD);
  });

  it('JUnit: failure message and body of each energy case', () => {
    const xml = renderJunit(estimatedReport());
    const energyCases = xml.split('<testcase').filter((c) => c.includes('energy-per-inference'));
    expect(energyCases).toHaveLength(2);
    for (const c of energyCases) {
      const [, message, body] = /<failure message="([^"]*)">([^<]*)<\/failure>/.exec(c)!;
      expect(message).toMatch(WORD);
      expect(body).toMatch(WORD);
    }
    const sizeCase = xml.split('<testcase').find((c) => c.includes('name="model-size"'))!;
    expect(sizeCase).not.toMatch(WORD);
    expect(renderJunit(estimatedReport(false))).not.toMatch(WORD);
  });

  it('PR annotations and the failure list', () => {
    const annotations = budgetAnnotations(estimatedReport()).filter((a) => a.message.includes('energy-per-inference'));
    expect(annotations).toHaveLength(2);
    for (const a of annotations) expect(a.message).toMatch(WORD);
    expect(annotations[0].message).toContain('502 µJ (estimated with a power model, not measured)');
    for (const p of failingProblems(estimatedReport(), 'budget').filter((p) => p.budget?.metric === 'energy-per-inference'))
      expect(p.message).toMatch(WORD);
    for (const a of budgetAnnotations(estimatedReport(false))) expect(a.message).not.toMatch(WORD);
  });

  it('advice summaries say whether the energy change is estimated', () => {
    const figures = { sizeBytes: 1, gzipBytes: 1, flops: 1, latencyMs: { p50: 1, mean: 1 } };
    const line = summarizeAdvice({
      variant: 'fp16',
      label: 'fp16 weights',
      status: 'ok',
      figures: { ...figures, energy: { joulesPerInference: 1, method: 'estimate', estimated: true } },
      original: figures,
      deltas: { sizePct: -50, gzipPct: -50, flopsPct: 0, latencyP50Pct: 0, latencyMeanPct: 0, energyPct: -10 },
      notes: [],
    });
    expect(line).toMatch(WORD);
  });

  describe('the action: outputs, job summary, annotations, failure message', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'eb-labels-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('labels the estimate everywhere the action writes it', async () => {
      const outputs: Record<string, string> = {};
      const summaries: string[] = [];
      const annotations: string[] = [];
      let failed = '';
      const io: ActionIO = {
        getInput: (name) => (name === 'comment' ? 'never' : ''),
        setOutput: (name, value) => void (outputs[name] = value),
        writeSummary: async (md) => void summaries.push(md),
        annotate: (_level, message) => void annotations.push(message),
        info: () => {},
        warning: () => {},
        setFailed: (m) => void (failed = m),
      };
      const report = estimatedReport();
      const env = { GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'octo/models', GITHUB_WORKSPACE: dir, GITHUB_RUN_ID: '1' };
      const code = await run({
        env,
        io,
        runEnergyBudget: async (options) => {
          writeFileSync(options.jsonPath!, JSON.stringify(report));
          return { report, exitCode: 1, files: { json: options.jsonPath } };
        },
      });
      expect(code).toBe(1);
      expect(outputs.estimated).toBe(estimatedFiguresText(report.models));
      expect(outputs.estimated).toBe('vad: inference energy estimated with a power model (estimate), not measured');
      expect(outputs.markdown.split('\n').find((l) => l.includes('Energy per inference'))).toMatch(WORD);
      expect(summaries[0].split('\n').find((l) => l.includes('Energy per inference'))).toMatch(WORD);
      const energyAnnotations = annotations.filter((a) => a.includes('energy-per-inference'));
      expect(energyAnnotations.length).toBeGreaterThan(0);
      for (const a of energyAnnotations) expect(a).toMatch(WORD);
      for (const line of failed.split('\n').filter((l) => l.includes('energy-per-inference'))) expect(line).toMatch(WORD);
      expect(estimatedFiguresText(estimatedReport(false).models)).toBe('');
    });
  });
});
