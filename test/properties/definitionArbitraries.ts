// biome-ignore-all lint/suspicious/noTemplateCurlyInString: definitions carry literal ${…} DefinitionSubstitutions placeholders
/**
 * fast-check generators of valid Amazon States Language definitions: every state type, every catalogue Task
 * integration (aws-sdk through a few service:api pairs), ItemReader/ResultWriter of Distributed Maps, both query
 * languages, literal / dynamic / `${Placeholder}` values, nesting up to MAX_GENERATED_DEPTH. Everything is built
 * valid by construction (StartAt, Next/End, unique names per scope), so `parseDefinition` accepts each one.
 */
import { CATALOGUE } from '../../shared/catalogue/catalogue.js';
import type { DeriveContext } from '../../shared/types.js';
import { fc } from './configureFastCheck.js';

type Json = unknown;
type JsonObject = Record<string, Json>;
type Language = 'JSONPath' | 'JSONata';

/** The deepest Parallel/Map nesting generated (issue 8: "nesting up to 30"). */
export const MAX_GENERATED_DEPTH = 30;

/** A few AWS SDK integrations with the fields their Parameters carry (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html). */
export const SDK_CALLS: readonly { service: string; api: string; fields: readonly string[] }[] = [
  { service: 's3', api: 'getObject', fields: ['Bucket', 'Key'] },
  { service: 's3', api: 'listObjectsV2', fields: ['Bucket', 'Prefix'] },
  { service: 'dynamodb', api: 'query', fields: ['TableName', 'IndexName'] },
  { service: 'sqs', api: 'sendMessage', fields: ['QueueUrl'] },
  { service: 'secretsmanager', api: 'getSecretValue', fields: ['SecretId'] },
  { service: 'sfn', api: 'startExecution', fields: ['StateMachineArn'] },
  { service: 'lambda', api: 'invoke', fields: ['FunctionName'] },
  { service: 'ec2', api: 'describeInstances', fields: [] },
  { service: 'iam', api: 'createRole', fields: ['RoleName'] },
  { service: 'ecs', api: 'runTask', fields: ['TaskDefinition', 'Cluster'] },
  { service: 'sagemaker', api: 'createModel', fields: ['ModelName', 'ExecutionRoleArn'] },
  { service: 'kms', api: 'decrypt', fields: ['KeyId'] },
  { service: 'apigateway', api: 'getRestApis', fields: [] },
  { service: 'sts', api: 'getCallerIdentity', fields: [] },
];

const TASK_ENTRIES = CATALOGUE.filter((entry) => entry.kind === 'task');

/** Literal values: realistic names and ARNs, IAM wildcard and variable characters, odd text. */
const literalArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'orders',
    'orders-fn',
    'arn:aws:lambda:us-east-1:111122223333:function:orders:live',
    'arn:aws:sns:us-east-1:111122223333:topic',
    'https://sqs.us-east-1.amazonaws.com/111122223333/queue',
    'arn:aws:iam::111122223333:role/worker',
    'arn:aws:states:us-east-1:111122223333:stateMachine:child',
    'arn:aws:dynamodb:eu-west-1:444455556666:table/T',
    's3://bucket/prefix/key',
    'a*b?c',
    '*',
    '${aws:username}',
    '$',
    '\u0004',
    '',
    ' ',
  ),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** A `${Name}` DefinitionSubstitutions placeholder, alone or inside text. */
const placeholderArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'arn:aws:lambda:us-east-1:111122223333:function:', 'prefix-'),
    fc.constantFrom('FunctionName', 'TableName', 'Queue', 'X', 'aws:username'),
    fc.constantFrom('', '-suffix', ':live'),
  )
  .map(([before, name, after]) => `${before}\${${name}}${after}`);

const jsonPathArbitrary = fc.constantFrom('$.x', '$.input.name', '$$.Execution.Id', '$.items[0]', '$');
const intrinsicArbitrary = fc.constantFrom(
  "States.Format('arn:aws:lambda:us-east-1:111122223333:function:{}', $.name)",
  "States.Format('{}', $.x)",
  'States.ArrayGetItem($.list, 0)',
  "States.StringSplit($.csv, ',')",
  'States.UUID()',
);
const jsonataArbitrary = fc.constantFrom(
  '{% $states.input.x %}',
  "{% 'orders-' & $states.input.kind %}",
  "{% 'arn:aws:sqs:us-east-1:111122223333:queue' %}",
  '{% $x %}',
  '{%%}',
);

