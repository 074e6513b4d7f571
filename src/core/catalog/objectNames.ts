/**
 * PostgreSQL's makeObjectName (src/backend/commands/indexcmds.c), which names the sequence of a
 * serial or identity column `<table>_<column>_seq`, cutting the longer of the two names until the
 * whole fits in 63 bytes, and never inside a multibyte character.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  const encoder = new TextEncoder();
  const bytes1 = encoder.encode(name1);
  const bytes2 = encoder.encode(name2 ?? '');
  // As in PostgreSQL: name2 and the label are optional, each costing its `_` when present.
  const available = 63 - (label ? label.length + 1 : 0) - (name2 === undefined ? 0 : 1);
  let length1 = bytes1.length;
  let length2 = bytes2.length;
  while (length1 + length2 > available) {
    if (length1 > length2) length1--;
    else length2--;
  }
  const decoder = new TextDecoder();
  let name = decoder.decode(bytes1.subarray(0, clipToCharacter(bytes1, length1)));
  if (name2 !== undefined)
    name += '_' + decoder.decode(bytes2.subarray(0, clipToCharacter(bytes2, length2)));
  return label ? `${name}_${label}` : name;
}

/** The longest length up to `length` that does not end inside a UTF-8 character (pg_mbcliplen). */
function clipToCharacter(bytes: Uint8Array, length: number): number {
  let end = length;
  // Continuation bytes are 10xxxxxx: step back to the start of the character they belong to.
  while (end > 0 && end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return end;
}

/** The name `serial` (or AS IDENTITY) gives the sequence of `table.column`. */
export function defaultSequenceName(table: string, column: string): string {
  return makeObjectName(table, column, 'seq');
}
