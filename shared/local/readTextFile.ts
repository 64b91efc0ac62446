import { open } from 'node:fs/promises';
import { InputError } from './InputError.js';
import { describeSize, type InputLimit } from './inputLimits.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ENOTDIR: 'a part of the path is not a directory',
};

const CHUNK_BYTES = 64 * 1024;

function readFailure(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = Object.hasOwn(REASONS, code) ? REASONS[code] : error instanceof Error ? error.message : String(error);
  return new InputError(`cannot read ${path}: ${reason}`, { cause: error });
}

function tooLarge(path: string, limit: InputLimit): InputError {
  return new InputError(
    `${path}: larger than ${describeSize(limit.bytes)}, the limit for a ${limit.what} (${limit.why})`,
  );
}

/**
 * Reads a UTF-8 text file of at most `limit.bytes`, turning a failed read into an InputError that names the file and
 * the reason; a larger file fails before it is read, and a pipe or device (`<(aws …)`, /dev/zero) is read only up
 * to the limit, so no input exhausts memory.
 */
export async function readTextFile(path: string, limit: InputLimit): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw readFailure(path, error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw readFailure(path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    if (stat.isFile() && stat.size > limit.bytes) throw tooLarge(path, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit.bytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit.bytes) throw tooLarge(path, limit);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    throw error instanceof InputError ? error : readFailure(path, error);
  } finally {
    await handle.close();
  }
}
