/**
 * Report files that survive being killed: the text goes to a temporary file in the same
 * folder (created exclusively, so it is always one this process made), is flushed to disk and
 * then renamed over the target. rename(2) within one file system replaces the target in one
 * step, so a reader sees the old file or the new one, never a torn one
 * (https://pubs.opengroup.org/onlinepubs/9799919799/functions/rename.html).
 * A process killed before the rename leaves at most a `.NAME.*.tmp` file beside the target.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `data` to `file` atomically (temp file + fsync + rename in the same folder); creates the folder.
 * @throws the file system's error (the temporary file is removed first).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': fails if the name exists, so the rename below only ever moves a file made here.
  const handle = await open(tmp, 'wx', 0o644);
  let renamed = false;
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await rename(tmp, file);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => {});
      await unlink(tmp).catch(() => {});
    }
  }
}
