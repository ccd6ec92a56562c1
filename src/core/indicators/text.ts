/**
 * Text helpers of the report and the GD.* functions: change sentences, trend tables, sum checks,
 * norms. All numbers go through src/core/format/vn; all words through the i18n catalogue.
 */
import { parseSchoolYear } from '../parse/schoolYear';
import type { Lang } from '../findings';
import { formatNumber, formatRatio, roundHalfUp, roundHalfUpString } from '../format/vn';
import { t } from '../i18n';
import { CLASS_SIZE_MAX, Norm, TEACHER_NORMS } from './norms';
import { calcError, CalcError, change, changePct, exactSubtract, isCalcError, NumInput, ratio } from './rates';

export type ChangeKind = 'count' | 'rate';

export interface ChangeTextOptions {
  /** Word after the amount ("trường", "học sinh"); for rates the unit is "điểm phần trăm". */
  unit?: string;
  /** "count" (default): difference of counts; "rate": fractions, difference in percentage points. */
  kind?: ChangeKind;
  lang?: Lang;
  /** Decimals of the difference (counts 0, rates 2 unless given). */
  decimals?: number;
  /** "02" for a count below 10 (default true, as the reports write it). */
  leadingZero?: boolean;
}

/** "tăng 02 trường", "giảm 1,25 điểm phần trăm", "bằng năm học trước". */
export function changeText(current: NumInput, previous: NumInput, opts: ChangeTextOptions = {}): string | CalcError {
  const d = change(current, previous);
  if (!d.ok) return d;
  const kind = opts.kind ?? 'count';
  const lang = opts.lang ?? 'vi';
  const decimals = opts.decimals ?? (kind === 'rate' ? 2 : 0);
  // A rate change is the difference of the two figures as printed, so the sentence never
  // contradicts them (99,92% → 99,91% is "giảm 0,01 điểm", not "bằng năm học trước").
  const diff =
    kind === 'rate'
      ? Number((roundHalfUp((current as number) * 100, decimals) - roundHalfUp((previous as number) * 100, decimals)).toFixed(decimals))
      : d.value;
  // Equal when the shown figure would be zero: "tăng 0,00 điểm" is never printed.
  const shown = roundHalfUpString(Math.abs(diff), decimals);
  if (/^[0.]*$/.test(shown)) return t('indicators.change.same', lang);
  const amount = formatNumber(Math.abs(diff), {
    decimals,
    leadingZero: kind === 'count' && decimals === 0 && (opts.leadingZero ?? true),
  });
  const unit = kind === 'rate' ? t('indicators.change.points', lang) : opts.unit?.trim();
  const text = unit ? `${amount} ${unit}` : amount;
  return t(diff > 0 ? 'indicators.change.up' : 'indicators.change.down', lang, { amount: text });
}

export interface SentenceOptions {
  /** Previous rate as a fraction (0.416), to add "tăng … so với năm học trước". */
  previousRate?: number | null;
  decimals?: number;
  lang?: Lang;
}

/**
 * "Tỷ lệ huy động trẻ nhà trẻ đạt 42,81% (2.954/6.901), tăng 1,20 điểm phần trăm so với năm học trước."
 * The change is computed from the exact current rate, not from the rounded one.
 */
export function sentence(label: string, numerator: NumInput, denominator: NumInput, opts: SentenceOptions = {}): string | CalcError {
  const r = ratio(numerator, denominator, ['numerator', 'denominator']);
  if (isCalcError(r)) return r;
  const lang = opts.lang ?? 'vi';
  const decimals = opts.decimals ?? 2;
  const value = formatRatio(r.numerator, r.denominator, decimals);
  let out = t('indicators.sentence', lang, { label: label.trim(), value });
  const prev = opts.previousRate;
  if (prev !== null && prev !== undefined) {
    if (!Number.isFinite(prev)) return calcError('non_numeric', { name: 'previous_rate' });
    const ct = changeText(r.value, prev, { kind: 'rate', lang, decimals });
    if (isCalcError(ct)) return ct;
    const same = ct === t('indicators.change.same', lang);
    out += same ? `, ${ct}` : `, ${ct} ${t('indicators.change.vs_previous', lang)}`;
  }
  return out + '.';
}

export type TrendCell = string | number | CalcError;

/**
 * Trend table: header row, then one row per value: [year, value, change, change %].
 * kind "rate": values are fractions and the change is in percentage points.
 */
export function trend(values: NumInput[], years?: (string | number | null)[], kind: ChangeKind = 'count', lang: Lang = 'vi'): TrendCell[][] {
  const header = [
    t('indicators.trend.year', lang),
    t('indicators.trend.value', lang),
    t(kind === 'rate' ? 'indicators.trend.change_points' : 'indicators.trend.change', lang),
    t('indicators.trend.change_pct', lang),
  ];
  const rows: TrendCell[][] = [header];
  values.forEach((v, i) => {
    const year = years && years[i] !== null && years[i] !== undefined ? years[i]! : i + 1;
    const prev = i > 0 ? values[i - 1] : null;
    if (v === null || v === undefined) {
      rows.push([year, '', '', '']);
      return;
    }
    if (i === 0 || prev === null || prev === undefined) {
      rows.push([year, v, '', '']);
      return;
    }
    const d = change(v, prev);
    const p = changePct(v, prev);
    const dv: TrendCell = d.ok ? (kind === 'rate' ? Number((d.value * 100).toPrecision(15)) : d.value) : d;
    rows.push([year, v, dv, p.ok ? p.value : p]);
  });
  return rows;
}

