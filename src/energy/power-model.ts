/**
 * Power models for the estimate: the coefficients of data/power-models.json (each with source
 * and year), how a CPU is matched to a row, and watts of the whole VM at a utilisation.
 * Pure functions on plain data.
 */
import powerCurvesJson from '../../data/power-curves.json' with { type: 'json' };
import powerModelsJson from '../../data/power-models.json' with { type: 'json' };
import type { PowerSettings } from '../config/types.js';
import { InputError } from '../errors.js';
import type { CpuInfo } from './cpu.js';
import type { CurveCase, PowerCurvesData } from './specpower/derive.js';
import { cpuModelKey, tierFromCpuid, tierFromName, TIER_NAMES } from './specpower/tiers.js';

/** How watts depend on utilisation u ∈ [0, 1]. */
export type PowerModel =
  /** CCF: P = vCPUs × (min + u × (max − min)), watts per vCPU from SPECpower servers. */
  | { kind: 'per-vcpu-linear'; minWattsPerVcpu: number; maxWattsPerVcpu: number }
  /** A measured/modelled curve for a VM of `vcpus` vCPUs, scaled by vCPUs / `vcpus`. */
  | { kind: 'vm-curve'; vcpus: number; curvePercentWatts: Array<[number, number]> }
  /** CPU package only: P = TDP × f(u), f a curve of fractions of TDP. */
  | { kind: 'tdp-curve'; curvePercentFraction: Array<[number, number]>; tdpW?: number }
  /** SPECpower-derived: watts per hardware thread at load levels (percent), × vCPUs. */
  | { kind: 'per-thread-curve'; curvePercentWatts: Array<[number, number]> }
  /** The budget file's watts for the whole machine: P = idle + u × (max − idle). */
  | { kind: 'vm-linear'; idleW: number; maxW: number };

/** One row of data/power-models.json. */
export type PowerModelRow = PowerModel & {
  label: string;
  relativeUncertainty: number;
  source: string;
  year: number;
  note?: string;
};

interface Rule {
  microarchitecture: string;
  row: string | null;
}

/** The shape of data/power-models.json. */
export interface PowerModelData {
  defaultRow: string;
  rows: Record<string, PowerModelRow>;
  modelNameRules: Array<Rule & { pattern: string }>;
  cpuidRules: Array<Rule & { vendor: string; family: number; models: number[]; steppings?: number[] }>;
  armRules: Array<Rule & { implementer: string; cpuPart: string }>;
}

// The JSON's arrays are typed number[][] by the compiler; the shape is checked by a test.
/** The bundled coefficients. */
export const POWER_MODELS = powerModelsJson as unknown as PowerModelData;

/** The bundled SPECpower-derived curves (data/power-curves.json, `npm run derive:power-curves`). */
export const POWER_CURVES = powerCurvesJson as unknown as PowerCurvesData;

/** A stated 95% interval of an estimate, as factors of the figure, and what it is derived from. */
export interface PowerModelInterval {
  /** Lower and upper factor: the interval is [figure × low, figure × high]. */
  factors: [number, number];
  /** One phrase: what the interval comes from ("leave-one-server-out validation …"). */
  derivedFrom: string;
  /** Whether it was measured (validation) or is an assumption (budget-file watts, TDP curve). */
  validated: boolean;
}

/** The power model chosen for this machine, and why. */
export interface ResolvedPowerModel {
  /** Row id in data/power-models.json, or 'budget-file'. */
  rowId: string;
  /** One line for reports: what the model is and where its numbers come from. */
  label: string;
  model: PowerModel;
  relativeUncertainty: number;
  cpuModel: string;
  microarchitecture?: string;
  /** How the CPU was identified and which fallbacks applied. */
  notes: string[];
  /** The stated 95% interval of the model's power. */
  interval95: PowerModelInterval;
}

/** A one-sigma relative uncertainty equivalent to a 95% interval of factors (for combining with other meters). */
function sigmaOf(factors: [number, number]): number {
  return (factors[1] - factors[0]) / (2 * 1.96);
}

/** An assumed ±1.96σ interval for the rows nothing validates (budget-file watts, TDP curve). */
function assumedInterval(relativeUncertainty: number, what: string): PowerModelInterval {
  return {
    factors: [Math.max(0, 1 - 1.96 * relativeUncertainty), 1 + 1.96 * relativeUncertainty],
    derivedFrom: `assumed ±${Math.round(relativeUncertainty * 100)}% (one sigma) for ${what}; not validated`,
    validated: false,
  };
}

