/**
 * The check's own footprint: /proc/self/stat parsing, a run measured on a fake /proc tree with
 * an injected clock, the sum over a matrix's shards, and the line in the Markdown.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { endFootprint, parseSelfStat, startFootprint, sumFootprints, type Footprint } from '../../src/energy/footprint.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mergeReports } from '../../src/report/merge.js';
import type { Report } from '../../src/report/types.js';

// utime 150, stime 50, cutime 300, cstime 100 ticks (fields 14–17) → 6 s at USER_HZ 100.
const selfStat = (u: number) =>
  `4242 (node worker (x)) S 1 4242 4242 0 -1 4194304 99 0 0 0 ${u} 50 300 100 20 0 11 0 186148 3133440 381`;
const procStat = (busy: number, idle: number) => `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 ${busy} 0 0 ${idle} 0 0 0 0 0 0\n`;

let proc: string;
beforeAll(async () => {
  proc = await mkdtemp(path.join(tmpdir(), 'eb-footprint-'));
  await mkdir(path.join(proc, 'self'));
  await writeFile(path.join(proc, 'cpuinfo'), 'processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz\n');
});
afterAll(async () => {
  await rm(proc, { recursive: true, force: true });
});

describe('footprint', () => {
  it('reads CPU time of the process and its waited-for workers from /proc/self/stat', () => {
    expect(parseSelfStat(selfStat(150))).toBeCloseTo(6, 12);
    expect(parseSelfStat('garbage')).toBeNull();
  });

  it('measures wall and CPU time between two marks and estimates their energy with the power model', async () => {
    let ns = 1_000_000_000n;
    const clockNs = () => ns;
    await writeFile(path.join(proc, 'self/stat'), selfStat(150));
    await writeFile(path.join(proc, 'stat'), procStat(1000, 1000));
    const mark = await startFootprint({ procRoot: proc, clockNs });
    ns += 20_000_000_000n; // 20 s later
    await writeFile(path.join(proc, 'self/stat'), selfStat(1150)); // +10 CPU s
    await writeFile(path.join(proc, 'stat'), procStat(2000, 2000)); // 50% busy over the window
    const f = await endFootprint(mark, {}, { procRoot: proc, clockNs });
    expect(f.wallS).toBeCloseTo(20, 9);
    expect(f.cpuS).toBeCloseTo(10, 9);
    expect(f).toMatchObject({ method: 'estimate', estimated: true });
    expect(f.energyJ).toBeGreaterThan(0);
    expect(f.description).toMatch(/power model .*1-vCPU/);
    // With the budget file's own watts (idle 10 W, full 30 W, one vCPU at 50% busy, this run
    // all of it): 10 W × 20 s + (20 W − 10 W) × 20 s = 400 J.
    const own = await endFootprint(mark, { idleW: 10, maxW: 30 }, { procRoot: proc, clockNs });
    expect(own.energyJ).toBeCloseTo(400, 6);
  });

  it('sums a matrix: wall, CPU and energy added up, the count of shards said', () => {
    const one: Footprint = {
      wallS: 30,
      cpuS: 25,
      energyJ: 300,
      method: 'estimate',
      estimated: true,
      description: 'estimated with x',
    };
    const s = sumFootprints([one, { ...one, wallS: 10, cpuS: 5, energyJ: 100 }, undefined])!;
    expect(s).toMatchObject({ wallS: 40, cpuS: 30, energyJ: 400, shards: 2 });
    expect(sumFootprints([undefined])).toBeUndefined();
  });

  it('ends the comment with the footprint, labelled an estimate; a merged report gives the sum', () => {
    const report = (wallS: number, name: string): Report => ({
      schemaVersion: 1,
      verdict: 'pass',
      environment: { cpu: 'c', logicalCpus: 2, os: 'linux', node: 'v20', onnxruntime: '1.20' },
      models: [
        { name, path: `${name}.onnx`, size: { bytes: 1, parameters: 1, bytesByDtype: {}, sparsity: 0 }, flops: 1, budgets: [] },
      ],
      footprint: {
        wallS,
        cpuS: wallS / 2,
        energyJ: wallS * 10,
        method: 'estimate',
        estimated: true,
        description: 'estimated with the power model m',
      },
    });
    const md = renderMarkdown(report(12.5, 'a'));
    const lines = md.trim().split('\n');
    expect(lines[lines.length - 3]).toBe(
      "This check's own footprint: 12.5 s wall time, 6.25 s CPU time, 125 J **estimated** (estimated with the power model m).",
    );
    const merged = mergeReports([
      { report: report(12.5, 'a'), file: 'a.json' },
      { report: report(7.5, 'b'), file: 'b.json' },
    ]);
    expect(merged.footprint).toMatchObject({ wallS: 20, cpuS: 10, energyJ: 200, shards: 2 });
    expect(renderMarkdown(merged)).toContain(
      "This check's own footprint, summed over 2 shards: 20 s wall time, 10 s CPU time, 200 J **estimated**",
    );
  });
});
