/** A position in the plan file, 1-based. */
export type PlanPosition = { readonly line: number; readonly column: number };

/** The address as JSON text, and as Go's encoder writes it (`<`, `>` and `&` escaped), which Terraform uses. */
function spellings(address: string): string[] {
  const json = JSON.stringify(address);
  const go = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return go === json ? [json] : [json, go];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function positionAt(text: string, offset: number): PlanPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where a resource instance is written in the plan text: the `"address"` key of its entry in `resource_changes` (the
 * planned change), else its first `"address"` anywhere (planned values, prior state). `terraform show -json` prints
 * one line, so the line is 1 and the column says where; a pretty-printed plan gets the entry's line.
 */
export function locatePlanAddress(text: string, address: string): PlanPosition {
  const changes = text.indexOf('"resource_changes"');
  let first: number | undefined;
  for (const spelling of spellings(address)) {
    const pattern = new RegExp(`"address"\\s*:\\s*${escapeRegExp(spelling)}`, 'g');
    for (const match of text.matchAll(pattern)) {
      if (first === undefined || match.index < first) first = match.index;
      if (changes !== -1 && match.index > changes) return positionAt(text, match.index);
    }
  }
  return positionAt(text, first ?? 0);
}
