/**
 * The action must decide (and on Linux arm64 fetch) its onnxruntime before anything loads it:
 * no module that src/main.ts or src/index.ts imports statically may import onnxruntime-node as
 * a value (in the bundle that import is src/runtime/ort-bundle.ts, which loads the runtime when
 * evaluated). The engine comes in later through `await import('./run.js')`.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');

/** Relative modules a file imports statically as values (`import type` and `import(...)` left out). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+'([^']+)';/gms)) {
    const names = m[1];
    // `import { type A, type B } from` is types only, erased like `import type`.
    if (
      /^\{[^}]*\}$/s.test(names.trim()) &&
      names
        .replace(/[{}\s]/g, '')
        .split(',')
        .every((n) => n.startsWith('type'))
    )
      continue;
    out.push(m[2]);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)';/gm)) out.push(m[1]);
  return out;
}

function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const deps = staticImports(file);
    seen.set(file, deps);
    for (const d of deps) if (d.startsWith('.')) visit(path.resolve(path.dirname(file), d.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('load order', () => {
  it.each(['src/index.ts', 'src/cli.ts'])('%s loads no onnxruntime before the runtime is resolved', (entry) => {
    const graph = reachable(path.join(root, entry));
    expect(graph.size).toBeGreaterThan(entry === 'src/index.ts' ? 20 : 2);
    const loaders = [...graph].filter(([, deps]) => deps.includes('onnxruntime-node')).map(([f]) => path.relative(root, f));
    expect(loaders).toEqual([]);
  });

  it('the check itself sees a static value import (so it can fail)', () => {
    const graph = reachable(path.join(root, 'src/worker.ts'));
    expect([...graph.values()].some((deps) => deps.includes('onnxruntime-node'))).toBe(true);
  });

  it('the bundle routes onnxruntime-node through the resolution rule', () => {
    const bundle = readFileSync(path.join(root, 'scripts/bundle.mjs'), 'utf8');
    expect(bundle).toContain("const ALIAS = { 'onnxruntime-node': './src/runtime/ort-bundle.ts' };");
    expect(bundle).toMatch(/const EXTERNAL = \[(?![^\]]*'onnxruntime-node')[^\]]*\]/);
  });
});
