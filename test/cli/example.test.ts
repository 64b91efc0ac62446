import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/types.js';
import { ensureCliBuilt, ROOT, runBuiltCli } from './builtCli.js';
import { checkJson } from './reportOf.js';

beforeAll(ensureCliBuilt);

const EXAMPLE = join(ROOT, 'examples', 'order-pipeline');
/** The arguments of `npm run example` (package.json). */
const EXAMPLE_ARGS = [
  '--describe',
  'examples/order-pipeline/describe-state-machine.json',
  '--authorization-details',
  'examples/order-pipeline/authorization-details.json',
  '--fail-on',
  'none',
];

function missing(findings: Finding[], state: string, purpose: string): string[] {
  return findings
    .filter((finding) => finding.state?.name === state && finding.purpose === purpose)
    .flatMap((finding) => finding.actions);
}

describe('examples/order-pipeline', () => {
  it('embeds the same definition in describe-state-machine.json as definition.asl.json', () => {
    const describeOutput = JSON.parse(readFileSync(join(EXAMPLE, 'describe-state-machine.json'), 'utf8'));
    const definition = JSON.parse(readFileSync(join(EXAMPLE, 'definition.asl.json'), 'utf8'));
    expect(typeof describeOutput.definition).toBe('string');
    expect(JSON.parse(describeOutput.definition)).toEqual(definition);
  });

  it('prints, for the ECS .sync task, the missing poll, cancel and events permissions and exits 0', () => {
    const run = runBuiltCli(['check', ...EXAMPLE_ARGS]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of ['Fulfil order', 'ecs:DescribeTasks', 'ecs:StopTask', 'StepFunctionsGetEventsForECSTaskRule']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('finds exactly what the role misses, each with a consequence and a statement to add', () => {
    const { run, report } = checkJson(EXAMPLE_ARGS);
    expect(run.status).toBe(0);
    const findings = report.findings;
    expect(missing(findings, 'Fulfil order', 'poll')).toEqual(['ecs:DescribeTasks']);
    expect(missing(findings, 'Fulfil order', 'cancel')).toEqual(['ecs:StopTask']);
    expect(missing(findings, 'Fulfil order', 'events')).toEqual(
      expect.arrayContaining(['events:PutTargets', 'events:PutRule', 'events:DescribeRule']),
    );
    expect(missing(findings, 'Generate invoice', 'poll')).toEqual(['batch:DescribeJobs']);
    expect(missing(findings, 'Generate invoice', 'cancel')).toEqual(['batch:TerminateJob']);
    expect(missing(findings, 'Ship order', 'poll')).toEqual(['states:DescribeExecution']);
    expect(missing(findings, 'Ship order', 'cancel')).toEqual(['states:StopExecution']);
    expect(missing(findings, 'Update stock', 'child-executions').length).toBeGreaterThan(0);
    const ecsEvents = findings.find(
      (finding) => finding.state?.name === 'Fulfil order' && finding.purpose === 'events',
    );
    expect(ecsEvents?.resources.join(' ')).toContain('rule/StepFunctionsGetEventsForECSTaskRule');
    for (const finding of findings.filter((candidate) => candidate.rule === 'MissingPermission')) {
      expect(finding.consequence).not.toBe('');
      expect(finding.remediation?.Effect).toBe('Allow');
    }
    const granted = ['Validate order', 'Record order', 'Request approval', 'Apply stock change'];
    expect(
      findings.filter((finding) => granted.includes(finding.state?.name ?? '') && finding.purpose === 'invoke'),
    ).toEqual([]);
  });
});
