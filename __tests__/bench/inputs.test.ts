import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { float32ToHalfBits, synthesizeInputs, type SynthesizeOptions } from '../../src/bench/inputs.js';
import { writeNpy } from '../../src/bench/npy.js';
import type { InputSpec } from '../../src/config/types.js';
import { InputError } from '../../src/errors.js';
import type { TensorDType, TensorInfo } from '../../src/model/types.js';
import { castToFloatModel, identityModel } from './helpers.js';
import { float16BitsOf } from '../../src/util/float16.js';

const noFile = async (p: string): Promise<Uint8Array> => {
  throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
};

function opts(over: Partial<SynthesizeOptions> = {}): SynthesizeOptions {
  return {
    modelName: 'm',
    modelIndex: 0,
    configFile: '/cfg/energy-budget.yml',
    dims: {},
    specs: {},
    seed: 1,
    readFile: noFile,
    ...over,
  };
}

async function errorOf(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('INPUT_INVALID');
    expect((e as InputError).exitCode).toBe(2);
    // One paragraph: no line breaks.
    expect((e as Error).message).not.toContain('\n');
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

/** Elements as stored; float16 as bit patterns whichever array onnxruntime-common holds them in. */
function bytesOf(t: ort.Tensor): unknown[] {
  if (t.type === 'float16') return Array.from(float16BitsOf(t.data as ArrayBufferView));
  return Array.from(t.data as ArrayLike<unknown>);
}

const FEEDABLE: TensorDType[] = [
  'float32',
  'float64',
  'float16',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'bool',
  'string',
];

describe('synthesizeInputs: every dtype onnxruntime-node feeds', () => {
  it.each(FEEDABLE)('%s: a real session accepts the tensor and returns it unchanged', async (dtype) => {
    const info: TensorInfo[] = [{ name: 'x', dtype, shape: ['N', 5] }];
    const { feeds, shapes } = await synthesizeInputs(info, opts({ dims: { N: 3 } }));
    expect(shapes.x).toEqual([3, 5]);
    expect(feeds.x.type).toBe(dtype);
    expect(feeds.x.dims).toEqual([3, 5]);
    const session = await ort.InferenceSession.create(identityModel(dtype, ['N', 5]));
    try {
      const out = await session.run(feeds);
      expect(out.y.type).toBe(dtype);
      expect(bytesOf(out.y)).toEqual(bytesOf(feeds.x));
    } finally {
      await session.release();
    }
  });

  it.each(FEEDABLE.filter((d) => d !== 'string'))(
    '%s: values lie in the documented range (checked by onnxruntime Cast to float)',
    async (dtype) => {
      const info: TensorInfo[] = [{ name: 'x', dtype, shape: [4000] }];
      const { feeds } = await synthesizeInputs(info, opts());
      const session = await ort.InferenceSession.create(castToFloatModel(dtype, [4000]));
      const values = Array.from((await session.run(feeds)).y.data as Float32Array);
      await session.release();
      if (dtype.startsWith('float')) {
        // N(0, 1): mean within 5 standard errors (5/sqrt(4000) ≈ 0.08) of 0, sd near 1, all finite.
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
        expect(Math.abs(mean)).toBeLessThan(0.08);
        expect(sd).toBeGreaterThan(0.9);
        expect(sd).toBeLessThan(1.1);
        expect(values.every(Number.isFinite)).toBe(true);
      } else if (dtype === 'bool') {
        expect(new Set(values)).toEqual(new Set([0, 1]));
      } else {
        expect(new Set(values)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
      }
    },
  );

  it('an optional(tensor) input gets a tensor; a sequence input is refused', async () => {
    const r = await synthesizeInputs([{ name: 'o', dtype: 'float32', shape: [2], kind: 'optional' }], opts());
    expect(r.shapes.o).toEqual([2]);
    const e = await errorOf(synthesizeInputs([{ name: 's', dtype: 'float32', shape: [2], kind: 'sequence' }], opts()));
    expect(e.message).toBe(
      '/cfg/energy-budget.yml: models[0].inputs.s: model "m" input "s" is a sequence of float32, and onnxruntime-node can only feed tensors. Wrap the model so that this input is a tensor.',
    );
  });

  it('random strings are short lowercase words', async () => {
    const { feeds } = await synthesizeInputs([{ name: 's', dtype: 'string', shape: [50] }], opts());
    for (const s of feeds.s.data as string[]) expect(s).toMatch(/^[a-z]{1,8}$/);
  });

  it.each(['bfloat16', 'float8e4m3fn', 'int4', 'uint4', 'complex64'] as TensorDType[])(
    '%s: says onnxruntime-node cannot feed it',
    async (dtype) => {
      const e = await errorOf(synthesizeInputs([{ name: 'x', dtype, shape: [2] }], opts()));
      expect(e.message).toBe(
        `/cfg/energy-budget.yml: models[0].inputs.x: model "m" input "x" has dtype ${dtype}, which onnxruntime-node cannot build from JavaScript ` +
          '(it feeds float32, float64, float16, int8, uint8, int16, uint16, int32, uint32, int64, uint64, bool, string). ' +
          'Wrap the model so that this input is one of those and Cast inside it.',
      );
    },
  );
});

describe('float32ToHalfBits', () => {
  it.each([
    [1, 0x3c00],
    [-2, 0xc000],
    [0.1, 0x2e66],
    [0, 0],
    [-0, 0x8000],
    [65504, 0x7bff],
    [65520, 0x7c00],
    [1e6, 0x7c00],
    [Infinity, 0x7c00],
    [-Infinity, 0xfc00],
    [2 ** -24, 0x0001],
    [2 ** -25, 0],
    [1.5 * 2 ** -25, 0x0001],
    [2 ** -14, 0x0400],
    [1 + 2 ** -11, 0x3c00],
    [1 + 3 * 2 ** -11, 0x3c02],
    [1 + 2 ** -10, 0x3c01],
  ])('%p → %p (IEEE 754 binary16, round half to even)', (x, bits) => {
    expect(float32ToHalfBits(x)).toBe(bits);
  });
  it('keeps NaN a NaN', () => {
    const h = float32ToHalfBits(NaN);
    expect(h & 0x7c00).toBe(0x7c00);
    expect(h & 0x3ff).not.toBe(0);
  });
});

describe('synthesizeInputs: determinism', () => {
  const two: TensorInfo[] = [
    { name: 'a', dtype: 'float32', shape: [64] },
    { name: 'b', dtype: 'int64', shape: [64] },
  ];
  it('the same seed gives the same bytes', async () => {
    const x = await synthesizeInputs(two, opts({ seed: 42 }));
    const y = await synthesizeInputs(two, opts({ seed: 42 }));
    expect(bytesOf(x.feeds.a)).toEqual(bytesOf(y.feeds.a));
    expect(bytesOf(x.feeds.b)).toEqual(bytesOf(y.feeds.b));
  });
  it('another seed or another model name gives other bytes', async () => {
    const x = await synthesizeInputs(two, opts({ seed: 42 }));
    expect(bytesOf((await synthesizeInputs(two, opts({ seed: 43 }))).feeds.a)).not.toEqual(bytesOf(x.feeds.a));
    expect(bytesOf((await synthesizeInputs(two, opts({ seed: 42, modelName: 'n' }))).feeds.a)).not.toEqual(bytesOf(x.feeds.a));
  });
  it('each input has its own stream: adding or reordering inputs does not change the others', async () => {
    const x = await synthesizeInputs(two, opts());
    const y = await synthesizeInputs([{ name: 'z', dtype: 'float32', shape: [10] }, two[1], two[0]], opts());
    expect(bytesOf(y.feeds.a)).toEqual(bytesOf(x.feeds.a));
    expect(bytesOf(y.feeds.b)).toEqual(bytesOf(x.feeds.b));
  });
});

describe('synthesizeInputs: dims', () => {
  it('takes symbolic dims from dims:, defaults the rest to 1 with one notice per dim', async () => {
    const r = await synthesizeInputs(
      [
        { name: 'tokens', dtype: 'int64', shape: ['batch', 'seq'] },
        { name: 'mask', dtype: 'bool', shape: ['batch', null, 4] },
      ],
      opts({ modelName: 'lm', dims: { batch: 2 } }),
    );
    expect(r.shapes).toEqual({ tokens: [2, 1], mask: [2, 1, 4] });
    expect(r.notices).toEqual([
      'model "lm": input "tokens" dim "seq" not set in dims:, using 1',
      'model "lm": input "mask" dim 1 has no size or name in the model, using 1 (set models[0].inputs.mask.shape to choose)',
    ]);
  });

  it('notes a dims: entry that no input uses, with a suggestion', async () => {
    const r = await synthesizeInputs(
      [{ name: 'x', dtype: 'float32', shape: ['batch', 4] }],
      opts({ dims: { batch: 2, bacth: 3, Z: 1 } }),
    );
    expect(r.notices).toEqual([
      'model "m": dims: bacth is not a dim of any input (the inputs use batch); did you mean batch?',
      'model "m": dims: Z is not a dim of any input (the inputs use batch)',
    ]);
  });

  it('an explicit input sizes the symbolic dims it shares with the others (no notice)', async () => {
    const r = await synthesizeInputs(
      [
        { name: 'a', dtype: 'float32', shape: ['N', 3] },
        { name: 'b', dtype: 'float32', shape: ['N'] },
      ],
      opts({ specs: { a: { kind: 'random', shape: [5, 3] } } }),
    );
    expect(r.shapes).toEqual({ a: [5, 3], b: [5] });
    expect(r.notices).toEqual([]);
  });

  it('fails when dims: and an explicit shape disagree', async () => {
    const e = await errorOf(
      synthesizeInputs(
        [{ name: 'a', dtype: 'float32', shape: ['N', 3] }],
        opts({ dims: { N: 4 }, specs: { a: { kind: 'random', shape: [5, 3] } } }),
      ),
    );
    expect(e.message).toBe(
      '/cfg/energy-budget.yml: models[0].inputs.a: the shape given has 5 in dim 0, the model\'s dim "N", but dims: sets N to 4. Make them agree or drop N from dims:.',
    );
  });

  it('rejects a negative dim size', async () => {
    const e = await errorOf(synthesizeInputs([{ name: 'a', dtype: 'float32', shape: ['N'] }], opts({ dims: { N: -1 } })));
    expect(e.message).toMatch(/models\[0\]\.dims\.N: dims: N is -1; a dim size must be a non-negative integer/);
  });

  it('batchSize is dim 0 of the first input when the model leaves it symbolic, else 1', async () => {
    const sym = await synthesizeInputs(
      [
        { name: 'x', dtype: 'float32', shape: ['N', 2] },
        { name: 'y', dtype: 'float32', shape: [7] },
      ],
      opts({ dims: { N: 32 } }),
    );
    expect(sym.batchSize).toBe(32);
    const unknown = await synthesizeInputs(
      [{ name: 'x', dtype: 'float32', shape: [null, 2] }],
      opts({ specs: { x: { kind: 'random', shape: [8, 2] } } }),
    );
    expect(unknown.batchSize).toBe(8);
    const fixed = await synthesizeInputs([{ name: 'x', dtype: 'float32', shape: [16, 2] }], opts());
    expect(fixed.batchSize).toBe(1);
    const scalar = await synthesizeInputs([{ name: 'x', dtype: 'float32', shape: [] }], opts());
    expect(scalar.batchSize).toBe(1);
    expect((await synthesizeInputs([], opts())).batchSize).toBe(1);
  });

  it('an input with no declared shape needs an explicit one', async () => {
    const e = await errorOf(synthesizeInputs([{ name: 'x', dtype: 'float32', shape: null }], opts()));
    expect(e.message).toMatch(
      /models\[0\]\.inputs\.x: model "m" declares no shape for input "x", so its rank is unknown\. Give one, e\.g\. inputs: \{ x: \{ shape: \[1, 3\] \} \}\./,
    );
    const ok = await synthesizeInputs(
      [{ name: 'x', dtype: 'float32', shape: null }],
      opts({ specs: { x: { kind: 'random', shape: [2, 2] } } }),
    );
    expect(ok.shapes.x).toEqual([2, 2]);
  });
});

describe('synthesizeInputs: explicit specs', () => {
  const x: TensorInfo = { name: 'x', dtype: 'float32', shape: ['N', 3] };

  it('random: a shape override, and a dtype that matches the model', async () => {
    const r = await synthesizeInputs([x], opts({ specs: { x: { kind: 'random', shape: [4, 3], dtype: 'float32' } } }));
    expect(r.shapes.x).toEqual([4, 3]);
    expect(r.batchSize).toBe(4);
  });

  it('random: a dtype the model does not take', async () => {
    const e = await errorOf(synthesizeInputs([x], opts({ specs: { x: { kind: 'random', dtype: 'float64' } } })));
    expect(e.message).toBe(
      '/cfg/energy-budget.yml: models[0].inputs.x: the dtype given is float64 but model "m" takes float32 for input "x". Use float32 (onnxruntime does not convert input types).',
    );
  });

  it('value: a nested list becomes a tensor of the model dtype with the inferred shape', async () => {
    const r = await synthesizeInputs(
      [x],
      opts({
        specs: {
          x: {
            kind: 'value',
            value: [
              [1, 2, 3],
              [4, 5, 6.5],
            ],
          },
        },
      }),
    );
    expect(r.shapes.x).toEqual([2, 3]);
    expect(r.feeds.x.type).toBe('float32');
    expect(bytesOf(r.feeds.x)).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(r.batchSize).toBe(2);
  });

  it('value: a scalar for a rank-0 input, and a scalar that fills a shaped input', async () => {
    const r = await synthesizeInputs(
      [
        { name: 'sr', dtype: 'int64', shape: [] },
        { name: 'state', dtype: 'float32', shape: [2, 'N', 4] },
        { name: 'flag', dtype: 'bool', shape: [1] },
      ],
      opts({
        dims: { N: 3 },
        specs: { sr: { kind: 'value', value: 16000 }, state: { kind: 'value', value: 0 }, flag: { kind: 'value', value: true } },
      }),
    );
    expect(r.shapes).toEqual({ sr: [], state: [2, 3, 4], flag: [1] });
    expect(bytesOf(r.feeds.sr)).toEqual([16000n]);
    expect(bytesOf(r.feeds.state)).toEqual(new Array(24).fill(0));
    expect(bytesOf(r.feeds.flag)).toEqual([1]);
  });

  it('value: a flat list with a shape is reshaped; a count mismatch is an error', async () => {
    const r = await synthesizeInputs([x], opts({ specs: { x: { kind: 'value', value: [1, 2, 3, 4, 5, 6], shape: [2, 3] } } }));
    expect(r.shapes.x).toEqual([2, 3]);
    const e = await errorOf(synthesizeInputs([x], opts({ specs: { x: { kind: 'value', value: [1, 2, 3, 4], shape: [2, 3] } } })));
    expect(e.message).toMatch(/models\[0\]\.inputs\.x: the value has 4 elements but the shape given, \[2, 3\], holds 6\./);
  });

  it('value: float16, int8 and string values', async () => {
    const r = await synthesizeInputs(
      [
        { name: 'h', dtype: 'float16', shape: [2] },
        { name: 'i', dtype: 'int8', shape: [2] },
        { name: 's', dtype: 'string', shape: [2] },
      ],
      opts({
        specs: {
          h: { kind: 'value', value: [1, -2] },
          i: { kind: 'value', value: [-128, 127] },
          s: { kind: 'value', value: ['a', 'b'] },
        },
      }),
    );
    expect(bytesOf(r.feeds.h)).toEqual([0x3c00, 0xc000]);
    expect(bytesOf(r.feeds.i)).toEqual([-128, 127]);
    expect(r.feeds.s.data).toEqual(['a', 'b']);
  });

  it('value: a ragged list names where it breaks', async () => {
    const e = await errorOf(
      synthesizeInputs(
        [x],
        opts({
          specs: {
            x: {
              kind: 'value',
              value: [
                [1, 2, 3],
                [4, 5],
              ],
            },
          },
        }),
      ),
    );
    expect(e.message).toBe(
      '/cfg/energy-budget.yml: models[0].inputs.x: the value is ragged: value[1] has 2 elements where 3 were expected (shape [2, 3] from the first elements).',
    );
    const deeper = await errorOf(
      synthesizeInputs(
        [x],
        opts({
          specs: {
            x: {
              kind: 'value',
              value: [
                [1, 2, 3],
                [4, [5], 6],
              ],
            },
          },
        }),
      ),
    );
    expect(deeper.message).toMatch(/value\[1\]\[1\] is a list where a number was expected/);
  });

  it.each([
    ['int8', 300, /element 0 of the value, 300, is not an integer in -128\.\.127 \(the input is int8\)/],
    ['int32', 1.5, /element 0 of the value, 1\.5, is not an integer/],
    ['float32', 'abc', /element 0 of the value, "abc", is not a number \(the input is float32\)/],
    ['bool', 2, /element 0 of the value, 2, is not true, false, 1 or 0/],
    ['string', 5, /element 0 of the value, 5, is not a string/],
  ] as Array<[TensorDType, unknown, RegExp]>)('value: a %s input rejects %p', async (dtype, v, message) => {
    const e = await errorOf(
      synthesizeInputs([{ name: 'x', dtype, shape: [1] }], opts({ specs: { x: { kind: 'value', value: [v] } } })),
    );
    expect(e.message).toMatch(message);
  });
});

describe('synthesizeInputs: .npy data', () => {
  let dir: string;
  let configFile: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'eb-inputs-'));
    configFile = path.join(dir, 'energy-budget.yml');
    await mkdir(path.join(dir, 'inputs'));
    await writeFile(
      path.join(dir, 'inputs', 'x.npy'),
      writeNpy({ dtype: 'float32', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) }),
    );
    await writeFile(
      path.join(dir, 'inputs', 'ids.npy'),
      writeNpy({ dtype: 'int64', shape: [1, 3], data: BigInt64Array.from([5n, 6n, 7n]) }),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const read = (p: string): Promise<Uint8Array> => readFile(p);
  const x: TensorInfo = { name: 'x', dtype: 'float32', shape: ['N', 3] };
  const spec = (file: string): Record<string, InputSpec> => ({ x: { kind: 'npy', file } });

  it('reads a file relative to the budget file and feeds it to a real session', async () => {
    const r = await synthesizeInputs([x], opts({ configFile, readFile: read, specs: spec('inputs/x.npy') }));
    expect(r.shapes.x).toEqual([2, 3]);
    expect(r.batchSize).toBe(2);
    const session = await ort.InferenceSession.create(identityModel('float32', ['N', 3]));
    expect(bytesOf((await session.run(r.feeds)).y)).toEqual([1, 2, 3, 4, 5, 6]);
    await session.release();
  });

  it('takes an absolute path as it is', async () => {
    const r = await synthesizeInputs(
      [x],
      opts({ configFile: '/elsewhere/b.yml', readFile: read, specs: spec(path.join(dir, 'inputs/x.npy')) }),
    );
    expect(r.shapes.x).toEqual([2, 3]);
  });

  it('a dtype that differs from the model', async () => {
    const e = await errorOf(synthesizeInputs([x], opts({ configFile, readFile: read, specs: spec('inputs/ids.npy') })));
    expect(e.message).toBe(
      `${configFile}: models[0].inputs.x: the data in ${path.join(dir, 'inputs/ids.npy')} is int64 but model "m" takes float32 for input "x". ` +
        'Use float32 (onnxruntime does not convert input types).',
    );
  });

  it('a shape that does not fit the model', async () => {
    const e = await errorOf(
      synthesizeInputs(
        [{ name: 'x', dtype: 'float32', shape: ['N', 4] }],
        opts({ configFile, readFile: read, specs: spec('inputs/x.npy') }),
      ),
    );
    expect(e.message).toMatch(
      /the data in .*x\.npy has 3 in dim 1 \(shape \[2, 3\]\) but model "m" fixes that dim of input "x" at 4 \(shape \[N, 4\]\)\./,
    );
  });

  it('a missing file', async () => {
    const e = await errorOf(synthesizeInputs([x], opts({ configFile, readFile: read, specs: spec('inputs/nope.npy') })));
    expect(e.message).toBe(
      `${configFile}: models[0].inputs.x: the data file ${path.join(dir, 'inputs/nope.npy')} does not exist. Paths are relative to the budget file's folder.`,
    );
  });

  it('a file that is not .npy', async () => {
    const e = await errorOf(
      synthesizeInputs(
        [x],
        opts({ configFile, readFile: async () => new TextEncoder().encode('nope'), specs: spec('inputs/x.npy') }),
      ),
    );
    expect(e.message).toMatch(/models\[0\]\.inputs\.x: .*x\.npy: is not a NumPy \.npy file/);
  });
});

