import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  escapeXml,
  renderJunit
} from "./chunk-G47YRADD.js";
import "./chunk-DSY7S6TO.js";
export {
  escapeXml,
  renderJunit
};
