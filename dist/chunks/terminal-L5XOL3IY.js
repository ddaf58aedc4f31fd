import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
} from "./chunk-CNLW7HVI.js";
import "./chunk-7WC3X2IP.js";
import "./chunk-ASCKW34E.js";
import "./chunk-DSY7S6TO.js";
export {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
};
