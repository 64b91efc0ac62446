import { locateJsonPaths, type TextPosition } from './locateJsonPaths.js';

export type { TextPosition } from './locateJsonPaths.js';

/**
 * Where a value sits in JSON text, following object keys and array indexes (as strings): the position of its
 * property key when it is an object member (the `"Run job"` of a state), else of the value itself; undefined when
 * the path does not exist. For many paths of one text, locateJsonPaths reads it once.
 */
export function locateJsonPath(text: string, path: readonly string[]): TextPosition | undefined {
  return locateJsonPaths(text, [path])[0];
}
