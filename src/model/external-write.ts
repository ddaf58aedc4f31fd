/**
 * Writes a model's large weights as external data: what `onnx.save_model(...,
 * save_as_external_data=True)` does, for models built in memory (the advisor's variants) whose
 * protobuf would exceed 2 GiB. Each initializer whose raw_data is at least `minBytes` long goes,
 * in order, into one data file next to the model (aligned to 4 KiB, as onnx's
 * `convert_model_to_external_data` aligns for memory mapping), and is replaced by an external
 * reference: data_location = EXTERNAL, external_data = { location, offset, length }
 * (onnx/onnx.proto, TensorProto).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelProto, TensorProto } from './onnx.js';

/** Offsets of external tensors are multiples of this (a page), so onnxruntime can map them. */
const ALIGN_BYTES = 4096;

/** The model with its large weights moved to a data file, and that file's size. */
export interface ExternalizedModel {
  /** The model whose large initializers point into `location` (relative to `dir`). */
  model: ModelProto;
  /** Bytes written to the data file (padding included). */
  dataBytes: number;
  /** Tensors moved. */
  tensors: number;
}

/**
 * Moves every top-level initializer with at least `minBytes` of raw_data into `dir/location`.
 * @throws Error from node:fs when the file cannot be written.
 */
export function externalizeModel(model: ModelProto, dir: string, location: string, minBytes = 1024): ExternalizedModel {
  const graph = model.graph ?? {};
  const fd = openSync(join(dir, location), 'w');
  let offset = 0;
  let tensors = 0;
  try {
    const initializer = (graph.initializer ?? []).map((t): TensorProto => {
      const raw = t.rawData;
      if (!raw || raw.byteLength < minBytes) return t;
      const start = Math.ceil(offset / ALIGN_BYTES) * ALIGN_BYTES;
      for (let done = 0; done < raw.byteLength;) done += writeSync(fd, raw, done, raw.byteLength - done, start + done);
      offset = start + raw.byteLength;
      tensors++;
      const { rawData: _r, ...rest } = t;
      return {
        ...rest,
        dataLocation: 1,
        externalData: [
          { key: 'location', value: location },
          { key: 'offset', value: String(start) },
          { key: 'length', value: String(raw.byteLength) },
        ],
      };
    });
    return { model: { ...model, graph: { ...graph, initializer } }, dataBytes: offset, tensors };
  } finally {
    closeSync(fd);
  }
}
