import { cpSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckFlags } from '../../cli/checkOptions.js';
import { classifyInputValue, FOUND_FILE_LIMIT } from '../../cli/classifyInputFile.js';
import { loadPositionalTargets, type PositionalLoaders } from '../../cli/loadPositionalTargets.js';
import type { PreparedAudit } from '../../cli/preparedAudit.js';
import type { PermissionSimulator } from '../../shared/ports.js';

const INPUTS = 'test/fixtures/inputs';
const REPO = `${INPUTS}/repo`;
const ROLE: CheckFlags = { policy: ['test/fixtures/cli/role-lambda-only.json'] };

/** What a loader was asked to load: `template path [stack]`, `definition path`, `describe path` or `plans paths`. */
type Call = string;

/** Loaders that record each call and return one stand-in target per call, so only the routing is under test. */
function recordingLoaders(): { loaders: PositionalLoaders; calls: Call[] } {
  const calls: Call[] = [];
  const target = (id: string): PreparedAudit => ({
    id,
    description: { definition: '{}' },
    simulator: {} as PermissionSimulator,
    sarifUri: id,
    embedded: false,
  });
  const loaders: PositionalLoaders = {
    template: async (path, _flags, options) => {
      calls.push(options?.stackName === undefined ? `template ${path}` : `template ${path} [${options.stackName}]`);
      return [target(path)];
    },
    definition: async (flags) => {
      const [kind, path] =
        flags.describe === undefined ? ['definition', flags.definition?.[0]] : ['describe', flags.describe];
      expect(flags['state-machine-arn']).toBeUndefined();
      calls.push(`${kind} ${path}`);
      return target(path ?? '');
    },
    terraformPlans: async (flags) => {
      calls.push(`plans ${(flags['terraform-plan'] ?? []).join(' ')}`);
      return [target('plans')];
    },
  };
  return { loaders, calls };
}

async function routed(positionals: string[], flags: CheckFlags = {}): Promise<Call[]> {
  const { loaders, calls } = recordingLoaders();
  const targets = await loadPositionalTargets(flags, positionals, loaders);
  expect(targets).toHaveLength(calls.length);
  return calls;
}

/**
 * A copy of the repo fixture with what a walk must not enter: dependencies, version control, build output, a CDK
 * assembly under another name, a symbolic link back to the root (a loop), and a file too large to be an input.
 */
let tree: string;
beforeAll(() => {
  tree = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-inputs-')), 'repo');
  cpSync(REPO, tree, { recursive: true });
  const template = `${INPUTS}/repo/infra/network.template`;
  for (const folder of ['node_modules/some-lib', '.git/objects', '.aws-sam/build', '.terraform/modules', 'cdk.out']) {
    mkdirSync(join(tree, folder), { recursive: true });
    cpSync(template, join(tree, folder, 'copy.template'));
  }
  for (const assembly of ['cdk.out', 'build/assembly']) {
    mkdirSync(join(tree, assembly), { recursive: true });
    writeFileSync(join(tree, assembly, 'cdk.out'), '{"version":"55.0.0"}');
    writeFileSync(
      join(tree, assembly, 'manifest.json'),
      JSON.stringify({
        version: '55.0.0',
        artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'copy.template' } } },
      }),
    );
  }
  cpSync(template, join(tree, 'build/assembly/copy.template'));
  symlinkSync('..', join(tree, 'infra', 'loop'));
  // Past FOUND_FILE_LIMIT (sparse: no disk used): a walk skips it unread instead of failing on its size.
  mkdirSync(join(tree, 'data'));
  writeFileSync(join(tree, 'data', 'huge.json'), '');
  truncateSync(join(tree, 'data', 'huge.json'), FOUND_FILE_LIMIT.bytes + 1);
});

