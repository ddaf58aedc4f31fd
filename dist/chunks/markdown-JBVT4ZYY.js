import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_MAX_CHARS,
  renderMarkdown
} from "./chunk-YNNOFKC4.js";
import "./chunk-2OILYYU6.js";
import "./chunk-ASCKW34E.js";
import "./chunk-DSY7S6TO.js";
export {
  GITHUB_COMMENT_MAX_CHARS,
  renderMarkdown
};
