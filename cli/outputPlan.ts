import { resolve } from 'node:path';
import type { CheckFlags } from './checkOptions.js';
import type { FailOn } from './exitCodeFor.js';
import { oneOf } from './parseCommandArgs.js';
import { REPORT_FORMATS, type ReportFormat } from './renderReport.js';
import { UsageError } from './UsageError.js';

/** One report to write: its format and its file, or null for standard output. */
export type OutputTarget = { format: ReportFormat; path: string | null };

/** Everything `check` writes, decided from the flags before anything is audited. */
export type OutputPlan = {
  outputs: OutputTarget[];
  /** --fail-on, which decides the failures of the JUnit report. */
  failOn: FailOn;
  /** The --fail-on of one target when the config file overrides it for some (else `failOn`). */
  failOnOf?: (targetId: string) => FailOn;
  /** SARIF `automationDetails.id`: --sarif-category (default `sfn-role-audit`) followed by `/`. */
  automationId: string;
};

/** Help for the output flags of `check`. */
export const OUTPUT_HELP = `Output:
  --format text|json|sarif|junit
                             format of standard output and of plain --output FILE: text (default; colour on a
                             terminal unless NO_COLOR is set), json (docs/output.md), SARIF 2.1.0 for code scanning,
                             or JUnit XML (GitLab, Jenkins)
  -o, --output FILE          write the report to FILE in --format instead of standard output (repeatable)
  -o, --output FORMAT=FILE   write FORMAT (text, json, sarif, junit) to FILE, e.g. --output sarif=audit.sarif
  -o, --output FORMAT        write FORMAT to standard output (at most one), e.g. --output text
  --sarif-category NAME      the SARIF analysis category (automationDetails.id NAME/; default sfn-role-audit)`;

const FORMAT_PREFIX = /^([A-Za-z]+)=(.*)$/s;

function isReportFormat(text: string): text is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(text);
}

/** One --output value: `FORMAT`, `FORMAT=FILE`, or a FILE written in --format. */
function targetOf(value: string, format: ReportFormat): OutputTarget {
  if (isReportFormat(value)) return { format: value, path: null };
  const prefixed = FORMAT_PREFIX.exec(value);
  if (prefixed === null) return { format, path: value };
  const [, name = '', path = ''] = prefixed;
  if (!isReportFormat(name)) {
    throw new UsageError(
      `--output "${value}": unknown format "${name}" (${REPORT_FORMATS.join(', ')}; write ./${value} for a file of that name)`,
    );
  }
  if (path === '') throw new UsageError(`--output "${value}" names no file`);
  return { format: name, path };
}

function automationIdOf(category: string | undefined): string {
  if (category === undefined) return 'sfn-role-audit/';
  if (category.trim() === '' || /[\r\n]/.test(category)) {
    throw new UsageError('--sarif-category must be a name on one line, e.g. sfn-role-audit/infra');
  }
  return category.endsWith('/') ? category : `${category}/`;
}

/**
 * The reports `check` writes: --output FILE (in --format), FORMAT=FILE and FORMAT (standard output), or --format on
 * standard output when no --output is given. At most one goes to standard output and no file is named twice; an
 * unknown format is a UsageError, all checked before the audit runs.
 */
export function planOutputs(flags: CheckFlags, failOn: FailOn): OutputPlan {
  const format = oneOf('format', flags.format, REPORT_FORMATS, 'text');
  const values = flags.output ?? [];
  const outputs = values.length === 0 ? [{ format, path: null }] : values.map((value) => targetOf(value, format));
  const toStdout = outputs.filter((output) => output.path === null);
  if (toStdout.length > 1) {
    throw new UsageError(
      `--output: only one report can go to standard output (${toStdout.map((o) => o.format).join(' and ')} given)`,
    );
  }
  const files = new Map<string, string>();
  for (const { path } of outputs) {
    if (path === null) continue;
    const key = resolve(path);
    const earlier = files.get(key);
    if (earlier !== undefined) {
      throw new UsageError(`--output: ${path} is named twice${earlier === path ? '' : ` (as ${earlier})`}`);
    }
    files.set(key, path);
  }
  return { outputs, failOn, automationId: automationIdOf(flags['sarif-category']) };
}
