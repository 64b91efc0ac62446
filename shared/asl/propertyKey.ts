/**
 * The same text as a property key V8 keeps in its string table (an object literal's keys are interned): a key built
 * at run time (`${name}.$`, a piece of a split path) that no object has is otherwise searched for in that table on
 * every lookup. For keys made once and looked up per state.
 */
export function propertyKey(text: string): string {
  const [key] = Object.keys({ [text]: true });
  return key ?? text;
}
