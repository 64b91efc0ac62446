import { jsonStringValue, skipJsonString } from '../asl/skipJsonString.js';

/** A 1-based line and column (UTF-16 code units, SARIF's default column kind). */
export type TextPosition = { line: number; column: number };

/** One step of the wanted paths: the positions to fill when it is reached, and the steps below it. */
type Trie = { wanted: number[]; next: Map<string, Trie> };
/** An open object or array, with the trie node of its own path (undefined when no wanted path goes through it). */
type Frame = {
  node: Trie | undefined;
  isObject: boolean;
  expectsKey: boolean;
  element: number;
  member: Trie | undefined;
};

function trieOf(paths: readonly (readonly string[])[]): Trie {
  const root: Trie = { wanted: [], next: new Map() };
  paths.forEach((path, index) => {
    let node = root;
    for (const segment of path) {
      let child = node.next.get(segment);
      if (child === undefined) {
        child = { wanted: [], next: new Map() };
        node.next.set(segment, child);
      }
      node = child;
    }
    node.wanted.push(index);
  });
  return root;
}

const QUOTE = 34;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const COLON = 58;

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

/** 1-based positions of ascending offsets, in one pass over the text. */
function positionsOf(text: string, offsets: readonly number[]): Map<number, TextPosition> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, TextPosition>();
  let line = 1;
  let lineStart = 0;
  let i = 0;
  for (const offset of sorted) {
    for (; i < offset && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    out.set(offset, { line, column: offset - lineStart + 1 });
  }
  return out;
}

/**
 * Where each of `paths` sits in JSON text (object keys and array indexes as strings), found in one iterative pass:
 * the position of its property key when it is an object member (the `"Run job"` of a state), else of the value
 * itself; undefined for a path the text does not have. The first of repeated keys wins.
 */
export function locateJsonPaths(text: string, paths: readonly (readonly string[])[]): (TextPosition | undefined)[] {
  const found: (number | undefined)[] = paths.map(() => undefined);
  const record = (node: Trie | undefined, offset: number) => {
    if (node !== undefined) for (const index of node.wanted) found[index] ??= offset;
  };
  const root = trieOf(paths);
  const frames: Frame[] = [];
  let top: Frame | undefined;
  // The trie node of the next value, while the next token starts one (the root, a member's value, an element).
  let pending: Trie | undefined = root;
  let atValue = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    const closes = code === CLOSE_OBJECT || code === CLOSE_ARRAY;
    // An object member was recorded at its key; the root and array elements are recorded where their value starts.
    if (atValue && !closes && top?.isObject !== true) record(pending, i);
    if (code === QUOTE) {
      const end = skipJsonString(text, i);
      if (top?.isObject === true && top.expectsKey) {
        top.member = top.node?.next.get(jsonStringValue(text, i, end));
        record(top.member, i);
        top.expectsKey = false;
      }
      i = end - 1;
      atValue = false;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      const isObject = code === OPEN_OBJECT;
      const node: Trie | undefined = atValue ? pending : undefined;
      top = { node, isObject, expectsKey: isObject, element: 0, member: undefined };
      frames.push(top);
      atValue = !isObject;
      pending = isObject ? undefined : node?.next.get('0');
    } else if (closes) {
      frames.pop();
      top = frames[frames.length - 1];
      atValue = false;
    } else if (code === COMMA && top !== undefined) {
      top.element++;
      top.expectsKey = top.isObject;
      atValue = !top.isObject;
      pending = top.isObject ? undefined : top.node?.next.get(String(top.element));
    } else if (code === COLON && top !== undefined) {
      top.expectsKey = false;
      atValue = true;
      pending = top.member;
    } else {
      atValue = false;
    }
  }
  const positions = positionsOf(
    text,
    found.filter((offset): offset is number => offset !== undefined),
  );
  return found.map((offset) => (offset === undefined ? undefined : positions.get(offset)));
}
