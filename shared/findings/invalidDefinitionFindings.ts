import type { DefinitionIssue } from '../asl/types.js';
import type { Finding } from '../types.js';
import { findingId } from './findingId.js';
import { stateRefOfPath } from './stateRefOfPath.js';

/** The page that defines the Amazon States Language the definition must follow. */
const ASL_SPEC = 'https://states-language.net/spec.html';

/**
 * One HIGH InvalidDefinition finding per definition issue: the state machine cannot be checked, and AWS rejects the
 * definition on deploy (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html).
 */
export function invalidDefinitionFindings(
  issues: readonly DefinitionIssue[],
  stateMachineArn: string | null,
): Finding[] {
  return issues.map((issue) => {
    const state = stateRefOfPath(issue.path);
    const where = issue.path.length === 0 ? 'the definition' : issue.path.join(' › ');
    return {
      id: findingId({
        stateMachineArn,
        rule: 'InvalidDefinition',
        state: { name: state?.name ?? '', path: issue.path },
        actions: [],
        resources: [],
        discriminator: issue.message,
      }),
      rule: 'InvalidDefinition',
      severity: 'HIGH',
      purpose: null,
      state,
      integration: null,
      actions: [],
      resources: [],
      decision: null,
      title: `Invalid definition at ${where}: ${issue.message}`,
      consequence:
        'Step Functions rejects this definition on create or update, and its permissions cannot be checked until it is fixed',
      docs: ASL_SPEC,
      details: { path: issue.path, message: issue.message },
    };
  });
}
