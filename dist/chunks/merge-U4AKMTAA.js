import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  mergeReports,
  modelsDigest
} from "./chunk-GRFEZZG2.js";
import "./chunk-FH5OFG5U.js";
import "./chunk-2JFKSI3H.js";
import "./chunk-DSY7S6TO.js";
export {
  mergeReports,
  modelsDigest
};
