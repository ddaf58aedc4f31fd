import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  ADVICE_VARIANT_IDS,
  DEFAULT_FINE_TUNE_STEPS,
  DataType,
  GZIP_LEVEL,
  VARIANT_IDS,
  adviseModel,
  analyzeModel,
  attrInt,
  buildTrainingStep,
  dataBytes,
  decodeModel,
  dtypeBytes,
  dtypeName,
  encodeModel,
  externalDataFolder,
  externalDataOptions,
  feedsBytes,
  findAttr,
  float16BitsOf,
  forEachTensor,
  fsExternalReader,
  gzipSize,
  int64Tensor,
  isExternal,
  loadModel,
  loopTrainingStep,
  node,
  opKey,
  ortSessionFactoryIn,
  projectTraining,
  rawTensor,
  resolveExternalRef,
  resolveShapesAndValues,
  runTrainingBenchmark,
  seedFrom,
  staticShapes,
  synthesizeInputs,
  synthesizeLabels,
  toOrtTensor,
  trainBatchCount
} from "./chunk-NECSJKXB.js";
import {
  EstimateMeter,
  USER_HZ,
  abbaBaseFirst,
  createSequentialComparison,
  estimateCoefficients,
  estimateFromTimings,
  minSamplesPerRound,
  nodeFs,
  pct,
  planRoundsPerLook,
  readCpuInfo,
  readCpuTimes,
  realClockNs,
  realTicker,
  resolvePowerModel,
  secondsBetween
} from "./chunk-KLIXH5O5.js";
import {
  isOneOf,
  mean,
  median,
  quantileSorted,
  quantiles,
  relativeCiHalfWidth,
  stdev
} from "./chunk-JOXRTO3M.js";
import {
  isJsonObject
} from "./chunk-4IKFRKST.js";
import {
  InferenceSession,
  env
} from "./chunk-QP55FGLM.js";
import {
  onnxRuntimeFor
} from "./chunk-4WH33R5J.js";
import {
  ConfigError,
  EnergyBudgetError,
  EnvironmentError,
  InputError,
  InternalError,
  errnoCode,
  isUserFacing,
  limitErrorOf,
  messageOf
} from "./chunk-TKWDDEDX.js";

// src/device/providers.ts
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

// src/device/elf.ts
import { closeSync, openSync, readSync } from "node:fs";
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var DT_NULL = 0n;
var DT_NEEDED = 1n;
var DT_STRTAB = 5n;
var DT_STRSZ = 10n;
function readAt(fd, offset, length) {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, offset + got);
    if (n <= 0) break;
    got += n;
  }
  if (got < length) throw new Error(`truncated ELF file (wanted ${length} bytes at ${offset})`);
  return buf;
}
function elfNeededLibraries(path4) {
  const fd = openSync(path4, "r");
  try {
    const head = readAt(fd, 0, 64);
    if (head.readUInt32BE(0) !== 2135247942) throw new Error(`${path4} is not an ELF file`);
    if (head[4] !== 2 || head[5] !== 1) throw new Error(`${path4} is not a 64-bit little-endian ELF file`);
    const phoff = Number(head.readBigUInt64LE(32));
    const phentsize = head.readUInt16LE(54);
    const phnum = head.readUInt16LE(56);
    const phs = readAt(fd, phoff, phentsize * phnum);
    const loads = [];
    let dynamic;
    for (let i = 0; i < phnum; i++) {
      const at = i * phentsize;
      const type = phs.readUInt32LE(at);
      const offset = phs.readBigUInt64LE(at + 8);
      const vaddr = phs.readBigUInt64LE(at + 16);
      const filesz = phs.readBigUInt64LE(at + 32);
      if (type === PT_LOAD) loads.push({ vaddr, offset, filesz });
      if (type === PT_DYNAMIC) dynamic = { offset: Number(offset), size: Number(filesz) };
    }
    if (!dynamic) return [];
    const dyn = readAt(fd, dynamic.offset, dynamic.size);
    const needed = [];
    let strtab;
    let strsz = 0n;
    for (let at = 0; at + 16 <= dyn.length; at += 16) {
      const tag = dyn.readBigInt64LE(at);
      const value = dyn.readBigUInt64LE(at + 8);
      if (tag === DT_NULL) break;
      if (tag === DT_NEEDED) needed.push(value);
      else if (tag === DT_STRTAB) strtab = value;
      else if (tag === DT_STRSZ) strsz = value;
    }
    if (needed.length === 0 || strtab === void 0) return [];
    const seg = loads.find((l) => strtab >= l.vaddr && strtab < l.vaddr + l.filesz);
    if (!seg) throw new Error(`${path4}: the string table lies outside every loaded segment`);
    const strings = readAt(fd, Number(strtab - seg.vaddr + seg.offset), Number(strsz));
    return needed.map((off) => {
      const start = Number(off);
      const end = strings.indexOf(0, start);
      return strings.subarray(start, end < 0 ? strings.length : end).toString("utf8");
    });
  } finally {
    closeSync(fd);
  }
}

// src/device/providers.ts
var CUDA_PROVIDER_FILES = ["libonnxruntime_providers_cuda.so", "libonnxruntime_providers_shared.so"];
function executionProvidersFor(device, opts = {}) {
  switch (device) {
    case "cpu":
      return ["cpu"];
    case "cuda":
      return [{ name: "cuda", deviceId: opts.deviceId ?? 0 }, "cpu"];
    case "webgpu":
      return [{ name: "webgpu" }, "cpu"];
  }
}
function deviceSessionOptions(device, opts = {}) {
  const executionProviders = executionProvidersFor(device, opts);
  if (device === "cpu" || opts.cpuFallback !== false) return { executionProviders };
  return {
    executionProviders: executionProviders.filter((p) => p !== "cpu"),
    extra: { session: { disable_cpu_ep_fallback: "1" } }
  };
}
function defaultBindingDir(platform = process.platform, arch = process.arch) {
  return join(onnxRuntimeFor().dir, "bin", "napi-v6", platform, arch);
}
function whichOnPath(command, env2 = process.env, exists = existsSync) {
  for (const dir of (env2.PATH ?? "").split(delimiter)) {
    if (dir && exists(join(dir, command))) return join(dir, command);
  }
  return null;
}
async function realDeviceProbes() {
  const ort = await import("./ort-bundle-U55FKEUE.js");
  let koffi;
  try {
    koffi = (await import("koffi")).default;
  } catch {
    koffi = void 0;
  }
  return {
    platform: process.platform,
    arch: process.arch,
    backends: () => ort.listSupportedBackends(),
    bindingDir: () => defaultBindingDir(),
    exists: existsSync,
    loadLibrary: (name) => {
      if (!koffi) return "the koffi FFI module is not available to try loading it";
      try {
        koffi.load(name);
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },
    neededLibraries: elfNeededLibraries,
    which: (cmd) => whichOnPath(cmd)
  };
}
var DRIVER_FIX = "Install the NVIDIA driver (e.g. `sudo apt-get install nvidia-driver-550`, then reboot) or, in a container, start it with the NVIDIA Container Toolkit (`docker run --gpus all \u2026`) so libcuda.so.1 is mounted; GitHub-hosted runners without a GPU cannot run device: cuda.";
function gpuDependencies(needed) {
  return needed.filter(
    (n) => !/^(libonnxruntime|libc\.|libm\.|libdl\.|librt\.|libpthread\.|libstdc\+\+|libgcc_s|ld-linux)/.test(n)
  );
}
function checkDevice(device, probes) {
  const missing = [];
  const notes = [];
  if (device === "cpu") return { device, ready: true, missing, notes };
  const backends = probes.backends();
  const names = backends.map((b) => b.name);
  if (!names.includes(device)) {
    missing.push({
      what: "backend",
      message: `this onnxruntime-node build (${probes.platform}/${probes.arch}) has no ${device} execution provider (it lists ${names.join(", ") || "none"})`,
      fix: device === "cuda" ? "use Linux x64 (onnxruntime-node builds its CUDA provider only there and on Windows x64) or set device: cpu." : "use onnxruntime-node 1.22 or newer on Linux x64, Windows or macOS, or set device: cpu."
    });
    return { device, ready: false, missing, notes };
  }
  if (device === "cuda") {
    const smi = probes.which("nvidia-smi");
    const driver = probes.loadLibrary("libcuda.so.1");
    if (driver !== null) {
      missing.push({
        what: "driver",
        message: `the NVIDIA driver library libcuda.so.1 cannot be loaded (${driver})${smi ? `, although nvidia-smi is at ${smi}` : " and nvidia-smi is not on PATH"}`,
        fix: DRIVER_FIX
      });
    } else if (smi) {
      notes.push(`NVIDIA driver found (libcuda.so.1 loads; nvidia-smi at ${smi}).`);
    }
    const dir = probes.bindingDir();
    const absent = CUDA_PROVIDER_FILES.filter((f) => !probes.exists(join(dir, f)));
    if (absent.length > 0) {
      missing.push({
        what: "cuda-provider",
        message: `onnxruntime's CUDA provider binaries are not installed (${absent.join(", ")} missing from ${dir}); the npm package does not include them`,
        fix: "let energy-budget fetch them (it does so for device: cuda, pinned to a checksum; see docs/gpu.md), or run `ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node`."
      });
    } else {
      const provider = join(dir, CUDA_PROVIDER_FILES[0]);
      let needed = [];
      try {
        needed = gpuDependencies(probes.neededLibraries(provider));
      } catch (error) {
        notes.push(
          `The CUDA provider's dependencies could not be read (${messageOf(error)}); they are checked when the session is created.`
        );
      }
      const unloadable = needed.filter((lib) => probes.loadLibrary(lib) !== null);
      if (unloadable.length > 0) {
        missing.push({
          what: "cuda-libraries",
          message: `the CUDA provider needs ${unloadable.join(", ")}, which the dynamic loader cannot find`,
          fix: "install the CUDA runtime and cuDNN versions these names give (e.g. CUDA 12 with cuDNN 9: `sudo apt-get install cuda-libraries-12-x libcudnn9-cuda-12` from NVIDIA's repository, or `pip install nvidia-cublas-cu12 nvidia-cudnn-cu12 \u2026` and add their lib folders to LD_LIBRARY_PATH)."
        });
      } else if (needed.length > 0) {
        notes.push(`CUDA provider dependencies load: ${needed.join(", ")}.`);
      }
    }
  }
  if (device === "webgpu") {
    if (probes.platform === "linux") {
      const vulkan = probes.loadLibrary("libvulkan.so.1");
      if (vulkan !== null) {
        missing.push({
          what: "vulkan",
          message: `the Vulkan loader libvulkan.so.1 cannot be loaded (${vulkan}); onnxruntime's WebGPU provider (Dawn) reaches the GPU through Vulkan on Linux`,
          fix: "install the Vulkan loader and a Vulkan driver for the GPU (`sudo apt-get install libvulkan1 mesa-vulkan-drivers` for AMD/Intel; the NVIDIA driver ships its own), or set device: cpu."
        });
      }
    }
    notes.push("Whether a WebGPU adapter exists is known only when the session is created.");
  }
  return { device, ready: missing.length === 0, missing, notes };
}
function deviceUnavailableError(check, model) {
  const who = model ? `Model ${model} asks for device: ${check.device}` : `device: ${check.device} was asked for`;
  const parts = check.missing.map((m, i) => `(${i + 1}) ${m.message}: ${m.fix}`);
  return new EnvironmentError(
    `${who}, but this machine cannot run it: ${parts.join(" ")} Alternatively set device: cpu for this model.`
  );
}
function requireDevice(device, probes, model) {
  const check = checkDevice(device, probes);
  if (!check.ready) throw deviceUnavailableError(check, model);
  return check;
}
function describeDeviceLoadError(error, device, model) {
  if (device === "cpu") return void 0;
  const raw = messageOf(error);
  const msg = raw.replace(/\s*\n\s*/g, " ").trim();
  const who = `Model ${model} (device: ${device})`;
  const make = (what, fix) => new EnvironmentError(`${who}: ${what}. ${fix} Alternatively set device: cpu for this model. (onnxruntime: ${msg})`, {
    cause: error
  });
  if (device === "webgpu") {
    if (/WebGPU adapter|No supported adapters|RequestAdapter/i.test(msg)) {
      return make(
        "onnxruntime found no WebGPU adapter (no GPU that Dawn can use through Vulkan, or no Vulkan driver for it)",
        "Run on a machine with a GPU and a Vulkan driver (check with `vulkaninfo --summary`; install libvulkan1 and mesa-vulkan-drivers for AMD/Intel, or the NVIDIA driver)."
      );
    }
    if (/webgpu/i.test(msg) && /not (supported|available|registered)/i.test(msg)) {
      return make(
        "this onnxruntime-node build cannot create a WebGPU provider",
        "Use onnxruntime-node 1.22 or newer on Linux x64, Windows or macOS."
      );
    }
    return void 0;
  }
  let m;
  if ((m = /(libonnxruntime_providers_(?:cuda|shared)\.so)[^]*?(cannot open shared object file|No such file)/.exec(msg)) || /AppendExecutionProvider_Cuda: Failed to load shared library/.test(msg)) {
    const lib = m?.[1] ?? "libonnxruntime_providers_cuda.so";
    return make(
      `onnxruntime cannot load its CUDA provider (${lib} is missing or one of its dependencies is)`,
      "Let energy-budget fetch the provider binaries (docs/gpu.md), and check that the NVIDIA driver, CUDA 12 and cuDNN 9 libraries load (`energy-budget` names the missing ones before creating the session)."
    );
  }
  if (m = /(lib[\w+.-]+\.so(?:\.\d+)*): cannot open shared object file/.exec(msg)) {
    return make(
      `the CUDA provider needs ${m[1]}, which the dynamic loader cannot find`,
      "Install the CUDA runtime and cuDNN libraries (see docs/gpu.md) or add their folder to LD_LIBRARY_PATH."
    );
  }
  if (/no CUDA-capable device|cudaErrorNoDevice|CUDA failure 100\b/i.test(msg)) {
    return make("CUDA sees no GPU", "Check `nvidia-smi` and CUDA_VISIBLE_DEVICES; in a container start it with `--gpus all`.");
  }
  if (/driver version is insufficient|cudaErrorInsufficientDriver|CUDA failure 35\b/i.test(msg)) {
    return make(
      "the NVIDIA driver is older than the CUDA runtime the provider was built with",
      "Update the NVIDIA driver (CUDA 12 needs driver 525 or newer)."
    );
  }
  if (/out of memory|cudaErrorMemoryAllocation|CUDA failure 2\b/i.test(msg)) {
    return make(
      "the GPU ran out of memory while loading the model",
      "Use a GPU with more memory, free it from other processes, or a smaller model."
    );
  }
  return void 0;
}

// src/bench/ort.ts
function sessionOptions(opts) {
  return {
    // Never set preferredOutputLocation or disable_synchronize_execution_providers: with the
    // defaults, run() returns after the device work and the copy back (docs/gpu.md).
    ...deviceSessionOptions(opts.device ?? "cpu", { deviceId: opts.deviceId, cpuFallback: opts.cpuFallback }),
    intraOpNumThreads: opts.threads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    logSeverityLevel: 3,
    ...externalDataOptions(opts.externalDataFolder)
  };
}
async function createSession(model, opts) {
  const options = sessionOptions(opts);
  let session;
  try {
    session = typeof model === "string" ? await InferenceSession.create(model, options) : await InferenceSession.create(model, options);
  } catch (error) {
    const name = opts.name ?? (typeof model === "string" ? model : "the model");
    const limit = limitErrorOf(name.startsWith('"') ? name : `"${name}"`, "loading it into onnxruntime", error);
    if (limit) throw limit;
    throw describeDeviceLoadError(error, opts.device ?? "cpu", name.startsWith('"') ? name : `"${name}"`) ?? describeLoadError(error, name);
  }
  return wrapSession(session);
}
function wrapSession(session) {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    // Passed straight through: the timed loop should measure onnxruntime, not a wrapper.
    run: (feeds, fetches) => fetches ? session.run(feeds, fetches) : session.run(feeds),
    release: () => session.release()
  };
}
function ortVersion() {
  return env.versions.node ?? env.versions.common;
}
function describeLoadError(error, name) {
  const raw = messageOf(error);
  const msg = raw.replace(/^\[ONNXRuntimeError\] : \d+ : [A-Z_]+ : /, "").trim();
  const model = name.startsWith('"') ? `model ${name}` : `model "${name}"`;
  let text;
  let m;
  if (/File doesn't exist|No such file/i.test(msg)) {
    text = `${model}: the file does not exist. Check the path (relative to the budget file's folder).`;
  } else if (/protobuf parsing failed/i.test(msg)) {
    text = `${model}: onnxruntime cannot parse the file as an ONNX model (protobuf parsing failed). Check that it is an .onnx file and not, for example, a PyTorch checkpoint or a Git LFS pointer (run git lfs pull).`;
  } else if (m = /No Op registered for (\S+) with domain_version of (\d+)/.exec(msg)) {
    const node2 = /In Node, \("([^"]*)", ([^,]+), "([^"]*)"/.exec(msg);
    const domain = node2?.[3] ? ` in domain "${node2[3]}"` : "";
    text = `${model}: op ${m[1]}${domain} (opset ${m[2]})${node2 ? ` at node "${node2[1]}"` : ""} is not an op onnxruntime ${ortVersion()} knows. Re-export the model with standard ONNX ops or a supported opset. (onnxruntime: ${msg})`;
  } else if (m = /([\w.]*):(\w+)\((-?\d+)\) is not a registered function\/op/.exec(msg)) {
    text = `${model}: op ${m[2]}${m[1] ? ` in domain "${m[1]}"` : ""} is not an op onnxruntime ${ortVersion()} knows (no kernel or function is registered for it). Re-export the model with standard ONNX ops, or use a build of onnxruntime that has this custom op. (onnxruntime: ${msg})`;
  } else if (m = /Could not find an implementation for (\S+?)\((\d+)\) node with name '([^']*)'/.exec(msg)) {
    text = `${model}: onnxruntime's CPU execution provider has no kernel for op ${m[1]} (opset ${m[2]}) at node "${m[3]}" with these input types. Re-export the model with other types or ops for that node.`;
  } else if (m = /of operator \(([^)]*)\) in node \(([^)]*)\)/.exec(msg)) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, "");
    text = `${model}: onnxruntime rejects node "${m[2]}" (op ${m[1]}) as invalid: ${detail}`;
  } else if (m = /In Node, \("([^"]*)", ([^,]+),/.exec(msg)) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, "");
    text = `${model}: onnxruntime rejects node "${m[1]}" (op ${m[2].trim()}) as invalid: ${detail}`;
  } else {
    text = `${model}: onnxruntime cannot load it: ${msg}`;
  }
  return new InputError("MODEL_INVALID", text.replace(/\s*\n\s*/g, " "), { cause: error });
}

// src/instructions/valgrind.ts
import { execFile, spawn } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/instructions/child.ts
var READY_LINE = "eb-ready";
var ARRAYS = `{
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, int8: Int8Array, uint8: Uint8Array,
  int16: Int16Array, uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array,
  uint64: BigUint64Array, bool: Uint8Array
}`;
var CHILD_SOURCE = `
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const job = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const mod = await import(pathToFileURL(job.ort).href);
const ort = mod.default ?? mod;
const ARRAYS = ${ARRAYS};
const feeds = {};
for (const f of job.feeds) {
  if (f.strings) { feeds[f.name] = new ort.Tensor('string', f.strings, f.dims); continue; }
  const bytes = readFileSync(f.file);
  const Ctor = ARRAYS[f.type];
  if (!Ctor) throw new Error('unsupported input type ' + f.type + ' for input ' + f.name);
  const copy = new Uint8Array(bytes.length); copy.set(bytes);
  feeds[f.name] = new ort.Tensor(f.type, new Ctor(copy.buffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT), f.dims);
}
const session = await ort.InferenceSession.create(job.model, job.sessionOptions);
process.stdout.write('${READY_LINE}\\n');
while (!existsSync(job.goFile));
if (readFileSync(job.goFile, 'utf8').trim() !== 'go') process.exit(0);
for (let i = 0; i < job.warmup + job.calls; i++) await session.run(feeds);
await session.release();
process.stdout.write(JSON.stringify({ ok: true, calls: job.warmup + job.calls }) + '\\n');
`;

// src/instructions/callgrind.ts
var CallgrindFormatError = class extends InternalError {
  constructor(message) {
    super("ENVIRONMENT", message);
    this.name = "CallgrindFormatError";
  }
};
function parseCounts(line, events, lineNo) {
  const fields = line.trim().split(/\s+/);
  if (fields.length > events.length || fields.some((f) => !/^\d+$/.test(f))) {
    throw new CallgrindFormatError(
      `line ${lineNo}: expected up to ${events.length} whole numbers (${events.join(" ")}), got \`${line.trim()}\``
    );
  }
  const out = {};
  events.forEach((e, i) => out[e] = fields[i] === void 0 ? 0 : Number(fields[i]));
  return out;
}
function parseCallgrind(text) {
  const profile = { events: [], parts: [] };
  let current = null;
  const close = () => {
    if (!current) return;
    const totals = current.totals ?? current.summary;
    if (!totals)
      throw new CallgrindFormatError(`part ${profile.parts.length + 1} has neither a \`summary:\` nor a \`totals:\` line`);
    profile.parts.push({ totals, ...current.trigger ? { trigger: current.trigger } : {}, byObject: current.byObject });
    current = null;
  };
  const objects = /* @__PURE__ */ new Map();
  let object = "???";
  let fnObject = "???";
  let afterCalls = false;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const ob = /^(c?)ob=(?:\((\d+)\))?\s*(.*)$/.exec(line);
    if (ob) {
      const callee = ob[1];
      const id = ob[2];
      const name = ob[3];
      if (id && name) objects.set(id, name);
      if (!callee) object = id ? objects.get(id) ?? name : name;
      continue;
    }
    if (line.startsWith("fn=")) {
      fnObject = object;
      continue;
    }
    if (line.startsWith("calls=")) {
      afterCalls = true;
      continue;
    }
    if (/^([+*-]?\d|0x)/.test(line)) {
      if (afterCalls) {
        afterCalls = false;
        continue;
      }
      if (!current || !profile.events.length) continue;
      const fields = line.trim().split(/\s+/).slice(1);
      const acc = current.byObject[fnObject] ??= {};
      profile.events.forEach((e, k) => {
        const v = Number(fields[k] ?? 0);
        if (Number.isFinite(v)) acc[e] = (acc[e] ?? 0) + v;
      });
      continue;
    }
    const m = /^([a-z]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1];
    const value = m[2];
    switch (key) {
      case "cmd":
        profile.command ??= value.trim();
        break;
      case "part":
        close();
        current = { byObject: {} };
        break;
      case "events":
        profile.events = value.trim().split(/\s+/);
        current ??= { byObject: {} };
        break;
      case "desc": {
        const t = /^Trigger:\s*(.*)$/.exec(value.trim());
        if (t) (current ??= { byObject: {} }).trigger = t[1];
        break;
      }
      case "summary":
      case "totals": {
        if (!profile.events.length) throw new CallgrindFormatError(`line ${i + 1}: \`${key}:\` before any \`events:\` line`);
        current ??= { byObject: {} };
        current[key === "summary" ? "summary" : "totals"] = parseCounts(value, profile.events, i + 1);
        break;
      }
    }
  }
  close();
  if (!profile.events.length) throw new CallgrindFormatError("no `events:` line: this is not a Callgrind output file");
  return profile;
}
function objectCost(part, events, pattern) {
  const out = {};
  for (const e of events) out[e] = 0;
  for (const [ob, cost] of Object.entries(part.byObject)) {
    if (!pattern.test(ob)) continue;
    for (const [e, v] of Object.entries(cost)) out[e] = (out[e] ?? 0) + v;
  }
  return out;
}

