import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  SUPPORTED_SCHEMA_VERSION,
  environmentDifferences,
  loadBaselineReport
} from "./chunk-P3BSJ7OZ.js";
import "./chunk-2JFKSI3H.js";
import "./chunk-DSY7S6TO.js";
export {
  SUPPORTED_SCHEMA_VERSION,
  environmentDifferences,
  loadBaselineReport
};
