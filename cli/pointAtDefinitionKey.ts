import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isRecord } from '../shared/local/isRecord.js';

type SarifRegion = { startLine: number; startColumn: number };

/** 1-based line and column of the `"definition"` key in a describe-state-machine file, when it has one. */
export function definitionKeyPosition(describeText: string): { line: number; column: number } | undefined {
  const region = definitionKeyRegion(describeText);
  return region === undefined ? undefined : { line: region.startLine, column: region.startColumn };
}

function definitionKeyRegion(describeText: string): SarifRegion | undefined {
  const tree = parseTree(describeText);
  const key = tree === undefined ? undefined : findNodeAtLocation(tree, ['definition'])?.parent?.children?.[0];
  if (key === undefined) return undefined;
  const before = describeText.slice(0, key.offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { startLine: before.split('\n').length, startColumn: key.offset - lineStart + 1 };
}

/**
 * Points every SARIF result at the `"definition"` key of a describe-state-machine file: the definition is one JSON
 * string there, so a state has no line of its own in that file (SARIF 2.1.0 §3.30 region).
 */
export function pointAtDefinitionKey(sarifText: string, describeText: string): string {
  const region = definitionKeyRegion(describeText);
  if (region === undefined) return sarifText;
  const log: unknown = JSON.parse(sarifText);
  const runs = isRecord(log) && Array.isArray(log.runs) ? log.runs : [];
  for (const run of runs) {
    const results = isRecord(run) && Array.isArray(run.results) ? run.results : [];
    for (const result of results) {
      const locations = isRecord(result) && Array.isArray(result.locations) ? result.locations : [];
      for (const location of locations) {
        if (isRecord(location) && isRecord(location.physicalLocation)) location.physicalLocation.region = region;
      }
    }
  }
  return JSON.stringify(log, null, 2);
}
