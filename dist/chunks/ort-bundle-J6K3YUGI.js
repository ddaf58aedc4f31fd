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
} from "./chunk-BCQMSYO5.js";
import "./chunk-B5LYWE56.js";
import "./chunk-5RXNPUPO.js";
import "./chunk-YURSVAJ6.js";
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