// src/instructions/valgrind.ts
var COUNTED_OBJECT = /libonnxruntime\.so/;
var RUN_SYMBOL = "InferenceSessionWrap::Run*";
var RUN_SYMBOL_DUMP = "*InferenceSessionWrap::Run*";
var INSTALL_HINT = "Install it with `sudo apt-get install -y valgrind` (Ubuntu and Debian, including GitHub-hosted ubuntu runners), or point ENERGY_BUDGET_VALGRIND at the valgrind binary";
function unsupportedPlatform(platform = process.platform, arch = process.arch) {
  if (platform !== "linux")
    return `measure: instructions needs Valgrind, which runs on Linux only (this is ${platform}); run this model with measure: time here, or on a Linux runner`;
  if (arch !== "x64" && arch !== "arm64")
    return `measure: instructions is supported on Linux x64 and arm64 (this is ${arch}); run this model with measure: time here`;
  return null;
}
async function findValgrind(env2) {
  const platform = unsupportedPlatform();
  if (platform) throw new EnvironmentError(platform);
  const command = env2.ENERGY_BUDGET_VALGRIND || "valgrind";
  const where = env2.ENERGY_BUDGET_VALGRIND ? `ENERGY_BUDGET_VALGRIND=${command}` : "`valgrind` on PATH";
  const version = await new Promise((done, fail) => {
    execFile(command, ["--version"], { env: env2, timeout: 3e4 }, (error, stdout) => {
      if (error) fail(error);
      else done(stdout.trim());
    });
  }).catch((error) => {
    const why2 = error.code === "ENOENT" ? "was not found" : `could not be run (${error.message.split("\n")[0]})`;
    throw new EnvironmentError(
      `measure: instructions needs Valgrind (its callgrind tool), and ${where} ${why2}. ${INSTALL_HINT}.`,
      { cause: error }
    );
  });
  if (!/^valgrind-\d/.test(version))
    throw new EnvironmentError(
      `${where} does not look like Valgrind: \`--version\` printed \`${version.slice(0, 80)}\`. ${INSTALL_HINT}.`
    );
  return { command, version };
}
var runCommand = (command, args, env2) => new Promise((done, fail) => {
  execFile(
    command,
    args,
    { env: env2, timeout: 6e5 },
    (error, _out, stderr) => error ? fail(
      new Error(
        `${command} ${args.join(" ")}: ${String(stderr).trim().split("\n").slice(-3).join(" | ") || error.message}`
      )
    ) : done()
  );
});
async function installValgrind(env2, deps = {}) {
  const run = deps.run ?? runCommand;
  const clockNs = deps.clockNs ?? (() => process.hrtime.bigint());
  const t0 = clockNs();
  const aptEnv = { ...env2, DEBIAN_FRONTEND: "noninteractive" };
  try {
    await run("sudo", ["-n", "apt-get", "update", "-qq"], aptEnv);
    await run("sudo", ["-n", "apt-get", "install", "-y", "-qq", "--no-install-recommends", "valgrind"], aptEnv);
  } catch (error) {
    throw new EnvironmentError(
      `measure: instructions needs Valgrind, and installing it with apt-get failed (${messageOf(error)}). Add a step \`sudo apt-get install -y valgrind\` before this action, or use measure: time.`,
      { cause: error }
    );
  }
  return Number(clockNs() - t0) / 1e9;
}
function defaultExec(command, args, env2, hooks) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: env2, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    let ready;
    child.stdout.on("data", (d) => {
      if (ready) return;
      stdout = (stdout + d.toString()).slice(-1e3);
      if (stdout.split("\n").some((l) => l.trim() === READY_LINE))
        ready = hooks.onReady(child.pid).catch((error) => {
          child.kill("SIGKILL");
          throw error;
        });
    });
    child.stderr.on("data", (d) => {
      stderr = (stderr + d.toString()).slice(-2e4);
    });
    child.on("error", fail);
    child.on("close", (code, signal) => void (ready ?? Promise.resolve()).then(() => done({ code, signal, stderr }), fail));
  });
}
var defaultVgdb = (command, args, env2) => new Promise((done, fail) => {
  execFile(
    command,
    args,
    { env: env2, timeout: 6e4 },
    (error, stdout, stderr) => error ? fail(
      new Error(
        `${String(stderr || stdout).trim().split("\n").slice(-2).join(" | ") || error.message}`
      )
    ) : done()
  );
});
function vgdbFor(valgrind) {
  if (!valgrind.includes("/")) return "vgdb";
  const beside = path.join(path.dirname(valgrind), "vgdb");
  return existsSync2(beside) ? beside : "vgdb";
}
function ortEntry() {
  return onnxRuntimeFor().entryFile;
}
function orderDumpFiles(names, base) {
  const numbered = names.map((n) => ({ n, m: new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)$`).exec(n) })).filter((x) => x.m).sort((a, b) => Number(a.m[1]) - Number(b.m[1])).map((x) => x.n);
  return names.includes(base) ? [...numbered, base] : numbered;
}
function callsFromDumps(parts, warmup, calls, events = ["Ir"]) {
  const expected = 1 + warmup + calls;
  if (parts.length !== expected) {
    throw new EnvironmentError(
      `Callgrind wrote ${parts.length} dumps where ${expected} were expected (one before each of ${warmup + calls} calls, and one at exit): the run function ${RUN_SYMBOL} was not matched as expected; this onnxruntime-node build may name it differently`
    );
  }
  return parts.slice(1 + warmup).map((p) => objectCost(p, events, COUNTED_OBJECT));
}
function callgrindArgs(opts) {
  return [
    "--tool=callgrind",
    // Start-up (Node, module loading, session creation) runs without instrumentation: about
    // 5× cheaper on the simulator than instrumented with collection off. vgdb switches it on
    // (`instrumentation on`) before the first call.
    ...opts.instrumented ? [] : ["--instr-atstart=no"],
    "--collect-atstart=no",
    `--toggle-collect=${RUN_SYMBOL}`,
    `--dump-before=${RUN_SYMBOL_DUMP}`,
    "--dump-instr=no",
    `--cache-sim=${opts.cacheSim ? "yes" : "no"}`,
    "--vgdb=yes",
    // Its own FIFOs in the count's own folder, so that parallel counts never meet.
    `--vgdb-prefix=${path.join(opts.dir, "vgdb")}`,
    `--callgrind-out-file=${opts.out}`,
    `--log-file=${path.join(opts.dir, "valgrind.log")}`
  ];
}
async function runCallgrind(tool, job, deps = {}) {
  const clockNs = deps.clockNs ?? (() => process.hrtime.bigint());
  const env2 = { ...deps.env ?? process.env, NODE_OPTIONS: "" };
  const dir = await mkdtemp(path.join(os.tmpdir(), "eb-instr-"));
  try {
    const feeds = [];
    for (const [i, [name, t]] of Object.entries(job.feeds).entries()) {
      const data = t.data;
      if (Array.isArray(data)) {
        feeds.push({ name, type: t.type, dims: [...t.dims], strings: [...data] });
        continue;
      }
      const file = path.join(dir, `input-${i}.bin`);
      await writeFile(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      feeds.push({ name, type: t.type, dims: [...t.dims], file });
    }
    const t0 = clockNs();
    let fallback;
    for (let attempt = 0; ; attempt++) {
      const instrumented = fallback !== void 0;
      const sub = path.join(dir, `run-${attempt}`);
      await mkdir(sub);
      const goFile = path.join(sub, "go");
      const childJob = {
        ort: ortEntry(),
        model: job.model,
        sessionOptions: job.sessionOptions,
        warmup: job.warmup,
        calls: job.calls,
        feeds,
        goFile
      };
      const jobFile = path.join(sub, "job.json");
      await writeFile(jobFile, JSON.stringify(childJob));
      const out = path.join(sub, "callgrind.out");
      const args = [
        ...callgrindArgs({ out, dir: sub, cacheSim: job.cacheSim, instrumented }),
        process.execPath,
        "--input-type=module",
        "-e",
        CHILD_SOURCE,
        jobFile
      ];
      let stopped;
      const onReady = async (pid) => {
        let word = "go";
        if (!instrumented) {
          const vgdb = deps.vgdb ?? defaultVgdb;
          const command = vgdbFor(tool.command);
          try {
            await vgdb(command, [`--vgdb-prefix=${path.join(sub, "vgdb")}`, `--pid=${pid}`, "instrumentation", "on"], env2);
          } catch (error) {
            stopped = `${command} could not switch callgrind's instrumentation on (${messageOf(error)})`;
            word = "stop";
          }
        }
        await writeFile(`${goFile}.tmp`, word);
        await rename(`${goFile}.tmp`, goFile);
      };
      const runTool = deps.exec ?? defaultExec;
      const r = await runTool(tool.command, args, env2, { onReady });
      if (r.code !== 0) {
        const log = await readFile(path.join(sub, "valgrind.log"), "utf8").catch(() => "");
        const tail = `${r.stderr}
${log}`.trim().split("\n").slice(-8).join(" | ");
        throw new EnvironmentError(
          `the instruction count failed: ${tool.command} (callgrind) running the model ${r.signal ? `was killed by ${r.signal}` : `exited with code ${r.code}`}: ${tail}`
        );
      }
      if (stopped !== void 0 && !instrumented) {
        fallback = stopped;
        continue;
      }
      const wallS = Number(clockNs() - t0) / 1e9;
      const names = orderDumpFiles(await readdir(sub), "callgrind.out");
      const parts = [];
      let events = [];
      for (const n of names) {
        const profile = parseCallgrind(await readFile(path.join(sub, n), "utf8"));
        events = profile.events;
        parts.push(...profile.parts);
      }
      const perCall = callsFromDumps(parts, job.warmup, job.calls, events);
      if (perCall.every((c) => !c.Ir))
        throw new EnvironmentError(
          "Callgrind counted no instructions inside onnxruntime (libonnxruntime.so) during the run: this onnxruntime-node build may load its library under another name"
        );
      return {
        events,
        perCall,
        wallS,
        valgrind: tool.version,
        startup: fallback === void 0 ? { instrumented: false } : { instrumented: true, reason: fallback }
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/isolate/workspace.ts
import { existsSync as existsSync3, realpathSync } from "node:fs";
import { readFile as readFile2, realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
function isInside(root, child) {
  const rel = relative(root, child);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
function real(p) {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
function findWorkspaceRoot(configFile, env2) {
  if (env2.ENERGY_BUDGET_WORKSPACE) return real(resolve(env2.ENERGY_BUDGET_WORKSPACE));
  const file = real(resolve(configFile));
  if (env2.GITHUB_WORKSPACE) {
    const ws = real(resolve(env2.GITHUB_WORKSPACE));
    if (isInside(ws, file)) return ws;
  }
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync3(resolve(dir, ".git"))) return dir;
    if (dirname(dir) === dir) break;
  }
  return dirname(file);
}
async function assertInsideWorkspace(path4, workspaceRoot, what) {
  let target;
  try {
    target = await realpath(path4);
  } catch {
    target = resolve(path4);
  }
  if (!isInside(workspaceRoot, target)) {
    const viaLink = target !== resolve(path4) ? ` (it is a symbolic link, or inside one, that resolves to ${target})` : "";
    throw new InputError(
      "PATH_OUTSIDE_WORKSPACE",
      `${what} is ${path4}${viaLink}, which is outside the workspace ${workspaceRoot}. Paths in the budget file must stay inside the repository so that a pull request cannot make the job read other files on the runner. Move the file into the repository and give its path relative to the budget file (symbolic links must point inside the repository too), or set ENERGY_BUDGET_WORKSPACE to a folder that contains it.`
    );
  }
  return target;
}
function confinedReadFile(workspaceRoot) {
  return async (path4) => {
    const target = await assertInsideWorkspace(path4, workspaceRoot, "An input data file");
    return readFile2(target);
  };
}

// src/bench/runner.ts
var RSS_EVERY_NS = 50000000n;
async function runInferenceBenchmark(session, feeds, cfg, deps) {
  const clock = deps.clockNs;
  const rss = deps.rssBytes ?? (() => process.memoryUsage.rss());
  const maxRss = deps.maxRssBytes ?? (() => process.resourceUsage().maxRSS * 1024);
  const label2 = deps.label ?? "the model";
  const iterations = cfg.iterations;
  const auto = iterations === "auto";
  if (iterations !== "auto" && !(Number.isInteger(iterations) && iterations >= 1)) {
    throw new RangeError(`iterations must be a positive integer or 'auto', got ${iterations}`);
  }
  const minSamples = Math.max(2, deps.minSamples ?? 10);
  const maxRuns = iterations === "auto" ? deps.maxRuns ?? 1e6 : iterations;
  let phase = "warm-up";
  let last = {};
  let lat = new Float64Array(auto ? Math.min(maxRuns, 1024) : maxRuns);
  let n = 0;
  let stopReason = "iterations";
  let energy;
  let peakRss = 0;
  let startNs = 0n;
  let endNs = 0n;
  let maxRssBefore = 0;
  try {
    for (let i = 0; i < cfg.warmup; i++) last = await session.run(feeds);
    maxRssBefore = maxRss();
    peakRss = rss();
    phase = "meter";
    const token = deps.meter ? await deps.meter.begin() : void 0;
    phase = "the timed runs";
    startNs = clock();
    let nextRssNs = startNs + RSS_EVERY_NS;
    let prev = startNs;
    if (!auto) {
      for (; n < maxRuns; n++) {
        last = await session.run(feeds);
        const t = clock();
        lat[n] = Number(t - prev) / 1e6;
        prev = t;
        if (t >= nextRssNs) {
          const r2 = rss();
          if (r2 > peakRss) peakRss = r2;
          nextRssNs = t + RSS_EVERY_NS;
          prev = clock();
        }
      }
    } else {
      const deadlineNs = Number.isFinite(cfg.maxTimeS) ? startNs + BigInt(Math.round(cfg.maxTimeS * 1e9)) : 2n ** 63n;
      let nextCheck = minSamples;
      for (; ; ) {
        last = await session.run(feeds);
        const t = clock();
        lat[n++] = Number(t - prev) / 1e6;
        prev = t;
        if (n >= nextCheck) {
          if (relativeCiHalfWidth(lat, n) <= cfg.targetRelativeCi) {
            stopReason = "converged";
            break;
          }
          nextCheck = n + Math.max(minSamples, Math.ceil(n / 10));
          prev = clock();
        }
        if (t >= deadlineNs) {
          stopReason = "time-cap";
          break;
        }
        if (n >= maxRuns) {
          stopReason = "max-runs";
          break;
        }
        if (t >= nextRssNs) {
          const r2 = rss();
          if (r2 > peakRss) peakRss = r2;
          nextRssNs = t + RSS_EVERY_NS;
          prev = clock();
        }
        if (n === lat.length) {
          const bigger = new Float64Array(Math.min(maxRuns, lat.length * 2));
          bigger.set(lat);
          lat = bigger;
          prev = clock();
        }
      }
    }
    endNs = clock();
    phase = "meter";
    if (deps.meter && token) energy = await deps.meter.end(token);
  } catch (error) {
    if (isUserFacing(error)) throw error;
    const msg = messageOf(error).replace(/\s*\n\s*/g, " ");
    if (phase === "meter") throw new EnvironmentError(`${label2}: the energy meter failed: ${msg}`, { cause: error });
    throw new InputError(
      "INPUT_INVALID",
      `${label2}: onnxruntime failed during ${phase}: ${msg}. Check the input shapes and values given by dims: and inputs:.`,
      { cause: error }
    );
  }
  const r = rss();
  if (r > peakRss) peakRss = r;
  const maxRssAfter = maxRss();
  const peakMemoryBytes = maxRssAfter > maxRssBefore ? Math.max(maxRssAfter, peakRss) : peakRss;
  const windowNs = endNs - startNs;
  if (windowNs <= 0n) {
    throw new EnvironmentError(
      `${label2}: the timed window of ${n} run(s) lasted ${windowNs} ns, so no throughput can be computed; the clock did not advance.`
    );
  }
  const timedWindowS = Number(windowNs) / 1e9;
  const latenciesMs = lat.subarray(0, n);
  const [p50, p95, p99] = quantiles(latenciesMs, [0.5, 0.95, 0.99]);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (latenciesMs[i] < min) min = latenciesMs[i];
    if (latenciesMs[i] > max) max = latenciesMs[i];
  }
  const ci = relativeCiHalfWidth(latenciesMs, n);
  return {
    batchSize: cfg.batchSize,
    runs: n,
    warmup: cfg.warmup,
    latenciesMs,
    latencyMs: { p50, p95, p99, mean: mean(latenciesMs), min, max, stdev: stdev(latenciesMs) },
    throughput: cfg.batchSize * n / timedWindowS,
    inferencesPerSecond: n / timedWindowS,
    timedWindowS,
    ...Number.isFinite(ci) ? { relativeCi95: ci } : {},
    stopReason,
    peakMemoryBytes,
    ...energy ? { energy } : {},
    nonFinite: countNonFinite(last)
  };
}
function countNonFinite(outputs) {
  const counts = {};
  for (const [name, t] of Object.entries(outputs)) {
    if (t.type !== "float32" && t.type !== "float64" && t.type !== "float16") continue;
    const data = t.data;
    let bad = 0;
    if (t.type === "float16" && ArrayBuffer.isView(data)) {
      const bits = float16BitsOf(data);
      for (let i = 0; i < bits.length; i++) if ((bits[i] & 31744) === 31744) bad++;
    } else if (data instanceof Float32Array || data instanceof Float64Array) {
      for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) bad++;
    }
    counts[name] = bad;
  }
  return counts;
}

// src/energy/open.ts
import { availableParallelism } from "node:os";

// src/energy/combined.ts
var BASE_METHODS = ["rapl", "nvml", "nvidia-smi", "estimate"];
function isBaseMethod(text) {
  return BASE_METHODS.some((m) => m === text);
}
function joinMethods(methods) {
  const [a, b, ...rest] = methods.flatMap((m) => m.split("+")).filter(isBaseMethod);
  if (a !== void 0 && b === void 0) return a;
  if (a !== void 0 && b !== void 0 && rest.length === 0) return `${a}+${b}`;
  throw new Error(`Cannot name the method of ${methods.join(", ")}: one or two meters expected (internal error).`);
}
var CombinedMeter = class {
  constructor(parts) {
    this.parts = parts;
    if (parts.length === 0) throw new Error("CombinedMeter needs at least one meter.");
    this.method = joinMethods(parts.map((p) => p.method));
    this.description = parts.map((p) => p.description).join("; ");
  }
  parts;
  method;
  description;
  modelledIdleW;
  /** The parts' tokens of each open window, by the token `begin` handed out. */
  open = /* @__PURE__ */ new Map();
  /** Begins every part. */
  async begin() {
    const tokens = [];
    for (const p of this.parts) tokens.push(await p.begin());
    const token = { startedAt: tokens[0].startedAt };
    this.open.set(token, tokens);
    return token;
  }
  /** Ends every part (in reverse order, so the window of the first part encloses the others). */
  async end(token) {
    const tokens = this.open.get(token);
    if (!tokens) throw new Error("Combined window ended twice or never begun (internal error).");
    this.open.delete(token);
    const windows = new Array(this.parts.length);
    for (let i = this.parts.length - 1; i >= 0; i--) windows[i] = await this.parts[i].end(tokens[i]);
    return combineWindows(windows);
  }
  /** Closes every part, even when one fails. */
  async close() {
    this.open.clear();
    const results = await Promise.allSettled(this.parts.map((p) => p.close()));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }
};
function combineWindows(windows) {
  if (windows.length === 1) return windows[0];
  const domainsJ = {};
  for (const w of windows) {
    for (const [k, v] of Object.entries(w.domainsJ)) {
      let key = k;
      for (let n = 2; key in domainsJ; n++) key = `${k}#${n}`;
      domainsJ[key] = v;
    }
  }
  const allIdle = windows.every((w) => w.idleW !== void 0);
  const allUnc = windows.every((w) => w.uncertaintyJ !== void 0);
  const energyJ = windows.reduce((a, w) => a + w.energyJ, 0);
  const idleW = allIdle ? windows.reduce((a, w) => a + (w.idleW ?? 0), 0) : void 0;
  const durationS = Math.max(...windows.map((w) => w.durationS));
  return {
    energyJ,
    domainsJ,
    durationS,
    method: joinMethods(windows.map((w) => w.method)),
    estimated: windows.some((w) => w.estimated === true || w.method.includes("estimate")),
    idleW,
    idleMeasured: allIdle ? windows.every((w) => w.idleMeasured === true) : void 0,
    attributableJ: allIdle ? windows.reduce((a, w) => a + (w.attributableJ ?? 0), 0) : void 0,
    // Independent parts: one-sigma errors add in quadrature.
    uncertaintyJ: allUnc ? Math.sqrt(windows.reduce((a, w) => a + (w.uncertaintyJ ?? 0) ** 2, 0)) : void 0,
    notes: windows.flatMap((w) => w.notes),
    estimate: windows.find((w) => w.estimate)?.estimate,
    parts: windows
  };
}

// src/energy/cpu-platform.ts
import { execFile as nodeExecFile } from "node:child_process";
import os2 from "node:os";
import path2 from "node:path";
var CPU_QUERY_TIMEOUT_MS = 1e4;
var realExecFile = (file, args, { timeoutMs }) => new Promise((resolve2, reject) => {
  nodeExecFile(
    file,
    [...args],
    { timeout: timeoutMs, windowsHide: true, encoding: "utf8", maxBuffer: 1 << 20 },
    (error, stdout) => error ? reject(error) : resolve2(stdout)
  );
});
function colonLines(text) {
  const out = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return out;
}
function x86Signature(text) {
  const m = /Family (\d+) Model (\d+) Stepping (\d+)/.exec(text ?? "");
  return m ? { family: Number(m[1]), model: Number(m[2]), stepping: Number(m[3]) } : {};
}
var int = (v) => v !== void 0 && /^\d+$/.test(v) ? Number(v) : void 0;
function sysctlNames(arch) {
  const names = ["machdep.cpu.brand_string", "hw.logicalcpu"];
  if (arch === "x64") names.push("machdep.cpu.vendor", "machdep.cpu.family", "machdep.cpu.model", "machdep.cpu.stepping");
  return names;
}
function parseSysctl(text) {
  const v = colonLines(text);
  const name = v.get("machdep.cpu.brand_string");
  if (!name) return null;
  return {
    modelName: name,
    vendor: v.get("machdep.cpu.vendor"),
    family: int(v.get("machdep.cpu.family")),
    model: int(v.get("machdep.cpu.model")),
    stepping: int(v.get("machdep.cpu.stepping")),
    logicalCpus: int(v.get("hw.logicalcpu")) ?? 0
  };
}
var WINDOWS_CPU_KEY = "HKLM\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0";
function parseRegQuery(text, logicalCpus) {
  const v = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s+(\S+)\s+REG_\w+\s+(.*?)\s*$/.exec(line);
    if (m) v.set(m[1], m[2]);
  }
  const name = v.get("ProcessorNameString");
  if (!name) return null;
  return { modelName: name, vendor: v.get("VendorIdentifier"), ...x86Signature(v.get("Identifier")), logicalCpus };
}
var CIM_ARGS = [
  "-NoProfile",
  "-NonInteractive",
  "-Command",
  "Get-CimInstance -ClassName Win32_Processor | Select-Object Name,Manufacturer,Caption,NumberOfLogicalProcessors | ConvertTo-Json -Compress"
];
function parseCim(text) {
  let data;
  try {
    data = JSON.parse(text.trim());
  } catch {
    return null;
  }
  const rows = (Array.isArray(data) ? data : [data]).map((r) => isJsonObject(r) ? r : {});
  const first = rows[0];
  if (!first || typeof first.Name !== "string") return null;
  const logicalCpus = rows.reduce(
    (n, r) => n + (typeof r.NumberOfLogicalProcessors === "number" ? r.NumberOfLogicalProcessors : 0),
    0
  );
  return {
    modelName: first.Name.trim(),
    vendor: typeof first.Manufacturer === "string" ? first.Manufacturer : void 0,
    ...x86Signature(typeof first.Caption === "string" ? first.Caption : void 0),
    logicalCpus
  };
}
function why(error) {
  if (typeof error === "object" && error !== null && "killed" in error && error.killed)
    return `timed out after ${CPU_QUERY_TIMEOUT_MS / 1e3} s`;
  return errnoCode(error) ?? messageOf(error).split("\n")[0];
}
async function readPlatformCpu(probe) {
  const run = probe.execFile ?? realExecFile;
  const notes = [];
  if (probe.platform === "darwin") {
    try {
      const cpu2 = parseSysctl(await run("/usr/sbin/sysctl", sysctlNames(probe.arch), { timeoutMs: CPU_QUERY_TIMEOUT_MS }));
      if (!cpu2) notes.push("sysctl printed no machdep.cpu.brand_string; the CPU model is unknown.");
      return { cpu: cpu2, source: "sysctl", notes };
    } catch (error) {
      notes.push(`sysctl failed (${why(error)}); the CPU model is unknown.`);
      return { cpu: null, source: "sysctl", notes };
    }
  }
  if (probe.platform === "win32") {
    const env2 = probe.env ?? process.env;
    const system32 = path2.win32.join(env2.SystemRoot ?? env2.windir ?? "C:\\Windows", "System32");
    const logical = (probe.logicalCpus ?? os2.availableParallelism)();
    try {
      const cpu2 = parseRegQuery(
        await run(path2.win32.join(system32, "reg.exe"), ["query", WINDOWS_CPU_KEY], { timeoutMs: CPU_QUERY_TIMEOUT_MS }),
        logical
      );
      if (cpu2) return { cpu: cpu2, source: "Windows registry", notes };
      notes.push(`${WINDOWS_CPU_KEY} has no ProcessorNameString; asking CIM.`);
    } catch (error) {
      notes.push(`reg query ${WINDOWS_CPU_KEY} failed (${why(error)}); asking CIM.`);
    }
    try {
      const cpu2 = parseCim(
        await run(path2.win32.join(system32, "WindowsPowerShell", "v1.0", "powershell.exe"), CIM_ARGS, {
          timeoutMs: CPU_QUERY_TIMEOUT_MS
        })
      );
      if (!cpu2) notes.push("PowerShell CIM printed no Win32_Processor Name; the CPU model is unknown.");
      return { cpu: cpu2, source: "PowerShell CIM", notes };
    } catch (error) {
      notes.push(`PowerShell CIM failed (${why(error)}); the CPU model is unknown.`);
      return { cpu: null, source: "PowerShell CIM", notes };
    }
  }
  const cpu = await readCpuInfo(probe.procRoot ?? "/proc", probe.fs ?? nodeFs);
  return { cpu, source: "/proc/cpuinfo", notes };
}
function cpuTimesFromOs(cpus) {
  if (cpus.length === 0) return null;
  let busyMs = 0;
  let idleMs = 0;
  for (const c of cpus) {
    busyMs += c.times.user + c.times.nice + c.times.sys + c.times.irq;
    idleMs += c.times.idle;
  }
  const perTick = 1e3 / USER_HZ;
  return { busyTicks: busyMs / perTick, totalTicks: (busyMs + idleMs) / perTick, cpus: cpus.length };
}
function cpuTimesReader(platform, procRoot, fs = nodeFs, cpus = os2.cpus) {
  if (platform === "linux") return () => readCpuTimes(procRoot, fs);
  return async () => cpuTimesFromOs(cpus());
}

// src/energy/nvidia-smi.ts
import { spawn as nodeSpawn } from "node:child_process";

