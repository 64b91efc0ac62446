import { describe, expect, it } from 'vitest';
import { catalogueJson } from '../../scripts/build.mjs';
import { CATALOGUE } from '../../shared/catalogue/catalogue.js';
import { loadCatalogue } from '../../shared/catalogue/loadCatalogue.js';
import { CATALOGUE_FILE, readCatalogueFile } from '../../shared/catalogue/readCatalogueFile.js';

// The Lambda audits with catalogue.json (scripts/build.mjs writes it beside the bundle); the sources with CATALOGUE.
describe('the catalogue as the Lambda ships it', () => {
  it('is CATALOGUE, every entry and field as the sources have it', async () => {
    const shipped = JSON.parse(await catalogueJson()) as unknown;
    expect(shipped).toStrictEqual(CATALOGUE);
    expect((shipped as unknown[]).length).toBe(CATALOGUE.length);
  }, 30_000);

  it('is CATALOGUE itself when read from the sources', () => {
    expect(loadCatalogue()).toBe(CATALOGUE);
  });

  it('says which file is missing when read beside a module that has none', () => {
    expect(() => readCatalogueFile()).toThrow(
      new RegExp(`^cannot read the catalogue .*/shared/catalogue/${CATALOGUE_FILE}: it ships beside the bundle`),
    );
  });
});
