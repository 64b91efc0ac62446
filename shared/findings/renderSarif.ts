import type { AuditReport, Finding } from '../types.js';
import { locateJsonPath, type TextPosition } from './locateJsonPath.js';
import { SARIF_LEVELS, sarifRuleId, sarifRules } from './sarifRules.js';

/** Where the definition lives: its URI in the repository and, for line numbers, its text. */
export type SarifOptions = { definitionText?: string; definitionUri: string };

/** Key of the partial fingerprint holding the finding id. */
export const SARIF_FINGERPRINT_KEY = 'sfnRoleAuditFindingId/v1';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function pathOf(finding: Finding): readonly string[] | undefined {
  const path = finding.details?.path;
  if (finding.rule === 'InvalidDefinition' && Array.isArray(path) && path.every((p) => typeof p === 'string')) {
    return path;
  }
  return finding.state?.path;
}

function positionOf(finding: Finding, text: string | undefined): TextPosition {
  const path = pathOf(finding);
  if (text === undefined || path === undefined) return { line: 1, column: 1 };
  return locateJsonPath(text, path) ?? { line: 1, column: 1 };
}

function messageOf(finding: Finding): string {
  const parts = [`${finding.title}.`, `${finding.consequence}.`];
  if (finding.remediation !== undefined) parts.push(`Add: ${JSON.stringify(finding.remediation)}`);
  else if (typeof finding.details?.fix === 'string') parts.push(`Fix: ${finding.details.fix}.`);
  return parts.join(' ');
}

/**
 * The report as SARIF 2.1.0 for GitHub code scanning
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * one rule per rule × purpose, one result per finding located at its state's key in the definition (line 1 when
 * unknown), with the finding id as partial fingerprint.
 */
export function renderSarif(report: AuditReport, options: SarifOptions): string {
  const results = report.findings.map((finding) => {
    const position = positionOf(finding, options.definitionText);
    return {
      ruleId: sarifRuleId(finding),
      level: SARIF_LEVELS[finding.severity],
      message: { text: messageOf(finding) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: options.definitionUri },
            region: { startLine: position.line, startColumn: position.column },
          },
        },
      ],
      partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.id },
      properties: {
        severity: finding.severity,
        actions: finding.actions,
        resources: finding.resources,
        ...(finding.state === null ? {} : { state: finding.state.name }),
        docs: finding.docs,
      },
    };
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sfn-role-audit',
            rules: sarifRules(report.findings),
          },
        },
        automationDetails: {
          id: `sfn-role-audit/${options.definitionUri}/`,
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