/** Watts of a piecewise-linear curve of [percent, value] points at `percent` (clamped). */
export function interpolateCurve(curve: Array<[number, number]>, percent: number): number {
  if (curve.length === 0) return 0;
  if (percent <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (percent <= x1) {
      const [x0, y0] = curve[i - 1];
      return y0 + ((percent - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return curve[curve.length - 1][1];
}

/**
 * Modelled power of the whole machine/VM, watts, at utilisation `u` (0..1, clamped) with
 * `vcpus` logical CPUs.
 * @throws InputError for a TDP curve without a TDP (a programming error upstream).
 */
export function vmPowerW(model: PowerModel, u: number, vcpus: number): number {
  const util = Math.min(1, Math.max(0, u));
  switch (model.kind) {
    case 'per-vcpu-linear':
      return vcpus * (model.minWattsPerVcpu + util * (model.maxWattsPerVcpu - model.minWattsPerVcpu));
    case 'vm-curve':
      return (interpolateCurve(model.curvePercentWatts, util * 100) * vcpus) / model.vcpus;
    case 'per-thread-curve':
      return interpolateCurve(model.curvePercentWatts, util * 100) * vcpus;
    case 'tdp-curve':
      if (model.tdpW === undefined) throw new InputError('ARGUMENT_INVALID', 'The TDP power model needs a TDP in watts.');
      return model.tdpW * interpolateCurve(model.curvePercentFraction, util * 100);
    case 'vm-linear':
      return model.idleW + util * (model.maxW - model.idleW);
  }
}

/** Describes a row's numbers in one phrase: "0.64–3.97 W per vCPU". */
export function describeModel(model: PowerModel): string {
  switch (model.kind) {
    case 'per-vcpu-linear':
      return `${model.minWattsPerVcpu}–${model.maxWattsPerVcpu} W per vCPU (idle–full load)`;
    case 'vm-curve': {
      const first = model.curvePercentWatts[0][1];
      const last = model.curvePercentWatts[model.curvePercentWatts.length - 1][1];
      return `${first.toFixed(2)}–${last.toFixed(2)} W for ${model.vcpus} vCPUs (idle–full load curve)`;
    }
    case 'per-thread-curve': {
      const c = model.curvePercentWatts;
      return `${c[0][1].toFixed(3)}–${c[c.length - 1][1].toFixed(3)} W per hardware thread (idle–full load, ${c.length} load levels)`;
    }
    case 'tdp-curve':
      return `${model.curvePercentFraction.map(([p, f]) => `${p}%→${Math.round(f * 100)}%`).join(', ')} of ${model.tdpW ?? '?'} W TDP`;
    case 'vm-linear':
      return `${model.idleW}–${model.maxW} W for the whole machine (idle–full load)`;
  }
}

function cpuSignature(cpu: CpuInfo): string {
  if (cpu.vendor && cpu.family !== undefined && cpu.model !== undefined) {
    return `${cpu.vendor} family ${cpu.family} model ${cpu.model}${cpu.stepping !== undefined ? ` stepping ${cpu.stepping}` : ''}`;
  }
  if (cpu.armPart) return `Arm implementer ${cpu.armImplementer ?? '?'} part ${cpu.armPart}`;
  return 'no CPUID signature';
}

/** Which rule identifies the CPU: by model name, then CPUID, then Arm part; null if none. */
export function identifyCpu(
  cpu: CpuInfo,
  data: PowerModelData = POWER_MODELS,
): { microarchitecture: string; row: string | null; by: 'model name' | 'CPUID' | 'Arm CPU part' } | null {
  for (const rule of data.modelNameRules) {
    if (new RegExp(rule.pattern).test(cpu.modelName))
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: 'model name' };
  }
  for (const rule of data.cpuidRules) {
    if (
      cpu.vendor === rule.vendor &&
      cpu.family === rule.family &&
      cpu.model !== undefined &&
      rule.models.includes(cpu.model) &&
      (!rule.steppings || (cpu.stepping !== undefined && rule.steppings.includes(cpu.stepping)))
    ) {
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: 'CPUID' };
    }
  }
  for (const rule of data.armRules) {
    if (cpu.armPart?.toLowerCase() === rule.cpuPart && cpu.armImplementer?.toLowerCase() === rule.implementer) {
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: 'Arm CPU part' };
    }
  }
  return null;
}

function positive(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(
      'CONFIG_INVALID',
      `The budget file's power setting ${field} is ${value}; expected a positive number of watts, e.g. ${field === 'cpuTdpW' ? '65' : '20'}.`,
    );
  }
  return value;
}

