import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PINNED_ONNXRUNTIME, tarballUrl } from '../../src/runtime/pinned.js';
import { PEER_RANGE } from '../../src/runtime/onnxruntime.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; integrity?: string }>;
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

describe('the pinned onnxruntime the action fetches on Linux arm64', () => {
  it.each(PINNED_ONNXRUNTIME.packages.map((p) => [p.name, p] as const))('%s equals package-lock.json', (name, pinned) => {
    const locked = lock.packages[`node_modules/${name}`];
    expect({ version: pinned.version, integrity: pinned.integrity }).toEqual({
      version: locked.version,
      integrity: locked.integrity,
    });
  });

  it('is the version the bundle ships, and the peer range the CLI accepts is package.json’s', () => {
    expect(PINNED_ONNXRUNTIME.version).toBe(lock.packages['node_modules/onnxruntime-node'].version);
    expect(pkg.peerDependencies?.['onnxruntime-node']).toBe(PEER_RANGE.text);
    expect(pkg.peerDependenciesMeta?.['onnxruntime-node']?.optional).toBe(true);
  });

  it('builds the registry’s tarball URLs', () => {
    expect(tarballUrl('https://registry.npmjs.org/', PINNED_ONNXRUNTIME.packages[0])).toBe(
      'https://registry.npmjs.org/onnxruntime-node/-/onnxruntime-node-1.30.0.tgz',
    );
    expect(tarballUrl('http://127.0.0.1:1', { name: '@koromix/koffi-linux-arm64', version: '3.3.4', integrity: '' })).toBe(
      'http://127.0.0.1:1/@koromix/koffi-linux-arm64/-/koffi-linux-arm64-3.3.4.tgz',
    );
  });
});
