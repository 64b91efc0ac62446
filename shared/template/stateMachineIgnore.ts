import { InputError } from '../local/InputError.js';
import { isRecord } from '../local/isRecord.js';
import type { TemplateModel, TemplateResource } from './model.js';

/** The Metadata key of the audit's inline suppressions, as cfn-lint reads `cfn-lint: {config: {ignore_checks: …}}`. */
export const METADATA_KEY = 'sfn-role-audit';

/**
 * The ignore entries of a state machine's Metadata: `sfn-role-audit: {ignore: [RULE_OR_PURPOSE_OR_ID, …]}`, where an
 * entry is text or `{rule: RULE_OR_PURPOSE_OR_ID, reason: TEXT}` (the reason is for the reader). Any other shape is an
 * InputError naming the file, line and column: a suppression that silently does nothing would hide findings.
 */
export function stateMachineIgnore(model: TemplateModel, resource: TemplateResource): string[] {
  const settings = resource.metadata?.[METADATA_KEY];
  if (settings === undefined) return [];
  const path = ['Resources', resource.logicalId, 'Metadata', METADATA_KEY];
  const fail = (reason: string, at: (string | number)[] = path): never => {
    const position = model.positionOf(at) ?? model.positionOf(path);
    const where = position === undefined ? '' : ` at line ${position.line}, column ${position.column}`;
    throw new InputError(`${model.path}${where}: ${resource.logicalId} Metadata ${METADATA_KEY}: ${reason}`);
  };
  if (!isRecord(settings)) return fail('expected {ignore: [RULE_OR_PURPOSE_OR_ID, …]}');
  const list = settings.ignore;
  if (list === undefined) return [];
  const entries = typeof list === 'string' ? [list] : Array.isArray(list) ? list : fail('ignore must be a list');
  return entries.map((entry, index) => {
    if (typeof entry === 'string' && entry !== '') return entry;
    if (isRecord(entry) && typeof entry.rule === 'string' && entry.rule !== '') return entry.rule;
    return fail('each ignore entry is a rule, purpose or finding id, or {rule: …, reason: …}', [
      ...path,
      'ignore',
      index,
    ]);
  });
}
