import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
} from "./chunk-HIU2KG2T.js";
import "./chunk-2OILYYU6.js";
import "./chunk-ASCKW34E.js";
import "./chunk-DSY7S6TO.js";
export {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
};