/**
 * Chooses the power model: the budget file's idle/max watts, else its TDP (Boavizta TDP curve),
 * else the SPECpower-derived curve for the detected CPU (`matchSpecpowerCurve`).
 * @throws InputError when only one of idleW/maxW is set, or a value is not a positive number.
 */
export function resolvePowerModel(
  cpu: CpuInfo | null,
  power: PowerSettings,
  data: PowerModelData = POWER_MODELS,
  curves: PowerCurvesData = POWER_CURVES,
): ResolvedPowerModel {
  const cpuModel = cpu?.modelName ?? 'unknown';
  const idleW = positive(power.idleW, 'idleW');
  const maxW = positive(power.maxW, 'maxW');
  const tdpW = positive(power.cpuTdpW, 'cpuTdpW');
  const notes: string[] = [];
  const ident = cpu ? identifyCpu(cpu, data) : null;
  const detected = cpu
    ? `Detected CPU: ${cpuModel} (${cpuSignature(cpu)}${ident ? ` → ${ident.microarchitecture}, by ${ident.by}` : ', microarchitecture not recognised'}).`
    : 'CPU model unknown (/proc/cpuinfo unreadable).';
  notes.push(detected);

  if (idleW !== undefined || maxW !== undefined) {
    if (idleW === undefined || maxW === undefined) {
      throw new InputError(
        'CONFIG_INVALID',
        `The budget file sets power.${idleW === undefined ? 'max-watts' : 'idle-watts'} but not power.${idleW === undefined ? 'idle-watts' : 'max-watts'}; the power model needs both the idle and the full-load watts of the whole machine (e.g. power: { idle-watts: 20 W, max-watts: 90 W }).`,
      );
    }
    if (maxW < idleW) {
      throw new InputError(
        'CONFIG_INVALID',
        `The budget file's power.max-watts (${maxW} W) is below power.idle-watts (${idleW} W); full-load power must be at least idle power.`,
      );
    }
    const model: PowerModel = { kind: 'vm-linear', idleW, maxW };
    notes.push(`Power model: the budget file's watts, ${describeModel(model)}.`);
    return {
      rowId: 'budget-file',
      label: `budget file: ${describeModel(model)}`,
      model,
      relativeUncertainty: 0.2,
      interval95: assumedInterval(0.2, "the budget file's watts"),
      cpuModel,
      microarchitecture: ident?.microarchitecture,
      notes,
    };
  }

  if (tdpW !== undefined) {
    const row = data.rows['boavizta-tdp-curve'];
    // The shipped data file's row of that id is a TDP curve; checked, since the file is JSON.
    if (row.kind !== 'tdp-curve')
      throw new Error(`internal: data/power-models.json row boavizta-tdp-curve is a ${row.kind}, not a tdp-curve`);
    const model: PowerModel = { ...row, kind: 'tdp-curve', tdpW };
    notes.push(
      `Power model: boavizta-tdp-curve with the budget file's TDP of ${tdpW} W: ${describeModel(model)} (${row.source}, ${row.year}); counts the CPU package only.`,
    );
    return {
      rowId: 'boavizta-tdp-curve',
      label: `${row.label}: ${describeModel(model)} (${row.year})`,
      model,
      relativeUncertainty: row.relativeUncertainty,
      interval95: assumedInterval(row.relativeUncertainty, 'the TDP curve'),
      cpuModel,
      microarchitecture: ident?.microarchitecture,
      notes,
    };
  }

  const match = matchSpecpowerCurve(cpu, curves);
  notes.push(...match.notes);
  const model: PowerModel = {
    kind: 'per-thread-curve',
    curvePercentWatts: curves.loadLevelsPercent.map((p, i): [number, number] => [p, match.wattsPerThread[i]]),
  };
  const [lo, hi] = match.interval95.factors;
  notes.push(
    `Power model: ${match.label}: ${describeModel(model)}; 95% interval ${pct(lo)}/${pct(hi)} of the figure, from ${match.interval95.derivedFrom}.`,
  );
  return {
    rowId: match.rowId,
    label: `${match.label}: ${describeModel(model)}`,
    model,
    relativeUncertainty: sigmaOf(match.interval95.factors),
    interval95: match.interval95,
    cpuModel,
    microarchitecture: match.tierName ?? ident?.microarchitecture,
    notes,
  };
}

