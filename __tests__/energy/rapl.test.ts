import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFs, type EnergyFs } from '../../src/energy/adapters.js';
import { openMeter } from '../../src/energy/open.js';
import { probeRapl, RaplMeter, raplSampleIntervalMs, type RaplDomain } from '../../src/energy/rapl.js';
import { EnvironmentError } from '../../src/errors.js';
import { fakeClock, fakePowercap, fakeTicker, setEnergy, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

async function openRapl(fs: EnergyFs = nodeFs) {
  const probe = await probeRapl(dir, fs);
  if (!probe.ok) throw new Error(probe.message);
  const clock = fakeClock();
  const ticker = fakeTicker();
  const meter = new RaplMeter(probe.domains, { fs, clockNs: clock.clockNs, ticker });
  return { probe, meter, clock, ticker };
}

describe('RAPL powercap reader', () => {
  it('counts every package and its DRAM, never the nested core/uncore subzones', async () => {
    fakePowercap(dir, [
      { zone: 'intel-rapl:0', name: 'package-0', energyUj: 1_000_000 },
      { zone: 'intel-rapl:0:0', name: 'core', energyUj: 500_000 },
      { zone: 'intel-rapl:0:1', name: 'uncore', energyUj: 100 },
      { zone: 'intel-rapl:0:2', name: 'dram', energyUj: 20_000 },
      { zone: 'intel-rapl:1', name: 'package-1', energyUj: 3_000_000 },
      { zone: 'intel-rapl:1:0', name: 'dram', energyUj: 40_000 },
    ]);
    const { probe, meter, clock } = await openRapl();
    expect(probe.ok && probe.domains.map((d) => d.key)).toEqual(['package-0', 'dram-0', 'package-1', 'dram-1']);
    expect(probe.ok && probe.notes.join(' ')).toMatch(/intel-rapl:0:0 \(core\) is inside its package/);

    const token = await meter.begin();
    setEnergy(dir, 'intel-rapl:0', 3_500_000); // +2.5 J
    setEnergy(dir, 'intel-rapl:0:0', 2_500_000); // +2 J inside the package: not added again
    setEnergy(dir, 'intel-rapl:0:2', 270_000); // +0.25 J
    setEnergy(dir, 'intel-rapl:1', 4_000_000); // +1 J
    setEnergy(dir, 'intel-rapl:1:0', 90_000); // +0.05 J
    clock.set(2);
    const w = await meter.end(token);
    expect(w.method).toBe('rapl');
    expect(w.estimated).toBe(false);
    expect(w.domainsJ).toEqual({ 'package-0': 2.5, 'dram-0': 0.25, 'package-1': 1, 'dram-1': 0.05 });
    expect(w.energyJ).toBeCloseTo(3.8, 12);
    expect(w.durationS).toBe(2);
    expect(w.uncertaintyJ).toBeLessThan(0.001);
    expect(meter.description).toBe('RAPL package-0 + dram-0 + package-1 + dram-1 (powercap)');
    await meter.close();
  });

  it('works without a DRAM domain (client CPUs, AMD)', async () => {
    fakePowercap(dir, [
      { zone: 'intel-rapl:0', name: 'package-0', energyUj: 10 },
      { zone: 'intel-rapl:0:0', name: 'core', energyUj: 10 },
    ]);
    const { probe, meter } = await openRapl();
    expect(probe.ok && probe.domains.map((d) => d.key)).toEqual(['package-0']);
    const token = await meter.begin();
    setEnergy(dir, 'intel-rapl:0', 1_000_010);
    const w = await meter.end(token);
    expect(w.domainsJ).toEqual({ 'package-0': 1 });
  });

  it('corrects one wrap with max_energy_range_uj', async () => {
    fakePowercap(dir, [{ zone: 'intel-rapl:0', name: 'package-0', energyUj: 900_000, maxRangeUj: 1_000_000 }]);
    const { meter } = await openRapl();
    const token = await meter.begin();
    setEnergy(dir, 'intel-rapl:0', 100_000);
    const w = await meter.end(token);
    // (1,000,000 − 900,000) + 100,000 µJ
    expect(w.energyJ).toBeCloseTo(0.2, 12);
    expect(w.notes.join(' ')).toMatch(/wrapped 1×/);
  });

  it('corrects two wraps in a long window from the periodic samples', async () => {
    fakePowercap(dir, [{ zone: 'intel-rapl:0', name: 'package-0', energyUj: 900_000, maxRangeUj: 1_000_000 }]);
    const { meter, ticker } = await openRapl();
    const token = await meter.begin();
    expect(ticker.running).toBe(1);
    expect(ticker.intervals).toEqual([meter.sampleIntervalMs]);
    setEnergy(dir, 'intel-rapl:0', 300_000); // wrap 1: +400,000
    ticker.tick();
    await meter.sample(); // flush the queued tick (a second read of the same value adds 0)
    setEnergy(dir, 'intel-rapl:0', 800_000); // +500,000
    ticker.tick();
    await meter.sample();
    setEnergy(dir, 'intel-rapl:0', 100_000); // wrap 2: +300,000
    const w = await meter.end(token);
    expect(w.energyJ).toBeCloseTo(1.2, 12);
    expect(w.notes.join(' ')).toMatch(/wrapped 2×/);
    expect(ticker.running).toBe(0);
  });

  it('samples often enough that no counter can wrap twice between samples', () => {
    const d = (maxRangeUj: number, kind: RaplDomain['kind'] = 'package'): RaplDomain => ({
      key: 'k',
      kind,
      zone: 'z',
      dir: '/',
      maxRangeUj,
    });
    // 262,143 J at 500 W wraps after 524 s; a quarter is 131 s, capped at 60 s.
    expect(raplSampleIntervalMs([d(262_143_328_850)])).toBe(60_000);
    // 65,532 J at 500 W: 131 s → 32.7 s.
    expect(raplSampleIntervalMs([d(65_532_610_987)])).toBe(32_766);
    // The shortest range decides.
    expect(raplSampleIntervalMs([d(262_143_328_850), d(16_383_000_000, 'dram')])).toBe(20_478);
    // Tiny ranges are clamped at 10 ms.
    expect(raplSampleIntervalMs([d(1_000_000)])).toBe(10);
  });

  it('counts an MMIO zone once when the MSR zone reports the same package', async () => {
    fakePowercap(dir, [
      { zone: 'intel-rapl:0', name: 'package-0', energyUj: 0 },
      { zone: 'intel-rapl-mmio:0', name: 'package-0', energyUj: 0 },
    ]);
    const probe = await probeRapl(dir);
    expect(probe.ok && probe.domains.map((d) => d.zone)).toEqual(['intel-rapl:0']);
    expect(probe.ok && probe.notes.join(' ')).toMatch(/intel-rapl-mmio:0 duplicates intel-rapl:0/);
  });

  it('uses an MMIO zone when it is the only one', async () => {
    fakePowercap(dir, [{ zone: 'intel-rapl-mmio:0', name: 'package-0', energyUj: 5 }]);
    const { probe, meter } = await openRapl();
    expect(probe.ok && probe.domains.map((d) => d.zone)).toEqual(['intel-rapl-mmio:0']);
    const token = await meter.begin();
    setEnergy(dir, 'intel-rapl-mmio:0', 2_000_005);
    expect((await meter.end(token)).energyJ).toBe(2);
  });

  it('skips psys when packages are present, and uses it when it is the only domain', async () => {
    fakePowercap(dir, [
      { zone: 'intel-rapl:0', name: 'package-0' },
      { zone: 'intel-rapl:1', name: 'psys' },
    ]);
    const both = await probeRapl(dir);
    expect(both.ok && both.domains.map((d) => d.key)).toEqual(['package-0']);
    expect(both.ok && both.notes.join(' ')).toMatch(/psys .* not counted/);

    const { dir: dir2, cleanup: cleanup2 } = tempDir();
    try {
      fakePowercap(dir2, [{ zone: 'intel-rapl:0', name: 'psys' }]);
      const only = await probeRapl(dir2);
      expect(only.ok && only.domains.map((d) => d.key)).toEqual(['psys']);
    } finally {
      cleanup2();
    }
  });

  it('reports absence when there is no powercap folder (VMs)', async () => {
    const probe = await probeRapl(dir);
    expect(probe.ok).toBe(false);
    expect(!probe.ok && probe.reason).toBe('absent');
    expect(!probe.ok && probe.message).toMatch(/does not exist/);
  });

  it('fails the window with an EnvironmentError when a counter disappears mid-run', async () => {
    fakePowercap(dir, [{ zone: 'intel-rapl:0', name: 'package-0' }]);
    const { meter } = await openRapl();
    const token = await meter.begin();
    rmSync(join(dir, 'class', 'powercap', 'intel-rapl:0', 'energy_uj'));
    await expect(meter.end(token)).rejects.toBeInstanceOf(EnvironmentError);
  });
});

describe('RAPL permission denied (energy_uj root-only since CVE-2020-8694)', () => {
  // Tests run as root here, where chmod 000 does not stop reads; an injected reader raises the
  // same EACCES error node:fs raises for a non-root user.
  const denyingFs: EnergyFs = {
    readdir: nodeFs.readdir,
    readFile: async (path) => {
      if (path.endsWith('energy_uj'))
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return nodeFs.readFile(path);
    },
  };

  beforeEach(() => {
    fakePowercap(dir, [
      { zone: 'intel-rapl:0', name: 'package-0' },
      { zone: 'intel-rapl:0:0', name: 'dram' },
    ]);
  });

  it('says exactly how to grant read access', async () => {
    const probe = await probeRapl(dir, denyingFs);
    expect(probe.ok).toBe(false);
    expect(!probe.ok && probe.reason).toBe('permission');
    const message = !probe.ok ? probe.message : '';
    expect(message).toContain('CVE-2020-8694');
    expect(message).toContain('sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj');
    expect(message).toContain('setfacl');
    expect(message).toContain('SUBSYSTEM=="powercap"');
    expect(message).toContain(join(dir, 'class', 'powercap', 'intel-rapl:0', 'energy_uj'));
  });

  it('auto falls back to the labelled estimate with that notice', async () => {
    const opened = await openMeter('auto', {
      sysfsRoot: dir,
      env: {},
      power: {},
      fs: denyingFs,
      procRoot: join(dir, 'no-proc'),
      vcpus: 2,
    });
    expect(opened.meter.method).toBe('estimate');
    expect(opened.notices.join('\n')).toMatch(/sudo chmod o\+r/);
    expect(opened.notices.join('\n')).toMatch(/estimate meanwhile/);
  });

  it('an explicit rapl choice fails with exit code 3 and the fix', async () => {
    const error = await openMeter('rapl', { sysfsRoot: dir, env: {}, power: {}, fs: denyingFs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as EnvironmentError).code).toBe('METER_UNAVAILABLE');
    expect((error as Error).message).toMatch(/energy: rapl.*sudo chmod o\+r.*energy: auto/s);
  });

  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (runningAsRoot ? it.skip : it)('real file mode 000 (skipped when running as root: root reads any file)', async () => {
    chmodSync(join(dir, 'class', 'powercap', 'intel-rapl:0', 'energy_uj'), 0o000);
    const probe = await probeRapl(dir);
    expect(!probe.ok && probe.reason).toBe('permission');
  });
});

describe('openMeter explicit rapl without counters', () => {
  it('throws an EnvironmentError that names the budget setting and the alternative', async () => {
    const error = await openMeter('rapl', { sysfsRoot: dir, env: {}, power: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(/energy: rapl.*does not exist.*energy: auto/s);
  });

  it('reads ENERGY_BUDGET_SYSFS when no root is given', async () => {
    fakePowercap(dir, [{ zone: 'intel-rapl:0', name: 'package-0' }]);
    const opened = await openMeter('rapl', { env: { ENERGY_BUDGET_SYSFS: dir }, power: {} });
    expect(opened.meter.method).toBe('rapl');
    await opened.meter.close();
  });
});
