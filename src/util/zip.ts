/**
 * A small ZIP writer for a few in-memory files (the artifact the action uploads is a zip):
 * local file headers, the central directory and the end-of-central-directory record per PKWARE
 * APPNOTE.TXT 6.3.10 (sections 4.3.7, 4.3.12, 4.3.16), method 8 (raw deflate, node:zlib) or
 * 0 (stored) when deflating does not make the entry smaller, CRC-32 from node:zlib. No ZIP64:
 * entries and the archive stay under 4 GiB and 65,535 entries, which this checks.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** One file of the archive. */
export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash or `..`. */
  name: string;
  data: Uint8Array;
  /** Modification time. @default the time of the call */
  modified?: Date;
}

const MAX32 = 0xffffffff;

/** MS-DOS date and time (APPNOTE 4.4.6), local time, two-second resolution, from 1980. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * The entries as a ZIP archive.
 * @throws RangeError on an unsafe or duplicate name, or sizes past the ZIP32 limits.
 */
export function zipFiles(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new RangeError('more than 65,535 entries need ZIP64, which this writer does not write');
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (!e.name || e.name.startsWith('/') || e.name.includes('\\') || e.name.split('/').includes('..'))
      throw new RangeError(`unsafe name in the archive: ${JSON.stringify(e.name)}`);
    if (seen.has(e.name)) throw new RangeError(`duplicate name in the archive: ${e.name}`);
    seen.add(e.name);
    const name = Buffer.from(e.name, 'utf8');
    const deflated = deflateRawSync(e.data);
    const stored = deflated.length >= e.data.length;
    const body = stored ? Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength) : deflated;
    if (e.data.length > MAX32 || offset + 30 + name.length + body.length > MAX32)
      throw new RangeError('an archive over 4 GiB needs ZIP64, which this writer does not write');
    const crc = crc32(e.data);
    const { time, date } = dosDateTime(e.modified ?? new Date());
    // Version needed 2.0 (deflate); flag bit 11: the name is UTF-8 (APPNOTE 4.4.4).
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(0x0800, at + 2);
      b.writeUInt16LE(stored ? 0 : 8, at + 4);
      b.writeUInt16LE(time, at + 6);
      b.writeUInt16LE(date, at + 8);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(e.data.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      b.writeUInt16LE(0, at + 24); // extra field length
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix (3), spec 2.0
    common(central, 6);
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, directory, end]);
}
