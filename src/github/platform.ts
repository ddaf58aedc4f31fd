/**
 * The platform check made before onnxruntime is loaded. onnxruntime-node loads its native
 * binding from `bin/napi-v6/<platform>/<arch>/` as soon as it is imported; when that file is
 * missing (the action's `dist/` ships Linux x64 only) the import would die with a raw
 * `MODULE_NOT_FOUND` stack. This turns it into one clear message and exit code 3.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';

export interface PlatformProbe {
  platform: string;
  arch: string;
  /** Whether a file exists. @default fs.existsSync */
  exists?: (file: string) => boolean;
  /** Resolves a package's package.json. @default createRequire(import.meta.url).resolve */
  resolve?: (specifier: string) => string;
}

/**
 * Throws unless onnxruntime-node has a native binding for this platform and architecture.
 * @throws EnvironmentError (exit 3) naming the platform and the supported ones.
 */
export function assertOnnxRuntimeAvailable(probe: PlatformProbe = { platform: process.platform, arch: process.arch }): void {
  const exists = probe.exists ?? existsSync;
  const resolve = probe.resolve ?? ((s: string) => createRequire(import.meta.url).resolve(s));
  let packageJson: string;
  try {
    packageJson = resolve('onnxruntime-node/package.json');
  } catch {
    throw new EnvironmentError(
      'onnxruntime-node is not installed next to energy-budget. In the GitHub Action it ships in dist/node_modules; ' +
        'check out the action at a release tag, or run `npm install` when running from source.',
    );
  }
  const binding = path.join(path.dirname(packageJson), 'bin', 'napi-v6', probe.platform, probe.arch, 'onnxruntime_binding.node');
  if (!exists(binding)) {
    throw new EnvironmentError(
      `energy-budget has no onnxruntime build for ${probe.platform}/${probe.arch} here: the GitHub Action ships the ` +
        'Linux x64 runtime only. Run the job on a Linux x64 runner (`runs-on: ubuntu-latest`), or install the CLI ' +
        'from source with `npm install` on this platform.',
    );
  }
}
