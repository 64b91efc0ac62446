/**
 * Characters XML 1.0 does not allow anywhere, even escaped (https://www.w3.org/TR/xml/#charsets): C0 controls other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with every character XML 1.0 forbids replaced by U+FFFD, so a state name cannot break the document. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Character data: `&`, `<` and `>` escaped (so `]]>` cannot appear), forbidden characters replaced. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

/** An attribute value for double quotes: markup, quotes and line breaks escaped (parsers would fold raw ones). */
export function xmlAttribute(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}
