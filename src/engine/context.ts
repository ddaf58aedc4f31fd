/** What measuring a model needs from outside (MeasureContext) and what preparation hands on (PreparedModel). */
import type { BudgetConfig, ModelConfig } from '../config/types.js';
import type { RunLogger } from '../util/logger.js';
import type { ModelReport } from '../report/types.js';
import { type LoadedModel } from '../model/load.js';
import { type SynthesizedInputs } from '../bench/inputs.js';
import { type IdleBaseline } from '../energy/index.js';
import { type MemoryPass } from '../model/memory.js';
import { type AvailableMemoryReader } from '../util/available-memory.js';

/** Everything a measurement needs from outside. */
export interface MeasureContext {
  config: BudgetConfig;
  logger: RunLogger;
  env: Record<string, string | undefined>;
  clockNs: () => bigint;
  sysfsRoot: string;
  procRoot?: string;
  advise: boolean;
  readFile: (path: string) => Promise<Uint8Array>;
  /** Notices already shown (the meter's choice is the same for every model: say it once). */
  shown?: Set<string>;
  /** Waits (the idle window). @default setTimeout */
  sleep?: (seconds: number) => Promise<void>;
  /** Idle baselines measured in this process, by meter description. */
  idle?: Map<string, IdleBaseline>;
  /**
   * The machine's available memory for the pre-flight (src/model/memory.ts).
   * @default /proc/meminfo's MemAvailable (src/util/available-memory.ts)
   */
  availableMemory?: AvailableMemoryReader;
  /**
   * An advisor variant whose weights reach this many bytes is written with external data.
   * @default EXTERNAL_VARIANT_BYTES (2 GiB less 64 MiB for the graph: protobuf's limit)
   */
  externalVariantBytes?: number;
}

/** A model loaded, analysed and given inputs: what both the benchmark and the comparison use. */
export interface PreparedModel {
  loaded: LoadedModel;
  /** The memory pre-flight for a further pass of this model (the advisor's). */
  preflight?: (pass: MemoryPass) => Promise<void>;
  inputs: SynthesizedInputs;
  report: ModelReport;
  /** Shapes of the intermediate tensors at these inputs, learnt by running the model once. */
  shapes?: ReadonlyMap<string, readonly number[]>;
}

export function label(cfg: ModelConfig): string {
  return `"${cfg.name}" (${cfg.pathInConfig})`;
}
