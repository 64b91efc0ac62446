import { isRecord } from '../local/isRecord.js';
import type { PolicyStatement } from '../types.js';
import { closeNames } from './closeNames.js';
import { SAM_POLICY_TEMPLATES, SAM_POLICY_TEMPLATES_SOURCE } from './generated/samPolicyTemplates.js';
import { resolveField, type SamScope } from './resolveSamValue.js';
import { policyWithUnresolved } from './role/policyWithUnresolved.js';
import type { SamPolicyTemplate, SamStatement } from './types.js';

/** The values CloudFormation gives `AWS::Partition`, `AWS::Region` and `AWS::AccountId` for the stack. */
export type PseudoParameters = { partition: string; region: string; account: string };

/**
 * A SAM policy template expanded into IAM statements, or why it cannot be: an unknown name (with the names it
 * probably meant), parameters the template needs but did not get, or parameters that are not a map.
 */
export type SamPolicyExpansion =
  | { ok: true; statements: PolicyStatement[]; notes: string[] }
  | { ok: false; problem: 'unknownTemplate'; reason: string; closeNames: string[] }
  | { ok: false; problem: 'missingParameters'; reason: string; missing: string[] }
  | { ok: false; problem: 'invalidParameters'; reason: string };

/** The published templates by name, in a Map so that a name typed by the user (`constructor`) is only a key. */
const TEMPLATES: ReadonlyMap<string, SamPolicyTemplate> = new Map(Object.entries(SAM_POLICY_TEMPLATES));

const ORIGIN = `aws-sam-translator ${SAM_POLICY_TEMPLATES_SOURCE.version}`;

function expandStatement(scope: SamScope, statement: SamStatement): PolicyStatement {
  const { Effect, Action, Resource, Condition } = statement;
  const expanded: PolicyStatement = {
    Effect,
    Action: typeof Action === 'string' ? Action : [...Action],
    Resource: resolveField(scope, Resource),
  };
  if (Condition !== undefined) {
    expanded.Condition = Object.fromEntries(
      Object.entries(Condition).map(([operator, entries]) => [
        operator,
        Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, resolveField(scope, value)])),
      ]),
    );
  }
  return expanded;
}

/**
 * Expands one entry of a SAM function's or state machine's `Policies` (`- LambdaInvokePolicy: {FunctionName: x}`)
 * into the statements SAM puts in the generated role, with the stack's pseudo parameters filled in. The caller
 * resolves intrinsics of the user's own template first. A value still unknown (not text, or holding an unresolved
 * marker) is never a wider grant: its part of a pattern becomes `*` and the statement gets a condition on it
 * (policyWithUnresolved), so the evaluator answers `conditional`; a note names it.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html
 */
export function expandSamPolicyTemplate(
  name: string,
  parameters: Readonly<Record<string, unknown>>,
  pseudo: Readonly<PseudoParameters>,
): SamPolicyExpansion {
  const template = TEMPLATES.get(name);
  if (template === undefined) {
    const close = closeNames(name, TEMPLATES.keys());
    const hint = close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
    return {
      ok: false,
      problem: 'unknownTemplate',
      reason: `${name} is not a SAM policy template of ${ORIGIN}${hint}`,
      closeNames: close,
    };
  }
  if (!isRecord(parameters)) {
    return { ok: false, problem: 'invalidParameters', reason: `${name} takes a map of parameter values` };
  }
  const given = (parameter: string) => Object.hasOwn(parameters, parameter) && parameters[parameter] !== undefined;
  const absent = template.parameters.filter((parameter) => !given(parameter));
  if (absent.length > 0) {
    return {
      ok: false,
      problem: 'missingParameters',
      reason: `${name} needs ${absent.join(', ')} (it takes ${template.parameters.join(', ')})`,
      missing: absent,
    };
  }
  const notes = new Set<string>();
  const declared = new Set(template.parameters);
  for (const extra of Object.keys(parameters).filter((key) => !declared.has(key))) {
    notes.add(`${name}: SAM ignores parameter ${extra}, which the template does not take`);
  }
  const scope: SamScope = {
    template: name,
    parameters: new Map(template.parameters.map((parameter) => [parameter, parameters[parameter]])),
    pseudo: new Map([
      ['AWS::Partition', pseudo.partition],
      ['AWS::Region', pseudo.region],
      ['AWS::AccountId', pseudo.account],
    ]),
    notes,
  };
  const expanded = template.statements.map((statement) => expandStatement(scope, statement));
  const statements = [policyWithUnresolved({ Statement: expanded }).Statement].flat();
  return { ok: true, statements, notes: [...notes] };
}
