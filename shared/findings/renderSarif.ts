import type { AuditReport, Finding } from '../types.js';
import { locateJsonPaths, type TextPosition } from './locateJsonPaths.js';
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

const FIRST_LINE: TextPosition = { line: 1, column: 1 };

/** The position of every finding's path, all found in one pass over the text (line 1 when unknown). */
function positionsOf(findings: readonly Finding[], text: string | undefined): TextPosition[] {
  if (text === undefined) return findings.map(() => FIRST_LINE);
  const paths = findings.map(pathOf);
  const located = locateJsonPaths(
    text,
    paths.filter((path): path is readonly string[] => path !== undefined),
  );
  let next = 0;
  return paths.map((path) => (path === undefined ? FIRST_LINE : (located[next++] ?? FIRST_LINE)));
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
  const positions = positionsOf(report.findings, options.definitionText);
  const results = report.findings.map((finding, index) => {
    const position = positions[index] ?? FIRST_LINE;
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
