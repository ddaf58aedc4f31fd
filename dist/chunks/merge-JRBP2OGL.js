import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  incompleteText,
  mergeReports,
  modelsDigest
} from "./chunk-ZKCJCB4S.js";
import "./chunk-KLIXH5O5.js";
import "./chunk-JOXRTO3M.js";
import "./chunk-FN6VXYG4.js";
import "./chunk-TKWDDEDX.js";
import "./chunk-DSY7S6TO.js";
export {
  incompleteText,
  mergeReports,
  modelsDigest
};
