import type { ReportChange } from '../ports.js';
import type { AuditReport, Severity } from '../types.js';
import { notableFindings } from './toChatbotMessage.js';

/**
 * True when people should be told: a finding at least as severe as `minSeverity` is new or got worse, or the
 * previous audit had findings and this one has none ("all clear").
 */
export function warrantsNotification(report: AuditReport, change: ReportChange, minSeverity: Severity): boolean {
  return change.allClear || notableFindings(report, change, minSeverity).length > 0;
}
