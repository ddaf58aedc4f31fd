/** Geometry shared by the gradients of window ops (Conv, the pools). */
import { established } from './grad-rule.js';
import type { GraphEmitter } from './graph.js';
import type { Dim, WindowGeometry } from './shapes.js';

/** Pads end and output_padding that make ConvTranspose invert a window op's geometry. */
export function transposeGeometry(
  g: WindowGeometry,
  inSpatial: number[],
  outSpatial: number[],
): { pads: number[]; outputPadding: number[] } {
  const k = inSpatial.length;
  const pads = established(g.pads, 'the pads');
  const begin = pads.slice(0, k);
  const end: number[] = [];
  const outputPadding: number[] = [];
  for (let i = 0; i < k; i++) {
    // ConvTranspose writes input position y·s + j·d, crops `begin` in front and `end` behind:
    // output = s·(Hy−1) + (k−1)·d + 1 + output_padding − begin − end, which must equal H.
    const full = g.strides[i] * (outSpatial[i] - 1) + (g.kernel[i] - 1) * g.dilations[i] + 1;
    const diff = inSpatial[i] + begin[i] - full;
    if (diff >= 0) {
      outputPadding.push(diff);
      end.push(0);
    } else {
      outputPadding.push(0);
      end.push(-diff);
    }
  }
  return { pads: [...begin, ...end], outputPadding };
}

export function staticSpatial(em: GraphEmitter, x: string): { shape: Dim[]; spatial: number[] } | undefined {
  const s = em.shapeOf(x);
  if (!s || s.length < 3) return undefined;
  const spatial = s.slice(2);
  return spatial.every((d) => typeof d === 'number') ? { shape: s, spatial: spatial } : undefined;
}

/** Every kernel offset of a window, first axis slowest (the order of a weight's [k…] axes). */
export function kernelOffsets(kernel: number[]): number[][] {
  let offsets: number[][] = [[]];
  for (const size of kernel) offsets = offsets.flatMap((o) => Array.from({ length: size }, (_, j) => [...o, j]));
  return offsets;
}
