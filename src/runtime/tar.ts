/**
 * Reads a gzip-compressed tar file (an npm package tarball) as a stream and writes the regular
 * files a filter picks, never holding more than one entry in memory. Handles ustar names with
 * a prefix, pax `path` records and GNU long names, which is all npm's tarballs use
 * (POSIX.1-2008 "pax" format, https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html).
 */
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';

const BLOCK = 512;

/** A FIFO of byte chunks that hands out exact lengths without copying the whole stream. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  /** Removes and returns the first `n` bytes (n <= length). */
  take(n: number): Buffer {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      const head = this.chunks[0];
      if (head.length <= need) {
        parts.push(head);
        this.chunks.shift();
        need -= head.length;
      } else {
        parts.push(head.subarray(0, need));
        this.chunks[0] = head.subarray(need);
        need = 0;
      }
    }
    this.length -= n;
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, n);
  }
}

/** A NUL-terminated string field of a header. */
function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

/** The size field: octal text, or base-256 when its first byte has the high bit set. */
function sizeOf(block: Buffer): number {
  const raw = block.subarray(124, 136);
  if (raw[0] & 0x80) {
    let n = raw[0] & 0x7f;
    for (let i = 1; i < raw.length; i++) n = n * 256 + raw[i];
    return n;
  }
  const text = field(block, 124, 12).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The `path` record of a pax extended header, if any. */
function paxPath(body: Buffer): string | undefined {
  let at = 0;
  const text = body.toString('utf8');
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    if (space < 0) break;
    const len = Number(text.slice(at, space));
    if (!Number.isFinite(len) || len <= 0) break;
    const record = text.slice(space + 1, at + len - 1);
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') return record.slice(eq + 1);
    at += len;
  }
  return undefined;
}

/**
 * Extracts the regular files of `archive` for which `pick(name)` returns a relative
 * destination, below `destDir`. Names and destinations that would leave `destDir` are refused.
 * @returns the number of files written.
 * @throws Error on a truncated or malformed archive, or a destination outside destDir.
 */
export async function extractTarGz(archive: string, destDir: string, pick: (name: string) => string | null): Promise<number> {
  const queue = new ByteQueue();
  let written = 0;
  let header: { name: string; type: string; size: number } | null = null;
  let longName: string | undefined;
  let ended = false;
  const root = path.resolve(destDir);

  const handle = async (name: string, type: string, body: Buffer): Promise<void> => {
    if (type === 'x') longName = paxPath(body) ?? longName;
    else if (type === 'L') longName = field(body, 0, body.length);
    else if (type === '0' || type === '\0' || type === '') {
      const rel = pick(name);
      if (rel === null) return;
      const dest = path.resolve(root, rel);
      if (dest !== root && !dest.startsWith(root + path.sep)) {
        throw new Error(`tar entry ${name} would be written outside ${destDir}`);
      }
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, body);
      written++;
    }
  };

  const stream = createReadStream(archive).pipe(createGunzip());
  for await (const chunk of stream) {
    if (ended) continue;
    if (!Buffer.isBuffer(chunk)) throw new Error('gunzip gave a chunk that is not a Buffer (internal error).');
    queue.push(chunk);
    for (;;) {
      if (header === null) {
        if (queue.length < BLOCK) break;
        const block = queue.take(BLOCK);
        if (block.every((b) => b === 0)) {
          ended = true;
          break;
        }
        const prefix = field(block, 257, 6) === 'ustar' ? field(block, 345, 155) : '';
        const base = field(block, 0, 100);
        const name = longName ?? (prefix ? `${prefix}/${base}` : base);
        const type = String.fromCharCode(block[156]);
        if (type !== 'x' && type !== 'L' && type !== 'g') longName = undefined;
        header = { name, type, size: sizeOf(block) };
      }
      const padded = Math.ceil(header.size / BLOCK) * BLOCK;
      if (queue.length < padded) break;
      const body = queue.take(padded).subarray(0, header.size);
      const h = header;
      header = null;
      await handle(h.name, h.type, body);
    }
  }
  if (!ended && (header !== null || queue.length > 0))
    throw new Error(`${archive} is truncated (the tar stream ends inside an entry)`);
  return written;
}
