import type { ConsoleIo } from '../../shared/local/createProcessIo.js';

/** A ConsoleIo that records what the command line writes. */
export type FakeIo = ConsoleIo & { out: string; err: string };

/** A recording ConsoleIo with the given terminal flag and environment. */
export function fakeIo(options: { tty?: boolean; env?: Record<string, string> } = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    stdoutIsTty: options.tty ?? false,
    env: options.env ?? {},
    writeOut: (text) => {
      io.out += text;
    },
    writeErr: (text) => {
      io.err += text;
    },
  };
  return io;
}
