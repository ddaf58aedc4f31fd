/**
 * Seeded mutators for the fuzz test: raw byte damage (bit flips, truncation, spliced garbage),
 * structured protobuf edits (decode, change one field — dims, data types, raw data lengths,
 * attributes, op types, value infos, opsets — re-encode), and text edits of budget files.
 * Each mutator returns the new bytes/text and a short description for failure messages.
 */
import {
  DataType,
  decodeModel,
  encodeModel,
  type AttributeProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
} from '../../src/model/onnx.js';
import type { Rng } from '../../src/util/random.js';

export interface Mutation<T> {
  what: string;
  value: T;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)];

/** Integers that break naive code: zero, negatives, int32/int64 edges, 2^53. */
const WEIRD_INTS = [
  0,
  -1,
  1,
  2,
  3,
  7,
  -2147483648,
  2147483647,
  4294967295,
  2 ** 31,
  2 ** 40,
  2 ** 53 - 1,
  -(2 ** 53) + 1,
  1_000_000,
];
const WEIRD_FLOATS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1e38, -1e38, 1e-45];
const OP_TYPES = [
  'Conv',
  'Gemm',
  'MatMul',
  'Relu',
  'Reshape',
  'Gather',
  'Slice',
  'Concat',
  'Transpose',
  'Softmax',
  'MaxPool',
  'Flatten',
  'Expand',
  'Tile',
  'Pad',
  'Resize',
  'TopK',
  'Loop',
  'If',
  'Scan',
  'Einsum',
  'NoSuchOp',
  '',
  'conv',
  'Add\u0000',
];

function weirdInt(rng: Rng): number {
  return rng.next() < 0.6 ? pick(rng, WEIRD_INTS) : rng.int(-5, 64);
}

/** Bit flips: 1 to 16 random bits anywhere in the file. */
export function flipBits(bytes: Uint8Array, rng: Rng): Mutation<Uint8Array> {
  const out = new Uint8Array(bytes); // a copy: `slice` on a Node Buffer (what protobufjs returns) is a view
  const k = rng.int(1, 16);
  for (let i = 0; i < k; i++) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
  return { what: `${k} bit flips`, value: out };
}

/** Truncation at a random offset (or the first few bytes). */
export function truncate(bytes: Uint8Array, rng: Rng): Mutation<Uint8Array> {
  const at = rng.next() < 0.2 ? rng.int(0, 16) : rng.int(0, bytes.length - 1);
  return { what: `truncated to ${at} bytes`, value: new Uint8Array(bytes.subarray(0, at)) };
}

/** A span overwritten with random bytes. */
export function splice(bytes: Uint8Array, rng: Rng): Mutation<Uint8Array> {
  const out = new Uint8Array(bytes); // a copy: `slice` on a Node Buffer (what protobufjs returns) is a view
  const at = rng.int(0, out.length - 1);
  const len = rng.int(1, 64);
  for (let i = at; i < Math.min(out.length, at + len); i++) out[i] = rng.int(0, 255);
  return { what: `${len} random bytes at ${at}`, value: out };
}

function allNodes(m: ModelProto): NodeProto[] {
  const out: NodeProto[] = [];
  const walk = (nodes: NodeProto[] | undefined) => {
    for (const n of nodes ?? []) {
      out.push(n);
      for (const a of n.attribute ?? []) {
        if (a.g) walk(a.g.node);
        for (const g of a.graphs ?? []) walk(g.node);
      }
    }
  };
  walk(m.graph?.node);
  return out;
}

function valueInfos(m: ModelProto): ValueInfoProto[] {
  const g = m.graph ?? {};
  return [...(g.input ?? []), ...(g.output ?? []), ...(g.valueInfo ?? [])];
}

