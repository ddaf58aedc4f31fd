// Jest runs each test file in its own V8 context, so `Float32Array` in a test is not the
// `Float32Array` that onnxruntime-node's native addon creates output tensors with, and
// onnxruntime-common's `instanceof` checks reject them. Sharing the host's typed-array
// constructors (and ArrayBuffer) with the test context removes that mismatch.
import NodeEnvironment from 'jest-environment-node';

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  'Buffer',
];

export default class OrtEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) {
      if (name in globalThis) this.global[name] = globalThis[name];
    }
    if ('Float16Array' in globalThis) this.global.Float16Array = globalThis.Float16Array;
  }
}
