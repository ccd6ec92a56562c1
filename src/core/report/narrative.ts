/**
 * Sentences of the report in the Vietnamese administrative register (REPORT.md, "Narrative rules").
 * Every number goes through src/core/format/vn; every template lives in the i18n catalogue.
 */
import type { Lang } from '../findings';
import { formatNumber, formatPercentOf } from '../format/vn';
import { t } from '../i18n';
import { isCalcError } from '../indicators/rates';
import { changeText } from '../indicators/text';

export interface NarrativeOptions {
  lang: Lang;
  /** "02 trường" for counts below 10 (on by default, as the seeds do). */
  leadingZero: boolean;
  /** Decimals of percentages and of percentage-point differences. */
  decimals: number;
}

export const DEFAULT_NARRATIVE: NarrativeOptions = { lang: 'vi', leadingZero: true, decimals: 2 };

/** A count as printed in a sentence ("02", "26.254"). */
export function countText(n: number, o: Pick<NarrativeOptions, 'leadingZero'> = DEFAULT_NARRATIVE): string {
  // "02 trường" but never "00": the seeds pad 1–9 only.
  return formatNumber(n, { leadingZero: o.leadingZero && Number.isInteger(n) && n > 0 });
}

/** "9.022/9.265" with thousands separators (optionally "01/07" for small counts of units). */
export function fractionText(num: number, den: number, leadingZero = false): string {
  return `${formatNumber(num, { leadingZero: leadingZero && num > 0 })}/${formatNumber(den, { leadingZero: leadingZero && den > 0 })}`;
}

/**
 * "97,38%" from counts, or null when the denominator is not positive. A whole percentage stays whole
 * ("100%", "50%"), as the seeds write it (issue 14: never "100,00%" in a sentence).
 */
export function percentText(num: number, den: number, decimals = 2): string | null {
  if (!(den > 0) || !Number.isFinite(num)) return null;
  if (Number.isInteger(num) && Number.isInteger(den) && (num * 100) % den === 0) return formatPercentOf(num, den, 0);
  return formatPercentOf(num, den, decimals);
}

/** "x/y (p%)"; "x/y" alone when y is 0. */
export function fractionWithPercent(num: number, den: number, o: { decimals?: number; leadingZero?: boolean } = {}): string {
  const frac = fractionText(num, den, o.leadingZero ?? false);
  const p = percentText(num, den, o.decimals ?? 2);
  return p ? `${frac} (${p})` : frac;
}

/** "Tỷ lệ {chỉ tiêu} đạt {p}% ({tử}/{mẫu})", or null when it cannot be computed. */
export function rateSentence(metric: string, num: number, den: number, o: NarrativeOptions = DEFAULT_NARRATIVE): string | null {
  const p = percentText(num, den, o.decimals);
  if (!p) return null;
  return t('report.rate_sentence', o.lang, { metric, p, num: formatNumber(num), den: formatNumber(den) });
}

/**
 * Change of a rate between two years in percentage points, from the counts (indicators' changeText
 * rounds the exact difference): "tăng 1,20 điểm phần trăm so với năm học trước".
 */
export function rateChangeText(
  cur: { num: number; den: number },
  prev: { num: number; den: number },
  o: NarrativeOptions = DEFAULT_NARRATIVE,
  short = false,
): string | null {
  if (!(cur.den > 0) || !(prev.den > 0)) return null;
  const text = changeText(cur.num / cur.den, prev.num / prev.den, { kind: 'rate', lang: o.lang, decimals: o.decimals });
  return isCalcError(text) ? null : withComparison(text, o.lang, short);
}

/** "tăng 02 trường so với năm học trước" / "giảm 129 học sinh …" / "bằng năm học trước". */
export function countChangeText(cur: number, prev: number, unit: string, o: NarrativeOptions = DEFAULT_NARRATIVE, short = false): string | null {
  const text = changeText(cur, prev, { kind: 'count', unit, lang: o.lang, leadingZero: o.leadingZero });
  return isCalcError(text) ? null : withComparison(text, o.lang, short);
}

function withComparison(text: string, lang: Lang, short: boolean): string {
  if (short || text === t('indicators.change.same', lang)) return text;
  return `${text} ${t('indicators.change.vs_previous', lang)}`;
}

export interface Part {
  label: string;
  value: number;
}

/**
 * "{tổng} {đơn vị} ({phần 1}: {a}; {phần 2}: {b})", written only when the parts add up to the total
 * (null otherwise, so the caller lists the discrepancy instead of printing a wrong sentence).
 */
export function partsText(total: number, unit: string, parts: Part[], o: NarrativeOptions = DEFAULT_NARRATIVE): string | null {
  if (!parts.length) return null;
  const sum = parts.reduce((s, p) => s + p.value, 0);
  if (sum !== total) return null;
  const list = parts.map((p) => `${p.label}: ${countText(p.value, o)}`).join('; ');
  return t('report.parts', o.lang, { total: countText(total, o), unit, parts: list }).replace(/\s+\(/, ' (');
}

/** Capitalise the first letter (sentences built from lower-case fragments). */
export function capitalise(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s;
}

/** Ensure a sentence ends with one full stop. */
export function sentence(s: string): string {
  const trimmed = s.trim();
  return /[.!?:]$/.test(trimmed) ? trimmed : trimmed + '.';
}