describe('classifyInputValue', () => {
  it.each<{ name: string; value: unknown; kind: ReturnType<typeof classifyInputValue> }>([
    { name: 'a template by its Resources', value: { Resources: { T: { Type: 'AWS::SNS::Topic' } } }, kind: 'template' },
    {
      name: 'a template by its format version alone',
      value: { AWSTemplateFormatVersion: '2010-09-09' },
      kind: 'template',
    },
    {
      name: 'a SAM template by its Transform alone',
      value: { Transform: 'AWS::Serverless-2016-10-31' },
      kind: 'template',
    },
    {
      name: 'an ASL definition',
      value: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
      kind: 'definition',
    },
    { name: 'describe-state-machine output', value: { definition: '{}', stateMachineArn: 'arn:x' }, kind: 'describe' },
    {
      name: 'describe output whose definition is an object',
      value: { definition: {}, roleArn: 'r' },
      kind: 'describe',
    },
    {
      name: 'a Terraform plan',
      value: { format_version: '1.2', planned_values: {}, resource_changes: [] },
      kind: 'terraformPlan',
    },
    {
      name: 'a Terraform plan with resource_changes only',
      value: { format_version: '1.2', resource_changes: [] },
      kind: 'terraformPlan',
    },
    { name: 'package.json', value: { name: 'x', version: '1.0.0' }, kind: undefined },
    { name: 'StartAt without States', value: { StartAt: 'A' }, kind: undefined },
    { name: 'a definition key without a state machine field', value: { definition: '{}' }, kind: undefined },
    { name: 'Resources that is not an object', value: { Resources: 'many' }, kind: undefined },
    { name: 'format_version alone (another tool’s file)', value: { format_version: '1.0' }, kind: undefined },
    { name: 'a list', value: [{ Resources: {} }], kind: undefined },
    { name: 'text', value: 'Resources', kind: undefined },
    { name: 'an inherited key does not count', value: Object.create({ StartAt: 'A', States: {} }), kind: undefined },
  ])('$name', ({ value, kind }) => {
    expect(classifyInputValue(value)).toBe(kind);
  });
});

