/**
 * Extracts chosen files from a .zip (a NuGet .nupkg is one) or a .tgz, streaming, so a
 * several-hundred-megabyte archive never sits in memory. Only regular files are extracted, each
 * to `destDir/<name>` (names are ours, never the archive's, so an entry cannot write outside
 * `destDir`), with its size and SHA-256 computed on the way.
 *
 * Formats: ZIP per PKWARE APPNOTE.TXT 6.3 (end-of-central-directory record, ZIP64 locator and
 * extra field 0x0001, central and local headers; methods 0 stored and 8 deflate), TAR per
 * POSIX.1-2001 ustar (512-byte headers, octal sizes, name prefix) with the GNU `L` long-name
 * and pax `x` path records.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createInflateRaw } from 'node:zlib';
import { InternalError } from '../errors.js';

/** Which files to take: our file name → the entry path in the archive (`*` + `/suffix` matches any prefix). */
export type WantedEntries = Record<string, string>;

/** An extracted file. */
export interface ExtractedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** The archive is malformed or lacks a wanted entry (the caller names the download). */
export class ArchiveError extends InternalError {
  constructor(message: string) {
    super('ENVIRONMENT', message);
    this.name = 'ArchiveError';
  }
}

function matches(pattern: string, entry: string): boolean {
  return pattern.startsWith('*/') ? entry.endsWith(pattern.slice(1)) : entry === pattern;
}

function wantedName(wanted: WantedEntries, entry: string): string | undefined {
  return Object.keys(wanted).find((name) => matches(wanted[name], entry));
}

function missingError(wanted: WantedEntries, found: Set<string>, kind: string): ArchiveError {
  const lacking = Object.keys(wanted)
    .filter((n) => !found.has(n))
    .map((n) => wanted[n]);
  return new ArchiveError(`the ${kind} archive has no ${lacking.join(', ')}`);
}

