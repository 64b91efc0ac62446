import { CATALOGUE } from './catalogue.js';
import type { Integration } from './types.js';

/**
 * Every catalogue entry, for the lookups that index them on their first call (findIntegration, findCrossCutting). From
 * the sources (tsx, Vitest, the CLI bundle) this is CATALOGUE itself; the Lambda bundle replaces this module with
 * readCatalogueFile, which reads the same entries as JSON beside the bundle on the first call (scripts/build.mjs), so a
 * cold start does not parse and run ~115 KiB of object literals before its first audit needs them.
 */
export function loadCatalogue(): readonly Integration[] {
  return CATALOGUE;
}
