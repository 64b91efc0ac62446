import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IAM_REFERENCE_FILE, readIamReferenceText } from '../../shared/catalogue/generated/readIamReferenceText.js';
import { parseIamReferenceTable } from '../../shared/catalogue/parseIamReferenceTable.js';

const HEADER = '#iam-reference format=1 iam-data=9.9.9 license=MIT generator=scripts/generateIamReference.mjs';

describe('parseIamReferenceTable', () => {
  it('splits the header version, the action-name words and one unparsed line per service', () => {
    const table = parseIamReferenceTable(`${HEADER}\nList,Get\nglue [["a"],[],"1"]\ns3 [[],[],""]\n`);
    expect(table.version).toBe('9.9.9');
    expect(table.words).toEqual(['List', 'Get']);
    expect([...table.services]).toEqual([
      ['glue', '[["a"],[],"1"]'],
      ['s3', '[[],[],""]'],
    ]);
  });

  it('keeps services in a Map, so prototype names are not services', () => {
    const table = parseIamReferenceTable(`${HEADER}\nList\nglue []\n`);
    expect(table.services.has('constructor')).toBe(false);
    expect(table.services.get('__proto__')).toBeUndefined();
  });

  it.each([
    { name: 'another format version', text: '#iam-reference format=2 iam-data=1.0.0\nList\n' },
    { name: 'no iam-data version', text: '#iam-reference format=1 license=MIT\nList\n' },
    { name: 'the old TypeScript module', text: '// IAM Service Authorization Reference from …\n' },
    { name: 'an empty file', text: '' },
  ])('rejects $name with a one-line error naming the format', ({ text }) => {
    expect(() => parseIamReferenceTable(text)).toThrow(
      /^the IAM reference table is not in format 1: its first line is/,
    );
  });

  it('rejects a service line without a prefix, naming the line', () => {
    expect(() => parseIamReferenceTable(`${HEADER}\nList\nglue []\n [] \n`)).toThrow(
      'the IAM reference table has no service on line 4',
    );
  });
});

describe('readIamReferenceText', () => {
  it('reads the generated table beside its module in the sources', () => {
    const expected = readFileSync(new URL(`../../shared/catalogue/generated/${IAM_REFERENCE_FILE}`, import.meta.url));
    const text = readIamReferenceText();
    expect(text).toBe(expected.toString('utf8'));
    expect(parseIamReferenceTable(text).services.size).toBeGreaterThan(400);
  });
});
