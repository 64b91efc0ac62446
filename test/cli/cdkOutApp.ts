import {
  App,
  CfnParameter,
  NestedStack,
  Stack,
  Stage,
  aws_stepfunctions as sfn,
  aws_sns as sns,
  aws_stepfunctions_tasks as tasks,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CROSS_CHECK_CASES } from '../cdk/crossCheckCases.js';

const ENV = { account: '111122223333', region: 'eu-west-1' };

/**
 * The context the CDK CLI gives an app it synthesizes (`cdk synth`): construct paths in each resource's Metadata
 * (`aws:cdk:path`), asset metadata (`aws:asset:path` on nested stacks) and version reporting (the `CDKMetadata`
 * resource and its region Condition). Without it, `app.synth()` writes what a library call writes.
 */
const CLI_CONTEXT = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': true,
};

/** The state machines of the app: each a cross-check case (test/cdk/crossCheckCases.ts) in its own scope. */
export const CDK_OUT_MACHINES = {
  /** Stack `Orders`. */
  orders: ['LambdaInvoke REQUEST_RESPONSE imported', 'DynamoPutItem', 'StepFunctionsStartExecution RUN_JOB'],
  /** Stack `Jobs` of Stage `Prod` (stack name `Prod-Jobs`). */
  jobs: ['BatchSubmitJob RUN_JOB static', 'EcsRunTask Fargate RUN_JOB revision'],
  /** Nested stack `Notify` of `Prod-Jobs`. */
  notify: ['SnsPublish REQUEST_RESPONSE'],
} as const;

function addMachines(scope: Construct, names: readonly string[]): void {
  for (const name of names) {
    const found = CROSS_CHECK_CASES.find((c) => c.name === name);
    if (found === undefined) throw new Error(`no cross-check case ${name}`);
    const caseScope = new Construct(scope, name.replace(/[^A-Za-z0-9]/g, ''));
    new sfn.StateMachine(caseScope, 'StateMachine', {
      definitionBody: sfn.DefinitionBody.fromChainable(found.build(caseScope)),
    });
  }
}

/**
 * Synthesizes the test app into `outdir`, as `cdk synth` writes cdk.out: stack `Orders` (111122223333, eu-west-1),
 * a Stage `Prod` (a nested cloud assembly, `assembly-Prod/`) holding stack `Prod-Jobs` with a nested stack
 * `Notify` that takes the literal parameter `Env=prod` and the ARN of the parent's topic `Alerts` (its state machine
 * `AlertMachine` publishes to it), and an environment-agnostic stack `Anywhere` holding one Pass state machine. `cli: false` synthesizes without the CDK CLI's context (no path or asset metadata).
 */
export function synthesizeCdkOut(outdir: string, options: { cli: boolean }): void {
  const app = new App({ outdir, context: options.cli ? CLI_CONTEXT : {} });
  addMachines(new Stack(app, 'Orders', { env: ENV }), CDK_OUT_MACHINES.orders);
  const jobs = new Stack(new Stage(app, 'Prod', { env: ENV }), 'Jobs');
  addMachines(jobs, CDK_OUT_MACHINES.jobs);
  const notify = new NestedStack(jobs, 'Notify', { parameters: { Env: 'prod' } });
  new CfnParameter(notify, 'Env', { type: 'String' });
  addMachines(notify, CDK_OUT_MACHINES.notify);
  // A topic of the parent stack: CDK passes its ARN to the nested stack as a parameter ({Ref: Topic}).
  const alerts = new sns.Topic(jobs, 'Alerts');
  const publish = new tasks.SnsPublish(notify, 'Alert', { topic: alerts, message: sfn.TaskInput.fromText('done') });
  new sfn.StateMachine(notify, 'AlertMachine', { definitionBody: sfn.DefinitionBody.fromChainable(publish) });
  const anywhere = new Stack(app, 'Anywhere');
  new sfn.StateMachine(anywhere, 'Idle', {
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(anywhere, 'Wait')),
  });
  app.synth();
}
