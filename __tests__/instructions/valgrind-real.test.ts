/**
 * The real tool: one model's calls counted under Valgrind's callgrind. Runs where Valgrind is
 * installed (or ENERGY_BUDGET_VALGRIND points at it); one process, about 12 s of CPU time
 * (Node's start-up runs on Valgrind's core, uninstrumented), longer in wall time on a busy machine.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { countInstructions } from '../../src/instructions/measure.js';
import { mlpModel } from '../bench/helpers.js';

function valgrindAvailable(): boolean {
  try {
    execFileSync(process.env.ENERGY_BUDGET_VALGRIND || 'valgrind', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const HAVE_VALGRIND = valgrindAvailable();
// Skipped, not passed, where the tool is absent: the count needs Valgrind itself.
const describeWithValgrind = HAVE_VALGRIND ? describe : describe.skip;

describeWithValgrind(
  `countInstructions under the real callgrind${HAVE_VALGRIND ? '' : ' (skipped: valgrind is not installed; set ENERGY_BUDGET_VALGRIND)'}`,
  () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'eb-instr-test-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('counts each measured call on its own, only inside the run, with the cache events', async () => {
      const file = path.join(dir, 'mlp.onnx');
      writeFileSync(file, mlpModel(16, 8));
      const x = new ort.Tensor(
        'float32',
        new Float32Array(4 * 16).map((_, i) => (i % 7) / 7),
        [4, 16],
      );
      const r = await countInstructions(file, { x }, { env: process.env, calls: 3, warmup: 1 });
      expect(r.calls).toBe(3);
      expect(r.warmup).toBe(1);
      expect(r.simulated).toBe(true);
      expect(r.tool).toMatch(/^valgrind-/);
      // Collection only inside the run: a call of a 16-8-1 MLP is thousands to a few hundred
      // thousand instructions, while Node's start-up alone is hundreds of millions.
      expect(r.perCall).toBeGreaterThan(1_000);
      expect(r.perCall).toBeLessThan(2_000_000);
      // Each call counted separately; the figure is the median call's. A call can carry
      // onnxruntime's clock-driven housekeeping, so only the order of the figures is checked.
      expect(r.minPerCall).toBeGreaterThan(0);
      expect(r.minPerCall).toBeLessThanOrEqual(r.perCall);
      expect(r.maxPerCall).toBeGreaterThanOrEqual(r.perCall);
      expect(r.events.D1mr).toBeGreaterThanOrEqual(0);
      expect(r.estimatedCycles).toBeGreaterThan(r.perCall);
      expect(r.description).toMatch(/^SIMULATED/);
      // The fast path: start-up uninstrumented, instrumentation switched on by vgdb.
      expect(r.description).toMatch(/start-up uninstrumented, instrumentation switched on with vgdb/);
    }, 900_000);
  },
);
