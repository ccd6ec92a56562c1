/**
 * Text normalisation for matching headers, enum values and labels: NFC, no diacritics, lower case,
 * punctuation and line breaks folded to single spaces. "Số học\nsinh (người)" and "so hoc sinh"
 * meet at the same key.
 */

const COMBINING = /[\u0300-\u036f]/g;

/** Diacritics- and case-insensitive form with punctuation folded to spaces; keeps '%' as a token. */
export function foldText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .replace(/[ƣƯ]/g, 'u')
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/%/g, ' % ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

const UNIT_WORDS = new Set([
  'nguoi', 'hs', 'hoc sinh', 'tre', 'truong', 'lop', 'nhom', 'xa', 'phuong', 'don vi', 'so luong', 'sl',
  'ty le', 'ti le', 'tuoi', 'chau', 'em', 'hv', 'hoc vien', 'gv', 'giao vien', 'phong', 'co so', 'cs',
]);

/** Trailing "(1)", "(*)", "(người)", "[2]" removed, once or several times. */
export function stripTrailingNotes(raw: string): string {
  let s = raw.normalize('NFC').trim();
  for (;;) {
    const m = s.match(/^(.*?)[\s]*[([]\s*([^()[\]]*)\s*[)\]]\s*[:.*]*$/s);
    if (!m || !m[1].trim()) return s;
    const inner = foldText(m[2]);
    if (inner === '' || /^\d{1,3}$/.test(inner) || /^[a-z]$/.test(inner) || UNIT_WORDS.has(inner) || /^\*+$/.test(m[2].trim()) || m[2].trim() === '*') {
      s = m[1].trim();
      continue;
    }
    return s;
  }
}

const PERCENT_LEAD = /^(ty le|ti le|tl)\b\s*/;

/**
 * Key of a header text. Percent headers ("Tỷ lệ X", "X (%)", "% X") all become "% x" so that a
 * rate column and its count column never meet at the same key.
 */
export function headerKey(raw: string): string {
  let k = foldText(raw.replace(/\*+\s*$/, ''));
  let percent = false;
  if (/(^| )%( |$)/.test(k)) {
    percent = true;
    k = k.replace(/(^| )%( |$)/g, ' ').trim();
  }
  const lead = k.match(PERCENT_LEAD);
  if (lead) {
    percent = true;
    k = k.slice(lead[0].length).trim();
  }
  return percent ? (k ? `% ${k}` : '%') : k;
}

/** The keys a header may be known by: as printed, then without trailing notes/units. */
export function headerKeys(raw: string): string[] {
  const a = headerKey(raw);
  const stripped = stripTrailingNotes(raw);
  const b = headerKey(stripped);
  // "(%)" is a unit that must keep its meaning.
  const pctUnit = /\(\s*%\s*\)\s*$/.test(raw.trim());
  const keys = [a];
  if (b !== a && !pctUnit) keys.push(b);
  return keys.filter((k) => k !== '');
}

/** Sub-headers that only say "the total / the count of" the group above them. */
export const GENERIC_SUBHEADERS = new Set(['tong so', 'tong', 'ts', 'cong', 'so luong', 'sl', 'so', 'tong cong', 'chung', 'toan bo']);
