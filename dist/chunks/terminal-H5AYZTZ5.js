import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
} from "./chunk-K23WR6JP.js";
import "./chunk-NGLSY2C3.js";
import "./chunk-TCAH6OGE.js";
import "./chunk-FN6VXYG4.js";
import "./chunk-TKWDDEDX.js";
import "./chunk-DSY7S6TO.js";
export {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
};
