import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../shared/local/inputLimits.js';
import { readJsonFile } from '../../shared/local/readJsonFile.js';

const LIMIT = INPUT_LIMITS.policy;

const dir = mkdtempSync(join(tmpdir(), 'sfn-role-audit-read-'));

describe('readJsonFile', () => {
  it('returns the path, the text and the parsed value', async () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, '{"StartAt": "A"}');
    expect(await readJsonFile(path, LIMIT)).toEqual({ path, text: '{"StartAt": "A"}', value: { StartAt: 'A' } });
  });

  it('says which file is missing', async () => {
    const path = join(dir, 'missing.json');
    await expect(readJsonFile(path, LIMIT)).rejects.toThrow(`cannot read ${path}: no such file`);
  });

  it('says when the path is a directory', async () => {
    await expect(readJsonFile(dir, LIMIT)).rejects.toThrow(`cannot read ${dir}: is a directory, expected a file`);
  });

  it('names the file and line of malformed JSON', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{\n  "a": 1,\n}');
    await expect(readJsonFile(path, LIMIT)).rejects.toThrow(`${path}: not valid JSON at line 3, column 1`);
  });
});