describe('loadPositionalTargets', () => {
  it.each<{ name: string; positionals: string[]; flags?: CheckFlags; calls: Call[] }>([
    {
      name: 'walks a directory in sorted order, loading templates and skipping definitions when no role is given',
      positionals: [REPO],
      calls: [`template ${REPO}/infra/network.template`, `template ${REPO}/template.yaml`],
    },
    {
      name: 'audits the definitions and describe output of a directory when the run gives a role',
      positionals: [REPO],
      flags: ROLE,
      calls: [
        `describe ${REPO}/deployed/orders.describe.json`,
        `template ${REPO}/infra/network.template`,
        `definition ${REPO}/statemachine/notify.asl.json`,
        `definition ${REPO}/statemachine/orders.asl.yaml`,
        `template ${REPO}/template.yaml`,
      ],
    },
    {
      name: 'loads Terraform plans named, or found and naming aws_sfn_state_machine, after the rest and in one call',
      positionals: [`${REPO}/plan/plan.json`, `${REPO}/infra`, `${REPO}/plan/../plan`, `${INPUTS}/plans`],
      calls: [
        `template ${REPO}/infra/network.template`,
        `plans ${REPO}/plan/plan.json ${INPUTS}/plans/orders.plan.json`,
      ],
    },
    {
      name: 'expands a quoted glob, skipping the YAML files that are no input',
      positionals: [`${REPO}/**/*.yaml`],
      flags: ROLE,
      calls: [`definition ${REPO}/statemachine/orders.asl.yaml`, `template ${REPO}/template.yaml`],
    },
    {
      name: 'expands brace globs',
      positionals: [`${REPO}/{infra,statemachine}/*`],
      flags: ROLE,
      calls: [
        `template ${REPO}/infra/network.template`,
        `definition ${REPO}/statemachine/notify.asl.json`,
        `definition ${REPO}/statemachine/orders.asl.yaml`,
      ],
    },
    {
      name: 'loads files named explicitly in argument order, whatever their extension',
      positionals: [`${REPO}/template.yaml`, `${REPO}/infra/network.template`, `${INPUTS}/definitions/orders.asl.yaml`],
      calls: [
        `template ${REPO}/template.yaml`,
        `template ${REPO}/infra/network.template`,
        `definition ${INPUTS}/definitions/orders.asl.yaml`,
      ],
    },
    {
      name: 'reads a YAML definition with a .yml name and an unsubstituted placeholder',
      positionals: [`${INPUTS}/definitions/refunds.asl.yml`],
      calls: [`definition ${INPUTS}/definitions/refunds.asl.yml`],
    },
    {
      name: 'audits a file reached twice once, where it first appears',
      positionals: [`${REPO}/template.yaml`, REPO, `${REPO}/*.yaml`],
      calls: [`template ${REPO}/template.yaml`, `template ${REPO}/infra/network.template`],
    },
    {
      name: 'leaves out what --template and --terraform-plan already audit',
      positionals: [REPO, `${INPUTS}/plans`],
      flags: { template: [`./${REPO}/template.yaml`], 'terraform-plan': [`${INPUTS}/plans/orders.plan.json`] },
      calls: [`template ${REPO}/infra/network.template`],
    },
    {
      name: 'counts an argument that only reaches a --template file as audited',
      positionals: [`${REPO}/template.yaml`],
      flags: { template: [`${REPO}/template.yaml`] },
      calls: [],
    },
  ])('$name', async ({ positionals, flags, calls }) => {
    expect(await routed(positionals, flags)).toEqual(calls);
  });

  it('never enters node_modules, .git, cdk.out, .aws-sam, .terraform or a cloud assembly, nor follows a link loop, nor reads a huge file', async () => {
    expect(await routed([tree])).toEqual([`template ${tree}/infra/network.template`, `template ${tree}/template.yaml`]);
  });

  it.each([
    { name: 'node_modules', file: 'node_modules/some-lib/copy.template' },
    { name: '.aws-sam', file: '.aws-sam/build/copy.template' },
  ])('walks $name when it is named', async ({ name, file }) => {
    expect(await routed([join(tree, name)])).toEqual([`template ${join(tree, file)}`]);
  });

  it('audits a glob that names a skipped folder, a stack template of an assembly under its stack name', async () => {
    expect(await routed([`${tree}/cdk.out/*.template`])).toEqual([`template ${tree}/cdk.out/copy.template [App]`]);
  });

  it('audits a named cloud assembly as --cdk-out does, under its stack name', async () => {
    expect(await routed([join(tree, 'build/assembly')])).toEqual([
      `template ${join(tree, 'build/assembly/copy.template')} [App]`,
    ]);
  });

  it.each<{ name: string; positionals: string[]; flags?: CheckFlags; error: string }>([
    { name: 'a glob that matches nothing', positionals: [`${REPO}/**/*.tf`], error: `no file matches ${REPO}/**/*.tf` },
    {
      name: 'a missing file',
      positionals: [`${REPO}/missing.yaml`],
      error: `cannot read ${REPO}/missing.yaml: no such file or directory`,
    },
    {
      name: 'an explicit file that is no input',
      positionals: [`${INPUTS}/notes.yaml`],
      error: `${INPUTS}/notes.yaml: not a CloudFormation/SAM template, an ASL definition, describe-state-machine output or a Terraform plan (terraform show -json)`,
    },
    {
      name: 'an explicit package.json',
      positionals: [`${REPO}/package.json`],
      error: `${REPO}/package.json: not a CloudFormation/SAM template`,
    },
    {
      name: 'a template with a YAML error found in a directory',
      positionals: [`${INPUTS}/broken`],
      error: `${INPUTS}/broken/template.yaml: not valid YAML at line 8, column 1: A block sequence may not be used as an implicit map key`,
    },
    {
      name: 'a directory with nothing to audit',
      positionals: [`${REPO}/config`],
      error: `${REPO}/config: no CloudFormation/SAM template, CDK cloud assembly, Terraform plan, definition or describe output found; node_modules, .git, cdk.out, .aws-sam, .terraform are skipped unless named`,
    },
    {
      name: 'a directory of definitions without a role',
      positionals: [`${REPO}/statemachine`],
      error: `${REPO}/statemachine: no CloudFormation/SAM template, CDK cloud assembly, Terraform plan, definition or describe output found; its 2 definition or describe file(s) need the role: --policy FILE or --authorization-details FILE`,
    },
    {
      name: 'a glob whose files are no input',
      positionals: [`${REPO}/config/*.yaml`],
      error: `${REPO}/config/*.yaml: no CloudFormation/SAM template`,
    },
  ])('refuses $name', async ({ positionals, flags, error }) => {
    const { loaders } = recordingLoaders();
    await expect(loadPositionalTargets(flags ?? {}, positionals, loaders)).rejects.toThrow(error);
  });
});
