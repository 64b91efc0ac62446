import { beforeAll, describe, expect, it } from 'vitest';
import { parseDefinition } from '../../shared/asl/parseDefinition.js';
import { auditStateMachine } from '../../shared/audit.js';
import { iamActionReference } from '../../shared/catalogue/iamReference.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import { contextFromDescription } from '../../shared/requirements/contextFromDescription.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import { policyFromRequirements } from '../../shared/requirements/policyFromRequirements.js';
import type { PolicyStatement, StateMachineDescription } from '../../shared/types.js';
import { CROSS_CHECK_CASES } from './crossCheckCases.js';
import { extractStateMachine } from './extractStateMachine.js';
import { synthesizeCases } from './synthesizeCases.js';

const NOW = new Date('2025-01-01T00:00:00.000Z');
const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

let descriptions: Map<string, StateMachineDescription>;

beforeAll(() => {
  const { template, logicalIds } = synthesizeCases(CROSS_CHECK_CASES);
  descriptions = new Map(
    CROSS_CHECK_CASES.map((c) => [c.name, extractStateMachine(template, logicalIds.get(c.name) as string).description]),
  );
});

describe('the policy sfn-role-audit writes for the CDK state machines', () => {
  it.each(CROSS_CHECK_CASES.map((c) => ({ name: c.name })))(
    'audits clean and grants "*" only where IAM authorizes on "*" or nothing is known: $name',
    async ({ name }) => {
      const description = descriptions.get(name) as StateMachineDescription;
      const parsed = parseDefinition(description.definition);
      if (!parsed.ok) throw new Error(`${name}: invalid definition`);
      const requirements = deriveRequirements(parsed.definition, contextFromDescription(description));
      const documents = policyFromRequirements(requirements);
      const report = await auditStateMachine({
        description,
        simulator: createEmbeddedSimulator({
          identity: documents.map((document, index) => ({ name: `generated-${index}`, document })),
        }),
        now: NOW,
      });
      const blocking = report.findings.filter((f) =>
        ['MissingPermission', 'InferredPermission', 'ConditionalPermission', 'UnprovableResource'].includes(f.rule),
      );
      expect(blocking.map((f) => `${f.rule} ${f.actions.join(',')} ${f.resources.join(',')}`)).toEqual([]);
      const starOnly = new Set(requirements.filter((r) => r.resources.includes('*')).flatMap((r) => r.actions));
      const broad = documents
        .flatMap((d) => asList(d.Statement as PolicyStatement | PolicyStatement[]))
        .filter((s) => asList(s.Resource).includes('*'))
        .flatMap((s) => asList(s.Action))
        .filter((action) => (iamActionReference(action)?.resourceTypes.length ?? 0) > 0 && !starOnly.has(action));
      expect(broad).toEqual([]);
    },
  );
});
