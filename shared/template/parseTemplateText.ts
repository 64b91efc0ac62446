import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLError,
} from 'yaml';
import { locateJsonPaths } from '../findings/locateJsonPaths.js';
import { InputError } from '../local/InputError.js';
import { isRecord } from '../local/isRecord.js';
import { parseJsonText } from '../local/parseJsonText.js';
import type { TemplatePosition } from './model.js';
import { relaxFlowIndentation } from './relaxFlowIndentation.js';
import { SHORT_FORM_TAGS } from './shortFormTags.js';
import { yamlToValue } from './yamlToValue.js';

/** A template file's content and where each of its parts is written. */
export type ParsedTemplate = {
  /** The template as plain data, intrinsics in long form. */
  readonly value: unknown;
  /** `json` when the text is JSON (CDK output, hand-written JSON), else `yaml`. */
  readonly format: 'json' | 'yaml';
  /** Where the key at `path` (or the item, for an index) is written, 1-based; undefined when there is none. */
  positionOf(path: readonly (string | number)[]): TemplatePosition | undefined;
};

const BYTE_ORDER_MARK = '\uFEFF';

/** Tags CloudFormation defines, declared to the yaml parser so it does not warn about them; values are read later. */
const CUSTOM_TAGS = [...SHORT_FORM_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
]);

function yamlChild(doc: Document, node: Node | null | undefined, segment: string | number) {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(target)) {
    const pair = target.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair === undefined ? undefined : { at: (pair.key as Node).range?.[0], node: pair.value as Node | null };
  }
  if (isSeq(target) && typeof segment === 'number') {
    const item = target.items[segment] as Node | undefined;
    return item === undefined ? undefined : { at: item.range?.[0], node: item };
  }
  return undefined;
}

function parseDocumentOf(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    customTags: CUSTOM_TAGS,
    uniqueKeys: true,
    prettyErrors: false,
  });
  return { doc, lines };
}

/** The first error of a parse as one line, with a hint where CloudFormation's own rule explains it. */
function syntaxError(error: YAMLError, lines: LineCounter, source: string): InputError {
  const at = lines.linePos(error.pos[0]);
  const reason =
    error.code === 'RESOURCE_EXHAUSTION'
      ? 'nested too deeply'
      : error.code === 'MULTIPLE_TAGS'
        ? 'a value has two tags (CloudFormation: write the inner function in long form, e.g. !GetAZs {Ref: AWS::Region})'
        : error.message.split('\n')[0];
  return new InputError(`${source}: not valid YAML at line ${at.line}, column ${at.col}: ${reason}`);
}

function parseYaml(original: string, source: string): ParsedTemplate {
  let { doc, lines } = parseDocumentOf(original);
  let text = original;
  const [error] = doc.errors;
  if (error !== undefined && doc.errors.some((e) => e.code === 'BAD_INDENT')) {
    const relaxed = relaxFlowIndentation(original);
    const again = parseDocumentOf(relaxed);
    if (again.doc.errors.length === 0) ({ doc, lines, text } = { ...again, text: relaxed });
  }
  if (doc.errors.length > 0 && error !== undefined) throw syntaxError(error, lines, source);
  const value = yamlToValue(doc, lines, source, text);
  return {
    value,
    format: 'yaml',
    positionOf(path) {
      let node = doc.contents as Node | null | undefined;
      let at: number | undefined = node?.range?.[0];
      for (const segment of path) {
        const child = yamlChild(doc, node, segment);
        if (child === undefined) return undefined;
        ({ at, node } = child);
      }
      if (at === undefined) return undefined;
      const position = lines.linePos(at);
      return { line: position.line, column: position.col };
    },
  };
}

/**
 * Positions in JSON text, one scan per lookup, except that the first lookup of a resource (`['Resources', Id]`)
 * locates every resource in one scan: a CDK template of 1 MB with many state machines is scanned once, not once each.
 */
function jsonPositions(text: string, value: unknown): ParsedTemplate['positionOf'] {
  let resources: Map<string, TemplatePosition | undefined> | undefined;
  return (path) => {
    if (path.length !== 2 || path[0] !== 'Resources') return locateJsonPaths(text, [path.map(String)])[0];
    if (resources === undefined) {
      const section = isRecord(value) && isRecord(value.Resources) ? value.Resources : {};
      const ids = Object.keys(section);
      const found = locateJsonPaths(
        text,
        ids.map((id) => ['Resources', id]),
      );
      resources = new Map(ids.map((id, index) => [id, found[index]]));
    }
    return resources.get(String(path[1]));
  };
}

/**
 * Parses a CloudFormation or SAM template: JSON when the text starts with `{` (after a byte order mark and spaces),
 * else YAML 1.2 with every CloudFormation short-form tag turned into its long form. A syntax error is an InputError
 * naming the file, line and column; an empty file too.
 */
export function parseTemplateText(text: string, source: string): ParsedTemplate {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError(`${source}: the file is empty, expected a template`);
  if (body.trimStart().startsWith('{')) {
    const value = parseJsonText(body, source);
    return { value, format: 'json', positionOf: jsonPositions(body, value) };
  }
  return parseYaml(body, source);
}
