/**
 * The energy facade: open a meter, bracket windows, apply an idle baseline, turn joules into
 * carbon, format figures. See docs/energy.md.
 *
 *   const { meter, notices } = await openMeter(model.energy, { env, power, device });
 *   const token = await meter.begin();   // before the timed loop
 *   …
 *   const window = await meter.end(token); // after it
 *   await meter.close();
 */
export type { EnergyMeter, EnergyMethod, EnergyWindow, EstimateDetails, WindowToken } from './types.js';
export { openMeter, sysfsRootFrom, type OpenMeterOptions, type OpenedMeter } from './open.js';
export { measureIdle, applyIdle, withIdleBaseline, type IdleBaseline } from './idle.js';
export { carbonFor, resolveIntensity, type CarbonFigure, type CarbonInputs } from './carbon.js';
export { formatEnergy, formatCarbon, formatPower } from './format.js';
export { isEstimated, joulesPer } from './units.js';
export type { NvmlLike } from './nvml.js';
