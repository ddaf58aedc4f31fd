import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-NC3O6ORB.js";
import "./chunk-DSY7S6TO.js";
export {
  writeFileAtomic
};
