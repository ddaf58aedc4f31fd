import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countsInParallel } from '../../src/engine/instructions.js';
import { vgdbFor } from '../../src/instructions/valgrind.js';

describe('both sides at once', () => {
  it.each([
    [2, 2, true],
    [2, 16, true],
    [2, 1, false],
    [1, 8, false],
  ])('%i side(s) on %i core(s): in parallel %s', (sides, cores, parallel) => {
    expect(countsInParallel(sides, cores)).toBe(parallel);
  });
});

describe('vgdbFor', () => {
  it('takes vgdb beside the valgrind binary found, else vgdb on PATH', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eb-vgdb-'));
    try {
      expect(vgdbFor(path.join(dir, 'valgrind'))).toBe('vgdb');
      writeFileSync(path.join(dir, 'vgdb'), '');
      expect(vgdbFor(path.join(dir, 'valgrind'))).toBe(path.join(dir, 'vgdb'));
      expect(vgdbFor('valgrind')).toBe('vgdb');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
