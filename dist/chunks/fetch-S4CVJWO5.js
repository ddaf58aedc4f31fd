import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  NPM_REGISTRY,
  fetchOnnxRuntime,
  fileIntegrity,
  keepEntry,
  toolCacheDeps
} from "./chunk-F6QAPNDU.js";
import "./chunk-5RXNPUPO.js";
import "./chunk-YURSVAJ6.js";
import "./chunk-DSY7S6TO.js";
export {
  NPM_REGISTRY,
  fetchOnnxRuntime,
  fileIntegrity,
  keepEntry,
  toolCacheDeps
};
