import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/util/shard.ts
function tryParseShard(text) {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return void 0;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : void 0;
}
function selectShard(items, shard) {
  if (!shard || shard.count === 1) return items;
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

export {
  tryParseShard,
  selectShard
};
