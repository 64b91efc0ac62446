import type { TextPosition } from '../shared/findings/locateJsonPaths.js';
import { renderJsonReports } from '../shared/findings/renderJson.js';
import { renderJunit } from '../shared/findings/renderJunit.js';
import {
  type RenderedSarif,
  renderSarifLog,
  type SarifAnchor,
  type SarifTarget,
} from '../shared/findings/renderSarif.js';
import { renderTextReports } from '../shared/findings/renderText.js';
import { parseTemplateText } from '../shared/template/parseTemplateText.js';
import { artifactLocationOf, displayPathOf, type PathBase, sourceRootUriOf } from './artifactLocationOf.js';
import { exitCodeFor, type FailOn } from './exitCodeFor.js';
import { definitionKeyPosition } from './pointAtDefinitionKey.js';
import type { PreparedAudit, TargetReport } from './preparedAudit.js';

/** The output formats of `check`. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;

/** An output format of `check`. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What rendering needs beyond the reports: colour, --fail-on, the SARIF category and where paths are relative to. */
export type RenderContext = {
  color: boolean;
  failOn: FailOn;
  /** The --fail-on of one target, when the config file sets it per state machine. */
  failOnOf?: (targetId: string) => FailOn;
  automationId: string;
  base: PathBase;
};

/** A rendered report, with the SARIF counts when it is SARIF (to warn about GitHub's limits). */
export type RenderedReport = { text: string; sarif?: RenderedSarif };

/**
 * Where a target's results point when not at a state of a definition file of its own: the template resource that
 * declares the state machine; the `"definition"` key of a describe-state-machine file (the definition is one JSON
 * string there); line 1 of the definition; the ARN of a live check.
 */
function anchorOf(target: PreparedAudit, base: PathBase): SarifAnchor {
  const resource = target.resource;
  if (resource !== undefined) {
    const artifact = artifactLocationOf(resource.uri, base);
    return { ...artifact, line: resource.line, column: resource.column, text: resource.text };
  }
  const artifact = artifactLocationOf(target.sarifUri, base);
  const text = target.sarifText;
  if (text === undefined) return { ...artifact, line: 1, column: 1 };
  const key = target.embedded ? definitionKeyPosition(text) : undefined;
  return { ...artifact, ...(key ?? { line: 1, column: 1 }), text };
}

/** Where state keys are written in a YAML definition file (a SAM DefinitionUri may be YAML). */
function locateYamlPaths(text: string, paths: readonly (readonly string[])[]): (TextPosition | undefined)[] {
  let parsed: ReturnType<typeof parseTemplateText>;
  try {
    parsed = parseTemplateText(text, 'definition');
  } catch {
    return paths.map(() => undefined);
  }
  return paths.map((path) => parsed.positionOf(path.map((s) => (/^\d+$/.test(s) ? Number(s) : s))));
}

/**
 * The definition as a file of its own, when it is one: a definition file (`--definition`, a template's DefinitionUri
 * file), whose states are found as JSON keys, or as YAML keys when it is YAML.
 */
function definitionFileOf(target: PreparedAudit, base: PathBase): SarifTarget['definition'] {
  const text = target.sarifText;
  if (text === undefined || target.embedded) return undefined;
  const artifact = artifactLocationOf(target.sarifUri, base);
  return { ...artifact, text, ...(target.sarifYaml === true ? { locate: locateYamlPaths } : {}) };
}

/** A target as SARIF sees it: the definition file of its own (when it is one) and the anchor. */
function sarifTargetOf({ target, report }: TargetReport, base: PathBase): SarifTarget {
  const definition = definitionFileOf(target, base);
  return { id: target.id, report, ...(definition === undefined ? {} : { definition }), anchor: anchorOf(target, base) };
}

/**
 * Renders the reports of a run in one format: text and JSON keep the single-report output for one target (several
 * get one section each, or the JSON envelope); SARIF is one run over every target with repository-relative URIs;
 * JUnit one suite per state machine whose failures are the findings at or above --fail-on.
 */
export function renderReports(
  results: readonly TargetReport[],
  format: ReportFormat,
  context: RenderContext,
): RenderedReport {
  const entries = results.map(({ target, report }) => ({ id: target.id, report }));
  if (format === 'text') return { text: renderTextReports(entries, { color: context.color }) };
  if (format === 'json') return { text: renderJsonReports(entries) };
  const targets = results.map((result) => sarifTargetOf(result, context.base));
  if (format === 'junit') {
    const junitTargets = targets.map(({ id, report, definition, anchor }) => ({
      id,
      report,
      file: displayPathOf(definition ?? anchor),
    }));
    const failOnOf = context.failOnOf ?? (() => context.failOn);
    const isFailure = (finding: Parameters<typeof exitCodeFor>[0][number], target: { id: string }) =>
      exitCodeFor([finding], failOnOf(target.id)) === 1;
    return { text: renderJunit(junitTargets, { isFailure }) };
  }
  const sarif = renderSarifLog(targets, {
    automationId: context.automationId,
    sourceRoot: sourceRootUriOf(context.base.root),
  });
  return { text: sarif.text, sarif };
}
