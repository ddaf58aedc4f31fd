import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
} from "./chunk-BNTBY7Z3.js";
import "./chunk-YHJ657IU.js";
import "./chunk-5RCBJ7FR.js";
import "./chunk-DSY7S6TO.js";
export {
  createConsoleLogger,
  renderModelText,
  renderText,
  silentLogger
};
