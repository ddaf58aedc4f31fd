/**
 * Several training steps per onnxruntime call: the step graph wrapped in an ONNX Loop whose
 * loop-carried values are the parameters and optimizer state.
 *
 * Why: onnxruntime-node copies every output back into JavaScript memory on each call, about
 * 150 µs per MB here (bench/train-step.ts), so with the state round-tripping through
 * JavaScript every step, a step of the example classifier with Adam (1.3 MB of parameters and
 * moments) spends more time copying than computing. Frameworks keep the state next to the
 * compute between steps; a Loop does the same inside onnxruntime, and the state crosses into
 * JavaScript once per call of `steps` steps. The batch and labels are the same for every step
 * of a call, as in the one-step loop.
 */
import type { GraphProto, ModelProto, NodeProto, ValueInfoProto } from '../model/onnx.js';
import { DataType } from '../model/onnx.js';
import { int64Tensor, rawTensor, valueInfo } from '../model/builder.js';
import { InputError } from '../errors.js';
import type { TrainingStep } from './step-types.js';

/** A step model that runs `steps` training steps per call. */
export interface LoopedTrainingStep {
  model: ModelProto;
  /** Output → input, as TrainingStep.feedback, for the looped model's outputs. */
  feedback: Record<string, string>;
  /** Output holding the loss of each step of the call, shape [steps]. */
  lossOutput: string;
  stepsPerCall: number;
}

function rename(nodes: NodeProto[], map: Map<string, string>): NodeProto[] {
  const r = (x: string): string => map.get(x) ?? x;
  return nodes.map((n) => ({ ...n, input: (n.input ?? []).map(r), output: (n.output ?? []).map(r) }));
}

/**
 * Wraps a built training step in a Loop of `steps` iterations.
 * @throws InputError INPUT_INVALID for a non-positive step count.
 */
export function loopTrainingStep(step: TrainingStep, steps: number): LoopedTrainingStep {
  if (!(Number.isInteger(steps) && steps >= 1)) {
    throw new InputError('INPUT_INVALID', `steps per call must be an integer >= 1 (got ${steps}).`);
  }
  const graph: GraphProto = step.model.graph ?? {};
  const outputs = graph.output ?? [];
  const carried = Object.entries(step.feedback); // [stepOutput, stateInput]
  const infoOf = (name: string, list: ValueInfoProto[]): ValueInfoProto => {
    const info = list.find((v) => v.name === name);
    if (!info)
      throw new InputError('INPUT_INVALID', `The training step has no input or output "${name}" to carry through the Loop.`);
    return info;
  };
  // Subgraph names must not shadow outer names: the body reads each state input under a new
  // name, and the Loop's outputs get names of their own.
  const bodyIn = new Map(carried.map(([, input]) => [input, `loop/in/${input}`]));
  const bodyNodes = rename(graph.node ?? [], bodyIn);
  const body: GraphProto = {
    name: 'training_step_body',
    node: [...bodyNodes, { opType: 'Identity', input: ['loop/cond_in'], output: ['loop/cond_out'], name: 'loop/cond' }],
    input: [
      valueInfo('loop/iteration', DataType.INT64, []),
      valueInfo('loop/cond_in', DataType.BOOL, []),
      ...carried.map(([, input]) => ({ ...infoOf(input, graph.input ?? []), name: bodyIn.get(input) })),
    ],
    output: [
      valueInfo('loop/cond_out', DataType.BOOL, []),
      ...carried.map(([out]) => infoOf(out, outputs)),
      infoOf(step.lossOutput, outputs),
    ],
  };
  const finalName = (out: string): string => `loop/final/${out}`;
  const lossOutput = 'losses';
  const lossType = infoOf(step.lossOutput, outputs).type?.tensorType?.elemType ?? DataType.FLOAT;
  const loopNode: NodeProto = {
    opType: 'Loop',
    name: 'training_steps',
    input: ['loop/trip_count', 'loop/cond', ...carried.map(([, input]) => input)],
    output: [...carried.map(([out]) => finalName(out)), lossOutput],
    attribute: [{ name: 'body', type: 5, g: body }],
  };
  const model: ModelProto = {
    ...step.model,
    docString: `${step.model.docString ?? ''} ${steps} steps per call (ONNX Loop).`.trim(),
    graph: {
      name: `${graph.name ?? 'model'}_loop`,
      node: [loopNode],
      initializer: [
        ...(graph.initializer ?? []),
        int64Tensor('loop/trip_count', [], [steps]),
        rawTensor('loop/cond', [], DataType.BOOL, Uint8Array.from([1])),
      ],
      input: graph.input,
      output: [
        ...carried.map(([out]) => ({ ...infoOf(out, outputs), name: finalName(out) })),
        valueInfo(lossOutput, lossType, [steps]),
      ],
    },
  };
  const feedback: Record<string, string> = {};
  for (const [out, input] of carried) feedback[finalName(out)] = input;
  return { model, feedback, lossOutput, stepsPerCall: steps };
}
