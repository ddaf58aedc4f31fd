/**
 * The energy measurement interface: Zeus-style windows. A meter is opened once, then
 * `begin()` / `end()` bracket each timed window. See docs/energy.md for what each meter counts.
 */

import type { PowerModelInterval } from './power-model.js';

/** A single way of obtaining energy. `estimate` is never a measurement. */
export type BaseEnergyMethod = 'rapl' | 'nvml' | 'nvidia-smi' | 'estimate';

/**
 * How an energy figure was obtained. Combined meters (CPU + GPU) join their parts with `+`,
 * e.g. `rapl+nvml` or `estimate+nvml`; any method containing `estimate` is an estimate.
 */
export type EnergyMethod = BaseEnergyMethod | `${BaseEnergyMethod}+${BaseEnergyMethod}`;

/** What the power-model estimate assumed, for reports and for checking the figure by hand. */
export interface EstimateDetails {
  /** CPU model as read from /proc/cpuinfo (`model name`), or 'unknown'. */
  cpuModel: string;
  /** Microarchitecture inferred from the model name or CPUID family/model, when known. */
  microarchitecture?: string;
  /** Id of the row of data/power-models.json used, or 'budget-file' for user watts. */
  powerModelRow: string;
  /** Human description of the row: "CCF Cascade Lake: 0.64–3.97 W per vCPU (SPECpower, 2021)". */
  powerModelLabel: string;
  /** Logical CPUs (vCPUs) the model was scaled to. */
  vcpus: number;
  /** Machine busy fraction over the window from /proc/stat, 0..1 (or from process CPU only). */
  utilisation: number;
  /** CPU seconds used by this process in the window (user + system). */
  processCpuS: number;
  /** CPU seconds all processes used in the window (from /proc/stat), ≥ processCpuS. */
  busyCpuS: number;
  /** Modelled power of the whole VM at `utilisation`, watts. */
  vmPowerW: number;
  /** Modelled power of the whole VM at idle, watts. */
  vmIdleW: number;
  /** Modelled energy of the whole VM over the window, joules (all processes). */
  vmEnergyJ: number;
  /** Relative one-sigma uncertainty equivalent to `interval95` (for combining with other meters). */
  relativeUncertainty: number;
  /** The model's stated 95% interval as factors of the figure, and what it is derived from. */
  interval95: PowerModelInterval;
}

/** The result of one measurement window. */
export interface EnergyWindow {
  /** All energy of the measured domains in the window, joules (gross). */
  energyJ: number;
  /** Energy per domain, joules, e.g. { 'package-0': 1.2, 'dram-0': 0.1 } or { 'gpu-0': 3 }. */
  domainsJ: Record<string, number>;
  durationS: number;
  method: EnergyMethod;
  /** True when any part of the figure comes from a power model rather than a counter. */
  estimated?: boolean;
  /** Idle power of the same domains, watts, when measured (see `measureIdle`) or modelled. */
  idleW?: number;
  /** Whether `idleW` was measured (true) or comes from the power model (false). */
  idleMeasured?: boolean;
  /** energyJ − idleW × durationS, clamped at 0, when idle power is known. */
  attributableJ?: number;
  /** One-sigma uncertainty of energyJ, joules, when known (counter resolution, model error). */
  uncertaintyJ?: number;
  /** Human-readable notes: fallbacks, wraps, what the estimate assumed. */
  notes: string[];
  /** Set by the estimate meter: what the model assumed. */
  estimate?: EstimateDetails;
  /** For combined meters: the windows of the parts (CPU, GPU). */
  parts?: EnergyWindow[];
}

/** A handle to an open window. */
export interface WindowToken {
  readonly startedAt: number;
}

/** A source of energy windows: RAPL, NVML, nvidia-smi, the estimate, or several combined. */
export interface EnergyMeter {
  readonly method: EnergyMethod;
  /** What is measured and how, for reports: e.g. "RAPL package-0 + dram-0 (powercap)". */
  readonly description: string;
  /**
   * Idle power from the power model, watts, for meters that model rather than measure idle
   * (the estimate). `measureIdle` uses it instead of sleeping.
   */
  readonly modelledIdleW?: number;
  /** Starts a window. */
  begin(): Promise<WindowToken>;
  /** Ends a window and returns its energy. @throws EnvironmentError if the counter failed. */
  end(token: WindowToken): Promise<EnergyWindow>;
  /** Releases handles (child processes, libraries). */
  close(): Promise<void>;
}
