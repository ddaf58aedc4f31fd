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
} from "./chunk-EVL6C2ML.js";
import "./chunk-JH7NANSA.js";
import "./chunk-5RXNPUPO.js";
import "./chunk-F6FI7J2S.js";
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
