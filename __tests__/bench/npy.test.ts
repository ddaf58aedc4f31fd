import { describe, expect, it } from '@jest/globals';
import { parseNpy, writeNpy, type NpyArray } from '../../src/bench/npy.js';
import { InputError } from '../../src/errors.js';

/** A v1 file by hand, byte for byte as numpy 1.26 writes `np.save(f, np.arange(3, dtype='<i4'))`. */
function handMade(): Uint8Array {
  const header = "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }";
  // 10 preamble bytes + 58 header characters pass 64, so numpy pads the data to offset 128.
  const padded = header + ' '.repeat(128 - 10 - header.length - 1) + '\n';
  const bytes = new Uint8Array(128 + 12);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, padded.length, 0]);
  bytes.set(new TextEncoder().encode(padded), 10);
  bytes.set(new Uint8Array(Int32Array.from([0, 1, 2]).buffer), 128);
  return bytes;
}

describe('parseNpy', () => {
  it('reads a file laid out as numpy.save writes it', () => {
    const arr = parseNpy(handMade(), 'a.npy');
    expect(arr.dtype).toBe('int32');
    expect(arr.shape).toEqual([3]);
    expect(Array.from(arr.data as Int32Array)).toEqual([0, 1, 2]);
  });

  const cases: NpyArray[] = [
    { dtype: 'float32', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, -6.5]) },
    { dtype: 'float64', shape: [2], data: Float64Array.from([Math.PI, -1e300]) },
    { dtype: 'float16', shape: [2], data: Uint16Array.from([0x3c00, 0xc000]) },
    { dtype: 'int8', shape: [3], data: Int8Array.from([-128, 0, 127]) },
    { dtype: 'uint8', shape: [1, 1, 2], data: Uint8Array.from([0, 255]) },
    { dtype: 'int16', shape: [2], data: Int16Array.from([-32768, 5]) },
    { dtype: 'uint16', shape: [2], data: Uint16Array.from([65535, 5]) },
    { dtype: 'int32', shape: [2], data: Int32Array.from([-2147483648, 7]) },
    { dtype: 'uint32', shape: [2], data: Uint32Array.from([4294967295, 7]) },
    { dtype: 'int64', shape: [2], data: BigInt64Array.from([-(2n ** 63n), 9n]) },
    { dtype: 'uint64', shape: [2], data: BigUint64Array.from([2n ** 64n - 1n, 9n]) },
    { dtype: 'bool', shape: [3], data: Uint8Array.from([1, 0, 1]) },
    { dtype: 'float32', shape: [], data: Float32Array.from([42]) },
    { dtype: 'float32', shape: [0, 4], data: new Float32Array(0) },
    { dtype: 'string', shape: [3], data: ['hi', '', 'Grüße🙂'] },
  ];
  for (const version of [1, 2, 3] as const) {
    it.each(cases.map((c): [string, NpyArray] => [`${c.dtype} ${JSON.stringify(c.shape)}`, c]))(
      `round-trips %s through format v${version}`,
      (_, c) => {
        const bytes = writeNpy(c, { version });
        expect(bytes[6]).toBe(version);
        // numpy pads the header so that the data starts on a 64-byte boundary.
        const headerLen = version === 1 ? bytes[8] + 256 * bytes[9] : new DataView(bytes.buffer).getUint32(8, true);
        expect(((version === 1 ? 10 : 12) + headerLen) % 64).toBe(0);
        const back = parseNpy(bytes, 'x.npy');
        expect(back.dtype).toBe(c.dtype);
        expect(back.shape).toEqual(c.shape);
        expect(Array.from(back.data as ArrayLike<unknown>)).toEqual(Array.from(c.data as ArrayLike<unknown>));
      },
    );
  }

  it('copies the data out of a pooled Node Buffer (what fs.readFile returns for small files)', () => {
    const file = Buffer.from(writeNpy({ dtype: 'float32', shape: [2], data: Float32Array.from([1, 2]) }));
    const arr = parseNpy(file, 'x.npy');
    expect((arr.data as Float32Array).length).toBe(2);
    expect(Array.from(arr.data as Float32Array)).toEqual([1, 2]);
  });

  it('reads data that starts at an offset not aligned for the element type', () => {
    const good = writeNpy({ dtype: 'float64', shape: [2], data: Float64Array.from([1.5, 2.5]) });
    const shifted = new Uint8Array(good.length + 3);
    shifted.set(good, 3);
    const arr = parseNpy(shifted.subarray(3), 'x.npy');
    expect(Array.from(arr.data as Float64Array)).toEqual([1.5, 2.5]);
  });

  const f32 = { dtype: 'float32' as const, shape: [2], data: Float32Array.from([1, 2]) };
  const bad: Array<[string, () => Uint8Array, RegExp]> = [
    ['not an npy file', () => new TextEncoder().encode('hello, world'), /bad\.npy: is not a NumPy \.npy file/],
    [
      'Fortran order',
      () => writeNpy(f32, { fortranOrder: true }),
      /bad\.npy: is stored in Fortran \(column-major\) order.*ascontiguousarray/,
    ],
    ['big-endian', () => writeNpy(f32, { descr: '>f4' }), /bad\.npy: holds big-endian data \('>f4'\)/],
    ['object dtype', () => writeNpy(f32, { descr: '|O' }), /bad\.npy: holds Python objects/],
    ['complex dtype', () => writeNpy(f32, { descr: '<c8' }), /bad\.npy: has dtype '<c8', which is not supported/],
    [
      'truncated data',
      () => writeNpy(f32).subarray(0, 128 + 5),
      /bad\.npy: is truncated: its header promises 2 elements \(8 bytes\) but only 5/,
    ],
    ['unknown version', () => Object.assign(writeNpy(f32), { 6: 9 }), /bad\.npy: uses \.npy format version 9\.0/],
  ];
  it.each(bad)('rejects %s with a message naming the file', (_, make, message) => {
    let error: unknown;
    try {
      parseNpy(make(), 'bad.npy');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('INPUT_INVALID');
    expect((error as InputError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a structured dtype', () => {
    const header = "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }\n";
    const bytes = new Uint8Array(10 + header.length + 4);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length, 0]);
    bytes.set(new TextEncoder().encode(header), 10);
    expect(() => parseNpy(bytes, 'rec.npy')).toThrow(/rec\.npy: holds a structured \(record\) array/);
  });
});
