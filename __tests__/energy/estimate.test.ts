import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCpuInfo, parseProcStat } from '../../src/energy/cpu.js';
import { estimateWindow } from '../../src/energy/estimate.js';
import { openMeter } from '../../src/energy/open.js';
import { identifyCpu, POWER_MODELS, resolvePowerModel, vmPowerW } from '../../src/energy/power-model.js';
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
    expect(opened.notices.join('\n')).toContain('Power model: ccf-cascade-lake');

    const token = await meter.begin();
    // One second later: the machine was busy 150 of 200 ticks (u = 0.75), 1.5 busy CPU-s in all;
    // this process used 0.6 CPU-s of them (share 0.4).
    writeFileSync(join(proc, 'stat'), statText(1100, 550, 8050, 2));
    cpuUs += 600_000;
    clock.set(1);
    const w = await meter.end(token);

    // By hand, CCF Cascade Lake: 0.64 W idle, 3.97 W full load per vCPU, 2 vCPUs.
    //   P(0)    = 2 × 0.64                      = 1.28 W
    //   P(0.75) = 2 × (0.64 + 0.75 × 3.33)      = 6.275 W
    //   energy  = 1.28 × 1 + (6.275 − 1.28) × 1 × 0.4 = 1.28 + 1.998 = 3.278 J
    expect(w.method).toBe('estimate');
    expect(w.estimated).toBe(true);
    expect(w.energyJ).toBeCloseTo(3.278, 10);
    expect(w.domainsJ).toEqual({ 'cpu-vm-share': w.energyJ });
    expect(w.idleW).toBeCloseTo(1.28, 12);
    expect(w.idleMeasured).toBe(false);
    expect(w.attributableJ).toBeCloseTo(1.998, 10);
    expect(w.uncertaintyJ).toBeCloseTo(0.3 * 3.278, 10);
    expect(w.durationS).toBe(1);
    expect(w.estimate).toMatchObject({
      cpuModel: 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
      microarchitecture: 'Cascade Lake',
      powerModelRow: 'ccf-cascade-lake',
      vcpus: 2,
      processCpuS: 0.6,
      busyCpuS: 1.5,
    });
    expect(w.estimate?.utilisation).toBeCloseTo(0.75, 12);
    expect(w.estimate?.vmPowerW).toBeCloseTo(6.275, 12);
    expect(w.notes.join('\n')).toMatch(/share 40\.0%/);
    expect(meter.description).toMatch(/^Estimate \(not measured\)/);
  });

  it('assumes the process is the only load when /proc/stat is unreadable, and says so', () => {
    const model = resolvePowerModel(null, {});
    const w = estimateWindow({ model, vcpus: 4, durationS: 2, processCpuS: 2, statStart: null, statEnd: null });
    // Default row 0.74–3.5 W per vCPU; u = 2 CPU-s / (4 × 2 s) = 0.25; share 1.
    //   P(0) = 2.96 W; P(0.25) = 4 × (0.74 + 0.25 × 2.76) = 5.72 W; energy = 2.96×2 + 2.76×2 = 11.44 J
    expect(w.energyJ).toBeCloseTo(11.44, 10);
    expect(w.uncertaintyJ).toBeCloseTo(0.5 * 11.44, 10);
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
      expect(opened.notices.join('\n')).toMatch(/Power model: [a-z0-9-]+ — /);
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
  it('interpolates the Eco-CI curve for GitHub EPYC 7763 runners, scaled by vCPUs', () => {
    const cpu = parseCpuInfo(
      cpuinfoText(4, { vendor_id: 'AuthenticAMD', 'cpu family': 25, model: 1, 'model name': 'AMD EPYC 7763 64-Core Processor' }),
    );
    const m = resolvePowerModel(cpu, {});
    expect(m.rowId).toBe('eco-ci-github-epyc-7763-4vcpu');
    expect(vmPowerW(m.model, 0, 4)).toBeCloseTo(1.7586, 4);
    expect(vmPowerW(m.model, 0.5, 4)).toBeCloseTo(5.1641, 4);
    // halfway between the 20% (3.9247 W) and 25% (4.0576 W) points
    expect(vmPowerW(m.model, 0.225, 4)).toBeCloseTo((3.9247 + 4.0576) / 2, 4);
    expect(vmPowerW(m.model, 0.5, 2)).toBeCloseTo(5.1641 / 2, 4);
  });

  it("uses the budget file's TDP with the Boavizta/Teads curve", () => {
    const m = resolvePowerModel(null, { cpuTdpW: 100 });
    expect(m.rowId).toBe('boavizta-tdp-curve');
    // 30% lies between 10% → 0.32 and 50% → 0.75: 0.32 + 0.5 × 0.43 = 0.535 of TDP
    expect(vmPowerW(m.model, 0.3, 8)).toBeCloseTo(53.5, 10);
    expect(vmPowerW(m.model, 0, 8)).toBeCloseTo(12, 10);
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
    ['AMD EPYC 7763 64-Core Processor', {}, 'eco-ci-github-epyc-7763-4vcpu'],
    ['AMD EPYC 7B12', {}, 'ccf-epyc-2nd-gen'],
    ['AMD EPYC 7R13 Processor', {}, 'ccf-epyc-3rd-gen'],
    ['AMD EPYC 7551 32-Core Processor', {}, 'ccf-epyc-1st-gen'],
    ['Intel(R) Xeon(R) CPU E5-2673 v4 @ 2.30GHz', {}, 'ccf-broadwell'],
    ['Intel(R) Xeon(R) CPU E5-2673 v3 @ 2.40GHz', {}, 'ccf-haswell'],
    ['Intel(R) Xeon(R) Platinum 8171M CPU @ 2.60GHz', {}, 'ccf-skylake'],
    ['Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz', {}, 'ccf-cascade-lake'],
    ['Intel(R) Xeon(R) Processor', { vendor_id: 'GenuineIntel', 'cpu family': 6, model: 85, stepping: 7 }, 'ccf-cascade-lake'],
    ['Intel(R) Xeon(R) Processor', { vendor_id: 'GenuineIntel', 'cpu family': 6, model: 85, stepping: 4 }, 'ccf-skylake'],
    ['Intel(R) Xeon(R) Processor', { vendor_id: 'GenuineIntel', 'cpu family': 6, model: 207, stepping: 2 }, 'ccf-aws-average'],
    ['Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz', {}, 'ccf-aws-average'],
    ['Some Future CPU', {}, 'ccf-aws-average'],
  ])('%s %j → %s', (name, extra, row) => {
    const cpu = parseCpuInfo(cpuinfoText(2, { ...extra, 'model name': name }));
    expect(resolvePowerModel(cpu, {}).rowId).toBe(row);
  });

  it('names the microarchitecture and says why the default row is used when it has no figures', () => {
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
    expect(m.microarchitecture).toBe('Emerald Rapids');
    expect(m.notes.join(' ')).toMatch(/No published per-vCPU power figures for Emerald Rapids .* default row ccf-aws-average/);
  });

  it('recognises Graviton2 from the Arm CPU part', () => {
    const cpu = parseCpuInfo('processor\t: 0\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n');
    expect(identifyCpu(cpu)?.row).toBe('ccf-graviton2');
  });

  it('every row cites a source and a year, and every rule points at a row', () => {
    for (const [id, row] of Object.entries(POWER_MODELS.rows)) {
      expect([id, row.source.length > 20]).toEqual([id, true]);
      expect(row.year).toBeGreaterThanOrEqual(2015);
      expect(row.relativeUncertainty).toBeGreaterThan(0);
    }
    const rules = [...POWER_MODELS.modelNameRules, ...POWER_MODELS.cpuidRules, ...POWER_MODELS.armRules];
    for (const rule of rules) if (rule.row !== null) expect(POWER_MODELS.rows[rule.row]).toBeDefined();
    expect(POWER_MODELS.rows[POWER_MODELS.defaultRow]).toBeDefined();
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
