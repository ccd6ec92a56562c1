/**
 * The one reader of numbers as Vietnamese users type them ('.' groups thousands, ',' marks decimals,
 * '%' follows): the sheet reader, the GD.* functions, CHI_TIEU targets, the task pane's settings.
 */
export interface ParsedNumber {
  value: number;
  /** The text had a '%' sign (value is then the fraction: "97,38%" → 0.9738). */
  percent: boolean;
  /** The text could also be read another way ("1.909": 1909 in VN, 1.909 in en-US). */
  ambiguous: boolean;
}

/**
 * Parse numeric text as Vietnamese users type it: "26.254", "1,5", "97,38%", "97.35%",
 * "1.234.567", "2 954", "(1.234)" is not accepted. Returns null when the text is not a number.
 * With `counts` true, a single '.' followed by exactly three digits is a thousands separator.
 */
export function parseVnNumber(text: string, counts = true): ParsedNumber | null {
  let s = text.normalize('NFC').trim().replace(/[\u00a0\u202f\s]+/g, ' ');
  if (s === '') return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return null;
  // "2 954" (space grouping)
  if (s.includes(' ')) {
    if (!/^\d{1,3}( \d{3})+([,.]\d+)?$/.test(s)) return null;
    s = s.replace(/ /g, '');
  }
  const dots = (s.match(/\./g) || []).length;
  const commas = (s.match(/,/g) || []).length;
  let ambiguous = false;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastComma > lastDot) {
      // 1.234,5 (VN)
      if (!/^\d{1,3}(\.\d{3})*,\d+$/.test(s)) return null;
      normalized = s.replace(/\./g, '').replace(',', '.');
    } else {
      // 1,234.5 (en-US) — accepted but ambiguous for a VN sheet
      if (!/^\d{1,3}(,\d{3})*\.\d+$/.test(s)) return null;
      normalized = s.replace(/,/g, '');
      ambiguous = true;
    }
  } else if (dots > 1) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
    normalized = s.replace(/\./g, '');
  } else if (commas > 1) {
    if (!/^\d{1,3}(,\d{3})+$/.test(s)) return null;
    normalized = s.replace(/,/g, '');
    ambiguous = true;
  } else if (dots === 1) {
    if (/^\d{1,3}\.\d{3}$/.test(s) && !percent && counts) {
      normalized = s.replace('.', '');
      ambiguous = true;
    } else {
      if (!/^\d*\.\d+$/.test(s) && !/^\d+\.$/.test(s)) return null;
      normalized = s;
      // "97.35%" or "1.5": a decimal point where VN uses a comma.
      ambiguous = /^\d{1,3}\.\d{3}$/.test(s);
    }
  } else if (commas === 1) {
    if (!/^\d*,\d+$/.test(s)) return null;
    normalized = s.replace(',', '.');
    ambiguous = /^\d{1,3},\d{3}$/.test(s) && counts;
  } else {
    normalized = s;
  }
  let value = sign * Number(normalized);
  if (!Number.isFinite(value)) return null;
  if (percent) value = Number((value / 100).toPrecision(15));
  return { value, percent, ambiguous };
}
