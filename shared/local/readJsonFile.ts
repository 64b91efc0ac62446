import type { InputLimit } from './inputLimits.js';
import { parseJsonText } from './parseJsonText.js';
import { readTextFile } from './readTextFile.js';

/** A JSON file as read: its text (for locating things in reports) and its parsed value. */
export type JsonFile = { path: string; text: string; value: unknown };

/**
 * Reads and parses a JSON file of at most `limit.bytes` (see INPUT_LIMITS); failures are InputErrors naming the file
 * (and the line and column of bad JSON, or the limit it exceeds).
 */
export async function readJsonFile(path: string, limit: InputLimit): Promise<JsonFile> {
  const text = await readTextFile(path, limit);
  return { path, text, value: parseJsonText(text, path) };
}
