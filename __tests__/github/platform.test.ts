import { describe, expect, it } from '@jest/globals';
import { EnvironmentError } from '../../src/errors.js';
import { assertOnnxRuntimeAvailable } from '../../src/github/platform.js';

describe('assertOnnxRuntimeAvailable', () => {
  const resolve = () => '/action/dist/node_modules/onnxruntime-node/package.json';
  const shipped = (file: string) =>
    file === '/action/dist/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node';

  it('accepts Linux x64, where dist/ ships the binding', () => {
    expect(() => assertOnnxRuntimeAvailable({ platform: 'linux', arch: 'x64', resolve, exists: shipped })).not.toThrow();
  });

  it.each([
    ['darwin', 'arm64'],
    ['win32', 'x64'],
    ['linux', 'arm64'],
  ])('refuses %s/%s with exit code 3 and says what to do', (platform, arch) => {
    let error: unknown;
    try {
      assertOnnxRuntimeAvailable({ platform, arch, resolve, exists: shipped });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as Error).message).toContain(`${platform}/${arch}`);
    expect((error as Error).message).toContain('runs-on: ubuntu-latest');
  });

  it('explains a missing onnxruntime-node', () => {
    expect(() =>
      assertOnnxRuntimeAvailable({
        platform: 'linux',
        arch: 'x64',
        resolve: () => {
          throw new Error('MODULE_NOT_FOUND');
        },
        exists: () => true,
      }),
    ).toThrow(/onnxruntime-node is not installed/);
  });

  it('finds the real package on this machine', () => {
    expect(() => assertOnnxRuntimeAvailable()).not.toThrow();
  });
});
