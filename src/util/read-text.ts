/** The one file-reading seam: loaders take a ReadTextFile so tests can hand them text. */
import { readFile } from 'node:fs/promises';

/** Reads a file as UTF-8 text; the default reads from disk. */
export type ReadTextFile = (path: string) => Promise<string>;

/** Reads `path` from disk as UTF-8. */
export const readTextFile: ReadTextFile = (path) => readFile(path, 'utf8');