/** A pass-through that hashes and counts. */
function hasher(): { stream: Transform; result: () => { bytes: number; sha256: string } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

async function readAt(path: string, offset: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
  external: number;
  madeBy: number;
}

async function zipEntries(path: string): Promise<ZipEntry[]> {
  const fh = await open(path, 'r');
  let size: number;
  try {
    size = (await fh.stat()).size;
  } finally {
    await fh.close();
  }
  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const tailLength = Math.min(size, 22 + 65535 + 20);
  const tail = await readAt(path, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError('not a ZIP file (no end-of-central-directory record)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw new ArchiveError('ZIP64 archive without its locator');
    const z64 = await readAt(path, Number(tail.readBigUInt64LE(loc + 8)), 56);
    if (z64.readUInt32LE(0) !== 0x06064b50) throw new ArchiveError('bad ZIP64 end-of-central-directory record');
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size)
    throw new ArchiveError('the ZIP central directory lies past the end of the file (truncated download?)');
  const cd = await readAt(path, cdOffset, cdSize);
  const out: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) throw new ArchiveError('bad ZIP central directory entry');
    const nameLen = cd.readUInt16LE(at + 28);
    const extraLen = cd.readUInt16LE(at + 30);
    const commentLen = cd.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      madeBy: cd.readUInt16LE(at + 4) >> 8,
      method: cd.readUInt16LE(at + 10),
      compressed: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
      external: cd.readUInt32LE(at + 38),
      name: cd.subarray(at + 46, at + 46 + nameLen).toString('utf8'),
    };
    // ZIP64 extra field: the 64-bit values, in this order, for those set to 0xffffffff.
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (entry.size === 0xffffffff) {
          entry.size = Number(cd.readBigUInt64LE(p));
          p += 8;
        }
        if (entry.compressed === 0xffffffff) {
          entry.compressed = Number(cd.readBigUInt64LE(p));
          p += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = Number(cd.readBigUInt64LE(p));
      }
      x += 4 + len;
    }
    out.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function writeStreamTo(
  source: Readable,
  transforms: Transform[],
  dest: string,
): Promise<{ bytes: number; sha256: string }> {
  const h = hasher();
  const tmp = `${dest}.partial-${process.pid}`;
  try {
    await pipeline([source, ...transforms, h.stream, createWriteStream(tmp)]);
    await rename(tmp, dest);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return h.result();
}

/**
 * Extracts the wanted entries of a ZIP file into `destDir`.
 * @throws ArchiveError for a malformed archive, a missing entry, an unsupported method or a
 *   size that does not match the directory; Error from node:fs/zlib.
 */
export async function extractZip(
  archive: string,
  wanted: WantedEntries,
  destDir: string,
): Promise<Record<string, ExtractedFile>> {
  const entries = await zipEntries(archive);
  const out: Record<string, ExtractedFile> = {};
  for (const e of entries) {
    const name = wantedName(wanted, e.name);
    if (!name || out[name]) continue;
    // Unix mode in the high 16 bits of the external attributes when made on Unix (3): a symlink is 0o120000.
    if (e.madeBy === 3 && ((e.external >>> 16) & 0o170000) === 0o120000)
      throw new ArchiveError(`${e.name} is a symbolic link in the archive, expected a file`);
    if (e.method !== 0 && e.method !== 8)
      throw new ArchiveError(`${e.name} uses ZIP compression method ${e.method}; only stored (0) and deflate (8) are supported`);
    const local = await readAt(archive, e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new ArchiveError(`bad ZIP local header for ${e.name}`);
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const dest = join(destDir, name);
    const source = e.compressed > 0 ? createReadStream(archive, { start, end: start + e.compressed - 1 }) : Readable.from([]);
    const r = await writeStreamTo(source, e.method === 8 ? [createInflateRaw()] : [], dest);
    if (r.bytes !== e.size) throw new ArchiveError(`${e.name} extracted to ${r.bytes} bytes, but the archive says ${e.size}`);
    out[name] = { path: dest, ...r };
  }
  if (Object.keys(out).length !== Object.keys(wanted).length) throw missingError(wanted, new Set(Object.keys(out)), 'ZIP');
  return out;
}

function octal(buf: Buffer, at: number, len: number): number {
  // GNU base-256 for sizes ≥ 8 GiB: top bit of the first byte set.
  if (buf[at] & 0x80) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + buf[i];
    return v;
  }
  const s = buf
    .subarray(at, at + len)
    .toString('latin1')
    .replace(/\0.*$/s, '')
    .trim();
  if (s !== '' && !/^[0-7]+$/.test(s)) throw new ArchiveError(`bad TAR header number "${s}"`);
  return s === '' ? 0 : parseInt(s, 8);
}

function cstring(buf: Buffer, at: number, len: number): string {
  const s = buf.subarray(at, at + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? s.length : end).toString('utf8');
}

/**
 * Extracts the wanted regular files of a gzip-compressed TAR file into `destDir`.
 * @throws ArchiveError for a malformed archive, a missing entry or a wanted entry that is a
 *   link; Error from node:fs/zlib (e.g. a corrupt gzip stream).
 */
export async function extractTgz(
  archive: string,
  wanted: WantedEntries,
  destDir: string,
): Promise<Record<string, ExtractedFile>> {
  const out: Record<string, ExtractedFile> = {};
  const gunzip = createGunzip();
  const src = createReadStream(archive);
  src.on('error', (e) => gunzip.destroy(e));
  src.pipe(gunzip);

  let pending = Buffer.alloc(0);
  let header: { name: string; size: number; type: string } | null = null;
  let remaining = 0; // data bytes of the current entry still to come
  let padding = 0; // then zero padding to the next 512-byte block
  let longName: string | null = null;
  // Mutated inside the helpers below; kept in one object so TypeScript does not narrow them away.
  const cur: {
    meta: Buffer[] | null; // the data of an L or x record being collected
    sink: {
      fh: Awaited<ReturnType<typeof open>>;
      name: string;
      tmp: string;
      hash: ReturnType<typeof createHash>;
      bytes: number;
    } | null;
  } = { meta: null, sink: null };
  let ended = false;

  const startEntry = async (h: Buffer): Promise<void> => {
    let name = cstring(h, 0, 100);
    const prefix = h.subarray(257, 262).toString('latin1') === 'ustar' ? cstring(h, 345, 155) : '';
    if (prefix) name = `${prefix}/${name}`;
    if (longName !== null) name = longName;
    longName = null;
    const type = String.fromCharCode(h[156] || 48);
    const size = octal(h, 124, 12);
    header = { name, size, type };
    remaining = size;
    padding = (512 - (size % 512)) % 512;
    if (type === 'L' || type === 'x') {
      cur.meta = [];
      return;
    }
    const target = wantedName(wanted, name.replace(/^\.\//, ''));
    if (!target || out[target]) return;
    if (type !== '0' && type !== '7')
      throw new ArchiveError(
        `${name} is ${type === '2' ? 'a symbolic link' : type === '1' ? 'a hard link' : `of TAR type ${type}`} in the archive, expected a file`,
      );
    const tmp = join(destDir, `${target}.partial-${process.pid}`);
    cur.sink = { fh: await open(tmp, 'w'), name: target, tmp, hash: createHash('sha256'), bytes: 0 };
  };

  const endEntry = async (): Promise<void> => {
    if (cur.meta && header) {
      const data = Buffer.concat(cur.meta);
      if (header.type === 'L') longName = cstring(data, 0, data.length);
      else {
        // pax records: "<length> <key>=<value>\n"
        for (const line of data.toString('utf8').split('\n')) {
          const m = /^\d+ path=(.*)$/.exec(line);
          if (m) longName = m[1];
        }
      }
    }
    cur.meta = null;
    const sink = cur.sink;
    if (sink) {
      await sink.fh.close();
      const dest = join(destDir, sink.name);
      await rename(sink.tmp, dest);
      out[sink.name] = { path: dest, bytes: sink.bytes, sha256: sink.hash.digest('hex') };
      cur.sink = null;
    }
    header = null;
  };

  try {
    for await (const chunk of gunzip) {
      if (ended) continue;
      if (!Buffer.isBuffer(chunk)) throw new ArchiveError('gunzip gave a chunk that is not a Buffer (internal error)');
      let buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.alloc(0);
      while (buf.length > 0) {
        if (header && remaining > 0) {
          const take = buf.subarray(0, Math.min(remaining, buf.length));
          if (cur.meta) cur.meta.push(Buffer.from(take));
          const sink = cur.sink;
          if (sink) {
            sink.hash.update(take);
            sink.bytes += take.length;
            await sink.fh.write(take);
          }
          remaining -= take.length;
          buf = buf.subarray(take.length);
          if (remaining === 0 && padding === 0) await endEntry();
          continue;
        }
        if (header && padding > 0) {
          const skip = Math.min(padding, buf.length);
          padding -= skip;
          buf = buf.subarray(skip);
          if (padding === 0) await endEntry();
          continue;
        }
        if (header) await endEntry(); // a zero-length entry
        if (buf.length < 512) {
          pending = Buffer.from(buf);
          break;
        }
        const h = buf.subarray(0, 512);
        buf = buf.subarray(512);
        if (h.every((b) => b === 0)) {
          ended = true;
          break;
        }
        await startEntry(h);
        if (remaining === 0 && padding === 0) await endEntry();
      }
    }
    const open_ = header as { name: string } | null;
    if (open_ && (remaining > 0 || padding > 0))
      throw new ArchiveError(`the TAR archive ends inside ${open_.name} (truncated download?)`);
  } catch (error) {
    if (cur.sink) {
      await cur.sink.fh.close().catch(() => undefined);
      await rm(cur.sink.tmp, { force: true });
    }
    throw error;
  }
  if (Object.keys(out).length !== Object.keys(wanted).length) throw missingError(wanted, new Set(Object.keys(out)), 'TAR');
  return out;
}
