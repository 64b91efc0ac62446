/** True for a JSON object (not null, not an array): the shape every AWS CLI output file starts with. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
