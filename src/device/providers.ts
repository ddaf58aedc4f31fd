/**
 * Devices → onnxruntime execution providers, and what a device needs on this machine.
 *
 * - `cpu`: onnxruntime's CPU provider, always there.
 * - `cuda`: the CUDA provider. onnxruntime-node's binding is built with it
 *   (`listSupportedBackends()` lists `cuda` with `bundled: false`) but the npm package leaves
 *   out its binaries, `libonnxruntime_providers_cuda.so` and `libonnxruntime_providers_shared.so`
 *   (too large for the registry; onnxruntime-node's script/install.js fetches them from NuGet).
 *   onnxruntime loads them from the folder of its own `libonnxruntime.so.1`, so that is where
 *   they must be (src/device/fetch-cuda.ts puts them there). They need the NVIDIA driver
 *   (`libcuda.so.1`) and the CUDA and cuDNN libraries they were linked against, read from the
 *   provider's own ELF dependencies.
 * - `webgpu`: onnxruntime's WebGPU provider, bundled in onnxruntime-node (Dawn). On Linux Dawn
 *   reaches the GPU through Vulkan (`libvulkan.so.1`, loaded at run time); whether an adapter
 *   exists is only known when a session is created.
 *
 * Every check goes through `DeviceProbes`, so tests simulate a machine without a driver,
 * without provider files or without a WebGPU backend.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import type { DeviceChoice } from '../config/types.js';
import { EnvironmentError, messageOf } from '../errors.js';
import { elfNeededLibraries } from './elf.js';
import { onnxRuntimeFor } from '../runtime/onnxruntime.js';

/** The files of the CUDA provider that the npm package does not ship (onnxruntime-node script/install-metadata.js). */
export const CUDA_PROVIDER_FILES = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so'] as const;

/** Options of {@link executionProvidersFor}. */
export interface ProviderOptions {
  /** CUDA device ordinal among the visible devices (CUDA_VISIBLE_DEVICES). @default 0 */
  deviceId?: number;
  /**
   * Let onnxruntime run nodes the GPU provider has no kernel for on the CPU (its default). With
   * false, creating the session fails instead, so a benchmark never measures a partly-CPU run
   * unknowingly (session config `session.disable_cpu_ep_fallback`). @default true
   */
  cpuFallback?: boolean;
}

/**
 * The `executionProviders` for a device, in priority order. The CPU provider is listed last for
 * the GPU devices: onnxruntime adds it anyway for nodes the GPU provider cannot run, and
 * listing it makes that visible.
 * @throws InputError-free: an unknown device is a type error; callers validate the budget file.
 */
export function executionProvidersFor(
  device: DeviceChoice,
  opts: ProviderOptions = {},
): InferenceSession.ExecutionProviderConfig[] {
  switch (device) {
    case 'cpu':
      return ['cpu'];
    case 'cuda':
      return [{ name: 'cuda', deviceId: opts.deviceId ?? 0 }, 'cpu'];
    case 'webgpu':
      return [{ name: 'webgpu' }, 'cpu'];
  }
}

/**
 * The session options a device adds: its providers and, with `cpuFallback: false` on a GPU,
 * the config entry that makes onnxruntime refuse a partial placement.
 */
export function deviceSessionOptions(
  device: DeviceChoice,
  opts: ProviderOptions = {},
): Pick<InferenceSession.SessionOptions, 'executionProviders' | 'extra'> {
  const executionProviders = executionProvidersFor(device, opts);
  if (device === 'cpu' || opts.cpuFallback !== false) return { executionProviders };
  // onnxruntime_session_options_config_keys.h: kOrtSessionOptionsDisableCPUEPFallback.
  return {
    executionProviders: executionProviders.filter((p) => p !== 'cpu'),
    extra: { session: { disable_cpu_ep_fallback: '1' } },
  };
}

