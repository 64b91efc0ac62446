import { decodeIamDocument } from '../aws/decodeIamDocument.js';
import type { PolicyDocument } from '../types.js';
import { InputError } from './InputError.js';
import { isRecord } from './isRecord.js';

/** True for a value shaped like an IAM policy document: an object whose Statement is an object or an array. */
export function isPolicyDocument(value: unknown): value is PolicyDocument {
  return isRecord(value) && (isRecord(value.Statement) || Array.isArray(value.Statement));
}

/**
 * Turns a policy document as the AWS CLI or an SDK prints it (an object, JSON text, or URL-encoded JSON text as the
 * IAM API returns it) into a PolicyDocument, throwing an InputError naming `source` when it is not one.
 */
export function decodePolicyDocument(value: unknown, source: string): PolicyDocument {
  if (typeof value === 'string') {
    try {
      return decodeIamDocument(value, source);
    } catch (error) {
      throw new InputError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
  if (!isPolicyDocument(value)) {
    throw new InputError(`${source}: expected an IAM policy document (an object with a Statement)`);
  }
  return value;
}
