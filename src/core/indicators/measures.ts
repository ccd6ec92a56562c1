/**
 * The rows of the indicator table (./table.ts) made concrete: one Measure per rate actually computed
 * (an indicator, and for XMC one per age band), with its field ids, and the one computation of a
 * rate from a commune's counts. Templates, checks, levels and the report all go through here.
 */
import type { Bilingual } from '../findings';
import type { Settings } from '../settings';
import { INDICATORS, PROGRAMME_TABLE } from './table';
import type { CountFields, IndicatorDef, Phrases, Programme, ProgrammeDef } from './table';

/** A commune's figures by SHEETS.md field id: null = blank or unreadable; an absent key = no such column. */
export type CommuneCounts = Record<string, number | null>;

export interface Measure {
  /** The indicator id, or `${indicator}_${band}` for a banded one ("XMC_M1_15_25"). */
  id: string;
  indicator: IndicatorDef;
  band?: string;
  fields: CountFields;
  /** Feeds the commune level, or is shown for information only. */
  role: 'level' | 'info';
  /** For the level of ĐBKK communes only (true) / of the others only (false); absent = all communes. */
  dbkk?: boolean;
  column: Bilingual;
  phrases: Phrases;
}

function bandText(band: string, sep: string): string {
  return band.replace('_', sep);
}

function fill(text: Bilingual | undefined, band: string | undefined): Bilingual | undefined {
  if (!text || !band) return text;
  const [lo, hi] = band.split('_');
  const f = (s: string) => s.replace(/\{band\}/g, bandText(band, '–')).replace(/\{lo\}/g, lo).replace(/\{hi\}/g, hi);
  return { vi: f(text.vi), en: f(text.en) };
}

function bandFields(fields: CountFields, band: string | undefined): CountFields {
  if (!band) return fields;
  const f = (id: string) => id.replace(/\{band\}/g, band);
  return {
    numerator: fields.numerator.map(f),
    ...(fields.optional ? { optional: fields.optional.map(f) } : {}),
    cohort: f(fields.cohort),
    ...(fields.exempt ? { exempt: f(fields.exempt) } : {}),
    ...(fields.deductions ? { deductions: fields.deductions.map(f) } : {}),
  };
}

/** The figures of an indicator under the settings (the MN5 completion denominator is a setting). */
export function countFieldsOf(row: IndicatorDef, settings?: Partial<Pick<Settings, 'mn5CompletionDenominator'>>): CountFields | undefined {
  const variant = row.variants?.find((v) => settings?.[v.setting] === v.value);
  return variant ? variant.counts : row.counts;
}

/**
 * Settings as a workbook's own sheets state them: a PC_MN5 sheet that fills "Trẻ 6 tuổi (mẫu số hoàn
 * thành CT GDMN)" (tre_6t_mn: what the register and form MN-02 write) counts completion on the
 * 6-year-olds of the PPC, so unless the user chose another denominator its completion rate is read
 * over that cohort (the same as the register's own path and the forms reader, so check, report and
 * a Tổng hợp read back all give one level).
 */
export function withSheetConventions<S extends Partial<Pick<Settings, 'mn5CompletionDenominator'>>>(
  settings: S,
  sheets: readonly { template: string; records: readonly { fields: Record<string, { value: unknown } | undefined> }[] }[],
): S {
  if ((settings.mn5CompletionDenominator ?? 'attending') !== 'attending') return settings;
  const states = sheets.some((s) => s.template === 'PC_MN5' && s.records.some((r) => typeof r.fields.tre_6t_mn?.value === 'number'));
  return states ? { ...settings, mn5CompletionDenominator: 'ppc6' } : settings;
}

/** Fields subtracted from the cohort: the exempt first, then the other deductions. */
export function minusOf(fields: CountFields): string[] {
  return [...(fields.exempt ? [fields.exempt] : []), ...(fields.deductions ?? [])];
}

function measure(row: IndicatorDef, fields: CountFields, band: string | undefined): Measure {
  const isLevel = row.kind === 'threshold' || row.kind === 'condition';
  let role: Measure['role'] = isLevel ? 'level' : 'info';
  let dbkk: boolean | undefined;
  if (band && row.bands) {
    const normal = band === row.bands.normal;
    const forDbkk = band === row.bands.dbkk;
    if (!normal && !forDbkk) role = 'info';
    else if (normal !== forDbkk && isLevel) dbkk = forDbkk;
  }
  return {
    id: band ? `${row.id}_${band}` : row.id,
    indicator: row,
    ...(band ? { band } : {}),
    fields: bandFields(fields, band),
    role,
    ...(dbkk !== undefined ? { dbkk } : {}),
    column: fill(row.column ?? { vi: row.labelVi, en: row.labelEn }, band)!,
    phrases: {
      ...row.phrases,
      ...(row.phrases?.cohort ? { cohort: fill(row.phrases.cohort, band) } : {}),
      ...(row.phrases?.achieved ? { achieved: fill(row.phrases.achieved, band) } : {}),
    },
  };
}

