/** The training-step model that buildTrainingStep (index.ts) makes and loop.ts and the engine drive. */
import type { ModelProto } from '../model/onnx.js';
import type { Dim } from './shapes.js';
import type { TensorData } from './tensor-data.js';

/** A graph input of the step model that the caller supplies every step (batch data). */
export interface StepInput {
  name: string;
  /** ONNX element type. */
  elemType: number;
  /** Dims; strings are symbolic (unknown at build time). */
  shape: Dim[] | undefined;
}

/** The training-step model and how to drive it. */
export interface TrainingStep {
  model: ModelProto;
  /** Output name → input name: which outputs become next step's inputs. */
  feedback: Record<string, string>;
  /** Trainable parameters (graph inputs), in model order. */
  parameterNames: string[];
  /** Each parameter's dims in the model. Its step input, output and initial state may have
   *  other dims with the same values in the same order (the layout its update writes, e.g. a
   *  Conv kernel as [M, C·k…]): reshape to these dims before using a trained value as the
   *  model's weight. */
  parameterDims: Record<string, number[]>;
  /** Optimizer state and running statistics (graph inputs other than parameters, batch, labels). */
  stateInputs: string[];
  /** Initial value of every parameter (in its step input's dims) and state input. */
  initialState: Record<string, TensorData>;
  /** The batch inputs of the original model. */
  batchInputs: StepInput[];
  /** The labels input: its name, dtype, shape and (cross-entropy) class count. */
  labelInput: string;
  label: { dtype: 'float32' | 'float64' | 'int64'; shape: Dim[] | undefined; classes?: number };
  /** The scalar loss output. */
  lossOutput: string;
  /** Float initializers left fixed (frozen, or not reaching the loss). */
  frozen: string[];
  /** Choices made on the user's behalf, for the report. */
  notes: string[];
}
