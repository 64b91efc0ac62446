/** Splits `args` like a shell would split words, with '…' and "…" quoting and no expansion of any kind. */
export function splitArgs(text: string): string[];
/** The command line the inputs ask for, and the SARIF file it writes. */
export function checkArguments(env: Record<string, string | undefined>): { args: string[]; sarif: string };
/** Results of a SARIF report that no suppression covers. */
export function countUnsuppressed(sarif: { runs?: { results?: { suppressions?: unknown[] }[] }[] }): number;