/** One field's value in the given language: a literal, a placeholder, or a value known only at run time. */
type FieldValue = { key: string; value: Json };
function fieldValueArbitrary(field: string, language: Language): fc.Arbitrary<FieldValue> {
  const literal = fc.oneof(literalArbitrary, placeholderArbitrary).map((value) => ({ key: field, value }));
  const dynamic =
    language === 'JSONPath'
      ? fc.oneof(jsonPathArbitrary, intrinsicArbitrary).map((value) => ({ key: `${field}.$`, value }))
      : jsonataArbitrary.map((value) => ({ key: field, value }));
  const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map((value) => ({ key: field, value }));
  return fc.oneof(
    { weight: 4, arbitrary: literal },
    { weight: 3, arbitrary: dynamic },
    { weight: 1, arbitrary: wrong },
  );
}

/** Sets `Field`, `A.B` or `Entries[*].EventBusName` in an object, building the nesting the path names. */
function setField(target: JsonObject, path: string, value: FieldValue, arrayLength: number): void {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? '' : path.slice(dot + 1);
  if (rest === '') {
    target[value.key] = value.value;
    return;
  }
  if (head.endsWith('[*]')) {
    const name = head.slice(0, -3);
    const list = Array.isArray(target[name]) ? (target[name] as JsonObject[]) : [];
    while (list.length < arrayLength) list.push({});
    for (const item of list) setField(item, rest, value, arrayLength);
    target[name] = list;
    return;
  }
  const inner = typeof target[head] === 'object' && target[head] !== null ? (target[head] as JsonObject) : {};
  setField(inner, rest, value, arrayLength);
  target[head] = inner;
}

function payloadArbitrary(fields: readonly string[], language: Language): fc.Arbitrary<JsonObject> {
  const values = fields.map((field) =>
    fc.option(
      fieldValueArbitrary(field.split('.').at(-1) ?? field, language).map((value) => ({ field, value })),
      { freq: 4 },
    ),
  );
  return fc.tuple(fc.tuple(...values), fc.integer({ min: 1, max: 3 })).map(([chosen, length]) => {
    const payload: JsonObject = {};
    for (const item of chosen) if (item !== null) setField(payload, item.field, item.value, length);
    return payload;
  });
}

/** A Task Resource with the Parameters fields its catalogue entry reads. */
type TaskTarget = { resource: string; fields: readonly string[] };
const entryFields = (entry: (typeof TASK_ENTRIES)[number]): string[] => [
  ...new Set(entry.permissions.flatMap((p) => p.parameterFields).filter((f) => !f.startsWith('<'))),
];
const taskTargetArbitrary: fc.Arbitrary<TaskTarget> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(
        ...TASK_ENTRIES.filter((e) => e.resource.startsWith('arn:aws:states:::') && !e.resource.includes('${')),
      )
      .map((e) => ({ resource: e.resource, fields: entryFields(e) })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...SDK_CALLS), fc.boolean()).map(([call, callback]) => ({
      resource: `arn:aws:states:::aws-sdk:${call.service}:${call.api}${callback ? '.waitForTaskToken' : ''}`,
      fields: [...call.fields, 'RoleArn'],
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', ':live', ':$LATEST', ':7')
      .map((q) => ({ resource: `arn:aws:lambda:us-east-1:111122223333:function:orders${q}`, fields: [] })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({ resource: 'arn:aws:states:us-east-1:111122223333:activity:review', fields: [] }),
  },
  { weight: 1, arbitrary: fc.constant({ resource: '${TaskResource}', fields: ['FunctionName'] }) },
);

/** A state's body without its transition (Next/End), built for the language in force. */
type Body = { state: JsonObject; transitions: boolean; scopes?: number };

function taskArbitrary(language: Language): fc.Arbitrary<JsonObject> {
  const payloadKey = language === 'JSONata' ? 'Arguments' : 'Parameters';
  const credentials = fc.option(
    fc.oneof(
      fieldValueArbitrary('RoleArn', language),
      fc.constant({ key: 'RoleArn', value: 'arn:aws:iam::444455556666:role/target' }),
    ),
    { freq: 8 },
  );
  return taskTargetArbitrary.chain((target) =>
    fc.tuple(payloadArbitrary(target.fields, language), credentials, fc.boolean()).map(([payload, creds, retry]) => {
      const state: JsonObject = { Type: 'Task', Resource: target.resource, [payloadKey]: payload };
      if (creds !== null) state.Credentials = { [creds.key]: creds.value };
      if (retry) state.Retry = [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }];
      return state;
    }),
  );
}

const leafBodyArbitrary = (language: Language): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 5, arbitrary: taskArbitrary(language).map((state) => ({ state, transitions: true })) },
    {
      weight: 1,
      arbitrary: fc.constant({
        state:
          language === 'JSONata' ? { Type: 'Pass', Output: '{% $states.input %}' } : { Type: 'Pass', Result: { a: 1 } },
        transitions: true,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { state: { Type: 'Wait', Seconds: 1 }, transitions: true },
        { state: { Type: 'Succeed' }, transitions: false },
        { state: { Type: 'Fail', Error: 'E', Cause: 'c' }, transitions: false },
        { state: { Type: 'Choice' }, transitions: false },
      ),
    },
  );