/** One structured edit of the decoded model; the kinds a hand-crafted hostile model would use. */
const EDITS: Array<[string, (m: ModelProto, rng: Rng) => string | null]> = [
  [
    'initializer dims',
    (m, rng) => {
      const ts: TensorProto[] = m.graph?.initializer ?? [];
      if (!ts.length) return null;
      const t = pick(rng, ts);
      const dims = [...(t.dims ?? [])];
      const r = rng.next();
      if (r < 0.6 && dims.length) dims[rng.int(0, dims.length - 1)] = weirdInt(rng);
      else if (r < 0.8) dims.push(weirdInt(rng));
      else dims.pop();
      t.dims = dims;
      return `${t.name}.dims = [${dims.join(', ')}]`;
    },
  ],
  [
    'initializer dataType',
    (m, rng) => {
      const ts = m.graph?.initializer ?? [];
      if (!ts.length) return null;
      const t = pick(rng, ts);
      t.dataType = rng.int(0, 30);
      return `${t.name}.dataType = ${t.dataType}`;
    },
  ],
  [
    'raw data length',
    (m, rng) => {
      const ts = (m.graph?.initializer ?? []).filter((t) => t.rawData && t.rawData.length);
      if (!ts.length) return null;
      const t = pick(rng, ts);
      const raw = t.rawData!;
      const len = rng.next() < 0.5 ? rng.int(0, raw.length - 1) : raw.length + rng.int(1, 64);
      const out = new Uint8Array(len);
      out.set(raw.subarray(0, Math.min(len, raw.length)));
      t.rawData = out;
      return `${t.name}.rawData length ${raw.length} → ${len}`;
    },
  ],
  [
    'external data',
    (m, rng) => {
      const ts = m.graph?.initializer ?? [];
      if (!ts.length) return null;
      const t = pick(rng, ts);
      const location = pick(rng, ['../../etc/passwd', '/etc/passwd', 'missing.bin', '', 'weights.bin']);
      t.dataLocation = 1;
      t.externalData = [
        { key: 'location', value: location },
        { key: 'offset', value: String(weirdInt(rng)) },
        { key: 'length', value: String(weirdInt(rng)) },
      ];
      delete t.rawData;
      return `${t.name} external at "${location}"`;
    },
  ],
  [
    'attribute value',
    (m, rng) => {
      const nodes = allNodes(m).filter((n) => n.attribute?.length);
      if (!nodes.length) return null;
      const n = pick(rng, nodes);
      const a: AttributeProto = pick(rng, n.attribute!);
      const r = rng.next();
      if (a.ints?.length) a.ints = a.ints.map((v) => (rng.next() < 0.5 ? weirdInt(rng) : v));
      else if (a.i !== undefined) a.i = weirdInt(rng);
      else if (a.f !== undefined) a.f = pick(rng, WEIRD_FLOATS);
      if (r < 0.15) a.type = rng.int(0, 15);
      if (r > 0.9) a.ints = Array.from({ length: rng.int(0, 9) }, () => weirdInt(rng));
      return `${n.opType}.${a.name} = ${JSON.stringify(a.ints ?? a.i ?? a.f)} (type ${a.type})`;
    },
  ],
  [
    'new attribute',
    (m, rng) => {
      const nodes = allNodes(m);
      if (!nodes.length) return null;
      const n = pick(rng, nodes);
      const name = pick(rng, [
        'axis',
        'perm',
        'kernel_shape',
        'strides',
        'pads',
        'dilations',
        'group',
        'transB',
        'alpha',
        'to',
        'k',
      ]);
      (n.attribute ??= []).push({ name, type: 7, ints: Array.from({ length: rng.int(0, 6) }, () => weirdInt(rng)) });
      return `${n.opType} gains ${name}`;
    },
  ],
  [
    'op type',
    (m, rng) => {
      const nodes = allNodes(m);
      if (!nodes.length) return null;
      const n = pick(rng, nodes);
      const from = n.opType;
      n.opType = pick(rng, OP_TYPES);
      return `op ${from} → ${JSON.stringify(n.opType)}`;
    },
  ],
  [
    'node wiring',
    (m, rng) => {
      const nodes = allNodes(m).filter((n) => n.input?.length);
      if (!nodes.length) return null;
      const n = pick(rng, nodes);
      const i = rng.int(0, n.input!.length - 1);
      const names = [
        ...(m.graph?.initializer ?? []).map((t) => t.name ?? ''),
        ...nodes.flatMap((x) => x.output ?? []),
        'nowhere',
        '',
      ];
      n.input![i] = pick(rng, names);
      if (rng.next() < 0.2) n.output = [...(n.output ?? []), ...(n.output ?? [])];
      return `${n.opType} input ${i} = ${JSON.stringify(n.input![i])}`;
    },
  ],
  [
    'value info',
    (m, rng) => {
      const vis = valueInfos(m).filter((v) => v.type?.tensorType);
      if (!vis.length) return null;
      const v = pick(rng, vis);
      const tt = v.type!.tensorType!;
      if (rng.next() < 0.3) {
        tt.elemType = rng.int(0, 25);
        return `${v.name}.elemType = ${tt.elemType}`;
      }
      const dims = tt.shape?.dim ?? [];
      if (!dims.length || rng.next() < 0.2) {
        tt.shape = { dim: Array.from({ length: rng.int(0, 9) }, () => ({ dimValue: weirdInt(rng) })) };
      } else {
        dims[rng.int(0, dims.length - 1)] =
          rng.next() < 0.7 ? { dimValue: weirdInt(rng) } : { dimParam: pick(rng, ['N', '', 'batch', '∞']) };
      }
      return `${v.name}.shape = [${(tt.shape?.dim ?? []).map((d) => d.dimValue ?? d.dimParam).join(', ')}]`;
    },
  ],
  [
    'opset',
    (m, rng) => {
      const o = (m.opsetImport ??= [{ domain: '', version: 17 }]);
      o[0].version = pick(rng, [0, 1, 6, 7, 9, 11, 13, 18, 21, 23, 99, -1]);
      if (rng.next() < 0.2) o[0].domain = 'com.example';
      return `opset ${o[0].domain || 'ai.onnx'} v${o[0].version}`;
    },
  ],
  [
    'drop or duplicate',
    (m, rng) => {
      const g = m.graph;
      if (!g?.node?.length) return null;
      const r = rng.next();
      if (r < 0.4) g.node.splice(rng.int(0, g.node.length - 1), 1);
      else if (r < 0.7 && g.initializer?.length) g.initializer.splice(rng.int(0, g.initializer.length - 1), 1);
      else g.node.push({ ...pick(rng, g.node) });
      return r < 0.4 ? 'a node dropped' : r < 0.7 ? 'an initializer dropped' : 'a node duplicated';
    },
  ],
  [
    'graph io',
    (m, rng) => {
      const g = m.graph;
      if (!g) return null;
      const r = rng.next();
      if (r < 0.3) g.input = [];
      else if (r < 0.6) g.output = [];
      else
        g.input = [
          ...(g.input ?? []),
          { name: 'extra', type: { tensorType: { elemType: rng.int(0, 25), shape: { dim: [{ dimValue: weirdInt(rng) }] } } } },
        ];
      return r < 0.3 ? 'no inputs' : r < 0.6 ? 'no outputs' : 'an extra input';
    },
  ],
];

