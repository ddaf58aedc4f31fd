/**
 * Builds small gzip-compressed tar files for tests (ustar headers, optional pax `path`
 * records for long names), so the npm-tarball reader is tested without a system tar.
 */
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  data?: string | Buffer;
  /** '0' file (default), '5' directory; a name over 100 bytes gets a pax header. */
  type?: '0' | '5';
}

function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

function pad(data: Buffer): Buffer {
  const rest = data.length % 512;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(512 - rest)]);
}

/** A .tgz holding `entries` in order. */
export function makeTarGz(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    if (Buffer.byteLength(e.name) > 100) {
      let record = ` path=${e.name}\n`;
      let len = record.length;
      while (String(len).length + record.length !== len) len = String(len).length + record.length;
      record = `${len}${record}`;
      const body = Buffer.from(record);
      parts.push(header('PaxHeader', body.length, 'x'), pad(body));
    }
    parts.push(header(e.name, e.type === '5' ? 0 : data.length, e.type ?? '0'));
    if (e.type !== '5') parts.push(pad(data));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
