import { parseJsonText } from './parseJsonText.js';
import { readTextFile } from './readTextFile.js';

/** A JSON file as read: its text (for locating things in reports) and its parsed value. */
export type JsonFile = { path: string; text: string; value: unknown };

/** Reads and parses a JSON file; failures are InputErrors naming the file (and the line and column of bad JSON). */
export async function readJsonFile(path: string): Promise<JsonFile> {
  const text = await readTextFile(path);
  return { path, text, value: parseJsonText(text, path) };
}