// src/energy/integrate.ts
var PowerTrace = class {
  tNs = [];
  w = [];
  /** Number of samples held. */
  get length() {
    return this.tNs.length;
  }
  /** Time of the newest sample, or null. */
  get lastNs() {
    return this.tNs.length ? this.tNs[this.tNs.length - 1] : null;
  }
  /** Adds a sample; one older than the newest is ignored (clocks are monotonic). */
  add(tNs, watts) {
    const last = this.lastNs;
    if (last !== null && tNs < last) return;
    this.tNs.push(tNs);
    this.w.push(watts);
  }
  /** Power at time t, watts: linear between samples, constant outside them. */
  powerAt(tNs) {
    const n = this.tNs.length;
    if (n === 0) return 0;
    if (tNs <= this.tNs[0]) return this.w[0];
    if (tNs >= this.tNs[n - 1]) return this.w[n - 1];
    let i = 1;
    while (this.tNs[i] < tNs) i++;
    const t0 = this.tNs[i - 1];
    const t1 = this.tNs[i];
    const f = Number(tNs - t0) / Number(t1 - t0);
    return this.w[i - 1] + f * (this.w[i] - this.w[i - 1]);
  }
  /** Energy between two times, joules (trapezoid rule over the samples inside). */
  integrate(fromNs, toNs) {
    if (toNs <= fromNs || this.tNs.length === 0) return 0;
    const points = [[fromNs, this.powerAt(fromNs)]];
    for (let i = 0; i < this.tNs.length; i++) {
      if (this.tNs[i] > fromNs && this.tNs[i] < toNs) points.push([this.tNs[i], this.w[i]]);
    }
    points.push([toNs, this.powerAt(toNs)]);
    let joules = 0;
    for (let i = 1; i < points.length; i++) {
      const dt = Number(points[i][0] - points[i - 1][0]) / 1e9;
      joules += (points[i][1] + points[i - 1][1]) / 2 * dt;
    }
    return joules;
  }
  /** Drops samples older than `beforeNs`, keeping one so `powerAt` stays defined there. */
  prune(beforeNs) {
    let k = 0;
    while (k + 1 < this.tNs.length && this.tNs[k + 1] <= beforeNs) k++;
    if (k > 0) {
      this.tNs.splice(0, k);
      this.w.splice(0, k);
    }
  }
};

// src/energy/nvml.ts
var NvmlError = class extends InternalError {
  constructor(status, call, message) {
    super("METER_UNAVAILABLE", `${call} failed: ${message} (NVML status ${status})`);
    this.status = status;
    this.call = call;
    this.name = "NvmlError";
  }
  status;
  call;
};
async function loadNvml(libPath = "libnvidia-ml.so.1") {
  let koffi;
  try {
    koffi = (await import("koffi")).default;
  } catch (error) {
    return { error: `the koffi FFI module could not be loaded (${messageOf(error)})` };
  }
  let lib;
  try {
    lib = koffi.load(libPath);
  } catch {
    return { error: `${libPath} not found (no NVIDIA driver on this machine)` };
  }
  try {
    try {
      koffi.pointer("nvmlDevice_t", koffi.opaque());
    } catch {
    }
    const fns = {
      init: lib.func("int nvmlInit_v2()"),
      shutdown: lib.func("int nvmlShutdown()"),
      errorString: lib.func("const char *nvmlErrorString(int result)"),
      count: lib.func("int nvmlDeviceGetCount_v2(_Out_ unsigned int *count)"),
      byIndex: lib.func("int nvmlDeviceGetHandleByIndex_v2(unsigned int index, _Out_ nvmlDevice_t *device)"),
      byUuid: lib.func("int nvmlDeviceGetHandleByUUID(const char *uuid, _Out_ nvmlDevice_t *device)"),
      name: lib.func("int nvmlDeviceGetName(nvmlDevice_t device, _Out_ uint8_t *name, unsigned int length)"),
      energy: lib.func("int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, _Out_ unsigned long long *energy)"),
      power: lib.func("int nvmlDeviceGetPowerUsage(nvmlDevice_t device, _Out_ unsigned int *power)")
    };
    const check = (status, call) => {
      if (status !== 0) throw new NvmlError(status, call, String(fns.errorString(status)));
    };
    const nvml = {
      init: () => check(fns.init(), "nvmlInit_v2"),
      shutdown: () => check(fns.shutdown(), "nvmlShutdown"),
      deviceCount: () => {
        const out = [0];
        check(fns.count(out), "nvmlDeviceGetCount_v2");
        return Number(out[0]);
      },
      handleByIndex: (index) => {
        const out = [null];
        check(fns.byIndex(index, out), "nvmlDeviceGetHandleByIndex_v2");
        return out[0];
      },
      handleByUuid: (uuid) => {
        const out = [null];
        check(fns.byUuid(uuid, out), "nvmlDeviceGetHandleByUUID");
        return out[0];
      },
      deviceName: (handle) => {
        const buf = Buffer.alloc(96);
        check(fns.name(handle, buf, buf.length), "nvmlDeviceGetName");
        const end = buf.indexOf(0);
        return buf.subarray(0, end < 0 ? buf.length : end).toString("utf8");
      },
      totalEnergyMj: (handle) => {
        const out = [0];
        check(fns.energy(handle, out), "nvmlDeviceGetTotalEnergyConsumption");
        return Number(out[0]);
      },
      powerUsageMw: (handle) => {
        const out = [0];
        check(fns.power(handle, out), "nvmlDeviceGetPowerUsage");
        return Number(out[0]);
      }
    };
    return { nvml };
  } catch (error) {
    return { error: `${libPath} lacks an expected NVML function (${messageOf(error)}); the driver may be too old` };
  }
}
function parseCudaVisibleDevices(value) {
  if (value === void 0) return { devices: null, notes: [] };
  const notes = [];
  const devices = [];
  const tokens = value.split(",").map((t) => t.trim()).filter((t) => t !== "");
  for (const token of tokens) {
    if (/^\d+$/.test(token)) devices.push({ index: Number(token) });
    else if (/^(GPU|MIG)-[0-9A-Za-z/-]+$/.test(token)) devices.push({ uuid: token });
    else {
      notes.push(`CUDA_VISIBLE_DEVICES entry "${token}" is not an index or UUID; CUDA ignores it and the entries after it.`);
      break;
    }
  }
  return { devices, notes };
}
var NVML_RELATIVE_UNCERTAINTY = 0.05;
function openNvmlMeter(options) {
  const { nvml } = options;
  const notes = [];
  try {
    nvml.init();
  } catch (error) {
    return { ok: false, message: `NVML could not start: ${messageOf(error)}.`, notes };
  }
  const fail = (message) => {
    try {
      nvml.shutdown();
    } catch {
    }
    return { ok: false, message, notes };
  };
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  const gpus = [];
  try {
    const count = nvml.deviceCount();
    const wanted = visible.devices ?? Array.from({ length: count }, (_, index) => ({ index }));
    if (visible.devices && options.env.CUDA_DEVICE_ORDER !== "PCI_BUS_ID" && visible.devices.some((d) => "index" in d)) {
      notes.push(
        "CUDA_VISIBLE_DEVICES indices are read as NVML (PCI bus) indices; set CUDA_DEVICE_ORDER=PCI_BUS_ID so CUDA numbers devices the same way."
      );
    }
    wanted.forEach((d, ordinal) => {
      if ("index" in d && d.index >= count) {
        notes.push(`CUDA_VISIBLE_DEVICES names GPU ${d.index} but NVML sees ${count}; skipped.`);
        return;
      }
      const handle = "index" in d ? nvml.handleByIndex(d.index) : nvml.handleByUuid(d.uuid);
      let name = "NVIDIA GPU";
      try {
        name = nvml.deviceName(handle);
      } catch {
      }
      gpus.push({ key: `gpu-${ordinal}`, label: `${name} (${"index" in d ? `NVML index ${d.index}` : d.uuid})`, handle });
    });
  } catch (error) {
    return fail(`NVML could not list the GPUs: ${messageOf(error)}.`);
  }
  if (gpus.length === 0) {
    return fail(
      options.env.CUDA_VISIBLE_DEVICES !== void 0 ? `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").` : "NVML reports no NVIDIA GPU on this machine."
    );
  }
  let counter = true;
  for (const g of gpus) {
    try {
      nvml.totalEnergyMj(g.handle);
    } catch (error) {
      counter = false;
      notes.push(`${g.label}: no energy counter (${messageOf(error)}; it needs a Volta or newer GPU); power is sampled instead.`);
      break;
    }
  }
  if (!counter) {
    for (const g of gpus) {
      try {
        nvml.powerUsageMw(g.handle);
      } catch (error) {
        return fail(`${g.label}: NVML reports neither energy nor power (${messageOf(error)}).`);
      }
    }
  }
  return { ok: true, meter: new NvmlMeter(options, gpus, counter ? "counter" : "power"), notes };
}
var NvmlMeter = class {
  constructor(options, gpus, mode) {
    this.gpus = gpus;
    this.mode = mode;
    this.nvml = options.nvml;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.intervalMs = options.sampleIntervalMs ?? 100;
    this.traces = gpus.map(() => new PowerTrace());
    this.description = `NVML ${mode === "counter" ? "energy counter" : `power sampled every ${this.intervalMs} ms`}: ` + gpus.map((g) => `${g.key} ${g.label}`).join(", ");
  }
  gpus;
  mode;
  method = "nvml";
  description;
  nvml;
  ticker;
  clockNs;
  traces;
  /** Open windows, by the token `begin` handed out. */
  open = /* @__PURE__ */ new Map();
  timer = null;
  sampleError = null;
  intervalMs;
  /** Takes one power sample of every GPU (power mode); tests call it to drive samples. */
  sample() {
    const t = this.clockNs();
    this.gpus.forEach((g, i) => {
      try {
        this.traces[i].add(t, this.nvml.powerUsageMw(g.handle) / 1e3);
      } catch (error) {
        this.sampleError ??= error;
      }
    });
  }
  readCounters() {
    return this.gpus.map((g) => this.nvml.totalEnergyMj(g.handle));
  }
  wrap(error) {
    return new EnvironmentError(`Reading NVIDIA GPU energy failed during the measurement: ${messageOf(error)}.`, {
      cause: error,
      code: "METER_UNAVAILABLE"
    });
  }
  /** Starts a window. @throws EnvironmentError when NVML fails. */
  async begin() {
    const token = { startedAt: Date.now() };
    try {
      if (this.mode === "counter") {
        const startMj = this.readCounters();
        this.open.set(token, { startNs: this.clockNs(), startMj });
      } else {
        this.sample();
        const startNs = this.clockNs();
        this.open.set(token, { startNs, startMj: [] });
        this.timer ??= this.ticker.every(this.intervalMs, () => this.sample());
      }
    } catch (error) {
      throw this.wrap(error);
    }
    return token;
  }
  /** Ends a window: joules per GPU. @throws EnvironmentError when NVML failed. */
  async end(token) {
    const w = this.open.get(token);
    if (!w) throw new EnvironmentError("NVML window ended twice or never begun (internal error).");
    this.open.delete(token);
    const domainsJ = {};
    const notes = [];
    let endNs;
    try {
      if (this.mode === "counter") {
        const endMj = this.readCounters();
        endNs = this.clockNs();
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = Math.max(0, endMj[i] - w.startMj[i]) / 1e3;
        });
      } else {
        this.sample();
        endNs = this.clockNs();
        if (this.open.size === 0) {
          this.timer?.stop();
          this.timer = null;
        }
        if (this.sampleError !== null) {
          const error = this.sampleError;
          this.sampleError = null;
          throw error;
        }
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = this.traces[i].integrate(w.startNs, endNs);
          if (this.open.size === 0) this.traces[i].prune(endNs);
        });
        notes.push(
          `GPU power sampled every ${this.intervalMs} ms and integrated (trapezoid rule); NVML power readings are averaged by the driver, so short windows are smoothed.`
        );
      }
    } catch (error) {
      throw this.wrap(error);
    }
    const energyJ = Object.values(domainsJ).reduce((a, b) => a + b, 0);
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: "nvml",
      estimated: false,
      uncertaintyJ: energyJ * NVML_RELATIVE_UNCERTAINTY,
      notes
    };
  }
  /** Stops sampling and shuts NVML down. */
  async close() {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    try {
      this.nvml.shutdown();
    } catch {
    }
  }
};

// src/energy/nvidia-smi.ts
function parseSmiLine(line) {
  const text = line.trim();
  if (text === "") return null;
  const m = /^(\d+)\s*,\s*(.+)$/.exec(text);
  if (!m) return { kind: "garbage", text };
  const value = m[2].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return { kind: "sample", index: Number(m[1]), watts: Number(value) };
  if (/^\[.*\]$/.test(value) || /^N\/A$/i.test(value)) return { kind: "unsupported", index: Number(m[1]), value };
  return { kind: "garbage", text };
}
var NvidiaSmiMeter = class {
  constructor(child, clockNs, loopMs, staleAfterMs) {
    this.child = child;
    this.clockNs = clockNs;
    this.loopMs = loopMs;
    this.staleAfterMs = staleAfterMs;
    this.description = `nvidia-smi power.draw sampled every ${loopMs} ms and integrated`;
  }
  child;
  clockNs;
  loopMs;
  staleAfterMs;
  method = "nvidia-smi";
  description;
  traces = /* @__PURE__ */ new Map();
  /** Open windows' start times, by the token `begin` handed out. */
  open = /* @__PURE__ */ new Map();
  broken = null;
  exited = false;
  samples = 0;
  waiters = [];
  /** Records a sample (called by the line reader). */
  addSample(index, watts, tNs) {
    let trace = this.traces.get(index);
    if (!trace) {
      trace = new PowerTrace();
      this.traces.set(index, trace);
    }
    trace.add(tNs, watts);
    this.samples++;
    this.waiters = this.waiters.filter((w) => {
      if (this.samples >= w.n) w.resolve();
      return this.samples < w.n;
    });
  }
  /** Marks the stream unusable: later windows fail with this reason. */
  markBroken(reason) {
    this.broken ??= reason;
  }
  /** Marks the child as gone. */
  markExited() {
    this.exited = true;
  }
  /** Resolves once `n` samples have arrived in total (for tests and warm-up). */
  waitForSamples(n) {
    if (this.samples >= n) return Promise.resolve();
    return new Promise((resolve2) => this.waiters.push({ n, resolve: resolve2 }));
  }
  checkAlive(nowNs) {
    if (this.broken)
      throw new EnvironmentError(`nvidia-smi stopped giving usable readings: ${this.broken}`, { code: "METER_UNAVAILABLE" });
    let newest = null;
    for (const t of this.traces.values()) if (t.lastNs !== null && (newest === null || t.lastNs > newest)) newest = t.lastNs;
    if (this.exited || newest === null || secondsBetween(newest, nowNs) * 1e3 > this.staleAfterMs) {
      throw new EnvironmentError(
        `nvidia-smi ${this.exited ? "exited" : "stopped reporting"} during the measurement (last reading ${newest === null ? "never" : `${secondsBetween(newest, nowNs).toFixed(1)} s ago`}); the GPU energy of this window is unknown.`,
        { code: "METER_UNAVAILABLE" }
      );
    }
  }
  /** Starts a window. @throws EnvironmentError when nvidia-smi is gone. */
  async begin() {
    const now = this.clockNs();
    this.checkAlive(now);
    const token = { startedAt: Date.now() };
    this.open.set(token, now);
    return token;
  }
  /** Ends a window: joules per GPU. @throws EnvironmentError when readings stopped. */
  async end(token) {
    const startNs = this.open.get(token);
    if (startNs === void 0) throw new EnvironmentError("nvidia-smi window ended twice or never begun (internal error).");
    this.open.delete(token);
    const endNs = this.clockNs();
    this.checkAlive(endNs);
    const domainsJ = {};
    let energyJ = 0;
    for (const [index, trace] of [...this.traces.entries()].sort((a, b) => a[0] - b[0])) {
      const j = trace.integrate(startNs, endNs);
      domainsJ[`gpu-${index}`] = j;
      energyJ += j;
      if (this.open.size === 0) trace.prune(endNs);
    }
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(startNs, endNs),
      method: "nvidia-smi",
      estimated: false,
      // nvidia-smi reads the same NVML power sensor (±5% documented accuracy).
      uncertaintyJ: energyJ * 0.05,
      notes: [`GPU power sampled by nvidia-smi every ${this.loopMs} ms, timestamped on arrival and integrated (trapezoid rule).`]
    };
  }
  /** Stops nvidia-smi: SIGTERM, then SIGKILL after 500 ms; never waits more than 1 s. */
  async close() {
    this.open.clear();
    await stopChild(this.child);
  }
};
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve2) => {
    const done = () => {
      clearTimeout(hard);
      clearTimeout(giveUp);
      resolve2();
    };
    child.once("exit", done);
    child.kill("SIGTERM");
    const hard = setTimeout(() => child.kill("SIGKILL"), 500);
    const giveUp = setTimeout(done, 1e3);
    hard.unref?.();
    giveUp.unref?.();
  });
}
function openNvidiaSmiMeter(options) {
  const spawn2 = options.spawn ?? nodeSpawn;
  const clockNs = options.clockNs ?? realClockNs;
  const loopMs = options.loopMs ?? 100;
  const startTimeoutMs = options.startTimeoutMs ?? 5e3;
  const notes = [];
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  if (visible.devices && visible.devices.length === 0) {
    return Promise.resolve({
      ok: false,
      message: `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").`,
      notes
    });
  }
  const args = ["--query-gpu=index,power.draw", "--format=csv,noheader,nounits", `--loop-ms=${loopMs}`];
  if (visible.devices) args.push(`--id=${visible.devices.map((d) => "index" in d ? String(d.index) : d.uuid).join(",")}`);
  return new Promise((resolve2) => {
    let settled = false;
    let child;
    try {
      child = spawn2("nvidia-smi", args, { env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      resolve2({ ok: false, message: `nvidia-smi could not be started: ${messageOf(error)}.`, notes });
      return;
    }
    const meter = new NvidiaSmiMeter(child, clockNs, loopMs, options.staleAfterMs ?? 3e3);
    let stderr = "";
    const settle = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) void stopChild(child);
      resolve2(result);
    };
    const timer = setTimeout(() => {
      settle({
        ok: false,
        message: `nvidia-smi gave no power reading within ${(startTimeoutMs / 1e3).toFixed(1)} s; stopped it.`,
        notes
      });
    }, startTimeoutMs);
    timer.unref?.();
    child.on("error", (error) => {
      meter.markExited();
      settle({
        ok: false,
        message: error.code === "ENOENT" ? "nvidia-smi not found on PATH (no NVIDIA driver tools on this machine)." : `nvidia-smi could not be started: ${error.message}.`,
        notes
      });
    });
    child.on("exit", () => meter.markExited());
    child.on("close", (code, signal) => {
      meter.markExited();
      const tail = stderr.trim().split("\n").slice(-2).join(" ").slice(0, 300);
      settle({
        ok: false,
        message: `nvidia-smi exited (${signal ?? `code ${code}`}) before giving a power reading${tail ? `: ${tail}` : ""}.`,
        notes
      });
    });
    child.stderr?.on("data", (chunk) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4e3);
    });
    let pending = "";
    child.stdout?.on("data", (chunk) => {
      pending += chunk.toString("utf8");
      let nl;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const parsed = parseSmiLine(line);
        if (!parsed) continue;
        if (parsed.kind === "sample") {
          meter.addSample(parsed.index, parsed.watts, clockNs());
          options.onSample?.(parsed.index, parsed.watts);
          settle({ ok: true, meter, notes });
        } else {
          const reason = parsed.kind === "unsupported" ? `GPU ${parsed.index} reports power.draw as "${parsed.value}" (not supported on this GPU or driver)` : `unexpected output "${parsed.text.slice(0, 80)}"`;
          meter.markBroken(reason);
          settle({ ok: false, message: `nvidia-smi is unusable: ${reason}.`, notes });
        }
      }
      if (pending.length > 1e4) {
        meter.markBroken("an overlong line without a newline");
        settle({ ok: false, message: "nvidia-smi is unusable: it printed an overlong line without a newline.", notes });
        pending = "";
      }
    });
  });
}

// src/energy/rapl.ts
import { join as join2 } from "node:path";
var RAPL_MAX_POWER_W = { package: 500, dram: 200, psys: 1e3 };
var RAPL_QUANTUM_J = 2 ** -14;
var ZONE_RE = /^([a-z][a-z-]*rapl[a-z-]*):(\d+)(?::(\d+))?$/;
async function readTrim(fs, path4) {
  return (await fs.readFile(path4)).trim();
}
async function readUj(fs, path4) {
  const text = await readTrim(fs, path4);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new EnvironmentError(`${path4} does not hold a counter in \xB5J (read "${text.slice(0, 40)}").`, {
      code: "METER_UNAVAILABLE"
    });
  }
  return value;
}
function raplPermissionHelp(files) {
  const shown = files.slice(0, 4).join(" ") + (files.length > 4 ? " \u2026" : "");
  return `RAPL energy counters exist but are readable only by root (${shown}); Linux restricted energy_uj to root after CVE-2020-8694. To measure on a self-hosted runner, grant read access once per boot with \`sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj /sys/class/powercap/intel-rapl:*/intel-rapl:*/energy_uj\`, or for one user with \`sudo setfacl -m u:RUNNER_USER:r <file>\`, or persistently with a udev rule in /etc/udev/rules.d/99-powercap.rules: \`SUBSYSTEM=="powercap", ACTION=="add", RUN+="/bin/chmod o+r /sys%p/energy_uj"\`. Only do this on machines you trust: fine-grained energy readings can leak secrets through a power side channel.`;
}
async function probeRapl(sysfsRoot, fs = nodeFs) {
  const base = join2(sysfsRoot, "class", "powercap");
  const notes = [];
  let names;
  try {
    names = await fs.readdir(base);
  } catch (error) {
    if (errnoCode(error) === "EACCES") {
      return { ok: false, reason: "permission", message: raplPermissionHelp([base]), notes };
    }
    return {
      ok: false,
      reason: "absent",
      message: `No RAPL counters: ${base} does not exist (virtual machines such as GitHub-hosted runners do not expose them).`,
      notes
    };
  }
  const zones = [];
  for (const zone of names.sort()) {
    const m = ZONE_RE.exec(zone);
    if (!m) continue;
    const dir = join2(base, zone);
    let name;
    try {
      name = await readTrim(fs, join2(dir, "name"));
    } catch {
      continue;
    }
    zones.push({ zone, type: m[1], index: Number(m[2]), sub: m[3] === void 0 ? null : Number(m[3]), name, dir });
  }
  const picked = [];
  const psys = [];
  for (const entry of zones) {
    const pkgMatch = /^package-(\d+)$/.exec(entry.name);
    if (entry.sub === null) {
      if (pkgMatch) picked.push({ entry, key: entry.name, kind: "package" });
      else if (entry.name === "psys") psys.push(entry);
      else if (entry.name === "dram") picked.push({ entry, key: `dram-${entry.index}`, kind: "dram" });
      else notes.push(`RAPL zone ${entry.zone} (${entry.name}) is not counted.`);
    } else if (entry.name === "dram") {
      const parent = zones.find((z) => z.type === entry.type && z.index === entry.index && z.sub === null);
      const parentPkg = parent ? /^package-(\d+)$/.exec(parent.name) : null;
      picked.push({ entry, key: `dram-${parentPkg ? parentPkg[1] : entry.index}`, kind: "dram" });
    } else {
      notes.push(`RAPL subzone ${entry.zone} (${entry.name}) is inside its package and not counted again.`);
    }
  }
  const deduped = [];
  for (const p of picked) {
    const isMmio = p.entry.type.endsWith("-mmio");
    const twin = picked.find((q) => q !== p && q.key === p.key && !q.entry.type.endsWith("-mmio"));
    if (isMmio && twin) {
      notes.push(`RAPL zone ${p.entry.zone} duplicates ${twin.entry.zone} (${p.key}); counted once.`);
      continue;
    }
    if (deduped.some((q) => q.key === p.key)) continue;
    deduped.push(p);
  }
  if (deduped.length === 0 && psys.length > 0) {
    const z = psys[0];
    deduped.push({ entry: z, key: "psys", kind: "psys" });
    notes.push(`RAPL reports only the platform domain psys (${z.zone}); it covers the whole SoC, not just the CPU.`);
  } else if (psys.length > 0) {
    notes.push("RAPL psys (whole platform) is not counted: it includes the packages already counted.");
  }
  if (deduped.length === 0) {
    return { ok: false, reason: "absent", message: `No RAPL package or DRAM domains under ${base}.`, notes };
  }
  const domains = [];
  const denied = [];
  for (const { entry, key, kind } of deduped) {
    const energyFile = join2(entry.dir, "energy_uj");
    try {
      await readUj(fs, energyFile);
    } catch (error) {
      if (errnoCode(error) === "EACCES" || errnoCode(error) === "EPERM") {
        denied.push(energyFile);
        continue;
      }
      notes.push(`RAPL ${key}: ${energyFile} is unreadable (${errnoCode(error) ?? String(error)}); not counted.`);
      continue;
    }
    let maxRangeUj;
    try {
      maxRangeUj = await readUj(fs, join2(entry.dir, "max_energy_range_uj"));
    } catch {
      maxRangeUj = 2 ** 32;
      notes.push(`RAPL ${key}: max_energy_range_uj is unreadable; assuming 2^32 \xB5J for wrap-around.`);
    }
    domains.push({ key, kind, zone: entry.zone, dir: entry.dir, maxRangeUj });
  }
  if (denied.length > 0) {
    return { ok: false, reason: "permission", message: raplPermissionHelp(denied), notes };
  }
  if (domains.length === 0) {
    return { ok: false, reason: "absent", message: `No readable RAPL counters under ${base}.`, notes };
  }
  return { ok: true, domains, notes };
}
function raplSampleIntervalMs(domains, maxPowerW = RAPL_MAX_POWER_W) {
  let minWrapS = Infinity;
  for (const d of domains) minWrapS = Math.min(minWrapS, d.maxRangeUj / 1e6 / maxPowerW[d.kind]);
  if (!Number.isFinite(minWrapS)) return 6e4;
  return Math.max(10, Math.min(6e4, Math.floor(minWrapS * 1e3 / 4)));
}
var RaplMeter = class {
  constructor(domains, options = {}) {
    this.domains = domains;
    this.fs = options.fs ?? nodeFs;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.sampleIntervalMs = options.sampleIntervalMs ?? raplSampleIntervalMs(domains);
    this.lastUj = domains.map(() => null);
    this.accumUj = domains.map(() => 0);
    this.wraps = domains.map(() => 0);
    this.description = `RAPL ${domains.map((d) => d.key).join(" + ")} (powercap)`;
  }
  domains;
  method = "rapl";
  description;
  /** How often counters are read while a window is open, ms. */
  sampleIntervalMs;
  fs;
  ticker;
  clockNs;
  lastUj;
  accumUj;
  wraps;
  /** Open windows, by the token `begin` handed out. */
  open = /* @__PURE__ */ new Map();
  timer = null;
  queue = Promise.resolve();
  sampleError = null;
  /**
   * Reads every counter once and adds the increase since the last reading, correcting a wrap.
   * Readings are serialised so that an overlapping timer tick cannot apply an older value after
   * a newer one (which would look like a wrap). Tests call this to drive samples.
   */
  sample() {
    this.queue = this.queue.catch(() => void 0).then(() => this.readAll());
    return this.queue;
  }
  async readAll() {
    for (let i = 0; i < this.domains.length; i++) {
      const d = this.domains[i];
      let value;
      try {
        value = await readUj(this.fs, join2(d.dir, "energy_uj"));
      } catch (error) {
        this.sampleError ??= error;
        continue;
      }
      const prev = this.lastUj[i];
      if (prev !== null) {
        if (value >= prev) {
          this.accumUj[i] += value - prev;
        } else {
          this.accumUj[i] += d.maxRangeUj - prev + value;
          this.wraps[i] += 1;
        }
      }
      this.lastUj[i] = value;
    }
  }
  failIfSampleError() {
    if (this.sampleError === null) return;
    const error = this.sampleError;
    this.sampleError = null;
    throw new EnvironmentError(
      `Reading a RAPL counter failed during the measurement (${errnoCode(error) ?? String(error)}); the energy of this window is unknown.`,
      { cause: error, code: "METER_UNAVAILABLE" }
    );
  }
  /** Starts a window and, if it is the first open one, the wrap-guard timer. */
  async begin() {
    await this.sample();
    this.failIfSampleError();
    const token = { startedAt: Date.now() };
    this.open.set(token, { startNs: this.clockNs(), accumAtStartUj: [...this.accumUj], wrapsAtStart: [...this.wraps] });
    if (this.timer === null) {
      this.timer = this.ticker.every(this.sampleIntervalMs, () => {
        void this.sample();
      });
    }
    return token;
  }
  /** Ends a window: joules per domain since `begin`. @throws EnvironmentError on a failed read. */
  async end(token) {
    const w = this.open.get(token);
    if (!w) throw new EnvironmentError("RAPL window ended twice or never begun (internal error).");
    await this.sample();
    const endNs = this.clockNs();
    this.open.delete(token);
    if (this.open.size === 0 && this.timer) {
      this.timer.stop();
      this.timer = null;
    }
    this.failIfSampleError();
    const domainsJ = {};
    const notes = [];
    let energyJ = 0;
    this.domains.forEach((d, i) => {
      const j = (this.accumUj[i] - w.accumAtStartUj[i]) / 1e6;
      domainsJ[d.key] = j;
      energyJ += j;
      const wraps = this.wraps[i] - w.wrapsAtStart[i];
      if (wraps > 0) notes.push(`RAPL ${d.key} counter wrapped ${wraps}\xD7 in this window; corrected with max_energy_range_uj.`);
    });
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: "rapl",
      estimated: false,
      uncertaintyJ: 2 * RAPL_QUANTUM_J * this.domains.length,
      notes
    };
  }
  /** Stops the timer. */
  async close() {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    await this.queue;
  }
};

