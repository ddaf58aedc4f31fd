/**
 * LSTM, GRU and RNN nodes unrolled into standard ops (MatMul, Split, Sigmoid, Tanh, Mul, Add,
 * Concat, ...) before differentiation, so their gradients come from the rules those ops
 * already have — the same recurrence a framework differentiates (backpropagation through
 * time), written out for the sequence length the analysis run learned.
 *
 * Semantics follow the ONNX operator definitions (Operators.md, LSTM-14 / GRU-14 / RNN-14):
 * gate order i, o, f, c (LSTM) and z, r, h (GRU) in W, R and B; B holds Wb then Rb; P holds
 * the peepholes i, o, f; `direction` forward, reverse or bidirectional; `layout` 0
 * ([seq, batch, ·]) or 1 ([batch, seq, ·]); GRU's `linear_before_reset` 0 or 1 (PyTorch
 * exports 1); missing initial states are zeros.
 *
 * Not unrolled (the node is left as is and refused with the rest): an unknown sequence
 * length, a `sequence_lens` input (per-example lengths are run-time values), `clip`,
 * `input_forget`, and activations other than Sigmoid, Tanh and Relu.
 */
import type { NodeProto } from '../model/onnx.js';
import { rawTensor } from '../model/builder.js';
import { DataType } from '../model/onnx.js';
import { attrFloat, attrInt, attrString, findAttr } from '../model/attrs.js';
import type { GraphEmitter } from './graph.js';

/** The recurrent op types unrolled here. */
export const RECURRENT_OPS: ReadonlySet<string> = new Set(['LSTM', 'GRU', 'RNN']);

const GATES: Readonly<Record<string, number>> = { LSTM: 4, GRU: 3, RNN: 1 };
const DEFAULT_ACTIVATIONS: Readonly<Record<string, string[]>> = {
  LSTM: ['Sigmoid', 'Tanh', 'Tanh'],
  GRU: ['Sigmoid', 'Tanh'],
  RNN: ['Tanh'],
};
const ACTIVATIONS: Readonly<Record<string, string>> = { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'Relu' };

/**
 * The unrolled replacement of an LSTM, GRU or RNN node (writing the node's own output names),
 * or the reason it cannot be unrolled.
 */
