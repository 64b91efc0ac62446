import type { ExecutionRole, TemplateModel, TemplateResource } from '../model.js';

/**
 * The execution role of a state machine resource of the template (being built, issue 9): for now only its ARN, with
 * no policy known.
 */
export function executionRoleOf(model: TemplateModel, stateMachine: TemplateResource): ExecutionRole {
  const role = stateMachine.properties.RoleArn ?? stateMachine.properties.Role;
  const roleArn = role === undefined ? undefined : model.resolve(role);
  return {
    roleArn: typeof roleArn === 'string' ? roleArn : undefined,
    inTemplate: false,
    identity: [],
    findings: [],
  };
}