/** What device checks read from the machine. */
export interface DeviceProbes {
  platform: string;
  arch: string;
  /** onnxruntime-node's `listSupportedBackends()`. */
  backends(): ReadonlyArray<{ name: string; bundled: boolean }>;
  /** The folder of onnxruntime's native binding and libonnxruntime.so.1. */
  bindingDir(): string;
  exists(path: string): boolean;
  /** Loads a shared library (dlopen): null when it loads, else why not. */
  loadLibrary(nameOrPath: string): string | null;
  /** A shared object's DT_NEEDED libraries. */
  neededLibraries(path: string): string[];
  /** A command's path on PATH, or null. */
  which(command: string): string | null;
}

/** A missing piece and how to add it. */
export interface MissingPiece {
  what: 'platform' | 'backend' | 'driver' | 'cuda-provider' | 'cuda-libraries' | 'vulkan';
  /** What is missing, one sentence. */
  message: string;
  /** How to fix it, one sentence. */
  fix: string;
}

/** The result of {@link checkDevice}. */
export interface DeviceCheck {
  device: DeviceChoice;
  /** Everything this check can see is there (a WebGPU adapter is only known at session creation). */
  ready: boolean;
  missing: MissingPiece[];
  notes: string[];
}

/**
 * The folder onnxruntime-node loads its binding from (`bin/napi-v6/<platform>/<arch>`), in the
 * copy this process loads (src/runtime/onnxruntime.ts).
 * @throws EnvironmentError when no onnxruntime-node is usable here.
 */
export function defaultBindingDir(platform: string = process.platform, arch: string = process.arch): string {
  return join(onnxRuntimeFor().dir, 'bin', 'napi-v6', platform, arch);
}

/** PATH lookup without spawning a shell. */
export function whichOnPath(
  command: string,
  env: Record<string, string | undefined> = process.env,
  exists: (p: string) => boolean = existsSync,
): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && exists(join(dir, command))) return join(dir, command);
  }
  return null;
}

/**
 * The real probes: onnxruntime-node, koffi's dlopen, node:fs. Loads native code, so call it only
 * when a GPU device is asked for.
 */
