import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  incompleteText,
  mergeReports,
  modelsDigest
} from "./chunk-63KV7L7B.js";
import "./chunk-23PULLWD.js";
import "./chunk-JOXRTO3M.js";
import "./chunk-PCAO4IT3.js";
import "./chunk-YURSVAJ6.js";
import "./chunk-DSY7S6TO.js";
export {
  incompleteText,
  mergeReports,
  modelsDigest
};
