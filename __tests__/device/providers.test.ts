import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import type { DeviceChoice } from '../../src/config/types.js';
import { elfNeededLibraries } from '../../src/device/elf.js';
import {
  CUDA_PROVIDER_FILES,
  checkDevice,
  defaultBindingDir,
  describeDeviceLoadError,
  deviceSessionOptions,
  executionProvidersFor,
  realDeviceProbes,
  requireDevice,
  whichOnPath,
  type DeviceProbes,
} from '../../src/device/providers.js';
import { EnvironmentError } from '../../src/errors.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLASSIFIER = join(ROOT, 'examples/models/classifier.onnx');
const BIN = '/ort/bin';

type Attempt = { ok: true; session: ort.InferenceSession } | { ok: false; error: unknown };
async function attempt(device: DeviceChoice): Promise<Attempt> {
  try {
    return { ok: true, session: await ort.InferenceSession.create(CLASSIFIER, deviceSessionOptions(device)) };
  } catch (error) {
    return { ok: false, error };
  }
}
// Tried once up front, so each test below can be skipped (with its reason) where it cannot run.
const webgpuAttempt = await attempt('webgpu');
const cudaAttempt = await attempt('cuda');

/** A machine where everything a GPU device needs is present, overridable piece by piece. */
function probes(over: Partial<DeviceProbes> & { libs?: Record<string, string | null>; files?: string[] } = {}): DeviceProbes {
  const libs: Record<string, string | null> = {
    'libcuda.so.1': null,
    'libvulkan.so.1': null,
    'libcudnn.so.9': null,
    'libcublasLt.so.12': null,
    'libcudart.so.12': null,
    ...over.libs,
  };
  const files = new Set(over.files ?? CUDA_PROVIDER_FILES.map((f) => join(BIN, f)));
  return {
    platform: 'linux',
    arch: 'x64',
    backends: () => [
      { name: 'cpu', bundled: true },
      { name: 'webgpu', bundled: true },
      { name: 'cuda', bundled: false },
    ],
    bindingDir: () => BIN,
    exists: (p) => files.has(p),
    loadLibrary: (name) => (name in libs ? libs[name] : 'cannot open shared object file'),
    neededLibraries: () => [
      'libonnxruntime_providers_shared.so',
      'libcudnn.so.9',
      'libcublasLt.so.12',
      'libcudart.so.12',
      'libstdc++.so.6',
      'libc.so.6',
    ],
    which: (cmd) => (cmd === 'nvidia-smi' ? '/usr/bin/nvidia-smi' : null),
    ...over,
  };
}

describe('executionProvidersFor', () => {
  const table: Array<[DeviceChoice, object, unknown[]]> = [
    ['cpu', {}, ['cpu']],
    ['cuda', {}, [{ name: 'cuda', deviceId: 0 }, 'cpu']],
    ['cuda', { deviceId: 2 }, [{ name: 'cuda', deviceId: 2 }, 'cpu']],
    ['webgpu', {}, [{ name: 'webgpu' }, 'cpu']],
  ];
  for (const [device, opts, expected] of table) {
    it(`${device} ${JSON.stringify(opts)} → ${JSON.stringify(expected)}`, () => {
      expect(executionProvidersFor(device, opts)).toEqual(expected);
    });
  }

  it('cpuFallback: false drops the CPU provider and sets session.disable_cpu_ep_fallback', () => {
    expect(deviceSessionOptions('cuda', { cpuFallback: false })).toEqual({
      executionProviders: [{ name: 'cuda', deviceId: 0 }],
      extra: { session: { disable_cpu_ep_fallback: '1' } },
    });
    expect(deviceSessionOptions('cpu', { cpuFallback: false })).toEqual({ executionProviders: ['cpu'] });
    expect(deviceSessionOptions('webgpu')).toEqual({ executionProviders: [{ name: 'webgpu' }, 'cpu'] });
  });
});