/** The rate of one indicator (in one band), for a printed rate column of a template. */
export function indicatorMeasure(id: string, band?: string): Measure {
  const row = INDICATORS.find((r) => r.id === id);
  if (!row?.counts) throw new Error(`No counts for indicator ${id}`);
  return measure(row, row.counts, band);
}

/**
 * Every rate of a programme that has figures, in report order: the table's order, banded rates by
 * band then by indicator (15–25: M1; 15–35: M1, M2; 15–60: M1, M2).
 */
export function programmeMeasures(programme: Programme | 'PCBTH', settings?: Partial<Pick<Settings, 'mn5CompletionDenominator'>>): Measure[] {
  const out: { m: Measure; order: number }[] = [];
  for (const row of INDICATORS) {
    if (row.programme !== programme) continue;
    const fields = countFieldsOf(row, settings);
    if (!fields) continue;
    if (!row.bands) out.push({ m: measure(row, fields, undefined), order: -1 });
    else for (const band of row.bands.shown) out.push({ m: measure(row, fields, band), order: row.bands.all.indexOf(band) });
  }
  return out.map((x, i) => ({ ...x, i })).sort((a, b) => a.order - b.order || a.i - b.i).map((x) => x.m);
}

/** Every rate of every band a sheet carries (cohort checks cover all of them). */
export function allMeasures(): Measure[] {
  const out: Measure[] = [];
  for (const row of INDICATORS) {
    if (!row.counts) continue;
    if (!row.bands) out.push(measure(row, row.counts, undefined));
    else for (const band of row.bands.all) out.push(measure(row, row.counts, band));
  }
  return out;
}

/** The rate that decides an indicator's criterion for this commune (its ĐBKK band), or null. */
export function levelMeasure(row: IndicatorDef, dbkk: boolean, settings?: Partial<Pick<Settings, 'mn5CompletionDenominator'>>): Measure | null {
  const fields = countFieldsOf(row, settings);
  if (!fields) return null;
  return measure(row, fields, row.bands ? (dbkk ? row.bands.dbkk : row.bands.normal) : undefined);
}

export function programmeDef(id: Programme | 'PCBTH'): ProgrammeDef {
  const p = PROGRAMME_TABLE.find((x) => x.id === id);
  if (!p) throw new Error(`Unknown programme ${id}`);
  return p;
}

export interface RateCounts {
  /** Σ numerator parts (null when a required part is blank, absent or unreadable). */
  numerator: number | null;
  /** Cohort − exempt − deductions (null when the cohort is blank or a figure is unreadable). */
  denominator: number | null;
}

/**
 * The one computation of a rate from counts: Σ numerator / (cohort − exempt − deductions). A blank or
 * absent optional part or deduction counts as none; an unreadable one (NaN) makes the rate unknown.
 */
export function rateCounts(fields: CountFields, counts: CommuneCounts): RateCounts {
  const optional = new Set(fields.optional ?? []);
  let numerator: number | null = 0;
  for (const f of fields.numerator) {
    const v = counts[f];
    if (v === null || v === undefined) {
      if (!optional.has(f)) numerator = null;
    } else if (!Number.isFinite(v)) numerator = null;
    else if (numerator !== null) numerator += v;
  }
  let denominator: number | null = counts[fields.cohort] ?? null;
  if (denominator !== null && !Number.isFinite(denominator)) denominator = null;
  for (const f of minusOf(fields)) {
    const v = counts[f];
    if (v === null || v === undefined) continue;
    denominator = denominator === null || !Number.isFinite(v) ? null : denominator - v;
  }
  return { numerator, denominator };
}

/** Every field id an indicator reads (all bands, all variants), for mapping an input layout onto the table. */
export function fieldsOf(row: IndicatorDef): string[] {
  const sets = [row.counts, ...(row.variants ?? []).map((v) => v.counts)].filter((c): c is CountFields => !!c);
  const bands = row.bands ? row.bands.all : [undefined];
  const out = new Set<string>();
  for (const c of sets) for (const band of bands) {
    const f = bandFields(c, band);
    for (const id of [...f.numerator, f.cohort, ...minusOf(f)]) out.add(id);
  }
  return [...out];
}
