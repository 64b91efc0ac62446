import type { NamedPolicy } from '../../shared/ports.js';
import type { PolicyDocument, StateMachineDescription } from '../../shared/types.js';
import { type CfnTemplate, resolveIntrinsics } from './resolveIntrinsics.js';

/** A synthesized state machine as the audit sees it: what DescribeStateMachine would say and its role's policies. */
export type ExtractedStateMachine = {
  description: StateMachineDescription;
  /** The role's inline policies and the `AWS::IAM::Policy`/`AWS::IAM::ManagedPolicy` resources attached to it. */
  policies: NamedPolicy[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function referencesRole(roles: unknown, roleLogicalId: string): boolean {
  return Array.isArray(roles) && roles.some((r) => isRecord(r) && r.Ref === roleLogicalId);
}

/** The logical id of the role a `RoleArn` property names (`Fn::GetAtt [Role, Arn]`); throws for anything else. */
function roleLogicalIdOf(roleArn: unknown, template: CfnTemplate): string {
  const getAtt = isRecord(roleArn) ? roleArn['Fn::GetAtt'] : undefined;
  const id = Array.isArray(getAtt) && getAtt[1] === 'Arn' ? getAtt[0] : undefined;
  if (typeof id !== 'string' || template.Resources[id]?.Type !== 'AWS::IAM::Role') {
    throw new Error(`the state machine's RoleArn is not a role of the template: ${JSON.stringify(roleArn)}`);
  }
  return id;
}

/** Every identity policy of the role, resolved; throws for an AWS managed policy, whose document is not in the template. */
function policiesOf(template: CfnTemplate, roleId: string): NamedPolicy[] {
  const role = template.Resources[roleId]?.Properties ?? {};
  if (role.ManagedPolicyArns !== undefined) {
    throw new Error(
      `role ${roleId} attaches managed policies the template does not define: ${JSON.stringify(role.ManagedPolicyArns)}`,
    );
  }
  const inline = ((role.Policies as unknown[] | undefined) ?? []).map((p, i) => {
    const resolved = resolveIntrinsics(p, template) as { PolicyName?: string; PolicyDocument: PolicyDocument };
    return { name: `${roleId}/${resolved.PolicyName ?? i}`, document: resolved.PolicyDocument };
  });
  const attached = Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy')
    .filter(([, r]) => referencesRole(r.Properties?.Roles, roleId))
    .map(([id, r]) => ({
      name: id,
      document: resolveIntrinsics(r.Properties?.PolicyDocument, template) as PolicyDocument,
    }));
  return [...inline, ...attached];
}

function configurationOf(properties: Record<string, unknown>, template: CfnTemplate): Partial<StateMachineDescription> {
  const logging = resolveIntrinsics(properties.LoggingConfiguration, template);
  const tracing = resolveIntrinsics(properties.TracingConfiguration, template);
  const encryption = resolveIntrinsics(properties.EncryptionConfiguration, template);
  const out: Partial<StateMachineDescription> = {};
  if (isRecord(logging)) {
    const destinations = (logging.Destinations as { CloudWatchLogsLogGroup?: { LogGroupArn?: string } }[]) ?? [];
    out.loggingConfiguration = {
      level: logging.Level as string,
      includeExecutionData: logging.IncludeExecutionData === true,
      destinations: destinations.map((d) => ({
        cloudWatchLogsLogGroup: { logGroupArn: d.CloudWatchLogsLogGroup?.LogGroupArn as string },
      })),
    };
  }
  if (isRecord(tracing)) out.tracingConfiguration = { enabled: tracing.Enabled === true };
  if (isRecord(encryption)) {
    out.encryptionConfiguration = {
      type: encryption.Type as string,
      ...(typeof encryption.KmsKeyId === 'string' ? { kmsKeyId: encryption.KmsKeyId } : {}),
    };
  }
  return out;
}

/**
 * The state machine `logicalId` of a synthesized template, resolved in the fixed account: its definition, ARN
 * `arn:aws:states:eu-west-1:111122223333:stateMachine:<name>`, role ARN, logging/tracing/encryption configuration,
 * and its role's policies.
 */
export function extractStateMachine(template: CfnTemplate, logicalId: string): ExtractedStateMachine {
  const resource = template.Resources[logicalId];
  if (resource?.Type !== 'AWS::StepFunctions::StateMachine') throw new Error(`${logicalId} is not a state machine`);
  const properties = resource.Properties ?? {};
  if (properties.DefinitionSubstitutions !== undefined) throw new Error(`${logicalId} uses DefinitionSubstitutions`);
  const definition = resolveIntrinsics(properties.DefinitionString, template);
  if (typeof definition !== 'string') throw new Error(`${logicalId} has no DefinitionString`);
  const stateMachineArn = resolveIntrinsics({ Ref: logicalId }, template) as string;
  const roleId = roleLogicalIdOf(properties.RoleArn, template);
  return {
    description: {
      stateMachineArn,
      name: stateMachineArn.split(':').at(-1) as string,
      definition,
      roleArn: resolveIntrinsics(properties.RoleArn, template) as string,
      type: properties.StateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
      ...configurationOf(properties, template),
    },
    policies: policiesOf(template, roleId),
  };
}
