/**
 * A measured meter (RAPL on a fake powercap tree) measures idle power once, and the report
 * carries both the gross energy and the energy attributable to the workload.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEnergyBudget } from '../../src/engine/run.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let dir: string;
let counter: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-idle-'));
  const zone = path.join(dir, 'sys/class/powercap/intel-rapl:0');
  await mkdir(zone, { recursive: true });
  await writeFile(path.join(zone, 'name'), 'package-0\n');
  counter = path.join(zone, 'energy_uj');
  await writeFile(counter, '1000000\n');
  await writeFile(path.join(zone, 'max_energy_range_uj'), '262143328850\n');
  await copyFile(path.join(root, 'examples/models/cnn.onnx'), path.join(dir, 'cnn.onnx'));
  await writeFile(
    path.join(dir, 'energy-budget.yml'),
    'version: 1\nmodels:\n  - name: cnn\n    path: cnn.onnx\n    inference: { iterations: 20, warmup: 2 }\n    energy: rapl\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const addMicrojoules = (uj: number) => writeFileSync(counter, `${Number(readFileSync(counter, 'utf8')) + uj}\n`);

it('reports gross and attributable energy with the measured idle power', async () => {
  const slept: number[] = [];
  // The idle window (its sleep is injected and instant) sees the counter rise by 0.5 J; each
  // timed run adds 0.01 J. The meter times windows with the real clock, so only relations
  // between the figures are asserted, not their values.
  const { report } = await runEnergyBudget(
    { cwd: dir, configPath: 'energy-budget.yml', jsonPath: 'r.json' },
    {
      sysfsRoot: path.join(dir, 'sys'),
      sleep: async (s) => {
        slept.push(s);
        addMicrojoules(500_000);
      },
      clockNs: (() => {
        let n = 0;
        return () => {
          if (++n > 3) addMicrojoules(10_000);
          return process.hrtime.bigint();
        };
      })(),
    },
  );
  expect(slept).toEqual([1]);
  const e = report.models[0].inference!.energy!;
  expect(e.method).toBe('rapl');
  expect(e.estimated).toBe(false);
  expect(e.joulesPerInference).toBeGreaterThan(0);
  expect(e.attributableJoulesPerInference).toBeDefined();
  expect(e.attributableJoulesPerInference!).toBeLessThanOrEqual(e.joulesPerInference);
  expect(e.description).toMatch(/idle [\d.]+ W measured over/);
  const json = JSON.parse(await readFile(path.join(dir, 'r.json'), 'utf8'));
  expect(json.models[0].inference.energy.method).toBe('rapl');
});
