import type { AuditReport, Finding } from '../types.js';
import { locateJsonPaths, type TextPosition } from './locateJsonPaths.js';
import { createRegionFinder, type SarifRegion } from './sarifRegion.js';
import { SARIF_LEVELS, sarifRuleId, sarifRules } from './sarifRules.js';
import { type SarifTool, SFN_ROLE_AUDIT_TOOL, sarifDriverOf } from './sarifTool.js';
import { severityRank } from './severityOf.js';

/** Where the definition lives: its URI in the repository and, for line numbers, its text. */
export type SarifOptions = { definitionText?: string; definitionUri: string };

/** A file (or URI) results point into: relative to `%SRCROOT%` (the repository root) when `uriBaseId` says so. */
export type SarifArtifact = { uri: string; uriBaseId?: string };

/** A place in an artifact, with the artifact's text when it is known (to find where the key there ends). */
export type SarifAnchor = SarifArtifact & TextPosition & { text?: string };

/** Finds where each path's key is written in a definition text (undefined where it is not). */
export type PathLocator = (text: string, paths: readonly (readonly string[])[]) => (TextPosition | undefined)[];

/** One audited state machine and where its results point. */
export type SarifTarget = {
  /** The target's id in the run (`TEMPLATE#LogicalId`, the definition file), kept in each result's properties. */
  id: string;
  report: AuditReport;
  /**
   * The definition as a file of its own: results of a state point at the state's key in it, found by `locate`
   * (default: in JSON text; a YAML definition file brings its own).
   */
  definition?: SarifArtifact & { text: string; locate?: PathLocator };
  /** Where every other result points: the template resource, the definition key of a describe file, line 1. */
  anchor: SarifAnchor;
};

/** What a run says about itself: the tool, the analysis category, the repository root `%SRCROOT%` stands for. */
export type SarifLogOptions = {
  tool?: SarifTool;
  /** `automationDetails.id`: the analysis category followed by `/` (default `sfn-role-audit/`). */
  automationId?: string;
  /** `file:` URI of the repository root, ending in `/` (absent: the consumer's checkout). */
  sourceRoot?: string;
};

/** A rendered log and how many results the limit left out. */
export type RenderedSarif = { text: string; results: number; omitted: number };

/** Key of the partial fingerprint holding the finding id. */
export const SARIF_FINGERPRINT_KEY = 'sfnRoleAuditFindingId/v1';

/** The base id artifact URIs relative to the repository root use. */
export const SOURCE_ROOT_ID = '%SRCROOT%';

/**
 * Results GitHub code scanning accepts in one run: a run with more is rejected whole
 * (https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit).
 */
export const MAX_SARIF_RESULTS = 25_000;

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const DEFAULT_AUTOMATION_ID = 'sfn-role-audit/';

function pathOf(finding: Finding): readonly string[] | undefined {
  const path = finding.details?.path;
  if (finding.rule === 'InvalidDefinition' && Array.isArray(path) && path.every((p) => typeof p === 'string')) {
    return path;
  }
  return finding.state?.path;
}

type Placed = { artifact: SarifArtifact; region: SarifRegion };

/** Where each finding points: its path's key in the definition file when found there, else the target's anchor. */
function placesOf(target: SarifTarget, findings: readonly Finding[]): Placed[] {
  const anchor: Placed = {
    artifact: artifactOf(target.anchor),
    region: createRegionFinder(target.anchor.text)(target.anchor),
  };
  const definition = target.definition;
  if (definition === undefined) return findings.map(() => anchor);
  const paths = findings.map(pathOf);
  const locate = definition.locate ?? locateJsonPaths;
  const located = locate(
    definition.text,
    paths.filter((path): path is readonly string[] => path !== undefined),
  );
  const regionAt = createRegionFinder(definition.text);
  const artifact = artifactOf(definition);
  let next = 0;
  return paths.map((path) => {
    if (path === undefined) return anchor;
    const position = located[next++];
    return position === undefined ? anchor : { artifact, region: regionAt(position) };
  });
}

function artifactOf(artifact: SarifArtifact): SarifArtifact {
  return artifact.uriBaseId === undefined
    ? { uri: artifact.uri }
    : { uri: artifact.uri, uriBaseId: artifact.uriBaseId };
}

function messageOf(finding: Finding): string {
  const parts = [`${finding.title}.`, `${finding.consequence}.`];
  if (finding.remediation !== undefined) parts.push(`Add: ${JSON.stringify(finding.remediation)}`);
  else if (typeof finding.details?.fix === 'string') parts.push(`Fix: ${finding.details.fix}.`);
  return parts.join(' ');
}

function justificationOf(finding: Finding): string {
  const reason = finding.details?.suppressedBecause;
  if (typeof reason === 'string' && reason.trim() !== '') return reason;
  return 'ignored: its rule, purpose or id is on the ignore list (--ignore, the sfn-role-audit:ignore tag)';
}

