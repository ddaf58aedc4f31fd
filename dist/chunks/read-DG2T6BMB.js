import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  MAX_REPORT_BYTES,
  REPORT_HOW,
  SUPPORTED_SCHEMA_VERSION,
  readReport,
  readReportFile
} from "./chunk-R45QXIBT.js";
import "./chunk-4IKFRKST.js";
import "./chunk-YURSVAJ6.js";
import "./chunk-DSY7S6TO.js";
export {
  MAX_REPORT_BYTES,
  REPORT_HOW,
  SUPPORTED_SCHEMA_VERSION,
  readReport,
  readReportFile
};
