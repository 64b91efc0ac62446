import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runBuiltCli } from '../cli/builtCli.js';

beforeAll(ensureCliBuilt);

const APP = 'test/fixtures/templates/sam-batch';

describe('the built sfn-role-audit check --template, as a new user runs it', () => {
  it('names every permission a LambdaInvokePolicy-only role lacks for batch:submitJob.sync, and exits 1', () => {
    const run = runBuiltCli(['check', '--template', `${APP}/template.yaml`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    for (const text of [
      "[CRITICAL] Batch task 'Process' cannot poll the job for completion: missing batch:DescribeJobs",
      "[CRITICAL] Batch task 'Process' cannot create the managed EventBridge rule: missing events:PutTargets, events:PutRule, events:DescribeRule",
      'rule/StepFunctionsGetEventsForBatchJobsRule',
      "[HIGH] Batch task 'Process' cannot call the service: missing batch:SubmitJob",
      "[MEDIUM] Batch task 'Process' cannot stop the job when the execution stops: missing batch:TerminateJob",
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it('passes the same app with a correct role', () => {
    const run = runBuiltCli(['check', '--template', `${APP}/template-fixed.yaml`, '--fail-on', 'low']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('No findings');
  });
});
