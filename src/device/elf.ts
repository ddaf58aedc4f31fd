/**
 * The shared libraries an ELF shared object asks the dynamic loader for (its DT_NEEDED
 * entries), read from the file: the CUDA provider's exact CUDA/cuDNN dependencies, instead of
 * a list guessed per onnxruntime release.
 *
 * Layout from the System V ABI (ELF-64 Object File Format 1.5): the file header gives the
 * program headers; the PT_DYNAMIC segment holds (tag, value) pairs; DT_NEEDED values are
 * offsets into the string table that DT_STRTAB gives as a virtual address, mapped to a file
 * offset through the PT_LOAD segment that contains it. Only 64-bit little-endian files
 * (Linux x64 and arm64) are read.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const DT_NULL = 0n;
const DT_NEEDED = 1n;
const DT_STRTAB = 5n;
const DT_STRSZ = 10n;

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, offset + got);
    if (n <= 0) break;
    got += n;
  }
  if (got < length) throw new Error(`truncated ELF file (wanted ${length} bytes at ${offset})`);
  return buf;
}

/**
 * The DT_NEEDED library names of a 64-bit little-endian ELF shared object, in file order.
 * @throws Error when the file cannot be read or is not such an ELF file.
 */
export function elfNeededLibraries(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const head = readAt(fd, 0, 64);
    if (head.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path} is not an ELF file`);
    if (head[4] !== 2 || head[5] !== 1) throw new Error(`${path} is not a 64-bit little-endian ELF file`);
    const phoff = Number(head.readBigUInt64LE(0x20));
    const phentsize = head.readUInt16LE(0x36);
    const phnum = head.readUInt16LE(0x38);
    const phs = readAt(fd, phoff, phentsize * phnum);
    const loads: Array<{ vaddr: bigint; offset: bigint; filesz: bigint }> = [];
    let dynamic: { offset: number; size: number } | undefined;
    for (let i = 0; i < phnum; i++) {
      const at = i * phentsize;
      const type = phs.readUInt32LE(at);
      const offset = phs.readBigUInt64LE(at + 8);
      const vaddr = phs.readBigUInt64LE(at + 16);
      const filesz = phs.readBigUInt64LE(at + 32);
      if (type === PT_LOAD) loads.push({ vaddr, offset, filesz });
      if (type === PT_DYNAMIC) dynamic = { offset: Number(offset), size: Number(filesz) };
    }
    if (!dynamic) return [];
    const dyn = readAt(fd, dynamic.offset, dynamic.size);
    const needed: bigint[] = [];
    let strtab: bigint | undefined;
    let strsz = 0n;
    for (let at = 0; at + 16 <= dyn.length; at += 16) {
      const tag = dyn.readBigInt64LE(at);
      const value = dyn.readBigUInt64LE(at + 8);
      if (tag === DT_NULL) break;
      if (tag === DT_NEEDED) needed.push(value);
      else if (tag === DT_STRTAB) strtab = value;
      else if (tag === DT_STRSZ) strsz = value;
    }
    if (needed.length === 0 || strtab === undefined) return [];
    const seg = loads.find((l) => strtab >= l.vaddr && strtab < l.vaddr + l.filesz);
    if (!seg) throw new Error(`${path}: the string table lies outside every loaded segment`);
    const strings = readAt(fd, Number(strtab - seg.vaddr + seg.offset), Number(strsz));
    return needed.map((off) => {
      const start = Number(off);
      const end = strings.indexOf(0, start);
      return strings.subarray(start, end < 0 ? strings.length : end).toString('utf8');
    });
  } finally {
    closeSync(fd);
  }
}
