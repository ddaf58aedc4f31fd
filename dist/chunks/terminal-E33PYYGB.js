import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
} from "./chunk-OTNGSBMW.js";
import "./chunk-NGLSY2C3.js";
import "./chunk-SQ5DARHL.js";
import "./chunk-MJFYPYIG.js";
import "./chunk-DSY7S6TO.js";
export {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
};
