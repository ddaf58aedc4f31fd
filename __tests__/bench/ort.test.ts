import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { createSession, ortVersion } from '../../src/bench/ort.js';
import { InputError } from '../../src/errors.js';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { model, node, valueInfo } from '../../src/model/builder.js';
import { identityModel, mlpModel } from './helpers.js';

async function loadError(bytes: string | Uint8Array, name?: string): Promise<InputError> {
  try {
    const s = await createSession(bytes, { threads: 1, ...(name ? { name } : {}) });
    await s.release();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('MODEL_INVALID');
    expect((e as InputError).exitCode).toBe(2);
    expect((e as Error).message).not.toContain('\n');
    return e as InputError;
  }
  throw new Error('expected the load to fail');
}

function oneNode(
  op: string,
  inputs: string[],
  type: number = DataType.FLOAT,
  opts: { domain?: string; opset?: number } = {},
): Uint8Array {
  return encodeModel(
    model(
      {
        name: 'g',
        node: [node(op, inputs, ['y'], {}, 'the_node', opts.domain)],
        input: [valueInfo('x', type, [2])],
        output: [valueInfo('y', type, [2])],
      },
      { opset: opts.opset ?? 17, ...(opts.domain ? { extraOpsets: [{ domain: opts.domain, version: 1 }] } : {}) },
    ),
  );
}

describe('createSession', () => {
  it('loads a model from bytes and runs it', async () => {
    const s = await createSession(mlpModel(), { threads: 1 });
    expect(s.inputNames).toEqual(['x']);
    expect(s.outputNames).toEqual(['y']);
    const out = await s.run({ x: new ort.Tensor('float32', new Float32Array(2 * 16).fill(0.5), [2, 16]) });
    expect(out.y.dims).toEqual([2, 1]);
    const y = out.y.data as Float32Array;
    expect(y[0]).toBeGreaterThan(0);
    expect(y[0]).toBeLessThan(1);
    await s.release();
  });

  it('loads a model from a path with several threads', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-ort-'));
    const file = path.join(dir, 'id.onnx');
    await writeFile(file, identityModel('float32', [3]));
    const s = await createSession(file, { threads: 2 });
    const out = await s.run({ x: new ort.Tensor('float32', Float32Array.from([1, 2, 3]), [3]) });
    expect(Array.from(out.y.data as Float32Array)).toEqual([1, 2, 3]);
    await s.release();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the onnxruntime version', () => {
    expect(ortVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('createSession: load errors name the model and the op or node', () => {
  it('a missing file', async () => {
    const e = await loadError('/nonexistent/model.onnx', 'clf');
    expect(e.message).toBe(`model "clf": the file does not exist. Check the path (relative to the budget file's folder).`);
  });

  it('bytes that are not ONNX', async () => {
    const e = await loadError(new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\noid sha256:abc\n'), 'clf');
    expect(e.message).toMatch(
      /^model "clf": onnxruntime cannot parse the file as an ONNX model \(protobuf parsing failed\)\. .*Git LFS pointer/,
    );
  });

  it('an op onnxruntime does not know', async () => {
    const e = await loadError(oneNode('FancyOp', ['x']), 'clf');
    expect(e.message).toMatch(
      /^model "clf": op FancyOp \(opset 17\) at node "the_node" is not an op onnxruntime \d+\.\d+\.\d+ knows\. Re-export/,
    );
  });

  it('an op in a domain onnxruntime does not know', async () => {
    const e = await loadError(oneNode('Thing', ['x'], DataType.FLOAT, { domain: 'com.example' }), 'clf');
    expect(e.message).toMatch(
      /^model "clf": op Thing in domain "com\.example" is not an op onnxruntime \d+\.\d+\.\d+ knows \(no kernel or function is registered for it\)\./,
    );
  });

  it('an invalid node (wrong input count)', async () => {
    const e = await loadError(oneNode('Add', ['x']), 'clf');
    expect(e.message).toMatch(
      /^model "clf": onnxruntime rejects node "the_node" \(op Add\) as invalid: .*input size 1 not in range/,
    );
  });

  it('an input type the op does not accept', async () => {
    const e = await loadError(oneNode('Relu', ['x'], DataType.STRING), 'clf');
    expect(e.message).toMatch(/^model "clf": onnxruntime rejects node "the_node" \(op Relu\) as invalid: .*tensor\(string\)/);
  });

  it('an op without a CPU kernel for the type', async () => {
    const e = await loadError(
      encodeModel(
        model(
          {
            name: 'g',
            node: [node('Identity', ['x'], ['y'], {}, 'id4')],
            input: [valueInfo('x', DataType.INT4, [2])],
            output: [valueInfo('y', DataType.INT4, [2])],
          },
          { opset: 21 },
        ),
      ),
      'clf',
    );
    expect(e.message).toBe(
      `model "clf": onnxruntime's CPU execution provider has no kernel for op Identity (opset 21) at node "id4" with these input types. ` +
        'Re-export the model with other types or ops for that node.',
    );
  });

  it('takes a ready-made quoted label as it is', async () => {
    expect((await loadError('/nonexistent/m.onnx', '"clf" (models/clf.onnx)')).message).toMatch(
      /^model "clf" \(models\/clf\.onnx\): the file does not exist/,
    );
  });

  it('falls back to the path, then "the model", for the name', async () => {
    expect((await loadError('/nonexistent/m.onnx')).message).toMatch(/^model "\/nonexistent\/m\.onnx": /);
    expect((await loadError(new Uint8Array([1, 2, 3]))).message).toMatch(/^model "the model": /);
  });
});
