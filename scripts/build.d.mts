import type { BuildOptions, BuildResult, Plugin } from 'esbuild';

/** The Lambda's esbuild options without entry point and output file. */
export const LAMBDA_OPTIONS: BuildOptions;
/** The files of the Lambda as `sam build` zips them. */
export const LAMBDA_FILES: readonly string[];
/** Replaces the IAM reference table's file reader with the table's text (needs the `.txt` text loader). */
export const inlineIamReference: Plugin;
/** Builds the audit Lambda into `outdir`: index.mjs, its source map and iam-reference.txt beside it. */
export function buildLambda<Options extends BuildOptions>(
  outdir?: string,
  options?: Options,
): Promise<BuildResult<Options & typeof LAMBDA_OPTIONS>>;
