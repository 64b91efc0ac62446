import { readFileBesideBundle } from '../readFileBesideBundle.js';

/** The file name of the IAM reference table, beside this module in the sources and beside the Lambda bundle. */
export const IAM_REFERENCE_FILE = 'iam-reference.txt';

/**
 * The text of the IAM reference table (written by scripts/generateIamReference.mjs), read on the first lookup. The
 * URL is relative to this module, so it names shared/catalogue/generated/iam-reference.txt from the sources (tsx,
 * Vitest) and the file beside the bundle from an esbuild bundle, whose `import.meta.url` is the bundle's own
 * (dist/functions/audit/index.mjs: scripts/build.mjs copies the file there; dist/cli.mjs gets the text inlined
 * instead). It is data of the program, not input: reading it is part of loading the program, done once.
 */
export function readIamReferenceText(): string {
  return readFileBesideBundle(new URL('./iam-reference.txt', import.meta.url), 'the IAM reference table');
}
