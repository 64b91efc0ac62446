import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonReports } from '../../shared/findings/renderJson.js';
import { sampleReport } from './reportFixture.js';

describe('renderJson', () => {
  it('writes the documented top-level fields in order', () => {
    const json = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(json)).toEqual([
      'version',
      'stateMachine',
      'role',
      'auditedAt',
      'summary',
      'findings',
      'suppressed',
      'notCheckable',
      'remediationPolicy',
    ]);
    expect(json.version).toBe('1');
    expect(json.auditedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(json.role).toEqual({ arn: 'arn:aws:iam::111122223333:role/orders' });
  });

  it('summarises every severity and the counts', () => {
    const json = JSON.parse(renderJson(sampleReport()));
    expect(json.summary).toEqual({
      bySeverity: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 0, INFORMATIONAL: 0 },
      requirements: 3,
      checkedRequests: 2,
      findings: 3,
      suppressed: 0,
      notCheckable: 1,
    });
  });

  it('carries each finding with its id, rule, severity and remediation, and the merged policy', () => {
    const report = sampleReport();
    const json = JSON.parse(renderJson(report));
    expect(json.findings.map((f: { id: string }) => f.id)).toEqual(report.findings.map((f) => f.id));
    const invoke = json.findings.find((f: { purpose: string }) => f.purpose === 'invoke');
    expect(invoke).toMatchObject({ rule: 'MissingPermission', severity: 'HIGH', actions: ['ecs:RunTask'] });
    expect(json.remediationPolicy.Statement).toEqual([
      {
        Sid: 'SfnRoleAudit1',
        Effect: 'Allow',
        Action: ['ecs:RunTask'],
        Resource: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/job:1'],
      },
    ]);
  });

  it('writes a null remediation policy when nothing can be added', () => {
    const json = JSON.parse(renderJson({ ...sampleReport(), findings: [] }));
    expect(json.remediationPolicy).toBeNull();
  });
});

describe('renderJsonReports', () => {
  it('writes exactly the single-report contract for one state machine', () => {
    expect(renderJsonReports([{ id: 'd.asl.json', report: sampleReport() }])).toBe(renderJson(sampleReport()));
  });

  it('wraps several reports in the documented envelope with a summary over all of them', () => {
    const clean = {
      ...sampleReport(),
      findings: [],
      summary: { ...sampleReport().summary, bySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 } },
    };
    const json = JSON.parse(
      renderJsonReports([
        { id: 'template.yaml#Orders', report: sampleReport() },
        { id: 'template.yaml#Billing', report: clean },
      ]),
    );
    expect(Object.keys(json)).toEqual(['version', 'reports', 'summary']);
    expect(json.version).toBe('1');
    expect(json.reports.map((r: { id: string }) => r.id)).toEqual(['template.yaml#Orders', 'template.yaml#Billing']);
    expect(json.reports[0].report).toEqual(JSON.parse(renderJson(sampleReport())));
    expect(json.summary).toEqual({
      stateMachines: 2,
      bySeverity: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 0, INFORMATIONAL: 0 },
      findings: 3,
      suppressed: 0,
      notCheckable: 2,
    });
  });

  it('writes the envelope with no reports for a run without state machines', () => {
    expect(JSON.parse(renderJsonReports([]))).toEqual({
      version: '1',
      reports: [],
      summary: {
        stateMachines: 0,
        bySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 },
        findings: 0,
        suppressed: 0,
        notCheckable: 0,
      },
    });
  });
});
