import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  mergeReports,
  modelsDigest
} from "./chunk-63LYO6ZL.js";
import "./chunk-PU55M7OW.js";
import "./chunk-Z5TEINJL.js";
import "./chunk-DSY7S6TO.js";
export {
  mergeReports,
  modelsDigest
};