/** Number of decimals a value prints with (capped), so "lệch" shows 0,001 and not 0. */
function decimalsOf(x: number): number {
  const s = String(Math.abs(x));
  if (/e/i.test(s)) return 6;
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(6, s.length - i - 1);
}

/** true when total equals the sum of parts; else "lệch +7" (total − sum). Blank parts count as nothing. */
export function sumCheck(total: NumInput, parts: NumInput[], lang: Lang = 'vi'): true | string | CalcError {
  if (total === null || total === undefined) return calcError('blank', { name: 'total' });
  if (!Number.isFinite(total)) return calcError('non_numeric', { name: 'total' });
  let decimals = decimalsOf(total);
  let sum = 0;
  for (const p of parts) {
    if (p === null || p === undefined) continue;
    if (!Number.isFinite(p)) return calcError('non_numeric', { name: 'part' });
    sum += p;
    decimals = Math.max(decimals, decimalsOf(p));
  }
  const diff = Number(exactSubtract(total, sum).toFixed(decimals));
  if (diff === 0) return true;
  const text = (diff > 0 ? '+' : '-') + formatNumber(Math.abs(diff), { decimals, keepTrailingZeros: false });
  return t('indicators.sum_check.diff', lang, { diff: text });
}

/** First calendar year of a school year: "2023-2024", "2023 – 2024", "2023-24", "NH 2023-2024" or 2023 → 2023. */
export function schoolYearStart(schoolYear: string | number): number | null {
  const p = parseSchoolYear(schoolYear);
  return p && 'start' in p ? p.start : null;
}

/** Birth year of the cohort of `age` in a school year (age counted by calendar year: ref_year − birth_year). */
export function birthYear(schoolYear: string | number, age: NumInput): number | CalcError {
  const y = schoolYearStart(schoolYear);
  if (y === null) return calcError('non_numeric', { name: 'school_year' });
  if (age === null || age === undefined) return calcError('blank', { name: 'age' });
  if (!Number.isFinite(age)) return calcError('non_numeric', { name: 'age' });
  if (age < 0 || !Number.isInteger(age)) return calcError('out_of_range', { name: 'age', value: formatNumber(age, { decimals: 2, keepTrailingZeros: false }) });
  return y - age;
}

function normKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toUpperCase()
    .trim()
    .replace(/[\s-]+/g, '_');
}

const CLASS_ALIASES: Record<string, string> = {
  TIEU_HOC: 'TH', TRUNG_HOC_CO_SO: 'THCS', TRUNG_HOC_PHO_THONG: 'THPT', MAM_NON: 'MN',
};

export function classSizeNorm(level: string): Norm | null {
  const k = normKey(level);
  return CLASS_SIZE_MAX[k] ?? CLASS_SIZE_MAX[CLASS_ALIASES[k] ?? ''] ?? null;
}

export interface ClassSizeResult {
  ok: true;
  within: boolean;
  average: number;
  max: number;
  text: string;
  norm: Norm;
}

/** "Trong định mức" / "Vượt định mức (46,20 > 45)"; compares pupils > max × classes exactly. */
export function classSizeCheck(pupils: NumInput, classes: NumInput, level: string, lang: Lang = 'vi', decimals = 2): ClassSizeResult | CalcError {
  const norm = classSizeNorm(level);
  if (!norm) return calcError('unknown_name', { name: lang === 'vi' ? 'cấp học' : 'level', value: level });
  const r = ratio(pupils, classes, ['pupils', 'classes']);
  if (isCalcError(r)) return r;
  const within = r.numerator <= norm.value * r.denominator;
  const text = within
    ? t('indicators.class_size.ok', lang)
    : t('indicators.class_size.over', lang, { value: formatNumber(r.value, { decimals }), max: formatNumber(norm.value) });
  return { ok: true, within, average: r.value, max: norm.value, text, norm };
}

const TEACHER_ALIASES: Record<string, string> = {
  TIEU_HOC: 'TH', TRUNG_HOC_CO_SO: 'THCS', TRUNG_HOC_PHO_THONG: 'THPT',
  NHA_TRE: 'NT', NHOM_TRE: 'NT', MAU_GIAO: 'MG', LOP_MAU_GIAO: 'MG',
};

/** Teachers-per-class norm (TT 20/2023, TT 19/2023). TH needs sessions per day (1 or 2; default 2). */
export function teacherNorm(level: string, sessionsPerDay?: number | null): Norm | CalcError {
  let k = normKey(level);
  k = TEACHER_ALIASES[k] ?? k;
  if (k === 'TH') {
    const s = sessionsPerDay ?? 2;
    if (s !== 1 && s !== 2) return calcError('out_of_range', { name: 'sessions', value: String(s) });
    k = `TH_${s}`;
  }
  const n = TEACHER_NORMS[k];
  if (!n) return calcError('unknown_name', { name: 'level', value: level });
  return n;
}
