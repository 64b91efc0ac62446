/**
 * The YAML short forms of CloudFormation's intrinsic functions and the long-form key each stands for
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html): `!Ref X` is
 * `{Ref: X}`, `!Condition X` is `{Condition: X}`, every other tag `!Name` is `{"Fn::Name": …}`. `!GetAtt A.B.C` (the
 * scalar form) is `{"Fn::GetAtt": ["A", "B.C"]}`: the logical id ends at the first dot.
 */
export const SHORT_FORM_TAGS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...[
    'And',
    'Base64',
    'Cidr',
    'Equals',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'If',
    'ImportValue',
    'Join',
    'Length',
    'Not',
    'Or',
    'Select',
    'Split',
    'Sub',
    'ToJsonString',
    'Transform',
  ].map((name) => [`!${name}`, `Fn::${name}`] as const),
]);

/** The long form of a tagged YAML value (`!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`). */
export function longFormOf(key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (key === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    out[key] = dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
  } else {
    out[key] = value;
  }
  return out;
}
