import { replaceUnresolved } from './unresolved.js';

/**
 * Text with each unresolved marker written as a `${…}` placeholder naming what it stands for
 * (`arn:aws:lambda:…:function:${Fn::ImportValue orders-fn}`): in a definition, the requirement engine reads such a
 * placeholder as a hole, exactly as an unapplied DefinitionSubstitutions key. Braces, quotes, backslashes and control
 * characters are dropped from the name so the placeholder stays one token inside JSON text.
 */
export function placeholderText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return replaceUnresolved(text, (what) => `\${${what.replace(/[{}"\\\u0000-\u001f]/g, '')}}`);
}

/**
 * Text with each unresolved marker written as `*`: in an ARN of the state machine's own configuration (a log group,
 * a KMS key), a part of the pattern the audit cannot know, decided against the role as holes are.
 */
export function starredText(text: string): string {
  return replaceUnresolved(text, () => '*');
}
