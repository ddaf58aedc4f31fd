/**
 * The import flow of docs/architecture.md: every file under src/ belongs to a stage listed
 * there, imports only from its own stage or earlier ones, and no two files import each other
 * in a cycle (type-only imports included: a type cycle still ties two modules together).
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The stages of docs/architecture.md in order: each a list of folder (`x/`) or file (`x.ts`) names under src/. */
function stagesFromDocs(): string[][] {
  const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Stages'), doc.indexOf('\n## ', doc.indexOf('## Stages') + 1));
  const items = section.split(/\n(?=\d+\. )/).filter((item) => /^\d+\. /.test(item));
  return items.map((item) => [...item.split(' — ')[0].matchAll(/`([\w.-]+\/?)`/g)].map((m) => m[1]));
}

/** The top-level entry of src/ a file belongs to: `bench/` or `cli.ts`. */
function entryOf(file: string): string {
  const [first, ...rest] = path.relative(src, file).split(path.sep);
  return rest.length ? `${first}/` : first;
}

/** Relative imports (static, dynamic, re-exports, type-only) of a file, resolved to files under src/. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')))
    .filter((target) => target.startsWith(src + path.sep) && target.endsWith('.ts'));
}

const FILES = sources(src);
const STAGES = stagesFromDocs();
const stageOf = new Map(STAGES.flatMap((entries, i) => entries.map((e) => [e, i] as const)));
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const rel = (f: string): string => path.relative(root, f);

describe('docs/architecture.md import flow', () => {
  it('lists the stages in order', () => {
    expect(STAGES.length).toBeGreaterThan(5);
    expect(stageOf.get('config/')).toBeLessThan(stageOf.get('report/') ?? -1);
  });

  it('names the stage of every file under src/', () => {
    const unplaced = [...new Set(FILES.map(entryOf))].filter((e) => !stageOf.has(e));
    expect(unplaced).toEqual([]);
  });

  it('has no import from a later stage', () => {
    const against: string[] = [];
    for (const [file, targets] of GRAPH) {
      const from = stageOf.get(entryOf(file)) ?? -1;
      for (const target of targets) {
        const to = stageOf.get(entryOf(target)) ?? Infinity;
        if (to > from) against.push(`${rel(file)} imports ${rel(target)} (stage ${to + 1} into stage ${from + 1})`);
      }
    }
    expect(against).toEqual([]);
  });

  it('has no import cycle between files', () => {
    // Tarjan's strongly connected components; any component of more than one file is a cycle.
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of GRAPH.get(v) ?? []) {
        if (!GRAPH.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(rel(w));
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of FILES) if (!index.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  // Files still over the limit when the check was added (issue #16 names the limit); each is to
  // be split, and none may be added. Remove a name once its file is under the limit.
  const STILL_TO_SPLIT = new Set<string>([]);

  it('has no file under src/ over 450 lines (generated files and the list above excepted)', () => {
    const long = FILES.filter((f) => !f.endsWith('.generated.ts'))
      .map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 450 && !STILL_TO_SPLIT.has(f.file));
    expect(long).toEqual([]);
  });

  it('lists only files still over 450 lines as still to split', () => {
    const done = [...STILL_TO_SPLIT].filter((f) => readFileSync(path.join(root, f), 'utf8').split('\n').length - 1 <= 450);
    expect(done).toEqual([]);
  });
});
