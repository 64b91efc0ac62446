// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders

import { fieldsOfArnVariable } from '../catalogue/arnVariableFields.js';
import { type IamResourceType, iamActionReference } from '../catalogue/iamReference.js';
import { compileTemplate } from './compileTemplate.js';

/** What the authorized templates of one action are built from. */
export type AuthorizedTemplateInput = {
  /** The IAM action (`glue:StartJobRun`). */
  action: string;
  /** The fields of the request that can name the resource (catalogue `parameterFields`, or the SDK request's keys). */
  fields: readonly string[];
  /** Templates of the catalogue (the grant of AWS's template) that may already name the authorized resource. */
  catalogueTemplates?: readonly string[];
  /** Lower-case the names the ARN carries (SageMaker). */
  lowercase?: boolean;
};

/** How the authorized templates were chosen (for documentation and tests). */
export type AuthorizedTemplates = {
  templates: readonly string[];
  /** The Service Authorization Reference resource type the templates stand for; `*` when it lists none. */
  resourceType: string;
  /** True when no template reads a field: every part that is not the location is a hole. */
  fromReference: boolean;
};

const LOCATION_VARIABLES: Readonly<Record<string, string>> = {
  Partition: '${Partition}',
  Region: '${Region}',
  Account: '${Account}',
};

const CACHE = new Map<string, AuthorizedTemplates | null>();

/** The fields present, by exact name and lower-cased name. */
function fieldLookup(fields: readonly string[]): { exact: ReadonlySet<string>; lower: ReadonlyMap<string, string> } {
  const exact = new Set(fields);
  const lower = new Map<string, string>();
  for (const field of fields) if (!lower.has(field.toLowerCase())) lower.set(field.toLowerCase(), field);
  return { exact, lower };
}

type Binding = { template: string; bound: number; holes: number };

/** A field named after the resource type and `Arn` (`ExecutionArn` for `execution`): it holds the whole ARN. */
function arnFieldOf(type: IamResourceType, fields: ReturnType<typeof fieldLookup>): string | undefined {
  if (!/\$\{(?!Partition\}|Region\}|Account\})/.test(type.arn)) return undefined;
  return fields.lower.get(`${type.name.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}arn`);
}

/**
 * The reference's ARN format with each variable read from a field of the request (a nested candidate such as
 * `Entries[*].EventBusName` when its top-level field is present), or a hole; a `<Type>Arn` field gives the whole ARN.
 */
function bindFormat(
  service: string,
  type: IamResourceType,
  fields: ReturnType<typeof fieldLookup>,
  lowercase: boolean,
): Binding {
  const arnField = arnFieldOf(type, fields);
  if (arnField !== undefined) {
    // The format up to its first variable, then the field: a literal ARN replaces it whole, a run-time value keeps it.
    const cut = type.arn.search(/\$\{(?!Partition\}|Region\}|Account\})/);
    return { template: `${type.arn.slice(0, cut)}\${Param:${arnField}}`, bound: 1, holes: 0 };
  }
  let bound = 0;
  let holes = 0;
  const suffix = lowercase ? '|lowercase' : '';
  const template = type.arn.replace(/\$\{([^}]+)\}/g, (_whole, variable: string) => {
    const location = LOCATION_VARIABLES[variable];
    if (location !== undefined) return location;
    const candidates = fieldsOfArnVariable(service, variable, type.name);
    for (const candidate of candidates) {
      const [field = ''] = candidate.split('#');
      if (fields.exact.has(field) || fields.exact.has(field.split(/[.[]/)[0] ?? '')) {
        bound++;
        return `\${Param:${candidate}${candidate.includes('#') ? '' : suffix}}`;
      }
    }
    const loose = fields.lower.get(variable.toLowerCase());
    if (loose !== undefined) {
      bound++;
      return `\${Param:${loose}${suffix}}`;
    }
    holes++;
    return `\${Hole:${variable}}`;
  });
  return { template, bound, holes };
}

