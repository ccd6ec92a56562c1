/**
 * Forms of many communes (a folder of exports) → every commune's figures and levels, and the higher
 * unit's level. A commune's counts come from all its forms (the age matrices first: they carry the
 * cohorts); a criterion whose counts no form gives is judged on the rate a form prints. Levels come
 * from the indicator table's one function (src/core/indicators: communeLevel, unitLevel); this module
 * only chooses which figures feed it and says which ones it used.
 *
 * What is checked here (the form's own checks are in ./read.ts):
 * - each printed level against the rates of its own form (a level its rates cannot reach is an error
 *   at the level cell);
 * - each printed level and printed rate against the commune's counts when another form gives them
 *   (TH-M1 settles what TH-02 does not print);
 * - the same figure on two forms, the same form twice, a form of another year;
 * - when forms lack a criterion (TH-02 prints no 14-year-olds), the commune's level is the printed
 *   level as far as the printed rates support it, and the criteria left are named.
 */
import type { Bilingual, Finding } from '../findings';
import { finding } from '../findings';
import { formatNumber, formatPercent, formatPercentOf, roundHalfUp } from '../format/vn';
import { msg } from '../i18n';
import { communeLevel, levelLabel, unitLevel } from '../indicators/levels';
import type { Level, LevelResult, RateInput, UnitLevelResult } from '../indicators/levels';
import { levelMeasure, rateCounts } from '../indicators/measures';
import type { CommuneCounts } from '../indicators/measures';
import type { Programme } from '../indicators/table';
import { INDICATOR_RULES, MAX_LEVEL, PROGRAMME_INDICATORS } from '../indicators/thresholds';
import { withDefaults } from '../settings';
import type { Settings } from '../settings';
import { TEMPLATE_BY_ID } from '../sheets/templates';
import type { TemplateId } from '../sheets/types';
import type { FormCode, FormProgramme } from './layouts';
import type { FormReading, FormUnit, PrintedLevelCell, PrintedRate } from './read';
import { communeKey } from './read';

export const FORM_PROGRAMMES: Programme[] = ['MN5', 'MN35', 'TH', 'XMC', 'THCS'];

