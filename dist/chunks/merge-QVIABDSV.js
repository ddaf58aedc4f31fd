import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  mergeReports,
  modelsDigest
} from "./chunk-NDTX4O5S.js";
import "./chunk-ICPR6Q2S.js";
import "./chunk-Z5TEINJL.js";
import "./chunk-DSY7S6TO.js";
export {
  mergeReports,
  modelsDigest
};
