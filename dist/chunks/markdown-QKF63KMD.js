import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_MAX_CHARS,
  renderMarkdown
} from "./chunk-MUETOW5R.js";
import "./chunk-YHJ657IU.js";
import "./chunk-5RCBJ7FR.js";
import "./chunk-DSY7S6TO.js";
export {
  GITHUB_COMMENT_MAX_CHARS,
  renderMarkdown
};
