import packageJson from '../package.json' with { type: 'json' };
import type { CliDeps } from './cliDeps.js';
import { runCheck } from './commands/check.js';
import { runPolicy } from './commands/policy.js';
import { runRequirements } from './commands/requirements.js';
import { UsageError } from './UsageError.js';

type CommandRunner = (argv: string[], deps: CliDeps) => Promise<number>;

const COMMANDS: Record<string, CommandRunner> = {
  requirements: runRequirements,
  policy: runPolicy,
  check: runCheck,
};

/** Help for `sfn-role-audit` itself. */
export const MAIN_HELP = `Usage: sfn-role-audit <command> [options]

Proves that a Step Functions state machine's execution role can do everything its definition needs.

Commands:
  requirements   list the permissions the definition needs, per state and purpose
  policy         print the least-privilege IAM policy for the definition
  check          check a role (policy files, IAM authorization details, or a live account) and report findings

Options:
  -h, --help     show this help (sfn-role-audit <command> --help for a command's options)
  -v, --version  print the version

Exit codes: 0 success (no finding at or above --fail-on); 1 findings at or above --fail-on; 2 bad usage or
unreadable input. Set SFN_ROLE_AUDIT_DEBUG=1 to see stack traces. Docs: docs/cli.md
`;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Why the command failed, on one line, with the stack only when SFN_ROLE_AUDIT_DEBUG is set. */
function reportFailure(error: unknown, deps: CliDeps): number {
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof Error && ['UsageError', 'InputError', 'PolicyError'].includes(error.name);
  const prefix = known ? '' : `${error instanceof Error ? error.name : 'error'}: `;
  deps.io.writeErr(`sfn-role-audit: ${oneLine(`${prefix}${message}`)}\n`);
  const debug = deps.io.env.SFN_ROLE_AUDIT_DEBUG;
  if (debug !== undefined && debug !== '' && debug !== '0' && error instanceof Error) {
    deps.io.writeErr(`${error.stack ?? ''}\n`);
    if (error.cause !== undefined) deps.io.writeErr(`caused by: ${String(error.cause)}\n`);
  }
  return 2;
}

/**
 * Runs the sfn-role-audit command line on `argv` (without the node and script paths) and returns the exit code:
 * 0 success, 1 findings at or above --fail-on, 2 bad usage or unreadable input (one-line reason on stderr).
 */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      throw new UsageError(`missing command (${Object.keys(COMMANDS).join(', ')}; see sfn-role-audit --help)`);
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      deps.io.writeOut(MAIN_HELP);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      deps.io.writeOut(`${packageJson.version}\n`);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run === undefined) {
      throw new UsageError(
        `unknown command "${command}" (${Object.keys(COMMANDS).join(', ')}; see sfn-role-audit --help)`,
      );
    }
    return await run(rest, deps);
  } catch (error) {
    return reportFailure(error, deps);
  }
}
