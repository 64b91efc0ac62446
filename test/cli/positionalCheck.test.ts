import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import type { CheckFlags } from '../../cli/checkOptions.js';
import { collectTargets } from '../../cli/collectTargets.js';
import { contextOverridesFrom } from '../../cli/loadDefinitionInput.js';
import { runCli } from '../../cli/runCli.js';
import { auditStateMachine } from '../../shared/audit.js';
import { fakeIo } from './fakeIo.js';

const INPUTS = 'test/fixtures/inputs';
const REPO = `${INPUTS}/repo`;
const CLIENTS = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };
const NOW = new Date('2026-05-01T00:00:00Z');
const deps = () => ({ io: fakeIo(), clients: CLIENTS, now: () => NOW });
const ROLE: CheckFlags = {
  policy: ['test/fixtures/cli/role-lambda-only.json'],
  region: 'us-east-1',
  account: '111122223333',
};
const SNS_MISSING = ['MissingPermission HIGH Notify sns:Publish'];

/** Each target `check` collects for the positionals, with `rule severity state action` of its findings. */
async function audit(positionals: string[], flags: CheckFlags = {}): Promise<[string, string[]][]> {
  const results: [string, string[]][] = [];
  for (const target of await collectTargets(flags, positionals, deps())) {
    const report = await auditStateMachine({
      description: target.description,
      simulator: target.simulator,
      ...(target.roleTrust === undefined ? {} : { roleTrust: target.roleTrust }),
      ...(target.inputFindings === undefined ? {} : { inputFindings: target.inputFindings }),
      contextOverrides: target.contextOverrides ?? contextOverridesFrom(flags),
      now: NOW,
    });
    const findings = report.findings.map(
      (f) => `${f.rule} ${f.severity} ${f.state?.name ?? '-'} ${f.actions.join(',')}`,
    );
    results.push([target.id, findings]);
  }
  return results;
}

describe('check PATH… with the real loaders', () => {
  it.each<{ name: string; positionals: string[]; flags?: CheckFlags; expected: [string, string[]][] }>([
    {
      // The SAM app's role comes from LambdaInvokePolicy only; its DefinitionUri file (YAML) publishes to SNS.
      name: 'a folder: the SAM template, its YAML DefinitionUri file not audited on its own without a role',
      positionals: [REPO],
      expected: [[`${REPO}/template.yaml#OrdersStateMachine`, SNS_MISSING]],
    },
    {
      name: 'a quoted glob',
      positionals: [`${REPO}/**/*.yaml`],
      expected: [[`${REPO}/template.yaml#OrdersStateMachine`, SNS_MISSING]],
    },
    {
      name: 'a folder with a role for its definitions and describe output',
      positionals: [REPO],
      flags: ROLE,
      expected: [
        [`${REPO}/deployed/orders.describe.json`, SNS_MISSING],
        [`${REPO}/statemachine/notify.asl.json`, SNS_MISSING],
        [`${REPO}/statemachine/orders.asl.yaml`, SNS_MISSING],
        [`${REPO}/template.yaml#OrdersStateMachine`, SNS_MISSING],
      ],
    },
    {
      name: 'files named explicitly beside --definition, in order',
      positionals: [`${INPUTS}/definitions/orders.asl.yaml`, `${REPO}/template.yaml`],
      flags: { ...ROLE, definition: ['test/fixtures/cli/simple.asl.json'] },
      expected: [
        ['test/fixtures/cli/simple.asl.json', SNS_MISSING],
        [`${INPUTS}/definitions/orders.asl.yaml`, SNS_MISSING],
        [`${REPO}/template.yaml#OrdersStateMachine`, SNS_MISSING],
      ],
    },
  ])('audits $name', async ({ positionals, flags, expected }) => {
    expect(await audit(positionals, flags)).toEqual(expected);
  });

  it('exits 1 on the findings of a folder, with nothing on standard error', async () => {
    const run = deps();
    expect(await runCli(['check', REPO, '--config', 'none'], run)).toBe(1);
    expect(run.io.err).toBe('');
    expect(run.io.out).toContain('sns:Publish');
  });

  it.each<{ name: string; args: string[]; error: string }>([
    {
      name: 'a file named explicitly that is no input',
      args: [`${INPUTS}/notes.yaml`],
      error: `${INPUTS}/notes.yaml: not a CloudFormation/SAM template, an ASL definition, describe-state-machine output or a Terraform plan (terraform show -json)`,
    },
    { name: 'a glob that matches nothing', args: [`${REPO}/**/*.tf`], error: `no file matches ${REPO}/**/*.tf` },
    {
      name: 'a folder with nothing to audit',
      args: [`${REPO}/config`],
      error: `${REPO}/config: no CloudFormation/SAM template, CDK cloud assembly, Terraform plan, definition or describe output found; node_modules, .git, cdk.out, .aws-sam, .terraform are skipped unless named (a CDK app: --cdk-out cdk.out)`,
    },
    {
      name: 'a broken template in a folder',
      args: [`${INPUTS}/broken`],
      error: `${INPUTS}/broken/template.yaml: not valid YAML at line 8, column 1: A block sequence may not be used as an implicit map key`,
    },
  ])('exits 2 with one line for $name', async ({ args, error }) => {
    const run = deps();
    expect(await runCli(['check', ...args, '--config', 'none'], run)).toBe(2);
    expect(run.io.err).toBe(`sfn-role-audit: ${error}\n`);
    expect(run.io.out).toBe('');
  });
});
