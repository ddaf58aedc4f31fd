/** What `measure: instructions` reports for one model (inference per call, training per step). */

/**
 * A SIMULATED instruction count (Valgrind's callgrind, `measure: instructions`): what the
 * simulated CPU executed inside onnxruntime's run per call, warm-up calls excluded. Not a
 * measurement of this CPU's time or energy (docs/instructions.md).
 */
export interface InstructionsReport {
  /** Instructions executed per call: the median of the measured calls' counts (src/instructions/measure.ts says why not the mean). */
  perCall: number;
  /** Lowest and highest per-call count among the measured calls. */
  minPerCall: number;
  maxPerCall: number;
  /** Measured calls (each counted on its own) and warm-up calls before them (not counted). */
  calls: number;
  warmup: number;
  /** Every callgrind event of the median call: Ir, and with the cache simulator Dr, Dw, I1mr, D1mr, D1mw, ILmr, DLmr, DLmw. */
  events: Record<string, number>;
  /** ESTIMATE from the simulated cache events (src/instructions/cycles.ts), per call. */
  estimatedCycles?: number;
  /** The formula behind estimatedCycles, with its source. */
  cyclesFormula?: string;
  method: 'callgrind';
  /** Always true: counted on Valgrind's simulated CPU. */
  simulated: true;
  /** e.g. valgrind-3.19.0. */
  tool: string;
  /** Wall time of the process under Valgrind, seconds (start-up included). */
  wallS: number;
  /** What the figure covers and how it was obtained. */
  description: string;
}
