import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, Scalar } from 'yaml';
import { InputError } from '../local/InputError.js';
import { longFormOf, SHORT_FORM_TAGS } from './shortFormTags.js';

/** Nesting deeper than this is refused (the yaml parser itself stops near 800 levels of flow collections). */
const MAX_DEPTH = 1_000;
/** Values an alias may expand into, in total: a few aliases that repeat each other cannot build gigabytes. */
const MAX_NODES = 2_000_000;

type Walk = { doc: Document; lines: LineCounter; source: string; text: string; nodes: number; expanding: Set<Node> };

function fail(walk: Walk, node: Node | null | undefined, reason: string, token?: string): never {
  const start = node?.range?.[0];
  // A tag is written before the value it tags: point at it when it is on the same line.
  const tagAt = start === undefined || token === undefined ? -1 : walk.text.lastIndexOf(token, start);
  const sameLine = tagAt !== -1 && !walk.text.slice(tagAt, start).includes('\n');
  const offset = sameLine ? tagAt : start;
  const at = offset === undefined ? undefined : walk.lines.linePos(offset);
  const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
  throw new InputError(`${walk.source}: not a valid template${where}: ${reason}`);
}

/**
 * A plain scalar as CloudFormation reads it: YAML 1.2 core numbers stay numbers only when they print back as written,
 * so `012345678901` (an account id), `0755`, `1e3` or `3.0` keep their text instead of becoming 12345678901, 755,
 * 1000 or 3 (CloudFormation passes such values on as the text of the template).
 */
function scalarValue(node: Scalar): unknown {
  const value = node.value;
  if (typeof value === 'number' && node.type === Scalar.PLAIN && typeof node.source === 'string') {
    return String(value) === node.source ? value : node.source;
  }
  if (typeof value === 'bigint') return node.source ?? String(value);
  return value;
}

function tagged(walk: Walk, node: Node, value: unknown): unknown {
  const tag = node.tag;
  if (tag === undefined || tag === '!' || tag.startsWith('tag:yaml.org,2002:')) return value;
  const key = SHORT_FORM_TAGS.get(tag);
  if (key === undefined) {
    fail(walk, node, `unknown tag ${tag} (CloudFormation knows ${[...SHORT_FORM_TAGS.keys()].join(', ')})`, tag);
  }
  return longFormOf(key, value);
}

function convert(walk: Walk, node: Node | null | undefined, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > MAX_DEPTH) fail(walk, node, `nested deeper than ${MAX_DEPTH.toLocaleString('en-US')} levels`);
  if (++walk.nodes > MAX_NODES) fail(walk, node, 'aliases expand into more than 2,000,000 values');
  if (isAlias(node)) {
    const target = node.resolve(walk.doc);
    if (target === undefined) fail(walk, node, `alias *${node.source} names no anchor`);
    if (walk.expanding.has(target)) fail(walk, node, `alias *${node.source} contains itself`);
    walk.expanding.add(target);
    const value = convert(walk, target, depth + 1);
    walk.expanding.delete(target);
    return value;
  }
  if (isScalar(node)) return tagged(walk, node, scalarValue(node));
  if (isSeq(node))
    return tagged(
      walk,
      node,
      node.items.map((item) => convert(walk, item as Node, depth + 1)),
    );
  if (isMap(node)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
        fail(walk, key ?? node, 'a mapping key must be text');
      }
      out[String(key.value)] = convert(walk, pair.value as Node | null, depth + 1);
    }
    return tagged(walk, node, out);
  }
  return fail(walk, node, 'an unsupported YAML node');
}

/**
 * A parsed YAML document as plain data: maps as null-prototype objects (a `__proto__` key is just a key), every
 * CloudFormation short-form tag in its long form, aliases expanded (bounded), an unknown tag an InputError naming its
 * line and column.
 */
export function yamlToValue(doc: Document, lines: LineCounter, source: string, text: string): unknown {
  return convert({ doc, lines, source, text, nodes: 0, expanding: new Set() }, doc.contents as Node | null, 0);
}