/** One structured mutation (of the given edit kinds, default all); a bit flip when the bytes do not decode. */
export function structured(bytes: Uint8Array, rng: Rng, kinds?: readonly string[]): Mutation<Uint8Array> {
  const edits = kinds ? EDITS.filter(([k]) => kinds.includes(k)) : EDITS;
  let m: ModelProto;
  try {
    m = decodeModel(bytes);
  } catch {
    return flipBits(bytes, rng);
  }
  const done: string[] = [];
  const count = rng.next() < 0.7 ? 1 : rng.int(2, 4);
  for (let i = 0; i < count; i++) {
    const [kind, edit] = pick(rng, edits);
    const what = edit(m, rng);
    if (what) done.push(`${kind}: ${what}`);
  }
  let out: Uint8Array;
  try {
    out = encodeModel(m);
  } catch (error) {
    // A value protobufjs refuses to write (e.g. a float in an int field): keep the original.
    return { what: `unencodable (${(error as Error).message}), original kept`, value: bytes };
  }
  return { what: done.join('; ') || 'no applicable edit', value: out };
}

/** A model mutation of a random kind. */
export function mutateModel(bytes: Uint8Array, rng: Rng): Mutation<Uint8Array> {
  const r = rng.next();
  if (r < 0.55) return structured(bytes, rng);
  if (r < 0.75) return flipBits(bytes, rng);
  if (r < 0.9) return truncate(bytes, rng);
  return splice(bytes, rng);
}

