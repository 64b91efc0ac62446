import type { PolicyDocument } from '../types.js';
import { InputError } from './InputError.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a value shaped like an IAM policy document: an object whose Statement is an object or an array. */
export function isPolicyDocument(value: unknown): value is PolicyDocument {
  return isRecord(value) && (isRecord(value.Statement) || Array.isArray(value.Statement));
}

function parseDocumentText(text: string, source: string): unknown {
  const trimmed = text.trim();
  // IAM APIs return documents URL-encoded (RFC 3986); the AWS CLI decodes them, the SDKs do not.
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html
  let body = trimmed;
  if (!trimmed.startsWith('{')) {
    try {
      body = decodeURIComponent(trimmed);
    } catch (error) {
      throw new InputError(`${source}: the policy document is neither JSON nor URL-encoded JSON`, { cause: error });
    }
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${source}: the policy document is not valid JSON: ${reason}`, { cause: error });
  }
}

/**
 * Turns a policy document as the AWS CLI or an SDK prints it (an object, JSON text or URL-encoded JSON text) into a
 * PolicyDocument, throwing an InputError naming `source` when it is not one.
 */
export function decodePolicyDocument(value: unknown, source: string): PolicyDocument {
  const document = typeof value === 'string' ? parseDocumentText(value, source) : value;
  if (!isPolicyDocument(document)) {
    throw new InputError(`${source}: expected an IAM policy document (an object with a Statement)`);
  }
  return document;
}
