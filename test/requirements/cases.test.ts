import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../shared/asl/parseDefinition.js';
import type { AslDefinition } from '../../shared/asl/types.js';
import { walkStates } from '../../shared/asl/walkStates.js';
import { CATALOGUE } from '../../shared/catalogue/catalogue.js';
import { entryByKey, findTaskIntegration } from '../../shared/requirements/catalogueLookup.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import type { DeriveContext, Requirement } from '../../shared/types.js';

/** One JSON case: a definition and context in, the exact requirements out (state as its path). */
type Case = {
  name: string;
  file: string;
  context: DeriveContext;
  definition: AslDefinition;
  expected: Record<string, unknown>[];
};

const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'cases');
const CASES: Case[] = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ ...(JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as Omit<Case, 'file'>), file }));

const OPTIONAL = ['context', 'managedRule', 'assumedRoleArn', 'inferred', 'unknownIntegration'] as const;

/** The comparable part of a requirement: everything but the prose consequence and the source URL. */
function project(r: Requirement): Record<string, unknown> {
  const out: Record<string, unknown> = {
    state: r.state?.path ?? null,
    integration: r.integration,
    purpose: r.purpose,
    actions: r.actions,
    resources: r.resources,
    dynamic: r.dynamic,
  };
  for (const key of OPTIONAL) if (r[key] !== undefined) out[key] = r[key];
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The catalogue entries a case exercises, read from its input (not from what the code derives). */
function exercisedEntries(c: Case): Set<string> {
  const keys = new Set<string>();
  for (const { state } of walkStates(c.definition)) {
    if (state.Type === 'Task' && typeof state.Resource === 'string') {
      const entry = findTaskIntegration(state.Resource);
      if (entry !== undefined) keys.add(entry.resource);
      if (state.Credentials !== undefined) keys.add('task-credentials-cross-account');
      if (c.context.activityKmsKeys?.[state.Resource] !== undefined) keys.add('kms-activity-encryption');
    }
    const processor = state.ItemProcessor;
    if (state.Type === 'Map' && isObject(processor) && isObject(processor.ProcessorConfig)) {
      if (processor.ProcessorConfig.Mode !== 'DISTRIBUTED') continue;
      keys.add('distributed-map-state');
      keys.add('distributed-map-redrive');
      for (const io of [state.ItemReader, state.ResultWriter]) {
        if (isObject(io) && typeof io.Resource === 'string') keys.add(entryByKey(io.Resource)?.resource ?? '');
      }
    }
  }
  if (c.context.loggingEnabled === true) keys.add('logging-configuration');
  if (c.context.tracingEnabled === true) keys.add('xray-tracing');
  if (c.context.kmsKeyArn !== undefined) keys.add('kms-state-machine-encryption');
  return keys;
}

describe('deriveRequirements (JSON cases)', () => {
  it.each(CASES)('$file: $name', (c) => {
    const before = JSON.stringify(c.definition);
    const actual = deriveRequirements(c.definition, c.context);
    expect(actual.map(project)).toEqual(c.expected);
    for (const r of actual) {
      expect(r.consequence).not.toBe('');
      expect(r.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
    expect(JSON.stringify(c.definition)).toBe(before);
  });

  it.each(CASES)('$file: the definition is one Step Functions accepts', (c) => {
    const parsed = parseDefinition(c.definition);
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.message)).toEqual([]);
  });

  it('has at least one case for every catalogue entry', () => {
    const covered = new Set(CASES.flatMap((c) => [...exercisedEntries(c)]));
    const missing = CATALOGUE.map((entry) => entry.resource).filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
  });
});
