import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  environmentDifferences,
  loadBaselineReport
} from "./chunk-KD43UDNK.js";
import {
  SUPPORTED_SCHEMA_VERSION
} from "./chunk-GOOTJIT7.js";
import "./chunk-4IKFRKST.js";
import "./chunk-YURSVAJ6.js";
import "./chunk-DSY7S6TO.js";
export {
  SUPPORTED_SCHEMA_VERSION,
  environmentDifferences,
  loadBaselineReport
};
