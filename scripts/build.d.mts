import type { BuildOptions, BuildResult, Plugin } from 'esbuild';

/** The Lambda's esbuild options without entry point and output file. */
export const LAMBDA_OPTIONS: BuildOptions;
/** The files of the Lambda as `sam build` zips them. */
export const LAMBDA_FILES: readonly string[];
/** Replaces the IAM reference table's file reader with the table's text (needs the `.txt` text loader). */
export const inlineIamReference: Plugin;
/** Makes loadCatalogue read catalogue.json beside the bundle (one of LAMBDA_OPTIONS' plugins). */
export const catalogueFromFile: Plugin;
/** The catalogue's entries as JSON text, checked to survive the round trip: what catalogue.json holds. */
export function catalogueJson(): Promise<string>;
/** Builds the audit Lambda into `outdir`: index.mjs, its source map, iam-reference.txt and catalogue.json beside it. */
export function buildLambda<Options extends BuildOptions>(
  outdir?: string,
  options?: Options,
): Promise<BuildResult<Options & typeof LAMBDA_OPTIONS>>;
