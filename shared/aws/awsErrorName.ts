/** The `name` of an AWS SDK v3 service exception (`StateMachineDoesNotExist`, `NoSuchEntityException`…), or ''. */
export function awsErrorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

/** Wraps a failed AWS call in an Error that names the call and keeps the SDK error as `cause`. */
export function awsCallError(call: string, target: string, error: unknown): Error {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new Error(`${call} ${target} failed: ${reason}`, { cause: error });
}