/** Which summary sheet (SHEETS.md §4) a field id belongs to. */
const FIELD_TEMPLATE = new Map<string, TemplateId>();
for (const t of ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC'] as TemplateId[]) for (const f of TEMPLATE_BY_ID[t].fields) if (f.type === 'count' && !FIELD_TEMPLATE.has(f.id)) FIELD_TEMPLATE.set(f.id, t);
// Fields a form gives that our sheets may not list yet.
FIELD_TEMPLATE.set('tre_6t_mn', 'PC_MN5');

const PROGRAMME_TEMPLATE: Record<Programme, TemplateId> = { MN5: 'PC_MN5', MN35: 'PC_MN5', TH: 'PC_TH', THCS: 'PC_THCS', XMC: 'XMC' };

/** Forms in the order their figures are preferred (the ones with cohorts first). */
const PRIORITY: FormCode[] = ['TH-M1', 'THCS-M1', 'MN-01-TE', 'XMC-4', 'XMC-3', 'CMC-1', 'CMC-2', 'THCS-M2', 'TH-02', 'THCS-TK', 'MN-02', 'MN-01-TC,ĐK'];
const rank = (c: FormCode) => (PRIORITY.indexOf(c) < 0 ? PRIORITY.length : PRIORITY.indexOf(c));

export interface CountSource {
  value: number | null;
  form: FormCode;
  file: string;
  sheet: string;
  cells: string[];
  derived: boolean;
}

export interface RateUsed {
  /** Fraction. */
  value: number | null;
  source: 'counts' | 'printed';
  numerator?: number | null;
  denominator?: number | null;
  form?: FormCode;
  file?: string;
  sheet?: string;
  cell?: string;
}

export interface CommuneProgramme {
  programme: Programme;
  counts: CommuneCounts;
  sources: Record<string, CountSource>;
  /** The rates that fed the level, by indicator id. */
  rates: Record<string, RateUsed>;
  printed: (PrintedLevelCell & { form: FormCode; file: string; sheet: string }) | null;
  result: LevelResult;
  /** The commune's level: recomputed, or the printed level as far as the printed rates support it. */
  level: Level;
  basis: 'counts' | 'printed-rates' | 'mixed' | 'none';
  /** Level criteria no form gives (indicator ids). */
  unverified: string[];
  /** The level is the printed one, bounded by what the printed rates allow. */
  capped: boolean;
  forms: FormCode[];
}

export interface FormCommune {
  key: string;
  name: string;
  dbkk: boolean;
  forms: { code: FormCode; file: string; sheet: string }[];
  programmes: Partial<Record<Programme, CommuneProgramme>>;
}

export interface FormsRun {
  readings: FormReading[];
  communes: FormCommune[];
  /** Survey year of the forms used. */
  year: number | null;
  /** The higher unit: its level per programme from its communes, and the level a total form prints. */
  unit: {
    name: string | null;
    levels: Partial<Record<Programme, UnitLevelResult>>;
    printed: Partial<Record<Programme, PrintedLevelCell & { form: FormCode; file: string; sheet: string }>>;
  };
  findings: Finding[];
}

export interface FormsOptions {
  settings?: Partial<Settings>;
  /** Survey year expected (from --year or the settings' school year); default: the most common. */
  year?: number | null;
  /** ĐBKK communes by name (settings), in addition to what MN-01-TC,ĐK says. */
  isDbkk?: (name: string) => boolean;
}

/* ------------------------------------------------------------------ helpers */

function levelWord(level: Level | undefined, programme: Programme): Bilingual {
  return levelLabel(level ?? null, programme);
}

function printedLevelValue(p: PrintedLevelCell | null | undefined): number | null {
  return p && p.printed.kind === 'level' ? p.printed.level : null;
}

function criterionLabel(id: string): Bilingual {
  const r = INDICATOR_RULES[id];
  if (r) return { vi: r.labelVi, en: r.labelEn };
  const p = id.replace('PREREQ_', '');
  return { vi: `mức độ ${p} của xã`, en: `the commune's ${p} level` };
}

function joinBi(items: Bilingual[]): Bilingual {
  return { vi: items.map((i) => i.vi.charAt(0).toLowerCase() + i.vi.slice(1)).join('; '), en: items.map((i) => i.en).join('; ') };
}

/** Rates (as the level function takes them) with the missing ones set to pass: the highest level possible. */
function bestCase(programme: Programme, rates: Record<string, RateInput | boolean>, prerequisites: Partial<Record<Programme, Level>>): { rates: Record<string, RateInput | boolean>; prerequisites: Partial<Record<Programme, Level>> } {
  const out: Record<string, RateInput | boolean> = { ...rates };
  for (const id of PROGRAMME_INDICATORS[programme]) {
    if (out[id] === null || out[id] === undefined) out[id] = INDICATOR_RULES[id].kind === 'condition' ? true : 1;
  }
  const pre = { ...prerequisites };
  for (const k of Object.keys(pre) as Programme[]) if (pre[k] === null || pre[k] === undefined) pre[k] = MAX_LEVEL[k];
  return { rates: out, prerequisites: pre };
}

/** The first failing criterion at level k of a result, in words ("Tỷ lệ trẻ 6 tuổi vào lớp 1 97,00% < 98%"). */
function reasonAbove(result: LevelResult, k: number): Bilingual {
  const c = result.criteria.find((x) => x.level === k && x.status === 'fail');
  if (!c) return { vi: '', en: '' };
  if (c.kind === 'prerequisite') return { vi: `${c.labelVi} chưa đạt`, en: `${c.labelEn} not met` };
  const v = c.value === null ? '–' : c.numerator !== undefined && c.denominator !== undefined ? formatPercentOf(c.numerator, c.denominator, 2, [c.required]) : formatPercent(c.value, 2, true, [c.required]);
  return { vi: `${c.labelVi} ${v} < ${c.required}%`, en: `${c.labelEn} ${v} < ${c.required}%` };
}

/* ------------------------------------------------------------------ main */

interface UnitRef {
  reading: FormReading;
  unit: FormUnit;
}

export function communesOfForms(readings: FormReading[], opts: FormsOptions = {}): FormsRun {
  const settings = withDefaults(opts.settings);
  const findings: Finding[] = [];
  // The survey year: the one asked for, else the most common among the forms.
  const years = readings.map((r) => r.year).filter((y): y is number => y !== null);
  const freq = new Map<number, number>();
  for (const y of years) freq.set(y, (freq.get(y) ?? 0) + 1);
  const year = opts.year ?? ([...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null);
  const used: FormReading[] = [];
  for (const r of readings) {
    if (!r.usable) continue;
    if (year !== null && r.year !== null && r.year !== year) {
      const where = msg('pcgd.where', { code: r.code, unit: r.units[0]?.name ?? r.file });
      findings.push(finding('bieu_pc_khac_nam', 'pcgd.khac_nam', { where, actual: r.year, expected: year, cell: r.yearCell ?? '' }, { file: r.file, sheet: r.sheet, cells: r.yearCell ? [r.yearCell] : [], expected: year, actual: r.year }));
      continue;
    }
    used.push(r);
  }

  // Units by commune; a total unit ("Toàn tỉnh") speaks for the higher unit.
  const byCommune = new Map<string, { name: string; refs: UnitRef[] }>();
  const totals: UnitRef[] = [];
  for (const r of used) {
    for (const u of r.units) {
      if (u.total) {
        totals.push({ reading: r, unit: u });
        continue;
      }
      const name = u.name ?? '';
      const key = communeKey(name);
      const entry = byCommune.get(key) ?? { name, refs: [] };
      // The same form twice for a commune: identical copies count once; different ones, the first.
      const same = entry.refs.find((x) => x.reading.code === r.code);
      if (same) {
        const diff = Object.keys({ ...same.unit.counts, ...u.counts }).filter((f) => same.unit.counts[f] !== u.counts[f]);
        const rateDiff = Object.keys({ ...same.unit.rates, ...u.rates }).filter((k) => same.unit.rates[k]?.value !== u.rates[k]?.value);
        const cells = [...diff.flatMap((f) => u.countCells[f] ?? []), ...rateDiff.map((k) => u.rates[k]?.address ?? same.unit.rates[k]?.address ?? '')].filter(Boolean);
        const params = { commune: entry.name || name, code: r.code, file: r.file, firstFile: same.reading.file, cells: cells.slice(0, 6).join(', ') };
        findings.push(cells.length
          ? finding('bieu_pc_trung', 'pcgd.trung_khac', params, { file: r.file, sheet: r.sheet, cells, expected: null, actual: null })
          : finding('bieu_pc_trung', 'pcgd.trung_giong', params, { file: r.file, sheet: r.sheet, cells: [], expected: null, actual: null }));
        continue;
      }
      entry.refs.push({ reading: r, unit: u });
      if (!entry.name && name) entry.name = name;
      byCommune.set(key, entry);
    }
  }

  const communes: FormCommune[] = [];
  for (const [key, { name, refs }] of byCommune) {
    refs.sort((a, b) => rank(a.reading.code) - rank(b.reading.code));
    const dbkk = refs.some((x) => x.unit.dbkk === true) || (opts.isDbkk ? opts.isDbkk(name) : false);
    const commune: FormCommune = { key, name, dbkk, forms: refs.map((x) => ({ code: x.reading.code, file: x.reading.file, sheet: x.reading.sheet })), programmes: {} };
    const done: Partial<Record<Programme, Level>> = {};
    // Programmes sharing a sheet (MN5 and MN35 read PC_MN5's fields) compare the same figures:
    // a disagreement is reported once.
    const own: Finding[] = [];
    for (const p of FORM_PROGRAMMES) {
      const cp = decide(p, commune, refs, settings, done, own);
      if (cp) {
        commune.programmes[p] = cp;
        done[p] = cp.level;
      }
    }
    const seen = new Set<string>();
    for (const f of own) {
      const k = `${f.rule}|${f.file}|${f.sheet}|${f.cells.join(',')}|${f.field ?? ''}|${f.message.vi}`;
      if (!seen.has(k)) findings.push(f);
      seen.add(k);
    }
    communes.push(commune);
  }

  // The higher unit: from its communes; a total form's printed level is checked against it.
  const unit: FormsRun['unit'] = { name: totals[0]?.unit.name ?? null, levels: {}, printed: {} };
  for (const p of FORM_PROGRAMMES) {
    const members = communes.filter((c) => c.programmes[p]);
    if (!members.length) continue;
    const res = unitLevel(p, members.map((c) => ({ level: c.programmes[p]!.level, dbkk: c.dbkk, name: c.name })), settings.aggregation, settings);
    unit.levels[p] = res;
    for (const t of totals) {
      const pl = t.unit.levels[p];
      if (!pl || pl.printed.kind === 'blank') continue;
      unit.printed[p] = { ...pl, form: t.reading.code, file: t.reading.file, sheet: t.reading.sheet };
      const printed = printedLevelValue(pl);
      if (printed !== null && res.level !== null && printed !== res.level) {
        findings.push(finding('muc_do_in_sai', 'rules.muc_do_in_sai', { where: msg('pcgd.where', { code: t.reading.code, unit: t.unit.name ?? '' }), printed: pl.text, computed: levelWord(res.level, p), programme: p }, {
          file: t.reading.file, sheet: t.reading.sheet, cells: [pl.address], expected: res.level, actual: printed,
        }));
      }
    }
  }
  return { readings, communes, year, unit, findings };
}

/** The figures, rates and level of one programme of one commune. */
function decide(p: Programme, commune: FormCommune, refs: UnitRef[], settings: Settings, done: Partial<Record<Programme, Level>>, findings: Finding[]): CommuneProgramme | null {
  const template = PROGRAMME_TEMPLATE[p];
  const counts: CommuneCounts = {};
  const sources: Record<string, CountSource> = {};
  const forms: FormCode[] = [];
  // A form speaks for a programme when it is that programme's form or gives its figures; a printed
  // prerequisite level (THCS-TK's TH and XMC columns) alone does not.
  // KT_TIEPCAN is printed on every programme's form: it says nothing about which programme a form is for.
  const relevant = refs.filter((x) => x.reading.layout.programme === p || Object.keys(x.unit.counts).some((f) => FIELD_TEMPLATE.get(f) === template) || Object.keys(x.unit.rates).some((k) => k !== 'KT_TIEPCAN' && INDICATOR_RULES[k.replace(/_(\d+_\d+)$/, '')]?.programme === p));
  if (!relevant.length) return null;
  for (const { reading, unit } of relevant) {
    let gave = false;
    for (const [field, value] of Object.entries(unit.counts)) {
      if (FIELD_TEMPLATE.get(field) !== template) continue;
      const derived = unit.derived.includes(field);
      const src: CountSource = { value, form: reading.code, file: reading.file, sheet: reading.sheet, cells: unit.countCells[field] ?? [], derived };
      const have = sources[field];
      if (!have || (have.value === null && value !== null) || (have.derived && !derived && value !== null)) {
        sources[field] = src;
        counts[field] = value;
        gave = true;
        continue;
      }
      // The same figure on two forms must agree (a derived one is not printed: not compared).
      if (!derived && !have.derived && value !== null && have.value !== null && value !== have.value) {
        findings.push(finding('bieu_pc_lech_bieu_khac', 'pcgd.lech_bieu_khac', {
          commune: commune.name, label: field, actual: formatNumber(value), form: reading.code, cell: src.cells.join('+'), expected: formatNumber(have.value), other: have.form, otherCell: have.cells.join('+'),
        }, { file: reading.file, sheet: reading.sheet, cells: src.cells, expected: have.value, actual: value, field, detail: { otherFile: have.file, otherSheet: have.sheet, otherCells: have.cells } }));
      }
    }
    if (gave || Object.keys(unit.rates).length || unit.levels[p as FormProgramme]) forms.push(reading.code);
  }

  // MN-02 counts completion on the 6-year-olds over their own cohort (K = J / I): its figures are
  // read with that denominator unless the user chose one (the register does the same).
  if (p === 'MN5' && sources.tre_5t_hoan_thanh?.form === 'MN-02' && settings.mn5CompletionDenominator === 'attending') settings = { ...settings, mn5CompletionDenominator: 'ppc6' };
  // Rates: from the commune's counts when they are there, else as a form prints them.
  const rates: Record<string, RateUsed> = {};
  const inputs: Record<string, RateInput | boolean> = {};
  let fromCounts = 0;
  let fromPrinted = 0;
  const ids = [...PROGRAMME_INDICATORS[p], ...Object.values(INDICATOR_RULES).filter((r) => r.programme === p && r.kind === 'info').map((r) => r.id)];
  for (const id of ids) {
    const m = levelMeasure(INDICATOR_RULES[id], commune.dbkk, settings);
    const key = m?.band ? `${id}_${m.band}` : id;
    const rc = m ? rateCounts(m.fields, counts) : { numerator: null, denominator: null };
    // An information rate shared by every form (KT tiếp cận) is taken from this programme's own forms.
    const printed = firstPrinted(INDICATOR_RULES[id].kind === 'info' ? relevant.filter((x) => x.reading.layout.programme === p) : relevant, key);
    if (rc.numerator !== null && rc.denominator !== null && rc.denominator > 0) {
      rates[id] = { value: rc.numerator / rc.denominator, source: 'counts', numerator: rc.numerator, denominator: rc.denominator };
      inputs[id] = { numerator: rc.numerator, denominator: rc.denominator };
      if (PROGRAMME_INDICATORS[p].includes(id)) fromCounts++;
      // A rate a form printed without its cohort, checked against the counts of the other forms.
      for (const x of relevant) {
        const r = x.unit.rates[key];
        if (!r || r.checked !== undefined) continue;
        const dec = r.decimals;
        const want = roundHalfUp((rc.numerator * 100) / rc.denominator, dec);
        const got = roundHalfUp(r.value * 100, dec);
        if (want === got) continue;
        const cells = m ? [...m.fields.numerator, m.fields.cohort, ...(m.fields.exempt ? [m.fields.exempt] : [])].flatMap((f) => sources[f]?.cells.map((c) => `${sources[f].form}!${c}`) ?? []) : [];
        findings.push(finding('ty_le_in_sai', 'rules.ty_le_in_sai', {
          where: msg('pcgd.where', { code: x.reading.code, unit: commune.name }), label: r.label, printed: formatPercent(got / 100, dec), computed: formatPercent(want / 100, dec),
          numerator: formatNumber(rc.numerator), denominator: formatNumber(rc.denominator),
        }, { file: x.reading.file, sheet: x.reading.sheet, cells: [r.address], expected: roundHalfUp(want / 100, dec + 2), actual: roundHalfUp(got / 100, dec + 2), detail: { unit: 'percent', decimals: dec, counts: cells } }));
      }
    } else if (printed) {
      rates[id] = { value: printed.rate.value, source: 'printed', form: printed.reading.code, file: printed.reading.file, sheet: printed.reading.sheet, cell: printed.rate.address };
      inputs[id] = printed.rate.value;
      if (PROGRAMME_INDICATORS[p].includes(id)) fromPrinted++;
    }
  }

  // Prerequisites (THCS): the commune's own TH and XMC levels, else as a form prints them.
  const prerequisites: Partial<Record<Programme, Level>> = {};
  if (p === 'THCS') {
    for (const q of ['TH', 'XMC'] as Programme[]) {
      const mine = done[q];
      const printedCells = refs.filter((x) => x.reading.layout.programme === 'THCS').map((x) => ({ x, pl: x.unit.levels[q as FormProgramme] })).filter((y) => y.pl && y.pl.printed.kind !== 'blank');
      if (mine !== undefined && mine !== null) {
        prerequisites[q] = mine;
        for (const { x, pl } of printedCells) {
          const v = printedLevelValue(pl);
          if (v !== null && v !== mine) {
            findings.push(finding('muc_do_in_sai', 'rules.muc_do_in_sai', { where: msg('pcgd.where', { code: x.reading.code, unit: commune.name }), printed: pl!.text, computed: levelWord(mine, q), programme: q }, { file: x.reading.file, sheet: x.reading.sheet, cells: [pl!.address], expected: mine, actual: v }));
          }
        }
      } else {
        const v = printedCells.map((y) => printedLevelValue(y.pl)).find((n) => n !== null);
        prerequisites[q] = v ?? null;
      }
    }
  }

  const opts = { dbkk: commune.dbkk, settings };
  const result = communeLevel(p, { rates: inputs, ...(p === 'THCS' ? { prerequisites } : {}) }, opts);
  const printedAll = relevant.filter((x) => x.reading.layout.programme === p).map((x) => ({ x, pl: x.unit.levels[p as FormProgramme] })).filter((y): y is { x: UnitRef; pl: PrintedLevelCell } => !!y.pl && y.pl.printed.kind !== 'blank');
  const first = printedAll[0] ?? null;
  const printed = first ? { ...first.pl, form: first.x.reading.code, file: first.x.reading.file, sheet: first.x.reading.sheet } : null;

  // Each printed level against its own form's rates: above what they allow is an error at the cell.
  const flagged = new Set<string>();
  for (const { x, pl } of printedAll) {
    const v = printedLevelValue(pl);
    if (v === null) continue;
    const own: Record<string, RateInput | boolean> = {};
    for (const id of PROGRAMME_INDICATORS[p]) {
      const m = levelMeasure(INDICATOR_RULES[id], commune.dbkk, settings);
      const key = m?.band ? `${id}_${m.band}` : id;
      const r = x.unit.rates[key];
      if (r) own[id] = r.value;
    }
    if (!Object.keys(own).length) continue;
    const best = bestCase(p, own, p === 'THCS' ? prerequisites : {});
    const upper = communeLevel(p, { rates: best.rates, ...(p === 'THCS' ? { prerequisites: best.prerequisites } : {}) }, opts);
    if (upper.level !== null && v > upper.level) {
      flagged.add(`${x.reading.file}!${pl.address}`);
      findings.push(finding('bieu_pc_muc_do_vuot_ty_le', 'pcgd.muc_do_vuot_ty_le', {
        where: msg('pcgd.where', { code: x.reading.code, unit: commune.name }), printed: pl.text, cell: pl.address, computed: levelWord(upper.level, p), reason: reasonAbove(upper, upper.level + 1),
      }, { file: x.reading.file, sheet: x.reading.sheet, cells: [pl.address], expected: upper.level, actual: v }));
    }
  }

  let level: Level = result.level;
  let capped = false;
  const unverified = result.missing.filter((id) => PROGRAMME_INDICATORS[p].includes(id) || id.startsWith('PREREQ_'));
  if (level === null) {
    // Criteria no form gives: the printed level, as far as the known rates allow.
    const best = bestCase(p, inputs, prerequisites);
    const upper = communeLevel(p, { rates: best.rates, ...(p === 'THCS' ? { prerequisites: best.prerequisites } : {}) }, opts).level;
    const v = printedLevelValue(printed);
    if (v !== null && upper !== null && Object.keys(inputs).length) {
      level = Math.max(result.atLeast, Math.min(v, upper));
      capped = true;
      findings.push(finding('bieu_pc_khong_kiem_duoc', 'pcgd.khong_kiem_duoc', {
        commune: commune.name, programme: p, forms: forms.join(', '), criteria: joinBi(unverified.map(criterionLabel)), level: levelWord(level, p),
      }, { file: printed!.file, sheet: printed!.sheet, cells: [printed!.address], expected: null, actual: v, detail: { unverified } }));
    }
  } else {
    // A printed level the counts do not give.
    for (const { x, pl } of printedAll) {
      const v = printedLevelValue(pl);
      const wrong = pl.printed.kind === 'no_data' ? level !== null : v !== null && v !== level;
      if (!wrong || flagged.has(`${x.reading.file}!${pl.address}`)) continue;
      findings.push(finding('muc_do_in_sai', 'rules.muc_do_in_sai', { where: msg('pcgd.where', { code: x.reading.code, unit: commune.name }), printed: pl.text, computed: levelWord(level, p), programme: p }, {
        file: x.reading.file, sheet: x.reading.sheet, cells: [pl.address], expected: level, actual: v,
      }));
    }
  }
  const basis: CommuneProgramme['basis'] = fromCounts && fromPrinted ? 'mixed' : fromCounts ? 'counts' : fromPrinted ? 'printed-rates' : 'none';
  return { programme: p, counts, sources, rates, printed, result, level, basis, unverified: level !== null && !capped ? [] : unverified, capped, forms: [...new Set(forms)] };
}

function firstPrinted(refs: UnitRef[], key: string): { reading: FormReading; rate: PrintedRate } | null {
  for (const x of refs) {
    const r = x.unit.rates[key];
    if (r && r.checked !== false) return { reading: x.reading, rate: r };
  }
  for (const x of refs) {
    const r = x.unit.rates[key];
    if (r) return { reading: x.reading, rate: r };
  }
  return null;
}

/** One line per commune and programme: the level and how it was decided (for reports and the CLI). */
export function levelLines(run: FormsRun): Bilingual[] {
  const out: Bilingual[] = [];
  for (const c of run.communes) {
    for (const p of FORM_PROGRAMMES) {
      const cp = c.programmes[p];
      if (!cp) continue;
      const forms = cp.forms.join(', ');
      const basis = msg(cp.basis === 'counts' ? 'pcgd.basis.counts' : cp.basis === 'printed-rates' ? 'pcgd.basis.printed_rates' : cp.basis === 'mixed' ? 'pcgd.basis.mixed' : 'pcgd.basis.none', { forms });
      const capped = cp.capped ? msg('pcgd.capped') : { vi: '', en: '' };
      const un = cp.unverified.length ? msg('pcgd.unverified', { criteria: joinBi(cp.unverified.map(criterionLabel)) }) : { vi: '', en: '' };
      out.push(msg('pcgd.level_line', { commune: c.name, programme: p, level: levelWord(cp.level, p), basis: { vi: basis.vi + capped.vi, en: basis.en + capped.en }, unverified: un }));
    }
  }
  return out;
}
