import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The text of a data file of the program at `file` (a URL the caller makes relative to its own module, so from an
 * esbuild bundle it names the file beside the bundle), or an Error naming `what` and the path, with the read error as
 * its cause: such a file is part of the program, so its absence is a broken build, not bad input.
 */
export function readFileBesideBundle(file: URL, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${what} ${fileURLToPath(file)}: it ships beside the bundle (scripts/build.mjs)`, {
      cause: error,
    });
  }
}
