/**
 * Fuzzing that reaches the kernels (issue 21): graphs generated op by op with fast-check
 * (__tests__/fuzz/graphs.ts) from a fixed seed. Mutants that the checker (decode, validation
 * and analysis: loadModel + analyzeModel, what the engine runs before onnxruntime) refuses are
 * counted and dropped; the rest are measured by the real engine, each in its isolated worker.
 * Acceptance: no uncontained failure (every error one of ours with exit 2/3), and at least
 * half of the engine cases create an onnxruntime session and call run: either they ran (the
 * report has inference figures) or a kernel refused the inputs inside session.run ("Non-zero
 * status code returned while running"). The counts are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnergyBudgetError } from '../../src/errors.js';
import { analyzeModel } from '../../src/model/analyze.js';
import { loadModel } from '../../src/model/load.js';
import { silentLogger } from '../../src/report/terminal.js';
import { runEnergyBudget } from '../../src/engine/run.js';
import { buildEngine } from '../hostile/support.js';
import { graphCase } from './graphs.js';

const SEED = 0x21f00d;
const GENERATED = 16;

let dir: string;
let engine: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-graphfuzz-'));
  engine = await buildEngine(['worker']);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(engine, { recursive: true, force: true });
});

describe('graph-level fuzzing through the engine', () => {
  it(`${GENERATED} generated graphs (seed ${SEED}): checker, then the engine; at least half run in onnxruntime`, async () => {
    const cases = fc.sample(graphCase, { seed: SEED, numRuns: GENERATED });
    const ws = path.join(dir, 'ws');
    await mkdir(path.join(ws, '.git'), { recursive: true });
    const kept: Array<{ name: string; what: string }> = [];
    const refused: Record<string, number> = {};
    const bugs: string[] = [];
    for (const [i, c] of cases.entries()) {
      const name = `g${String(i).padStart(3, '0')}`;
      const file = path.join(ws, `${name}.onnx`);
      await writeFile(file, c.bytes);
      try {
        analyzeModel(await loadModel(file, { label: name }), { label: name });
        kept.push({ name, what: c.what });
      } catch (error) {
        if (error instanceof EnergyBudgetError) refused[error.code] = (refused[error.code] ?? 0) + 1;
        else bugs.push(`${name} (${c.what}): checker threw ${(error as Error)?.stack}`);
      }
    }
    const entries = kept.map(
      (k) =>
        `  - name: ${k.name}\n    path: ${k.name}.onnx\n    inference: { iterations: 2, warmup: 1 }\n    energy: estimate\n    budget: { model-size: 10 MB }\n`,
    );
    await writeFile(path.join(ws, 'energy-budget.yml'), `version: 1\nmodels:\n${entries.join('')}`);
    const { report } = await runEnergyBudget(
      { cwd: ws, configPath: 'energy-budget.yml' },
      {
        logger: silentLogger,
        env: { PATH: process.env.PATH },
        isolation: { workerPath: path.join(engine, 'worker.js'), timeoutS: 30 },
      },
    );
    const outcomes: Record<string, number> = {};
    let ran = 0;
    let refusedInRun = 0;
    report.models.forEach((m, i) => {
      if (m.inference && m.inference.runs > 0) {
        ran++;
        outcomes.ran = (outcomes.ran ?? 0) + 1;
        return;
      }
      const e = m.error as { code: string; message: string; exitCode?: number } | undefined;
      if (e && /returned while running/.test(e.message)) {
        refusedInRun++;
        outcomes['refused by a kernel in session.run'] = (outcomes['refused by a kernel in session.run'] ?? 0) + 1;
        return;
      }
      if (!e) {
        outcomes['no inference, no error'] = (outcomes['no inference, no error'] ?? 0) + 1;
        return;
      }
      outcomes[e.code] = (outcomes[e.code] ?? 0) + 1;
      if (e.code === 'INTERNAL' || (e.exitCode !== 2 && e.exitCode !== 3) || e.message.length <= 20)
        bugs.push(`${kept[i].name} (${kept[i].what}): ${e.code}: ${e.message}`);
    });
    if (process.env.FUZZ_DEBUG)
      process.stderr.write(
        report.models
          .map(
            (m, i) =>
              `${kept[i].name} ${kept[i].what} => ${m.error ? `${m.error.code}: ${m.error.message.slice(0, 200)}` : 'ran'}`,
          )
          .join('\n') + '\n',
      );
    process.stdout.write(
      `graph fuzz (seed ${SEED}): ${GENERATED} generated, ${kept.length} passed the checker (refused: ${JSON.stringify(refused)}); ` +
        `engine: ${ran + refusedInRun} of ${kept.length} reached session.run (${((100 * (ran + refusedInRun)) / Math.max(1, kept.length)).toFixed(0)}%: ${ran} ran, ${refusedInRun} refused by a kernel); outcomes ${JSON.stringify(outcomes)}\n`,
    );
    expect(bugs).toEqual([]);
    expect(report.models).toHaveLength(kept.length);
    expect(kept.length).toBeGreaterThanOrEqual(GENERATED / 2);
    expect((ran + refusedInRun) / kept.length).toBeGreaterThanOrEqual(0.5);
  }, 300_000);
});
