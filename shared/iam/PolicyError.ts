/**
 * A policy document the evaluator cannot read (not an object, no Statement, bad Effect, unknown condition operator…);
 * the message names the policy (the CLI names policies after their file) and the statement (Sid or `#index`).
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  readonly policy: string;
  readonly statement: string | undefined;

  constructor(policy: string, statement: string | undefined, detail: string) {
    super(`${policy}: ${statement === undefined ? '' : `statement ${statement}: `}${detail}`);
    this.policy = policy;
    this.statement = statement;
  }
}
