import { readIamReferenceText } from './generated/readIamReferenceText.js';
import { type IamReferenceTable, parseIamReferenceTable } from './parseIamReferenceTable.js';

// The Service Authorization Reference: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
// The table's encoding is described (and written) in scripts/iamReferenceBuilder.mjs. It is a data file read on the
// first lookup (generated/readIamReferenceText.ts), and each service is parsed on its first lookup.

/** A resource type an action acts on, as the Service Authorization Reference lists it for that action. */
export type IamResourceType = {
  name: string;
  arn: string;
  required: boolean;
  conditionKeys: readonly string[];
  dependentActions: readonly string[];
};

/** What the Service Authorization Reference says about one IAM action. */
export type IamActionReference = {
  /** IAM prefix, lower-case as in iam-data ('glue'). */
  service: string;
  /** Action name as the reference spells it ('StartJobRun'). */
  name: string;
  /** Empty when the action is authorized on `*`; each type's keys are the action's keys for it ∪ the type's own. */
  resourceTypes: readonly IamResourceType[];
  /** Action-level condition keys. */
  conditionKeys: readonly string[];
  /** Action-level dependent actions (those of a resource type are on the type). */
  dependentActions: readonly string[];
};

type EncodedType = [name: string, arn: string, keys?: string];

type Service = {
  prefix: string;
  strings: readonly string[];
  types: readonly EncodedType[];
  typeIndex: ReadonlyMap<string, number>;
  actions: ReadonlyMap<string, { name: string; fields: readonly string[] }>;
  decoded: Map<string, IamActionReference>;
};

const TERMINAL = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CONTINUATION = '!#%&*+-./:;<=>?@^_`|';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's placeholder syntax
const ARN_HEAD = 'arn:${Partition}:';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's placeholder syntax
const REGIONAL_ARN_PART = '${Region}:${Account}:';

let table: IamReferenceTable | undefined;
const services = new Map<string, Service>();

/** The numbers of a run of digits (scripts/iamReferenceBuilder.mjs `encodeNumber`). */
function decodeNumbers(text: string): number[] {
  const numbers: number[] = [];
  let high = 0;
  for (const digit of text) {
    const continuation = CONTINUATION.indexOf(digit);
    if (continuation >= 0) {
      high = high * CONTINUATION.length + continuation + 1;
    } else {
      numbers.push(high * TERMINAL.length + TERMINAL.indexOf(digit));
      high = 0;
    }
  }
  return numbers;
}

function decodeText(text: string): string {
  return text.replaceAll('~', '${');
}

/** The table, read and split into services on the first lookup. */
function referenceTable(): IamReferenceTable {
  table ??= parseIamReferenceTable(readIamReferenceText());
  return table;
}

/** The iam-data version the table was generated from. */
export function iamReferenceVersion(): string {
  return referenceTable().version;
}

/** The decoded service of a lower-case prefix, decoded once and cached. */
function loadService(prefix: string): Service | undefined {
  const cached = services.get(prefix);
  if (cached) return cached;
  const { services: texts, words: names } = referenceTable();
  const text = texts.get(prefix);
  if (text === undefined) return undefined;
  const [strings, types, actions] = JSON.parse(text) as [string[], EncodedType[], string];
  const byName = new Map<string, { name: string; fields: readonly string[] }>();
  for (const action of actions === '' ? [] : actions.split(' ')) {
    const fields = action.split(',');
    const name = decodeNumbers(fields[0] ?? '')
      .map((word) => names[word] ?? '')
      .join('');
    byName.set(name.toLowerCase(), { name, fields });
  }
  const service: Service = {
    prefix,
    strings: strings.map(decodeText),
    types,
    typeIndex: new Map(types.map(([name], index) => [name.toLowerCase(), index])),
    actions: byName,
    decoded: new Map(),
  };
  services.set(prefix, service);
  return service;
}

function stringsOf(service: Service, numbers: string | undefined): string[] {
  return decodeNumbers(numbers ?? '').map((index) => service.strings[index] ?? '');
}

function arnOf(service: Service, type: EncodedType): string {
  const arn = decodeText(type[1]);
  return arn.startsWith('@') ? `${ARN_HEAD}${service.prefix}:${REGIONAL_ARN_PART}${arn.slice(1)}` : `${ARN_HEAD}${arn}`;
}

/** The text between `open` and `close` at `start` of `field` (undefined when there is none), and the index after it. */
function readGroup(field: string, start: number, open: string, close: string): [string | undefined, number] {
  if (field[start] !== open) return [undefined, start];
  const end = field.indexOf(close, start);
  return [field.slice(start + 1, end), end + 1];
}

/** The resource types of an action's types field: numbers, each optionally followed by (keys) and [dependents]. */
function decodeTypes(service: Service, field: string): IamResourceType[] {
  const decoded: IamResourceType[] = [];
  let index = 0;
  while (index < field.length) {
    let end = index;
    while (CONTINUATION.includes(field[end] ?? '')) end += 1;
    const number = decodeNumbers(field.slice(index, end + 1))[0] ?? 0;
    const [keys, afterKeys] = readGroup(field, end + 1, '(', ')');
    const [dependents, afterDependents] = readGroup(field, afterKeys, '[', ']');
    index = afterDependents;
    const type = service.types[number >> 1] ?? ['', ''];
    decoded.push(
      Object.freeze({
        name: type[0],
        arn: arnOf(service, type),
        required: (number & 1) === 1,
        conditionKeys: Object.freeze([...new Set([...stringsOf(service, keys), ...stringsOf(service, type[2])])]),
        dependentActions: Object.freeze(stringsOf(service, dependents)),
      }),
    );
  }
  return decoded;
}

/** The reference entry of `prefix:Name` (case-insensitive), or undefined for an unknown service/action. */
export function iamActionReference(action: string): IamActionReference | undefined {
  const colon = action.indexOf(':');
  if (colon < 0) return undefined;
  const service = loadService(action.slice(0, colon).toLowerCase());
  const key = action.slice(colon + 1).toLowerCase();
  const encoded = service?.actions.get(key);
  if (!service || !encoded) return undefined;
  const cached = service.decoded.get(key);
  if (cached) return cached;
  const [, types = '', keys, dependents] = encoded.fields;
  const reference: IamActionReference = Object.freeze({
    service: service.prefix,
    name: encoded.name,
    resourceTypes: Object.freeze(decodeTypes(service, types)),
    conditionKeys: Object.freeze(stringsOf(service, keys)),
    dependentActions: Object.freeze(stringsOf(service, dependents)),
  });
  service.decoded.set(key, reference);
  return reference;
}

/** Every condition key a request for the action can carry per the reference: action keys ∪ all its resource types' keys, as written. */
export function conditionKeysOfAction(action: string): readonly string[] | undefined {
  const reference = iamActionReference(action);
  if (!reference) return undefined;
  return [...new Set([...reference.conditionKeys, ...reference.resourceTypes.flatMap((type) => type.conditionKeys)])];
}

/** The ARN format of a resource type of a service (`arn:${Partition}:glue:${Region}:${Account}:job/${JobName}`), or undefined. */
export function iamArnFormat(service: string, resourceType: string): string | undefined {
  const loaded = loadService(service.toLowerCase());
  const index = loaded?.typeIndex.get(resourceType.toLowerCase());
  const type = index === undefined ? undefined : loaded?.types[index];
  return loaded && type ? arnOf(loaded, type) : undefined;
}

/** True when iam-data lists the IAM prefix. */
export function isIamService(prefix: string): boolean {
  return referenceTable().services.has(prefix.toLowerCase());
}
