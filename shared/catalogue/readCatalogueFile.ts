import { readFileBesideBundle } from './readFileBesideBundle.js';
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
  entries ??= JSON.parse(
    readFileBesideBundle(new URL('./catalogue.json', import.meta.url), 'the catalogue'),
  ) as readonly Integration[];
  return entries;
}
