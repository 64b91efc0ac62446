import { createHash } from 'node:crypto';

/** Upper-case letters and digits, as CloudFormation's generated name suffixes (`mystack-myqueue-15PG5C2FC1CW8`). */
export const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Lower-case letters and digits (API Gateway ids `a1bcdef2gh`, Bedrock ids). */
export const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Both cases and digits (Secrets Manager's six-character suffix, state machine name suffixes). */
export const MIXED_ALPHANUMERIC = `${UPPER_ALPHANUMERIC}${LOWER_ALPHANUMERIC.slice(0, 26)}`;
/** Hexadecimal digits (UUIDs). */
export const HEX = '0123456789abcdef';

/**
 * A deterministic stand-in for a value CloudFormation or the service picks at deploy time (a name suffix, a key id, an
 * API id): `length` characters of `alphabet` drawn from the SHA-256 of the seed, so the same template, stack and
 * resource always give the same text and every `Ref`/`Fn::GetAtt` of the resource agrees with every other.
 */
export function stableId(seed: string, alphabet: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    const digest = createHash('sha256').update(`${round}\u0000${seed}`).digest();
    for (const byte of digest) {
      if (out.length === length) break;
      out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A deterministic UUID-shaped stand-in (`1b4e28ba-2fa1-4d3b-8c3e-…`) for a KMS key id, a stack id. */
export function stableUuid(seed: string): string {
  const hex = stableId(seed, HEX, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
