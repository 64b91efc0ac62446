// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../shared/asl/types.js';
import { compileTemplate } from '../../shared/requirements/compileTemplate.js';
import { expandTemplate, type TemplateEnv } from '../../shared/requirements/expandTemplate.js';

function envWith(fields: Record<string, FieldValue[]>, extras: Record<string, string> = {}): TemplateEnv {
  return {
    location: { partition: 'aws', region: 'us-east-1', account: '111122223333' },
    stateMachineName: 'orders',
    stateMachineArn: 'arn:aws:states:us-east-1:111122223333:stateMachine:orders',
    resource: 'arn:aws:states:::x:y',
    extras,
    read: (field) => fields[field] ?? [],
  };
}

const lit = (value: unknown): FieldValue => ({ kind: 'literal', value });
const dyn = (knownPrefix?: string): FieldValue =>
  knownPrefix === undefined
    ? { kind: 'dynamic', expression: '$.x' }
    : { kind: 'dynamic', expression: '$.x', knownPrefix };

describe('expandTemplate', () => {
  it('fills context placeholders and a literal parameter', () => {
    const t = compileTemplate('arn:${Partition}:dynamodb:${Region}:${Account}:table/${Param:TableName}');
    expect(expandTemplate(t, envWith({ TableName: [lit('orders')] }))).toEqual({
      kind: 'values',
      values: ['arn:aws:dynamodb:us-east-1:111122223333:table/orders'],
    });
  });

  it('uses a literal ARN value verbatim, with the template’s suffix', () => {
    const t = compileTemplate('arn:${Partition}:dynamodb:${Region}:${Account}:table/${Param:TableName}');
    const arn = 'arn:aws-us-gov:dynamodb:us-gov-west-1:444455556666:table/orders';
    expect(expandTemplate(t, envWith({ TableName: [lit(arn)] }))).toEqual({ kind: 'values', values: [arn] });
  });

  it('takes the location of a #part from its value (state machine ARN → execution ARN)', () => {
    const t = compileTemplate('arn:${Partition}:states:${Region}:${Account}:execution:${Param:StateMachineArn#name}:*');
    const env = envWith({ StateMachineArn: [lit('arn:aws:states:eu-west-1:444455556666:stateMachine:child')] });
    expect(expandTemplate(t, env)).toEqual({
      kind: 'values',
      values: ['arn:aws:states:eu-west-1:444455556666:execution:child:*'],
    });
  });

  it('lower-cases |lowercase parameters', () => {
    const t = compileTemplate('arn:${Partition}:sagemaker:${Region}:${Account}:model/${Param:ModelName|lowercase}');
    expect(expandTemplate(t, envWith({ ModelName: [lit('MyModel')] }))).toEqual({
      kind: 'values',
      values: ['arn:aws:sagemaker:us-east-1:111122223333:model/mymodel'],
    });
  });

  it('gives one value per [*] element', () => {
    const t = compileTemplate(
      'arn:${Partition}:events:${Region}:${Account}:event-bus/${Param:Entries[*].EventBusName}',
    );
    const env = envWith({ 'Entries[*].EventBusName': [lit('a'), lit('b'), lit('a')] });
    expect(expandTemplate(t, env)).toEqual({
      kind: 'values',
      values: [
        'arn:aws:events:us-east-1:111122223333:event-bus/a',
        'arn:aws:events:us-east-1:111122223333:event-bus/b',
      ],
    });
  });

  it('drops the template when a parameter is absent', () => {
    const t = compileTemplate('${Param:Overrides.TaskRoleArn}');
    expect(expandTemplate(t, envWith({}))).toEqual({ kind: 'dropped' });
  });

  it('drops placeholders the definition cannot show', () => {
    expect(expandTemplate(compileTemplate('${TaskDefinition.taskRoleArn}'), envWith({}))).toEqual({ kind: 'dropped' });
    expect(expandTemplate(compileTemplate('<service-specific resource ARN>'), envWith({}))).toEqual({
      kind: 'dropped',
    });
  });

  it('fills extras such as ${MapRunLabel}, and drops the template without them', () => {
    const t = compileTemplate(
      'arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}/${MapRunLabel}:*',
    );
    expect(expandTemplate(t, envWith({}, { MapRunLabel: 'fan' }))).toEqual({
      kind: 'values',
      values: ['arn:aws:states:us-east-1:111122223333:execution:orders/fan:*'],
    });
    expect(expandTemplate(t, envWith({}))).toEqual({ kind: 'dropped' });
  });

  it('reports a runtime value without a usable prefix as dynamic, not narrowed', () => {
    const t = compileTemplate('arn:${Partition}:dynamodb:${Region}:${Account}:table/${Param:TableName}');
    expect(expandTemplate(t, envWith({ TableName: [dyn()] }))).toEqual({ kind: 'dynamic', narrowed: undefined });
  });

  it('narrows a runtime value whose known prefix ends the ARN to prefix*', () => {
    const t = compileTemplate('arn:${Partition}:dynamodb:${Region}:${Account}:table/${Param:TableName}');
    expect(expandTemplate(t, envWith({ TableName: [dyn('orders-')] }))).toEqual({
      kind: 'dynamic',
      narrowed: ['arn:aws:dynamodb:us-east-1:111122223333:table/orders-*'],
    });
  });

  it('narrows a whole-ARN parameter only when its prefix reaches the resource part', () => {
    const t = compileTemplate('${Param:RoleArn}');
    expect(expandTemplate(t, envWith({ RoleArn: [dyn('arn:aws:iam::111122223333:role/jobs-')] }))).toEqual({
      kind: 'dynamic',
      narrowed: ['arn:aws:iam::111122223333:role/jobs-*'],
    });
    expect(expandTemplate(t, envWith({ RoleArn: [dyn('arn:aws:iam::')] }))).toEqual({
      kind: 'dynamic',
      narrowed: undefined,
    });
  });

  it('does not narrow a runtime value in the middle of the ARN', () => {
    const t = compileTemplate(
      'arn:${Partition}:eks:${Region}:${Account}:nodegroup/${Param:ClusterName}/${Param:NodegroupName}/*',
    );
    const env = envWith({ ClusterName: [dyn('prod-')], NodegroupName: [lit('ng')] });
    expect(expandTemplate(t, env)).toEqual({ kind: 'dynamic', narrowed: undefined });
  });
});
