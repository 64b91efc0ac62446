import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, fixture, runBuiltCli } from './builtCli.js';

beforeAll(ensureCliBuilt);

const SIMPLE = fixture('simple.asl.json');
const FULL = fixture('role-full.json');

describe('sfn-role-audit exit code 2', () => {
  it.each([
    {
      name: 'a missing file',
      args: ['check', '--definition', fixture('nope.json'), '--policy', FULL],
      reason: 'cannot read test/fixtures/cli/nope.json: no such file',
    },
    {
      name: 'an unknown flag',
      args: ['check', '--definition', SIMPLE, '--policy', FULL, '--nope'],
      reason: "Unknown option '--nope' (see sfn-role-audit check --help)",
    },
    {
      name: 'a flag without its value',
      args: ['requirements', '--definition'],
      reason: "Option '--definition <value>' argument missing (see sfn-role-audit requirements --help)",
    },
    {
      name: 'a malformed JSON definition',
      args: ['check', '--definition', fixture('malformed.json'), '--policy', FULL],
      reason: 'test/fixtures/cli/malformed.json: not valid JSON at line 4, column 34: CommaExpected',
    },
    {
      name: 'a policy file that is not a policy',
      args: ['check', '--definition', SIMPLE, '--policy', fixture('not-a-policy.json')],
      reason:
        'test/fixtures/cli/not-a-policy.json: expected a policy document or the output of aws iam get-role-policy or get-policy-version',
    },
    {
      name: 'an unknown --fail-on level',
      args: ['check', '--definition', SIMPLE, '--policy', FULL, '--fail-on', 'severe'],
      reason: '--fail-on must be one of critical, high, medium, low, none, not "severe"',
    },
    {
      name: 'an unknown --format',
      args: ['check', '--definition', SIMPLE, '--policy', FULL, '--format', 'xml'],
      reason: '--format must be one of text, json, sarif, junit, not "xml"',
    },
    {
      name: 'both --definition and --describe',
      args: ['check', '--definition', SIMPLE, '--describe', fixture('describe.json'), '--policy', FULL],
      reason: 'give --definition or --describe, not both',
    },
    {
      name: 'a check without the role',
      args: ['check', '--definition', SIMPLE],
      reason: 'check needs the role: --policy FILE or --authorization-details FILE (see --help)',
    },
    {
      name: 'authorization details without a role to look up',
      args: ['check', '--definition', SIMPLE, '--authorization-details', fixture('authorization-details.json')],
      reason: '--authorization-details needs the role: --role-name NAME_OR_ARN, or --describe with a roleArn',
    },
    {
      name: 'a malformed --context',
      args: ['check', '--definition', SIMPLE, '--policy', FULL, '--context', 'team'],
      reason: '--context must be key=value, not "team"',
    },
    {
      name: 'an invalid --state-machine-arn for a live check',
      args: ['check', '--state-machine-arn', 'orders'],
      reason: '--state-machine-arn is not a state machine ARN: "orders"',
    },
  ])('prints one line for $name', ({ args, reason }) => {
    const run = runBuiltCli(args);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `sfn-role-audit: ${reason}\n` });
  });

  it('prints the stack trace only with SFN_ROLE_AUDIT_DEBUG=1', () => {
    const args = ['check', '--definition', fixture('nope.json'), '--policy', FULL];
    expect(runBuiltCli(args).stderr).not.toMatch(/^\s+at /m);
    const debug = runBuiltCli(args, { SFN_ROLE_AUDIT_DEBUG: '1' });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
