import { describe, expect, it } from '@jest/globals';
import { float16Bits, float16Value, quantizePerChannel, smallestMagnitudes, transpose2d } from '../../src/optimize/tensors.js';
import { createRng } from '../../src/util/random.js';

describe('float16 conversion', () => {
  // Bit patterns from IEEE 754-2008 binary16 (e.g. the table in Wikipedia's "Half-precision floating-point format").
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff],
    [65520, 0x7c00],
    [1e6, 0x7c00],
    [-Infinity, 0xfc00],
    [2 ** -14, 0x0400],
    [2 ** -24, 0x0001],
    [2 ** -26, 0x0000],
    [1 / 3, 0x3555],
    // Ties go to even: 1 + 2^-11 lies halfway between 1 and 1 + 2^-10.
    [1 + 2 ** -11, 0x3c00],
    [1 + 3 * 2 ** -11, 0x3c02],
  ])('%s → 0x%s', (value, bits) => {
    expect(float16Bits(value)).toBe(bits);
  });

  it('keeps NaN a NaN', () => {
    expect(Number.isNaN(float16Value(float16Bits(Number.NaN)))).toBe(true);
  });

  it('round-trips every finite binary16 value', () => {
    for (let h = 0; h < 0x10000; h++) {
      const v = float16Value(h);
      if (Number.isNaN(v)) continue;
      if (float16Bits(v) !== h) throw new Error(`0x${h.toString(16)} → ${v} → 0x${float16Bits(v).toString(16)}`);
    }
  });
});

describe('per-channel symmetric int8 quantisation', () => {
  it('stays within half a step of every value, along any axis', () => {
    const rng = createRng(3);
    const dims = [4, 3, 5];
    const values = Float32Array.from({ length: 60 }, () => rng.normal() * 3);
    for (const axis of [0, 1, 2]) {
      const q = quantizePerChannel(values, dims, axis);
      expect(q.scales.length).toBe(dims[axis]);
      const inner = dims.slice(axis + 1).reduce((a, b) => a * b, 1);
      values.forEach((v, i) => {
        const s = q.scales[Math.floor(i / inner) % dims[axis]];
        expect(Math.abs(q.values[i] * s - v)).toBeLessThanOrEqual(s / 2);
      });
    }
  });

  it('gives an all-zero channel scale 1 and zeros', () => {
    const q = quantizePerChannel(Float32Array.from([0, 0, 1, -2]), [2, 2], 0);
    expect(Array.from(q.scales)).toEqual([1, Math.fround(2 / 127)]);
    expect(Array.from(q.values)).toEqual([0, 0, 64, -127]);
  });
});

describe('smallest magnitudes', () => {
  it('selects exactly the requested count, ties broken by position', () => {
    const masks = smallestMagnitudes([Float32Array.from([1, -1, 1, 2]), Float32Array.from([1, 0.5])], 3);
    expect(masks.map((m) => Array.from(m))).toEqual([
      [1, 1, 0, 0],
      [0, 1],
    ]);
  });

  it('selects nothing for 0 and everything for the total', () => {
    const a = Float32Array.from([3, 1, 2]);
    expect(Array.from(smallestMagnitudes([a], 0)[0])).toEqual([0, 0, 0]);
    expect(Array.from(smallestMagnitudes([a], 3)[0])).toEqual([1, 1, 1]);
  });
});

it('transposes a row-major matrix', () => {
  expect(Array.from(transpose2d(Float32Array.from([1, 2, 3, 4, 5, 6]), 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
});
