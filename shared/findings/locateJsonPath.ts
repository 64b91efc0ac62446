import { type Node, parseTree } from 'jsonc-parser';

/** A 1-based line and column (UTF-16 code units, SARIF's default column kind). */
export type TextPosition = { line: number; column: number };

function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function childAt(node: Node, segment: string): Node | undefined {
  if (node.type === 'object') {
    const property = node.children?.find((p) => p.children?.[0]?.value === segment);
    return property?.children?.[1];
  }
  if (node.type === 'array' && /^\d+$/.test(segment)) return node.children?.[Number(segment)];
  return undefined;
}

/**
 * Where a value sits in JSON text, following object keys and array indexes (as strings): the position of its
 * property key when it is an object member (the `"Run job"` of a state), else of the value itself; undefined when
 * the text does not parse to a tree or the path does not exist.
 */
export function locateJsonPath(text: string, path: readonly string[]): TextPosition | undefined {
  const root = parseTree(text);
  if (root === undefined) return undefined;
  let node: Node = root;
  for (const segment of path) {
    const next = childAt(node, segment);
    if (next === undefined) return undefined;
    node = next;
  }
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return positionAt(text, (key ?? node).offset);
}