/** Shapes of a scope: a list of states, some of them containers of nested scopes. */
type Shape =
  | { kind: 'leaf' }
  | { kind: 'parallel'; branches: ShapeScope[] }
  | { kind: 'map'; distributed: boolean; processor: ShapeScope };
type ShapeScope = Shape[];

const shapeArbitrary: fc.Arbitrary<ShapeScope> = fc.letrec<{ scope: ShapeScope; shape: Shape }>((tie) => ({
  scope: fc.array(tie('shape'), { minLength: 1, maxLength: 4 }),
  shape: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { weight: 5, arbitrary: fc.constant({ kind: 'leaf' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .array(tie('scope'), { minLength: 1, maxLength: 2 })
        .map((branches) => ({ kind: 'parallel' as const, branches })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.boolean(), tie('scope'))
        .map(([distributed, processor]) => ({ kind: 'map' as const, distributed, processor })),
    },
  ),
})).scope;

/** A spine of `depth` nested Parallel/Map states, each holding a leaf beside the next level. */
const deepShapeArbitrary: fc.Arbitrary<ShapeScope> = fc
  .array(fc.constantFrom('parallel', 'map', 'distributed'), { minLength: 1, maxLength: MAX_GENERATED_DEPTH })
  .map((kinds) => {
    let scope: ShapeScope = [{ kind: 'leaf' }];
    for (const kind of kinds) {
      const container: Shape =
        kind === 'parallel'
          ? { kind: 'parallel', branches: [scope] }
          : { kind: 'map', distributed: kind === 'distributed', processor: scope };
      scope = [{ kind: 'leaf' }, container];
    }
    return scope;
  });

const itemReaderArbitrary = (language: Language): fc.Arbitrary<JsonObject | null> => {
  const key = language === 'JSONata' ? 'Arguments' : 'Parameters';
  return fc.option(
    fc.oneof(
      payloadArbitrary(['Bucket', 'Key', 'VersionId'], language).map((p) => ({
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        [key]: p,
      })),
      payloadArbitrary(['Bucket', 'Prefix'], language).map((p) => ({
        Resource: 'arn:aws:states:::s3:listObjectsV2',
        [key]: p,
      })),
    ),
    { freq: 3 },
  );
};
const resultWriterArbitrary = (language: Language): fc.Arbitrary<JsonObject | null> => {
  const key = language === 'JSONata' ? 'Arguments' : 'Parameters';
  return fc.option(
    fc.oneof(
      payloadArbitrary(['Bucket', 'Prefix'], language).map((p) => ({
        Resource: 'arn:aws:states:::s3:putObject',
        [key]: p,
      })),
      fc.constant({ WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } }),
    ),
    { freq: 3 },
  );
};

