/**
 * The one edge of the advisor that touches onnxruntime: a factory that turns model bytes into
 * something that runs feeds. Injected into the fidelity check and the advisor, so their logic
 * works on plain arrays and a test can pass its own runner.
 */
import * as ort from 'onnxruntime-node';
import { float16ValuesOf } from '../util/float16.js';
import { externalDataOptions } from '../model/shapes.js';

/** Input tensors by graph input name. */
export type Feeds = Record<string, ort.Tensor>;

/** An output as the comparison needs it: element type, dims and values. */
export interface OutputValues {
  type: string;
  dims: readonly number[];
  data: ArrayLike<number | bigint | string | boolean>;
}

/** A loaded model that runs feeds. */
export interface ModelSession {
  run(feeds: Feeds): Promise<Record<string, OutputValues>>;
  release(): Promise<void>;
}

/** Loads model bytes into a session. */
export type SessionFactory = (modelBytes: Uint8Array) => Promise<ModelSession>;

/**
 * onnxruntime-node's CPU provider, one intra-op thread, all graph optimisations (the level
 * the benchmark uses, so the variants run as they would be deployed).
 * @throws Error (from onnxruntime) when the model does not load.
 */
export const ortSessionFactory: SessionFactory = (modelBytes) => ortSessionIn(modelBytes);

/**
 * {@link ortSessionFactory} for models that keep weights in external data: bytes whose
 * external-data locations are relative to `externalDataFolder` (src/model/shapes.ts).
 */
export function ortSessionFactoryIn(externalDataFolder: string | undefined): SessionFactory {
  return (modelBytes) => ortSessionIn(modelBytes, externalDataFolder);
}

async function ortSessionIn(modelBytes: Uint8Array, externalDataFolder?: string): Promise<ModelSession> {
  const session = await ort.InferenceSession.create(modelBytes, {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    ...externalDataOptions(externalDataFolder),
  });
  return {
    async run(feeds) {
      const out = await session.run(feeds);
      return Object.fromEntries(
        Object.entries(out).map(([k, t]) => {
          const data = t.data;
          return [
            k,
            {
              type: t.type,
              dims: t.dims,
              // float16 as numbers, not bit patterns: the comparison subtracts them.
              data: t.type === 'float16' && ArrayBuffer.isView(data) ? float16ValuesOf(data) : data,
            },
          ];
        }),
      );
    },
    release: () => session.release(),
  };
}
