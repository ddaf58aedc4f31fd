import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  SUPPORTED_SCHEMA_VERSION,
  environmentDifferences,
  loadBaselineReport
} from "./chunk-67ME2E2X.js";
import "./chunk-F6FI7J2S.js";
import "./chunk-DSY7S6TO.js";
export {
  SUPPORTED_SCHEMA_VERSION,
  environmentDifferences,
  loadBaselineReport
};
