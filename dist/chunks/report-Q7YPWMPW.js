import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  SUPPORTED_SCHEMA_VERSION,
  environmentDifferences,
  loadBaselineReport
} from "./chunk-4P7SYNZE.js";
import "./chunk-Z5TEINJL.js";
import "./chunk-DSY7S6TO.js";
export {
  SUPPORTED_SCHEMA_VERSION,
  environmentDifferences,
  loadBaselineReport
};
