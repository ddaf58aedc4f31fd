/**
 * Parameters stored in the layout their update writes (optimizers.ts; formulations.modelLayout
 * builds the older model-dims layout for A/B).
 *
 * Why: a graph output cannot alias another tensor, so an update computed as [M, C·k…] (SGD
 * fused into a Conv's weight-gradient Gemm) or as a row [1, n] (Adam) and Reshaped back to the
 * model's dims for the output is COPIED by onnxruntime every step (on ResNet-18 with SGD,
 * 11.7M floats per step). Kept in the update's layout, the update writes the step's output
 * itself, and the forward and backward read the parameter through a Reshape of the step's input
 * to the model's dims, which onnxruntime runs in place (a Reshape's output aliases its input
 * when that output is not a graph output).
 */
import type { NodeProto } from '../model/onnx.js';
import type { GraphEmitter } from './graph.js';

/**
 * Makes the nodes before index `until` (forward, loss, backward: everything but the optimizer,
 * which reads stored parameters as they are) read each stored parameter through a view: a
 * Reshape of the parameter's input to its model dims, named `train/param/<name>`. Build-time
 * shapes follow: the view has the model dims, the parameter its storage dims.
 */
export function viewStoredParameters(
  em: GraphEmitter,
  storageDims: Record<string, number[]>,
  modelDims: (name: string) => number[],
  until: number,
): void {
  const views = new Map<string, string>();
  const reshapes: NodeProto[] = [];
  for (const [name, dims] of Object.entries(storageDims)) {
    const view = em.reserve(`train/param/${name}`);
    views.set(name, view);
    em.setShape(view, modelDims(name));
    em.setShape(name, dims);
    reshapes.push(em.detached('Reshape', [name, em.ints(modelDims(name))], [view]));
  }
  if (views.size === 0) return;
  for (let k = 0; k < until; k++) {
    const n = em.nodes[k];
    if ((n.input ?? []).some((x) => views.has(x))) em.nodes[k] = { ...n, input: (n.input ?? []).map((x) => views.get(x) ?? x) };
  }
  em.nodes.unshift(...reshapes);
}
