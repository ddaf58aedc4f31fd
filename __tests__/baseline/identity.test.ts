/**
 * The identity check behind "identical means identical": byte and canonical digests of real
 * models written to a temp folder, and the budget-entry comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareIdentity, digestModel, measurementEntry, type IdentitySide } from '../../src/baseline/identity.js';
import { buildClassifier } from '../../src/model/examples.js';
import { encodeModel, type ModelProto } from '../../src/model/onnx.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-identity-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function digestOf(proto: ModelProto) {
  const file = path.join(dir, `m${n++}.onnx`);
  await writeFile(file, encodeModel(proto));
  return digestModel(file);
}

describe('digestModel', () => {
  it('gives the same byte digest to the same bytes', async () => {
    const a = await digestOf(buildClassifier());
    const b = await digestOf(buildClassifier());
    expect(a.bytesSha256).toBe(b.bytesSha256);
    expect(a.canonicalSha256).toBe(b.canonicalSha256);
  });

  it('recognises a re-saved model: doc string, producer, model version, node names differ, graph and weights the same', async () => {
    const a = await digestOf(buildClassifier());
    const resaved = buildClassifier();
    resaved.docString = 'A classifier for digits, now documented.';
    resaved.producerName = 'pytorch';
    resaved.producerVersion = '2.4.0';
    resaved.modelVersion = 7;
    resaved.metadataProps = [{ key: 'author', value: 'someone' }];
    resaved.graph!.node![0].name = 'renamed_fc1';
    resaved.graph!.node![0].docString = 'first layer';
    resaved.graph!.name = 'main_graph';
    const b = await digestOf(resaved);
    expect(b.bytesSha256).not.toBe(a.bytesSha256);
    expect(b.canonicalSha256).toBe(a.canonicalSha256);
    expect(b.sizeBytes).toBeGreaterThan(a.sizeBytes);
  });

  it('tells a changed weight, attribute or extra node apart', async () => {
    const a = await digestOf(buildClassifier());
    const weight = buildClassifier();
    const raw = weight.graph!.initializer![1].rawData!;
    raw[0] ^= 1;
    const attr = buildClassifier();
    attr.graph!.node![0].attribute![0].i = 0;
    const seed = buildClassifier({ seed: 2 });
    const wider = buildClassifier({ hidden1: 136 });
    for (const changed of [weight, attr, seed, wider]) {
      const d = await digestOf(changed);
      expect(d.canonicalSha256).not.toBe(a.canonicalSha256);
    }
  });

  it('includes external-data files in both digests', async () => {
    const sub = await mkdtemp(path.join(dir, 'ext-'));
    const proto = buildClassifier();
    const t = proto.graph!.initializer![0];
    const data = Buffer.from(t.rawData!);
    delete t.rawData;
    t.dataLocation = 1;
    t.externalData = [{ key: 'location', value: 'w.bin' }];
    await writeFile(path.join(sub, 'model.onnx'), encodeModel(proto));
    await writeFile(path.join(sub, 'w.bin'), data);
    const a = await digestModel(path.join(sub, 'model.onnx'));
    data[0] ^= 1;
    await writeFile(path.join(sub, 'w.bin'), data);
    const b = await digestModel(path.join(sub, 'model.onnx'));
    expect(b.bytesSha256).not.toBe(a.bytesSha256);
    expect(b.canonicalSha256).not.toBe(a.canonicalSha256);
    expect(a.sizeBytes).toBe((await digestOf(proto)).sizeBytes + data.length);
  });
});

describe('measurementEntry and compareIdentity', () => {
  const file = (entry: string, top = '') => `version: 1\n${top}models:\n  - name: other\n    path: o.onnx\n  - name: m\n${entry}`;
  const base = file('    path: m.onnx\n    dims: { N: 8 }\n    budget: { regression: { latency-p50: 2% } }\n');

  it('ignores the limits, advise and compare, and the order of keys', () => {
    const head = file(
      '    dims: { N: 8 }\n    path: m.onnx\n    compare: auto\n    advise: true\n    budget: { regression: { latency-p50: 5% } }\n',
    );
    expect(measurementEntry(head, 'm')).toBe(measurementEntry(base, 'm'));
  });

  it('sees a change of what is measured (dims, threads, the power model)', () => {
    expect(measurementEntry(file('    path: m.onnx\n    dims: { N: 32 }\n'), 'm')).not.toBe(measurementEntry(base, 'm'));
    expect(measurementEntry(file('    path: m.onnx\n    dims: { N: 8 }\n    threads: 2\n'), 'm')).not.toBe(
      measurementEntry(base, 'm'),
    );
    expect(measurementEntry(file('    path: m.onnx\n    dims: { N: 8 }\n', 'power: { idle: 10 W }\n'), 'm')).not.toBe(
      measurementEntry(base, 'm'),
    );
    expect(measurementEntry(base, 'absent')).toBeUndefined();
    expect(measurementEntry(': not yaml : [', 'm')).toBeUndefined();
  });

  const side = (over: Partial<IdentitySide> = {}): IdentitySide => ({
    digest: { bytesSha256: 'b', canonicalSha256: 'c', sizeBytes: 10 },
    entry: 'e',
    files: {},
    ...over,
  });

  it('decides bytes, then graph and weights, and says why not', () => {
    expect(compareIdentity(side(), side(), 'ort').identical).toMatchObject({ match: 'bytes', sha256: 'b', runtime: 'ort' });
    const resaved = side({ digest: { bytesSha256: 'b2', canonicalSha256: 'c', sizeBytes: 12 } });
    expect(compareIdentity(side(), resaved, 'ort').identical).toMatchObject({ match: 'graph-and-weights', baseSizeBytes: 10 });
    expect(compareIdentity(side(), side({ entry: 'e2' }), 'ort')).toEqual({
      identical: null,
      reason: 'its budget-file entry changed',
    });
    expect(compareIdentity(side(), side({ entry: undefined }), 'ort').identical).toBeNull();
    expect(compareIdentity(side({ files: { 'x.npy': '1' } }), side({ files: { 'x.npy': '2' } }), 'ort')).toEqual({
      identical: null,
      reason: 'x.npy changed',
    });
    const changed = side({ digest: { bytesSha256: 'b2', canonicalSha256: 'c2', sizeBytes: 10 } });
    expect(compareIdentity(side(), changed, 'ort')).toEqual({ identical: null, reason: 'the model changed' });
    const undecodable = side({ digest: { bytesSha256: 'b2', canonicalSha256: null, sizeBytes: 10 } });
    expect(
      compareIdentity(side({ digest: { bytesSha256: 'b', canonicalSha256: null, sizeBytes: 10 } }), undecodable, 'ort').identical,
    ).toBeNull();
  });
});
