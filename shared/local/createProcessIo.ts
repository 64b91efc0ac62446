/** Where the command line writes and what it knows of its terminal; tests pass their own to capture the output. */
export type ConsoleIo = {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** True when standard output is a terminal (colour is allowed only then). */
  stdoutIsTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
};

/** The ConsoleIo of this process: its stdout, stderr and environment. */
export function createProcessIo(): ConsoleIo {
  return {
    writeOut: (text) => {
      process.stdout.write(text);
    },
    writeErr: (text) => {
      process.stderr.write(text);
    },
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env,
  };
}
