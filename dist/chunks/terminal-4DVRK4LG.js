import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
} from "./chunk-ALN23XC5.js";
import "./chunk-NGLSY2C3.js";
import "./chunk-3EPVWYAP.js";
import "./chunk-PCAO4IT3.js";
import "./chunk-YURSVAJ6.js";
import "./chunk-DSY7S6TO.js";
export {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
};
