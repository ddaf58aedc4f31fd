import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCpuInfo } from '../../src/energy/cpu.js';
import { figureInterval } from '../../src/energy/interval.js';
import { openMeter } from '../../src/energy/open.js';
import { POWER_CURVES } from '../../src/energy/power-model.js';
import { parseCsv, parseElevenLevel, parseFullAndIdle } from '../../src/energy/specpower/csv.js';
import { derivePowerCurves, median } from '../../src/energy/specpower/derive.js';
import { cpuModelKey, tierFromCpuid, tierFromName } from '../../src/energy/specpower/tiers.js';
import { InputError } from '../../src/errors.js';
import { cpuinfoText, fakeClock, fakeProc, statText, tempDir } from './helpers.js';

const DATA = join(process.cwd(), 'data');
const ELEVEN_CSV = join(DATA, 'specpower', 'specpower-ssj2008.csv');
const FULL_CSV = join(DATA, 'specpower', 'specpower-full-and-idle.csv');

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('eb-curves-'));
});
afterEach(() => cleanup());

describe('data/power-curves.json', () => {
  it('is what `npm run derive:power-curves` derives from data/specpower/ (re-run it after changing the data or the code)', () => {
    const derived = derivePowerCurves(
      parseElevenLevel(readFileSync(ELEVEN_CSV, 'utf8'), 'data/specpower/specpower-ssj2008.csv'),
      parseFullAndIdle(readFileSync(FULL_CSV, 'utf8'), 'data/specpower/specpower-full-and-idle.csv'),
    );
    // Through JSON, as the script writes it, so undefined fields and number formatting compare alike.
    expect(JSON.parse(readFileSync(join(DATA, 'power-curves.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(derived)));
  });

  it('has curves that rise with load and intervals that bracket the estimate', () => {
    for (const entry of [...Object.values(POWER_CURVES.models), ...Object.values(POWER_CURVES.tiers), POWER_CURVES.fallback]) {
      expect(entry.wattsPerThread).toHaveLength(11);
      expect(entry.wattsPerThread[10]).toBeGreaterThan(entry.wattsPerThread[0]);
    }
    for (const c of Object.values(POWER_CURVES.cases)) {
      expect(c.interval95[0]).toBeLessThan(1);
      expect(c.interval95[1]).toBeGreaterThan(1);
    }
  });
});

describe('the estimate on a fake /proc (ENERGY_BUDGET_PROC)', () => {
  it('AMD EPYC 7763, 4 vCPUs fully busy: 4 × the SPECpower per-thread watts at 100%, by hand from the data rows', async () => {
    // By hand: every EPYC 7763 row of the eleven-level extract, w_100 ÷ threads, median.
    const lines = readFileSync(ELEVEN_CSV, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    const perThread = lines
      .slice(1)
      .filter((l) => /,AMD EPYC 7763( 2\.45 ?GHz)?,/.test(l))
      .map((l) => {
        // Only `published` ("Mar 15, 2021") is quoted in these rows: threads is counted from the
        // start, the watts from the end.
        const f = l.split(',');
        expect(f[0].startsWith('"')).toBe(false);
        const fromEnd = (name: string) => f[f.length - (header.length - header.indexOf(name))];
        return Number(fromEnd('w_100')) / Number(f[header.indexOf('threads')]);
      })
      .sort((a, b) => a - b);
    expect(perThread.length).toBeGreaterThanOrEqual(10);
    const mid = perThread.length / 2;
    const medianW = perThread.length % 2 ? perThread[Math.floor(mid)] : (perThread[mid - 1] + perThread[mid]) / 2;

    const proc = join(dir, 'proc');
    fakeProc(
      proc,
      cpuinfoText(4, { vendor_id: 'AuthenticAMD', 'cpu family': 25, model: 1, 'model name': 'AMD EPYC 7763 64-Core Processor' }),
      statText(0, 0, 1000, 4),
    );
    const clock = fakeClock();
    let cpuUs = 0;
    const { meter, notices } = await openMeter('estimate', {
      env: { ENERGY_BUDGET_PROC: proc },
      power: {},
      clockNs: clock.clockNs,
      cpuTimeUs: () => cpuUs,
    });
    const token = await meter.begin();
    // 2 s, all 4 CPUs busy (800 of 800 ticks), all of it this process (8 CPU-s).
    writeFileSync(join(proc, 'stat'), statText(800, 0, 1000, 4));
    cpuUs += 8_000_000;
    clock.set(2);
    const w = await meter.end(token);
    await meter.close();

    expect(notices.join('\n')).toContain('Detected CPU: AMD EPYC 7763 64-Core Processor');
    expect(w.estimate?.vcpus).toBe(4);
    expect(w.estimate?.utilisation).toBe(1);
    expect(w.estimate?.vmPowerW).toBeCloseTo(4 * medianW, 4); // the JSON keeps 6 significant digits
    expect(w.energyJ).toBeCloseTo(4 * medianW * 2, 4);
    expect(w.estimate?.powerModelRow).toBe('specpower-model-amd-epyc-7763');
    expect(w.notes.join('\n')).toMatch(/Power model: SPECpower median of \d+ SPECpower_ssj2008 results with AMD EPYC 7763/);

    const interval = figureInterval(w)!;
    expect(interval.factors).toEqual(w.estimate!.interval95.factors);
    expect(interval.basis).toMatch(/^−\d+%\/\+\d+%, power model: leave-one-server-out validation/);
  });

  it('widens the interval by the run’s own spread (log space) and says so', async () => {
    const proc = join(dir, 'proc');
    fakeProc(proc, cpuinfoText(2, { 'model name': 'Some Future CPU' }), statText(0, 0, 100, 2));
    const { meter } = await openMeter('estimate', { env: { ENERGY_BUDGET_PROC: proc }, power: {}, cpuTimeUs: () => 0 });
    const w = await meter.end(await meter.begin());
    const [lo, hi] = POWER_CURVES.cases.unknown.interval95;
    const i = figureInterval(w, 0.05)!;
    expect(i.factors[0]).toBeCloseTo(Math.exp(-Math.hypot(Math.log(1 / lo), Math.log(1.05))), 12);
    expect(i.factors[1]).toBeCloseTo(Math.exp(Math.hypot(Math.log(hi), Math.log(1.05))), 12);
    expect(i.basis).toMatch(/combined with the run's own spread \(mean latency ±5\.0% at 95%\)/);
  });
});

describe('SPECpower parsing and CPU names', () => {
  it('names file, line and column for a bad number, and a missing column', () => {
    const header = 'hw_vendor,system,cpu_name,chips,cores,threads,mhz,memory_gb,published,w_100,w_idle\n';
    expect(() => parseFullAndIdle(`${header}A,"B, C",Intel Xeon X,1,4,four,2000,8,Jan-2009,118,56\n`, 'x.csv')).toThrow(
      /x\.csv:2: column threads is "four"; expected a positive number/,
    );
    expect(() => parseFullAndIdle('hw_vendor,cpu_name\n', 'y.csv')).toThrow(InputError);
    expect(() => parseCsv('a,"b\n', 'z.csv')).toThrow(/z\.csv:1: a quoted field is never closed/);
    expect(parseCsv('a,"b, ""c"""\r\nd,e\n', 'q.csv')).toEqual([
      { line: 1, fields: ['a', 'b, "c"'] },
      { line: 2, fields: ['d', 'e'] },
    ]);
  });

  it.each([
    ['AMD EPYC 7763 64-Core Processor', 'amd epyc 7763', 'amd-epyc-zen3'],
    ['AMD EPYC 7763 2.45GHz', 'amd epyc 7763', 'amd-epyc-zen3'],
    ['AMD EPYC 9654P', 'amd epyc 9654p', 'amd-epyc-zen4'],
    ['Intel(R) Xeon(R) Platinum 8280 CPU @ 2.70GHz', 'intel xeon 8280', 'intel-xeon-sp-gen2'],
    ['Intel Xeon Platinum 8280 2.70GHz', 'intel xeon 8280', 'intel-xeon-sp-gen2'],
    ['Intel Xeon 6980P,', 'intel xeon 6980p', 'intel-xeon-6'],
    ['Intel Xeon E5-2699 v4 2.20 GHz', 'intel xeon e5-2699 v4', 'intel-broadwell'],
    ['Intel(R) Xeon(R) Processor', 'intel xeon', null],
  ])('%s → key %s, tier %s', (name, key, tier) => {
    expect(cpuModelKey(name)).toBe(key);
    expect(tierFromName(name)).toBe(tier);
  });

  it('finds the tier from CPUID where the VM hides the name', () => {
    const cpu = (f: Record<string, string | number>) => parseCpuInfo(cpuinfoText(1, { 'model name': 'x', ...f }));
    expect(tierFromCpuid(cpu({ vendor_id: 'AuthenticAMD', 'cpu family': 25, model: 1 }))).toBe('amd-epyc-zen3');
    expect(tierFromCpuid(cpu({ vendor_id: 'GenuineIntel', 'cpu family': 6, model: 85, stepping: 7 }))).toBe('intel-xeon-sp-gen2');
    expect(tierFromCpuid(cpu({ vendor_id: 'GenuineIntel', 'cpu family': 6, model: 1 }))).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
