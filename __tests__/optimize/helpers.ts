/** Shared helpers of the optimiser tests: example models, seeded feeds, initializer access. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { decodeModel, type ModelProto, type TensorProto } from '../../src/model/onnx.js';
import { createRng } from '../../src/util/random.js';
import type { Feeds } from '../../src/optimize/session.js';
import type { Advice } from '../../src/optimize/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** An example model's bytes and decoded proto, with its input shape at batch 8. */
export interface Example {
  name: string;
  bytes: Uint8Array;
  proto: ModelProto;
  input: string;
  shape: number[];
}

/** examples/models/classifier.onnx and cnn.onnx, as committed. */
export function examples(): Example[] {
  return [
    { name: 'classifier', input: 'x', shape: [8, 784] },
    { name: 'cnn', input: 'x', shape: [8, 1, 28, 28] },
  ].map((e) => {
    const bytes = new Uint8Array(readFileSync(`${root}examples/models/${e.name}.onnx`));
    return { ...e, bytes, proto: decodeModel(bytes) };
  });
}

/** `count` batches of N(0, 1) float32 data for one input, seeded. */
export function seededBatches(input: string, shape: number[], count: number, seed = 7): Feeds[] {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, () => ({
    [input]: new ort.Tensor(
      'float32',
      Float32Array.from({ length: n }, () => rng.normal()),
      shape,
    ),
  }));
}

/** The initializer of that name. */
export function init(model: ModelProto, name: string): TensorProto {
  const t = model.graph?.initializer?.find((x) => x.name === name);
  if (!t) throw new Error(`no initializer ${name}`);
  return t;
}

/** Raw bytes of a tensor as a typed array of the given kind. */
export function view<T extends Int8Array | Float32Array | Uint16Array>(t: TensorProto, Kind: { new (b: ArrayBuffer): T }): T {
  const copy = new Uint8Array(t.rawData!.byteLength);
  copy.set(t.rawData!);
  return new Kind(copy.buffer);
}

/** The summaries of several advice entries, one line each. */
export function formatAdvice(advice: readonly Advice[]): string {
  return advice.map((a) => a.summary).join('\n');
}
