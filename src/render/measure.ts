/**
 * Rough widths of text in Times New Roman, enough to size table columns and the short rules under
 * the issuing body and the motto. Twips (1/20 pt); widths in em from the font's metrics, rounded.
 */

const NARROW = new Set([...'.,:;!|\'’()[]/-–ijlrtfI ']);
const WIDE = new Set([...'mwMW%']);

/** Width of one character in em (Times New Roman: caps ≈ 0.72, lower case ≈ 0.5, digits 0.5), a little generous. */
function charEm(ch: string, bold: boolean): number {
  let em: number;
  if (ch === ' ') em = 0.25;
  else if (NARROW.has(ch)) em = 0.33;
  else if (WIDE.has(ch)) em = 0.9;
  else if (/\d/.test(ch)) em = 0.5;
  else if (ch !== ch.toLocaleLowerCase('vi')) em = 0.73;
  else em = 0.51;
  return bold ? em * 1.1 : em;
}

/** Width of a line of text in twips at `sizePt`. */
export function textTwips(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) em += charEm(ch, bold);
  return Math.ceil(em * sizePt * 20);
}

/** Width of the longest word: a cell cannot be narrower without breaking inside a word. */
export function longestWordTwips(text: string, sizePt: number, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textTwips(w, sizePt, bold)));
}

export interface ColumnMeasure {
  /** Narrowest the column can be: its longest word (headers wrap, words do not). */
  min: number;
  /** Width that shows every cell on one line. */
  pref: number;
}

/**
 * Column widths that fill `available` twips: each column gets its preferred width when they all fit,
 * else its minimum plus a share of the room left in proportion to what it lacks. Null when even the
 * minimums do not fit.
 */
export function fitColumns(columns: ColumnMeasure[], available: number): number[] | null {
  const sumMin = columns.reduce((s, c) => s + c.min, 0);
  const sumPref = columns.reduce((s, c) => s + c.pref, 0);
  if (sumMin > available) return null;
  let widths: number[];
  if (sumPref <= available) {
    const extra = available - sumPref;
    widths = columns.map((c) => c.pref + (extra * c.pref) / sumPref);
  } else {
    const room = available - sumMin;
    const lack = sumPref - sumMin;
    widths = columns.map((c) => c.min + (lack > 0 ? (room * (c.pref - c.min)) / lack : 0));
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1] += available - rounded.reduce((s, w) => s + w, 0);
  return rounded;
}