/** "−41%" / "+198%": a factor as a signed percentage change. */
export function pct(factor: number): string {
  const p = Math.round((factor - 1) * 100);
  return p < 0 ? `−${-p}%` : `+${p}%`;
}

/** The SPECpower curve chosen for a CPU, and why. */
export interface SpecpowerMatch {
  case: CurveCase;
  /** `specpower-model-amd-epyc-7763`, `specpower-tier-amd-epyc-zen3` or `specpower-unknown`. */
  rowId: string;
  label: string;
  tierName?: string;
  wattsPerThread: number[];
  interval95: PowerModelInterval;
  notes: string[];
}

/**
 * The curve for a CPU: its model's SPECpower results, else its family/generation tier (by model
 * name, then CPUID), else the curve for unknown CPUs; each with the interval its case's
 * leave-one-server-out validation measured (docs/energy.md).
 */
export function matchSpecpowerCurve(cpu: CpuInfo | null, curves: PowerCurvesData = POWER_CURVES): SpecpowerMatch {
  const interval = (c: CurveCase, factors: [number, number] = curves.cases[c].interval95): PowerModelInterval => ({
    factors,
    derivedFrom: `${curves.cases[c].derivedFrom}; validated median error ${(curves.cases[c].medianAbsError * 100).toFixed(1)}%`,
    validated: true,
  });
  const key = cpu ? cpuModelKey(cpu.modelName) : '';
  const m = curves.models[key];
  if (m) {
    const tierName = m.tier ? (TIER_NAMES[m.tier] ?? m.tier) : undefined;
    const caseFactors = curves.cases['cpu-model'].interval95;
    const factors: [number, number] = m.spread
      ? [Math.min(caseFactors[0], m.spread[0]), Math.max(caseFactors[1], m.spread[1])]
      : caseFactors;
    const what =
      m.basis === 'eleven-level'
        ? `median of ${m.servers} SPECpower_ssj2008 result${m.servers === 1 ? '' : 's'} with ${m.name} (eleven load levels)`
        : `${m.name}: median idle and full-load watts of ${m.servers} SPECpower_ssj2008 result${m.servers === 1 ? '' : 's'}, shaped like its family's curve`;
    return {
      case: 'cpu-model',
      rowId: `specpower-model-${key.replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`,
      label: `SPECpower ${what}`,
      tierName,
      wattsPerThread: m.wattsPerThread,
      interval95: interval('cpu-model', factors),
      notes: [`SPECpower_ssj2008 has results for this CPU model (${m.name}).`],
    };
  }
  const byName = cpu ? tierFromName(cpu.modelName) : null;
  const tier = byName ?? (cpu ? tierFromCpuid(cpu) : null);
  const t = tier ? curves.tiers[tier] : undefined;
  if (tier && t) {
    return {
      case: t.current ? 'tier' : 'tier-older',
      rowId: `specpower-tier-${tier}`,
      label: `SPECpower ${t.name}: median of ${t.servers} results of that family/generation`,
      tierName: t.name,
      wattsPerThread: t.wattsPerThread,
      interval95: interval(t.current ? 'tier' : 'tier-older'),
      notes: [
        `No SPECpower_ssj2008 results for this CPU model; using its family/generation ${t.name} (recognised by ${byName ? 'model name' : 'CPUID family/model'}).`,
      ],
    };
  }
  return {
    case: 'unknown',
    rowId: 'specpower-unknown',
    label: `SPECpower median of all ${curves.fallback.servers} results since ${curves.fallbackSince} (CPU not recognised)`,
    wattsPerThread: curves.fallback.wattsPerThread,
    interval95: interval('unknown'),
    notes: [
      `CPU not recognised (neither its model nor its family/generation has SPECpower_ssj2008 results); using the curve of all results since ${curves.fallbackSince}.`,
    ],
  };
}
