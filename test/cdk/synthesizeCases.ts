import { App, type CfnElement, Stack, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import type { CrossCheckCase } from './crossCheckCases.js';
import type { CfnTemplate } from './resolveIntrinsics.js';

/** One synthesized template holding every case's state machine, and each case's state machine logical id. */
export type SynthesizedCases = { template: CfnTemplate; logicalIds: Map<string, string> };

/**
 * Synthesizes every case in one App and one Stack (account 111122223333, eu-west-1), in process: no CDK CLI, no
 * Docker, no asset bundling. Each case has its own scope, so its state machine has its own role.
 */
export function synthesizeCases(cases: readonly CrossCheckCase[]): SynthesizedCases {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'CdkCrossCheck', { env: { account: '111122223333', region: 'eu-west-1' } });
  const machines = new Map<string, sfn.StateMachine>();
  cases.forEach((c, i) => {
    if (machines.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    const scope = new Construct(stack, `Case${i}`);
    const machine = new sfn.StateMachine(scope, 'StateMachine', {
      stateMachineName: `case-${i}`,
      definitionBody: sfn.DefinitionBody.fromChainable(c.build(scope)),
      ...c.stateMachineProps?.(scope),
    });
    machines.set(c.name, machine);
  });
  const template = Template.fromStack(stack).toJSON() as CfnTemplate;
  const logicalIds = new Map(
    [...machines].map(([name, machine]) => [name, stack.getLogicalId(machine.node.defaultChild as CfnElement)]),
  );
  return { template, logicalIds };
}
