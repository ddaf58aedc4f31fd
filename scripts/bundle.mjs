#!/usr/bin/env node
/**
 * Builds the GitHub Action into dist/ so `uses: owner/energy-budget@v1` runs with no npm
 * install:
 *
 *   dist/index.js, dist/worker.js,    the action and its measurement worker, bundled by esbuild
 *   dist/chunks/*.js                  (ESM, Node 24; chunks shared by both)
 *   dist/node_modules/…               the native runtimes, copied, Linux x64 only:
 *     onnxruntime-node (JS + bin/napi-v6/linux/x64), onnxruntime-common (JS), koffi (JS) and
 *     @koromix/koffi-linux-x64 (glibc binary)
 *   dist/THIRD_PARTY_NOTICES.md        every bundled or shipped package with its licence
 *
 * Why native packages stay real packages: onnxruntime-node `require`s its binding from a path built
 * at run time (`../bin/napi-v6/${platform}/${arch}/…`) and koffi finds its binary relative to
 * `import.meta.dirname`; a bundler cannot follow either, so both stay real packages that
 * Node resolves from dist/node_modules.
 *
 * Why code splitting: the action (src/action/run-mode.ts) imports the engine (and with it
 * onnxruntime) dynamically, after a platform check, so that an unsupported runner gets a
 * message rather than a native load failure; esbuild keeps that import lazy only with `splitting`.
 *
 * Usage: node scripts/bundle.mjs [--outdir DIR]   (default dist; check-dist builds elsewhere)
 */
import { build } from 'esbuild';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outdir = path.resolve(root, args.includes('--outdir') ? args[args.indexOf('--outdir') + 1] : 'dist');

/** A package's folder in the root node_modules (where npm hoists these); `exports` may hide its package.json from require.resolve. */
function packageDir(name) {
  const dir = path.join(root, 'node_modules', name);
  if (!existsSync(path.join(dir, 'package.json'))) throw new Error(`${name} is not installed in node_modules; run npm ci first.`);
  return dir;
}

/**
 * Native packages resolved at run time from dist/node_modules. onnxruntime-node is not among
 * them: ALIAS points its imports at src/runtime/ort-bundle.ts, which loads the copy the one
 * resolution rule picks (src/runtime/onnxruntime.ts: the npm-installed one for the CLI on
 * macOS, Windows and Linux arm64, dist/node_modules' Linux x64 copy, or the action's tool-cache
 * copy on Linux arm64).
 */
const EXTERNAL = ['onnxruntime-common', 'koffi'];
const ALIAS = { 'onnxruntime-node': './src/runtime/ort-bundle.ts' };

/**
 * Extra entry points: the measurement worker the engine forks once per model
 * (src/isolate/parent.ts looks for dist/worker.js beside, or one folder above, its chunk).
 */
const WORKER_ENTRIES = ['src/worker.ts'];

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function bundle() {
  // index: the action; cli: what bin/energy-budget.js runs (`npx energy-budget`).
  const entryPoints = [
    { in: path.join(root, 'src/index.ts'), out: 'index' },
    { in: path.join(root, 'src/cli.ts'), out: 'cli' },
  ];
  for (const w of WORKER_ENTRIES) {
    if (await exists(path.join(root, w))) entryPoints.push({ in: path.join(root, w), out: path.basename(w, '.ts') });
  }
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // node20: the CLI runs on the user's Node (>= 20); the action runs on node24, which runs it too.
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL,
    alias: ALIAS,
    // CommonJS dependencies inside an ESM bundle call `require` (e.g. for node: built-ins).
    banner: {
      js: "import { createRequire as __ebCreateRequire } from 'node:module';\nconst require = __ebCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

/** Copies `files` (relative to the package folder) of a package into dist/node_modules. */
async function ship(name, filter) {
  const from = packageDir(name);
  const to = path.join(outdir, 'node_modules', name);
  await cp(from, to, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(from, src).split(path.sep).join('/');
      return rel === '' || filter(rel);
    },
  });
  return to;
}