describe('checkDevice with simulated machines', () => {
  it('cpu needs nothing', () => {
    expect(checkDevice('cpu', probes({ backends: () => [] }))).toEqual({ device: 'cpu', ready: true, missing: [], notes: [] });
  });

  it('cuda: everything present → ready, dependencies named', () => {
    const c = checkDevice('cuda', probes());
    expect(c.ready).toBe(true);
    expect(c.notes.join(' ')).toMatch(/libcudnn\.so\.9, libcublasLt\.so\.12, libcudart\.so\.12/);
  });

  it('cuda without libcuda.so.1 (no driver): names the library and the fix', () => {
    const c = checkDevice('cuda', probes({ libs: { 'libcuda.so.1': 'cannot open shared object file' }, which: () => null }));
    expect(c.ready).toBe(false);
    expect(c.missing.map((m) => m.what)).toEqual(['driver']);
    expect(c.missing[0].message).toMatch(/libcuda\.so\.1 cannot be loaded .*nvidia-smi is not on PATH/);
    expect(c.missing[0].fix).toMatch(/--gpus all/);
  });

  it('cuda without the provider binaries: names both files, the folder and the fetch', () => {
    const c = checkDevice('cuda', probes({ files: [] }));
    expect(c.missing.map((m) => m.what)).toEqual(['cuda-provider']);
    expect(c.missing[0].message).toContain(
      `libonnxruntime_providers_cuda.so, libonnxruntime_providers_shared.so missing from ${BIN}`,
    );
    expect(c.missing[0].fix).toMatch(/ONNXRUNTIME_NODE_INSTALL=cuda12/);
  });

  it('cuda without cuDNN: names exactly the libraries the provider links that do not load', () => {
    const c = checkDevice('cuda', probes({ libs: { 'libcudnn.so.9': 'cannot open shared object file' } }));
    expect(c.missing.map((m) => m.what)).toEqual(['cuda-libraries']);
    expect(c.missing[0].message).toBe('the CUDA provider needs libcudnn.so.9, which the dynamic loader cannot find');
  });

  it('no driver and no provider: both in one error, exit code 3', () => {
    const p = probes({ files: [], libs: { 'libcuda.so.1': 'nope' } });
    let error: unknown;
    try {
      requireDevice('cuda', p, '"llm" (models/llm.onnx)');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(
      /^Model "llm" \(models\/llm\.onnx\) asks for device: cuda, but this machine cannot run it: \(1\) the NVIDIA driver .*\(2\) onnxruntime's CUDA provider binaries .* Alternatively set device: cpu/,
    );
    expect((error as Error).message).not.toMatch(/\n/);
  });

  it('webgpu without the backend in this build', () => {
    const c = checkDevice('webgpu', probes({ backends: () => [{ name: 'cpu', bundled: true }] }));
    expect(c.missing.map((m) => m.what)).toEqual(['backend']);
    expect(c.missing[0].message).toMatch(/no webgpu execution provider \(it lists cpu\)/);
  });

  it('webgpu on Linux without libvulkan.so.1', () => {
    const c = checkDevice('webgpu', probes({ libs: { 'libvulkan.so.1': 'cannot open shared object file' } }));
    expect(c.missing.map((m) => m.what)).toEqual(['vulkan']);
    expect(c.missing[0].fix).toMatch(/libvulkan1 mesa-vulkan-drivers/);
  });

  it('cuda on a platform whose build has no CUDA provider', () => {
    const c = checkDevice(
      'cuda',
      probes({
        platform: 'darwin',
        arch: 'arm64',
        backends: () => [
          { name: 'cpu', bundled: true },
          { name: 'webgpu', bundled: true },
        ],
      }),
    );
    expect(c.missing[0].what).toBe('backend');
    expect(c.missing[0].message).toMatch(/darwin\/arm64/);
  });
});

describe('describeDeviceLoadError', () => {
  const cases: Array<[DeviceChoice, string, RegExp | undefined]> = [
    [
      'webgpu',
      'webgpu_context.cc:136 ... Failed to get a WebGPU adapter: No supported adapters',
      /no WebGPU adapter.*vulkaninfo/,
    ],
    ['cuda', 'OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library', /cannot load its CUDA provider/],
    [
      'cuda',
      'Failed to load library /x/libonnxruntime_providers_cuda.so with error: libcudnn.so.9: cannot open shared object file: No such file or directory',
      /libonnxruntime_providers_cuda\.so is missing or one of its dependencies/,
    ],
    ['cuda', 'libcublasLt.so.12: cannot open shared object file: No such file or directory', /needs libcublasLt\.so\.12/],
    ['cuda', 'CUDA failure 100: no CUDA-capable device is detected', /CUDA sees no GPU/],
    ['cuda', 'CUDA failure 35: CUDA driver version is insufficient for CUDA runtime version', /driver is older/],
    ['cuda', 'Load model from x failed: Protobuf parsing failed.', undefined],
    ['cpu', 'Failed to get a WebGPU adapter', undefined],
  ];
  for (const [device, message, expected] of cases) {
    it(`${device}: ${message.slice(0, 60)}`, () => {
      const e = describeDeviceLoadError(new Error(message), device, '"m" (m.onnx)');
      if (!expected) {
        expect(e).toBeUndefined();
        return;
      }
      expect(e).toBeInstanceOf(EnvironmentError);
      expect(e!.message).toMatch(expected);
      expect(e!.message).toMatch(/^Model "m" \(m\.onnx\) \(device: \w+\): .*Alternatively set device: cpu/);
    });
  }
});

describe('on this machine (real onnxruntime-node, koffi, files)', () => {
  it('reads DT_NEEDED from the real binding (the same list as readelf -d)', () => {
    const needed = elfNeededLibraries(join(defaultBindingDir(), 'onnxruntime_binding.node'));
    expect(needed[0]).toBe('libonnxruntime.so.1');
    expect(needed).toContain('libc.so.6');
    expect(() => elfNeededLibraries(CLASSIFIER)).toThrow(/not an ELF file/);
  });

  it('whichOnPath finds node', () => {
    expect(whichOnPath('node', { PATH: `/nonexistent:${process.env.PATH}` })).toMatch(/node$/);
    expect(whichOnPath('surely-not-a-command-xyz')).toBeNull();
  });

  it('listSupportedBackends lists webgpu (bundled) and cuda (not bundled) in onnxruntime-node 1.30 for Linux x64', () => {
    const names = ort.listSupportedBackends();
    expect(names).toEqual(
      expect.arrayContaining([
        { name: 'webgpu', bundled: true },
        { name: 'cuda', bundled: false },
      ]),
    );
  });

  it('the real probes agree with the machine: the cuda check names what is missing', async () => {
    const c = checkDevice('cuda', await realDeviceProbes());
    // Whatever this machine lacks is named with a fix; a machine with everything is ready.
    for (const m of c.missing) expect(m.fix.length).toBeGreaterThan(20);
    expect(c.ready).toBe(c.missing.length === 0);
  });

  describe('creating GPU sessions', () => {
    for (const [device, result] of [
      ['webgpu', webgpuAttempt],
      ['cuda', cudaAttempt],
    ] as const) {
      (result.ok ? it.skip : it)(
        `${device}: no usable GPU here, so session creation fails and the error says what is missing`,
        () => {
          const e = describeDeviceLoadError(
            (result as { error: unknown }).error,
            device,
            '"classifier" (examples/models/classifier.onnx)',
          );
          expect(e).toBeInstanceOf(EnvironmentError);
          expect(e!.message).toMatch(device === 'webgpu' ? /no WebGPU adapter/ : /CUDA provider|needs lib|no GPU/);
        },
      );
      // Skipped on machines without a GPU (like the one these tests were written on).
      (result.ok ? it : it.skip)(
        `${device}: with a GPU, the session runs and matches the CPU provider (needs a GPU)`,
        async () => {
          const session = (result as { session: ort.InferenceSession }).session;
          const x = new ort.Tensor(
            'float32',
            Float32Array.from({ length: 4 * 784 }, (_, i) => Math.cos(i)),
            [4, 784],
          );
          const cpu = await ort.InferenceSession.create(CLASSIFIER);
          const want = (await cpu.run({ x })).y.data as Float32Array;
          const got = (await session.run({ x })).y.data as Float32Array;
          for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 3);
          await session.release();
          await cpu.release();
        },
      );
    }
  });
});
