/**
 * Writes the repository's example and fixture models from the deterministic builders in
 * src/model/examples.ts. Run from the repository root:
 *
 *   npm run generate-models
 *
 * The output is byte-for-byte reproducible; __tests__/model/examples.test.ts fails when a
 * committed file differs from what the builders produce now.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EXAMPLE_MODELS } from '../src/model/examples.js';
import { encodeModel } from '../src/model/onnx.js';

/** Writes every example model under `root` and returns the paths written with their sizes. */
export function generateModels(root: string): Array<{ path: string; bytes: number }> {
  return EXAMPLE_MODELS.map(({ file, build }) => {
    const path = resolve(root, file);
    const bytes = encodeModel(build());
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return { path: file, bytes: bytes.length };
  });
}

if (process.argv[1] && /generate-models\.m?js$/.test(resolve(process.argv[1]))) {
  for (const { path, bytes } of generateModels(process.cwd())) console.log(`${path}  ${bytes} bytes`);
}
