/** The command line was called wrongly (unknown flag, missing or conflicting options); exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
