/** The shapes `energy-budget optimize` and its reducing variants share (command.ts, reduce-command.ts). */
import type { SessionFactory } from './session.js';
import type { ReduceVariantOptions, VariantId, VariantOptions } from './types.js';

/** Something text can be written to (process.stdout or a test's collector). */
export interface TextSink {
  write(text: string): unknown;
}

/** The edges `optimize` uses. */
export interface OptimizeIo {
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: Uint8Array | string) => Promise<void>;
  /** @default ortSessionFactory */
  createSession?: SessionFactory;
}

/** Parsed arguments of `optimize`. */
export interface OptimizeArgs {
  model: string;
  out: string;
  variant: VariantId;
  options: VariantOptions;
  dims: Record<string, number>;
  batches: number;
  /** For prune-structured and distill. */
  reduce: ReduceVariantOptions & { data?: string; trainBatches?: number; convChannelMultiple?: number };
}