type Pending = { finding: Finding; target: SarifTarget; place: Placed; suppressed: boolean; order: number };

/** The results to write: all of them, or the MAX_SARIF_RESULTS worst (unsuppressed first), in their order. */
function withinLimit(pending: Pending[]): Pending[] {
  if (pending.length <= MAX_SARIF_RESULTS) return pending;
  const rank = (p: Pending) => (p.suppressed ? 10 : 0) + severityRank(p.finding.severity);
  const kept = new Set(
    [...pending]
      .sort((a, b) => rank(a) - rank(b) || a.order - b.order)
      .slice(0, MAX_SARIF_RESULTS)
      .map((p) => p.order),
  );
  return pending.filter((p) => kept.has(p.order));
}

/**
 * Every audited state machine as one SARIF 2.1.0 run for GitHub code scanning
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * rules fixed per rule × purpose (help, helpUri, security-severity), one result per finding located at its state's key
 * in the definition file or at the target's anchor, suppressed findings with `suppressions`, the finding id as partial
 * fingerprint, one artifact per file, URIs relative to `%SRCROOT%`, and at most MAX_SARIF_RESULTS results.
 */
export function renderSarifLog(targets: readonly SarifTarget[], options: SarifLogOptions = {}): RenderedSarif {
  const pending: Pending[] = [];
  for (const target of targets) {
    const all = [...target.report.findings, ...target.report.suppressed];
    const places = placesOf(target, all);
    all.forEach((finding, index) => {
      const place = places[index] as Placed;
      const suppressed = index >= target.report.findings.length;
      pending.push({ finding, target, place, suppressed, order: pending.length });
    });
  }
  const kept = withinLimit(pending);
  const rules = sarifRules(kept.map((p) => p.finding));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts: { location: SarifArtifact }[] = [];
  const artifactIndex = new Map<string, number>();
  const indexOf = (artifact: SarifArtifact) => {
    const key = JSON.stringify([artifact.uriBaseId ?? null, artifact.uri]);
    let index = artifactIndex.get(key);
    if (index === undefined) {
      index = artifacts.push({ location: artifact }) - 1;
      artifactIndex.set(key, index);
    }
    return index;
  };
  const results = kept.map(({ finding, target, place, suppressed }) => ({
    ruleId: sarifRuleId(finding),
    ruleIndex: ruleIndex.get(sarifRuleId(finding)) ?? 0,
    level: SARIF_LEVELS[finding.severity],
    message: { text: messageOf(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { ...place.artifact, index: indexOf(place.artifact) },
          region: place.region,
        },
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.id },
    ...(suppressed ? { suppressions: [{ kind: 'external', justification: justificationOf(finding) }] } : {}),
    properties: {
      severity: finding.severity,
      actions: finding.actions,
      resources: finding.resources,
      ...(finding.state === null ? {} : { state: finding.state.name }),
      docs: finding.docs,
      target: target.id,
      stateMachine: target.report.stateMachine.arn,
    },
  }));
  const omitted = pending.length - kept.length;
  const usesRoot = artifacts.some((artifact) => artifact.location.uriBaseId === SOURCE_ROOT_ID);
  const run = {
    tool: { driver: { ...sarifDriverOf(options.tool ?? SFN_ROLE_AUDIT_TOOL), rules } },
    automationDetails: { id: options.automationId ?? DEFAULT_AUTOMATION_ID },
    ...(usesRoot
      ? {
          originalUriBaseIds: {
            [SOURCE_ROOT_ID]: {
              ...(options.sourceRoot === undefined ? {} : { uri: options.sourceRoot }),
              description: { text: 'The root of the repository.' },
            },
          },
        }
      : {}),
    artifacts,
    columnKind: 'utf16CodeUnits',
    results,
    ...(omitted === 0
      ? {}
      : {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [
                {
                  level: 'warning',
                  message: {
                    text: `${omitted} of ${pending.length} results left out, the mildest first: GitHub code scanning accepts at most ${MAX_SARIF_RESULTS} results per run.`,
                  },
                },
              ],
            },
          ],
        }),
  };
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return { text: `${JSON.stringify(log, null, 2)}\n`, results: results.length, omitted };
}

/**
 * One report as SARIF 2.1.0, located in its definition file (`definitionUri`, relative to the repository root;
 * line 1 when the text is not given). The command line uses renderSarifLog for every target of a run.
 */
export function renderSarif(report: AuditReport, options: SarifOptions): string {
  const artifact = { uri: options.definitionUri, uriBaseId: SOURCE_ROOT_ID };
  const text = options.definitionText;
  const target: SarifTarget = {
    id: options.definitionUri,
    report,
    ...(text === undefined ? {} : { definition: { ...artifact, text } }),
    anchor: { ...artifact, line: 1, column: 1, ...(text === undefined ? {} : { text }) },
  };
  return renderSarifLog([target]).text;
}
