/**
 * The gzip size of files taken one after another, streamed (bounded memory whatever their
 * size): the compressed size of a model whose weights live in external-data files.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/**
 * Bytes of the gzip stream (at `level`) of the files' contents concatenated in order.
 * @throws Error from node:fs when a file cannot be read.
 */
export async function gzipSizeOfFiles(files: readonly string[], level: number): Promise<number> {
  const gzip = createGzip({ level });
  let size = 0;
  const count = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done();
    },
  });
  const done = pipeline(gzip, count);
  for (const file of files) {
    for await (const chunk of createReadStream(file)) {
      if (!gzip.write(chunk)) await new Promise((resume) => gzip.once('drain', resume));
    }
  }
  gzip.end();
  await done;
  return size;
}
