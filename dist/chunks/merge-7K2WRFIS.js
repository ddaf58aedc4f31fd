import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  mergeReports,
  modelsDigest
} from "./chunk-SWFHI5M7.js";
import "./chunk-JUTTHN2E.js";
import "./chunk-F6FI7J2S.js";
import "./chunk-DSY7S6TO.js";
export {
  mergeReports,
  modelsDigest
};
