import { readFile } from 'node:fs/promises';
import { InputError } from './InputError.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ENOTDIR: 'a part of the path is not a directory',
};

/** Reads a UTF-8 text file, turning a failed read into an InputError that names the file and the reason. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot read ${path}: ${reason}`, { cause: error });
  }
}
