/** A1 addressing shared by the reader, the hosts and the writers (0-based row/column indexes). */

const letterCache: string[] = [];

/** 0-based column index → letters (0 → "A", 26 → "AA"). Cached: the reader calls it per cell. */
export function columnLetter(index0: number): string {
  const cached = letterCache[index0];
  if (cached) return cached;
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  letterCache[index0] = s;
  return s;
}

/** Letters → 0-based column index ("A" → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/col → "B12". */
export function toA1(row0: number, col0: number): string {
  return `${columnLetter(col0)}${row0 + 1}`;
}

/** "B12" or "$B$12" (optionally "Sheet!B12") → 0-based row/col; null when not a single cell. */
export function parseA1(address: string): { row: number; col: number } | null {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(bare.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "A1:C3" → corners; a single cell gives a 1×1 area. */
export function parseA1Range(address: string): { top: number; left: number; bottom: number; right: number } | null {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = bare.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
