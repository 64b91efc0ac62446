import { renderJson } from '../shared/findings/renderJson.js';
import { renderSarif } from '../shared/findings/renderSarif.js';
import { renderText } from '../shared/findings/renderText.js';
import type { AuditReport } from '../shared/types.js';
import { pointAtDefinitionKey } from './pointAtDefinitionKey.js';
import type { PreparedAudit } from './preparedAudit.js';

/** An output format of `check`. */
export type ReportFormat = 'text' | 'json' | 'sarif';

/**
 * Renders the audit report as text, JSON or SARIF; SARIF locations point into the definition file, or at the
 * `definition` key of a describe-state-machine file (where the definition is an embedded string).
 */
export function renderReport(
  report: AuditReport,
  format: ReportFormat,
  prepared: PreparedAudit,
  color: boolean,
): string {
  if (format === 'text') return renderText(report, { color });
  if (format === 'json') return renderJson(report);
  if (!prepared.embedded) {
    return renderSarif(report, {
      definitionUri: prepared.sarifUri,
      ...(prepared.sarifText === undefined ? {} : { definitionText: prepared.sarifText }),
    });
  }
  const sarif = renderSarif(report, { definitionUri: prepared.sarifUri });
  return prepared.sarifText === undefined ? sarif : pointAtDefinitionKey(sarif, prepared.sarifText);
}
