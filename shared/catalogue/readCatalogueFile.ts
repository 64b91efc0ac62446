import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Integration } from './types.js';

/** The file name of the catalogue as JSON, beside the Lambda bundle (scripts/build.mjs writes it; the URL below names it). */
export const CATALOGUE_FILE = 'catalogue.json';

let entries: readonly Integration[] | undefined;

/**
 * The catalogue entries as scripts/build.mjs wrote them beside the Lambda bundle (CATALOGUE through a JSON round trip
 * it checks), read and parsed once, on the first call. The URL is relative to this module: in a bundle that is the
 * bundle's own file (dist/functions/audit/index.mjs); in the sources no such file exists, and the call says so. Data
 * of the program, not input: reading it is part of loading the program.
 */
export function readCatalogueFile(): readonly Integration[] {
  if (entries !== undefined) return entries;
  const file = new URL('./catalogue.json', import.meta.url);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the catalogue ${fileURLToPath(file)}: it ships beside the bundle (scripts/build.mjs)`,
      {
        cause: error,
      },
    );
  }
  entries = JSON.parse(text) as readonly Integration[];
  return entries;
}
