/**
 * Counts type assertions (`x as T`, `<T>x`; `as const` is not one) in the TypeScript files
 * under a folder, with the TypeScript parser, so comments and strings are not counted.
 *
 *   node scripts/count-casts.mjs src      # the total
 *   node scripts/count-casts.mjs src -v   # per file, then the total
 */
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
const root = process.argv[2] ?? 'src';
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.ts')) files.push(p);
  }
})(root);
let total = 0;
const per = {};
for (const f of files) {
  const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  let n = 0;
  (function visit(node) {
    if (
      (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
      !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'const')
    )
      n++;
    ts.forEachChild(node, visit);
  })(sf);
  per[f] = n;
  total += n;
}
if (process.argv.includes('-v')) for (const [f, n] of Object.entries(per).sort((a, b) => a[1] - b[1])) if (n) console.log(n, f);
console.log('total', total);