export function expandRecurrent(em: GraphEmitter, node: NodeProto): NodeProto[] | string {
  const kind = node.opType ?? '';
  const gates = GATES[kind];
  if (!gates) return `${kind} is not a recurrent op`;
  const input = (i: number): string => node.input?.[i] ?? '';
  const layout = attrInt(node, 'layout', 0);
  const direction = attrString(node, 'direction', 'forward');
  if (!['forward', 'reverse', 'bidirectional'].includes(direction)) return `direction "${direction}" is not an ONNX direction`;
  const dirs = direction === 'bidirectional' ? 2 : 1;
  if (findAttr(node, 'clip')) return `clip ${attrFloat(node, 'clip', 0)} is not supported (export without clipping)`;
  if (attrInt(node, 'input_forget', 0) !== 0) return 'input_forget = 1 is not supported';
  if (input(4))
    return 'a sequence_lens input is not supported (per-example lengths are run-time values); export with equal lengths';
  const actAttr = findAttr(node, 'activations');
  const actNames = actAttr?.strings?.length
    ? actAttr.strings.map((s) => (typeof s === 'string' ? s : new TextDecoder().decode(s)))
    : [];
  const perDir = DEFAULT_ACTIVATIONS[kind].length;
  const acts: string[][] = [];
  for (let d = 0; d < dirs; d++) {
    const names = actNames.length ? actNames.slice(d * perDir, (d + 1) * perDir) : DEFAULT_ACTIVATIONS[kind];
    const mapped = names.map((n) => ACTIVATIONS[n.toLowerCase()]);
    if (names.length !== perDir || mapped.some((m) => !m))
      return `activations ${names.join(', ')} are not supported (Sigmoid, Tanh and Relu are)`;
    acts.push(mapped);
  }
  if (findAttr(node, 'activation_alpha') || findAttr(node, 'activation_beta'))
    return 'activation_alpha / activation_beta are not supported';
  const x = input(0);
  const xShape = em.shapeOf(x);
  const seq = xShape?.[layout ? 1 : 0];
  if (typeof seq !== 'number') return 'the sequence length is not known when the graph is built';
  const rShape = em.shapeOf(input(2));
  const hidden = attrInt(node, 'hidden_size', typeof rShape?.[2] === 'number' ? rShape[2] : 0);
  if (!hidden) return 'hidden_size is not known';
  const linearBeforeReset = attrInt(node, 'linear_before_reset', 0) !== 0;

  const nodes: NodeProto[] = [];
  const op = (type: string, inputs: string[], attrs: Record<string, number | number[]> = {}): string => {
    const o = em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`);
    nodes.push(em.detached(type, inputs, [o], attrs));
    return o;
  };
  const opN = (type: string, inputs: string[], n: number, attrs: Record<string, number | number[]> = {}): string[] => {
    const outs = Array.from({ length: n }, () => em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`));
    nodes.push(em.detached(type, inputs, outs, attrs));
    return outs;
  };
  const slice = (t: string, start: number, end: number, axis: number): string =>
    op('Slice', [t, em.ints([start]), em.ints([end]), em.ints([axis])]);
  const split = (t: string, sizes: number[], axis: number): string[] =>
    sizes.length === 1 ? [t] : opN('Split', [t, em.ints(sizes)], sizes.length, { axis });
  // Direction d of a [dirs, ...] tensor, without its leading axis.
  const pick = (t: string, d: number): string => op('Squeeze', [dirs === 1 ? t : slice(t, d, d + 1, 0), em.ints([0])]);
  const act = (name: string, t: string): string => op(name, [t]);

  const xs = layout ? op('Transpose', [x], { perm: [1, 0, 2] }) : x; // [seq, batch, in]
  // Zeros of [batch, hidden] for a missing initial state (batch may be symbolic).
  let zeros: string | undefined;
  const zeroState = (): string => {
    if (zeros) return zeros;
    const batch = xShape?.[layout ? 0 : 1];
    const shape =
      typeof batch === 'number'
        ? em.ints([batch, hidden])
        : op('Concat', [slice(op('Shape', [x]), layout ? 0 : 1, layout ? 1 : 2, 0), em.ints([hidden])], { axis: 0 });
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const o = em.fresh(`${kind.toLowerCase()}_zeros`);
    nodes.push({
      ...em.detached('ConstantOfShape', [shape], [o]),
      attribute: [{ name: 'value', type: 4, t: rawTensor('value', [1], em.floatType, data) }],
    });
    zeros = o;
    return o;
  };

  const ys: string[] = [];
  const lastH: string[] = [];
  const lastC: string[] = [];
  const gh = gates * hidden;
  const h4 = (n: number): number[] => Array.from({ length: n }, () => hidden);
  for (let d = 0; d < dirs; d++) {
    const [f, g, hAct] = acts[d];
    let xw = op('MatMul', [xs, op('Transpose', [pick(input(1), d)], { perm: [1, 0] })]); // [seq, batch, G·H]
    const rT = op('Transpose', [pick(input(2), d)], { perm: [1, 0] }); // [H, G·H]
    let rb: string | undefined;
    if (input(3)) {
      const b = pick(input(3), d);
      const wb = slice(b, 0, gh, 0);
      rb = slice(b, gh, 2 * gh, 0);
      // Rb joins Wb outside the recurrence, except GRU's hidden-gate Rb with
      // linear_before_reset, which the reset gate multiplies.
      xw = op('Add', [xw, kind === 'GRU' && linearBeforeReset ? wb : op('Add', [wb, rb])]);
    }
    const steps =
      seq === 1
        ? [xw]
        : split(
            xw,
            Array.from({ length: seq }, () => 1),
            0,
          );
    const xt = steps.map((s) => op('Squeeze', [s, em.ints([0])])); // [batch, G·H] each
    let h = input(5) ? pick(input(5), d) : zeroState();
    let c = kind === 'LSTM' ? (input(6) ? pick(input(6), d) : zeroState()) : '';
    let peep: string[] | undefined;
    if (kind === 'LSTM' && input(7)) peep = split(pick(input(7), d), h4(3), 0); // i, o, f
    let rzrT = '';
    let rhT = '';
    if (kind === 'GRU' && !linearBeforeReset) {
      rzrT = slice(rT, 0, 2 * hidden, 1);
      rhT = slice(rT, 2 * hidden, 3 * hidden, 1);
    }
    const reverse = direction === 'reverse' || d === 1;
    const hs: string[] = new Array<string>(seq);
    for (let k = 0; k < seq; k++) {
      const t = reverse ? seq - 1 - k : k;
      if (kind === 'LSTM') {
        const [gi0, go0, gf0, gc] = split(op('Add', [xt[t], op('MatMul', [h, rT])]), h4(4), 1);
        let gi = gi0;
        let gf = gf0;
        let go = go0;
        if (peep) {
          gi = op('Add', [gi, op('Mul', [peep[0], c])]);
          gf = op('Add', [gf, op('Mul', [peep[2], c])]);
        }
        const ig = act(f, gi);
        const fg = act(f, gf);
        const cc = act(g, gc);
        c = op('Add', [op('Mul', [fg, c]), op('Mul', [ig, cc])]);
        if (peep) go = op('Add', [go, op('Mul', [peep[1], c])]);
        h = op('Mul', [act(f, go), act(hAct, c)]);
      } else if (kind === 'GRU') {
        const [xz, xr, xh] = split(xt[t], h4(3), 1);
        let z: string;
        let candidate: string;
        if (linearBeforeReset) {
          let hr = op('MatMul', [h, rT]);
          if (rb) hr = op('Add', [hr, rb]);
          const [rz, rr, rh] = split(hr, h4(3), 1);
          z = act(f, op('Add', [xz, rz]));
          const r = act(f, op('Add', [xr, rr]));
          candidate = act(g, op('Add', [xh, op('Mul', [r, rh])]));
        } else {
          const [rz, rr] = split(op('MatMul', [h, rzrT]), h4(2), 1);
          z = act(f, op('Add', [xz, rz]));
          const r = act(f, op('Add', [xr, rr]));
          candidate = act(g, op('Add', [xh, op('MatMul', [op('Mul', [r, h]), rhT])]));
        }
        // H = (1 − z) ⊙ candidate + z ⊙ H_prev = candidate + z ⊙ (H_prev − candidate)
        h = op('Add', [candidate, op('Mul', [z, op('Sub', [h, candidate])])]);
      } else {
        h = act(f, op('Add', [xt[t], op('MatMul', [h, rT])]));
      }
      hs[t] = h;
    }
    const framed = hs.map((ht) => op('Unsqueeze', [ht, em.ints([0, 1])])); // [1, 1, batch, H]
    ys.push(seq === 1 ? framed[0] : op('Concat', framed, { axis: 0 })); // [seq, 1, batch, H]
    lastH.push(op('Unsqueeze', [h, em.ints([0])]));
    if (kind === 'LSTM') lastC.push(op('Unsqueeze', [c, em.ints([0])]));
  }
  const join = (parts: string[], axis: number): string => (parts.length === 1 ? parts[0] : op('Concat', parts, { axis }));
  const results = [join(ys, 1), join(lastH, 0), kind === 'LSTM' ? join(lastC, 0) : ''];
  const perms = [
    [2, 0, 1, 3],
    [1, 0, 2],
    [1, 0, 2],
  ];
  (node.output ?? []).forEach((name, i) => {
    if (!name || !results[i]) return;
    nodes.push(
      layout ? em.detached('Transpose', [results[i]], [name], { perm: perms[i] }) : em.detached('Identity', [results[i]], [name]),
    );
  });
  return nodes;
}
