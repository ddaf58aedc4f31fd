/**
 * What `import 'onnxruntime-node'` means inside the bundle (scripts/bundle.mjs aliases the
 * package to this file): the onnxruntime-node copy that src/runtime/onnxruntime.ts picks for
 * this platform (the npm-installed one, dist/node_modules' Linux x64 copy, or the tool cache's
 * Linux arm64 one), loaded with require as Node would load the package.
 *
 * Loading happens when this module is evaluated, exactly when the bundle's static import of
 * onnxruntime-node was evaluated before; a missing runtime is an EnvironmentError (exit 3)
 * naming what was looked at, not a MODULE_NOT_FOUND stack. Source runs (tests, scripts) import
 * the package directly and never load this file.
 */
import { createRequire } from 'node:module';
import type * as Ort from 'onnxruntime-node';
import { onnxRuntimeFor } from './onnxruntime.js';

const ort = createRequire(import.meta.url)(onnxRuntimeFor().entryFile) as typeof Ort;

// The package's value exports (onnxruntime-common's plus listSupportedBackends); a name the
// source uses but this list lacks fails the bundle build ("No matching export").
export const {
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
} = ort;
export default ort;
