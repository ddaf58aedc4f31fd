import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { EXAMPLE_MODELS, buildClassifier, buildCnn } from '../../src/model/examples.js';
import { encodeModel } from '../../src/model/onnx.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('example models', () => {
  it.each(EXAMPLE_MODELS.map((m) => [m.file, m] as const))(
    '%s is byte-identical to what the builder makes now (regenerate: see scripts/generate-models.ts)',
    (file, m) => {
      const committed = new Uint8Array(readFileSync(resolve(ROOT, file)));
      expect(Buffer.from(encodeModel(m.build())).equals(Buffer.from(committed))).toBe(true);
    },
  );

  it('builders are deterministic per seed and differ across seeds', () => {
    const a = encodeModel(buildCnn({ seed: 1 }));
    expect(Buffer.from(encodeModel(buildCnn({ seed: 1 }))).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(encodeModel(buildCnn({ seed: 2 }))).equals(Buffer.from(a))).toBe(false);
  });

  it('the classifier runs in onnxruntime with a symbolic batch and outputs probabilities', async () => {
    const session = await ort.InferenceSession.create(encodeModel(buildClassifier({ hidden1: 136 })));
    const x = new Float32Array(3 * 784).map((_, i) => ((i % 17) - 8) / 8);
    const out = await session.run({ x: new ort.Tensor('float32', x, [3, 784]) });
    expect(out.y!.dims).toEqual([3, 1]);
    for (const p of out.y!.data as Float32Array) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
    await session.release();
  });

  it('the CNN maps [N,1,28,28] to 10 logits', async () => {
    const session = await ort.InferenceSession.create(encodeModel(buildCnn()));
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array(2 * 784).fill(0.5), [2, 1, 28, 28]) });
    expect(out.logits!.dims).toEqual([2, 10]);
    await session.release();
  });
});
