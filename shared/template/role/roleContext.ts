import { isRecord } from '../../local/isRecord.js';
import type { NamedPolicy } from '../../ports.js';
import type { Finding } from '../../types.js';
import type { TemplateModel } from '../model.js';
import { replaceUnresolved } from '../unresolved.js';

/** A role as connectors and attachments name it: its logical id in the template, its physical name and ARN. */
export type RoleRef = {
  readonly logicalId: string;
  readonly name: string | undefined;
  readonly arn: string | undefined;
};

/** What the builders of one execution role share: the model, whose role it is, and the findings so far. */
export type RoleContext = {
  readonly model: TemplateModel;
  readonly stateMachineArn: string | null;
  readonly findings: Finding[];
};

/** The policies a role ends up with. */
export type RolePolicySet = { identity: NamedPolicy[]; boundary?: NamedPolicy };

/** Text with each unresolved marker shown as `<what>`, for titles, names and details. */
export function readable(text: string): string {
  return replaceUnresolved(text, (what) => `<${what}>`);
}

/** The logical id a `Ref`, `Fn::GetAtt` (both forms) or whole-text `Fn::Sub` of `${Id}`/`${Id.Attr}` names. */
export function logicalIdOf(value: unknown): string | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  const sub = value['Fn::Sub'];
  const match = typeof sub === 'string' ? /^\$\{([^.!}]+)(\.[^}]+)?\}$/.exec(sub) : null;
  return match?.[1];
}

/**
 * The items of a list property, each as written and as resolved (`Roles`, `ManagedPolicyArns`); an item that
 * resolves to nothing (`AWS::NoValue`) is left out, and a list built by an intrinsic (`Fn::If`, `Fn::Split`) is
 * resolved as a whole.
 */
export function resolvedItems(model: TemplateModel, raw: unknown): { raw: unknown; value: unknown }[] {
  if (raw === undefined) return [];
  if (Array.isArray(raw)) {
    return raw.map((item) => ({ raw: item, value: model.resolve(item) })).filter((item) => item.value !== undefined);
  }
  const value = model.resolve(raw);
  if (Array.isArray(value))
    return value.filter((item) => item !== undefined).map((item) => ({ raw: item, value: item }));
  return value === undefined ? [] : [{ raw, value }];
}

/** True when a `Roles`/`RoleName` item names the role: `Ref` to it, or its physical name. */
export function namesRole(item: { raw: unknown; value: unknown }, role: RoleRef): boolean {
  if (logicalIdOf(item.raw) === role.logicalId) return true;
  return typeof item.value === 'string' && role.name !== undefined && item.value === role.name;
}
