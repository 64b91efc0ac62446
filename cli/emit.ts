import type { ConsoleIo } from '../shared/local/createProcessIo.js';
import { writeTextFile } from '../shared/local/writeTextFile.js';

/** Writes a command's result to --output FILE when given, else to standard output; always ends with a newline. */
export async function emit(io: ConsoleIo, text: string, output: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (output === undefined) io.writeOut(body);
  else await writeTextFile(output, body);
}