// src/energy/open.ts
function platformEstimateNote(platform) {
  const name = platform === "darwin" ? "macOS" : platform === "win32" ? "Windows" : null;
  if (!name) return null;
  return `No CPU energy counter is read on ${name} (RAPL is read on Linux only): the energy figures are modelled from this process's CPU time and the machine's CPU load, not measured.`;
}
var CHOICES = ["auto", "rapl", "nvml", "estimate"];
function sysfsRootFrom(env2) {
  const v = env2.ENERGY_BUDGET_SYSFS;
  return v !== void 0 && v.trim() !== "" ? v : "/sys";
}
function procRootFrom(env2) {
  const v = env2.ENERGY_BUDGET_PROC;
  return v !== void 0 && v.trim() !== "" ? v : "/proc";
}
async function openEstimate(options, notices) {
  const procRoot = options.procRoot ?? procRootFrom(options.env);
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const read = await readPlatformCpu({
    platform,
    arch: options.arch ?? process.arch,
    execFile: options.execFile,
    procRoot,
    fs,
    env: options.env
  });
  const cpu = read.cpu;
  const readStat = cpuTimesReader(platform, procRoot, fs, options.osCpus);
  const stat2 = await readStat();
  const vcpus = options.vcpus ?? (stat2?.cpus || cpu?.logicalCpus || availableParallelism());
  const model = resolvePowerModel(cpu, options.power);
  notices.push(...read.notes);
  if (read.source !== "/proc/cpuinfo") {
    notices.push(cpu ? `CPU read with ${read.source}: ${cpu.modelName}.` : `CPU model unknown (${read.source} gave none).`);
  }
  notices.push(
    ...model.notes.filter((n) => read.source === "/proc/cpuinfo" || !n.startsWith("CPU model unknown (/proc/cpuinfo"))
  );
  return new EstimateMeter({
    model,
    vcpus,
    procRoot,
    fs,
    clockNs: options.clockNs,
    cpuTimeUs: options.cpuTimeUs,
    readStat
  });
}
async function openGpu(options) {
  const notes = [];
  let nvmlReason;
  let nvml = options.nvml;
  if (nvml === void 0) {
    const loaded = await loadNvml();
    if ("nvml" in loaded) nvml = loaded.nvml;
    else nvmlReason = `NVML unavailable: ${loaded.error}`;
  }
  if (nvml) {
    const r = openNvmlMeter({ nvml, env: options.env, ticker: options.ticker, clockNs: options.clockNs });
    if (r.ok) return r;
    notes.push(...r.notes);
    nvmlReason = r.message;
  } else {
    nvmlReason ??= "NVML unavailable: libnvidia-ml.so.1 not found";
  }
  const smi = await openNvidiaSmiMeter({
    env: options.env,
    spawn: options.spawn,
    clockNs: options.clockNs,
    startTimeoutMs: options.smiStartTimeoutMs
  });
  if (smi.ok) return { ok: true, meter: smi.meter, notes: [...notes, nvmlReason + "; using nvidia-smi instead.", ...smi.notes] };
  return { ok: false, message: `${nvmlReason}; ${smi.message}`, notes: [...notes, ...smi.notes] };
}
async function openMeter(choice, options) {
  if (!CHOICES.includes(choice)) {
    throw new InputError(
      "CONFIG_INVALID",
      `Unknown energy meter "${String(choice)}"; expected one of ${CHOICES.join(", ")} (e.g. energy: auto).`
    );
  }
  const notices = [];
  const sysfsRoot = options.sysfsRoot ?? sysfsRootFrom(options.env);
  const fs = options.fs ?? nodeFs;
  const device = options.device ?? "cpu";
  if (choice === "estimate") {
    const meter = await openEstimate(options, notices);
    return { meter, meters: [meter], notices };
  }
  if (choice === "nvml") {
    const gpu2 = await openGpu(options);
    if (!gpu2.ok) {
      throw new EnvironmentError(
        `The budget file asks for energy: nvml, but no NVIDIA GPU energy reading is available here: ${gpu2.message} Run on a machine with an NVIDIA driver (libnvidia-ml.so.1 or nvidia-smi), or set energy: auto (CPU counters or a labelled estimate) for this model.`,
        { code: "METER_UNAVAILABLE" }
      );
    }
    notices.push(...gpu2.notes);
    return { meter: gpu2.meter, meters: [gpu2.meter], notices };
  }
  const platform = options.platform ?? process.platform;
  const offLinux = platformEstimateNote(platform);
  if (offLinux && choice === "rapl") {
    throw new EnvironmentError(
      `The budget file asks for energy: rapl, but RAPL is read on Linux only and this is ${platform}. Set energy: auto or energy: estimate (a labelled power-model estimate) for this model, or run it on Linux.`,
      { code: "METER_UNAVAILABLE" }
    );
  }
  const probe = offLinux ? { ok: false, reason: "absent", message: offLinux, notes: [] } : await probeRapl(sysfsRoot, fs);
  let cpuMeter;
  if (probe.ok) {
    cpuMeter = new RaplMeter(probe.domains, { fs, ticker: options.ticker, clockNs: options.clockNs });
    notices.push(...probe.notes);
  } else if (choice === "rapl") {
    throw new EnvironmentError(
      `The budget file asks for energy: rapl, but ${probe.message} ` + (probe.reason === "permission" ? "" : "RAPL needs bare-metal Linux on an Intel or AMD CPU (or ENERGY_BUDGET_SYSFS pointing at the host sysfs). ") + "Alternatively set energy: auto, which uses a labelled estimate where no counter is readable.",
      { code: "METER_UNAVAILABLE" }
    );
  } else {
    notices.push(...probe.notes);
    notices.push(
      probe.reason === "permission" ? `${probe.message} Using a power-model estimate meanwhile.` : `${probe.message} Using a power-model estimate (labelled "estimate").`
    );
    cpuMeter = await openEstimate({ ...options, fs }, notices);
  }
  if (choice === "rapl" || device === "cpu") {
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }
  const gpu = await openGpu(options);
  if (!gpu.ok) {
    notices.push(...gpu.notes);
    notices.push(`GPU energy is not measured (${device}): ${gpu.message}`);
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }
  notices.push(...gpu.notes);
  const meters = [cpuMeter, gpu.meter];
  return { meter: new CombinedMeter(meters), meters, notices };
}

// src/energy/idle.ts
async function measureIdle(meter, durationS, sleep) {
  if (meter.method === "estimate" && meter.modelledIdleW !== void 0) {
    return { idleW: meter.modelledIdleW, durationS: 0, measured: false };
  }
  if (!(durationS > 0)) {
    throw new InputError("ARGUMENT_INVALID", `The idle measurement needs a positive duration in seconds; got ${durationS}.`);
  }
  const token = await meter.begin();
  await sleep(durationS);
  const window = await meter.end(token);
  const idleW = window.durationS > 0 ? window.energyJ / window.durationS : 0;
  return { idleW, durationS: window.durationS, measured: !window.estimated, window };
}
function applyIdle(window, baseline) {
  return {
    ...window,
    idleW: baseline.idleW,
    idleMeasured: baseline.measured,
    attributableJ: Math.max(0, window.energyJ - baseline.idleW * window.durationS)
  };
}
function withIdleBaseline(meter, baseline) {
  return {
    get method() {
      return meter.method;
    },
    get description() {
      return `${meter.description}; idle ${baseline.idleW.toFixed(2)} W ${baseline.measured ? `measured over ${baseline.durationS.toFixed(1)} s` : "from the power model"}`;
    },
    get modelledIdleW() {
      return meter.modelledIdleW;
    },
    begin: () => meter.begin(),
    end: async (token) => applyIdle(await meter.end(token), baseline),
    close: () => meter.close()
  };
}

// src/energy/carbon.ts
import { availableParallelism as availableParallelism2 } from "node:os";

