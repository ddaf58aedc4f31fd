import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeModel } from '../../src/model/analyze.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { DataType, decodeModel, encodeModel } from '../../src/model/onnx.js';
import { parseOptimizeArgs, runOptimizeCommand } from '../../src/optimize/command.js';
import { runCli } from '../../src/cli.js';
import type { Report } from '../../src/report/types.js';
import { writeNpy } from '../../src/bench/npy.js';
import { createRng } from '../../src/util/random.js';
import { buildResidualConcat } from './structured-fixture.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eb-reduce-'));
  await writeFile(join(dir, 'residual.onnx'), encodeModel(buildResidualConcat({ seed: 11 })));
  const rng = createRng(4);
  const rows = Float32Array.from({ length: 12 * 3 * 8 * 8 }, () => rng.normal());
  await writeFile(join(dir, 'rows.npy'), writeNpy({ dtype: 'float32', shape: [12, 3, 8, 8], data: rows }));
  const w = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
  const reshaped = model({
    name: 'reshape',
    node: [
      node('Gemm', ['x', 'fc1.w', 'fc1.b'], ['h'], { transB: 1 }, 'fc1'),
      node('Reshape', ['h', 'shape'], ['y'], {}, 'reshape'),
    ],
    initializer: [
      floatTensor('fc1.w', [8, 4], w(32)),
      floatTensor('fc1.b', [8], w(8)),
      { name: 'shape', dims: [3], dataType: DataType.INT64, rawData: new Uint8Array(BigInt64Array.from([-1n, 2n, 4n]).buffer) },
    ],
    input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 2, 4])],
  });
  await writeFile(join(dir, 'reshape.onnx'), encodeModel(reshaped));
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

describe('energy-budget optimize --prune-structured / --distill-width', () => {
  it('writes a smaller dense model, fine-tuned on seeded inputs, with held-out fidelity', async () => {
    const r = await run(
      'residual.onnx',
      '--prune-structured',
      '0.5',
      '--fine-tune',
      '20',
      '--train-batches',
      '2',
      '--channel-multiple',
      '1',
      '--dims',
      'N=4',
      '--out',
      'small.onnx',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const written = decodeModel(await readFile(join(dir, 'small.onnx')));
    const bytes = encodeModel(written);
    const a = analyzeModel({ path: join(dir, 'small.onnx'), bytes, proto: written, fileBytes: bytes.length, externalFiles: [] });
    expect(a.size.parameters).toBeLessThan(0.5 * 3011);
    expect(r.out).toMatch(/convA \+ convB: 4 of 8 kept/);
    expect(r.out).toMatch(/out: 5 of 5 kept \(all kept: they reach the graph output y\)/);
    expect(r.out).toMatch(/fine-tuned {2}20 steps in .* on 2 seeded synthetic input batch\(es\); MSE on the output "y"/);
    expect(r.out).toMatch(/fidelity on 4 other seeded synthetic batch\(es\), not trained on/);
  });

  it('writes a model that run then measures with the parameters optimize stated', async () => {
    const r = await run(
      'residual.onnx',
      '--prune-structured',
      '0.5',
      '--channel-multiple',
      '1',
      '--fine-tune',
      '5',
      '--train-batches',
      '2',
      '--dims',
      'N=4',
      '--out',
      'measured.onnx',
    );
    expect(r.code).toBe(0);
    const [, before, after] = /parameters {2}([\d,]+) → ([\d,]+)/.exec(r.out) ?? [];
    const yml =
      'version: 1\nmodels:\n' +
      ['residual', 'measured']
        .map(
          (n) =>
            `  - name: ${n}\n    path: ${n}.onnx\n    dims: { N: 4 }\n    energy: estimate\n    inference: { iterations: 5, warmup: 1 }\n`,
        )
        .join('');
    await writeFile(join(dir, 'eb.yml'), yml);
    let out = '';
    const code = await runCli({
      argv: ['run', '--config', 'eb.yml', '--json', 'eb.json'],
      cwd: dir,
      env: {},
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (out += t) },
    });
    expect({ code, out: code === 0 ? '' : out }).toEqual({ code: 0, out: '' });
    const report = JSON.parse(await readFile(join(dir, 'eb.json'), 'utf8')) as Report;
    const [original, pruned] = report.models;
    expect(original.size.parameters).toBe(Number(before.replace(/,/g, '')));
    expect(pruned.size.parameters).toBe(Number(after.replace(/,/g, '')));
    expect(pruned.flops).toBeLessThan(0.5 * original.flops);
    expect(pruned.inference?.runs).toBeGreaterThan(0);
  });

  it('trains a student on rows of a .npy file and holds the last quarter out', async () => {
    const r = await run(
      'residual.onnx',
      '--distill-width',
      '0.75',
      '--fine-tune',
      '5',
      '--data',
      'rows.npy',
      '--dims',
      'N=3',
      '--out',
      'student.onnx',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/on 3 batch\(es\) of 3 rows from rows.npy; KL divergence at temperature 2/);
    expect(r.out).toMatch(/fidelity on the last 1 batch\(es\) of rows.npy, not trained on/);
    // By default Conv layers keep a multiple of 8 channels: these 8-channel ones stay whole.
    expect(r.out).toMatch(/convA \+ convB: 8 of 8 kept\n/);
    expect(r.out).toMatch(/fc: 12 of 16 kept/);
  });

  it('names the layer it cannot prune and why, with exit 2 and nothing written', async () => {
    const r = await run('reshape.onnx', '--prune-structured', '0.5', '--out', 'nothing.onnx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot remove any channel: fc1: reshape \(Reshape\) reads them/);
    await expect(readFile(join(dir, 'nothing.onnx'))).rejects.toThrow();
  });

  it('refuses options that do not fit', () => {
    expect(() => parseOptimizeArgs(['m.onnx', '--prune-structured', '1', '--out', 'o.onnx'])).toThrow(/above 0 and below 1/);
    expect(() => parseOptimizeArgs(['m.onnx', '--int8', '--fine-tune', '3', '--out', 'o.onnx'])).toThrow(
      /--fine-tune only applies/,
    );
    expect(() => parseOptimizeArgs(['m.onnx', '--distill-width', '0', '--out', 'o.onnx'])).toThrow(/above 0 and at most 1/);
    expect(() => parseOptimizeArgs(['m.onnx', '--prune-structured', '0.3', '--loss', 'ce', '--out', 'o.onnx'])).toThrow(
      /expected mse or kl/,
    );
    expect(
      parseOptimizeArgs(['m.onnx', '--prune-structured', '0.3', '--fine-tune', '300', '--out', 'o.onnx']).reduce,
    ).toMatchObject({ pruneRatio: 0.3, steps: 300 });
  });
});
