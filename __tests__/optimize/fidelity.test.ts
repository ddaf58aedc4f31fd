import { describe, expect, it } from '@jest/globals';
import { compareOutputs } from '../../src/optimize/fidelity.js';
import type { OutputValues } from '../../src/optimize/session.js';

const f32 = (dims: number[], values: number[]): OutputValues => ({ type: 'float32', dims, data: Float32Array.from(values) });

describe('compareOutputs', () => {
  it('reports zero error and full agreement for identical outputs', () => {
    const out = { y: f32([2, 3], [0.1, 0.7, 0.2, 0.5, 0.2, 0.3]) };
    const f = compareOutputs([out], [out]);
    expect(f).toMatchObject({ batches: 1, maxAbsError: 0, maxRelError: 0, top1Agreement: 1 });
    expect(f.outputs[0]).toMatchObject({ agreementKind: 'argmax', rows: 2 });
  });

  it('takes argmax over the last axis across batches', () => {
    const ref = [{ y: f32([2, 2], [1, 0, 0, 1]) }, { y: f32([2, 2], [1, 0, 0, 1]) }];
    const variant = [{ y: f32([2, 2], [1, 0, 0, 1]) }, { y: f32([2, 2], [0, 1, 0, 1]) }];
    const f = compareOutputs(ref, variant);
    expect(f.top1Agreement).toBe(3 / 4);
    expect(f.maxAbsError).toBe(1);
    // |0 − 1| / max(|0|, 1e-3 · 1): the floor keeps near-zero references from dominating.
    expect(f.maxRelError).toBe(1000);
  });

  it('thresholds a single probability output at 0.5', () => {
    const f = compareOutputs([{ p: f32([4, 1], [0.1, 0.49, 0.9, 0.6]) }], [{ p: f32([4, 1], [0.2, 0.51, 0.8, 0.6]) }]);
    expect(f.outputs[0].agreementKind).toBe('threshold-0.5');
    expect(f.top1Agreement).toBe(3 / 4);
    expect(f.maxAbsError).toBeCloseTo(0.1, 6);
    expect(f.maxRelError).toBeCloseTo(1, 6);
  });

  it('does not call a single output outside [0, 1] a classifier', () => {
    const f = compareOutputs([{ r: f32([2, 1], [3, -2]) }], [{ r: f32([2, 1], [3.5, -2]) }]);
    expect(f.top1Agreement).toBeNull();
    expect(f.outputs[0]).toMatchObject({ agreementKind: null, rows: 0, maxAbsError: 0.5 });
    expect(f.outputs[0].maxRelError).toBeCloseTo(0.5 / 3, 6);
  });

  it('takes the lowest agreement over several classifier outputs and compares integer outputs numerically', () => {
    const ref = {
      a: f32([1, 2], [1, 0]),
      b: f32([2, 2], [1, 0, 1, 0]),
      label: { type: 'int64', dims: [2], data: BigInt64Array.from([1n, 2n]) },
    };
    const variant = {
      a: f32([1, 2], [1, 0]),
      b: f32([2, 2], [1, 0, 0, 1]),
      label: { type: 'int64', dims: [2], data: BigInt64Array.from([1n, 3n]) },
    };
    const f = compareOutputs([ref], [variant]);
    expect(f.top1Agreement).toBe(0.5);
    expect(f.outputs.find((o) => o.name === 'label')).toMatchObject({ maxAbsError: 1, top1Agreement: null });
  });

  it('gives no agreement for outputs that are not [rows, classes]', () => {
    const map = f32([1, 2, 2, 2], [1, 0, 0, 1, 0.5, 0.2, 0.1, 0.9]);
    const f = compareOutputs([{ map, v: f32([3], [0.2, 0.9, 0.4]) }], [{ map, v: f32([3], [0.9, 0.2, 0.4]) }]);
    expect(f.top1Agreement).toBeNull();
    expect(f.outputs.map((o) => o.agreementKind)).toEqual([null, null]);
    expect(f.maxAbsError).toBeCloseTo(0.7, 6);
  });

  it('counts values that became non-finite', () => {
    const f = compareOutputs([{ y: f32([1, 2], [1, 2]) }], [{ y: f32([1, 2], [Number.NaN, 2]) }]);
    expect(f.outputs[0].newNonFinite).toBe(1);
    expect(f.maxAbsError).toBe(Infinity);
  });

  it('refuses mismatched runs', () => {
    expect(() => compareOutputs([{ y: f32([1], [1]) }], [])).toThrow(/1 reference batches with 0/);
    expect(() => compareOutputs([{ y: f32([1], [1]) }], [{ z: f32([1], [1]) }])).toThrow(/no output named y/);
  });
});
