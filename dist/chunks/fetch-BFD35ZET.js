import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  NPM_REGISTRY,
  fetchOnnxRuntime,
  fileIntegrity,
  keepEntry,
  toolCacheDeps
} from "./chunk-7XR2JVQG.js";
import "./chunk-5RXNPUPO.js";
import "./chunk-Z5TEINJL.js";
import "./chunk-DSY7S6TO.js";
export {
  NPM_REGISTRY,
  fetchOnnxRuntime,
  fileIntegrity,
  keepEntry,
  toolCacheDeps
};
