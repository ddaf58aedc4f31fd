import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { CARBON_INTENSITY, carbonFor, EMBODIED, hostEmbodiedKg } from '../../src/energy/carbon.js';
import { combineWindows } from '../../src/energy/combined.js';
import { formatCarbon, formatEnergy, formatPower } from '../../src/energy/format.js';
import { applyIdle, measureIdle } from '../../src/energy/idle.js';
import { PowerTrace } from '../../src/energy/integrate.js';
import { openMeter } from '../../src/energy/open.js';
import { isEstimated, joulesPer } from '../../src/energy/units.js';
import type { EnergyWindow } from '../../src/energy/types.js';
import { InputError } from '../../src/errors.js';
import { fakeClock, fakePowercap, fakeTicker, setEnergy, tempDir } from './helpers.js';

describe('carbon', () => {
  it('operational and embodied, computed by hand', () => {
    // 1 kWh for one hour on 2 vCPUs, world average 480 gCO2e/kWh (Ember 2024).
    const c = carbonFor({ energyJ: 3.6e6, durationS: 3600, settings: {}, env: {}, vcpus: 2 });
    expect(c.operationalG).toBeCloseTo(480, 10);
    // Host: 1000 + 100 × 1 + 1.388 × (384 − 16) = 1610.784 kgCO2e over 4 × 365.25 × 86400 s;
    // one hour of 2 of 96 vCPUs: 1,610,784 g × 3600 / 126,230,400 × 2 / 96 = 0.957052… g.
    expect(hostEmbodiedKg()).toBeCloseTo(1610.784, 9);
    expect(c.embodiedG).toBeCloseTo((1_610_784 * 3600) / 126_230_400 / 48, 9);
    expect(c.embodiedG).toBeCloseTo(0.95705, 4);
    expect(c.totalG).toBeCloseTo(c.operationalG + c.embodiedG, 12);
    expect(c.intensitySource).toMatch(
      /world average, as the budget file sets no carbon region or intensity: Ember, Global Electricity Review 2024.*2023/,
    );
    expect(c.estimated).toEqual({ energy: false, intensity: true, embodied: true });
    expect(c.embodiedSource).toMatch(/1611 kgCO2e .* 4 years, 2 of 96 vCPUs/);
  });

  it('uses the region table, the budget number, or the environment, in that order', () => {
    const fr = carbonFor({ energyJ: 3.6e6, durationS: 0, settings: { region: 'fr' }, env: {}, vcpus: 1 });
    expect(fr.intensityGPerKWh).toBe(56);
    expect(fr.intensitySource).toMatch(/^France \(carbon.region FR\): Ember and Energy Institute .* \(lifecycle, 2023\)/);
    expect(fr.embodiedG).toBe(0);
    const own = carbonFor({
      energyJ: 3.6e6,
      durationS: 0,
      settings: { region: 'FR', carbonIntensityGPerKWh: 100 },
      env: { ENERGY_BUDGET_CARBON_INTENSITY: '200' },
      vcpus: 1,
    });
    expect(own.operationalG).toBe(100);
    expect(own.estimated.intensity).toBe(false);
    const env = carbonFor({
      energyJ: 3.6e6,
      durationS: 0,
      settings: { region: 'FR' },
      env: { ENERGY_BUDGET_CARBON_INTENSITY: '200' },
      vcpus: 1,
    });
    expect(env.operationalG).toBe(200);
  });

  it('an unknown region falls back to the world average with a note saying how to fix it', () => {
    const c = carbonFor({ energyJ: 3.6e6, durationS: 0, settings: { region: 'XX' }, env: {}, vcpus: 1 });
    expect(c.intensityGPerKWh).toBe(480);
    expect(c.notes.join(' ')).toMatch(/Region "XX" is not in data\/carbon-intensity\.json .* Set the grid intensity/);
  });

  it('rejects a negative or non-numeric intensity', () => {
    expect(() => carbonFor({ energyJ: 1, durationS: 1, settings: { carbonIntensityGPerKWh: -1 }, env: {} })).toThrow(InputError);
    expect(() => carbonFor({ energyJ: 1, durationS: 1, settings: {}, env: { ENERGY_BUDGET_CARBON_INTENSITY: 'lots' } })).toThrow(
      /ENERGY_BUDGET_CARBON_INTENSITY is "lots"/,
    );
  });

  it('every intensity and embodied coefficient cites a source and a year', () => {
    for (const [code, r] of Object.entries(CARBON_INTENSITY.regions)) {
      expect([code, r.source.length > 20, r.year >= 2019, r.gPerKWh >= 0]).toEqual([code, true, true, true]);
    }
    for (const c of Object.values(EMBODIED.server)) expect(c.source.length > 20 && c.year >= 2019).toBe(true);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0 J'],
    [1.23e-6, '1.23 µJ'],
    [0.000812, '812 µJ'],
    [0.00123, '1.23 mJ'],
    [0.9996, '1 J'],
    [4.5, '4.5 J'],
    [12_345, '12.3 kJ'],
    [2e-10, '0.2 nJ'],
  ])('formatEnergy(%p) = %p', (j, text) => {
    expect(formatEnergy(j)).toBe(text);
  });

  it('formats carbon and power', () => {
    expect(formatCarbon(0.0042)).toBe('4.2 mg CO2e');
    expect(formatCarbon(1500)).toBe('1.5 kg CO2e');
    expect(formatPower(6.275)).toBe('6.28 W');
  });
});

