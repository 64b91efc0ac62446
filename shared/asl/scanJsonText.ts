import { jsonStringValue, skipJsonString } from './skipJsonString.js';

/** A key that appears twice in one object: where it is (the path of the key) and both offsets of it. */
export type DuplicateKey = { path: string[]; key: string; firstOffset: number; secondOffset: number };

/** What one pass over JSON text found: the offset of the first bracket past the depth limit, and duplicate keys. */
export type JsonTextScan = { tooDeepAt?: number; duplicates: DuplicateKey[] };

/**
 * An open object or array. Objects keep their keys so far in `names`/`offsets` (and, past SMALL_OBJECT keys, in
 * `index` too); frames are reused level by level, so a scan allocates per level, not per object.
 */
type Frame = {
  isObject: boolean;
  expectsKey: boolean;
  /** The key of the member being read (objects) or the index of the element being read (arrays). */
  key: string;
  element: number;
  names: string[];
  offsets: number[];
  size: number;
  index: Map<string, number>;
};

const SMALL_OBJECT = 16;
const QUOTE = 34;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const COLON = 58;

function newFrame(): Frame {
  return { isObject: false, expectsKey: false, key: '', element: 0, names: [], offsets: [], size: 0, index: new Map() };
}

/** The offset where `key` first appeared in the object, recording it at `offset` when it is new. */
function firstOffsetOf(frame: Frame, key: string, offset: number): number | undefined {
  if (frame.size > SMALL_OBJECT) {
    const first = frame.index.get(key);
    if (first === undefined) frame.index.set(key, offset);
    return first;
  }
  for (let k = 0; k < frame.size; k++) if (frame.names[k] === key) return frame.offsets[k];
  frame.names[frame.size] = key;
  frame.offsets[frame.size++] = offset;
  if (frame.size > SMALL_OBJECT)
    for (let k = 0; k < frame.size; k++) frame.index.set(frame.names[k] as string, frame.offsets[k] as number);
  return undefined;
}

function pathTo(frames: readonly Frame[], depth: number, key: string): string[] {
  const path: string[] = [];
  for (let i = 0; i < depth - 1; i++) {
    const frame = frames[i] as Frame;
    path.push(frame.isObject ? frame.key : String(frame.element));
  }
  path.push(key);
  return path;
}

/**
 * Scans JSON text once, iteratively, outside strings: stops at the first `{` or `[` that opens more than `maxDepth`
 * levels (depth counts open objects and arrays, as Jackson's StreamReadConstraints does,
 * https://github.com/FasterXML/jackson-core/wiki/StreamReadConstraints), and — for `findDuplicates`, on text
 * `JSON.parse` accepted — lists every key repeated within one object, which `JSON.parse` silently drops.
 */
export function scanJsonText(text: string, maxDepth: number, findDuplicates: boolean): JsonTextScan {
  const duplicates: DuplicateKey[] = [];
  // frames[0 … depth - 1] are the open containers; deeper entries wait for reuse.
  const frames: Frame[] = [];
  let depth = 0;
  let top: Frame | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = skipJsonString(text, i);
      if (top?.expectsKey === true) {
        const key = jsonStringValue(text, i, end);
        const first = firstOffsetOf(top, key, i);
        if (first !== undefined) {
          duplicates.push({ path: pathTo(frames, depth, key), key, firstOffset: first, secondOffset: i });
        }
        top.key = key;
        top.expectsKey = false;
      }
      i = end - 1;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (depth >= maxDepth) return { tooDeepAt: i, duplicates };
      if (!findDuplicates) {
        depth++;
        continue;
      }
      top = frames[depth] ?? newFrame();
      frames[depth++] = top;
      top.isObject = code === OPEN_OBJECT;
      top.expectsKey = top.isObject;
      top.element = 0;
      if (top.size > SMALL_OBJECT) top.index.clear();
      top.size = 0;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
      top = depth > 0 ? frames[depth - 1] : undefined;
    } else if (code === COMMA && top !== undefined) {
      top.element++;
      top.expectsKey = top.isObject;
    } else if (code === COLON && top !== undefined) {
      top.expectsKey = false;
    }
  }
  return { duplicates };
}