const WEIRD_VALUES = [
  '-1',
  '0',
  '1e400',
  '.nan',
  '.inf',
  '-.inf',
  '~',
  '[]',
  '{}',
  '"x"',
  'auto',
  'true',
  '99999999999999999999 MB',
  '5 XB',
  '-3 ms',
  '1.5.2',
  '0x1F',
  '"\\u0000"',
  '!!binary aGk=',
  '*missing',
  '&a 1',
  '[1, [2, [3]]]',
  "'<script>'",
  '100%',
  '-5%',
  'NaN J',
];
const KEYS = [
  'version',
  'models',
  'name',
  'path',
  'dims',
  'inputs',
  'threads',
  'inference',
  'iterations',
  'warmup',
  'max-time',
  'energy',
  'training',
  'loss',
  'optimizer',
  'learning-rate',
  'steps',
  'budget',
  'model-size',
  'latency-p95',
  'energy-per-inference',
  'regression',
  'power',
  'inconclusive',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

/** One or a few random edits of a budget file's text. */
export function mutateBudget(text: string, rng: Rng): Mutation<string> {
  let lines = text.split('\n');
  const edits: string[] = [];
  const count = rng.int(1, 3);
  for (let k = 0; k < count; k++) {
    const i = rng.int(0, lines.length - 1);
    const r = rng.next();
    if (r < 0.3) {
      // Replace a value.
      const m = /^(\s*-?\s*[\w-]+:\s*)(.*)$/.exec(lines[i]);
      if (m) {
        lines[i] = `${m[1]}${pick(rng, WEIRD_VALUES)}`;
        edits.push(`line ${i + 1} value → ${lines[i].trim()}`);
      }
    } else if (r < 0.45) {
      const m = /^(\s*-?\s*)[\w-]+(:.*)$/.exec(lines[i]);
      if (m) {
        lines[i] = `${m[1]}${pick(rng, KEYS)}${m[2]}`;
        edits.push(`line ${i + 1} key → ${lines[i].trim()}`);
      }
    } else if (r < 0.55) {
      lines.splice(i, 1);
      edits.push(`line ${i + 1} deleted`);
    } else if (r < 0.65) {
      lines.splice(i, 0, lines[rng.int(0, lines.length - 1)]);
      edits.push(`a line duplicated at ${i + 1}`);
    } else if (r < 0.75) {
      const ind = pick(rng, ['', ' ', '\t', '      ']);
      lines[i] = ind + lines[i].trimStart();
      edits.push(`line ${i + 1} re-indented`);
    } else if (r < 0.9) {
      const at = rng.int(0, lines[i].length);
      const junk = Array.from({ length: rng.int(1, 4) }, () =>
        pick(rng, [
          ':',
          '-',
          '{',
          '}',
          '[',
          ']',
          '"',
          "'",
          '#',
          '&',
          '*',
          '!',
          '|',
          '>',
          '%',
          '@',
          '`',
          '\u0000',
          '\u202e',
          'é',
          ' ',
        ]),
      ).join('');
      lines[i] = lines[i].slice(0, at) + junk + lines[i].slice(at);
      edits.push(`line ${i + 1} gets ${JSON.stringify(junk)}`);
    } else {
      const at = rng.int(0, lines.join('\n').length);
      const all = lines.join('\n');
      lines = all.slice(0, at).split('\n');
      edits.push(`truncated at ${at}`);
    }
  }
  return { what: edits.join('; ') || 'unchanged', value: lines.join('\n') };
}

export { DataType };
