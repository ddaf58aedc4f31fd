import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCpuInfo, parseProcStat } from '../../src/energy/cpu.js';
import { estimateWindow } from '../../src/energy/estimate.js';
import { openMeter } from '../../src/energy/open.js';
import { POWER_CURVES, POWER_MODELS, resolvePowerModel, vmPowerW } from '../../src/energy/power-model.js';
import { InputError } from '../../src/errors.js';
import { cpuinfoText, fakeClock, fakeProc, statText, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const AZURE_CASCADE_LAKE = {
  vendor_id: 'GenuineIntel',
  'cpu family': 6,
  model: 85,
  'model name': 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
  stepping: 7,
};

describe('the estimate meter', () => {
  it('gives the power model figure, computed by hand from fixed /proc/stat, cpuinfo and CPU time', async () => {
    const proc = join(dir, 'proc');
    fakeProc(proc, cpuinfoText(2, AZURE_CASCADE_LAKE), statText(1000, 500, 8000, 2));
    const clock = fakeClock();
    let cpuUs = 5_000_000;
    const opened = await openMeter('auto', {
      sysfsRoot: join(dir, 'sys'),
      procRoot: proc,
      env: {},
      power: {},
      clockNs: clock.clockNs,
      cpuTimeUs: () => cpuUs,
    });
    const meter = opened.meter;
    expect(meter.method).toBe('estimate');
    expect(opened.notices.join('\n')).toContain('Detected CPU: Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz');
    expect(opened.notices.join('\n')).toContain('Power model: SPECpower Intel Xeon Scalable 2nd gen (Cascade Lake)');

    const token = await meter.begin();
    // One second later: the machine was busy 150 of 200 ticks (u = 0.75), 1.5 busy CPU-s in all;
    // this process used 0.6 CPU-s of them (share 0.4).
    writeFileSync(join(proc, 'stat'), statText(1100, 550, 8050, 2));
    cpuUs += 600_000;
    clock.set(1);
    const w = await meter.end(token);

    // By hand, the Cascade Lake tier's SPECpower curve (watts per thread at 0, 10, …, 100%), 2 vCPUs:
    //   P(0)    = 2 × c[0]
    //   P(0.75) = 2 × (c[7] + 0.5 × (c[8] − c[7]))      (75% is halfway between 70% and 80%)
    //   energy  = P(0) × 1 s + (P(0.75) − P(0)) × 1 s × 0.4
    const c = POWER_CURVES.tiers['intel-xeon-sp-gen2'].wattsPerThread;
    const p0 = 2 * c[0];
    const p75 = 2 * (c[7] + 0.5 * (c[8] - c[7]));
    const energy = p0 + (p75 - p0) * 0.4;
    expect(w.method).toBe('estimate');
    expect(w.estimated).toBe(true);
    expect(w.energyJ).toBeCloseTo(energy, 10);
    expect(w.domainsJ).toEqual({ 'cpu-vm-share': w.energyJ });
    expect(w.idleW).toBeCloseTo(p0, 12);
    expect(w.idleMeasured).toBe(false);
    expect(w.attributableJ).toBeCloseTo((p75 - p0) * 0.4, 10);
    const [lo, hi] = POWER_CURVES.cases.tier.interval95;
    expect(w.estimate?.interval95.factors).toEqual([lo, hi]);
    expect(w.uncertaintyJ).toBeCloseTo((energy * (hi - lo)) / (2 * 1.96), 10);
    expect(w.durationS).toBe(1);
    expect(w.estimate).toMatchObject({
      cpuModel: 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
      microarchitecture: 'Intel Xeon Scalable 2nd gen (Cascade Lake)',
      powerModelRow: 'specpower-tier-intel-xeon-sp-gen2',
      vcpus: 2,
      processCpuS: 0.6,
      busyCpuS: 1.5,
    });
    expect(w.estimate?.utilisation).toBeCloseTo(0.75, 12);
    expect(w.estimate?.vmPowerW).toBeCloseTo(p75, 12);
    expect(w.notes.join('\n')).toMatch(/share 40\.0%/);
    expect(meter.description).toMatch(/^Estimate \(not measured\)/);
  });

  it('assumes the process is the only load when /proc/stat is unreadable, and says so', () => {
    const model = resolvePowerModel(null, {});
    const w = estimateWindow({ model, vcpus: 4, durationS: 2, processCpuS: 2, statStart: null, statEnd: null });
    // The curve for unknown CPUs; u = 2 CPU-s / (4 × 2 s) = 0.25 (halfway between 20% and 30%); share 1.
    const c = POWER_CURVES.fallback.wattsPerThread;
    const p0 = 4 * c[0];
    const p25 = 4 * ((c[2] + c[3]) / 2);
    expect(w.energyJ).toBeCloseTo(p0 * 2 + (p25 - p0) * 2, 10);
    expect(model.rowId).toBe('specpower-unknown');
    expect(w.estimate?.interval95.factors).toEqual(POWER_CURVES.cases.unknown.interval95);
    expect(w.notes.join(' ')).toMatch(/assumed this process was the only load/);
    expect(w.notes.join(' ')).toMatch(/CPU model unknown/);
  });

  const raplPresentOrNoProc = existsSync('/sys/class/powercap') || !existsSync('/proc/cpuinfo');
  (raplPresentOrNoProc ? it.skip : it)(
    'on this VM without RAPL, auto reports method estimate with the CPU model and power row (skipped where RAPL exists)',
    async () => {
      const opened = await openMeter('auto', { env: {}, power: {} });
      expect(opened.meter.method).toBe('estimate');
      const realModel = parseCpuInfo(readFileSync('/proc/cpuinfo', 'utf8')).modelName;
      expect(opened.notices.join('\n')).toContain(`Detected CPU: ${realModel}`);
      expect(opened.notices.join('\n')).toMatch(
        /Power model: SPECpower .*95% interval −\d+%\/\+\d+% of the figure, from leave-one-server-out validation/,
      );
      const token = await opened.meter.begin();
      const w = await opened.meter.end(token);
      expect(w.method).toBe('estimate');
      expect(w.estimate?.cpuModel).toBe(realModel);
      expect(w.estimate?.powerModelRow).toMatch(/^[a-z0-9-]+$/);
      await opened.meter.close();
    },
  );
});

describe('power models', () => {
  it('uses the SPECpower curve of the EPYC 7763 (GitHub runners), scaled by vCPUs', () => {
    const cpu = parseCpuInfo(
      cpuinfoText(4, { vendor_id: 'AuthenticAMD', 'cpu family': 25, model: 1, 'model name': 'AMD EPYC 7763 64-Core Processor' }),
    );
    const m = resolvePowerModel(cpu, {});
    const c = POWER_CURVES.models['amd epyc 7763'].wattsPerThread;
    expect(m.rowId).toBe('specpower-model-amd-epyc-7763');
    expect(vmPowerW(m.model, 0, 4)).toBeCloseTo(4 * c[0], 10);
    expect(vmPowerW(m.model, 0.5, 4)).toBeCloseTo(4 * c[5], 10);
    // halfway between the 20% and 30% points
    expect(vmPowerW(m.model, 0.25, 4)).toBeCloseTo(4 * ((c[2] + c[3]) / 2), 10);
    expect(vmPowerW(m.model, 0.5, 2)).toBeCloseTo(2 * c[5], 10);
    expect(m.interval95.validated).toBe(true);
  });

  it("uses the budget file's TDP with the Boavizta/Teads curve", () => {
    const m = resolvePowerModel(null, { cpuTdpW: 100 });
    expect(m.rowId).toBe('boavizta-tdp-curve');
    // 30% lies between 10% → 0.32 and 50% → 0.75: 0.32 + 0.5 × 0.43 = 0.535 of TDP
    expect(vmPowerW(m.model, 0.3, 8)).toBeCloseTo(53.5, 10);
    expect(vmPowerW(m.model, 0, 8)).toBeCloseTo(12, 10);
    expect(m.interval95.validated).toBe(false);
    expect(m.interval95.derivedFrom).toMatch(/assumed .* not validated/);
  });

  it("uses the budget file's idle and full-load watts for the whole machine", () => {
    const m = resolvePowerModel(null, { idleW: 10, maxW: 50 });
    expect(m.rowId).toBe('budget-file');
    expect(vmPowerW(m.model, 0.25, 64)).toBe(20);
  });

  it('rejects half or inconsistent power settings with a message naming the field', () => {
    expect(() => resolvePowerModel(null, { idleW: 10 })).toThrow(InputError);
    expect(() => resolvePowerModel(null, { idleW: 10 })).toThrow(/sets power.idle-watts but not power.max-watts/);
    expect(() => resolvePowerModel(null, { idleW: 50, maxW: 10 })).toThrow(/below power.idle-watts/);
    expect(() => resolvePowerModel(null, { cpuTdpW: -5 })).toThrow(/cpuTdpW is -5/);
  });

  it.each([
    ['AMD EPYC 7763 64-Core Processor', {}, 'specpower-model-amd-epyc-7763'],
    ['AMD EPYC 7B12', {}, 'specpower-tier-amd-epyc-zen2'],
    ['AMD EPYC 7R13 Processor', {}, 'specpower-tier-amd-epyc-zen3'],
    ['AMD EPYC 9654 96-Core Processor', {}, 'specpower-model-amd-epyc-9654'],
    ['AMD EPYC', { vendor_id: 'AuthenticAMD', 'cpu family': 25, model: 1, stepping: 1 }, 'specpower-tier-amd-epyc-zen3'],
    ['AMD EPYC', { vendor_id: 'AuthenticAMD', 'cpu family': 25, model: 17, stepping: 1 }, 'specpower-tier-amd-epyc-zen4'],
    ['Intel(R) Xeon(R) CPU E5-2673 v4 @ 2.30GHz', {}, 'specpower-tier-intel-broadwell'],
    ['Intel(R) Xeon(R) CPU E5-2673 v3 @ 2.40GHz', {}, 'specpower-tier-intel-haswell'],
    ['Intel(R) Xeon(R) Platinum 8171M CPU @ 2.60GHz', {}, 'specpower-tier-intel-xeon-sp-gen1'],
    ['Intel(R) Xeon(R) Platinum 8280 CPU @ 2.70GHz', {}, 'specpower-model-intel-xeon-8280'],
    [
      'Intel(R) Xeon(R) Processor',
      { vendor_id: 'GenuineIntel', 'cpu family': 6, model: 85, stepping: 7 },
      'specpower-tier-intel-xeon-sp-gen2',
    ],
    [
      'Intel(R) Xeon(R) Processor',
      { vendor_id: 'GenuineIntel', 'cpu family': 6, model: 85, stepping: 4 },
      'specpower-tier-intel-xeon-sp-gen1',
    ],
    [
      'Intel(R) Xeon(R) Processor',
      { vendor_id: 'GenuineIntel', 'cpu family': 6, model: 207, stepping: 2 },
      'specpower-tier-intel-xeon-sp-gen5',
    ],
    ['Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz', {}, 'specpower-tier-intel-xeon-sp-gen3'],
    ['Some Future CPU', {}, 'specpower-unknown'],
  ])('%s %j → %s', (name, extra, row) => {
    const cpu = parseCpuInfo(cpuinfoText(2, { ...extra, 'model name': name }));
    expect(resolvePowerModel(cpu, {}).rowId).toBe(row);
  });

  it('says how the family was recognised when the VM hides the model name', () => {
    const cpu = parseCpuInfo(
      cpuinfoText(2, {
        vendor_id: 'GenuineIntel',
        'cpu family': 6,
        model: 207,
        'model name': 'Intel(R) Xeon(R) Processor',
        stepping: 2,
      }),
    );
    const m = resolvePowerModel(cpu, {});
    expect(m.microarchitecture).toBe('Intel Xeon Scalable 5th gen (Emerald Rapids)');
    expect(m.notes.join(' ')).toMatch(
      /No SPECpower_ssj2008 results for this CPU model; .*Emerald Rapids.*recognised by CPUID family\/model/,
    );
  });

  it('recognises Graviton2 (Neoverse N1) from the Arm CPU part', () => {
    const cpu = parseCpuInfo('processor\t: 0\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n');
    expect(resolvePowerModel(cpu, {}).rowId).toBe('specpower-tier-arm-neoverse-n1');
  });

  it('every row of data/power-models.json (TDP curve, cross-checks) cites a source and a year', () => {
    for (const [id, row] of Object.entries(POWER_MODELS.rows)) {
      expect([id, row.source.length > 20]).toEqual([id, true]);
      expect(row.year).toBeGreaterThanOrEqual(2015);
      expect(row.relativeUncertainty).toBeGreaterThan(0);
    }
  });
});

describe('procfs parsers', () => {
  it('reads busy and total ticks, excluding guest time and counting steal as not busy', () => {
    const s = parseProcStat('cpu  10 2 3 80 5 1 1 4 7 0\ncpu0 1 1 1 1 1 1 1 1 1 1\ncpu1 1 1 1 1 1 1 1 1 1 1\n');
    expect(s).toEqual({ busyTicks: 10 + 2 + 3 + 1 + 1, totalTicks: 17 + 80 + 5 + 4, cpus: 2 });
    expect(parseProcStat('intr 1\n')).toBeNull();
  });

  it('reads the model name, CPUID signature and processor count', () => {
    const c = parseCpuInfo(cpuinfoText(3, AZURE_CASCADE_LAKE));
    expect(c).toMatchObject({
      modelName: 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
      vendor: 'GenuineIntel',
      family: 6,
      model: 85,
      stepping: 7,
      logicalCpus: 3,
    });
  });
});