const isDir = (rel) => !path.extname(rel) || rel.endsWith('/');
// package.json files below the root matter too: onnxruntime-common's dist/cjs/package.json
// says `"type": "commonjs"`, without which Node would load its CommonJS files as ESM.
const js = (rel) => rel.endsWith('.js') || rel.endsWith('.cjs') || rel.endsWith('/package.json');

async function shipRuntimes() {
  // onnxruntime-node: JS + the Linux x64 binding and shared library (see docs/action.md for the size).
  await ship(
    'onnxruntime-node',
    (rel) =>
      rel === 'package.json' ||
      rel === 'dist' ||
      (rel.startsWith('dist/') && js(rel)) ||
      ['bin', 'bin/napi-v6', 'bin/napi-v6/linux', 'bin/napi-v6/linux/x64'].includes(rel) ||
      rel.startsWith('bin/napi-v6/linux/x64/'),
  );
  await ship(
    'onnxruntime-common',
    (rel) =>
      rel === 'package.json' ||
      rel === 'LICENSE' ||
      rel === 'dist' ||
      ((rel.startsWith('dist/cjs') || rel.startsWith('dist/esm')) && (isDir(rel) || js(rel))),
  );
  // koffi (the NVML meter loads it lazily): its ESM entry and the glibc Linux x64 binary.
  await ship('koffi', (rel) =>
    [
      'package.json',
      'LICENSE.txt',
      'index.js',
      'src',
      'src/koffi',
      'src/koffi/index.js',
      'src/koffi/src',
      'src/koffi/src/static.js',
    ].includes(rel),
  );
  await ship('@koromix/koffi-linux-x64', (rel) =>
    ['package.json', 'index.js', 'linux_x64', 'linux_x64/koffi.node'].includes(rel),
  );
  // dist/node_modules must be committed although the root .gitignore ignores node_modules/.
  await writeFile(path.join(outdir, '.gitignore'), '# The shipped native runtimes are part of the action.\n!node_modules/\n');
  // Generated code: collapsed in pull-request diffs, binaries never diffed as text.
  await writeFile(path.join(outdir, '.gitattributes'), '** linguist-generated=true\n*.node binary\n*.so.1 binary\n');
}

/** Package name of a path inside node_modules, or null. */
function packageOf(file) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file.split(path.sep).join('/'));
  return m ? m[1] : null;
}

async function notices(metafile) {
  const names = new Set(['onnxruntime-node', 'onnxruntime-common', 'koffi', '@koromix/koffi-linux-x64']);
  for (const input of Object.keys(metafile.inputs)) {
    const name = packageOf(input);
    if (name) names.add(name);
  }
  const rows = [];
  for (const name of [...names].sort()) {
    const pkg = JSON.parse(await readFile(path.join(packageDir(name), 'package.json'), 'utf8'));
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see package');
    const repo = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? pkg.homepage ?? '');
    rows.push(`| ${name} | ${pkg.version} | ${license} | ${repo.replace(/^git\+/, '')} |`);
  }
  const text = [
    '# Third-party software in dist/',
    '',
    'Generated by scripts/bundle.mjs: every package bundled into the action or shipped in dist/node_modules.',
    '',
    '| Package | Version | Licence | Source |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  await writeFile(path.join(outdir, 'THIRD_PARTY_NOTICES.md'), text);
}

async function sizeOf(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? await sizeOf(p) : (await stat(p)).size;
  }
  return total;
}

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
let metafile;
try {
  metafile = await bundle();
} catch {
  // esbuild has already printed each error with its file and line.
  console.error('bundle: esbuild failed; dist/ is incomplete.');
  process.exit(1);
}
await shipRuntimes();
await notices(metafile);
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const jsBytes = Object.values(metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `bundled ${path.relative(root, outdir) || '.'}: JavaScript ${mb(jsBytes)}, total with runtimes ${mb(await sizeOf(outdir))}`,
);
