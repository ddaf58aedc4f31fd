import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  PINNED_ONNXRUNTIME,
  TOOL_CACHE_NAME,
  tarballUrl
} from "./chunk-5RXNPUPO.js";
import {
  EnvironmentError,
  messageOf
} from "./chunk-TKWDDEDX.js";

// src/runtime/fetch.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";

// src/runtime/tar.ts
import { createReadStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
var BLOCK = 512;
var ByteQueue = class {
  chunks = [];
  length = 0;
  push(chunk) {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  /** Removes and returns the first `n` bytes (n <= length). */
  take(n) {
    const parts = [];
    let need = n;
    while (need > 0) {
      const head = this.chunks[0];
      if (head.length <= need) {
        parts.push(head);
        this.chunks.shift();
        need -= head.length;
      } else {
        parts.push(head.subarray(0, need));
        this.chunks[0] = head.subarray(need);
        need = 0;
      }
    }
    this.length -= n;
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, n);
  }
};
function field(block, start, length) {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString("utf8");
}
function sizeOf(block) {
  const raw = block.subarray(124, 136);
  if (raw[0] & 128) {
    let n = raw[0] & 127;
    for (let i = 1; i < raw.length; i++) n = n * 256 + raw[i];
    return n;
  }
  const text = field(block, 124, 12).trim();
  return text === "" ? 0 : parseInt(text, 8);
}
function paxPath(body) {
  let at = 0;
  const text = body.toString("utf8");
  while (at < text.length) {
    const space = text.indexOf(" ", at);
    if (space < 0) break;
    const len = Number(text.slice(at, space));
    if (!Number.isFinite(len) || len <= 0) break;
    const record = text.slice(space + 1, at + len - 1);
    const eq = record.indexOf("=");
    if (record.slice(0, eq) === "path") return record.slice(eq + 1);
    at += len;
  }
  return void 0;
}
async function extractTarGz(archive, destDir, pick) {
  const queue = new ByteQueue();
  let written = 0;
  let header = null;
  let longName;
  let ended = false;
  const root = path.resolve(destDir);
  const handle = async (name, type, body) => {
    if (type === "x") longName = paxPath(body) ?? longName;
    else if (type === "L") longName = field(body, 0, body.length);
    else if (type === "0" || type === "\0" || type === "") {
      const rel = pick(name);
      if (rel === null) return;
      const dest = path.resolve(root, rel);
      if (dest !== root && !dest.startsWith(root + path.sep)) {
        throw new Error(`tar entry ${name} would be written outside ${destDir}`);
      }
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, body);
      written++;
    }
  };
  const stream = createReadStream(archive).pipe(createGunzip());
  for await (const chunk of stream) {
    if (ended) continue;
    if (!Buffer.isBuffer(chunk)) throw new Error("gunzip gave a chunk that is not a Buffer (internal error).");
    queue.push(chunk);
    for (; ; ) {
      if (header === null) {
        if (queue.length < BLOCK) break;
        const block = queue.take(BLOCK);
        if (block.every((b) => b === 0)) {
          ended = true;
          break;
        }
        const prefix = field(block, 257, 6) === "ustar" ? field(block, 345, 155) : "";
        const base = field(block, 0, 100);
        const name = longName ?? (prefix ? `${prefix}/${base}` : base);
        const type = String.fromCharCode(block[156]);
        if (type !== "x" && type !== "L" && type !== "g") longName = void 0;
        header = { name, type, size: sizeOf(block) };
      }
      const padded = Math.ceil(header.size / BLOCK) * BLOCK;
      if (queue.length < padded) break;
      const body = queue.take(padded).subarray(0, header.size);
      const h = header;
      header = null;
      await handle(h.name, h.type, body);
    }
  }
  if (!ended && (header !== null || queue.length > 0))
    throw new Error(`${archive} is truncated (the tar stream ends inside an entry)`);
  return written;
}

// src/runtime/fetch.ts
var NPM_REGISTRY = "https://registry.npmjs.org";
async function fileIntegrity(file, algorithm = "sha512") {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream2(file)) hash.update(chunk);
  return `${algorithm}-${hash.digest("base64")}`;
}
function keepEntry(pkg, name, arch) {
  if (!name.startsWith("package/")) return null;
  const rel = name.slice("package/".length);
  if (pkg === "onnxruntime-node") {
    if (rel.startsWith("bin/") && !rel.startsWith(`bin/napi-v6/linux/${arch}/`)) return null;
    if (rel.startsWith("script/")) return null;
  }
  return path2.posix.join("node_modules", pkg, rel);
}
async function fetchOnnxRuntime(arch, deps) {
  const registry = deps.registry ?? NPM_REGISTRY;
  const packages = deps.packages ?? PINNED_ONNXRUNTIME.packages;
  const staging = await mkdtemp(path2.join(deps.tempDir ?? os.tmpdir(), "eb-onnxruntime-"));
  try {
    for (const pkg of packages) {
      const url = tarballUrl(registry, pkg);
      deps.log?.(`Fetching ${pkg.name}@${pkg.version} for linux/${arch} from ${url}`);
      let file;
      try {
        file = await deps.download(url);
      } catch (error) {
        throw new EnvironmentError(
          `Could not download ${url} (${messageOf(error)}): the action fetches onnxruntime for Linux arm64 from the npm registry on first use. Allow the runner to reach registry.npmjs.org, or run on Linux x64 (\`runs-on: ubuntu-latest\`), where the runtime ships with the action.`,
          { cause: error }
        );
      }
      try {
        const got = await fileIntegrity(file);
        if (got !== pkg.integrity) {
          throw new EnvironmentError(
            `${url} does not match its pinned integrity: expected ${pkg.integrity}, got ${got}. The download was altered or truncated; nothing was installed. Retry the job; if it persists, report it at the energy-budget repository.`
          );
        }
        const files = await extractTarGz(file, staging, (name) => keepEntry(pkg.name, name, arch));
        deps.log?.(`${pkg.name}: ${files} files verified (${pkg.integrity.slice(0, 19)}\u2026) and unpacked`);
      } finally {
        await rm(file, { force: true });
      }
    }
    const version = packages[0]?.version ?? PINNED_ONNXRUNTIME.version;
    return await deps.cacheDir(staging, TOOL_CACHE_NAME, version, arch);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
async function toolCacheDeps(env, log) {
  const tc = await import("./tool-cache-K662PRFG.js");
  return {
    download: (url) => tc.downloadTool(url),
    cacheDir: (dir, tool, version, arch) => tc.cacheDir(dir, tool, version, arch),
    tempDir: env.RUNNER_TEMP || void 0,
    log
  };
}

export {
  NPM_REGISTRY,
  fileIntegrity,
  keepEntry,
  fetchOnnxRuntime,
  toolCacheDeps
};
