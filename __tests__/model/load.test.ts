import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnergyBudgetError, InputError } from '../../src/errors.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { loadModel } from '../../src/model/load.js';
import { DataType, encodeModel, type ModelProto, type TensorProto } from '../../src/model/onnx.js';
import { createRng } from '../../src/util/random.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLASSIFIER = join(ROOT, 'examples/models/classifier.onnx');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'eb-load-'));
}

/** Loads and returns the error, asserting it is a MODEL_INVALID input error (exit code 2). */
async function loadError(path: string, label?: string): Promise<InputError> {
  try {
    await loadModel(path, label ? { label } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const e = error as EnergyBudgetError;
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.exitCode).toBe(2);
    // One paragraph: no line breaks.
    expect(e.message).not.toMatch(/\n/);
    return e as InputError;
  }
  throw new Error(`expected loadModel(${path}) to fail`);
}

function externalTensor(name: string, location: string, offset = 0, length?: number): TensorProto {
  return {
    name,
    dims: [2],
    dataType: DataType.FLOAT,
    dataLocation: 1,
    externalData: [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      ...(length !== undefined ? [{ key: 'length', value: String(length) }] : []),
    ],
  };
}

function modelWith(initializer: TensorProto[]): ModelProto {
  return model({
    name: 'g',
    node: [node('Add', ['x', 'w'], ['y'])],
    initializer,
    input: [valueInfo('x', DataType.FLOAT, [2])],
    output: [valueInfo('y', DataType.FLOAT, [2])],
  });
}

