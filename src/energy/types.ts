/**
 * The energy measurement interface: Zeus-style windows. A meter is opened once, then
 * `begin()` / `end()` bracket each timed window.
 */

/** How an energy figure was obtained. `estimate` is never a measurement. */
export type EnergyMethod = 'rapl' | 'nvml' | 'nvidia-smi' | 'estimate';

/** The result of one measurement window. */
export interface EnergyWindow {
  /** All energy of the measured domains in the window, joules (gross). */
  energyJ: number;
  /** Energy per domain, joules, e.g. { 'package-0': 1.2, 'dram-0': 0.1 } or { 'gpu-0': 3 }. */
  domainsJ: Record<string, number>;
  durationS: number;
  method: EnergyMethod;
  /** Idle power of the same domains, watts, when measured (see `measureIdle`). */
  idleW?: number;
  /** energyJ − idleW × durationS, clamped at 0, when idle power is known. */
  attributableJ?: number;
  /** One-sigma uncertainty of energyJ, joules, when known (counter resolution, model error). */
  uncertaintyJ?: number;
  /** Human-readable notes: fallbacks, wraps, what the estimate assumed. */
  notes: string[];
}

/** A handle to an open window. */
export interface WindowToken {
  readonly startedAt: number;
}

export interface EnergyMeter {
  readonly method: EnergyMethod;
  /** What is measured and how, for reports: e.g. "RAPL package-0 + dram-0 (powercap)". */
  readonly description: string;
  /** Starts a window. */
  begin(): Promise<WindowToken>;
  /** Ends a window and returns its energy. @throws EnvironmentError if the counter failed. */
  end(token: WindowToken): Promise<EnergyWindow>;
  /** Releases handles (child processes, libraries). */
  close(): Promise<void>;
}
