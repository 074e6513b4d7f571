/** How a value from Postgres reads in a grid cell: NULL distinct from the empty string. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The text to edit a value as; null stays null (typing NULL in a cell sets NULL). */
export function editText(value: unknown): string {
  return value === null || value === undefined ? 'NULL' : cellText(value);
}

export function parseCell(text: string): string | null {
  return text.trim().toUpperCase() === 'NULL' ? null : text;
}
