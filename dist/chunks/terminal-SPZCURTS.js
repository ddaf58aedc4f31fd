import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
} from "./chunk-WMVJFC3S.js";
import "./chunk-KO5Q4CFI.js";
import "./chunk-3VLSKMPL.js";
import "./chunk-DSY7S6TO.js";
export {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
};
