import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  onnxRuntimeFor
} from "./chunk-4WH33R5J.js";

// src/runtime/ort-bundle.ts
import { createRequire } from "node:module";
var ort = createRequire(import.meta.url)(onnxRuntimeFor().entryFile);
var {
  InferenceSession,
  Tensor,
  env,
  listSupportedBackends,
  registerBackend,
  TRACE,
  TRACE_FUNC_BEGIN,
  TRACE_FUNC_END,
  TRACE_EVENT_BEGIN,
  TRACE_EVENT_END
} = ort;
var ort_bundle_default = ort;

export {
  InferenceSession,
  Tensor,
  env,
  listSupportedBackends,
  registerBackend,
  TRACE,
  TRACE_FUNC_BEGIN,
  TRACE_FUNC_END,
  TRACE_EVENT_BEGIN,
  TRACE_EVENT_END,
  ort_bundle_default
};
