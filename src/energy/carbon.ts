/**
 * Carbon for an amount of energy: operational (kWh × grid intensity) plus the hardware's
 * embodied emissions amortised over its lifetime for the measured time and shared by vCPU.
 * Grid intensities and embodied coefficients live in data/*.json with their source and year.
 */
import { availableParallelism } from 'node:os';
import carbonIntensityJson from '../../data/carbon-intensity.json' with { type: 'json' };
import embodiedJson from '../../data/embodied.json' with { type: 'json' };
import type { PowerSettings } from '../config/types.js';
import { InputError } from '../errors.js';

interface Intensity {
  gPerKWh: number;
  basis: 'lifecycle' | 'combustion';
  source: string;
  year: number;
  name?: string;
}

interface Cited {
  value: number;
  source: string;
  year: number;
}

/** The shape of data/carbon-intensity.json. */
export interface CarbonIntensityData {
  world: Intensity;
  regions: Record<string, Intensity & { name: string }>;
}

/** The shape of data/embodied.json. */
export interface EmbodiedData {
  server: {
    baseKgCO2e: Cited;
    perAdditionalCpuKgCO2e: Cited;
    dramKgCO2ePerGb: Cited;
    dramIncludedGb: Cited;
    lifespanYears: Cited;
  };
  defaultHost: { sockets: number; dramGb: number; vcpus: number; note: string };
}

/** The bundled grid intensities. */
export const CARBON_INTENSITY = carbonIntensityJson as unknown as CarbonIntensityData;
/** The bundled embodied-emission coefficients. */
export const EMBODIED = embodiedJson as unknown as EmbodiedData;

/** Carbon for one amount of energy and time. */
export interface CarbonFigure {
  /** kWh × intensity, grams CO2e. */
  operationalG: number;
  /** Amortised manufacturing emissions for the time and vCPUs, grams CO2e. */
  embodiedG: number;
  totalG: number;
  intensityGPerKWh: number;
  /** Where the intensity comes from, with year, e.g. "Ember, Global Electricity Review 2024 (world average, 2023)". */
  intensitySource: string;
  embodiedSource: string;
  /** Which inputs are estimates rather than measurements. */
  estimated: {
    /** The energy itself came from a power model. */
    energy: boolean;
    /** Grid intensity is an annual average (always true unless the budget file gives a number). */
    intensity: boolean;
    /** Embodied emissions are always a model (LCA of a reference server). */
    embodied: true;
  };
  notes: string[];
}

/** Inputs of `carbonFor`. */
export interface CarbonInputs {
  /** Energy, joules (use the gross figure the budget is checked on). */
  energyJ: number;
  /** Time the hardware was used, seconds. */
  durationS: number;
  settings: PowerSettings;
  /** ENERGY_BUDGET_CARBON_INTENSITY (gCO2e/kWh) overrides the region table when set. */
  env: Record<string, string | undefined>;
  /** Whether the energy is an estimate (e.g. window.estimated). @default false */
  energyEstimated?: boolean;
  /** vCPUs reserved for the workload (the machine's logical CPUs). @default os.availableParallelism() */
  vcpus?: number;
}

/** Joules per kWh. */
const J_PER_KWH = 3.6e6;
const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/** The grid intensity to use and its source: budget number > env > region table > world. */
export function resolveIntensity(
  settings: PowerSettings,
  env: Record<string, string | undefined>,
  data: CarbonIntensityData = CARBON_INTENSITY,
): { gPerKWh: number; source: string; estimated: boolean; notes: string[] } {
  const notes: string[] = [];
  if (settings.carbonIntensityGPerKWh !== undefined) {
    const v = settings.carbonIntensityGPerKWh;
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError(
        'CONFIG_INVALID',
        `The budget file's carbon intensity is ${v}; expected gCO2e per kWh as a number ≥ 0, e.g. 350.`,
      );
    }
    return { gPerKWh: v, source: 'set in the budget file (carbon.intensity)', estimated: false, notes };
  }
  const fromEnv = env.ENERGY_BUDGET_CARBON_INTENSITY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const v = Number(fromEnv);
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError(
        'ARGUMENT_INVALID',
        `ENERGY_BUDGET_CARBON_INTENSITY is "${fromEnv}"; expected gCO2e per kWh as a number ≥ 0, e.g. 350.`,
      );
    }
    return { gPerKWh: v, source: 'set by ENERGY_BUDGET_CARBON_INTENSITY', estimated: false, notes };
  }
  if (settings.region !== undefined) {
    const code = settings.region.trim().toUpperCase();
    const row = data.regions[code];
    if (row) {
      return {
        gPerKWh: row.gPerKWh,
        source: `${row.name} (carbon.region ${code}): ${row.source} (${row.basis}, ${row.year})`,
        estimated: true,
        notes,
      };
    }
    notes.push(
      `Region "${settings.region}" is not in data/carbon-intensity.json (known: ${Object.keys(data.regions).join(', ')}); ` +
        `used the world average. Set the grid intensity in gCO2e/kWh in the budget file to use your grid's figure.`,
    );
  }
  const w = data.world;
  const why = settings.region === undefined ? ', as the budget file sets no carbon region or intensity' : '';
  return { gPerKWh: w.gPerKWh, source: `world average${why}: ${w.source} (${w.basis}, ${w.year})`, estimated: true, notes };
}

/**
 * Embodied emissions of the reference host, kgCO2e: base server + extra sockets + DRAM above
 * the base amount (CCF/Teads model, data/embodied.json).
 */
export function hostEmbodiedKg(host = EMBODIED.defaultHost, data: EmbodiedData = EMBODIED): number {
  const s = data.server;
  return (
    s.baseKgCO2e.value +
    s.perAdditionalCpuKgCO2e.value * Math.max(0, host.sockets - 1) +
    s.dramKgCO2ePerGb.value * Math.max(0, host.dramGb - s.dramIncludedGb.value)
  );
}

/**
 * Carbon for `energyJ` over `durationS`: operational = kWh × intensity; embodied = host
 * emissions × (durationS / lifespan) × (vcpus / host vCPUs), the SCI formula used by CCF.
 * @throws InputError for a negative or non-numeric intensity setting.
 */
export function carbonFor(input: CarbonInputs): CarbonFigure {
  const intensity = resolveIntensity(input.settings, input.env);
  const vcpus = input.vcpus ?? availableParallelism();
  const host = EMBODIED.defaultHost;
  const lifespanS = EMBODIED.server.lifespanYears.value * SECONDS_PER_YEAR;
  const hostKg = hostEmbodiedKg(host);
  const operationalG = (input.energyJ / J_PER_KWH) * intensity.gPerKWh;
  const embodiedG = hostKg * 1000 * (input.durationS / lifespanS) * Math.min(1, vcpus / host.vcpus);
  return {
    operationalG,
    embodiedG,
    totalG: operationalG + embodiedG,
    intensityGPerKWh: intensity.gPerKWh,
    intensitySource: intensity.source,
    embodiedSource:
      `${hostKg.toFixed(0)} kgCO2e for a ${host.sockets}-socket, ${host.dramGb} GB, ${host.vcpus}-vCPU host ` +
      `(Cloud Carbon Footprint / Teads model, ${EMBODIED.server.baseKgCO2e.year}), amortised over ` +
      `${EMBODIED.server.lifespanYears.value} years, ${vcpus} of ${host.vcpus} vCPUs`,
    estimated: { energy: input.energyEstimated ?? false, intensity: intensity.estimated, embodied: true },
    notes: intensity.notes,
  };
}
