/**
 * Idle baseline: how much the measured domains draw when the workload is not running, so a
 * report can show both the gross energy and the energy attributable to the workload.
 */
import { InputError } from '../errors.js';
import type { EnergyMeter, EnergyWindow } from './types.js';

/** Idle power of a meter's domains. */
export interface IdleBaseline {
  /** Watts. */
  idleW: number;
  /** How long idle was measured, seconds (0 when modelled). */
  durationS: number;
  /** False when the power model supplied idle power (the estimate) instead of a measurement. */
  measured: boolean;
  /** The idle window itself, when measured. */
  window?: EnergyWindow;
}

/**
 * Measures idle power: opens a window, waits `durationS` with the injected `sleep`, and divides
 * the energy by the window's duration. For the estimate meter, whose idle power comes from its
 * model, returns the modelled figure without waiting.
 * @throws InputError when durationS is not positive; EnvironmentError when the meter fails.
 */
export async function measureIdle(
  meter: EnergyMeter,
  durationS: number,
  sleep: (seconds: number) => Promise<void>,
): Promise<IdleBaseline> {
  if (meter.method === 'estimate' && meter.modelledIdleW !== undefined) {
    return { idleW: meter.modelledIdleW, durationS: 0, measured: false };
  }
  if (!(durationS > 0)) {
    throw new InputError('ARGUMENT_INVALID', `The idle measurement needs a positive duration in seconds; got ${durationS}.`);
  }
  const token = await meter.begin();
  await sleep(durationS);
  const window = await meter.end(token);
  const idleW = window.durationS > 0 ? window.energyJ / window.durationS : 0;
  return { idleW, durationS: window.durationS, measured: !window.estimated, window };
}

/** The window with idle power applied: attributableJ = energyJ − idleW × durationS, ≥ 0. */
export function applyIdle(window: EnergyWindow, baseline: IdleBaseline): EnergyWindow {
  return {
    ...window,
    idleW: baseline.idleW,
    idleMeasured: baseline.measured,
    attributableJ: Math.max(0, window.energyJ - baseline.idleW * window.durationS),
  };
}

/** A meter whose windows carry the idle baseline (idleW and attributableJ). */
export function withIdleBaseline(meter: EnergyMeter, baseline: IdleBaseline): EnergyMeter {
  return {
    get method() {
      return meter.method;
    },
    get description() {
      return `${meter.description}; idle ${baseline.idleW.toFixed(2)} W ${baseline.measured ? `measured over ${baseline.durationS.toFixed(1)} s` : 'from the power model'}`;
    },
    get modelledIdleW() {
      return meter.modelledIdleW;
    },
    begin: () => meter.begin(),
    end: async (token) => applyIdle(await meter.end(token), baseline),
    close: () => meter.close(),
  };
}
