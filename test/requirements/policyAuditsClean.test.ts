import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../../shared/asl/types.js';
import { auditStateMachine } from '../../shared/audit.js';
import { iamActionReference } from '../../shared/catalogue/iamReference.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import { policyFromRequirements } from '../../shared/requirements/policyFromRequirements.js';
import type { DeriveContext, PolicyStatement } from '../../shared/types.js';

type Case = { name: string; file: string; context: DeriveContext; definition: AslDefinition };

const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'cases');
const CASES: Case[] = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ ...(JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as Omit<Case, 'file'>), file }));

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Actions the policy grants on `*` although the reference gives them a resource type. */
function broadGrants(statements: readonly PolicyStatement[], requiredStar: ReadonlySet<string>): string[] {
  const broad: string[] = [];
  for (const statement of statements) {
    if (!asList(statement.Resource).includes('*')) continue;
    for (const action of asList(statement.Action)) {
      const reference = iamActionReference(action);
      if (reference === undefined || reference.resourceTypes.length === 0 || requiredStar.has(action)) continue;
      broad.push(action);
    }
  }
  return broad;
}

describe('the policy sfn-role-audit writes', () => {
  it.each(CASES)('audits clean and is no broader than the authorized resources: $file', async (c) => {
    const requirements = deriveRequirements(c.definition, c.context);
    const documents = policyFromRequirements(requirements);
    const name = c.context.stateMachineName === '*' ? 'sm' : c.context.stateMachineName;
    const region = c.context.region === '*' ? 'us-east-1' : c.context.region;
    const account = c.context.account === '*' ? '111122223333' : c.context.account;
    const report = await auditStateMachine({
      description: {
        stateMachineArn:
          c.context.stateMachineArn ?? `arn:${c.context.partition}:states:${region}:${account}:stateMachine:${name}`,
        roleArn: `arn:${c.context.partition}:iam::${account}:role/generated`,
        definition: c.definition,
      },
      simulator: createEmbeddedSimulator({
        identity: documents.map((document, index) => ({ name: `generated-${index}`, document })),
      }),
      contextOverrides: c.context,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    const blocking = report.findings.filter((f) =>
      ['MissingPermission', 'InferredPermission', 'ConditionalPermission', 'UnprovableResource'].includes(f.rule),
    );
    expect(blocking.map((f) => `${f.rule} ${f.actions.join(',')} ${f.resources.join(',')}`)).toEqual([]);
    // `*` only where the requirement itself is `*` (the action has no resource type, or nothing of the ARN is known).
    const requiredStar = new Set(requirements.filter((r) => r.resources.includes('*')).flatMap((r) => r.actions));
    expect(
      broadGrants(
        documents.flatMap((d) => asList(d.Statement as never) as unknown as PolicyStatement[]),
        requiredStar,
      ),
    ).toEqual([]);
  });
});
