import type { PolicyDocument } from '../../types.js';

/** An AWS managed policy shipped as data: its document and the version it was read at. */
export type AwsManagedPolicy = { readonly name: string; readonly version: string; readonly document: PolicyDocument };

/**
 * The document of an AWS managed policy by ARN (`arn:aws:iam::aws:policy/…`, any partition) or bare name, or
 * undefined when it is not shipped (being built, issue 9: none yet).
 */
export function awsManagedPolicy(_arnOrName: string): AwsManagedPolicy | undefined {
  return undefined;
}
