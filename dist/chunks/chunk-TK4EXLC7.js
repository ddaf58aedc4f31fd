import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/util/options.ts
function textOption(value) {
  return typeof value === "string" ? value : void 0;
}

export {
  textOption
};