/** Turns a shape into the `{ StartAt, States }` object of one scope, with bodies drawn for the language in force. */
function scopeArbitrary(shape: ShapeScope, language: Language, names: string): fc.Arbitrary<JsonObject> {
  const bodies = shape.map((node, i): fc.Arbitrary<Body> => {
    if (node.kind === 'leaf') return leafBodyArbitrary(language);
    if (node.kind === 'parallel') {
      return fc
        .tuple(...node.branches.map((b, j) => scopeArbitrary(b, language, `${names}${i}b${j}`)))
        .map((branches) => ({ state: { Type: 'Parallel', Branches: branches }, transitions: true }));
    }
    return fc
      .tuple(
        scopeArbitrary(node.processor, language, `${names}${i}m`),
        itemReaderArbitrary(language),
        resultWriterArbitrary(language),
        fc.option(literalArbitrary, { freq: 2 }),
      )
      .map(([processor, reader, writer, label]) => {
        if (!node.distributed)
          return {
            state: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...processor } },
            transitions: true,
          };
        const state: JsonObject = {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...processor },
        };
        if (reader !== null) state.ItemReader = reader;
        if (writer !== null) state.ResultWriter = writer;
        if (label !== null) state.Label = label;
        return { state, transitions: true };
      });
  });
  return fc
    .tuple(fc.constantFrom('S', 'state ', 'É', '__proto__', 'constructor', 'toString'), fc.tuple(...bodies))
    .map(([prefix, drawn]) => {
      const stateNames = drawn.map((_, i) => `${prefix}${names}${i}`);
      const states: JsonObject = {};
      drawn.forEach((body, i) => {
        const next = stateNames[i + 1];
        const state: JsonObject = { ...body.state };
        if (state.Type === 'Choice') {
          if (next === undefined) {
            states[stateNames[i] as string] = { Type: 'Succeed' };
            return;
          }
          state.Choices = [
            language === 'JSONata'
              ? { Condition: '{% $states.input.go %}', Next: next }
              : { Variable: '$.go', BooleanEquals: true, Next: next },
          ];
          state.Default = next;
        } else if (body.transitions) {
          if (next === undefined) state.End = true;
          else state.Next = next;
        }
        states[stateNames[i] as string] = state;
      });
      return { StartAt: stateNames[0], States: states };
    });
}

/** A valid definition: a top-level QueryLanguage (or none: JSONPath) over a bushy or a deep shape. */
export const definitionArbitrary: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: shapeArbitrary }, { weight: 1, arbitrary: deepShapeArbitrary }),
    fc.constantFrom<Language | undefined>(undefined, 'JSONPath', 'JSONata'),
  )
  .chain(([shape, top]) =>
    scopeArbitrary(shape, top ?? 'JSONPath', '').map((scope) =>
      top === undefined ? scope : { QueryLanguage: top, ...scope },
    ),
  );

/** A derive context: known or unknown region, account and name, with logging, tracing and a KMS key sometimes on. */
export const deriveContextArbitrary: fc.Arbitrary<DeriveContext> = fc
  .record({
    region: fc.constantFrom('us-east-1', 'eu-west-1', '*'),
    account: fc.constantFrom('111122223333', '*'),
    stateMachineName: fc.constantFrom('orders', 'sm-1', '*'),
    loggingEnabled: fc.boolean(),
    tracingEnabled: fc.boolean(),
    kms: fc.boolean(),
  })
  .map(({ kms, ...rest }) => ({
    partition: 'aws',
    ...rest,
    ...(kms ? { kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' } : {}),
  }));

/** Extra request context that grants or conditions of the generated policy never contradict. */
export const extraContextArbitrary: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'aws:SourceIp': fc.ipV4(),
      'aws:PrincipalTag/team': fc.string({ minLength: 1, maxLength: 12 }),
      'aws:userid': fc.constantFrom('AROAEXAMPLE:session'),
      'aws:SecureTransport': fc.constantFrom('true', 'false'),
    },
    { requiredKeys: [] },
  )
  .map((context) => ({ ...context }));
