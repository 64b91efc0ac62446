import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliDeps } from '../../cli/cliDeps.js';
import type { TargetReport } from '../../cli/preparedAudit.js';
import { renderReports } from '../../cli/renderReport.js';
import { sarifWarnings, writeOutputs } from '../../cli/writeOutputs.js';
import { MAX_SARIF_RESULTS } from '../../shared/findings/renderSarif.js';
import type { Finding } from '../../shared/types.js';
import { reportWith } from '../findings/renderFixtures.js';
import { sampleReport } from '../findings/reportFixture.js';
import { fakeIo } from './fakeIo.js';

function depsWith(io = fakeIo()): CliDeps & { io: ReturnType<typeof fakeIo> } {
  const none = () => {
    throw new Error('no AWS in this test');
  };
  return { io, clients: { sfn: none, iam: none } };
}

function result(findings: Finding[]): TargetReport {
  return {
    target: {
      id: 'd.asl.json',
      description: { definition: '{}' },
      simulator: { name: 'none', simulate: async () => [] },
      sarifUri: 'd.asl.json',
      embedded: false,
    },
    report: reportWith(findings),
  };
}

describe('writeOutputs', () => {
  it('warns on standard error when GitHub would get more SARIF results than it accepts', async () => {
    const [finding] = sampleReport().findings as [Finding];
    const many = Array.from({ length: MAX_SARIF_RESULTS + 3 }, (_, i) => ({ ...finding, id: `f${i}` }));
    const file = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-write-')), 'many.sarif');
    const deps = depsWith();
    await writeOutputs(
      [result(many)],
      { outputs: [{ format: 'sarif', path: file }], failOn: 'high', automationId: 'x/' },
      deps,
    );
    expect(deps.io.err).toBe(
      `sfn-role-audit: warning: ${file}: 3 of 25,003 SARIF results left out, the mildest first (GitHub code scanning accepts 25,000 per run)\n`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8')).runs[0].results).toHaveLength(MAX_SARIF_RESULTS);
  });

  it('writes files before standard output, and colours text only on a terminal', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-write-')), 'r.txt');
    const deps = depsWith(fakeIo({ tty: true }));
    const outputs = [
      { format: 'text' as const, path: null },
      { format: 'text' as const, path: file },
    ];
    await writeOutputs([result(sampleReport().findings)], { outputs, failOn: 'high', automationId: 'x/' }, deps);
    expect(deps.io.out).toContain('\u001b[');
    expect(readFileSync(file, 'utf8')).not.toContain('\u001b[');
    expect(deps.io.err).toBe('');
  });
});

describe('sarifWarnings', () => {
  it('warns when the SARIF compresses to more than the limit, and only then', () => {
    const context = { color: false, failOn: 'high' as const, automationId: 'x/', base: { cwd: '/r', root: '/r' } };
    const rendered = renderReports([result(sampleReport().findings)], 'sarif', context);
    expect(sarifWarnings('out.sarif', rendered)).toEqual([]);
    const [warning] = sarifWarnings('out.sarif', rendered, 100);
    expect(warning).toMatch(
      /^out\.sarif: the SARIF is [\d,]+ bytes gzip-compressed; GitHub code scanning accepts at most 100 \(/,
    );
    expect(sarifWarnings('out.json', renderReports([result([])], 'json', context), 1)).toEqual([]);
  });
});
