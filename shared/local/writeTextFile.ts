import { writeFile } from 'node:fs/promises';
import { InputError } from './InputError.js';

/** Writes a UTF-8 text file, turning a failed write into an InputError that names the file and the reason. */
export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot write ${path}: ${reason}`, { cause: error });
  }
}
