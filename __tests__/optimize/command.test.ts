import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataType, decodeModel, encodeModel } from '../../src/model/onnx.js';
import { model, node, valueInfo } from '../../src/model/builder.js';
import { parseOptimizeArgs, runOptimizeCommand } from '../../src/optimize/command.js';
import { readFloat32 } from '../../src/optimize/tensors.js';

const examplesDir = fileURLToPath(new URL('../../examples/models/', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eb-optimize-'));
  await copyFile(join(examplesDir, 'classifier.onnx'), join(dir, 'classifier.onnx'));
  await copyFile(join(examplesDir, 'cnn.onnx'), join(dir, 'cnn.onnx'));
  const relu = model({
    name: 'g',
    node: [node('Relu', ['x'], ['y'])],
    input: [valueInfo('x', DataType.FLOAT, [2])],
    output: [valueInfo('y', DataType.FLOAT, [2])],
  });
  await writeFile(join(dir, 'relu.onnx'), encodeModel(relu));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runOptimizeCommand(argv, {
    cwd: dir,
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    readFile: (p) => readFile(p),
    writeFile: (p, d) => writeFile(p, d),
  });
  return { code, out, err };
}

describe('energy-budget optimize', () => {
  it('writes the int8 variant and prints its size against the original and its fidelity', async () => {
    const r = await run('classifier.onnx', '--int8', '--out', 'classifier.int8.onnx');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const written = await readFile(join(dir, 'classifier.int8.onnx'));
    const original = await readFile(join(dir, 'classifier.onnx'));
    expect(decodeModel(written).graph!.node!.filter((n) => n.opType === 'DequantizeLinear')).toHaveLength(3);
    expect(r.out).toContain(`Wrote classifier.int8.onnx: int8 weights of classifier.onnx (opset 17)`);
    expect(r.out).toContain(`(${original.length.toLocaleString('en-US')} B) → `);
    expect(r.out).toContain(`(${written.length.toLocaleString('en-US')} B)  −74%`);
    expect(r.out).toMatch(/fidelity on 4 seeded input batch\(es\): max abs error [\d.e-]+, max rel error [\d.e-]+/);
    expect(r.out).toMatch(/y: .*top-1 agreement \d+\.\d% of 64 rows \(threshold-0\.5\)/);
  });

  it.each([
    [['--fp16'], 'fp16 weights'],
    [['--int8-dynamic'], 'dynamic int8'],
    [['--prune', '0.75', '--prune-scope', 'global'], 'pruned 75%'],
    [['--prune=0.3'], 'pruned 30%'],
  ])('writes %j', async (flags, label) => {
    const r = await run('cnn.onnx', ...flags, '--out', join(dir, 'cnn.variant.onnx'), '--batches', '2', '--dims', 'N=3');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`: ${label} of cnn.onnx`);
    expect(r.out).toMatch(/logits: .*of 6 rows \(argmax\)/);
  });

  it('prunes to the requested sparsity exactly and says so', async () => {
    const r = await run('cnn.onnx', '--prune', '0.5', '--out', 'cnn.pruned.onnx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('sparsity 50.0% of the pruned weights are zero (per-tensor)');
    expect(r.out).toMatch(/gzipped .* −\d+%/);
    const w = readFloat32(
      decodeModel(await readFile(join(dir, 'cnn.pruned.onnx'))).graph!.initializer!.find((t) => t.name === 'fc.weight')!,
    );
    expect(w.filter((v) => v === 0).length).toBe(w.length / 2);
  });

  it.each([
    [[], /Missing MODEL/],
    [
      ['classifier.onnx', '--out', 'x.onnx'],
      /Missing the variant: give exactly one of --int8, --int8-dynamic, --fp16 or --prune FRACTION/,
    ],
    [['classifier.onnx', '--int8', '--fp16', '--out', 'x.onnx'], /exactly one variant; got --int8 and --fp16/],
    [['classifier.onnx', '--int8'], /Missing --out FILE/],
    [['classifier.onnx', '--prune', '--out', 'x.onnx'], /--prune needs a value/],
    [
      ['classifier.onnx', '--prune', '1.5', '--out', 'x.onnx'],
      /--prune 1.5: expected a fraction from 0 up to \(not including\) 1/,
    ],
    [['classifier.onnx', '--prune', 'half', '--out', 'x.onnx'], /--prune half/],
    [['classifier.onnx', '--int8', '--out', 'x.onnx', '--quantize'], /Unknown option --quantize/],
    [['classifier.onnx', 'cnn.onnx', '--int8', '--out', 'x.onnx'], /Expected one MODEL, got 2/],
    [['classifier.onnx', '--int8', '--prune-scope', 'global', '--out', 'x.onnx'], /--prune-scope only applies to --prune/],
    [['classifier.onnx', '--prune', '0.5', '--prune-scope', 'layer', '--out', 'x.onnx'], /expected per-tensor or global/],
    [['classifier.onnx', '--int8', '--dims', 'N', '--out', 'x.onnx'], /--dims: "N" is not NAME=SIZE/],
    [['classifier.onnx', '--int8', '--out', 'classifier.onnx'], /is the model itself/],
    [['missing.onnx', '--int8', '--out', 'x.onnx'], /missing.onnx does not exist/],
    [['relu.onnx', '--int8', '--out', 'x.onnx'], /relu.onnx: nothing to do for int8 weights. No Conv, Gemm or MatMul weight/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('prints the usage for --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: energy-budget optimize MODEL/);
  });

  it('writes nothing and exits 3 when onnxruntime cannot run the variant', async () => {
    let out = '';
    let err = '';
    const code = await runOptimizeCommand(['cnn.onnx', '--fp16', '--out', 'never.onnx'], {
      cwd: dir,
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      readFile: (p) => readFile(p),
      writeFile: () => Promise.reject(new Error('must not write')),
      createSession: async () => {
        throw new Error('no kernel for Cast(21)');
      },
    });
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toMatch(
      /fp16 weights variant of cnn.onnx was built but onnxruntime could not run it: no kernel for Cast\(21\). Nothing was written./,
    );
  });

  it('parses inline values and defaults', () => {
    expect(parseOptimizeArgs(['m.onnx', '--prune=0.25', '--out=o.onnx'])).toEqual({
      model: 'm.onnx',
      out: 'o.onnx',
      variant: 'prune',
      options: { sparsity: 0.25 },
      dims: {},
      batches: 4,
      reduce: {},
    });
  });
});
