import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  PINNED_ONNXRUNTIME,
  TOOL_CACHE_NAME
} from "./chunk-5RXNPUPO.js";
import {
  EnvironmentError
} from "./chunk-TKWDDEDX.js";

// src/runtime/onnxruntime.ts
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
var PEER_RANGE = { text: "^1.30.0" };
function versionNumbers(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : void 0;
}
function bindingFile(dir, platform, arch) {
  return path.join(dir, "bin", "napi-v6", platform, arch, "onnxruntime_binding.node");
}
function inPeerRange(version) {
  const v = versionNumbers(version);
  const min = versionNumbers(PEER_RANGE.text.slice(1));
  if (!v || v[0] !== min[0]) return false;
  for (let i = 1; i < 3; i++) {
    if (v[i] !== min[i]) return v[i] > min[i];
  }
  return true;
}
function fetchablePlatform(platform, arch) {
  return platform === "linux" && arch === "arm64";
}
function resolveOnnxRuntime(probe) {
  const { platform, arch } = probe;
  const order = probe.entry === "cli" ? ["installed", "shipped"] : ["shipped", "tool-cache"];
  const tried = [];
  const seen = /* @__PURE__ */ new Set();
  for (const source of order) {
    let dir;
    if (source === "installed") dir = probe.resolvePackage(probe.packageRoot);
    else if (source === "shipped") dir = probe.resolvePackage(probe.codeDir);
    else {
      const cache = probe.toolCacheDir(arch);
      dir = cache === null ? null : path.join(cache, "node_modules", "onnxruntime-node");
    }
    if (dir === null) {
      tried.push({ source, dir, rejected: source === "tool-cache" ? "not fetched yet" : "not installed" });
      continue;
    }
    if (seen.has(dir)) continue;
    seen.add(dir);
    const version = probe.versionOf(dir);
    if (source === "installed" && (version === null || !inPeerRange(version))) {
      tried.push({ source, dir, rejected: `version ${version ?? "unknown"} is outside ${PEER_RANGE.text}` });
      continue;
    }
    if (!probe.exists(bindingFile(dir, platform, arch))) {
      tried.push({ source, dir, rejected: `no binding for ${platform}/${arch}` });
      continue;
    }
    tried.push({ source, dir });
    return { ok: true, source, dir, entryFile: path.join(dir, "dist", "index.js"), version, tried };
  }
  return { ok: false, tried, fetchable: probe.entry === "action" && fetchablePlatform(platform, arch) };
}
function describeFailure(probe, tried) {
  const pair = `${probe.platform}/${probe.arch}`;
  const looked = tried.map((c) => `${c.source} (${c.dir ?? "none"}): ${c.rejected ?? "used"}`).join("; ");
  if (probe.entry === "action") {
    return `energy-budget has no onnxruntime build for ${pair} here (looked at ${looked}). The action runs on Linux x64 (\`runs-on: ubuntu-latest\`) and Linux arm64 runners (\`runs-on: ubuntu-24.04-arm\`); on macOS or Windows, run the CLI instead: \`npm install energy-budget onnxruntime-node@${PEER_RANGE.text}\` then \`npx energy-budget run\`.`;
  }
  return `No onnxruntime for ${pair} here (looked at ${looked}). Install onnxruntime-node next to energy-budget, which brings the ${pair} binding: \`npm install onnxruntime-node@${PEER_RANGE.text}\` in the same project (or \`npm install -g onnxruntime-node@${PEER_RANGE.text}\` for a global energy-budget). onnxruntime-node ships bindings for darwin/arm64, linux/arm64, linux/x64, win32/arm64 and win32/x64.`;
}
function findPackageRoot(fromDir, read = readText) {
  let dir = fromDir;
  for (; ; ) {
    const text = read(path.join(dir, "package.json"));
    if (text !== null) {
      try {
        const pkg = JSON.parse(text);
        if (typeof pkg === "object" && pkg !== null && "name" in pkg && pkg.name === "energy-budget") return dir;
      } catch {
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return fromDir;
    dir = parent;
  }
}
function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
function toolCacheDirFrom(env, arch, exists = existsSync) {
  const root = env.RUNNER_TOOL_CACHE;
  if (!root) return null;
  const dir = path.join(root, TOOL_CACHE_NAME, PINNED_ONNXRUNTIME.version, arch);
  return exists(`${dir}.complete`) ? dir : null;
}
function realRuntimeProbe(entry, options = {}) {
  const codeDir = options.codeDir ?? path.dirname(fileURLToPath(import.meta.url));
  const env = options.env ?? process.env;
  return {
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    entry,
    packageRoot: findPackageRoot(codeDir),
    codeDir,
    resolvePackage(fromDir) {
      try {
        return path.dirname(createRequire(path.join(fromDir, "noop.js")).resolve("onnxruntime-node/package.json"));
      } catch {
        return null;
      }
    },
    versionOf(dir) {
      const text = readText(path.join(dir, "package.json"));
      if (text === null) return null;
      try {
        const pkg = JSON.parse(text);
        return typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string" ? pkg.version : null;
      } catch {
        return null;
      }
    },
    exists: existsSync,
    toolCacheDir: (arch) => toolCacheDirFrom(env, arch)
  };
}
function runtimeEntryFrom(env) {
  return env.ENERGY_BUDGET_RUNTIME_ENTRY === "action" ? "action" : "cli";
}
function onnxRuntimeFor(probe = realRuntimeProbe(runtimeEntryFrom(process.env))) {
  const r = resolveOnnxRuntime(probe);
  if (!r.ok) throw new EnvironmentError(describeFailure(probe, r.tried));
  return r;
}

export {
  resolveOnnxRuntime,
  describeFailure,
  realRuntimeProbe,
  onnxRuntimeFor
};
