import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  MAX_REPORT_BYTES,
  REPORT_HOW,
  SUPPORTED_SCHEMA_VERSION,
  readReport,
  readReportFile
} from "./chunk-I3Q4Y4FT.js";
import "./chunk-4IKFRKST.js";
import "./chunk-TKWDDEDX.js";
import "./chunk-DSY7S6TO.js";
export {
  MAX_REPORT_BYTES,
  REPORT_HOW,
  SUPPORTED_SCHEMA_VERSION,
  readReport,
  readReportFile
};
