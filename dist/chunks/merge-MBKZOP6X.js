import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  mergeReports,
  modelsDigest
} from "./chunk-TLWKCKIU.js";
import "./chunk-F25B2ZER.js";
import "./chunk-Z5TEINJL.js";
import "./chunk-DSY7S6TO.js";
export {
  mergeReports,
  modelsDigest
};
