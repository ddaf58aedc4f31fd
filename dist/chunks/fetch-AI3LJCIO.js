import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  NPM_REGISTRY,
  fetchOnnxRuntime,
  fileIntegrity,
  keepEntry,
  toolCacheDeps
} from "./chunk-ANKAZO2K.js";
import "./chunk-5RXNPUPO.js";
import "./chunk-TKWDDEDX.js";
import "./chunk-DSY7S6TO.js";
export {
  NPM_REGISTRY,
  fetchOnnxRuntime,
  fileIntegrity,
  keepEntry,
  toolCacheDeps
};