describe('synthesizeInputs: errors', () => {
  const inputs: TensorInfo[] = [
    { name: 'input_ids', dtype: 'int64', shape: ['batch', 'seq'] },
    { name: 'attention_mask', dtype: 'int64', shape: ['batch', 'seq'] },
    { name: 'image', dtype: 'float32', shape: [1, 3, 224, 224] },
  ];

  it('an unknown input name lists the real ones and suggests the closest', async () => {
    const e = await errorOf(
      synthesizeInputs(inputs, opts({ modelName: 'bert', modelIndex: 2, specs: { input_id: { kind: 'random' } } })),
    );
    expect(e.message).toBe(
      '/cfg/energy-budget.yml: models[2].inputs.input_id: model "bert" has no input "input_id"; its inputs are "input_ids", "attention_mask", "image". ' +
        'Did you mean "input_ids"? Rename or remove the entry.',
    );
  });

  it('an unknown input name with nothing close gets no suggestion', async () => {
    const e = await errorOf(synthesizeInputs(inputs, opts({ specs: { zzzzzzzz: { kind: 'random' } } })));
    expect(e.message).not.toContain('Did you mean');
  });

  it('wrong rank', async () => {
    const e = await errorOf(synthesizeInputs(inputs, opts({ specs: { image: { kind: 'random', shape: [3, 224, 224] } } })));
    expect(e.message).toBe(
      '/cfg/energy-budget.yml: models[0].inputs.image: the shape given has rank 3 (shape [3, 224, 224]) but model "m" declares input "image" with rank 4, ' +
        'shape [1, 3, 224, 224]. Give a shape with 4 dims.',
    );
  });

  it('a fixed dim mismatch', async () => {
    const e = await errorOf(synthesizeInputs(inputs, opts({ specs: { image: { kind: 'random', shape: [1, 3, 256, 224] } } })));
    expect(e.message).toMatch(
      /models\[0\]\.inputs\.image: the shape given has 256 in dim 2 \(shape \[1, 3, 256, 224\]\) but model "m" fixes that dim of input "image" at 224/,
    );
  });

  it('an input over the memory cap fails before anything is allocated, even when the byte count overflows', async () => {
    const e = await errorOf(synthesizeInputs(inputs, opts({ dims: { batch: 2 ** 40, seq: 2 ** 40 } })));
    expect(e.message).toBe(
      '/cfg/energy-budget.yml: models[0].inputs.input_ids: model "m" input "input_ids" would take more than 1 PiB at shape [1099511627776, 1099511627776] (int64), ' +
        'over the 1.0 GiB limit for a synthesised input. Use smaller sizes in dims: or inputs.input_ids.shape.',
    );
    const small = await errorOf(synthesizeInputs(inputs, opts({ dims: { batch: 4, seq: 512 }, maxInputBytes: 8 * 1024 })));
    expect(small.message).toMatch(/would take 16\.0 KiB at shape \[4, 512\] \(int64\), over the 8\.0 KiB limit/);
  });

  it('a scalar value filling a huge shape is capped too', async () => {
    const e = await errorOf(
      synthesizeInputs(
        [{ name: 's', dtype: 'float32', shape: ['N'] }],
        opts({ dims: { N: 2 ** 31 }, specs: { s: { kind: 'value', value: 0 } } }),
      ),
    );
    expect(e.message).toMatch(/would take 8\.0 GiB/);
  });
});
