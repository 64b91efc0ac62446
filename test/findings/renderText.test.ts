import { describe, expect, it } from 'vitest';
import { renderText, renderTextReports } from '../../shared/findings/renderText.js';
import type { Finding } from '../../shared/types.js';
import { sampleReport } from './reportFixture.js';

const ESC = '\u001b[';

describe('renderText', () => {
  it('shows each finding with its severity, title, consequence and the statement to add', () => {
    const text = renderText(sampleReport(), { color: false });
    expect(text).toContain("[HIGH] ECS task 'Run job' cannot call the service: missing ecs:RunTask");
    expect(text).toContain("ECS task 'Run job': the task fails with AccessDenied when it calls ecs:RunTask");
    expect(text).toContain('    actions:   ecs:RunTask');
    expect(text).toContain('"Action": [\n        "ecs:RunTask"\n      ]');
    expect(text).toContain('fix: remove or narrow the deny in the permissions boundary');
    expect(text).toContain("ECS task 'Run job': stopping the execution leaves the job running and billing");
  });

  it('lists state-machine-wide findings before the states, worst first within a state', () => {
    const text = renderText(sampleReport(), { color: false });
    const machine = text.indexOf('\nState machine\n');
    const state = text.indexOf("\nState 'Run job' (States › Run job)\n");
    expect(machine).toBeGreaterThan(0);
    expect(state).toBeGreaterThan(machine);
    expect(text.indexOf('[HIGH]')).toBeGreaterThan(state);
    expect(text.indexOf('[MEDIUM]')).toBeGreaterThan(text.indexOf('[HIGH]'));
  });

  it('ends with the merged policy to add and a one-line summary', () => {
    const text = renderText(sampleReport(), { color: false });
    expect(text).toContain('Add these statements to the execution role:\n{\n  "Version": "2012-10-17"');
    expect(text).toContain('"Sid": "SfnRoleAudit1"');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '3 findings (1 critical, 1 high, 1 medium); 3 requirements, 2 requests checked, 1 not checkable.',
    );
  });

  it('lists requirements of assumed roles as not checkable', () => {
    expect(renderText(sampleReport(), { color: false })).toContain(
      '  Run job: ecs:RunTask as arn:aws:iam::444455556666:role/other',
    );
  });

  it('writes no ANSI codes without colour', () => {
    expect(renderText(sampleReport(), { color: false })).not.toContain(ESC);
  });

  it('colours severities with ANSI codes when asked', () => {
    const text = renderText(sampleReport(), { color: true });
    expect(text).toContain(`${ESC}1;31m[CRITICAL]${ESC}0m`);
    expect(text).toContain(`${ESC}31m[HIGH]${ESC}0m`);
  });

  it('says so when there are no findings', () => {
    const report = { ...sampleReport(), findings: [], notCheckable: [] };
    const text = renderText(report, { color: false });
    expect(text).not.toContain('Add these statements');
    expect(text.trimEnd().split('\n').at(-1)).toBe('No findings; 3 requirements, 2 requests checked.');
  });
});

describe('renderTextReports', () => {
  it('writes exactly the single report for one state machine', () => {
    expect(renderTextReports([{ id: 'd.asl.json', report: sampleReport() }], { color: false })).toBe(
      renderText(sampleReport(), { color: false }),
    );
  });

  it('writes one section per state machine, headed by its id, and a total line', () => {
    const clean = { ...sampleReport(), findings: [], suppressed: [sampleReport().findings[0] as Finding] };
    const text = renderTextReports(
      [
        { id: 'template.yaml#Orders', report: sampleReport() },
        { id: 'template.yaml#Billing', report: clean },
      ],
      { color: false },
    );
    const orders = text.indexOf('=== template.yaml#Orders ===\n');
    const billing = text.indexOf('=== template.yaml#Billing ===\n');
    expect(orders).toBe(0);
    expect(billing).toBeGreaterThan(text.indexOf('3 findings (1 critical, 1 high, 1 medium)'));
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Total: 2 state machines, 3 findings (1 critical, 1 high, 1 medium), 1 suppressed.',
    );
  });

  it('says so when the run found no state machine', () => {
    expect(renderTextReports([], { color: false })).toBe('sfn-role-audit: no state machine to audit.\n');
  });
});