describe('per-unit energy', () => {
  const w: EnergyWindow = { energyJ: 2, attributableJ: 0.5, domainsJ: {}, durationS: 1, method: 'rapl', notes: [] };
  it('divides gross or attributable joules by a count', () => {
    expect(joulesPer(w, 1000)).toBe(0.002);
    expect(joulesPer(w, 1000) * 1000).toBe(2); // per 1,000 inferences
    expect(joulesPer(w, 1000, true)).toBe(0.0005);
    expect(joulesPer(w, 0)).toBeNaN();
    expect(isEstimated(w)).toBe(false);
    expect(isEstimated({ ...w, method: 'estimate+nvml' })).toBe(true);
  });
});

describe('idle baseline', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('measures idle watts with an injected sleep and gives the attributable energy', async () => {
    fakePowercap(dir, [{ zone: 'intel-rapl:0', name: 'package-0', energyUj: 0 }]);
    const clock = fakeClock();
    const opened = await openMeter('rapl', { sysfsRoot: dir, env: {}, power: {}, clockNs: clock.clockNs, ticker: fakeTicker() });
    const slept: number[] = [];
    const baseline = await measureIdle(opened.meter, 2, async (s) => {
      slept.push(s);
      setEnergy(dir, 'intel-rapl:0', 20_000_000); // 20 J in 2 s: 10 W idle
      clock.set(2);
    });
    expect(slept).toEqual([2]);
    expect(baseline).toMatchObject({ idleW: 10, durationS: 2, measured: true });

    const token = await opened.meter.begin();
    setEnergy(dir, 'intel-rapl:0', 65_000_000); // 45 J in 3 s
    clock.set(5);
    const w = applyIdle(await opened.meter.end(token), baseline);
    expect(w.energyJ).toBe(45);
    expect(w.idleW).toBe(10);
    expect(w.idleMeasured).toBe(true);
    expect(w.attributableJ).toBe(15); // 45 − 10 W × 3 s
    await opened.meter.close();
  });

  it('takes the modelled idle power of the estimate without sleeping', async () => {
    const opened = await openMeter('estimate', {
      sysfsRoot: dir,
      procRoot: dir,
      env: {},
      power: { idleW: 12, maxW: 40 },
      vcpus: 2,
    });
    const baseline = await measureIdle(opened.meter, 5, async () => {
      throw new Error('must not sleep');
    });
    expect(baseline).toEqual({ idleW: 12, durationS: 0, measured: false });
  });
});

describe('combining and integrating', () => {
  it('adds parts, merges domains and adds uncertainties in quadrature', () => {
    const cpu: EnergyWindow = {
      energyJ: 3,
      domainsJ: { 'package-0': 3 },
      durationS: 1,
      method: 'rapl',
      estimated: false,
      uncertaintyJ: 3,
      idleW: 1,
      attributableJ: 2,
      notes: ['a'],
    };
    const gpu: EnergyWindow = {
      energyJ: 4,
      domainsJ: { 'gpu-0': 4 },
      durationS: 1.01,
      method: 'nvml',
      estimated: false,
      uncertaintyJ: 4,
      idleW: 2,
      attributableJ: 2,
      notes: ['b'],
    };
    const w = combineWindows([cpu, gpu]);
    expect(w).toMatchObject({
      energyJ: 7,
      domainsJ: { 'package-0': 3, 'gpu-0': 4 },
      method: 'rapl+nvml',
      estimated: false,
      uncertaintyJ: 5,
      idleW: 3,
      attributableJ: 4,
      durationS: 1.01,
      notes: ['a', 'b'],
    });
  });

  it('integrates a power trace with the trapezoid rule, holding power outside the samples', () => {
    const t = new PowerTrace();
    t.add(1_000_000_000n, 10);
    t.add(3_000_000_000n, 30);
    expect(t.integrate(0n, 4_000_000_000n)).toBeCloseTo(10 + 40 + 30, 12);
    expect(t.powerAt(2_000_000_000n)).toBe(20);
    t.prune(3_000_000_000n);
    expect(t.length).toBe(1);
  });
});

describe('carbon regions as the docs list them (#26 item 5)', () => {
  it('US is the US average and the eGRID regions validate and resolve to their own rows', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    const at = (region: string) =>
      carbonFor({
        energyJ: 3.6e6,
        durationS: 0,
        settings: parseConfig(`version: 1\nmodels: [{ name: m, path: m.onnx }]\ncarbon: { region: ${region} }\n`, '/p/e.yml')
          .power,
        env: {},
        vcpus: 1,
      });
    const us = at('US');
    expect(us.intensityGPerKWh).toBeCloseTo(387.4, 1);
    expect(us.intensitySource).toMatch(
      /^United States \(national average\) \(carbon.region US\): US Energy Information Administration/,
    );
    const seen = new Set<number>([us.intensityGPerKWh]);
    for (const r of ['US-SERC', 'US-RFC', 'US-WECC']) {
      const c = at(r);
      expect(c.intensitySource).toContain(`carbon.region ${r}`);
      expect(c.intensityGPerKWh).not.toBe(480);
      seen.add(c.intensityGPerKWh);
    }
    expect(seen.size).toBe(4);
  });

  it('a region the table lacks is a configuration error naming the close match and the fix', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    expect(() =>
      parseConfig('version: 1\nmodels: [{ name: m, path: m.onnx }]\ncarbon: { region: US-SERK }\n', '/p/e.yml'),
    ).toThrow(
      /carbon.region: `US-SERK` is not a region with a grid intensity .*did you mean `US-SERC`\?.*give `intensity` in gCO2e\/kWh/s,
    );
  });
});
