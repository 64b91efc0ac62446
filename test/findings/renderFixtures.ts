import { countBySeverity } from '../../shared/audit/countBySeverity.js';
import type { AuditReport, Finding, Requirement } from '../../shared/types.js';
import { SM_ARN } from './builders.js';

/** A report holding exactly these findings (and suppressed ones), its summary counted from them. */
export function reportWith(
  findings: Finding[],
  options: {
    requirements?: Requirement[];
    suppressed?: Finding[];
    arn?: string | null;
    notCheckable?: Requirement[];
  } = {},
): AuditReport {
  const requirements = options.requirements ?? [];
  const arn = options.arn === undefined ? SM_ARN : options.arn;
  return {
    version: '1',
    stateMachine: { arn, name: arn === null ? null : 'orders', revisionId: null },
    role: { arn: 'arn:aws:iam::111122223333:role/orders' },
    auditedAt: '2025-01-02T03:04:05.000Z',
    requirements,
    findings,
    suppressed: options.suppressed ?? [],
    notCheckable: options.notCheckable ?? [],
    summary: { bySeverity: countBySeverity(findings), requirements: requirements.length, checkedRequests: 0 },
  };
}

/** A SAM template whose state machine resource `Orders` starts on line 4, column 3 (YAML, plain key). */
export const TEMPLATE_TEXT = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/orders.asl.json
`;

/** The definition file of that template: the state "Run job" at line 4, column 5. */
export const DEFINITION_URI_TEXT = `{
  "StartAt": "Run job",
  "States": {
    "Run job": {
      "Type": "Task",
      "Resource": "arn:aws:states:::ecs:runTask.sync",
      "End": true
    }
  }
}`;
