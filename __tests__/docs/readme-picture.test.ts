/**
 * The README's picture of a PR comment (#19) comes from the committed script and shows the
 * current layout: scripts/render-comment.ts renders the committed real report with the same
 * renderer the action posts with, and records the SHA-256 of that Markdown in the PNG (a tEXt
 * chunk). When the comment's layout changes, this fails until `npm run render-comment` is rerun.
 */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Report } from '../../src/report/types.js';
import { commentMarkdown, PNG_SOURCE_KEY } from '../../scripts/render-comment.js';

const root = path.resolve(import.meta.dirname, '../..');
const images = path.join(root, 'docs/images');

/** The PNG's chunks (type → data), checking the signature and every chunk's CRC. */
function pngChunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    expect(png.readUInt32BE(at + 8 + len)).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
    out.push({ type, data: png.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

describe('the README picture of a PR comment', () => {
  const png = readFileSync(path.join(images, 'pr-comment.png'));
  const chunks = pngChunks(png);

  it('is in the README, with the script that makes it named', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/!\[[^\]]+\]\(docs\/images\/pr-comment\.png\)/);
    expect(readme).toContain('scripts/render-comment.ts');
  });

  it('is a real screenshot: a 960 px wide PNG with image data', () => {
    const ihdr = chunks[0];
    expect(ihdr.type).toBe('IHDR');
    expect(ihdr.data.readUInt32BE(0)).toBe(960);
    expect(ihdr.data.readUInt32BE(4)).toBeGreaterThan(600);
    expect(chunks.filter((c) => c.type === 'IDAT').reduce((n, c) => n + c.data.length, 0)).toBeGreaterThan(50_000);
  });

  it('shows the comment as the current renderer writes it (else: npm run render-comment)', () => {
    const report = JSON.parse(readFileSync(path.join(images, 'pr-comment.report.json'), 'utf8')) as Report;
    const markdown = commentMarkdown(report);
    expect(readFileSync(path.join(images, 'pr-comment.md'), 'utf8')).toBe(markdown);
    const text = chunks.find((c) => c.type === 'tEXt' && c.data.toString('latin1').startsWith(`${PNG_SOURCE_KEY}\0`));
    expect(text?.data.toString('latin1').slice(PNG_SOURCE_KEY.length + 1)).toBe(
      createHash('sha256').update(markdown).digest('hex'),
    );
    // A real comparison: Base → Head agrees with Change in every compared row.
    expect(report.models[0].budgets.some((b) => b.compared)).toBe(true);
  });
});