/** The service and literal start of a resource part (`glue`, `job/`), to tell whether a template names a type. */
function shapeOf(template: string): { service: string; resourceStart: string } | undefined {
  if (!template.startsWith('arn:')) return undefined;
  const parts = template.split(':');
  if (parts.length < 6) return undefined;
  const resource = parts.slice(5).join(':');
  const cut = resource.search(/\$\{|\*|\?/);
  return { service: parts[2] ?? '', resourceStart: cut < 0 ? resource : resource.slice(0, cut) };
}

/** True when a catalogue template names a resource of the given type (same service, same literal resource start). */
function fits(template: string, type: IamResourceType, service: string): boolean {
  if (template === '${StateMachineArn}') return service === 'states';
  if (template === '${Resource}') return true;
  const shape = shapeOf(template);
  const typeShape = shapeOf(type.arn);
  if (shape === undefined || typeShape === undefined) return false;
  if (shape.service !== typeShape.service) return false;
  if (typeShape.resourceStart === '') return true;
  return (
    shape.resourceStart.startsWith(typeShape.resourceStart) || typeShape.resourceStart.startsWith(shape.resourceStart)
  );
}

function choose(input: AuthorizedTemplateInput): AuthorizedTemplates | undefined {
  const reference = iamActionReference(input.action);
  if (reference === undefined) return undefined;
  // A few reference entries join several ARN formats with commas (API Gateway's `…/apis/ID/…, …/restapis/ID/…`):
  // each is an alternative resource of the type.
  const types = reference.resourceTypes.flatMap((type) =>
    type.arn.includes(', ') ? type.arn.split(/,\s*/).map((arn) => ({ ...type, arn })) : [type],
  );
  if (types.length === 0) return { templates: ['*'], resourceType: '*', fromReference: true };
  const fields = fieldLookup(input.fields);
  const lowercase = input.lowercase === true;
  const bindings = types.map((type) => ({ type, binding: bindFormat(reference.service, type, fields, lowercase) }));
  const specific = (input.catalogueTemplates ?? []).filter((t) => t !== '*' && !compileTemplate(t).unresolvable);
  // The Task's own Resource (a function ARN) is the resource called, exactly.
  if (specific.length > 0 && specific.every((t) => t === '${Resource}')) {
    return { templates: specific, resourceType: types[0]?.name ?? '*', fromReference: false };
  }
  // A catalogue template that names a resource of one of the action's types knows its fields best, unless the
  // reference's format can be filled completely (the catalogue may grant `training-job/*` where the name is known).
  for (const { type, binding } of bindings) {
    const fitting = specific.filter((t) => fits(t, type, reference.service));
    if (fitting.length === 0) continue;
    if (binding.holes === 0 && binding.bound > 0) {
      return { templates: [binding.template], resourceType: type.name, fromReference: false };
    }
    return { templates: fitting, resourceType: type.name, fromReference: false };
  }
  // Of the types the request names completely, the most specific (`table/T/index/I` when `IndexName` is given).
  const filled = bindings.filter(({ binding }) => binding.holes === 0 && binding.bound > 0);
  const most = Math.max(0, ...filled.map(({ binding }) => binding.bound));
  const complete = filled.filter(({ binding }) => binding.bound === most);
  const best =
    complete.find(({ type }) => type.required) ??
    complete[0] ??
    [...bindings].filter(({ binding }) => binding.bound > 0).sort((a, b) => a.binding.holes - b.binding.holes)[0];
  if (best !== undefined) {
    return { templates: [best.binding.template], resourceType: best.type.name, fromReference: false };
  }
  const required = bindings.filter(({ type }) => type.required);
  const only = required.length === 1 ? required[0] : undefined;
  if (only !== undefined)
    return { templates: [only.binding.template], resourceType: only.type.name, fromReference: true };
  // Several alternative resource types and nothing names one: the role must allow them all, as `*` does.
  return { templates: ['*'], resourceType: '*', fromReference: true };
}

/**
 * The templates of the resources IAM authorizes an action on (design.md, "authorized resource"): the action's
 * resource type in the Service Authorization Reference with its ARN variables read from the request's fields (a
 * hole where none names it), a catalogue template that names a resource of that type, or `*` when the reference
 * lists no resource type. Undefined when the reference does not know the action.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export function authorizedTemplatesOf(input: AuthorizedTemplateInput): AuthorizedTemplates | undefined {
  const key = JSON.stringify([input.action, input.fields, input.catalogueTemplates ?? [], input.lowercase === true]);
  const cached = CACHE.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const chosen = choose(input);
  if (CACHE.size < 4096) CACHE.set(key, chosen ?? null);
  return chosen;
}
