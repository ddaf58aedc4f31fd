/**
 * The onnxruntime packages the action fetches from the npm registry on Linux arm64 runners
 * (src/runtime/fetch.ts), pinned by version and Subresource Integrity hash. They must equal
 * package-lock.json's entries (the version the bundle ships for Linux x64):
 * __tests__/runtime/pinned.test.ts fails when an upgrade leaves them behind.
 */

/** One npm package tarball: name, exact version and its `dist.integrity` (sha512, base64). */
export interface PinnedPackage {
  name: string;
  version: string;
  integrity: string;
}

/** The tool-cache tool name of the fetched runtime (`$RUNNER_TOOL_CACHE/<name>/<version>/<arch>`). */
export const TOOL_CACHE_NAME = 'energy-budget-onnxruntime';

/** onnxruntime-node and the onnxruntime-common it requires, as package-lock.json pins them. */
export const PINNED_ONNXRUNTIME = {
  version: '1.30.0',
  packages: [
    {
      name: 'onnxruntime-node',
      version: '1.30.0',
      integrity: 'sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==',
    },
    {
      name: 'onnxruntime-common',
      version: '1.30.0',
      integrity: 'sha512-7fdVWjAID1dVhH/G8qK3APARunV4VkBFoCQAP7qp4Wkab0mrorvmc+sqiT+mKXOzDqdjN5j+/Z9nb4gzNPWcyA==',
    },
  ] satisfies PinnedPackage[],
} as const;

/** The registry's tarball URL of a package (`<registry>/<name>/-/<basename>-<version>.tgz`). */
export function tarballUrl(registry: string, pkg: PinnedPackage): string {
  const base = pkg.name.includes('/') ? pkg.name.split('/')[1] : pkg.name;
  return `${registry.replace(/\/+$/, '')}/${pkg.name}/-/${base}-${pkg.version}.tgz`;
}
