/**
 * A file or value the user supplied cannot be used (missing, unreadable, not JSON, wrong shape); the message is one
 * line that names the file and says what is wrong, so the command line can print it as the reason for exit code 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
