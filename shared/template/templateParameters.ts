import { isRecord } from '../local/isRecord.js';
import { textOf } from './intrinsicScope.js';
import { unresolvedMarker } from './unresolved.js';

/** A parameter's value as `Ref` gives it (text, a list for list types, or a marker) and the note it brings. */
export type ParameterValue = { readonly value: string | string[]; readonly note?: string };

const SSM_TYPE = 'AWS::SSM::Parameter::Value<';

/** `List<…>` and `CommaDelimitedList` (also as SSM parameter types): `Ref` gives a list of the comma-separated parts. */
function isListType(type: string): boolean {
  const inner = type.startsWith(SSM_TYPE) ? type.slice(SSM_TYPE.length, -1) : type;
  return inner.startsWith('List<') || inner === 'CommaDelimitedList';
}

/**
 * The value of every parameter of the template's `Parameters` section: the --parameter value, else its `Default`
 * (`AllowedValues`, `AllowedPattern` and `NoEcho` change nothing offline: a NoEcho value is used, never printed in a
 * note). A parameter of an SSM type (`AWS::SSM::Parameter::Value<String>`) is the value CloudFormation reads from
 * Systems Manager at deploy time: only a --parameter gives it, its Default being the SSM parameter's name. A parameter
 * without a value is an unresolved marker with a note saying how to give it.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
export function templateParameters(
  section: unknown,
  overrides: ReadonlyMap<string, string>,
): ReadonlyMap<string, ParameterValue> {
  const values = new Map<string, ParameterValue>();
  if (!isRecord(section)) return values;
  for (const [name, declaration] of Object.entries(section)) {
    const type = isRecord(declaration) ? (textOf(declaration.Type) ?? 'String') : 'String';
    const ssm = type.startsWith(SSM_TYPE);
    const given = overrides.get(name);
    const fallback = !ssm && isRecord(declaration) ? textOf(declaration.Default) : undefined;
    const text = given ?? fallback;
    if (text === undefined) {
      const note = ssm
        ? `Parameter ${name} is read from Systems Manager at deploy time: give it with --parameter ${name}=VALUE`
        : `Parameter ${name} has no Default: give it with --parameter ${name}=VALUE`;
      values.set(name, { value: unresolvedMarker(`Parameter ${name}`), note });
      continue;
    }
    values.set(name, { value: isListType(type) ? text.split(',') : text });
  }
  return values;
}