describe('loadModel', () => {
  it('loads a valid model with its bytes, proto and size', async () => {
    const loaded = await loadModel(CLASSIFIER);
    expect(loaded.path).toBe(CLASSIFIER);
    expect(loaded.fileBytes).toBe(readFileSync(CLASSIFIER).length);
    expect(loaded.bytes.length).toBe(loaded.fileBytes);
    expect(loaded.proto.graph?.node?.length).toBe(6);
    expect(loaded.externalFiles).toEqual([]);
  });

  it('a missing file: names the model label and path and says how to fix', async () => {
    const e = await loadError(join(tempDir(), 'nope.onnx'), 'classifier');
    expect(e.message).toMatch(/Model "classifier" \(.*nope\.onnx\) does not exist/);
    expect(e.message).toMatch(/relative to the budget file/);
  });

  it('a directory', async () => {
    const e = await loadError(tempDir());
    expect(e.message).toMatch(/is a directory.*expected an \.onnx file/);
  });

  it('an empty file', async () => {
    const path = join(tempDir(), 'empty.onnx');
    writeFileSync(path, '');
    expect((await loadError(path)).message).toMatch(/empty\.onnx is an empty file \(0 bytes/);
  });

  it('random bytes (seeded)', async () => {
    const rng = createRng(7);
    const path = join(tempDir(), 'random.onnx');
    writeFileSync(
      path,
      Uint8Array.from({ length: 4096 }, () => rng.int(0, 255)),
    );
    expect((await loadError(path)).message).toMatch(/random\.onnx is not a valid ONNX file/);
  });

  it('a text file, with a hint that it is text', async () => {
    const path = join(tempDir(), 'notes.onnx');
    writeFileSync(path, 'This is not a model, just some notes.\nSecond line.\n');
    const e = await loadError(path);
    expect(e.message).toMatch(/is not a valid ONNX file/);
    expect(e.message).toMatch(/The file is text \(it starts with "This is not a model/);
  });

  it('a Git LFS pointer, with the git lfs pull fix', async () => {
    const path = join(tempDir(), 'lfs.onnx');
    writeFileSync(path, 'version https://git-lfs.github.com/spec/v1\noid sha256:0123\nsize 435678\n');
    expect((await loadError(path)).message).toMatch(/Git LFS pointer.*git lfs pull/);
  });

  it('a truncated model', async () => {
    const bytes = readFileSync(CLASSIFIER);
    const path = join(tempDir(), 'truncated.onnx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await loadError(path, 'classifier')).message).toMatch(
      /"classifier".*not a valid ONNX file: the protobuf cannot be decoded.*truncated/,
    );
  });

  it('a model without a graph', async () => {
    const path = join(tempDir(), 'nograph.onnx');
    writeFileSync(path, encodeModel({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }] }));
    expect((await loadError(path)).message).toMatch(/has no graph \(ModelProto\.graph is missing\)/);
  });

  it('a model without an opset for the default domain', async () => {
    const path = join(tempDir(), 'noopset.onnx');
    writeFileSync(path, encodeModel({ ...modelWith([floatTensor('w', [2], [1, 2])]), opsetImport: [] }));
    const e = await loadError(path);
    expect(e.message).toMatch(/declares no opset for the default ONNX domain \(opset_import is empty\)/);
    expect(e.message).toMatch(/opset_version=17/);
  });

  it('a missing external-data file names the tensor and the expected path', async () => {
    const dir = tempDir();
    const path = join(dir, 'm.onnx');
    writeFileSync(path, encodeModel(modelWith([externalTensor('w', 'w.bin')])));
    const e = await loadError(path, 'ext');
    expect(e.message).toMatch(/Model "ext".*external-data file for tensor "w" is missing: expected .*w\.bin/);
    expect(e.message).toMatch(/same folder/);
  });

  it.each([
    ['a parent-folder location', '../secret.bin'],
    ['a nested escape', 'sub/../../secret.bin'],
    ['an absolute location', '/etc/passwd'],
  ])('rejects %s that leaves the model folder', async (_what, location) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'secret.bin'), new Uint8Array(8));
    const path = join(dir, 'models', 'm.onnx');
    writeFileSync(path, encodeModel(modelWith([externalTensor('w', location)])));
    const e = await loadError(path);
    expect(e.message).toContain(`tensor "w" points to external data at "${location}", which is outside the allowed folder`);
    expect(e.message).toMatch(/no absolute paths, no "\.\.\/"/);
  });

  it('allows a location inside a wider allowedRoot only when asked', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'shared.bin'), new Uint8Array(8));
    const path = join(dir, 'models', 'm.onnx');
    writeFileSync(path, encodeModel(modelWith([externalTensor('w', '../shared.bin', 0, 8)])));
    const loaded = await loadModel(path, { allowedRoot: dir });
    expect(loaded.externalFiles).toEqual([{ path: join(dir, 'shared.bin'), bytes: 8 }]);
  });

  it('a data file shorter than offset + length', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'w.bin'), new Uint8Array(6));
    const path = join(dir, 'm.onnx');
    writeFileSync(path, encodeModel(modelWith([externalTensor('w', 'w.bin', 0, 8)])));
    expect((await loadError(path)).message).toMatch(
      /tensor "w" expects bytes 0\.\.8 of external-data file .*w\.bin, but the file has only 6 bytes/,
    );
  });

  it('an external tensor without a location', async () => {
    const dir = tempDir();
    const path = join(dir, 'm.onnx');
    const t: TensorProto = {
      name: 'w',
      dims: [2],
      dataType: DataType.FLOAT,
      dataLocation: 1,
      externalData: [{ key: 'offset', value: '0' }],
    };
    writeFileSync(path, encodeModel(modelWith([t])));
    expect((await loadError(path)).message).toMatch(/tensor "w" is marked as external data but has no "location" entry/);
  });

  it('finds external tensors inside subgraphs too', async () => {
    const dir = tempDir();
    const path = join(dir, 'm.onnx');
    const inner = {
      name: 'then',
      node: [node('Identity', ['w'], ['o'])],
      initializer: [externalTensor('w', 'missing.bin')],
      output: [valueInfo('o', DataType.FLOAT, [2])],
    };
    const proto = model({
      name: 'g',
      node: [node('If', ['c'], ['y'], { then_branch: { g: inner }, else_branch: { g: inner } })],
      input: [valueInfo('c', DataType.BOOL, [])],
      output: [valueInfo('y', DataType.FLOAT, [2])],
    });
    writeFileSync(path, encodeModel(proto));
    expect((await loadError(path)).message).toMatch(/tensor "w" is missing/);
  });
});