// data/carbon-intensity.json
var carbon_intensity_default = {
  $comment: "Grid carbon intensity, gCO2e per kWh (src/energy/carbon.ts, docs/energy.md). 'lifecycle' figures include upstream emissions (fuel supply, plant construction); 'combustion' figures count direct emissions only and are lower for fossil-heavy grids. Codes are ISO 3166-1 alpha-2 (US: the national average), plus US eGRID NERC regions (US-SERC, US-RFC, US-WECC). Annual averages: the real intensity varies by hour.",
  world: {
    gPerKWh: 480,
    basis: "lifecycle",
    source: "Ember, Global Electricity Review 2024 (8 May 2024): the CO2 intensity of global power generation reached a record low of 480 gCO2/kWh in 2023",
    year: 2023
  },
  regions: {
    AR: {
      name: "Argentina",
      gPerKWh: 354,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    AT: {
      name: "Austria",
      gPerKWh: 111,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    AU: {
      name: "Australia",
      gPerKWh: 549,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BA: {
      name: "Bosnia and Herzegovina",
      gPerKWh: 600,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BD: {
      name: "Bangladesh",
      gPerKWh: 691,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BE: {
      name: "Belgium",
      gPerKWh: 138,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BG: {
      name: "Bulgaria",
      gPerKWh: 335,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BH: {
      name: "Bahrain",
      gPerKWh: 505.9,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    BO: {
      name: "Bolivia",
      gPerKWh: 532,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BR: {
      name: "Brazil",
      gPerKWh: 98,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CA: {
      name: "Canada",
      gPerKWh: 170,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CL: {
      name: "Chile",
      gPerKWh: 291,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CN: {
      name: "China",
      gPerKWh: 582,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CO: {
      name: "Colombia",
      gPerKWh: 260,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CR: {
      name: "Costa Rica",
      gPerKWh: 53,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CY: {
      name: "Cyprus",
      gPerKWh: 534,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CZ: {
      name: "Czechia",
      gPerKWh: 450,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    DE: {
      name: "Germany",
      gPerKWh: 381,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    DK: {
      name: "Denmark",
      gPerKWh: 152,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EC: {
      name: "Ecuador",
      gPerKWh: 150,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EE: {
      name: "Estonia",
      gPerKWh: 417,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EG: {
      name: "Egypt",
      gPerKWh: 570,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    FI: {
      name: "Finland",
      gPerKWh: 79,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    FR: {
      name: "France",
      gPerKWh: 56,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    GB: {
      name: "United Kingdom",
      gPerKWh: 225,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    GE: {
      name: "Georgia",
      gPerKWh: 168,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    GR: {
      name: "Greece",
      gPerKWh: 337,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    HK: {
      name: "Hong Kong",
      gPerKWh: 710,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    HR: {
      name: "Croatia",
      gPerKWh: 205,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    HU: {
      name: "Hungary",
      gPerKWh: 204,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IE: {
      name: "Ireland",
      gPerKWh: 291,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IN: {
      name: "India",
      gPerKWh: 713,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IR: {
      name: "Iran",
      gPerKWh: 655,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IT: {
      name: "Italy",
      gPerKWh: 213.4,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    JP: {
      name: "Japan",
      gPerKWh: 465.8,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    KR: {
      name: "South Korea",
      gPerKWh: 415.6,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    NO: {
      name: "Norway",
      gPerKWh: 30,
      basis: "lifecycle",
      source: "Ember, 'Electricity generation emission intensity in selected countries worldwide in 2023' (as published by Statista, 3 July 2024)",
      year: 2023
    },
    SE: {
      name: "Sweden",
      gPerKWh: 8.8,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    SG: {
      name: "Singapore",
      gPerKWh: 408,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    SV: {
      name: "El Salvador",
      gPerKWh: 271,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    US: {
      name: "United States (national average)",
      gPerKWh: 387.4,
      basis: "combustion",
      source: 'US Energy Information Administration, "Carbon intensity of electricity generation by state" (Sept 2022): the US average was 854 lb CO2/MWh in 2020 (854 \xD7 0.45359237 kg/lb = 387.4 g/kWh); direct (combustion) CO2, the same year and basis as the eGRID2020 NERC-region rows',
      year: 2020
    },
    "US-RFC": {
      name: "United States, RFC region (mid-Atlantic/Midwest)",
      gPerKWh: 410.608,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    "US-SERC": {
      name: "United States, SERC region (south-east)",
      gPerKWh: 379.069,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    "US-WECC": {
      name: "United States, WECC region (west)",
      gPerKWh: 322.167,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    ZA: {
      name: "South Africa",
      gPerKWh: 900.6,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    }
  }
};

// data/embodied.json
var embodied_default = {
  $comment: "Embodied (manufacturing) emissions of the server a workload runs on, amortised linearly over its lifetime and shared by vCPU (src/energy/carbon.ts, docs/energy.md). Formula from the Green Software Foundation SCI specification as used by Cloud Carbon Footprint: M = TE \xD7 (time reserved / expected lifespan) \xD7 (vCPUs reserved / vCPUs of the host).",
  server: {
    baseKgCO2e: {
      value: 1e3,
      source: "Cloud Carbon Footprint, cloud-carbon-coefficients ccfcoef/constants.py BASE_MANUFACTURING_EMISSIONS: a mono-socket, low-DRAM, no-local-storage commodity rack server, after Teads Engineering (B. Davy, 'Building an AWS EC2 carbon emissions dataset', 2021) and the Dell PowerEdge R740 life-cycle assessment",
      year: 2021
    },
    perAdditionalCpuKgCO2e: {
      value: 100,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py CPU_MANUFACTURING_EMISSIONS (after Teads, 2021)",
      year: 2021
    },
    dramKgCO2ePerGb: {
      value: 1.388,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py: 533 kgCO2e for 384 GB of DIMMs (Dell PowerEdge R740 LCA) = 1.388 kg per GB, counted above the 16 GB included in the base server",
      year: 2021
    },
    dramIncludedGb: {
      value: 16,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py DRAM_THRESHOLD",
      year: 2021
    },
    lifespanYears: {
      value: 4,
      source: "Cloud Carbon Footprint embodied-emissions methodology (4 years, as chosen by Teads from the Dell PowerEdge R740 LCA), https://www.cloudcarbonfootprint.org/docs/embodied-emissions",
      year: 2021
    }
  },
  defaultHost: {
    sockets: 2,
    dramGb: 384,
    vcpus: 96,
    note: "A dual-socket cloud host with 384 GB DRAM and 96 vCPUs, the size of the largest instance of a general-purpose family (e.g. AWS m5.24xlarge: 96 vCPUs, 384 GiB), which is what CCF divides by. TE = 1000 + 100 \xD7 (2 \u2212 1) + 1.388 \xD7 (384 \u2212 16) = 1610.8 kgCO2e."
  }
};

// src/energy/carbon.ts
var CARBON_INTENSITY = carbon_intensity_default;
var EMBODIED = embodied_default;
var J_PER_KWH = 36e5;
var SECONDS_PER_YEAR = 365.25 * 24 * 3600;
function resolveIntensity(settings, env2, data = CARBON_INTENSITY) {
  const notes = [];
  if (settings.carbonIntensityGPerKWh !== void 0) {
    const v = settings.carbonIntensityGPerKWh;
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError(
        "CONFIG_INVALID",
        `The budget file's carbon intensity is ${v}; expected gCO2e per kWh as a number \u2265 0, e.g. 350.`
      );
    }
    return { gPerKWh: v, source: "set in the budget file (carbon.intensity)", estimated: false, notes };
  }
  const fromEnv = env2.ENERGY_BUDGET_CARBON_INTENSITY;
  if (fromEnv !== void 0 && fromEnv.trim() !== "") {
    const v = Number(fromEnv);
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError(
        "ARGUMENT_INVALID",
        `ENERGY_BUDGET_CARBON_INTENSITY is "${fromEnv}"; expected gCO2e per kWh as a number \u2265 0, e.g. 350.`
      );
    }
    return { gPerKWh: v, source: "set by ENERGY_BUDGET_CARBON_INTENSITY", estimated: false, notes };
  }
  if (settings.region !== void 0) {
    const code = settings.region.trim().toUpperCase();
    const row = data.regions[code];
    if (row) {
      return {
        gPerKWh: row.gPerKWh,
        source: `${row.name} (carbon.region ${code}): ${row.source} (${row.basis}, ${row.year})`,
        estimated: true,
        notes
      };
    }
    notes.push(
      `Region "${settings.region}" is not in data/carbon-intensity.json (known: ${Object.keys(data.regions).join(", ")}); used the world average. Set the grid intensity in gCO2e/kWh in the budget file to use your grid's figure.`
    );
  }
  const w = data.world;
  const why2 = settings.region === void 0 ? ", as the budget file sets no carbon region or intensity" : "";
  return { gPerKWh: w.gPerKWh, source: `world average${why2}: ${w.source} (${w.basis}, ${w.year})`, estimated: true, notes };
}
function hostEmbodiedKg(host = EMBODIED.defaultHost, data = EMBODIED) {
  const s = data.server;
  return s.baseKgCO2e.value + s.perAdditionalCpuKgCO2e.value * Math.max(0, host.sockets - 1) + s.dramKgCO2ePerGb.value * Math.max(0, host.dramGb - s.dramIncludedGb.value);
}
function carbonFor(input) {
  const intensity = resolveIntensity(input.settings, input.env);
  const vcpus = input.vcpus ?? availableParallelism2();
  const host = EMBODIED.defaultHost;
  const lifespanS = EMBODIED.server.lifespanYears.value * SECONDS_PER_YEAR;
  const hostKg = hostEmbodiedKg(host);
  const operationalG = input.energyJ / J_PER_KWH * intensity.gPerKWh;
  const embodiedG = hostKg * 1e3 * (input.durationS / lifespanS) * Math.min(1, vcpus / host.vcpus);
  return {
    operationalG,
    embodiedG,
    totalG: operationalG + embodiedG,
    intensityGPerKWh: intensity.gPerKWh,
    intensitySource: intensity.source,
    embodiedSource: `${hostKg.toFixed(0)} kgCO2e for a ${host.sockets}-socket, ${host.dramGb} GB, ${host.vcpus}-vCPU host (Cloud Carbon Footprint / Teads model, ${EMBODIED.server.baseKgCO2e.year}), amortised over ${EMBODIED.server.lifespanYears.value} years, ${vcpus} of ${host.vcpus} vCPUs`,
    estimated: { energy: input.energyEstimated ?? false, intensity: intensity.estimated, embodied: true },
    notes: intensity.notes
  };
}

// src/energy/units.ts
function isEstimated(window) {
  return window.estimated === true || window.method.includes("estimate");
}

// src/energy/interval.ts
function figureInterval(window, runRelativeCi95) {
  const model = window.method === "estimate" ? window.estimate?.interval95 : void 0;
  if (model) {
    const run = runRelativeCi95 !== void 0 && runRelativeCi95 > 0 ? Math.log1p(runRelativeCi95) : 0;
    const low = Math.exp(-Math.hypot(Math.log(1 / model.factors[0]), run));
    const high = Math.exp(Math.hypot(Math.log(model.factors[1]), run));
    return {
      factors: [low, high],
      basis: `${pct(low)}/${pct(high)}, power model: ${model.derivedFrom}` + (run > 0 ? `, combined with the run's own spread (mean latency \xB1${(runRelativeCi95 * 100).toFixed(1)}% at 95%)` : "")
    };
  }
  if (window.uncertaintyJ === void 0 || !(window.energyJ > 0)) return void 0;
  const rel = 1.96 * window.uncertaintyJ / window.energyJ;
  const factors = [Math.max(0, 1 - rel), 1 + rel];
  return {
    factors,
    basis: window.estimated ? `${pct(factors[0])}/${pct(factors[1])}, power model and meters combined (\xB11.96\u03C3 of their stated uncertainties)` : `${pct(factors[0])}/${pct(factors[1])}, the meter's stated uncertainty (\xB11.96\u03C3)`
  };
}

// src/engine/training.ts
import { statSync } from "node:fs";
import { dirname as dirname2 } from "node:path";

// src/instructions/cycles.ts
var CACHE_EVENTS = ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"];
var CYCLES_FORMULA = "L1 hits + 5 \xD7 LL hits + 35 \xD7 RAM accesses of the simulated caches (Turner-Trauring, pythonspeed.com/articles/consistent-benchmarking-in-ci/)";
function estimateCycles(events) {
  if (!CACHE_EVENTS.every((e) => typeof events[e] === "number")) return null;
  const n = (e) => events[e];
  const accesses = n("Ir") + n("Dr") + n("Dw");
  const l1Misses = n("I1mr") + n("D1mr") + n("D1mw");
  const ramAccesses = n("ILmr") + n("DLmr") + n("DLmw");
  const l1Hits = accesses - l1Misses;
  const llHits = l1Misses - ramAccesses;
  return { l1Hits, llHits, ramAccesses, estimatedCycles: l1Hits + 5 * llHits + 35 * ramAccesses };
}

// src/instructions/measure.ts
var DEFAULT_CALLS = 5;
var DEFAULT_WARMUP = 1;
function describeCount(what, tool, startup = { instrumented: false }) {
  const start = startup.instrumented ? `start-up instrumented because ${startup.reason}` : "start-up uninstrumented, instrumentation switched on with vgdb before the first call";
  return `SIMULATED: instructions per ${what} executed by onnxruntime's own code (libonnxruntime) during its run, on Valgrind's simulated CPU (${tool}, callgrind, ${start}, collection on only inside the native run, warm-up calls excluded, median of the measured calls, 1 intra-op thread). Valgrind does not run AVX-512, so onnxruntime takes its AVX2 kernels; the count tracks the code's work, not this CPU's speed or energy`;
}
function summarizeCounts(result, opts) {
  const k = opts.perCallDivisor ?? 1;
  const ir = result.perCall.map((c) => (c.Ir ?? 0) / k);
  const sorted = [...result.perCall].sort((a, b) => (a.Ir ?? 0) - (b.Ir ?? 0));
  const n = sorted.length;
  const middle = n % 2 ? [sorted[(n - 1) / 2]] : [sorted[n / 2 - 1], sorted[n / 2]];
  const events = {};
  for (const e of result.events) events[e] = middle.reduce((s, c) => s + (c[e] ?? 0), 0) / middle.length / k;
  const cache = estimateCycles(events);
  return {
    perCall: events.Ir ?? 0,
    minPerCall: Math.min(...ir),
    maxPerCall: Math.max(...ir),
    calls: result.perCall.length,
    warmup: opts.warmup,
    events,
    ...cache ? { estimatedCycles: cache.estimatedCycles, cyclesFormula: `ESTIMATE: ${CYCLES_FORMULA}` } : {},
    method: "callgrind",
    simulated: true,
    tool: result.valgrind,
    wallS: result.wallS,
    description: describeCount(opts.what, result.valgrind, result.startup)
  };
}
async function countInstructions(model, feeds, opts) {
  const tool = opts.tool ?? await findValgrind(opts.env);
  const warmup = opts.warmup ?? DEFAULT_WARMUP;
  const result = await runCallgrind(
    tool,
    {
      model,
      sessionOptions: sessionOptions({ threads: 1 }),
      feeds,
      warmup,
      calls: opts.calls ?? DEFAULT_CALLS,
      cacheSim: opts.cacheSim ?? true
    },
    { env: opts.env, ...opts.deps }
  );
  return summarizeCounts(result, { warmup, what: opts.what ?? "inference call", perCallDivisor: opts.perCallDivisor });
}

// src/engine/training.ts
import { mkdtemp as mkdtemp2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import os3 from "node:os";
import path3 from "node:path";
function stepsPerCallFor(steps) {
  for (let k = Math.min(10, steps); k > 1; k--) if (steps % k === 0) return k;
  return 1;
}
function withExternalWeightsRead(loaded, freeze) {
  const graph = loaded.proto.graph ?? {};
  const frozen2 = (name) => freeze.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
  const root = dirname2(loaded.path);
  const initializer = (graph.initializer ?? []).map((t) => {
    if (!isExternal(t) || frozen2(t.name ?? "")) return t;
    const ref = resolveExternalRef(t, loaded.path, root, loaded.path);
    const length = ref.length ?? Math.max(0, statSync(ref.file).size - ref.offset);
    const rawData = new Uint8Array(length);
    let at = 0;
    fsExternalReader(ref.file, ref.offset, length, (chunk) => {
      rawData.set(chunk, at);
      at += chunk.length;
    });
    const { externalData: _e, dataLocation: _l, ...rest } = t;
    return { ...rest, rawData };
  });
  return { ...loaded.proto, graph: { ...graph, initializer } };
}
async function builtStep(cfg, prepared) {
  const t = cfg.training;
  const external = prepared.loaded.externalFiles.length > 0 || prepared.loaded.payloads !== void 0;
  const proto = external ? withExternalWeightsRead(prepared.loaded, t.freeze ?? []) : prepared.loaded.proto;
  const step = buildTrainingStep(proto, {
    loss: t.loss,
    optimizer: t.optimizer,
    learningRate: t.learningRate,
    momentum: t.momentum,
    rho: t.rho,
    beta1: t.beta1,
    beta2: t.beta2,
    epsilon: t.epsilon,
    batchShapes: prepared.inputs.shapes,
    knownShapes: prepared.shapes,
    dims: cfg.dims,
    freeze: t.freeze
  });
  const feeds = {};
  for (const b of step.batchInputs) feeds[b.name] = prepared.inputs.feeds[b.name];
  const labels = synthesizeLabels(t.loss, step.label.dtype, step.label.shape, seedFrom(`${cfg.name}/labels`), step.label.classes);
  feeds[step.labelInput] = toOrtTensor(labels);
  for (const [name, data] of Object.entries(step.initialState)) feeds[name] = toOrtTensor(data);
  if (step.frozen.length) step.notes.push(`weights kept fixed: ${step.frozen.join(", ")}`);
  const folder = external ? dirname2(prepared.loaded.path) : void 0;
  const k = t.stepsPerCall ?? stepsPerCallFor(t.steps);
  if (k > 1) {
    const looped = loopTrainingStep(step, k);
    return {
      bytes: encodeModel(looped.model),
      externalDataFolder: folder,
      feeds,
      feedback: looped.feedback,
      lossOutput: looped.lossOutput,
      batchSize: prepared.inputs.batchSize,
      stepsPerCall: k,
      notes: [
        ...step.notes,
        `${k} training steps per onnxruntime call, parameters and optimizer state kept inside onnxruntime between them (as a framework keeps them on the device)`
      ]
    };
  }
  return {
    bytes: encodeModel(step.model),
    externalDataFolder: folder,
    feeds,
    feedback: step.feedback,
    lossOutput: step.lossOutput,
    batchSize: prepared.inputs.batchSize,
    notes: step.notes
  };
}
async function ownStep(cfg, ctx) {
  const t = cfg.training;
  const label2 = `"${cfg.name}" training step-model (${t.stepModel})`;
  const loaded = await loadModel(t.stepModel, { label: label2 });
  const analysis = analyzeModel(loaded, { label: label2 });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(`${cfg.name}/step`),
    readFile: ctx.readFile,
    // The fed-back inputs are weights and optimizer state, not the batch.
    notBatch: Object.values(t.feedback ?? {})
  });
  return {
    bytes: loaded.bytes,
    externalDataFolder: externalDataFolder(loaded),
    feeds: inputs.feeds,
    feedback: t.feedback ?? {},
    batchSize: inputs.batchSize,
    notes: inputs.notices
  };
}
async function measureTraining(cfg, prepared, meter, ctx) {
  const t = cfg.training;
  const plan = t.stepModel ? await ownStep(cfg, ctx) : await builtStep(cfg, prepared);
  const session = await createSession(plan.bytes, {
    threads: cfg.threads,
    name: `"${cfg.name}" training step`,
    device: cfg.device,
    externalDataFolder: plan.externalDataFolder
  });
  let result;
  try {
    result = await runTrainingBenchmark(
      session,
      plan.feeds,
      plan.feedback,
      { steps: t.steps, warmup: t.warmup, lossOutput: plan.lossOutput, stepsPerCall: plan.stepsPerCall },
      { clockNs: ctx.clockNs, meter }
    );
  } finally {
    await session.release();
  }
  const sorted = Float64Array.from(result.stepMs).sort();
  const report = {
    steps: result.steps,
    batchSize: plan.batchSize,
    stepMs: { p50: quantileSorted(sorted, 0.5), mean: mean(sorted), p95: quantileSorted(sorted, 0.95) },
    samplesPerSecond: plan.batchSize * result.steps / (result.totalMs / 1e3),
    lossFirst: result.lossFirst,
    lossLast: result.lossLast,
    loss: t.stepModel ? void 0 : t.loss,
    optimizer: t.stepModel ? void 0 : t.optimizer
  };
  if (result.energy) {
    const w = result.energy;
    const estimated = isEstimated(w);
    const perStep = w.energyJ / result.steps;
    const interval = figureInterval(w);
    report.energy = {
      joulesPerStep: perStep,
      joulesPerSample: perStep / plan.batchSize,
      method: w.method,
      estimated,
      description: `${estimated ? "ESTIMATE: " : ""}${meter.description}`,
      ...interval ? { ci95: [perStep * interval.factors[0], perStep * interval.factors[1]], ci95Basis: interval.basis } : {}
    };
    if (t.datasetSize) {
      const intensity = carbonFor({ energyJ: 0, durationS: 0, settings: ctx.config.power, env: ctx.env }).intensityGPerKWh;
      const p = projectTraining({
        joulesPerStep: perStep,
        batchSize: plan.batchSize,
        datasetSize: t.datasetSize,
        epochs: t.epochs ?? 1,
        carbonIntensityGPerKWh: intensity
      });
      report.projection = { datasetSize: p.datasetSize, epochs: p.epochs, joules: p.joules, kWh: p.kWh, gCO2e: p.gCO2e };
    }
  }
  const notes = [...plan.notes, ...result.notes];
  if (notes.length) (prepared.report.notices ??= []).push(...notes.map((n) => `training: ${n}`));
  if (cfg.measure === "instructions") report.instructions = await countSteps(cfg, plan, ctx);
  return report;
}
async function countSteps(cfg, plan, ctx) {
  ctx.logger.progress(`  ${cfg.name}: counting training-step instructions under Valgrind (callgrind)`);
  const dir = await mkdtemp2(path3.join(os3.tmpdir(), "eb-step-"));
  try {
    const file = path3.join(dir, "step.onnx");
    await writeFile2(file, plan.bytes);
    return await countInstructions(file, plan.feeds, {
      env: ctx.env,
      what: "training step",
      perCallDivisor: plan.stepsPerCall ?? 1
    });
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}

// src/device/fetch-cuda.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream as createReadStream2, createWriteStream as createWriteStream2 } from "node:fs";
import { copyFile, mkdir as mkdir2, readFile as readFile3, rename as rename3, rm as rm4, stat, writeFile as writeFile3 } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join as join4 } from "node:path";

// src/device/archive.ts
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename as rename2, rm as rm3 } from "node:fs/promises";
import { join as join3 } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createInflateRaw } from "node:zlib";
var ArchiveError = class extends InternalError {
  constructor(message) {
    super("ENVIRONMENT", message);
    this.name = "ArchiveError";
  }
};
function matches(pattern, entry) {
  return pattern.startsWith("*/") ? entry.endsWith(pattern.slice(1)) : entry === pattern;
}
function wantedName(wanted, entry) {
  return Object.keys(wanted).find((name) => matches(wanted[name], entry));
}
function missingError(wanted, found, kind) {
  const lacking = Object.keys(wanted).filter((n) => !found.has(n)).map((n) => wanted[n]);
  return new ArchiveError(`the ${kind} archive has no ${lacking.join(", ")}`);
}
function hasher() {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    }
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest("hex") }) };
}
async function readAt2(path4, offset, length) {
  const fh = await open(path4, "r");
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
async function zipEntries(path4) {
  const fh = await open(path4, "r");
  let size;
  try {
    size = (await fh.stat()).size;
  } finally {
    await fh.close();
  }
  const tailLength = Math.min(size, 22 + 65535 + 20);
  const tail = await readAt2(path4, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 101010256) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError("not a ZIP file (no end-of-central-directory record)");
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 4294967295 || count === 65535) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 117853008) throw new ArchiveError("ZIP64 archive without its locator");
    const z64 = await readAt2(path4, Number(tail.readBigUInt64LE(loc + 8)), 56);
    if (z64.readUInt32LE(0) !== 101075792) throw new ArchiveError("bad ZIP64 end-of-central-directory record");
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size)
    throw new ArchiveError("the ZIP central directory lies past the end of the file (truncated download?)");
  const cd = await readAt2(path4, cdOffset, cdSize);
  const out = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 33639248) throw new ArchiveError("bad ZIP central directory entry");
    const nameLen = cd.readUInt16LE(at + 28);
    const extraLen = cd.readUInt16LE(at + 30);
    const commentLen = cd.readUInt16LE(at + 32);
    const entry = {
      madeBy: cd.readUInt16LE(at + 4) >> 8,
      method: cd.readUInt16LE(at + 10),
      compressed: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
      external: cd.readUInt32LE(at + 38),
      name: cd.subarray(at + 46, at + 46 + nameLen).toString("utf8")
    };
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 1) {
        let p = x + 4;
        if (entry.size === 4294967295) {
          entry.size = Number(cd.readBigUInt64LE(p));
          p += 8;
        }
        if (entry.compressed === 4294967295) {
          entry.compressed = Number(cd.readBigUInt64LE(p));
          p += 8;
        }
        if (entry.localOffset === 4294967295) entry.localOffset = Number(cd.readBigUInt64LE(p));
      }
      x += 4 + len;
    }
    out.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
async function writeStreamTo(source, transforms, dest) {
  const h = hasher();
  const tmp = `${dest}.partial-${process.pid}`;
  try {
    await pipeline([source, ...transforms, h.stream, createWriteStream(tmp)]);
    await rename2(tmp, dest);
  } catch (error) {
    await rm3(tmp, { force: true });
    throw error;
  }
  return h.result();
}
async function extractZip(archive, wanted, destDir) {
  const entries = await zipEntries(archive);
  const out = {};
  for (const e of entries) {
    const name = wantedName(wanted, e.name);
    if (!name || out[name]) continue;
    if (e.madeBy === 3 && (e.external >>> 16 & 61440) === 40960)
      throw new ArchiveError(`${e.name} is a symbolic link in the archive, expected a file`);
    if (e.method !== 0 && e.method !== 8)
      throw new ArchiveError(`${e.name} uses ZIP compression method ${e.method}; only stored (0) and deflate (8) are supported`);
    const local = await readAt2(archive, e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 67324752) throw new ArchiveError(`bad ZIP local header for ${e.name}`);
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const dest = join3(destDir, name);
    const source = e.compressed > 0 ? createReadStream(archive, { start, end: start + e.compressed - 1 }) : Readable.from([]);
    const r = await writeStreamTo(source, e.method === 8 ? [createInflateRaw()] : [], dest);
    if (r.bytes !== e.size) throw new ArchiveError(`${e.name} extracted to ${r.bytes} bytes, but the archive says ${e.size}`);
    out[name] = { path: dest, ...r };
  }
  if (Object.keys(out).length !== Object.keys(wanted).length) throw missingError(wanted, new Set(Object.keys(out)), "ZIP");
  return out;
}
function octal(buf, at, len) {
  if (buf[at] & 128) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + buf[i];
    return v;
  }
  const s = buf.subarray(at, at + len).toString("latin1").replace(/\0.*$/s, "").trim();
  if (s !== "" && !/^[0-7]+$/.test(s)) throw new ArchiveError(`bad TAR header number "${s}"`);
  return s === "" ? 0 : parseInt(s, 8);
}
function cstring(buf, at, len) {
  const s = buf.subarray(at, at + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? s.length : end).toString("utf8");
}
async function extractTgz(archive, wanted, destDir) {
  const out = {};
  const gunzip = createGunzip();
  const src = createReadStream(archive);
  src.on("error", (e) => gunzip.destroy(e));
  src.pipe(gunzip);
  let pending = Buffer.alloc(0);
  let header = null;
  let remaining = 0;
  let padding = 0;
  let longName = null;
  const cur = { meta: null, sink: null };
  let ended = false;
  const startEntry = async (h) => {
    let name = cstring(h, 0, 100);
    const prefix = h.subarray(257, 262).toString("latin1") === "ustar" ? cstring(h, 345, 155) : "";
    if (prefix) name = `${prefix}/${name}`;
    if (longName !== null) name = longName;
    longName = null;
    const type = String.fromCharCode(h[156] || 48);
    const size = octal(h, 124, 12);
    header = { name, size, type };
    remaining = size;
    padding = (512 - size % 512) % 512;
    if (type === "L" || type === "x") {
      cur.meta = [];
      return;
    }
    const target = wantedName(wanted, name.replace(/^\.\//, ""));
    if (!target || out[target]) return;
    if (type !== "0" && type !== "7")
      throw new ArchiveError(
        `${name} is ${type === "2" ? "a symbolic link" : type === "1" ? "a hard link" : `of TAR type ${type}`} in the archive, expected a file`
      );
    const tmp = join3(destDir, `${target}.partial-${process.pid}`);
    cur.sink = { fh: await open(tmp, "w"), name: target, tmp, hash: createHash("sha256"), bytes: 0 };
  };
  const endEntry = async () => {
    if (cur.meta && header) {
      const data = Buffer.concat(cur.meta);
      if (header.type === "L") longName = cstring(data, 0, data.length);
      else {
        for (const line of data.toString("utf8").split("\n")) {
          const m = /^\d+ path=(.*)$/.exec(line);
          if (m) longName = m[1];
        }
      }
    }
    cur.meta = null;
    const sink = cur.sink;
    if (sink) {
      await sink.fh.close();
      const dest = join3(destDir, sink.name);
      await rename2(sink.tmp, dest);
      out[sink.name] = { path: dest, bytes: sink.bytes, sha256: sink.hash.digest("hex") };
      cur.sink = null;
    }
    header = null;
  };
  try {
    for await (const chunk of gunzip) {
      if (ended) continue;
      if (!Buffer.isBuffer(chunk)) throw new ArchiveError("gunzip gave a chunk that is not a Buffer (internal error)");
      let buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.alloc(0);
      while (buf.length > 0) {
        if (header && remaining > 0) {
          const take = buf.subarray(0, Math.min(remaining, buf.length));
          if (cur.meta) cur.meta.push(Buffer.from(take));
          const sink = cur.sink;
          if (sink) {
            sink.hash.update(take);
            sink.bytes += take.length;
            await sink.fh.write(take);
          }
          remaining -= take.length;
          buf = buf.subarray(take.length);
          if (remaining === 0 && padding === 0) await endEntry();
          continue;
        }
        if (header && padding > 0) {
          const skip = Math.min(padding, buf.length);
          padding -= skip;
          buf = buf.subarray(skip);
          if (padding === 0) await endEntry();
          continue;
        }
        if (header) await endEntry();
        if (buf.length < 512) {
          pending = Buffer.from(buf);
          break;
        }
        const h = buf.subarray(0, 512);
        buf = buf.subarray(512);
        if (h.every((b) => b === 0)) {
          ended = true;
          break;
        }
        await startEntry(h);
        if (remaining === 0 && padding === 0) await endEntry();
      }
    }
    const open_ = header;
    if (open_ && (remaining > 0 || padding > 0))
      throw new ArchiveError(`the TAR archive ends inside ${open_.name} (truncated download?)`);
  } catch (error) {
    if (cur.sink) {
      await cur.sink.fh.close().catch(() => void 0);
      await rm3(cur.sink.tmp, { force: true });
    }
    throw error;
  }
  if (Object.keys(out).length !== Object.keys(wanted).length) throw missingError(wanted, new Set(Object.keys(out)), "TAR");
  return out;
}

// src/device/cuda-checksums.ts
var CUDA_PROVIDER_CHECKSUMS = {};

// src/device/fetch-cuda.ts
function cudaProviderSource(version, kind = "nuget") {
  if (kind === "github") {
    const base = `onnxruntime-linux-x64-gpu-${version}`;
    return {
      kind,
      url: `https://github.com/microsoft/onnxruntime/releases/download/v${version}/${base}.tgz`,
      format: "tgz",
      files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `${base}/lib/${f}`]))
    };
  }
  const id = "microsoft.ml.onnxruntime.gpu.linux";
  return {
    kind,
    url: `https://api.nuget.org/v3-flatcontainer/${id}/${version.toLowerCase()}/${id}.${version.toLowerCase()}.nupkg`,
    format: "zip",
    files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `runtimes/linux-x64/native/${f}`]))
  };
}
function sourceFromEnv(version, env2) {
  const url = env2.ENERGY_BUDGET_CUDA_PROVIDER_URL?.trim();
  if (url) {
    if (!/^https?:\/\//.test(url)) {
      throw new EnvironmentError(
        `ENERGY_BUDGET_CUDA_PROVIDER_URL is "${url}", expected an http:// or https:// URL of a .nupkg/.zip or .tgz archive holding ${CUDA_PROVIDER_FILES.join(" and ")}.`
      );
    }
    const tgz = /\.(tgz|tar\.gz)(\?|$)/.test(url);
    return {
      kind: "url",
      url,
      format: tgz ? "tgz" : "zip",
      files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `*/${f}`]))
    };
  }
  const kind = env2.ENERGY_BUDGET_CUDA_PROVIDER_SOURCE?.trim() || "nuget";
  if (kind !== "nuget" && kind !== "github") {
    throw new EnvironmentError(
      `ENERGY_BUDGET_CUDA_PROVIDER_SOURCE is "${kind}", expected nuget or github (or set ENERGY_BUDGET_CUDA_PROVIDER_URL to a mirror).`
    );
  }
  return cudaProviderSource(version, kind);
}
function cacheRoot(env2, home = homedir()) {
  if (env2.RUNNER_TOOL_CACHE) return join4(env2.RUNNER_TOOL_CACHE, "energy-budget");
  return join4(env2.XDG_CACHE_HOME || join4(home, ".cache"), "energy-budget");
}
function onnxruntimeNodeVersion() {
  const req = createRequire(import.meta.url);
  const file = join4(onnxRuntimeFor().dir, "package.json");
  const pkg = req(file);
  if (typeof pkg !== "object" || pkg === null || !("version" in pkg) || typeof pkg.version !== "string")
    throw new EnvironmentError(`${file} has no "version" string; reinstall onnxruntime-node.`);
  return pkg.version;
}
var HttpFailure = class extends InternalError {
  constructor(message, retry) {
    super("ENVIRONMENT", message);
    this.retry = retry;
    this.name = "HttpFailure";
  }
  retry;
};
async function sha256File(path4) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream2(path4)) hash.update(chunk);
  return hash.digest("hex");
}
function get(url, timeoutMs) {
  return new Promise((resolveRes, reject) => {
    const req = (url.startsWith("https:") ? httpsRequest : httpRequest)(
      url,
      { method: "GET", headers: { "user-agent": "energy-budget" } },
      resolveRes
    );
    req.setTimeout(timeoutMs, () => req.destroy(new HttpFailure(`no response within ${timeoutMs / 1e3} s`, true)));
    req.on(
      "error",
      (e) => reject(e instanceof HttpFailure ? e : new HttpFailure(`connection failed (${errnoCode(e) ?? e.message})`, true))
    );
    req.end();
  });
}
async function downloadOnce(url, dest, timeoutMs) {
  let current = url;
  for (let hop = 0; hop <= 5; hop++) {
    const res = await get(current, timeoutMs);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, current).toString();
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw new HttpFailure(
        `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""} from ${current}`,
        status >= 500 || status === 429
      );
    }
    const expected = res.headers["content-length"] !== void 0 ? Number(res.headers["content-length"]) : void 0;
    const hash = createHash2("sha256");
    let bytes = 0;
    const out = createWriteStream2(dest);
    try {
      await new Promise((done, fail) => {
        let cause;
        res.setTimeout(timeoutMs, () => {
          cause = new HttpFailure(`the download stalled (no data for ${timeoutMs / 1e3} s)`, true);
          res.destroy(cause);
        });
        res.on("data", (chunk) => {
          hash.update(chunk);
          bytes += chunk.length;
          if (!out.write(chunk)) {
            res.pause();
            out.once("drain", () => res.resume());
          }
        });
        res.on("end", () => out.end(done));
        res.on(
          "error",
          (e) => fail(cause ?? (e instanceof HttpFailure ? e : new HttpFailure(`the connection dropped (${e.message})`, true)))
        );
        res.on("aborted", () => fail(cause ?? new HttpFailure("the connection dropped", true)));
        out.on("error", fail);
      });
    } catch (error) {
      out.destroy();
      throw error;
    }
    if (expected !== void 0 && bytes !== expected)
      throw new HttpFailure(`the download ended after ${bytes} of ${expected} bytes`, true);
    return { sha256: hash.digest("hex"), bytes, finalUrl: current };
  }
  throw new HttpFailure(`more than 5 redirects from ${url}`, false);
}
function isManifest(x) {
  if (typeof x !== "object" || x === null) return false;
  if (!("url" in x) || typeof x.url !== "string" || !("sha256" in x) || typeof x.sha256 !== "string") return false;
  if (!("files" in x) || typeof x.files !== "object" || x.files === null) return false;
  return Object.values(x.files).every(
    (f) => typeof f === "object" && f !== null && "bytes" in f && typeof f.bytes === "number" && "sha256" in f && typeof f.sha256 === "string"
  );
}
async function readManifest(dir) {
  try {
    const manifest = JSON.parse(await readFile3(join4(dir, "manifest.json"), "utf8"));
    return isManifest(manifest) ? manifest : void 0;
  } catch {
    return void 0;
  }
}
async function cacheIntact(dir, m, names) {
  for (const name of names) {
    const rec = m.files[name];
    if (!rec) return false;
    try {
      if ((await stat(join4(dir, name))).size !== rec.bytes) return false;
      if (await sha256File(join4(dir, name)) !== rec.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}
async function ensureCudaProvider(opts) {
  const version = opts.version ?? onnxruntimeNodeVersion();
  const source = opts.source ?? sourceFromEnv(version, opts.env);
  const log = opts.log ?? (() => void 0);
  const userDigest = opts.env.ENERGY_BUDGET_CUDA_PROVIDER_SHA256?.trim().toLowerCase();
  if (userDigest !== void 0 && userDigest !== "" && !/^[0-9a-f]{64}$/.test(userDigest)) {
    throw new EnvironmentError(
      `ENERGY_BUDGET_CUDA_PROVIDER_SHA256 is "${userDigest}", expected 64 hexadecimal digits (the output of \`sha256sum\` on the archive).`
    );
  }
  const pinned = userDigest || (opts.checksums ?? CUDA_PROVIDER_CHECKSUMS)[source.url]?.sha256;
  if (!pinned) {
    throw new EnvironmentError(
      `device: cuda needs onnxruntime's CUDA provider binaries, which are downloaded from ${source.url}, but no SHA-256 is pinned for that archive, so it is not downloaded. Compute the digest on a trusted machine (\`curl -fsSL ${source.url} | sha256sum\`, and compare with the publisher's: GitHub shows one per release asset, NuGet's catalog gives a SHA-512), then set ENERGY_BUDGET_CUDA_PROVIDER_SHA256 to it (or add it to src/device/cuda-checksums.ts); or install the files yourself with \`ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node\`.`
    );
  }
  const names = Object.keys(source.files);
  const cacheDir = join4(opts.cacheDir ?? cacheRoot(opts.env), "onnxruntime-cuda", `${version}-${pinned.slice(0, 12)}`);
  const bindingDir = opts.bindingDir ?? defaultBindingDir();
  const fail = (what, fix, cause) => new EnvironmentError(
    `Fetching onnxruntime's CUDA provider (${source.url}) failed: ${what}. ${fix}`,
    cause === void 0 ? void 0 : { cause }
  );
  try {
    await mkdir2(cacheDir, { recursive: true });
  } catch (error) {
    throw fail(
      `the cache folder ${cacheDir} cannot be created (${errnoCode(error) ?? error})`,
      "Set RUNNER_TOOL_CACHE or XDG_CACHE_HOME to a writable folder.",
      error
    );
  }
  let manifest = await readManifest(cacheDir);
  let downloaded = false;
  if (!manifest || manifest.sha256 !== pinned || !await cacheIntact(cacheDir, manifest, names)) {
    const archive = join4(cacheDir, `download-${process.pid}.${source.format === "zip" ? "zip" : "tgz"}`);
    const retries = opts.retries ?? 3;
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    let got;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          log(`Downloading onnxruntime's CUDA provider from ${source.url}${attempt ? ` (attempt ${attempt + 1})` : ""}`);
          got = await downloadOnce(source.url, archive, opts.timeoutMs ?? 3e4);
          break;
        } catch (error) {
          const retry = error instanceof HttpFailure && error.retry && attempt < retries;
          if (!retry) {
            const msg = messageOf(error);
            throw fail(
              `${msg}${attempt ? ` (after ${attempt + 1} attempts)` : ""}`,
              /HTTP 404/.test(msg) ? `No such file: check that onnxruntime ${version} published it, or point ENERGY_BUDGET_CUDA_PROVIDER_URL at a mirror (with its ENERGY_BUDGET_CUDA_PROVIDER_SHA256).` : "Check the network (the runner must reach the host), or point ENERGY_BUDGET_CUDA_PROVIDER_URL at a reachable mirror.",
              error
            );
          }
          await sleep(1e3 * 2 ** attempt);
        }
      }
      if (got.sha256 !== pinned) {
        throw fail(
          `the archive's SHA-256 is ${got.sha256} (${got.bytes} bytes), but ${pinned} is pinned, so the download is corrupt or not the pinned file`,
          "Nothing was installed. Retry; if it persists, the file changed upstream: verify it from the publisher before pinning a new digest."
        );
      }
      log(`Verified SHA-256 ${pinned}; extracting ${names.join(", ")}`);
      let files;
      try {
        files = source.format === "zip" ? await extractZip(archive, source.files, cacheDir) : await extractTgz(archive, source.files, cacheDir);
      } catch (error) {
        throw fail(
          `the archive cannot be extracted (${messageOf(error)})`,
          "The pinned archive is not what this version expects; check the source and its entries.",
          error
        );
      }
      manifest = {
        url: source.url,
        sha256: pinned,
        files: Object.fromEntries(Object.entries(files).map(([n, f]) => [n, { bytes: f.bytes, sha256: f.sha256 }]))
      };
      await writeFile3(join4(cacheDir, "manifest.json"), JSON.stringify(manifest, null, 2));
      downloaded = true;
    } finally {
      await rm4(archive, { force: true });
    }
  } else {
    log(`onnxruntime's CUDA provider found in the cache (${cacheDir})`);
  }
  try {
    await mkdir2(bindingDir, { recursive: true });
    for (const name of names) {
      const dest = join4(bindingDir, name);
      const rec = manifest.files[name];
      const same = await stat(dest).then(
        (s) => s.size === rec.bytes,
        () => false
      ) && await sha256File(dest) === rec.sha256;
      if (same) continue;
      const tmp = `${dest}.partial-${process.pid}`;
      await copyFile(join4(cacheDir, name), tmp);
      await rename3(tmp, dest);
    }
  } catch (error) {
    const code = errnoCode(error);
    throw fail(
      `the files cannot be copied into onnxruntime's folder ${bindingDir} (${code ?? messageOf(error)})`,
      `Make that folder writable for this user (onnxruntime loads providers only from the folder of its own library), or install them there yourself with \`ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node\`.`,
      error
    );
  }
  return { installedTo: bindingDir, cacheDir, downloaded, url: source.url, sha256: pinned, files: manifest.files };
}

// src/device/gpu-memory.ts
async function loadNvmlWithMemory(libPath = "libnvidia-ml.so.1") {
  const base = await loadNvml(libPath);
  if ("error" in base) return base;
  try {
    const koffi = (await import("koffi")).default;
    const lib = koffi.load(libPath);
    try {
      koffi.struct("nvmlMemory_t", { total: "unsigned long long", free: "unsigned long long", used: "unsigned long long" });
    } catch {
    }
    const getInfo = lib.func("int nvmlDeviceGetMemoryInfo(nvmlDevice_t device, _Out_ nvmlMemory_t *memory)");
    const errorString = lib.func("const char *nvmlErrorString(int result)");
    const memoryInfo = (handle) => {
      const out = {};
      const status = Number(getInfo(handle, out));
      if (status !== 0) throw new NvmlError(status, "nvmlDeviceGetMemoryInfo", String(errorString(status)));
      return { totalBytes: Number(out.total), freeBytes: Number(out.free), usedBytes: Number(out.used) };
    };
    return { nvml: Object.assign(base.nvml, { memoryInfo }) };
  } catch (error) {
    return { error: `${libPath} lacks nvmlDeviceGetMemoryInfo (${messageOf(error)})` };
  }
}
var GpuMemorySampler = class {
  constructor(nvml, gpus, ticker, intervalMs) {
    this.nvml = nvml;
    this.gpus = gpus;
    this.ticker = ticker;
    this.intervalMs = intervalMs;
  }
  nvml;
  gpus;
  ticker;
  intervalMs;
  timer = null;
  samples = 0;
  error = null;
  /** Takes one reading of every tracked GPU (the ticker calls it; tests may too). */
  sample() {
    for (const g of this.gpus) {
      try {
        g.peak = Math.max(g.peak, this.nvml.memoryInfo(g.handle).usedBytes);
      } catch (error) {
        this.error ??= error;
      }
    }
    this.samples++;
  }
  /**
   * Records the baseline and starts sampling.
   * @throws EnvironmentError when the first reading fails.
   */
  start() {
    for (const g of this.gpus) {
      try {
        g.baseline = g.peak = this.nvml.memoryInfo(g.handle).usedBytes;
      } catch (error) {
        throw new EnvironmentError(`Reading GPU memory through NVML failed for ${g.label}: ${messageOf(error)}.`, {
          cause: error,
          code: "METER_UNAVAILABLE"
        });
      }
    }
    this.samples = 1;
    this.timer?.stop();
    this.timer = this.ticker.every(this.intervalMs, () => this.sample());
  }
  /**
   * Stops sampling and returns the peak.
   * @throws EnvironmentError when a reading failed while sampling.
   */
  stop() {
    this.sample();
    this.timer?.stop();
    this.timer = null;
    if (this.error !== null) {
      const error = this.error;
      this.error = null;
      throw new EnvironmentError(`Reading GPU memory through NVML failed during the run: ${messageOf(error)}.`, {
        cause: error,
        code: "METER_UNAVAILABLE"
      });
    }
    const devices = this.gpus.map((g) => ({
      label: g.label,
      totalBytes: g.totalBytes,
      baselineUsedBytes: g.baseline,
      peakUsedBytes: g.peak
    }));
    return {
      peakGpuMemoryBytes: devices.reduce((s, d) => s + Math.max(0, d.peakUsedBytes - d.baselineUsedBytes), 0),
      devices,
      samples: this.samples,
      description: `NVML device memory in use, sampled every ${this.intervalMs} ms (${this.samples} samples), peak minus the reading before the session was created, on ${devices.map((d) => d.label).join(", ")}; device-wide, so other processes' allocations in that time are included`
    };
  }
  /** Stops sampling and shuts NVML down. */
  close() {
    this.timer?.stop();
    this.timer = null;
    try {
      this.nvml.shutdown();
    } catch {
    }
  }
};
function openGpuMemorySampler(opts) {
  const { nvml } = opts;
  try {
    nvml.init();
  } catch (error) {
    return { ok: false, message: `GPU memory is not measured: NVML could not start (${messageOf(error)}).` };
  }
  const visible = parseCudaVisibleDevices(opts.env.CUDA_VISIBLE_DEVICES);
  const gpus = [];
  try {
    const count = nvml.deviceCount();
    const all = visible.devices ?? Array.from({ length: count }, (_, index) => ({ index }));
    const chosen = opts.device === "cuda" ? all.slice(opts.deviceId ?? 0, (opts.deviceId ?? 0) + 1) : all;
    for (const d of chosen) {
      if ("index" in d && d.index >= count) continue;
      const handle = "index" in d ? nvml.handleByIndex(d.index) : nvml.handleByUuid(d.uuid);
      let name = "NVIDIA GPU";
      try {
        name = nvml.deviceName(handle);
      } catch {
      }
      const info = nvml.memoryInfo(handle);
      gpus.push({
        label: `${name} (${"index" in d ? `NVML index ${d.index}` : d.uuid})`,
        handle,
        totalBytes: info.totalBytes,
        baseline: info.usedBytes,
        peak: info.usedBytes
      });
    }
  } catch (error) {
    try {
      nvml.shutdown();
    } catch {
    }
    return { ok: false, message: `GPU memory is not measured: NVML could not read the GPUs (${messageOf(error)}).` };
  }
  if (gpus.length === 0) {
    try {
      nvml.shutdown();
    } catch {
    }
    return {
      ok: false,
      message: `GPU memory is not measured: no NVIDIA GPU ${opts.device === "cuda" ? `with CUDA ordinal ${opts.deviceId ?? 0} ` : ""}is visible${opts.env.CUDA_VISIBLE_DEVICES !== void 0 ? ` (CUDA_VISIBLE_DEVICES="${opts.env.CUDA_VISIBLE_DEVICES}")` : ""}.`
    };
  }
  return {
    ok: true,
    sampler: new GpuMemorySampler(nvml, gpus, opts.ticker ?? realTicker, opts.intervalMs ?? 20),
    notes: visible.notes
  };
}

// src/engine/device.ts
async function prepareDevice(cfg, env2, logger) {
  if (cfg.device === "cpu") return;
  const probes = await realDeviceProbes();
  const check = checkDevice(cfg.device, probes);
  if (cfg.device === "cuda" && check.missing.some((m) => m.what === "cuda-provider") && !check.missing.some((m) => m.what === "driver" || m.what === "backend")) {
    await ensureCudaProvider({ env: env2, log: (line) => logger.progress(`  ${line}`) });
  }
  requireDevice(cfg.device, probes, `"${cfg.name}" (${cfg.pathInConfig})`);
}
async function startGpuMemory(cfg, env2) {
  if (cfg.device === "cpu") return {};
  const loaded = await loadNvmlWithMemory();
  if ("error" in loaded) return { notice: `GPU memory is not measured: ${loaded.error}` };
  const opened = openGpuMemorySampler({ nvml: loaded.nvml, env: env2, device: cfg.device });
  if (!opened.ok) return { notice: opened.message };
  opened.sampler.start();
  return { sampler: opened.sampler };
}

// src/engine/context.ts
function label(cfg) {
  return `"${cfg.name}" (${cfg.pathInConfig})`;
}

// src/model/flops.ts
function numel(shape) {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}
function intAttr(n, name, dflt) {
  const a = findAttr(n, name);
  return a && Object.prototype.hasOwnProperty.call(a, "i") ? a.i ?? dflt : dflt;
}
var ELEMENTWISE = /* @__PURE__ */ new Set([
  "Add",
  "Sub",
  "Mul",
  "Div",
  "Pow",
  "Mod",
  "Sqrt",
  "Reciprocal",
  "Neg",
  "Abs",
  "Exp",
  "Log",
  "Floor",
  "Ceil",
  "Round",
  "Sign",
  "Erf",
  "Sin",
  "Cos",
  "Tan",
  "Asin",
  "Acos",
  "Atan",
  "Sinh",
  "Cosh",
  "Asinh",
  "Acosh",
  "Atanh",
  "Relu",
  "LeakyRelu",
  "PRelu",
  "Elu",
  "Selu",
  "Celu",
  "Sigmoid",
  "HardSigmoid",
  "HardSwish",
  "Tanh",
  "Softplus",
  "Softsign",
  "ThresholdedRelu",
  "Gelu",
  "Mish",
  "Clip",
  "Where",
  "Equal",
  "Greater",
  "Less",
  "GreaterOrEqual",
  "LessOrEqual",
  "And",
  "Or",
  "Xor",
  "Not",
  "BitShift",
  "BitwiseAnd",
  "BitwiseOr",
  "BitwiseXor",
  "BitwiseNot",
  "IsNaN",
  "IsInf",
  "Shrink",
  "CumSum"
]);
var VARIADIC = /* @__PURE__ */ new Set(["Sum", "Max", "Min", "Mean"]);
var QUANTIZE = /* @__PURE__ */ new Set(["QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear"]);
var REDUCE_1 = /* @__PURE__ */ new Set([
  "ReduceSum",
  "ReduceMean",
  "ReduceMax",
  "ReduceMin",
  "ReduceProd",
  "ReduceL1",
  "ArgMax",
  "ArgMin",
  "ReduceLogSum"
]);
var REDUCE_2 = /* @__PURE__ */ new Set(["ReduceSumSquare", "ReduceL2", "ReduceLogSumExp"]);
var SOFTMAX = /* @__PURE__ */ new Set(["Softmax", "LogSoftmax", "Hardmax"]);
var NORMALIZE = /* @__PURE__ */ new Set([
  "LayerNormalization",
  "InstanceNormalization",
  "GroupNormalization",
  "MeanVarianceNormalization",
  "LpNormalization"
]);
var POOL = /* @__PURE__ */ new Set(["MaxPool", "AveragePool", "LpPool"]);
var GLOBAL_POOL = /* @__PURE__ */ new Set(["GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"]);
var FREE = /* @__PURE__ */ new Set([
  "Reshape",
  "Flatten",
  "Squeeze",
  "Unsqueeze",
  "Transpose",
  "Concat",
  "Split",
  "Slice",
  "Gather",
  "GatherElements",
  "GatherND",
  "Scatter",
  "ScatterElements",
  "ScatterND",
  "Identity",
  "Shape",
  "Size",
  "Constant",
  "ConstantOfShape",
  "Cast",
  "CastLike",
  "Expand",
  "Tile",
  "Pad",
  "Dropout",
  "Range",
  "DepthToSpace",
  "SpaceToDepth",
  "OneHot",
  "EyeLike",
  "Trilu",
  "ReverseSequence",
  "Compress",
  "NonZero",
  "SequenceConstruct",
  "SequenceEmpty",
  "SequenceInsert",
  "SequenceErase",
  "SequenceAt",
  "SequenceLength",
  "SplitToSequence",
  "ConcatFromSequence",
  "Optional",
  "OptionalHasElement",
  "OptionalGetElement"
]);
var RECURRENT_GATES = {
  RNN: { gates: 1, elementwise: 2 },
  GRU: { gates: 3, elementwise: 11 },
  LSTM: { gates: 4, elementwise: 13 }
};
function nodeFlops(n, shapes) {
  if (n.domain && n.domain !== "ai.onnx") return void 0;
  const op = n.opType ?? "";
  const inputs = n.input ?? [];
  const shapeIn = (i) => inputs[i] ? shapes.get(inputs[i]) : void 0;
  const present = (i) => !!inputs[i];
  const out = n.output?.[0] ? shapes.get(n.output[0]) : void 0;
  if (FREE.has(op)) return 0;
  switch (op) {
    case "Conv":
    case "ConvInteger":
    case "QLinearConv": {
      const wIndex = op === "QLinearConv" ? 3 : 1;
      const w = shapeIn(wIndex);
      if (!out || !w || w[0] === 0) return void 0;
      const macs = numel(out) * numel(w) / w[0];
      const bias = op === "Conv" ? present(2) : op === "QLinearConv" ? present(8) : false;
      return 2 * macs + (bias ? numel(out) : 0);
    }
    case "ConvTranspose": {
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || !out || w[0] === 0) return void 0;
      return 2 * (numel(x) * numel(w) / w[0]) + (present(2) ? numel(out) : 0);
    }
    case "Gemm": {
      const a = shapeIn(0);
      if (!a || !out || a.length !== 2) return void 0;
      const k = intAttr(n, "transA", 0) ? a[0] : a[1];
      return 2 * numel(out) * k + (present(2) ? numel(out) : 0);
    }
    case "MatMul":
    case "MatMulInteger":
    case "QLinearMatMul": {
      const a = shapeIn(0);
      if (!a || !out || a.length === 0) return void 0;
      return 2 * numel(out) * a[a.length - 1];
    }
    case "RNN":
    case "GRU":
    case "LSTM": {
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || x.length !== 3 || w.length !== 3) return void 0;
      const { gates, elementwise } = RECURRENT_GATES[op];
      const layout = intAttr(n, "layout", 0);
      const steps = layout ? x[1] : x[0];
      const batch = layout ? x[0] : x[1];
      const inputSize = x[2];
      const directions = w[0];
      const hidden = intAttr(n, "hidden_size", w[1] / gates);
      const perStep = 2 * gates * hidden * (inputSize + hidden) + (present(3) ? 2 * gates * hidden : 0) + elementwise * hidden;
      return steps * batch * directions * perStep;
    }
    case "BatchNormalization":
      return out ? 2 * numel(out) : void 0;
    default:
      break;
  }
  if (ELEMENTWISE.has(op)) return out ? numel(out) : void 0;
  if (VARIADIC.has(op)) return out ? numel(out) * (Math.max(inputs.length, 1) - 1 + (op === "Mean" ? 1 : 0)) : void 0;
  if (QUANTIZE.has(op)) return out ? 2 * numel(out) : void 0;
  if (SOFTMAX.has(op)) return out ? 5 * numel(out) : void 0;
  if (NORMALIZE.has(op)) return out ? 7 * numel(out) : void 0;
  if (REDUCE_1.has(op) || REDUCE_2.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) * (REDUCE_2.has(op) ? 2 : 1) : void 0;
  }
  if (POOL.has(op)) {
    const k = findAttr(n, "kernel_shape")?.ints ?? [];
    return out && k.length > 0 ? numel(out) * numel(k) : void 0;
  }
  if (GLOBAL_POOL.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) : void 0;
  }
  return void 0;
}

// src/model/control-flow.ts
var MAX_CONTROL_FLOW_DEPTH = 4;
function controlFlowOp(n) {
  if (n.domain && n.domain !== "ai.onnx") return void 0;
  return n.opType === "If" || n.opType === "Loop" || n.opType === "Scan" ? n.opType : void 0;
}
function isControlFlow(n) {
  return controlFlowOp(n) !== void 0;
}
function graphAttr(n, name) {
  return (n.attribute ?? []).find((a) => a.name === name)?.g ?? void 0;
}
function intsAttr(n, name) {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.ints ? a.ints.map(Number) : void 0;
}
function nodeLabel(n) {
  return n.name ? `'${n.name}'` : `producing '${n.output?.[0] ?? "?"}'`;
}
function definedIn(g) {
  const out = /* @__PURE__ */ new Set();
  for (const v of g.input ?? []) if (v.name) out.add(v.name);
  for (const t of g.initializer ?? []) if (t.name) out.add(t.name);
  for (const s of g.sparseInitializer ?? []) if (s.values?.name) out.add(s.values.name);
  for (const n of g.node ?? []) for (const o of n.output ?? []) if (o) out.add(o);
  return out;
}
function renameNested(g, rename4) {
  const local = definedIn(g);
  const map = (x) => x && !local.has(x) ? rename4.get(x) ?? x : x;
  return {
    ...g,
    node: (g.node ?? []).map((n) => ({
      ...n,
      input: (n.input ?? []).map(map),
      attribute: renameAttrs(n.attribute, rename4, local)
    })),
    output: (g.output ?? []).map((v) => ({ ...v, name: map(v.name ?? "") }))
  };
}
function renameAttrs(attrs, rename4, shadow) {
  const outer = new Map([...rename4].filter(([k]) => !shadow.has(k)));
  return (attrs ?? []).map((a) => ({
    ...a,
    ...a.g ? { g: renameNested(a.g, outer) } : {},
    ...a.graphs?.length ? { graphs: a.graphs.map((g) => renameNested(g, outer)) } : {}
  }));
}
function inline(g, prefix, bindings) {
  const rename4 = /* @__PURE__ */ new Map();
  for (const name of definedIn(g)) rename4.set(name, `${prefix}${name}`);
  for (const [k, v] of bindings) rename4.set(k, v);
  const map = (x) => x ? rename4.get(x) ?? x : x;
  const nodes = (g.node ?? []).map((n) => ({
    ...n,
    name: `${prefix}${n.name ?? n.output?.[0] ?? ""}`,
    input: (n.input ?? []).map(map),
    output: (n.output ?? []).map(map),
    attribute: renameAttrs(n.attribute, rename4, /* @__PURE__ */ new Set())
  }));
  const initializers = (g.initializer ?? []).map((t) => ({ ...t, name: map(t.name ?? "") }));
  return { nodes, initializers, outputs: (g.output ?? []).map((v) => map(v.name ?? "")) };
}
function controlFlowValueNames(proto) {
  const out = [];
  for (const n of proto.graph?.node ?? []) {
    if (!isControlFlow(n)) continue;
    if (n.opType === "If" && n.input?.[0]) out.push(n.input[0]);
    if (n.opType === "Loop") {
      for (const i of (n.input ?? []).slice(0, 2)) if (i) out.push(i);
    }
  }
  return out;
}
function startExpansion(proto) {
  return { proto, times: /* @__PURE__ */ new Map(), countedThroughBody: /* @__PURE__ */ new Set(), synthetic: /* @__PURE__ */ new Set(), notes: [] };
}
function loopTrips(n, body, run) {
  const inputs = n.input ?? [];
  const carried = Math.max(0, inputs.length - 2);
  for (const o of (n.output ?? []).slice(carried)) {
    const dims = o ? run.shapes.get(o) : void 0;
    if (dims && dims.length > 0) return dims[0];
  }
  const m = inputs[0] ? run.values.get(inputs[0])?.[0] : void 0;
  if (m === void 0) return "its trip count is not known at these inputs";
  const condIn = body.input?.[1]?.name;
  const condOut = body.output?.[0]?.name;
  const condNode = (body.node ?? []).find((x) => x.output?.includes(condOut ?? ""));
  const passThrough = condOut === condIn || condNode?.opType === "Identity" && condNode.input?.[0] === condIn;
  const initial = inputs[1] ? run.values.get(inputs[1])?.[0] : 1;
  if (initial === 0) return 0;
  if (!passThrough)
    return "it may stop early (its condition is computed in the body) and has no scan output to count iterations by";
  return m;
}
function expandOnce(current, run, pass) {
  const graph = current.proto.graph ?? {};
  const nodes = [];
  const initializers = [...graph.initializer ?? []];
  const next = {
    proto: current.proto,
    times: new Map(current.times),
    countedThroughBody: new Set(current.countedThroughBody),
    synthetic: new Set(current.synthetic),
    notes: [...current.notes]
  };
  let changed = false;
  let k = 0;
  const noted = new Set(current.notes.map((x) => x.node));
  const note = (n, op, counted, times) => {
    next.notes.push({ node: n.name ?? n.output?.[0] ?? "", op, counted, times });
  };
  for (const n of graph.node ?? []) {
    const op = controlFlowOp(n);
    if (op === void 0 || current.countedThroughBody.has(n)) {
      nodes.push(n);
      continue;
    }
    const times = current.times.get(n) ?? 1;
    const prefix = `__eb${pass}_${k++}__`;
    const add = (x, synthetic = false) => {
      nodes.push(x);
      if (synthetic) next.synthetic.add(x);
      else if (times !== 1) next.times.set(x, times);
    };
    if (n.opType === "If") {
      const cond = n.input?.[0] ? run.values.get(n.input[0]) : void 0;
      if (!cond || cond.length !== 1) {
        nodes.push(n);
        continue;
      }
      const branch = cond[0] ? "then_branch" : "else_branch";
      const g = graphAttr(n, branch);
      if (!g) {
        nodes.push(n);
        continue;
      }
      const body2 = inline(g, prefix, /* @__PURE__ */ new Map());
      for (const x of body2.nodes) add(x);
      initializers.push(...body2.initializers);
      (n.output ?? []).forEach((o, i) => {
        if (o && body2.outputs[i]) add(node("Identity", [body2.outputs[i]], [o], {}, `${prefix}out${i}`), true);
      });
      if (!noted.has(n.name ?? "")) note(n, op, `${branch} (condition ${cond[0] ? "true" : "false"})`, times);
      changed = true;
      continue;
    }
    const body = graphAttr(n, "body");
    nodes.push(n);
    if (!body) continue;
    const inputs = n.input ?? [];
    const bindings = /* @__PURE__ */ new Map();
    let count;
    if (n.opType === "Loop") {
      count = loopTrips(n, body, run);
      if (typeof count === "string") continue;
      const iter = `${prefix}iter0`;
      const cond = `${prefix}cond0`;
      add(node("Constant", [], [iter], { value: { t: int64Tensor(iter, [], [0]) } }, iter), true);
      add(node("Constant", [], [cond], { value: { t: rawTensor(cond, [], DataType.BOOL, Uint8Array.of(1)) } }, cond), true);
      const bodyInputs = body.input ?? [];
      if (bodyInputs[0]?.name) bindings.set(bodyInputs[0].name, iter);
      if (bodyInputs[1]?.name) bindings.set(bodyInputs[1].name, cond);
      bodyInputs.slice(2).forEach((v, i) => {
        if (v.name && inputs[2 + i]) bindings.set(v.name, inputs[2 + i]);
      });
    } else {
      const m = attrInt(n, "num_scan_inputs", 0);
      const states = inputs.length - m;
      const axes = intsAttr(n, "scan_input_axes") ?? [];
      const first = inputs[states];
      const dims = first ? run.shapes.get(first) : void 0;
      const axis0 = axes[0] ?? 0;
      if (!dims || m < 1) {
        count = "its sequence length is not known at these inputs";
        continue;
      }
      count = dims[axis0 < 0 ? dims.length + axis0 : axis0];
      const index = `${prefix}step0`;
      add(node("Constant", [], [index], { value: { t: int64Tensor(index, [], [0]) } }, index), true);
      const bodyInputs = body.input ?? [];
      bodyInputs.forEach((v, i) => {
        if (!v.name || !inputs[i]) return;
        if (i < states) {
          bindings.set(v.name, inputs[i]);
          return;
        }
        const slice = `${prefix}slice${i}`;
        add(node("Gather", [inputs[i], index], [slice], { axis: axes[i - states] ?? 0 }, slice), true);
        bindings.set(v.name, slice);
      });
    }
    const copy = inline(body, prefix, bindings);
    for (const x of copy.nodes) {
      nodes.push(x);
      next.times.set(x, times * count);
    }
    initializers.push(...copy.initializers);
    next.countedThroughBody.add(n);
    note(n, op, n.opType === "Loop" ? `body \xD7 ${count} iterations` : `body \xD7 ${count} steps`, times);
    changed = true;
  }
  if (!changed) return null;
  next.proto = { ...current.proto, graph: { ...graph, node: nodes, initializer: initializers } };
  return next;
}
function countExpanded(expanded, shapes) {
  const graph = expanded.proto.graph ?? {};
  const all = new Map(shapes);
  for (const t of graph.initializer ?? []) if (t.name && !all.has(t.name)) all.set(t.name, [...t.dims ?? []]);
  const byOp = {};
  const uncounted = /* @__PURE__ */ new Set();
  let total = 0;
  let nodes = 0;
  let uncountedNodes = 0;
  for (const n of graph.node ?? []) {
    if (expanded.synthetic.has(n)) continue;
    nodes++;
    if (expanded.countedThroughBody.has(n)) continue;
    const f = nodeFlops(n, all);
    if (f === void 0) {
      uncounted.add(opKey(n));
      uncountedNodes++;
      continue;
    }
    const x = f * (expanded.times.get(n) ?? 1);
    if (x > 0) {
      const key = opKey(n);
      byOp[key] = (byOp[key] ?? 0) + x;
      total += x;
    }
  }
  return {
    total,
    byOp,
    uncounted: [...uncounted].sort(),
    nodes,
    uncountedNodes,
    ...expanded.notes.length ? { controlFlow: expanded.notes } : {}
  };
}
function undecided(expanded) {
  return (expanded.proto.graph?.node ?? []).filter((n) => isControlFlow(n) && !expanded.countedThroughBody.has(n)).map((n) => `${n.opType} ${nodeLabel(n)}`);
}
async function flopsWithControlFlow(loaded, feeds, createSession2) {
  let run = await resolveShapesAndValues(loaded, feeds, createSession2, controlFlowValueNames(loaded.proto));
  const shapes = run.shapes;
  const notices = [];
  let expanded = startExpansion(loaded.proto);
  for (let pass = 1; pass <= MAX_CONTROL_FLOW_DEPTH; pass++) {
    const next = expandOnce(expanded, run, pass);
    if (!next) break;
    try {
      run = await resolveShapesAndValues(
        { ...loaded, proto: next.proto },
        feeds,
        createSession2,
        controlFlowValueNames(next.proto)
      );
    } catch (error) {
      notices.push(
        `the control flow could not be expanded for counting (onnxruntime refused the expanded graph: ${messageOf(error).split("\n")[0]}); it stays uncounted`
      );
      break;
    }
    expanded = next;
  }
  const left = undecided(expanded);
  if (left.length)
    notices.push(`FLOPs inside ${left.join(", ")} are not counted: the condition or trip count is not known at these inputs`);
  return { shapes, flops: countExpanded(expanded, run.shapes), notices };
}

// src/model/memory.ts
var RUNTIME_OVERHEAD_BYTES = 160 * 1024 * 1024;
var ACTIVATION_ELEMENT_BYTES = 4;
var OPTIMIZER_SLOTS = { sgd: 0, momentum: 1, rmsprop: 1, adam: 2 };
function weightFigures(proto) {
  const byName = /* @__PURE__ */ new Map();
  let bytes = 0;
  let largestBytes = 0;
  forEachTensor(proto.graph, (t) => {
    let per = 0;
    try {
      per = dtypeBytes(dtypeName(t.dataType ?? 0));
    } catch {
      return;
    }
    const n = (t.dims ?? []).reduce((p, d) => p * Number(d), 1);
    const b = Math.ceil(n * per);
    bytes += b;
    largestBytes = Math.max(largestBytes, b);
    if (t.name) byName.set(t.name, (byName.get(t.name) ?? 0) + b);
  });
  return { bytes, largestBytes, byName };
}
function activationFigures(shapes, exclude) {
  let total = 0;
  let first = 0;
  let second = 0;
  for (const [name, dims] of shapes) {
    if (exclude.has(name)) continue;
    const b = dims.reduce((p, d) => p * d, 1) * ACTIVATION_ELEMENT_BYTES;
    total += b;
    if (b > first) [first, second] = [b, first];
    else if (b > second) second = b;
  }
  return { totalBytes: total, twoLargestBytes: first + second };
}
function frozen(name, patterns) {
  return patterns.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
}
function estimatePass(pass, x) {
  const parts = [
    { what: "weights", bytes: x.weights.bytes },
    { what: "the largest weight again while onnxruntime pre-packs it", bytes: x.weights.largestBytes },
    { what: "inputs", bytes: x.inputBytes }
  ];
  if (pass === "shapes") {
    parts.push({ what: "intermediate tensors (all returned by the shape-finding run)", bytes: x.activations.totalBytes });
  } else if (pass === "inference" || pass === "advice") {
    parts.push({ what: "activations (the two largest intermediate tensors)", bytes: x.activations.twoLargestBytes });
    if (pass === "advice")
      parts.push({ what: "the weights read into JavaScript and a variant of up to the same size", bytes: 2 * x.weights.bytes });
  } else {
    const t = x.training ?? { optimizer: "sgd" };
    let trainable = 0;
    for (const [name, b] of x.weights.byName) if (!frozen(name, t.freeze ?? [])) trainable += b;
    const slots = OPTIMIZER_SLOTS[t.optimizer];
    parts.push(
      { what: "activations kept for the backward pass and their gradients", bytes: 2 * x.activations.totalBytes },
      { what: "gradients of the trainable weights", bytes: trainable },
      { what: `${t.optimizer} state (${slots} per trainable weight)`, bytes: slots * trainable },
      { what: "trainable weights and state fed in from JavaScript and returned", bytes: (1 + slots) * trainable }
    );
  }
  parts.push({ what: "Node.js and onnxruntime", bytes: RUNTIME_OVERHEAD_BYTES });
  return { pass, totalBytes: parts.reduce((s, p) => s + p.bytes, 0), parts };
}
function formatBytes(b) {
  if (b >= 1e9) return `${(b / 1e9).toFixed(2)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(1)} MB`;
  return `${(b / 1e3).toFixed(0)} kB`;
}
var PASS_NAME = {
  shapes: "the run that finds the shapes of intermediate tensors",
  inference: "the inference benchmark",
  training: "the training step",
  advice: "the optimisation advisor (--advise)"
};
function memoryRefusal(model, estimate, availableBytes, source, hints) {
  if (!(estimate.totalBytes > availableBytes)) return void 0;
  const parts = estimate.parts.filter((p) => p.bytes > 0).map((p) => `${p.what} ${formatBytes(p.bytes)}`).join(", ");
  const fixes = [];
  const dims = Object.entries(hints.dims ?? {});
  if (dims.length) fixes.push(`smaller dims (now ${dims.map(([k, v]) => `${k}: ${v}`).join(", ")})`);
  else fixes.push("smaller input shapes (dims: or inputs:)");
  if (estimate.pass === "advice") fixes.unshift("the run without --advise for this model");
  if (estimate.pass === "training") {
    fixes.push("training.freeze for the layers you do not fine-tune");
    if (hints.training && hints.training.optimizer !== "sgd") fixes.push(`optimizer: sgd instead of ${hints.training.optimizer}`);
  }
  fixes.push("a runner with more memory");
  return `Model ${model}: ${PASS_NAME[estimate.pass]} needs about ${formatBytes(estimate.totalBytes)} of memory, but only ${formatBytes(availableBytes)} is available (${source}), so it was not started (it would be killed for lack of memory). Estimate: ${parts} (docs/large-models.md#memory-pre-flight). To fit, use ${fixes.join(", or ")}.`;
}

// src/util/available-memory.ts
import { readFile as readFile4 } from "node:fs/promises";
import os4 from "node:os";
import { join as join5 } from "node:path";
function parseMemAvailable(text) {
  const m = /^MemAvailable:\s+(\d+)\s*kB/m.exec(text);
  return m ? Number(m[1]) * 1024 : void 0;
}
function availableMemoryReader(procRoot = "/proc", sysfsRoot = "/sys") {
  return async () => {
    const text = await readFile4(join5(procRoot, "meminfo"), "utf8").catch(() => void 0);
    const fromProc = text === void 0 ? void 0 : parseMemAvailable(text);
    let out = fromProc !== void 0 ? { bytes: fromProc, source: `MemAvailable in ${join5(procRoot, "meminfo")}` } : { bytes: os4.freemem(), source: "free memory reported by the OS" };
    const cg = join5(sysfsRoot, "fs/cgroup");
    const max = (await readFile4(join5(cg, "memory.max"), "utf8").catch(() => "max")).trim();
    const current = Number((await readFile4(join5(cg, "memory.current"), "utf8").catch(() => "")).trim());
    const stat2 = await readFile4(join5(cg, "memory.stat"), "utf8").catch(() => "");
    const inactiveFile = Number(/^inactive_file\s+(\d+)/m.exec(stat2)?.[1] ?? 0);
    if (/^\d+$/.test(max) && Number.isFinite(current)) {
      const left = Math.max(0, Number(max) - (current - inactiveFile));
      if (left < out.bytes)
        out = { bytes: left, source: `the container's cgroup limit ${join5(cg, "memory.max")} less its memory in use` };
    }
    return out;
  };
}

// src/energy/fault-tolerant.ts
var FaultTolerantMeter = class {
  constructor(inner) {
    this.inner = inner;
  }
  inner;
  failure;
  get method() {
    return this.inner.method;
  }
  get description() {
    return this.inner.description;
  }
  get modelledIdleW() {
    return this.inner.modelledIdleW;
  }
  async begin() {
    try {
      return await this.inner.begin();
    } catch (error) {
      this.failure ??= oneLineReason(error);
      const failed = { startedAt: Date.now(), failed: true };
      return failed;
    }
  }
  async end(token) {
    if (!("failed" in token && token.failed === true)) {
      try {
        return await this.inner.end(token);
      } catch (error) {
        this.failure ??= oneLineReason(error);
      }
    }
    return {
      energyJ: Number.NaN,
      domainsJ: {},
      durationS: 0,
      method: this.inner.method,
      notes: [`energy unavailable: ${this.failure}`]
    };
  }
  close() {
    return this.inner.close();
  }
  /** The first failure since the last call, if any (and forgets it). */
  takeFailure() {
    const f = this.failure;
    this.failure = void 0;
    return f;
  }
};
function oneLineReason(error) {
  return messageOf(error).replace(/\s*\n\s*/g, " ");
}
async function withMeter(cfg, ctx, use) {
  const { meter, notices } = await openMeter(cfg.energy, {
    sysfsRoot: ctx.sysfsRoot,
    procRoot: ctx.procRoot,
    env: ctx.env,
    power: ctx.config.power,
    device: cfg.device
  });
  const shown = ctx.shown ??= /* @__PURE__ */ new Set();
  for (const n of notices) {
    if (!shown.has(n)) ctx.logger.progress(`note: ${n}`);
    shown.add(n);
  }
  try {
    return await use(new FaultTolerantMeter(await idleBaselined(meter, ctx)));
  } finally {
    await meter.close();
  }
}
async function idleBaselined(meter, ctx) {
  if (meter.method === "estimate") return meter;
  const seconds = Number(ctx.env.ENERGY_BUDGET_IDLE_S ?? 1);
  if (!(seconds > 0)) return meter;
  const cache = ctx.idle ??= /* @__PURE__ */ new Map();
  let baseline = cache.get(meter.description);
  if (!baseline) {
    try {
      baseline = await measureIdle(meter, seconds, ctx.sleep ?? ((s) => new Promise((done) => setTimeout(done, s * 1e3))));
      cache.set(meter.description, baseline);
      ctx.logger.progress(
        `note: idle power ${baseline.idleW.toFixed(2)} W (${meter.method}, measured over ${baseline.durationS.toFixed(1)} s)`
      );
    } catch (error) {
      ctx.logger.warn(`idle power could not be measured (${oneLineReason(error)}); energy is reported gross only`);
      return meter;
    }
  }
  return withIdleBaseline(meter, baseline);
}

// src/engine/prepare.ts
async function prepareModel(cfg, path4, ctx) {
  const modelIndex = ctx.config.models.indexOf(cfg);
  const loaded = await loadModel(path4, { label: cfg.name });
  const analysis = analyzeModel(loaded, { label: label(cfg) });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    modelIndex: modelIndex >= 0 ? modelIndex : void 0,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(cfg.name),
    readFile: ctx.readFile
  });
  const weights = weightFigures(loaded.proto);
  const inputBytes = Object.values(inputs.feeds).reduce((sum, t) => sum + tensorBytes(t), 0);
  const notActivations = /* @__PURE__ */ new Set([...weights.byName.keys(), ...Object.keys(inputs.feeds)]);
  const preflight = (pass, shapes) => memoryPreflight(cfg, ctx, pass, {
    weights,
    inputBytes,
    activations: activationFigures(shapes, notActivations),
    ...cfg.training && !cfg.training.stepModel ? { training: { optimizer: cfg.training.optimizer, freeze: cfg.training.freeze } } : {}
  });
  await preflight("shapes", staticShapes(loaded.proto, inputs.shapes));
  let counted;
  try {
    counted = await flopsWithControlFlow(
      loaded,
      inputs.feeds,
      (bytes, o) => createSession(bytes, { threads: cfg.threads, name: label(cfg), externalDataFolder: o.externalDataFolder })
    );
  } catch (error) {
    if (isUserFacing(error)) throw error;
    const limit = limitErrorOf(label(cfg), "running the model once to find the shapes of intermediate tensors", error);
    if (limit) throw limit;
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label(cfg)}: onnxruntime failed running the model once on the synthesised inputs (to find the shapes of intermediate tensors): ${oneLineReason(error)}. Expected the model to run on inputs of the declared shapes; check the node named in the message, and the sizes given by dims: and inputs:.`,
      { cause: error }
    );
  }
  if (cfg.inference) await preflight("inference", counted.shapes);
  if (cfg.training && !cfg.training.stepModel) await preflight("training", counted.shapes);
  const flops = counted.flops;
  const notices = [...inputs.notices, ...counted.notices];
  if (flops.uncounted.length) {
    notices.push(`FLOPs do not include these op types (see docs/flops.md): ${flops.uncounted.join(", ")}`);
  }
  for (const c of flops.controlFlow ?? []) notices.push(`FLOPs of ${c.op} '${c.node}': counted the ${c.counted}`);
  const report = {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { ...analysis.size },
    flops: flops.total,
    flopsByOp: flops.byOp,
    ...flops.uncounted.length || flops.uncountedNodes ? {
      flopsUncounted: {
        ops: flops.uncounted,
        nodes: flops.uncountedNodes ?? 0,
        share: flops.nodes ? (flops.uncountedNodes ?? 0) / flops.nodes : 0
      }
    } : {},
    ...flops.controlFlow?.length ? { flopsControlFlow: flops.controlFlow } : {},
    opset: analysis.opset,
    ops: analysis.ops,
    inputs: analysis.inputs,
    outputs: analysis.outputs,
    budgets: [],
    notices
  };
  return { loaded, inputs, report, shapes: counted.shapes, preflight: (pass) => preflight(pass, counted.shapes) };
}
function tensorBytes(t) {
  return dataBytes(t.data);
}
async function memoryPreflight(cfg, ctx, pass, input) {
  if (ctx.env.ENERGY_BUDGET_MEMORY_CHECK === "off") return;
  const read = ctx.availableMemory ??= availableMemoryReader(
    ctx.procRoot ?? ctx.env.ENERGY_BUDGET_PROC ?? "/proc",
    ctx.sysfsRoot
  );
  const available = await read();
  const estimate = estimatePass(pass, input);
  const refusal = memoryRefusal(label(cfg), estimate, available.bytes, available.source, {
    dims: cfg.dims,
    training: input.training
  });
  if (refusal) {
    throw new EnvironmentError(
      `${refusal} If the estimate is wrong for this model, ENERGY_BUDGET_MEMORY_CHECK=off skips the check.`,
      { code: "MEMORY_INSUFFICIENT" }
    );
  }
}

// src/engine/measure.ts
function energyReport(window, calls, batch, description, ctx, runRelativeCi95) {
  const perCall = window.energyJ / calls;
  const estimated = isEstimated(window);
  const interval = figureInterval(window, runRelativeCi95);
  const carbon = carbonFor({
    energyJ: perCall,
    durationS: window.durationS / calls,
    settings: ctx.config.power,
    env: ctx.env,
    energyEstimated: estimated
  });
  return {
    joulesPerInference: perCall,
    joulesPerSample: perCall / batch,
    joulesPer1000Inferences: perCall * 1e3,
    method: window.method,
    estimated,
    // One window: the power model's validated interval (with the run's own spread), or the
    // meter's stated uncertainty (±1.96σ); figureInterval says which in ci95Basis.
    ...interval ? {
      ci95: [perCall * interval.factors[0], perCall * interval.factors[1]],
      ci95Basis: interval.basis
    } : {},
    ...window.attributableJ !== void 0 ? { attributableJoulesPerInference: window.attributableJ / calls } : {},
    description: estimated ? `ESTIMATE: ${description}` : description,
    carbon,
    notes: window.notes
  };
}
async function runInference(cfg, prepared, session, meter, ctx) {
  const inference = cfg.inference;
  const batch = prepared.inputs.batchSize;
  const result = await runInferenceBenchmark(
    session,
    prepared.inputs.feeds,
    { ...inference, batchSize: batch },
    { clockNs: ctx.clockNs, meter, label: `Model ${label(cfg)}`, minSamples: tailSamples(cfg) }
  );
  const report = {
    batchSize: batch,
    runs: result.runs,
    warmup: inference.warmup,
    threads: cfg.threads,
    latencyMs: result.latencyMs,
    throughput: result.throughput,
    relativeCi95: result.relativeCi95,
    peakMemoryBytes: result.peakMemoryBytes,
    nonFinite: result.nonFinite
  };
  const failed = meter.takeFailure();
  if (failed) {
    report.energyUnavailable = failed;
    (prepared.report.notices ??= []).push(
      `energy per inference is unavailable: the energy meter (${meter.description}) failed during the run (${failed}); the latency and throughput figures of the same run stand, and energy limits of this model are not checked`
    );
  } else if (result.energy)
    report.energy = energyReport(result.energy, result.runs, batch, meter.description, ctx, result.relativeCi95);
  const bad = Object.entries(result.nonFinite ?? {}).filter(([, n]) => n > 0);
  if (bad.length) {
    (prepared.report.notices ??= []).push(
      `outputs contain NaN or Inf values (${bad.map(([k, n]) => `${k}: ${n}`).join(", ")}); the figures were measured on them and are reported as they are`
    );
  }
  return report;
}
async function measureModel(cfg, path4, ctx) {
  return measurePrepared(cfg, await prepareModel(cfg, path4, ctx), ctx);
}
async function measurePrepared(cfg, prepared, ctx, what = { inference: true }) {
  if (!what.inference && !cfg.training) return prepared.report;
  await withMeter(cfg, ctx, async (meter) => {
    if (cfg.inference && what.inference) {
      ctx.logger.progress(
        `  ${cfg.name}: inference benchmark (${cfg.inference.iterations === "auto" ? "auto" : `${cfg.inference.iterations} runs`})`
      );
      await prepareDevice(cfg, ctx.env, ctx.logger);
      const gpu = await startGpuMemory(cfg, ctx.env);
      if (gpu.notice) (prepared.report.notices ??= []).push(gpu.notice);
      const session = await createSession(prepared.loaded.path, { threads: cfg.threads, name: label(cfg), device: cfg.device });
      try {
        prepared.report.inference = await runInference(cfg, prepared, session, meter, ctx);
        if (gpu.sampler) prepared.report.inference.peakGpuMemoryBytes = gpu.sampler.stop().peakGpuMemoryBytes;
      } finally {
        gpu.sampler?.close();
        await session.release();
      }
    }
    if (cfg.training) {
      ctx.logger.progress(
        `  ${cfg.name}: training step (${cfg.training.steps} steps, ${cfg.training.stepModel ? "own step-model" : cfg.training.optimizer})`
      );
      prepared.report.training = await measureTraining(cfg, prepared, meter, ctx);
      const failed = meter.takeFailure();
      if (failed) {
        delete prepared.report.training.energy;
        prepared.report.training.energyUnavailable = failed;
        (prepared.report.notices ??= []).push(
          `energy per training step is unavailable: the energy meter failed during the training run (${failed}); the step times stand, and energy limits of training are not checked`
        );
      }
    }
  });
  return prepared.report;
}
function metricValues(m) {
  const v = {
    "model-size": m.size.bytes,
    parameters: m.size.parameters,
    flops: m.flops
  };
  const inf = m.inference;
  if (inf) {
    v["latency-p50"] = inf.latencyMs.p50 / 1e3;
    v["latency-p95"] = inf.latencyMs.p95 / 1e3;
    v["latency-p99"] = inf.latencyMs.p99 / 1e3;
    v["latency-mean"] = inf.latencyMs.mean / 1e3;
    v.throughput = inf.throughput;
    if (inf.peakMemoryBytes !== void 0) v["peak-memory"] = inf.peakMemoryBytes;
    if (inf.peakGpuMemoryBytes !== void 0) v["peak-gpu-memory"] = inf.peakGpuMemoryBytes;
    if (inf.instructions) v["instructions-per-inference"] = inf.instructions.perCall;
    if (inf.energy) {
      v["energy-per-inference"] = inf.energy.joulesPerInference;
      v["energy-per-sample"] = inf.energy.joulesPerSample;
      v["energy-per-1000-inferences"] = inf.energy.joulesPerInference * 1e3;
      if (inf.energy.carbon) {
        v["carbon-per-inference"] = inf.energy.carbon.totalG;
        v["carbon-per-1000-inferences"] = inf.energy.carbon.totalG * 1e3;
      }
    }
  }
  const t = m.training;
  if (t) {
    v["training-step-time"] = t.stepMs.mean / 1e3;
    if (t.energy) {
      v["energy-per-training-step"] = t.energy.joulesPerStep;
      v["energy-per-training-sample"] = t.energy.joulesPerSample;
    }
    if (t.instructions) v["instructions-per-step"] = t.instructions.perCall;
    if (t.projection) {
      v["training-energy-total"] = t.projection.joules;
      v["training-carbon-total"] = t.projection.gCO2e;
    }
  }
  return v;
}
function tailSamples(cfg) {
  let n = 10;
  for (const b of cfg.budget) {
    if (b.metric === "latency-p99") n = Math.max(n, minSamplesPerRound({ percentile: 99 }));
    if (b.metric === "latency-p95") n = Math.max(n, minSamplesPerRound({ percentile: 95 }));
  }
  return n;
}

// src/compare/interleaved.ts
var LATENCY_COMPARED = [
  "latency-p50",
  "latency-p95",
  "latency-p99",
  "latency-mean",
  "throughput"
];
var ROUND_STATISTIC = {
  "latency-p50": "median",
  "latency-mean": "mean",
  throughput: "mean",
  "latency-p95": { percentile: 95 },
  "latency-p99": { percentile: 99 }
};
function statisticName(s) {
  return s === "median" ? "medians" : s === "mean" ? "means" : `${s.percentile}th percentiles`;
}
function createRoundDecider(metrics, options) {
  const seq = (statistic) => createSequentialComparison({
    threshold: options.threshold,
    improvementThreshold: options.improvementThreshold ?? options.threshold,
    roundsPerLook: options.roundsPerLook ?? 6,
    maxLooks: options.maxLooks ?? 5,
    ...options.firstLookRounds !== void 0 ? { firstLookRounds: options.firstLookRounds } : {},
    statistic
  });
  const latency = /* @__PURE__ */ new Map();
  for (const m of new Set(metrics)) {
    if (m === "energy") continue;
    const statistic = ROUND_STATISTIC[m];
    const key = JSON.stringify(statistic);
    if (!latency.has(key)) latency.set(key, { statistic, test: seq(statistic) });
  }
  const energy = metrics.includes("energy") ? seq("mean") : void 0;
  const samplesPerArm = Math.max(3, ...[...latency.values()].map((l) => minSamplesPerRound(l.statistic)));
  const finished = (s) => s.done;
  return {
    samplesPerArm,
    addRound(round) {
      if (round.baseMs.length < samplesPerArm || round.headMs.length < samplesPerArm) {
        throw new RangeError(
          `a round needs at least ${samplesPerArm} calls per arm to estimate its statistics, got ${round.baseMs.length} and ${round.headMs.length}`
        );
      }
      let done = true;
      for (const { test } of latency.values()) done = finished(test.addRound(round.baseMs, round.headMs)) && done;
      if (energy) {
        const b = round.baseJPerCall ?? NaN;
        const h = round.headJPerCall ?? NaN;
        const s = Number.isFinite(b) && Number.isFinite(h) && b > 0 && h > 0 ? energy.addRound([b], [h]) : energy.state();
        done = (s.done || s.rounds === 0) && done;
      }
      return done;
    },
    finish(design, energyBasis) {
      const out = {};
      const result = (test, what) => {
        const state = test.state().done ? test.state() : test.finish();
        if (!state.changeCi95 || state.estimate === null) return null;
        return {
          verdict: state.decision === "continue" ? "inconclusive" : state.decision,
          estimate: state.estimate,
          changeCi95: state.changeCi95,
          method: `per-round ${what}, ${state.rounds} rounds, ${design}`,
          rounds: state.rounds,
          threshold: options.threshold,
          ...state.centres ? { centres: state.centres } : {},
          ...state.sdLogRatio !== null ? { roundSpread95: Math.expm1(1.96 * state.sdLogRatio) } : {}
        };
      };
      const byKey = /* @__PURE__ */ new Map();
      for (const [key, { statistic, test }] of latency) byKey.set(key, result(test, statisticName(statistic)));
      for (const m of new Set(metrics)) {
        if (m === "energy") continue;
        const r = byKey.get(JSON.stringify(ROUND_STATISTIC[m]));
        if (r) out[m] = m === "throughput" ? invert(r) : r;
      }
      if (energy && energy.state().rounds > 1) {
        const r = result(energy, energyBasis ? `energy per call (${energyBasis})` : "energy per call");
        if (r) out.energy = r;
      }
      return out;
    }
  };
}
function invert(r) {
  const inv = (x) => 1 / (1 + x) - 1;
  const verdict = r.verdict === "regression" ? "regression" : r.verdict === "improvement" ? "improvement" : r.verdict;
  return {
    ...r,
    verdict,
    estimate: inv(r.estimate),
    changeCi95: [inv(r.changeCi95[1]), inv(r.changeCi95[0])],
    ...r.centres ? { centres: { base: 1 / r.centres.base, head: 1 / r.centres.head } } : {}
  };
}

// src/engine/round-plan.ts
var MIN_ROUNDS = 3;
var QUICK_MAX_LOOKS = 10;
function quickLooks(capS, roundS, minRoundsPerLook) {
  const capRounds = Math.floor(capS / Math.max(roundS, 1e-3));
  const roundsPerLook = Math.max(minRoundsPerLook, Math.ceil(capRounds / QUICK_MAX_LOOKS));
  return {
    roundsPerLook,
    firstLookRounds: Math.max(MIN_ROUNDS, roundsPerLook),
    maxLooks: Math.max(1, Math.min(QUICK_MAX_LOOKS, Math.floor(capRounds / roundsPerLook)))
  };
}
function estimatedRound(c, baseMs, headMs, baseCpuSPerCall, headCpuSPerCall) {
  return {
    baseJPerCall: estimateFromTimings(c, median(baseMs) / 1e3, baseCpuSPerCall),
    headJPerCall: estimateFromTimings(c, median(headMs) / 1e3, headCpuSPerCall)
  };
}
function estimatedRoundText(c) {
  return `ESTIMATED energy per call derived from each round's timings with the power model held fixed: ${sig(c.idleW)} W idle \xD7 median call time + ${sig(c.dynamicWPerCpu)} W \xD7 median block CPU time per call (the model's own uncertainty is common to both arms and not in this interval)`;
}
function sig(x) {
  return Number(x.toPrecision(3)).toString();
}

// src/engine/base-comparison.ts
var ENERGY_METRICS = ["energy-per-inference", "energy-per-sample", "energy-per-1000-inferences"];
var INFORMATION_THRESHOLD = 0.02;
function emptyBaseCalls() {
  return {
    latenciesMs: [],
    energy: { energyJ: 0, durationS: 0, attributableJ: 0, uncertaintyJ2: 0, windows: 0, notes: [] },
    energyFailed: false
  };
}
async function compareInterleaved(cfg, base, head, plan, ctx, meter) {
  const blockMs = plan.blockMs ?? 25;
  const blocksPerRound = plan.blocksPerRound ?? 8;
  const deciderOptions = { threshold: plan.threshold, improvementThreshold: plan.improvementThreshold };
  const needed = createRoundDecider(plan.metrics, deciderOptions).samplesPerArm;
  const callsPerBlock = Math.max(
    Math.ceil(needed / blocksPerRound),
    Math.min(5e3, Math.round(blockMs / Math.max(1e-3, plan.meanMs)))
  );
  const warmup = plan.warmup ?? 10;
  const collect = plan.baseCalls;
  const deadline = ctx.clockNs() + BigInt(Math.round(plan.capS * 1e9));
  let coefficients;
  let derived;
  const oneRound = async () => {
    const arm = (a) => ({
      threads: cfg.threads,
      name: label(cfg),
      device: cfg.device,
      externalDataFolder: a.externalDataFolder
    });
    const sb = await createSession(base.model, arm(base));
    const sh = await createSession(head.model, arm(head));
    const baseMs = [];
    const headMs = [];
    let bJ = 0;
    let hJ = 0;
    const bCpuS = [];
    const hCpuS = [];
    const windows = [];
    try {
      for (let i = 0; i < warmup; i++) {
        await sb.run(base.feeds);
        await sh.run(head.feeds);
      }
      for (let k = 0; k < blocksPerRound; k++) {
        for (const isBase of abbaBaseFirst(k) ? [true, false] : [false, true]) {
          const r = await runInferenceBenchmark(
            isBase ? sb : sh,
            (isBase ? base : head).feeds,
            { iterations: callsPerBlock, warmup: 0, maxTimeS: 60, targetRelativeCi: 0, batchSize: plan.batchSize },
            { clockNs: ctx.clockNs, meter, label: cfg.name }
          );
          for (const x of r.latenciesMs) (isBase ? baseMs : headMs).push(x);
          const j = r.energy ? r.energy.energyJ : NaN;
          if (isBase) bJ += j;
          else hJ += j;
          const cpuS = r.energy?.method === "estimate" ? (r.energy.estimate?.processCpuS ?? NaN) / r.runs : NaN;
          (isBase ? bCpuS : hCpuS).push(cpuS);
          if (r.energy) windows.push(r.energy);
          if (isBase && collect && r.energy) {
            if (Number.isFinite(r.energy.energyJ)) {
              const w = collect.energy;
              w.energyJ += r.energy.energyJ;
              w.durationS += r.energy.durationS;
              w.attributableJ += r.energy.attributableJ ?? NaN;
              w.uncertaintyJ2 += (r.energy.uncertaintyJ ?? NaN) ** 2;
              w.windows++;
              if (!w.notes.length) w.notes = r.energy.notes ?? [];
              collect.method = r.energy.method;
            } else collect.energyFailed = true;
          }
        }
      }
    } finally {
      await sb.release();
      await sh.release();
    }
    if (collect) for (const x of baseMs) collect.latenciesMs.push(x);
    const calls = callsPerBlock * blocksPerRound;
    const complete = windows.length === 2 * blocksPerRound && windows.every((w) => Number.isFinite(w.energyJ));
    if (derived === void 0 && complete) {
      coefficients = estimateCoefficients(windows);
      derived = coefficients !== void 0;
    }
    if (derived && coefficients) {
      if (!complete || ![...bCpuS, ...hCpuS].every(Number.isFinite)) return { baseMs, headMs };
      return { baseMs, headMs, ...estimatedRound(coefficients, baseMs, headMs, median(bCpuS), median(hCpuS)) };
    }
    return { baseMs, headMs, baseJPerCall: bJ / calls, headJPerCall: hJ / calls };
  };
  const first = await oneRound();
  const t0 = ctx.clockNs();
  let round = await oneRound();
  const roundS = Number(ctx.clockNs() - t0) / 1e9;
  const quick = plan.quickRoundsPerLook;
  const looks = quick !== void 0 ? quickLooks(plan.capS, roundS, quick) : { roundsPerLook: planRoundsPerLook(plan.capS, roundS) };
  const decider = createRoundDecider(plan.metrics, { ...deciderOptions, ...looks });
  decider.addRound(first);
  for (let rounds = 2; ; rounds++) {
    const done = decider.addRound(round);
    if (rounds >= MIN_ROUNDS && (done || ctx.clockNs() > deadline)) break;
    round = await oneRound();
  }
  if (collect && meter.takeFailure()) collect.energyFailed = true;
  const lookText = quick !== void 0 ? `, a look every ${looks.roundsPerLook} rounds (Bonferroni)` : "";
  return decider.finish(
    `paired with fresh sessions, ${blocksPerRound} ABBA blocks of ${callsPerBlock} calls per round${lookText}`,
    derived && coefficients ? estimatedRoundText(coefficients) : void 0
  );
}
function compareArms(cfg, base, head, plan, ctx) {
  return withMeter(cfg, ctx, (meter) => compareInterleaved(cfg, base, head, plan, ctx, meter));
}
async function compareWithBase(cfg, basePath, head, ctx, opts = {}) {
  const basePrep = await prepareModel(cfg, basePath, ctx);
  const comparisons = {};
  const gates = cfg.budget.filter(
    (b) => b.kind === "regression" && b.relative && (isOneOf(LATENCY_COMPARED, b.metric) || ENERGY_METRICS.includes(b.metric))
  );
  const ownBenchmark = !cfg.inference || !head.inference || cfg.budget.some((b) => b.kind === "regression" && (b.metric === "peak-memory" || b.metric === "peak-gpu-memory"));
  const base = await measurePrepared(cfg, basePrep, ctx, { inference: ownBenchmark });
  if (!cfg.inference || !head.inference) return { base, comparisons };
  const informational = gates.length === 0;
  const compared = (m) => isOneOf(LATENCY_COMPARED, m) ? m : "energy";
  const metrics = informational ? [
    .../* @__PURE__ */ new Set([
      "latency-p50",
      "energy",
      ...cfg.budget.filter((b) => b.kind === "absolute" && isOneOf(LATENCY_COMPARED, b.metric)).map((b) => compared(b.metric))
    ])
  ] : [...new Set(gates.map((b) => compared(b.metric)))];
  const threshold = opts.threshold ?? (informational ? INFORMATION_THRESHOLD : Math.min(...gates.map((b) => b.limit)));
  ctx.logger.progress(
    `  ${cfg.name}: comparing base and head in alternating rounds (threshold ${(threshold * 100).toFixed(1)}%${informational ? ", for information: no regression gate" : ""})`
  );
  const headPrep = await prepareModel(cfg, cfg.path, ctx);
  const baseCalls = emptyBaseCalls();
  const results = await compareArms(
    cfg,
    { model: basePrep.loaded.path, feeds: basePrep.inputs.feeds },
    { model: headPrep.loaded.path, feeds: headPrep.inputs.feeds },
    {
      metrics,
      threshold,
      // The comparison's own cap: three times the benchmark's auto cap (10 s → 30 s by default).
      capS: opts.maxTimeS ?? 3 * cfg.inference.maxTimeS,
      meanMs: head.inference.latencyMs.mean,
      batchSize: headPrep.inputs.batchSize,
      warmup: Math.min(cfg.inference.warmup, 10),
      blockMs: opts.blockMs,
      blocksPerRound: opts.blocksPerRound,
      // The quick rule: look every few rounds, stop once every compared metric is decisive.
      quickRoundsPerLook: opts.roundsPerLook ?? 3,
      baseCalls
    },
    ctx
  );
  if (!ownBenchmark && baseCalls.latenciesMs.length) {
    base.inference = roundsInference(
      cfg,
      basePrep,
      baseCalls.latenciesMs,
      ctx,
      baseCalls.energyFailed ? void 0 : baseCalls.energy,
      baseCalls.method
    );
  }
  const batch = headPrep.inputs.batchSize;
  for (const m of metrics) {
    const r = results[m];
    if (!r) continue;
    if (m === "energy") for (const e of ENERGY_METRICS) comparisons[e] = inMetricUnits(r, e, batch);
    else comparisons[m] = inMetricUnits(r, m, batch);
  }
  return { base, comparisons };
}
function inMetricUnits(r, metric, batch) {
  if (!r.centres) return r;
  const factor = metric === "throughput" ? batch * 1e3 : metric.startsWith("latency") ? 1 / 1e3 : metric === "energy-per-sample" ? 1 / batch : metric === "energy-per-1000-inferences" ? 1e3 : 1;
  return { ...r, centres: { base: r.centres.base * factor, head: r.centres.head * factor } };
}
function roundsInference(cfg, prepared, latenciesMs, ctx, window, method) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const batch = prepared.inputs.batchSize;
  const meanMs = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const report = {
    batchSize: batch,
    runs: sorted.length,
    warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
    threads: cfg.threads,
    latencyMs: {
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
      p99: quantileSorted(sorted, 0.99),
      mean: meanMs,
      min: sorted[0],
      max: sorted[sorted.length - 1]
    },
    throughput: batch * 1e3 / meanMs
  };
  if (window && method && window.windows > 0) {
    const w = {
      energyJ: window.energyJ,
      durationS: window.durationS,
      domainsJ: {},
      method,
      notes: [...window.notes, `base figures from its ${sorted.length} calls in the comparison rounds`],
      ...Number.isFinite(window.attributableJ) ? { attributableJ: window.attributableJ } : {},
      ...Number.isFinite(window.uncertaintyJ2) ? { uncertaintyJ: Math.sqrt(window.uncertaintyJ2) } : {}
    };
    report.energy = energyReport(w, sorted.length, batch, `base, from the comparison rounds (${method})`, ctx);
  }
  return report;
}

// src/model/external-write.ts
import { closeSync as closeSync2, openSync as openSync2, writeSync } from "node:fs";
import { join as join6 } from "node:path";
var ALIGN_BYTES = 4096;
function externalizeModel(model, dir, location, minBytes = 1024) {
  const graph = model.graph ?? {};
  const fd = openSync2(join6(dir, location), "w");
  let offset = 0;
  let tensors = 0;
  try {
    const initializer = (graph.initializer ?? []).map((t) => {
      const raw = t.rawData;
      if (!raw || raw.byteLength < minBytes) return t;
      const start = Math.ceil(offset / ALIGN_BYTES) * ALIGN_BYTES;
      for (let done = 0; done < raw.byteLength; ) done += writeSync(fd, raw, done, raw.byteLength - done, start + done);
      offset = start + raw.byteLength;
      tensors++;
      const { rawData: _r, ...rest } = t;
      return {
        ...rest,
        dataLocation: 1,
        externalData: [
          { key: "location", value: location },
          { key: "offset", value: String(start) },
          { key: "length", value: String(raw.byteLength) }
        ]
      };
    });
    return { model: { ...model, graph: { ...graph, initializer } }, dataBytes: offset, tensors };
  } finally {
    closeSync2(fd);
  }
}

// src/engine/advice.ts
import { mkdtemp as mkdtemp3, rm as rm5 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join7 } from "node:path";

// src/util/gzip-files.ts
import { createReadStream as createReadStream3 } from "node:fs";
import { Writable } from "node:stream";
import { pipeline as pipeline2 } from "node:stream/promises";
import { createGzip } from "node:zlib";
async function gzipSizeOfFiles(files, level) {
  const gzip = createGzip({ level });
  let size = 0;
  const count = new Writable({
    write(chunk, _encoding, done2) {
      size += chunk.length;
      done2();
    }
  });
  const done = pipeline2(gzip, count);
  for (const file of files) {
    for await (const chunk of createReadStream3(file)) {
      if (!gzip.write(chunk)) await new Promise((resume) => gzip.once("drain", resume));
    }
  }
  gzip.end();
  await done;
  return size;
}

// src/engine/advice.ts
var EXTERNAL_VARIANT_BYTES = 2 ** 31 - 64 * 2 ** 20;
var ADVICE_THRESHOLD = 0.03;
async function adviseForModel(cfg, head, ctx) {
  const startNs = ctx.clockNs();
  const prepared = await prepareModel(cfg, cfg.path, ctx);
  const batch = prepared.inputs.batchSize;
  const variants = ADVICE_VARIANT_IDS.length;
  const shareS = cfg.adviseMaxTimeS / variants;
  const standaloneS = Math.min(3, 0.2 * shareS, cfg.inference?.maxTimeS ?? 3);
  return withMeter(cfg, ctx, async (meter) => {
    const folders = /* @__PURE__ */ new WeakMap();
    const dataBytes2 = /* @__PURE__ */ new WeakMap();
    const measure = async (bytes) => {
      const own = dataBytes2.has(bytes) ? folders.get(bytes) : void 0;
      const loaded = {
        ...prepared.loaded,
        path: own ? join7(own, "variant.onnx") : prepared.loaded.path,
        bytes,
        proto: decodeModel(bytes),
        fileBytes: bytes.length,
        externalFiles: []
      };
      if (!folders.has(bytes)) folders.set(bytes, externalDataFolder(loaded));
      const { flops } = await flopsWithControlFlow(
        loaded,
        prepared.inputs.feeds,
        (b, o) => createSession(b, { threads: cfg.threads, name: label(cfg), externalDataFolder: o.externalDataFolder })
      );
      const session = await createSession(bytes, {
        threads: cfg.threads,
        name: `${label(cfg)} variant`,
        externalDataFolder: folders.get(bytes)
      });
      try {
        const r = await runInferenceBenchmark(
          session,
          prepared.inputs.feeds,
          {
            iterations: "auto",
            warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
            maxTimeS: standaloneS,
            targetRelativeCi: 0.02,
            batchSize: batch
          },
          { clockNs: ctx.clockNs, meter, label: cfg.name }
        );
        const e = meter.takeFailure() ? void 0 : r.energy;
        return {
          sizeBytes: bytes.length + (dataBytes2.get(bytes) ?? 0),
          flops: flops.total,
          latencyMs: { p50: r.latencyMs.p50, mean: r.latencyMs.mean },
          ...e ? {
            energyJPerInference: e.energyJ / r.runs,
            energyMethod: e.method,
            energyEstimated: isEstimated(e)
          } : {}
        };
      } finally {
        await session.release();
      }
    };
    const variantFolder = (bytes) => folders.has(bytes) ? folders.get(bytes) : externalDataFolder({ ...prepared.loaded, proto: decodeModel(bytes) });
    const original = prepared.loaded.externalFiles.length ? void 0 : await measure(prepared.loaded.bytes);
    const originalArm = {
      model: prepared.loaded.externalFiles.length ? prepared.loaded.path : prepared.loaded.bytes,
      feeds: prepared.inputs.feeds
    };
    const meanMs = original?.latencyMs.mean ?? head.inference?.latencyMs.mean ?? 1;
    const deadlineNs = startNs + BigInt(Math.round(cfg.adviseMaxTimeS * 1e9));
    let compared = 0;
    const compare = async (bytes) => {
      const left = Math.max(1, variants - compared++);
      const remainingS = Number(deadlineNs - ctx.clockNs()) / 1e9;
      const r = await compareInterleaved(
        cfg,
        originalArm,
        { model: bytes, feeds: prepared.inputs.feeds, externalDataFolder: variantFolder(bytes) },
        {
          metrics: ["latency-p50", "latency-mean", "energy"],
          threshold: ADVICE_THRESHOLD,
          capS: Math.max(0.5, remainingS / left - standaloneS),
          meanMs,
          batchSize: batch,
          warmup: Math.min(cfg.inference?.warmup ?? 10, 10)
        },
        ctx,
        meter
      );
      meter.takeFailure();
      return {
        ...r["latency-p50"] ? { latencyP50: r["latency-p50"] } : {},
        ...r["latency-mean"] ? { latencyMean: r["latency-mean"] } : {},
        ...r.energy ? { energy: r.energy } : {}
      };
    };
    ctx.logger.progress(
      `  ${cfg.name}: comparing int8, fp16, pruned, structurally pruned and distilled variants with the original in interleaved rounds (up to ${sigFig(cfg.adviseMaxTimeS)} s, plus the fine-tuning)`
    );
    const large = prepared.loaded.externalFiles.length > 0 || prepared.loaded.payloads !== void 0;
    if (large) await prepared.preflight?.("advice");
    const originalFolder = externalDataFolder(prepared.loaded);
    const advisable = large ? {
      proto: withExternalWeightsRead(prepared.loaded, []),
      bytes: encodeModel(prepared.loaded.proto),
      gzipBytes: await gzipSizeOfFiles(
        [prepared.loaded.path, ...prepared.loaded.externalFiles.map((f) => f.path)],
        GZIP_LEVEL
      )
    } : prepared.loaded;
    const variantDirs = [];
    const encode = async (model) => {
      const limit = ctx.externalVariantBytes ?? EXTERNAL_VARIANT_BYTES;
      if (weightFigures(model).bytes < limit) return { bytes: encodeModel(model) };
      const dir = await mkdtemp3(join7(tmpdir(), "eb-variant-"));
      variantDirs.push(dir);
      const out = externalizeModel(model, dir, "variant.onnx.data", Math.max(1, Math.min(1024, limit)));
      const bytes = encodeModel(out.model);
      folders.set(bytes, dir);
      dataBytes2.set(bytes, out.dataBytes);
      return {
        bytes,
        gzipBytes: await gzipSizeOfFiles([join7(dir, "variant.onnx.data")], GZIP_LEVEL) + gzipSize(bytes),
        note: `written with external data (${out.tensors} weights, ${formatBytes(out.dataBytes)} in one data file), as a protobuf cannot exceed 2 GiB`
      };
    };
    const inputInfos = analyzeModel(prepared.loaded).inputs;
    const seeded = async (seed) => (await synthesizeInputs(inputInfos, {
      modelName: cfg.name,
      dims: { ...cfg.dims, ...batchDims(prepared) },
      // Fixed values and declared shapes stay; a .npy's data would be the benchmark's own rows.
      specs: Object.fromEntries(Object.entries(cfg.inputs).filter(([, spec]) => spec.kind !== "npy")),
      seed,
      readFile: ctx.readFile
    })).feeds;
    const trainFeeds = [];
    const trainCount = large ? 0 : trainBatchCount(DEFAULT_FINE_TUNE_STEPS, feedsBytes(prepared.inputs.feeds));
    for (let k = 0; k < trainCount; k++) trainFeeds.push(await seeded(seedFrom(cfg.name, 5e4 + k)));
    const heldOutFeeds = [prepared.inputs.feeds];
    for (let k = 1; k < (large ? 1 : REDUCE_HELD_OUT_BATCHES); k++)
      heldOutFeeds.push(await seeded(seedFrom(cfg.name, 9e4 + k)));
    const meterWindow = async (work) => {
      const token = await meter.begin();
      const result = await work();
      try {
        const w = await meter.end(token);
        return {
          result,
          energy: { joules: w.energyJ, method: w.method ?? meter.method, estimated: isEstimated(w) }
        };
      } catch {
        return { result };
      }
    };
    try {
      return await adviseModel(advisable, {
        feeds: prepared.inputs.feeds,
        measure,
        compare,
        encode,
        feedsSource: "the benchmark inputs",
        originalMeasurement: original ?? toMeasurement(head),
        variants: large ? VARIANT_IDS : ADVICE_VARIANT_IDS,
        ...large ? {} : {
          trainFeeds,
          trainSource: `${trainCount} seeded synthetic input batches (the benchmark's shapes)`,
          heldOutFeeds,
          heldOutSource: `the benchmark inputs and ${REDUCE_HELD_OUT_BATCHES - 1} other seeded batches`,
          meterWindow
        },
        createSession: (bytes) => ortSessionFactoryIn(folders.get(bytes) ?? originalFolder)(bytes)
      });
    } finally {
      for (const dir of variantDirs) await rm5(dir, { recursive: true, force: true });
    }
  });
}
var REDUCE_HELD_OUT_BATCHES = 8;
function batchDims(prepared) {
  const out = {};
  for (const v of prepared.loaded.proto.graph?.input ?? []) {
    const fed = prepared.inputs.shapes[v.name ?? ""];
    (v.type?.tensorType?.shape?.dim ?? []).forEach((d, i) => {
      if (d.dimParam && fed?.[i] !== void 0) out[d.dimParam] = fed[i];
    });
  }
  return out;
}
function sigFig(x) {
  return Number(x.toPrecision(3)).toString();
}
function toMeasurement(m) {
  return {
    sizeBytes: m.size.bytes,
    flops: m.flops,
    latencyMs: { p50: m.inference?.latencyMs.p50 ?? NaN, mean: m.inference?.latencyMs.mean ?? NaN },
    ...m.inference?.energy ? {
      energyJPerInference: m.inference.energy.joulesPerInference,
      energyMethod: m.inference.energy.method,
      energyEstimated: m.inference.energy.estimated
    } : {}
  };
}

// src/engine/instructions.ts
import os5 from "node:os";
function countsInParallel(sides, cores = os5.availableParallelism()) {
  return sides > 1 && cores >= 2;
}
async function countSides(cfg, headPath, basePath, ctx, opts = {}) {
  const t0 = ctx.clockNs();
  const tool = await findValgrind(ctx.env);
  const paths = basePath === void 0 ? [headPath] : [headPath, basePath];
  const prepared = [];
  for (const p of paths) prepared.push(await prepareModel(cfg, p, ctx));
  const parallel = countsInParallel(paths.length, opts.cores);
  const what = paths.length > 1 ? `head and base${parallel ? " at the same time" : ", one after the other"}` : "the model";
  ctx.logger.progress(`  ${cfg.name}: counting the instructions of ${what} under Valgrind (callgrind, one process each)`);
  const count = (i) => countInstructions(prepared[i].loaded.path, prepared[i].inputs.feeds, { env: ctx.env, tool });
  const counts = [];
  if (parallel) counts.push(...await Promise.all(paths.map((_, i) => count(i))));
  else for (let i = 0; i < paths.length; i++) counts.push(await count(i));
  const wallS = Number(ctx.clockNs() - t0) / 1e9;
  const fmt = (r) => Math.round(r.perCall).toLocaleString("en-US");
  ctx.logger.progress(
    `  ${cfg.name}: ${fmt(counts[0])} instructions per call${counts[1] ? ` (base ${fmt(counts[1])})` : ""}, SIMULATED; counted in ${wallS.toFixed(1)} s${parallel ? " (both sides in parallel)" : ""}`
  );
  const notices = cfg.threads !== 1 ? [
    `instructions are counted with 1 intra-op thread (the model is timed with ${cfg.threads}): a thread pool's spinning is not deterministic`
  ] : [];
  return { head: counts[0], ...counts[1] ? { base: counts[1] } : {}, parallel, wallS, notices };
}

// src/isolate/protocol.ts
function serializeError(error) {
  if (isUserFacing(error)) {
    return {
      ours: true,
      name: error.name,
      code: error.code,
      exitCode: error.exitCode,
      message: error.message,
      ...error instanceof ConfigError ? { issues: error.issues } : {}
    };
  }
  if (error instanceof Error) return { ours: false, name: error.name, message: error.message, stack: error.stack };
  return { ours: false, name: "Error", message: String(error) };
}
function deserializeError(e) {
  if (e.ours && e.code && e.exitCode) {
    if (e.issues) return new ConfigError(e.issues);
    const error2 = new EnergyBudgetError(e.code, e.message, e.exitCode);
    error2.name = e.name;
    return error2;
  }
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

export {
  carbon_intensity_default,
  ortVersion,
  findValgrind,
  installValgrind,
  measureModel,
  metricValues,
  compareWithBase,
  adviseForModel,
  countSides,
  serializeError,
  deserializeError,
  findWorkspaceRoot,
  assertInsideWorkspace,
  confinedReadFile
};
