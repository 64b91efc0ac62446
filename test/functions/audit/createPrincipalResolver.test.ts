import { describe, expect, it } from 'vitest';
import { createPrincipalResolver } from '../../../functions/audit/createPrincipalResolver.js';
import type { PermissionSimulator, RolePolicies } from '../../../shared/ports.js';

const ROLE = 'arn:aws:iam::111122223333:role/service/OrderPipelineRole';
const TRUST = {
  Statement: [{ Effect: 'Allow' as const, Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const named = (name: string): PermissionSimulator => ({ name, simulate: async () => [] });

describe('createPrincipalResolver', () => {
  it('uses SimulatePrincipalPolicy for the role and Region in aws mode', async () => {
    const calls: string[] = [];
    const resolve = createPrincipalResolver({
      mode: 'aws',
      awsSimulator: (roleArn, region) => {
        calls.push(`${roleArn}@${region}`);
        return named('iam:SimulatePrincipalPolicy');
      },
      readRole: async () => ({ found: true, trust: TRUST }),
    });
    const principal = await resolve(ROLE, 'eu-west-1');
    expect(calls).toEqual([`${ROLE}@eu-west-1`]);
    expect(principal.simulator.name).toBe('iam:SimulatePrincipalPolicy');
    expect(principal).toMatchObject({ roleFound: true, roleTrust: TRUST });
  });

  it('reports a missing role in aws mode', async () => {
    const resolve = createPrincipalResolver({
      mode: 'aws',
      awsSimulator: () => named('aws'),
      readRole: async () => ({ found: false }),
    });
    expect((await resolve(ROLE, 'eu-west-1')).roleFound).toBe(false);
  });

  it('evaluates the role policies with the embedded evaluator in local mode', async () => {
    const seen: RolePolicies[] = [];
    const policies: RolePolicies = {
      roleArn: ROLE,
      identity: [{ name: 'inline', document: { Statement: [] } }],
      trust: TRUST,
    };
    const resolve = createPrincipalResolver({
      mode: 'local',
      roles: { read: async () => ({ found: true, policies }) },
      localSimulator: (p) => {
        seen.push(p);
        return named('embedded evaluator');
      },
    });
    const principal = await resolve(ROLE, 'eu-west-1');
    expect(seen).toEqual([policies]);
    expect(principal).toMatchObject({ roleFound: true, roleTrust: TRUST });
    expect(principal.simulator.name).toBe('embedded evaluator');
  });

  it('reports a missing role in local mode without building an evaluator', async () => {
    const resolve = createPrincipalResolver({
      mode: 'local',
      roles: { read: async (roleArn) => ({ found: false, roleArn, reason: 'NoSuchEntity' }) },
      localSimulator: () => {
        throw new Error('must not be called');
      },
    });
    expect((await resolve(ROLE, 'eu-west-1')).roleFound).toBe(false);
  });
});
