import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  mergeReports,
  modelsDigest
} from "./chunk-DAJM5CE4.js";
import "./chunk-UBP34PMO.js";
import "./chunk-YURSVAJ6.js";
import "./chunk-DSY7S6TO.js";
export {
  mergeReports,
  modelsDigest
};
