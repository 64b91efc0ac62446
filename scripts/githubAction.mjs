#!/usr/bin/env node
// The audit step of the GitHub Action (action.yml): runs `sfn-role-audit check` with the action's inputs and writes
// the step outputs (exit-code, findings-count, sarif-file) to $GITHUB_OUTPUT. Inputs arrive as environment variables
// (INPUT_*), never interpolated into a shell script, and become an argument array for spawnSync without a shell, so
// no input can run a command (https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections).
// The step itself always succeeds once the CLI ran; a later step fails the job on the exit code, after the upload.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Splits `args` like a shell would split words, with '…' and "…" quoting and no expansion of any kind. */
export function splitArgs(text) {
  const words = [];
  let word = null;
  let quote = null;
  for (const char of text) {
    if (quote !== null) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + char;
  }
  if (quote !== null) throw new Error(`args: unterminated ${quote} quote`);
  if (word !== null) words.push(word);
  return words;
}

/** The command line the inputs ask for: `check`, paths, then the action's outputs and flags, then `args`. */
export function checkArguments(env) {
  const paths = (env.INPUT_PATHS ?? '').split(/\s+/).filter((path) => path !== '');
  const sarif = env.INPUT_SARIF_FILE?.trim() || 'sfn-role-audit.sarif';
  const args = ['check', ...paths, '--output', `sarif=${sarif}`, '--output', env.INPUT_FORMAT?.trim() || 'text'];
  if (env.INPUT_CATEGORY?.trim()) args.push('--sarif-category', env.INPUT_CATEGORY.trim());
  if (env.INPUT_FAIL_ON?.trim()) args.push('--fail-on', env.INPUT_FAIL_ON.trim());
  return { args: [...args, ...splitArgs(env.INPUT_ARGS ?? '')], sarif };
}

/** The built command line to run: the action's own checkout, or the version installed from npm. */
function cliPath(env) {
  if (env.SFN_ROLE_AUDIT_VERSION?.trim()) {
    return join(env.RUNNER_TEMP ?? '', 'sfn-role-audit', 'node_modules', 'sfn-role-audit', 'dist', 'cli.mjs');
  }
  return join(env.GITHUB_ACTION_PATH ?? process.cwd(), 'dist', 'cli.mjs');
}

/** Results of a SARIF report that no suppression covers (suppressed ones are reported, not counted). */
export function countUnsuppressed(sarif) {
  return (sarif.runs ?? []).reduce(
    (count, run) => count + (run.results ?? []).filter((result) => (result.suppressions ?? []).length === 0).length,
    0,
  );
}

function writeOutputs(env, outputs) {
  const lines = Object.entries(outputs).map(([key, value]) => `${key}=${value}\n`);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, lines.join(''));
  else process.stdout.write(lines.join(''));
}

function main(env) {
  let command;
  try {
    command = checkArguments(env);
  } catch (error) {
    console.error(`::error title=sfn-role-audit::${error.message}`);
    writeOutputs(env, { 'exit-code': 2, 'findings-count': '', 'sarif-file': '' });
    return;
  }
  const run = spawnSync(process.execPath, [cliPath(env), ...command.args], { stdio: 'inherit' });
  const exitCode = run.status ?? 2;
  let count = '';
  let sarifFile = '';
  if (exitCode !== 2 && existsSync(command.sarif)) {
    try {
      count = String(countUnsuppressed(JSON.parse(readFileSync(command.sarif, 'utf8'))));
      sarifFile = command.sarif;
    } catch (error) {
      console.error(`::warning title=sfn-role-audit::${command.sarif} is not readable SARIF: ${error.message}`);
    }
  }
  writeOutputs(env, { 'exit-code': exitCode, 'findings-count': count, 'sarif-file': sarifFile });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.env);
