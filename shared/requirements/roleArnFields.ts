/** Request field names that carry a role passed to the service (RoleArn, ExecutionRoleArn, ServiceRole, Role …). */
const ROLE_KEY = /(?:^|[a-z])Role(?:Arn|ARN)?$/;
const MAX_DEPTH = 6;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldName(key: string): string {
  return key.endsWith('.$') ? key.slice(0, -2) : key;
}

function collect(value: unknown, path: string, depth: number, out: Set<string>): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, `${path}[*]`, depth + 1, out);
    return;
  }
  if (!isObject(value)) return;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = value[key];
    const name = fieldName(key);
    const childPath = path === '' ? name : `${path}.${name}`;
    if (ROLE_KEY.test(name) && !isObject(child) && !Array.isArray(child)) out.add(childPath);
    else collect(child, childPath, depth + 1, out);
  }
}

/**
 * The dotted paths (`[*]` for arrays, `.$` stripped) of the fields of an SDK task's arguments that name a role
 * the call passes to the service, in document order.
 */
export function roleArnFields(args: unknown): string[] {
  const out = new Set<string>();
  collect(args, '', 0, out);
  return [...out];
}