export async function realDeviceProbes(): Promise<DeviceProbes> {
  const ort = await import('onnxruntime-node');
  let koffi: typeof import('koffi').default | undefined;
  try {
    koffi = (await import('koffi')).default;
  } catch {
    koffi = undefined;
  }
  return {
    platform: process.platform,
    arch: process.arch,
    backends: () => ort.listSupportedBackends(),
    bindingDir: () => defaultBindingDir(),
    exists: existsSync,
    loadLibrary: (name) => {
      if (!koffi) return 'the koffi FFI module is not available to try loading it';
      try {
        koffi.load(name);
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },
    neededLibraries: elfNeededLibraries,
    which: (cmd) => whichOnPath(cmd),
  };
}

const DRIVER_FIX =
  'Install the NVIDIA driver (e.g. `sudo apt-get install nvidia-driver-550`, then reboot) or, in a container, start it with the NVIDIA Container Toolkit (`docker run --gpus all …`) so libcuda.so.1 is mounted; GitHub-hosted runners without a GPU cannot run device: cuda.';

/** The CUDA provider's own dependencies that are not onnxruntime or the C/C++ runtime. */
function gpuDependencies(needed: readonly string[]): string[] {
  return needed.filter(
    (n) => !/^(libonnxruntime|libc\.|libm\.|libdl\.|librt\.|libpthread\.|libstdc\+\+|libgcc_s|ld-linux)/.test(n),
  );
}

/** Checks what `device` needs on this machine (see the module comment). */
export function checkDevice(device: DeviceChoice, probes: DeviceProbes): DeviceCheck {
  const missing: MissingPiece[] = [];
  const notes: string[] = [];
  if (device === 'cpu') return { device, ready: true, missing, notes };
  const backends = probes.backends();
  const names = backends.map((b) => b.name);
  if (!names.includes(device)) {
    missing.push({
      what: 'backend',
      message: `this onnxruntime-node build (${probes.platform}/${probes.arch}) has no ${device} execution provider (it lists ${names.join(', ') || 'none'})`,
      fix:
        device === 'cuda'
          ? 'use Linux x64 (onnxruntime-node builds its CUDA provider only there and on Windows x64) or set device: cpu.'
          : 'use onnxruntime-node 1.22 or newer on Linux x64, Windows or macOS, or set device: cpu.',
    });
    return { device, ready: false, missing, notes };
  }

  if (device === 'cuda') {
    const smi = probes.which('nvidia-smi');
    const driver = probes.loadLibrary('libcuda.so.1');
    if (driver !== null) {
      missing.push({
        what: 'driver',
        message: `the NVIDIA driver library libcuda.so.1 cannot be loaded (${driver})${smi ? `, although nvidia-smi is at ${smi}` : ' and nvidia-smi is not on PATH'}`,
        fix: DRIVER_FIX,
      });
    } else if (smi) {
      notes.push(`NVIDIA driver found (libcuda.so.1 loads; nvidia-smi at ${smi}).`);
    }
    const dir = probes.bindingDir();
    const absent = CUDA_PROVIDER_FILES.filter((f) => !probes.exists(join(dir, f)));
    if (absent.length > 0) {
      missing.push({
        what: 'cuda-provider',
        message: `onnxruntime's CUDA provider binaries are not installed (${absent.join(', ')} missing from ${dir}); the npm package does not include them`,
        fix: 'let energy-budget fetch them (it does so for device: cuda, pinned to a checksum; see docs/gpu.md), or run `ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node`.',
      });
    } else {
      const provider = join(dir, CUDA_PROVIDER_FILES[0]);
      let needed: string[] = [];
      try {
        needed = gpuDependencies(probes.neededLibraries(provider));
      } catch (error) {
        notes.push(
          `The CUDA provider's dependencies could not be read (${messageOf(error)}); they are checked when the session is created.`,
        );
      }
      const unloadable = needed.filter((lib) => probes.loadLibrary(lib) !== null);
      if (unloadable.length > 0) {
        missing.push({
          what: 'cuda-libraries',
          message: `the CUDA provider needs ${unloadable.join(', ')}, which the dynamic loader cannot find`,
          fix:
            "install the CUDA runtime and cuDNN versions these names give (e.g. CUDA 12 with cuDNN 9: `sudo apt-get install cuda-libraries-12-x libcudnn9-cuda-12` from NVIDIA's repository, " +
            'or `pip install nvidia-cublas-cu12 nvidia-cudnn-cu12 …` and add their lib folders to LD_LIBRARY_PATH).',
        });
      } else if (needed.length > 0) {
        notes.push(`CUDA provider dependencies load: ${needed.join(', ')}.`);
      }
    }
  }

  if (device === 'webgpu') {
    if (probes.platform === 'linux') {
      const vulkan = probes.loadLibrary('libvulkan.so.1');
      if (vulkan !== null) {
        missing.push({
          what: 'vulkan',
          message: `the Vulkan loader libvulkan.so.1 cannot be loaded (${vulkan}); onnxruntime's WebGPU provider (Dawn) reaches the GPU through Vulkan on Linux`,
          fix: 'install the Vulkan loader and a Vulkan driver for the GPU (`sudo apt-get install libvulkan1 mesa-vulkan-drivers` for AMD/Intel; the NVIDIA driver ships its own), or set device: cpu.',
        });
      }
    }
    notes.push('Whether a WebGPU adapter exists is known only when the session is created.');
  }
  return { device, ready: missing.length === 0, missing, notes };
}

/** One EnvironmentError (exit 3) naming everything missing for the device and each fix. */
export function deviceUnavailableError(check: DeviceCheck, model?: string): EnvironmentError {
  const who = model ? `Model ${model} asks for device: ${check.device}` : `device: ${check.device} was asked for`;
  const parts = check.missing.map((m, i) => `(${i + 1}) ${m.message}: ${m.fix}`);
  return new EnvironmentError(
    `${who}, but this machine cannot run it: ${parts.join(' ')} Alternatively set device: cpu for this model.`,
  );
}

/**
 * Checks the device and throws when something is missing.
 * @throws EnvironmentError (exit 3) from {@link deviceUnavailableError}.
 */
export function requireDevice(device: DeviceChoice, probes: DeviceProbes, model?: string): DeviceCheck {
  const check = checkDevice(device, probes);
  if (!check.ready) throw deviceUnavailableError(check, model);
  return check;
}

/**
 * Turns an onnxruntime session-creation failure caused by the device (no WebGPU adapter, CUDA
 * provider or library not loadable, no GPU, driver too old) into an EnvironmentError naming
 * what is missing; undefined when the failure is not about the device (then it is the model's,
 * see describeLoadError in src/bench/ort.ts).
 */
export function describeDeviceLoadError(error: unknown, device: DeviceChoice, model: string): EnvironmentError | undefined {
  if (device === 'cpu') return undefined;
  const raw = messageOf(error);
  const msg = raw.replace(/\s*\n\s*/g, ' ').trim();
  const who = `Model ${model} (device: ${device})`;
  const make = (what: string, fix: string) =>
    new EnvironmentError(`${who}: ${what}. ${fix} Alternatively set device: cpu for this model. (onnxruntime: ${msg})`, {
      cause: error,
    });
  if (device === 'webgpu') {
    if (/WebGPU adapter|No supported adapters|RequestAdapter/i.test(msg)) {
      return make(
        'onnxruntime found no WebGPU adapter (no GPU that Dawn can use through Vulkan, or no Vulkan driver for it)',
        'Run on a machine with a GPU and a Vulkan driver (check with `vulkaninfo --summary`; install libvulkan1 and mesa-vulkan-drivers for AMD/Intel, or the NVIDIA driver).',
      );
    }
    if (/webgpu/i.test(msg) && /not (supported|available|registered)/i.test(msg)) {
      return make(
        'this onnxruntime-node build cannot create a WebGPU provider',
        'Use onnxruntime-node 1.22 or newer on Linux x64, Windows or macOS.',
      );
    }
    return undefined;
  }
  let m: RegExpExecArray | null;
  if (
    (m = /(libonnxruntime_providers_(?:cuda|shared)\.so)[^]*?(cannot open shared object file|No such file)/.exec(msg)) ||
    /AppendExecutionProvider_Cuda: Failed to load shared library/.test(msg)
  ) {
    const lib = m?.[1] ?? 'libonnxruntime_providers_cuda.so';
    return make(
      `onnxruntime cannot load its CUDA provider (${lib} is missing or one of its dependencies is)`,
      'Let energy-budget fetch the provider binaries (docs/gpu.md), and check that the NVIDIA driver, CUDA 12 and cuDNN 9 libraries load (`energy-budget` names the missing ones before creating the session).',
    );
  }
  if ((m = /(lib[\w+.-]+\.so(?:\.\d+)*): cannot open shared object file/.exec(msg))) {
    return make(
      `the CUDA provider needs ${m[1]}, which the dynamic loader cannot find`,
      'Install the CUDA runtime and cuDNN libraries (see docs/gpu.md) or add their folder to LD_LIBRARY_PATH.',
    );
  }
  if (/no CUDA-capable device|cudaErrorNoDevice|CUDA failure 100\b/i.test(msg)) {
    return make('CUDA sees no GPU', 'Check `nvidia-smi` and CUDA_VISIBLE_DEVICES; in a container start it with `--gpus all`.');
  }
  if (/driver version is insufficient|cudaErrorInsufficientDriver|CUDA failure 35\b/i.test(msg)) {
    return make(
      'the NVIDIA driver is older than the CUDA runtime the provider was built with',
      'Update the NVIDIA driver (CUDA 12 needs driver 525 or newer).',
    );
  }
  if (/out of memory|cudaErrorMemoryAllocation|CUDA failure 2\b/i.test(msg)) {
    return make(
      'the GPU ran out of memory while loading the model',
      'Use a GPU with more memory, free it from other processes, or a smaller model.',
    );
  }
  return undefined;
}
