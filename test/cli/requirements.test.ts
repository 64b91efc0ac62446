import { beforeAll, describe, expect, it } from 'vitest';
import type { Requirement } from '../../shared/types.js';
import { ensureCliBuilt, fixture, runBuiltCli } from './builtCli.js';

beforeAll(ensureCliBuilt);

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';
const FUNCTION = 'arn:aws:lambda:us-east-1:111122223333:function:orders-validate';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:orders';

function requirementsJson(args: string[]): Requirement[] {
  const run = runBuiltCli(['requirements', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Requirement[];
}

function invokeOf(requirements: Requirement[], state: string): Requirement | undefined {
  return requirements.find((requirement) => requirement.state?.name === state && requirement.purpose === 'invoke');
}

describe('sfn-role-audit requirements', () => {
  it('prints the Requirement[] array as JSON, resources filled from --state-machine-arn', () => {
    const requirements = requirementsJson(['--definition', fixture('simple.asl.json'), '--state-machine-arn', ARN]);
    expect(invokeOf(requirements, 'Validate')).toMatchObject({
      integration: 'arn:aws:states:::lambda:invoke',
      actions: ['lambda:InvokeFunction'],
      dynamic: false,
    });
    expect(invokeOf(requirements, 'Validate')?.resources).toContain(FUNCTION);
    expect(invokeOf(requirements, 'Notify')).toMatchObject({ actions: ['sns:Publish'], resources: [TOPIC] });
  });

  it('fills Region and account from --region and --account', () => {
    const requirements = requirementsJson([
      '--definition',
      fixture('simple.asl.json'),
      '--region',
      'eu-west-1',
      '--account',
      '444455556666',
    ]);
    expect(invokeOf(requirements, 'Validate')?.resources).toContain(
      'arn:aws:lambda:eu-west-1:444455556666:function:orders-validate',
    );
  });

  it('reads the definition and the ARN from a describe-state-machine file', () => {
    const requirements = requirementsJson(['--describe', fixture('describe.json')]);
    expect(invokeOf(requirements, 'Validate')?.resources).toContain(FUNCTION);
  });

  it('prints a text table grouped by state with purpose, action and resource', () => {
    const run = runBuiltCli(['requirements', '--definition', fixture('simple.asl.json'), '--state-machine-arn', ARN]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const validate = lines.indexOf('Validate');
    const notify = lines.indexOf('Notify');
    expect(validate).toBeGreaterThanOrEqual(0);
    expect(notify).toBeGreaterThan(validate);
    expect(lines[validate + 1]).toBe('  arn:aws:states:::lambda:invoke');
    expect(lines.slice(validate, notify).join('\n')).toMatch(
      new RegExp(`invoke\\s+lambda:InvokeFunction\\s+${FUNCTION}`),
    );
    expect(lines.slice(notify).join('\n')).toMatch(new RegExp(`invoke\\s+sns:Publish\\s+${TOPIC}`));
  });

  it('marks a resource known only at run time as dynamic', () => {
    const run = runBuiltCli(['requirements', '--definition', fixture('dynamic.asl.json'), '--state-machine-arn', ARN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/invoke\s+lambda:InvokeFunction\s+\S+\s+dynamic: resource known only at run time/);
  });

  it('names the managed EventBridge rule of a .sync task', () => {
    const run = runBuiltCli(['requirements', '--definition', 'examples/order-pipeline/definition.asl.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /events\s+events:PutTargets\s+\S+rule\/StepFunctionsGetEventsForECSTaskRule\s+managed rule StepFunctionsGetEventsForECSTaskRule/,
    );
  });

  it('exits 2 naming the file and the problem for an invalid definition', () => {
    const run = runBuiltCli(['requirements', '--definition', fixture('invalid-definition.asl.json')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^sfn-role-audit: test\/fixtures\/cli\/invalid-definition\.asl\.json: invalid state machine definition.*\n$/,
    );
  });
});
