import type { ConsoleIo } from '../shared/local/createProcessIo.js';

/** Colour only on a terminal, and never when NO_COLOR is set to a non-empty value (https://no-color.org). */
export function useColor(io: ConsoleIo): boolean {
  const noColor = io.env.NO_COLOR;
  return io.stdoutIsTty && (noColor === undefined || noColor === '');
}
