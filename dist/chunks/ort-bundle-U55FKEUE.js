import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InferenceSession,
  TRACE,
  TRACE_EVENT_BEGIN,
  TRACE_EVENT_END,
  TRACE_FUNC_BEGIN,
  TRACE_FUNC_END,
  Tensor,
  env,
  listSupportedBackends,
  ort_bundle_default,
  registerBackend
} from "./chunk-QP55FGLM.js";
import "./chunk-4WH33R5J.js";
import "./chunk-5RXNPUPO.js";
import "./chunk-TKWDDEDX.js";
import "./chunk-DSY7S6TO.js";
export {
  InferenceSession,
  TRACE,
  TRACE_EVENT_BEGIN,
  TRACE_EVENT_END,
  TRACE_FUNC_BEGIN,
  TRACE_FUNC_END,
  Tensor,
  ort_bundle_default as default,
  env,
  listSupportedBackends,
  registerBackend
};
