/**
 * Every check of spec/SHEETS.md §3–§7 as a rule record. Families of one-line comparisons (parts ≤
 * whole, achieved ≤ cohort − exempt, nested bands) are generated from small tables so that adding a
 * pair touches one line; checks that need several rows or sheets carry an evaluator.
 */
import type { Bilingual } from '../findings';
import { formatPercent, roundHalfUp, truncateTo } from '../format/vn';
import { levelsOfCommunes } from '../indicators/communes';
import { allMeasures, minusOf, programmeDef } from '../indicators/measures';
import { CHUAN_QG_MIN_KDCL, CLASS_SIZE_MAX, CLASS_SIZE_PLAUSIBLE, QUALIFICATION_ORDER, QUALIFICATION_STANDARD, teacherNormIn } from '../indicators/norms';
import type { Norm } from '../indicators/norms';
import { KET_QUA_SETS, NUTRITION_FIELDS, parseTargetLevel, parseTargetRange, QUALIFICATION_FIELDS, TEMPLATE_BY_ID, XMC_BANDS } from '../sheets/templates';
import { communesOfSheet, programmeOfSheet } from '../sheets/communes';
import type { ParsedSheet, SheetRecord, TemplateId } from '../sheets/types';
import { num } from '../sheets/types';
import { fieldLabel, fmt, sideValue, where } from './helpers';
import type { CompareRule, RuleDef, Side, Violation } from './types';

const PC_TEMPLATES: TemplateId[] = ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH'];

/* ================================================================ generated comparison families */

function partRule(template: TemplateId, part: string, whole: Side, severity: 'error' | 'warning' = 'error', source?: string): CompareRule {
  return {
    kind: 'compare',
    ...((whole.fields?.length ?? 0) > 1 ? { anyField: true } : {}),
    id: 'bo_phan_vuot_tong',
    severity,
    templates: [template],
    fields: [part, ...(whole.fields ?? [])],
    left: { fields: [part] },
    operator: '<=',
    right: whole,
    message: 'rules.bo_phan_vuot_tong',
    ...(source ? { source } : {}),
    description: { vi: `${part} không vượt quá ${(whole.fields ?? []).join(' + ')}`, en: `${part} does not exceed ${(whole.fields ?? []).join(' + ')}` },
  };
}

/** [part, whole…] per template: a part never exceeds its whole. */
const PARTS: [TemplateId, string, string[]][] = [
  ...['hs_nu', 'hs_dan_toc', 'hs_khuyet_tat', 'hs_2_buoi', 'hs_ban_tru', 'tre_nha_tre', 'tre_mau_giao', 'tre_5_tuoi'].map(
    (p) => ['QUY_MO', p, ['so_hoc_sinh']] as [TemplateId, string, string[]],
  ),
  ['QUY_MO', 'tre_5_tuoi', ['tre_mau_giao']],
  ...Array.from({ length: 12 }, (_, i) => ['QUY_MO', `hs_lop_${i + 1}`, ['so_hoc_sinh']] as [TemplateId, string, string[]]),
  ['PC_MN5', 'tre_3_5t_ra_lop', ['tre_3_5t']],
  ['PC_MN5', 'tre_0_2t_ra_lop', ['tre_0_2t']],
  ['PC_TH', 'tre_6_14t_dang_hoc_th', ['tre_6_14t']],
  ['PC_THCS', 'tn_thcs', ['hs_lop9']],
  ['PC_BTH', 'tn_thpt', ['hs_lop12']],
  ...['len_lop', 'luu_ban', 'bo_hoc', 'tn', 'htct_lop', 'htctth', 'nghe_pt_du_thi'].map((p) => ['KET_QUA', p, ['tong_so_hs']] as [TemplateId, string, string[]]),
  ['KET_QUA', 'nghe_pt_dat', ['nghe_pt_du_thi']],
  ['KET_QUA', 'nghe_pt_kha_gioi', ['nghe_pt_dat']],
  ['DOI_NGU', 'gv_dat_chuan', ['so_gv']],
  ...NUTRITION_FIELDS.flatMap((f) => [f, `phuc_hoi_${f}`, `moi_mac_${f}`]).map((p) => ['DINH_DUONG', p, ['tong_so_tre']] as [TemplateId, string, string[]]),
  ...['cc_tin_hoc', 'cc_ngoai_ngu', 'dang_vien'].map((p) => ['DOI_NGU', p, ['so_cbql', 'so_gv', 'so_nv']] as [TemplateId, string, string[]]),
];

/**
 * Phổ cập cohorts from the indicator table: every rate with an exempt count gives "exempt ≤ cohort"
 * and, for each numerator part, "part ≤ cohort − exempt − deductions" (SHEETS.md §4, REGULATIONS §8.3 PPC).
 */
function cohorts(): { template: TemplateId; cohort: string; exempt: string; deductions: string[]; achieved: string[] }[] {
  const out: ReturnType<typeof cohorts> = [];
  for (const m of allMeasures()) {
    const { cohort, exempt } = m.fields;
    if (!exempt) continue;
    const template = programmeDef(m.indicator.programme).template;
    let c = out.find((x) => x.template === template && x.cohort === cohort);
    if (!c) out.push((c = { template, cohort, exempt, deductions: minusOf(m.fields), achieved: [] }));
    for (const a of m.fields.numerator) if (!c.achieved.includes(a)) c.achieved.push(a);
  }
  return out;
}

/** Completion counted on the 5-year-olds: never above those attending. On the 6-year-olds (tre_6t_mn, form MN-02) it is a cohort rule. */
function mn5CompletionRule(): CompareRule {
  return { ...partRule('PC_MN5', 'tre_5t_hoan_thanh', { fields: ['tre_5t_ra_lop'], strategy: 'skip-if-any-missing' }), unlessColumn: 'tre_6t_mn' };
}

const PC_SOURCE = 'NĐ 20/2014/NĐ-CP; TT 07/2016/TT-BGDĐT';

function cohortRules(): CompareRule[] {
  const out: CompareRule[] = [];
  for (const { template, cohort, exempt, deductions, achieved } of cohorts()) {
    out.push({
      kind: 'compare',
      id: 'mien_giam_vuot_doi_tuong',
      severity: 'error',
      templates: [template],
      fields: [exempt, cohort],
      left: { fields: [exempt] },
      operator: '<=',
      right: { fields: [cohort] },
      message: 'rules.mien_giam_vuot_doi_tuong',
      source: PC_SOURCE,
      description: { vi: `${exempt} ≤ ${cohort}`, en: `${exempt} ≤ ${cohort}` },
    });
    for (const a of achieved) {
      out.push({
        kind: 'compare',
        id: 'dat_vuot_doi_tuong',
        severity: 'error',
        templates: [template],
        fields: [a, cohort],
        left: { fields: [a] },
        operator: '<=',
        right: { fields: [cohort], minus: deductions },
        message: 'rules.dat_vuot_doi_tuong',
        source: PC_SOURCE,
        description: { vi: `${a} ≤ ${cohort} − ${exempt}`, en: `${a} ≤ ${cohort} − ${exempt}` },
      });
    }
  }
  return out;
}

const XMC_PREFIXES = ['dan_so', 'mien_giam', 'biet_chu_m1', 'biet_chu_m2'];

function xmcRules(): CompareRule[] {
  const out: CompareRule[] = [];
  for (const p of XMC_PREFIXES) {
    for (let i = 0; i + 1 < XMC_BANDS.length; i++) {
      const narrow = `${p}_${XMC_BANDS[i]}`;
      const wide = `${p}_${XMC_BANDS[i + 1]}`;
      out.push({
        kind: 'compare',
        id: 'xmc_do_tuoi_long_nhau',
        severity: 'error',
        templates: ['XMC'],
        fields: [narrow, wide],
        left: { fields: [narrow] },
        operator: '<=',
        right: { fields: [wide] },
        message: 'rules.xmc_do_tuoi_long_nhau',
        source: 'NĐ 20/2014/NĐ-CP, Điều 17–21',
        description: { vi: `Độ tuổi lồng nhau: ${narrow} ≤ ${wide}`, en: `Nested bands: ${narrow} ≤ ${wide}` },
      });
    }
  }
  for (const b of XMC_BANDS) {
    out.push({
      kind: 'compare',
      id: 'xmc_m2_vuot_m1',
      severity: 'error',
      templates: ['XMC'],
      fields: [`biet_chu_m2_${b}`, `biet_chu_m1_${b}`],
      left: { fields: [`biet_chu_m2_${b}`] },
      operator: '<=',
      right: { fields: [`biet_chu_m1_${b}`] },
      message: 'rules.xmc_m2_vuot_m1',
      source: 'NĐ 20/2014/NĐ-CP, Điều 18',
      description: { vi: 'Biết chữ mức độ 2 không vượt mức độ 1', en: 'Literate level 2 never exceeds level 1' },
    });
  }
  return out;
}

/* ================================================================ QUY_MO */

const quyMoCompare: CompareRule[] = [
  {
    kind: 'compare',
    id: 'tong_hs_theo_khoi',
    severity: 'error',
    templates: ['QUY_MO'],
    fields: ['so_hoc_sinh'],
    anyField: true,
    left: { fields: Array.from({ length: 12 }, (_, i) => `hs_lop_${i + 1}`), strategy: 'skip-if-all-missing' },
    operator: '==',
    right: { fields: ['so_hoc_sinh'] },
    message: 'rules.tong_hs_theo_khoi',
    description: { vi: 'Tổng học sinh các khối bằng số học sinh', en: 'Pupils by grade add up to the pupil count' },
  },
  {
    kind: 'compare',
    id: 'mn_nha_tre_mau_giao',
    severity: 'error',
    templates: ['QUY_MO'],
    fields: ['tre_nha_tre', 'tre_mau_giao', 'so_hoc_sinh', 'cap_hoc'],
    when: { field: 'cap_hoc', in: ['MN'] },
    left: { fields: ['tre_nha_tre', 'tre_mau_giao'] },
    operator: '==',
    right: { fields: ['so_hoc_sinh'] },
    message: 'rules.mn_nha_tre_mau_giao',
    description: { vi: 'Mầm non: nhà trẻ + mẫu giáo = số trẻ', en: 'Preschool: crèche + kindergarten = children' },
  },
  ...[1, 2].map(
    (level): CompareRule => ({
      kind: 'compare',
      id: 'chuan_qg_can_kdcl',
      severity: 'error',
      templates: ['QUY_MO'],
      fields: ['chuan_qg', 'kdcl'],
      when: { field: 'chuan_qg', in: [level] },
      left: { fields: ['kdcl'] },
      operator: '>=',
      right: { constant: CHUAN_QG_MIN_KDCL[level].value },
      message: 'rules.chuan_qg_can_kdcl',
      source: CHUAN_QG_MIN_KDCL[level].source,
      description: { vi: CHUAN_QG_MIN_KDCL[level].labelVi, en: CHUAN_QG_MIN_KDCL[level].labelEn },
    }),
  ),
];

/** Largest legal class size for a cấp học code (liên cấp: the largest of its levels). */
function classNorm(cap: string): Norm | null {
  if (cap === 'MN') return CLASS_SIZE_MAX.MN;
  const parts = cap.split('-');
  let best: Norm | null = null;
  for (const p of parts) {
    const n = CLASS_SIZE_MAX[p];
    if (n && (!best || n.value > best.value)) best = n;
  }
  return best;
}

/** Below this share of the norm, teachers per class is "far below" (warning). */
export const TEACHERS_FAR_BELOW_SHARE = 0.7;

/** The teacher norm for a QUY_MO row, as in force in the sheet's school year (norms.teacherNormIn). */
function teacherNormFor(rec: SheetRecord, schoolYear?: string | null): Norm | null {
  const cap = rec.fields.cap_hoc?.value;
  if (cap === 'TH') {
    const two = num(rec, 'hs_2_buoi');
    const pupils = num(rec, 'so_hoc_sinh');
    // Two sessions unless the sheet says most pupils study one (TT 20/2023 norms differ by sessions).
    const sessions = two !== null && pupils ? (two * 2 >= pupils ? 2 : 1) : 2;
    return teacherNormIn(`TH_${sessions}`, schoolYear) ?? null;
  }
  if (cap === 'THCS') return teacherNormIn('THCS', schoolYear) ?? null;
  if (cap === 'THPT') return teacherNormIn('THPT', schoolYear) ?? null;
  if (cap === 'MN') {
    const nt = num(rec, 'tre_nha_tre');
    const mg = num(rec, 'tre_mau_giao');
    return teacherNormIn(nt !== null && mg !== null && nt > mg ? 'NT' : 'MG', schoolYear) ?? null;
  }
  return null;
}

const quyMoRows: RuleDef[] = [
  {
    kind: 'row',
    id: 'si_so_bat_thuong',
    severity: 'error',
    templates: ['QUY_MO'],
    fields: ['so_hoc_sinh', 'so_lop'],
    message: 'rules.si_so_bat_thuong',
    description: {
      vi: `Sĩ số bình quân ngoài khoảng ${CLASS_SIZE_PLAUSIBLE.min}–${CLASS_SIZE_PLAUSIBLE.max} học sinh/lớp là số liệu bất thường`,
      en: `Average class size outside ${CLASS_SIZE_PLAUSIBLE.min}–${CLASS_SIZE_PLAUSIBLE.max} pupils is implausible`,
    },
    evaluate(rec, sheet, _ctx, emit) {
      const pupils = num(rec, 'so_hoc_sinh');
      const classes = num(rec, 'so_lop');
      if (pupils === null || classes === null || classes <= 0 || pupils <= 0) return;
      if (rec.fields.cap_hoc?.value === 'GDCB' || rec.fields.cap_hoc?.value === 'GDTX') return;
      const { min, max } = CLASS_SIZE_PLAUSIBLE;
      if (pupils >= min * classes && pupils <= max * classes) return;
      const avg = pupils / classes;
      emit({
        cells: [rec.fields.so_hoc_sinh.address, rec.fields.so_lop.address],
        params: { where: where(sheet, rec), avg: fmt(roundHalfUp(avg, 2)), pupils: fmt(pupils), classes: fmt(classes), min, max },
        expected: `${min}-${max}`,
        actual: roundHalfUp(avg, 2),
      });
    },
  },
  {
    kind: 'row',
    id: 'si_so_vuot_dinh_muc',
    severity: 'warning',
    templates: ['QUY_MO'],
    fields: ['so_hoc_sinh', 'so_lop', 'cap_hoc'],
    message: 'rules.si_so_vuot_dinh_muc',
    source: 'TT 28/2020, TT 32/2020, TT 52/2020/TT-BGDĐT',
    description: { vi: 'Sĩ số bình quân không vượt định mức của cấp học', en: 'Average class size within the legal maximum' },
    evaluate(rec, sheet, _ctx, emit) {
      const pupils = num(rec, 'so_hoc_sinh');
      const classes = num(rec, 'so_lop');
      const cap = rec.fields.cap_hoc?.value;
      if (pupils === null || classes === null || classes <= 0 || typeof cap !== 'string') return;
      const norm = classNorm(cap);
      if (!norm) return;
      const { min, max } = CLASS_SIZE_PLAUSIBLE;
      if (pupils < min * classes || pupils > max * classes) return; // reported as implausible instead
      if (pupils <= norm.value * classes) return;
      emit({
        cells: [rec.fields.so_hoc_sinh.address, rec.fields.so_lop.address],
        params: { where: where(sheet, rec), avg: fmt(roundHalfUp(pupils / classes, 2)), max: fmt(norm.value), norm: { vi: norm.labelVi, en: norm.labelEn }, source: norm.source },
        expected: norm.value,
        actual: roundHalfUp(pupils / classes, 2),
        detail: { source: norm.source },
      });
    },
  },
  {
    kind: 'row',
    id: 'gv_tren_lop',
    severity: 'warning',
    templates: ['QUY_MO'],
    fields: ['so_gv', 'so_lop', 'cap_hoc'],
    message: 'rules.gv_tren_lop_thap',
    source: 'TT 20/2023/TT-BGDĐT, TT 19/2023/TT-BGDĐT (từ 16/12/2023); TT 16/2017/TT-BGDĐT, TTLT 06/2015/TTLT-BGDĐT-BNV (trước đó)',
    description: {
      vi: `Giáo viên/lớp so với định mức: trên định mức là thông tin, dưới ${TEACHERS_FAR_BELOW_SHARE * 100}% định mức là cảnh báo`,
      en: `Teachers per class against the norm: above is info, below ${TEACHERS_FAR_BELOW_SHARE * 100}% of it is a warning`,
    },
    evaluate(rec, sheet, ctx, emit) {
      const gv = num(rec, 'so_gv');
      const classes = num(rec, 'so_lop');
      if (gv === null || classes === null || classes <= 0) return;
      const norm = teacherNormFor(rec, sheet.metadata.schoolYear ?? ctx.settings.schoolYear);
      if (!norm) return;
      const above = gv > norm.value * classes;
      if (!above && gv >= norm.value * TEACHERS_FAR_BELOW_SHARE * classes) return;
      const ratio = roundHalfUp(gv / classes, 2);
      const params = { where: where(sheet, rec), ratio: fmt(ratio), norm: fmt(norm.value), label: { vi: norm.labelVi, en: norm.labelEn }, source: norm.source };
      const cells = [rec.fields.so_gv.address, rec.fields.so_lop.address];
      if (above) emit({ cells, params, expected: norm.value, actual: ratio, message: 'rules.gv_tren_lop_cao', source: norm.source });
      else emit({ cells, params, expected: norm.value, actual: ratio, source: norm.source });
    },
  },
  {
    kind: 'row',
    id: 'xa_khong_co_trong_danh_sach',
    severity: 'warning',
    templates: ['QUY_MO', ...PC_TEMPLATES],
    fields: ['ma_xa'],
    message: 'rules.xa_khong_co_trong_danh_sach',
    description: { vi: 'Mã xã/phường có trong danh sách đơn vị hành chính', en: 'Commune code is in the list of communes' },
    evaluate(rec, sheet, ctx, emit) {
      if (!ctx.communeCodes) return;
      const v = rec.fields.ma_xa?.value;
      if (v === null || v === undefined || v === '') return;
      if (ctx.communeCodes.has(String(v))) return;
      emit({ cells: [rec.fields.ma_xa.address], params: { where: where(sheet, rec), code: String(v) }, expected: null, actual: String(v), field: 'ma_xa' });
    },
  },
];

/* ================================================================ every template: totals, duplicates, printed rates */

/**
 * A QUY_MO sheet with both school rows (Số trường blank: one school each) and aggregated rows
 * (Số trường > 1): legitimate for "each public school + one row for the nhóm, lớp độc lập", but a
 * category row next to its own schools counts them twice. Named so the user can tell.
 */
const mixedAggregation: RuleDef = {
  kind: 'sheet',
  id: 'quy_mo_lan_dong_tong_hop',
  severity: 'warning',
  templates: ['QUY_MO'],
  fields: ['so_truong'],
  message: 'rules.quy_mo_lan_dong_tong_hop',
  description: { vi: 'Một trang quy mô không vừa có dòng từng trường vừa có dòng tổng hợp nhiều trường', en: 'A scale sheet does not mix school rows with rows that aggregate several schools' },
  evaluate(sheet, _ctx, emit) {
    if (!sheet.columns.so_truong) return;
    const aggregated = sheet.records.filter((r) => (num(r, 'so_truong') ?? 0) > 1);
    const schools = sheet.records.filter((r) => r.fields.so_truong?.value === null && !r.fields.so_truong?.invalid);
    if (!aggregated.length || !schools.length) return;
    emit({
      cells: aggregated.map((r) => r.fields.so_truong.address),
      params: {
        n: fmt(aggregated.length),
        rows: aggregated.slice(0, 5).map((r) => r.row).join(', '),
        schools: fmt(schools.length),
        total: fmt(aggregated.reduce((s, r) => s + (num(r, 'so_truong') ?? 0), 0)),
      },
      expected: null,
      actual: aggregated.length,
      field: 'so_truong',
    });
  },
};

/** Blank school counts in a per-school row stand for one school. */
const COUNT_ROWS_AS_ONE = new Set(['so_truong']);

const columnTotals: RuleDef = {
  kind: 'sheet',
  id: 'tong_khop_cac_dong',
  severity: 'error',
  templates: ['QUY_MO', 'PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH', 'KET_QUA', 'DINH_DUONG', 'DOI_NGU'],
  fields: [],
  message: 'rules.tong_khop_cac_dong',
  description: { vi: 'Dòng Tổng in sẵn bằng tổng các dòng, ở mọi cột số lượng', en: 'The printed total row equals the sum of the rows, in every count column' },
  evaluate(sheet, _ctx, emit) {
    const total = sheet.totalRow;
    if (!total) return;
    const def = TEMPLATE_BY_ID[sheet.template];
    for (const f of def.fields) {
      if (f.type !== 'count' || !sheet.columns[f.id]) continue;
      const printed = num(total, f.id);
      if (printed === null) continue;
      let sum = 0;
      let present = 0;
      for (const rec of sheet.records) {
        const v = num(rec, f.id);
        if (v !== null) {
          sum += v;
          present++;
        } else if (COUNT_ROWS_AS_ONE.has(f.id) && !rec.fields[f.id]?.invalid) {
          sum += 1;
          present++;
        }
      }
      if (present === 0 || sum === printed) continue;
      const col = sheet.columns[f.id];
      const first = sheet.records[0]?.row;
      const last = sheet.records[sheet.records.length - 1]?.row;
      emit({
        cells: [total.fields[f.id].address],
        params: { label: fieldLabel(sheet, f.id), actual: fmt(printed), expected: fmt(sum), diff: fmt(Math.abs(printed - sum)) },
        expected: sum,
        actual: printed,
        field: f.id,
        detail: first !== undefined ? { range: `${col}${first}:${col}${last}` } : undefined,
      });
    }
  },
};

const duplicates: RuleDef = {
  kind: 'sheet',
  id: 'trung_ma',
  severity: 'error',
  templates: ['QUY_MO', 'PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH', 'KET_QUA', 'DINH_DUONG', 'DOI_NGU', 'DON_VI_SAP_NHAP', 'CHI_TIEU'],
  fields: [],
  message: 'rules.trung_ma',
  description: { vi: 'Mỗi đơn vị (mã trường, mã xã, …) chỉ có một dòng', en: 'Each unit (school code, commune code, …) has one row' },
  evaluate(sheet, _ctx, emit) {
    const keyFields = TEMPLATE_BY_ID[sheet.template].key.filter((k) => sheet.columns[k]);
    if (!keyFields.length || !sheet.columns[keyFields[0]]) return;
    const seen = new Map<string, SheetRecord>();
    for (const rec of sheet.records) {
      const first = rec.fields[keyFields[0]]?.value;
      if (first === null || first === undefined || first === '') continue;
      const key = keyFields.map((k) => String(rec.fields[k]?.value ?? '').trim().toUpperCase()).join('\u0001');
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, rec);
        continue;
      }
      const label = keyFields.map((k) => String(rec.fields[k]?.value ?? '')).join(' / ');
      emit({
        cells: [prev.fields[keyFields[0]].address, rec.fields[keyFields[0]].address],
        params: { key: label, header: fieldLabel(sheet, keyFields[0]), first: prev.row, row: rec.row },
        expected: null,
        actual: label,
        field: keyFields[0],
      });
    }
  },
};

/** DINH_DUONG phục hồi rates: the denominator is the start-of-year count of the same unit and age group. */
const PHUC_HOI_RATES = new Set(NUTRITION_FIELDS.map((f) => `ty_le_phuc_hoi_${f}`));

/** Start-of-year row of each unit × age group (DINH_DUONG), for rates over the start-of-year cases. */
function startRows(sheet: ParsedSheet): Map<string, SheetRecord> {
  const out = new Map<string, SheetRecord>();
  for (const rec of sheet.records) {
    if (rec.fields.thoi_diem?.value !== 'dau_nam') continue;
    const k = nutritionGroupKey(rec);
    if (!out.has(k)) out.set(k, rec);
  }
  return out;
}

/**
 * "Nearest plausible denominator": another count of the same row that gives the printed rate at its
 * precision (seed 001: 1.704/3.273 = 52,1% printed where the candidates were 3.335).
 */
function otherDenominator(sheet: ParsedSheet, rec: SheetRecord, numerator: number, used: string[], dec: number, got: number): { field: string; value: number } | null {
  const def = TEMPLATE_BY_ID[sheet.template];
  for (const f of def.fields) {
    if (f.type !== 'count' || used.includes(f.id) || !sheet.columns[f.id]) continue;
    const v = num(rec, f.id);
    if (v === null || v <= 0 || v < numerator) continue;
    if (roundHalfUp((numerator * 100) / v, dec) === got) return { field: f.id, value: v };
  }
  return null;
}

const printedRates: RuleDef = {
  kind: 'sheet',
  id: 'ty_le_in_sai',
  severity: 'error',
  templates: ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH', 'KET_QUA', 'DINH_DUONG', 'DOI_NGU'],
  fields: [],
  message: 'rules.ty_le_in_sai',
  description: {
    vi: 'Cột tỷ lệ in sẵn bằng tỷ lệ tính lại từ số liệu (làm tròn theo số chữ số thập phân in, tối đa 2)',
    en: 'A printed rate column equals the rate recomputed from the counts (rounded to the printed decimals, at most 2)',
  },
  evaluate(sheet, _ctx, emit) {
    const def = TEMPLATE_BY_ID[sheet.template];
    const rateFields = def.fields.filter((f) => f.rateOf && sheet.columns[f.id]);
    if (!rateFields.length) return;
    const rows = sheet.totalRow ? [...sheet.records, sheet.totalRow] : sheet.records;
    let starts: Map<string, SheetRecord> | null = null;
    for (const f of rateFields) {
      const ro = f.rateOf!;
      const numFields = ro.numerator.filter((x) => sheet.columns[x]);
      const denFields = ro.denominator.filter((x) => sheet.columns[x]);
      if (!numFields.length || denFields.length !== ro.denominator.length) continue;
      const fromStart = PHUC_HOI_RATES.has(f.id);
      for (const rec of rows) {
        const printed = rec.fields[f.id];
        if (!printed || typeof printed.value !== 'number') continue;
        const denRec = fromStart ? (starts ??= startRows(sheet)).get(nutritionGroupKey(rec)) : rec;
        if (!denRec) continue;
        const n = sideValue(rec, { fields: numFields });
        const d = sideValue(denRec, { fields: denFields, minus: ro.minus });
        if (n.value === null || d.value === null || d.value <= 0) continue;
        const dec = Math.min(printed.decimals ?? 2, 2);
        const computedPct = (n.value * 100) / d.value;
        const want = roundHalfUp(computedPct, dec);
        const got = roundHalfUp(printed.value * 100, dec);
        if (want === got) continue;
        const truncated = truncateTo(computedPct, dec) === got;
        const alt = truncated || fromStart ? null : otherDenominator(sheet, rec, n.value, [...numFields, ...denFields, ...(ro.minus ?? [])], dec, got);
        emit({
          cells: [printed.address, ...n.cells, ...d.cells],
          params: {
            where: where(sheet, rec),
            label: fieldLabel(sheet, f.id),
            printed: formatPercent(got / 100, dec),
            computed: formatPercent(want / 100, dec),
            numerator: fmt(n.value),
            denominator: fmt(d.value),
            alt: alt ? fmt(alt.value) : '',
            alt_label: alt ? fieldLabel(sheet, alt.field) : '',
          },
          expected: roundHalfUp(want / 100, dec + 2),
          actual: roundHalfUp(got / 100, dec + 2),
          field: f.id,
          message: truncated ? 'rules.ty_le_cat_bot' : alt ? 'rules.ty_le_in_sai_mau_khac' : undefined,
          detail: { unit: 'percent', decimals: dec, ...(alt ? { otherDenominator: alt.field, otherCell: rec.fields[alt.field].address } : {}) },
        });
      }
    }
  },
};

/* ================================================================ phổ cập */

const thConLai: CompareRule = {
  kind: 'compare',
  id: 'tre_11t_htth_dang_hoc',
  severity: 'error',
  templates: ['PC_TH'],
  fields: ['tre_11t_htth', 'tre_11t_dang_hoc_th', 'tre_11t'],
  left: { fields: ['tre_11t_htth', 'tre_11t_dang_hoc_th'] },
  operator: '<=',
  right: { fields: ['tre_11t'], minus: ['mien_giam_11t'] },
  message: 'rules.tre_11t_htth_dang_hoc',
  source: 'NĐ 20/2014/NĐ-CP, Điều 9–11',
  description: { vi: 'Trẻ 11 tuổi HTCTTH + đang học tiểu học ≤ trẻ 11 tuổi − miễn giảm', en: '11-year-olds completed + still in primary ≤ cohort − exempt' },
};

const pcOther: CompareRule[] = [
  {
    kind: 'compare',
    id: 'vao_lop10_vuot_tn_thcs',
    severity: 'warning',
    templates: ['PC_BTH'],
    fields: ['vao_lop10_thpt', 'tn_thcs'],
    anyField: true,
    left: { fields: ['vao_lop10_thpt', 'vao_gdtx', 'vao_trung_cap'], strategy: 'skip-if-all-missing' },
    operator: '<=',
    right: { fields: ['tn_thcs'] },
    message: 'rules.vao_lop10_vuot_tn_thcs',
    description: { vi: 'Số vào lớp 10, GDTX, trung cấp không vượt số tốt nghiệp THCS', en: 'Entrants to grade 10 / GDTX / vocational do not exceed lower-secondary graduates' },
  },
  {
    kind: 'compare',
    id: 'co_bang_vuot_dan_so',
    severity: 'error',
    templates: ['PC_BTH'],
    fields: ['co_bang_thpt', 'dan_so_18_21'],
    anyField: true,
    left: { fields: ['co_bang_thpt', 'co_bang_gdtx', 'co_bang_tccn'], strategy: 'skip-if-all-missing' },
    operator: '<=',
    right: { fields: ['dan_so_18_21'] },
    message: 'rules.dat_vuot_doi_tuong',
    description: { vi: 'Số có bằng không vượt dân số 18–21 tuổi', en: 'Diploma holders do not exceed the 18–21 population' },
  },
  {
    kind: 'compare',
    id: 'tot_nghiep_vuot_lop12',
    severity: 'error',
    templates: ['PC_BTH'],
    fields: ['tn_thpt', 'hs_lop12'],
    anyField: true,
    left: { fields: ['tn_thpt', 'tn_gdtx'], strategy: 'skip-if-all-missing' },
    operator: '<=',
    right: { fields: ['hs_lop12'] },
    message: 'rules.bo_phan_vuot_tong',
    description: { vi: 'Tốt nghiệp (phổ thông + GDTX) không vượt HS lớp 12', en: 'Graduates (general + continuing) do not exceed grade 12 pupils' },
  },
];

const printedLevels: RuleDef = {
  kind: 'workbook',
  id: 'muc_do_in_sai',
  severity: 'error',
  templates: ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC'],
  fields: ['muc_do'],
  message: 'rules.muc_do_in_sai',
  source: 'NĐ 20/2014/NĐ-CP; REGULATIONS §8',
  description: {
    vi: 'Cột mức độ in sẵn bằng mức độ tính lại; xã thiếu số liệu là "Chưa đủ dữ liệu", không bao giờ "Đạt"',
    en: 'A printed level column equals the recomputed level; a commune without data is "Insufficient data", never "Achieved"',
  },
  evaluate(parsed, ctx, emit) {
    // Listed XMC, TH, MN5, THCS (the order the findings have always come in); levels come from the one path.
    const order: TemplateId[] = ['XMC', 'PC_TH', 'PC_MN5', 'PC_THCS'];
    const sheets = parsed.sheets.filter((s) => programmeOfSheet(s.template)).sort((a, b) => order.indexOf(a.template) - order.indexOf(b.template));
    const results = levelsOfCommunes(sheets.map((s) => ({ programme: programmeOfSheet(s.template)!, communes: communesOfSheet(s) })), ctx.settings);
    sheets.forEach((sheet, i) => {
      if (!sheet.columns.muc_do) return;
      const programme = programmeOfSheet(sheet.template)!;
      sheet.records.forEach((rec, k) => {
        const result = results[i][k];
        const printed = rec.fields.muc_do;
        if (!printed || printed.invalid) return;
        const p = printed.value;
        const common = { where: where(sheet, rec), printed: String(printed.raw ?? ''), programme };
        if (typeof p === 'number' && p >= 1 && !result.hasData) {
          emit({
            sheet: sheet.sheetName,
            cells: [printed.address],
            params: common,
            expected: null,
            actual: p,
            field: 'muc_do',
            message: 'rules.muc_do_khi_thieu_du_lieu',
          });
          return;
        }
        const level = result.level;
        if (level.level === null || p === null || typeof p !== 'number') return;
        if (p === level.level) return;
        emit({
          sheet: sheet.sheetName,
          cells: [printed.address],
          params: { ...common, computed: level.label },
          expected: level.level,
          actual: p,
          field: 'muc_do',
        });
      });
    });
  },
};

/* ================================================================ KET_QUA */

const ketQuaSets: CompareRule[] = KET_QUA_SETS.map((set) => ({
  kind: 'compare',
  id: 'tong_loai_khac_tong_hs',
  severity: 'error',
  templates: ['KET_QUA'],
  fields: ['tong_so_hs'],
  anyField: true,
  left: { fields: set.fields, strategy: 'skip-if-all-missing' },
  operator: '==',
  right: { fields: ['tong_so_hs'] },
  message: 'rules.tong_loai_khac_tong_hs',
  source: set.source,
  params: { set: { vi: set.label, en: set.labelEn } },
  totalRow: true,
  description: { vi: `${set.label}: các loại cộng lại bằng tổng số học sinh (cả dòng Tổng in sẵn)`, en: `${set.labelEn}: categories add up to the pupils assessed (the printed total row too)` },
}));

/** Relative difference tolerated between KET_QUA (end of year) and QUY_MO (start of year) pupil counts. */
export const KET_QUA_QUY_MO_TOLERANCE = 0.02;
const GRADES_OF: Record<string, number[]> = { TH: [1, 2, 3, 4, 5], THCS: [6, 7, 8, 9], THPT: [10, 11, 12] };

function indexBySchool(parsed: { sheets: ParsedSheet[] }, template: TemplateId): Map<string, { sheet: ParsedSheet; rec: SheetRecord }> {
  const out = new Map<string, { sheet: ParsedSheet; rec: SheetRecord }>();
  for (const sheet of parsed.sheets) {
    if (sheet.template !== template) continue;
    for (const rec of sheet.records) {
      const code = rec.fields.ma_truong?.value;
      if (code === null || code === undefined || code === '') continue;
      const k = String(code).trim();
      if (!out.has(k)) out.set(k, { sheet, rec });
    }
  }
  return out;
}

function differs(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) > tolerance * Math.max(a, b);
}

const ketQuaVsQuyMo: RuleDef = {
  kind: 'workbook',
  id: 'ket_qua_khac_quy_mo',
  severity: 'warning',
  templates: ['KET_QUA'],
  fields: ['ma_truong', 'tong_so_hs'],
  message: 'rules.ket_qua_khac_quy_mo',
  description: {
    vi: `Tổng số học sinh được đánh giá xấp xỉ số học sinh của khối trong QUY_MO (lệch quá ${KET_QUA_QUY_MO_TOLERANCE * 100}% thì cảnh báo)`,
    en: `Pupils assessed ≈ the grade's pupils in QUY_MO (warning above ${KET_QUA_QUY_MO_TOLERANCE * 100}% difference)`,
  },
  evaluate(parsed, _ctx, emit) {
    const qm = indexBySchool(parsed, 'QUY_MO');
    if (!qm.size) return;
    for (const sheet of parsed.sheets) {
      if (sheet.template !== 'KET_QUA' || !sheet.columns.ma_truong) continue;
      const perSchool = new Map<string, { sum: number; grades: Set<number>; cells: string[] }>();
      for (const rec of sheet.records) {
        const code = rec.fields.ma_truong?.value;
        const khoi = num(rec, 'khoi');
        const n = num(rec, 'tong_so_hs');
        if (code === null || code === undefined || n === null) continue;
        const q = qm.get(String(code).trim());
        if (!q) continue;
        const grade = khoi !== null ? num(q.rec, `hs_lop_${khoi}`) : null;
        if (grade !== null) {
          if (differs(n, grade, KET_QUA_QUY_MO_TOLERANCE)) {
            emit({
              sheet: sheet.sheetName,
              cells: [rec.fields.tong_so_hs.address],
              params: { where: where(sheet, rec), actual: fmt(n), expected: fmt(grade), what: { vi: `học sinh khối ${khoi}`, en: `grade ${khoi} pupils` }, other: `${q.sheet.sheetName}!${q.rec.fields[`hs_lop_${khoi}`].address}` },
              expected: grade,
              actual: n,
              field: 'tong_so_hs',
              detail: { otherSheet: q.sheet.sheetName, otherCell: q.rec.fields[`hs_lop_${khoi}`].address },
            });
          }
          continue;
        }
        const k = String(code).trim();
        let s = perSchool.get(k);
        if (!s) perSchool.set(k, (s = { sum: 0, grades: new Set(), cells: [] }));
        s.sum += n;
        if (khoi !== null) s.grades.add(khoi);
        s.cells.push(rec.fields.tong_so_hs.address);
      }
      for (const [code, s] of perSchool) {
        const q = qm.get(code)!;
        const total = num(q.rec, 'so_hoc_sinh');
        const cap = q.rec.fields.cap_hoc?.value;
        const grades = typeof cap === 'string' ? cap.split('-').flatMap((c) => GRADES_OF[c] ?? []) : [];
        // Compare a school total only when every grade of the school was assessed.
        if (total === null || !grades.length || !grades.every((g) => s.grades.has(g))) continue;
        if (!differs(s.sum, total, KET_QUA_QUY_MO_TOLERANCE)) continue;
        emit({
          sheet: sheet.sheetName,
          cells: s.cells.slice(0, 12),
          params: { where: { vi: `Trường ${code}`, en: `School ${code}` }, actual: fmt(s.sum), expected: fmt(total), what: { vi: 'học sinh toàn trường', en: 'pupils of the school' }, other: `${q.sheet.sheetName}!${q.rec.fields.so_hoc_sinh.address}` },
          expected: total,
          actual: s.sum,
          field: 'tong_so_hs',
        });
      }
    }
  },
};

/* ================================================================ DINH_DUONG */

function nutritionGroupKey(rec: SheetRecord): string {
  const school = rec.fields.ma_truong?.value ?? rec.fields.ten_truong?.value ?? '';
  const group = rec.fields.nhom_tuoi?.value ?? '';
  return `${String(school).trim()}\u0001${String(group)}`;
}

const nutritionBalance: RuleDef = {
  kind: 'sheet',
  id: 'dd_cuoi_nam_khac_dau_nam',
  severity: 'warning',
  templates: ['DINH_DUONG'],
  fields: ['thoi_diem'],
  message: 'rules.dd_cuoi_nam_khac_dau_nam',
  description: {
    vi: 'Khi không có cột "mới mắc": số trẻ cuối năm = đầu năm − phục hồi',
    en: 'Without a "new cases" column: end-of-year count = start-of-year − recovered',
  },
  evaluate(sheet, _ctx, emit) {
    const groups = new Map<string, Partial<Record<string, SheetRecord>>>();
    for (const rec of sheet.records) {
      const phase = rec.fields.thoi_diem?.value;
      if (typeof phase !== 'string') continue;
      const k = nutritionGroupKey(rec);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = {}));
      if (!g[phase]) g[phase] = rec;
    }
    for (const g of groups.values()) {
      const start = g.dau_nam;
      const end = g.cuoi_nam;
      if (!start || !end) continue;
      for (const f of NUTRITION_FIELDS) {
        if (sheet.columns[`moi_mac_${f}`] && num(end, `moi_mac_${f}`) !== null) continue;
        const a = num(start, f);
        const b = num(end, f);
        const recoveredRec = [end, start, g.phuc_hoi].find((r) => r && num(r, r === g.phuc_hoi ? f : `phuc_hoi_${f}`) !== null);
        if (a === null || b === null || !recoveredRec) continue;
        const recField = recoveredRec === g.phuc_hoi ? f : `phuc_hoi_${f}`;
        const rcv = num(recoveredRec, recField)!;
        if (b === a - rcv) continue;
        emit({
          cells: [end.fields[f].address, start.fields[f].address, recoveredRec.fields[recField].address],
          params: { where: where(sheet, end), label: fieldLabel(sheet, f), end: fmt(b), start: fmt(a), recovered: fmt(rcv), expected: fmt(a - rcv) },
          expected: a - rcv,
          actual: b,
          field: f,
        });
      }
    }
  },
};

const nutritionTargets: RuleDef = {
  kind: 'sheet',
  id: 'dd_vuot_chi_tieu',
  severity: 'warning',
  templates: ['DINH_DUONG'],
  fields: ['tong_so_tre'],
  message: 'rules.dd_vuot_chi_tieu',
  source: 'Chỉ tiêu địa phương (cài đặt nutritionTargets)',
  description: {
    vi: 'Tỷ lệ cuối năm của cả biểu: SDD dưới chỉ tiêu (mặc định 1%), thừa cân – béo phì dưới chỉ tiêu (mặc định 10%)',
    en: 'Year-end rates of the whole sheet: malnutrition below target (default 1%), overweight below target (default 10%)',
  },
  evaluate(sheet, ctx, emit) {
    // Targets are set for the unit, not for each small group: one child in a group of 40 is 2,5%.
    let rows = sheet.records.filter((r) => {
      const phase = r.fields.thoi_diem?.value;
      return phase === 'cuoi_nam' || phase === null || phase === undefined;
    });
    if (rows.some((r) => r.fields.nhom_tuoi?.value === 'TONG')) rows = rows.filter((r) => r.fields.nhom_tuoi?.value === 'TONG');
    const { sddMax, beoPhiMax } = ctx.settings.nutritionTargets;
    for (const f of NUTRITION_FIELDS) {
      if (!sheet.columns[f]) continue;
      let n = 0;
      let total = 0;
      const cells: string[] = [];
      for (const r of rows) {
        const a = num(r, f);
        const t = num(r, 'tong_so_tre');
        if (a === null || t === null) continue;
        n += a;
        total += t;
        if (cells.length < 50) cells.push(r.fields[f].address);
      }
      if (total <= 0) continue;
      const max = f === 'thua_can_beo_phi' ? beoPhiMax : sddMax;
      if (n * 100 < max * total) continue;
      emit({
        cells,
        params: { where: { vi: 'Cả biểu, cuối năm', en: 'Whole sheet, year end' }, label: NUTRITION_RATE_LABELS[f], rate: formatPercent(n / total, 2), target: formatPercent(max / 100, max % 1 ? 1 : 0), n: fmt(n), total: fmt(total) },
        expected: `< ${max}%`,
        actual: roundHalfUp(n / total, 4),
        field: f,
        detail: { unit: 'percent', decimals: 2 },
      });
    }
  },
};

/** The rate named in words (a two-row header's "Số trẻ / SDD thể nhẹ cân" is not a sentence). */
const NUTRITION_RATE_LABELS: Record<(typeof NUTRITION_FIELDS)[number], { vi: string; en: string }> = {
  sdd_nhe_can: { vi: 'tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân', en: 'underweight rate' },
  sdd_thap_coi: { vi: 'tỷ lệ trẻ suy dinh dưỡng thể thấp còi', en: 'stunting rate' },
  sdd_gay_com: { vi: 'tỷ lệ trẻ suy dinh dưỡng thể gầy còm', en: 'wasting rate' },
  thua_can_beo_phi: { vi: 'tỷ lệ trẻ thừa cân, béo phì', en: 'overweight/obesity rate' },
};

/** Children weighed vs enrolled: tolerated relative difference. */
export const WEIGHED_ENROLLED_TOLERANCE = 0.05;

const nutritionVsQuyMo: RuleDef = {
  kind: 'workbook',
  id: 'dd_khac_quy_mo',
  severity: 'warning',
  templates: ['DINH_DUONG'],
  fields: ['ma_truong', 'tong_so_tre'],
  message: 'rules.dd_khac_quy_mo',
  description: {
    vi: `Số trẻ được cân đo xấp xỉ số trẻ trong QUY_MO, từng trường hoặc cả đơn vị khi biểu không chia theo trường (lệch quá ${WEIGHED_ENROLLED_TOLERANCE * 100}% thì cảnh báo)`,
    en: `Children weighed ≈ children enrolled in QUY_MO, school by school or for the whole unit when the sheet is not per school (warning above ${WEIGHED_ENROLLED_TOLERANCE * 100}% difference)`,
  },
  evaluate(parsed, _ctx, emit) {
    const qm = indexBySchool(parsed, 'QUY_MO');
    if (!qm.size) return;
    for (const sheet of parsed.sheets) {
      if (sheet.template !== 'DINH_DUONG') continue;
      const codes = sheet.columns.ma_truong ? sheet.records.map((r) => r.fields.ma_truong?.value).filter((c) => c !== null && c !== undefined && c !== '') : [];
      if (!codes.some((c) => qm.has(String(c).trim()))) {
        weighedVsEnrolledWhole(parsed, sheet, emit);
        continue;
      }
      const per = new Map<string, { sum: number; cells: string[]; groups: Set<string> }>();
      for (const rec of sheet.records) {
        const phase = rec.fields.thoi_diem?.value;
        if (phase !== undefined && phase !== null && phase !== 'dau_nam') continue;
        const code = rec.fields.ma_truong?.value;
        const n = num(rec, 'tong_so_tre');
        if (code === null || code === undefined || n === null) continue;
        const group = String(rec.fields.nhom_tuoi?.value ?? '');
        const k = String(code).trim();
        let s = per.get(k);
        if (!s) per.set(k, (s = { sum: 0, cells: [], groups: new Set() }));
        if (group === 'TONG' || s.groups.has(group)) continue; // a school-wide row or a repeated group would double count
        s.groups.add(group);
        s.sum += n;
        s.cells.push(rec.fields.tong_so_tre.address);
      }
      for (const [code, s] of per) {
        const q = qm.get(code);
        const enrolled = q ? num(q.rec, 'so_hoc_sinh') : null;
        if (!q || enrolled === null || !differs(s.sum, enrolled, WEIGHED_ENROLLED_TOLERANCE)) continue;
        emit({
          sheet: sheet.sheetName,
          cells: s.cells,
          params: { code, weighed: fmt(s.sum), enrolled: fmt(enrolled), other: `${q.sheet.sheetName}!${q.rec.fields.so_hoc_sinh.address}` },
          expected: enrolled,
          actual: s.sum,
          field: 'tong_so_tre',
        });
      }
    }
  },
};

/**
 * A DINH_DUONG sheet that is not per school (a district table, or codes unknown to QUY_MO): the
 * start-of-year children weighed of the whole sheet against every MN row of QUY_MO (seed 000:
 * 4.094 + 25.145 = 29.239 weighed, 26.254 enrolled).
 */
function weighedVsEnrolledWhole(parsed: { sheets: ParsedSheet[] }, sheet: ParsedSheet, emit: (v: Violation & { sheet?: string }) => void): void {
  const seen = new Set<string>();
  let weighed = 0;
  const cells: string[] = [];
  const byGroup = sheet.records.some((r) => r.fields.nhom_tuoi?.value === 'NT' || r.fields.nhom_tuoi?.value === 'MG');
  for (const rec of sheet.records) {
    const phase = rec.fields.thoi_diem?.value;
    if (phase !== undefined && phase !== null && phase !== 'dau_nam') continue;
    const group = String(rec.fields.nhom_tuoi?.value ?? '');
    if (byGroup && group === 'TONG') continue;
    const k = `${String(rec.fields.ma_truong?.value ?? rec.fields.ten_truong?.value ?? '').trim()}\u0001${group}`;
    const n = num(rec, 'tong_so_tre');
    if (n === null || seen.has(k)) continue;
    seen.add(k);
    weighed += n;
    cells.push(rec.fields.tong_so_tre.address);
  }
  if (!cells.length) return;
  let enrolled = 0;
  let rows = 0;
  const other: string[] = [];
  for (const q of parsed.sheets) {
    if (q.template !== 'QUY_MO') continue;
    const before = rows;
    for (const rec of q.records) {
      const n = num(rec, 'so_hoc_sinh');
      if (rec.fields.cap_hoc?.value !== 'MN' || n === null) continue;
      enrolled += n;
      rows++;
    }
    if (rows > before) other.push(q.totalRow?.fields.so_hoc_sinh ? `${q.sheetName}!${q.totalRow.fields.so_hoc_sinh.address}` : q.sheetName);
  }
  if (!rows || !differs(weighed, enrolled, WEIGHED_ENROLLED_TOLERANCE)) return;
  emit({
    sheet: sheet.sheetName,
    cells,
    params: { weighed: fmt(weighed), enrolled: fmt(enrolled), rows: fmt(rows), other: other.join(', '), diff: fmt(Math.abs(weighed - enrolled)) },
    expected: enrolled,
    actual: weighed,
    field: 'tong_so_tre',
    message: 'rules.dd_khac_quy_mo_toan_don_vi',
    detail: { otherSheets: other },
  });
}

/* ================================================================ DOI_NGU */

/** Lowest qualification meeting the standard for a cấp học code (liên cấp: the strictest of its levels). */
function qualificationMinimum(cap: string): { minimum: (typeof QUALIFICATION_ORDER)[number]; labelVi: string; labelEn: string; source: string } | null {
  let best: { minimum: (typeof QUALIFICATION_ORDER)[number]; labelVi: string; labelEn: string; source: string } | null = null;
  for (const part of cap.split('-')) {
    const q = QUALIFICATION_STANDARD[part];
    if (!q) continue;
    if (!best || QUALIFICATION_ORDER.indexOf(q.minimum) > QUALIFICATION_ORDER.indexOf(best.minimum)) best = q;
  }
  return best;
}

const teachersMeetingStandard: RuleDef = {
  kind: 'row',
  id: 'gv_dat_chuan_khac_trinh_do',
  severity: 'error',
  templates: ['DOI_NGU'],
  fields: ['gv_dat_chuan', 'cap_hoc'],
  message: 'rules.gv_dat_chuan_khac_trinh_do',
  source: 'Luật Giáo dục 2019, Điều 72',
  description: {
    vi: 'Số GV đạt chuẩn trình độ khớp các cột trình độ: không quá số người có trình độ chuẩn trở lên, không ít hơn số đó trừ những người không phải giáo viên',
    en: 'Teachers meeting the standard agree with the qualification columns: at most the people qualified at or above the standard, at least that minus the non-teachers counted',
  },
  evaluate(rec, sheet, _ctx, emit) {
    const dat = num(rec, 'gv_dat_chuan');
    const cap = rec.fields.cap_hoc?.value;
    if (dat === null || typeof cap !== 'string') return;
    const std = qualificationMinimum(cap);
    if (!std) return;
    let atOrAbove = 0;
    let counted = 0;
    let present = 0;
    const cells: string[] = [];
    for (const q of QUALIFICATION_FIELDS) {
      const v = num(rec, q);
      if (v === null) continue;
      present++;
      counted += v;
      if (QUALIFICATION_ORDER.indexOf(q) >= QUALIFICATION_ORDER.indexOf(std.minimum)) {
        atOrAbove += v;
        cells.push(rec.fields[q].address);
      }
    }
    if (!present) return;
    const gv = num(rec, 'so_gv');
    const lo = gv === null ? 0 : Math.max(0, atOrAbove - Math.max(0, counted - gv));
    const hi = gv === null ? atOrAbove : Math.min(atOrAbove, gv);
    if (dat >= lo && dat <= hi) return;
    emit({
      cells: [rec.fields.gv_dat_chuan.address, ...cells],
      params: {
        where: where(sheet, rec),
        actual: fmt(dat),
        range: lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`,
        at_or_above: fmt(atOrAbove),
        counted: fmt(counted),
        norm: { vi: std.labelVi, en: std.labelEn },
      },
      expected: lo === hi ? lo : `${lo}-${hi}`,
      actual: dat,
      field: 'gv_dat_chuan',
    });
  },
};

const qualificationTotal: RuleDef = {
  kind: 'row',
  id: 'trinh_do_khac_tong',
  severity: 'error',
  templates: ['DOI_NGU'],
  fields: ['so_cbql', 'so_gv'],
  message: 'rules.trinh_do_khac_tong',
  source: 'Luật Giáo dục 2019, Điều 72',
  description: { vi: 'Các mức trình độ cộng lại bằng CBQL + GV (hoặc + NV)', en: 'Qualification counts add up to managers + teachers (or + support staff)' },
  evaluate(rec, sheet, _ctx, emit) {
    const q = sideValue(rec, { fields: [...QUALIFICATION_FIELDS], strategy: 'skip-if-all-missing' });
    if (q.value === null) return;
    const cbql = num(rec, 'so_cbql');
    const gv = num(rec, 'so_gv');
    if (cbql === null || gv === null) return;
    const nv = num(rec, 'so_nv');
    if (q.value === cbql + gv || (nv !== null && q.value === cbql + gv + nv)) return;
    emit({
      cells: [...q.cells, rec.fields.so_cbql.address, rec.fields.so_gv.address],
      params: { where: where(sheet, rec), sum: fmt(q.value), staff: fmt(cbql + gv), diff: fmt(Math.abs(q.value - cbql - gv)) },
      expected: cbql + gv,
      actual: q.value,
    });
  },
};

const staffVsQuyMo: RuleDef = {
  kind: 'workbook',
  id: 'doi_ngu_khac_quy_mo',
  severity: 'warning',
  templates: ['DOI_NGU'],
  fields: ['ma_truong'],
  message: 'rules.doi_ngu_khac_quy_mo',
  description: { vi: 'Số CBQL, GV, NV trong DOI_NGU khớp QUY_MO', en: 'Managers, teachers, staff in DOI_NGU agree with QUY_MO' },
  evaluate(parsed, _ctx, emit) {
    const qm = indexBySchool(parsed, 'QUY_MO');
    if (!qm.size) return;
    for (const sheet of parsed.sheets) {
      if (sheet.template !== 'DOI_NGU') continue;
      for (const rec of sheet.records) {
        const code = rec.fields.ma_truong?.value;
        if (code === null || code === undefined) continue;
        const q = qm.get(String(code).trim());
        if (!q) continue;
        for (const f of ['so_cbql', 'so_gv', 'so_nv']) {
          const a = num(rec, f);
          const b = num(q.rec, f);
          if (a === null || b === null || a === b) continue;
          emit({
            sheet: sheet.sheetName,
            cells: [rec.fields[f].address],
            params: { where: where(sheet, rec), label: fieldLabel(sheet, f), actual: fmt(a), expected: fmt(b), other: `${q.sheet.sheetName}!${q.rec.fields[f].address}` },
            expected: b,
            actual: a,
            field: f,
            detail: { otherSheet: q.sheet.sheetName, otherCell: q.rec.fields[f].address },
          });
        }
      }
    }
  },
};

/* ================================================================ metadata, targets */

const ALL: TemplateId[] = ['QUY_MO', 'PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH', 'KET_QUA', 'DINH_DUONG', 'DOI_NGU', 'CHI_TIEU'];

const schoolYearMissing: RuleDef = {
  kind: 'workbook',
  id: 'thieu_nam_hoc',
  severity: 'warning',
  templates: ALL,
  fields: [],
  message: 'rules.thieu_nam_hoc',
  description: { vi: 'Mỗi biểu ghi năm học (tiêu đề, tên trang tính hoặc cài đặt)', en: 'Each sheet states its school year (title, sheet name or setting)' },
  evaluate(parsed, _ctx, emit) {
    const missing = parsed.sheets.filter((s) => ALL.includes(s.template) && !s.metadata.schoolYear);
    if (!missing.length) return;
    const names = missing.map((s) => s.sheetName).join(', ');
    emit({ cells: [], params: { sheets: names }, expected: 'YYYY-YYYY+1', actual: null, sheet: missing.length === 1 ? missing[0].sheetName : undefined });
  },
};

const schoolYearMismatch: RuleDef = {
  kind: 'workbook',
  id: 'nam_hoc_khac_nhau',
  severity: 'warning',
  templates: ALL,
  fields: [],
  message: 'rules.nam_hoc_khac_nhau',
  description: { vi: 'Các biểu trong một tệp cùng một năm học', en: 'All sheets of a file are for the same school year' },
  evaluate(parsed, _ctx, emit) {
    const years = new Map<string, string[]>();
    for (const s of parsed.sheets) {
      const y = s.metadata.schoolYear;
      if (!y) continue;
      if (!years.has(y)) years.set(y, []);
      years.get(y)!.push(s.sheetName);
    }
    if (years.size < 2) return;
    const list = [...years.entries()].map(([y, names]) => `${y}: ${names.join(', ')}`).join('; ');
    emit({ cells: [], params: { list }, expected: null, actual: [...years.keys()].join(', ') });
  },
};

const targetUnreadable: RuleDef = {
  kind: 'row',
  id: 'chi_tieu_khong_doc_duoc',
  severity: 'warning',
  templates: ['CHI_TIEU'],
  fields: ['muc_tieu'],
  message: 'rules.chi_tieu_khong_doc_duoc',
  description: { vi: 'Chỉ tiêu ghi dạng số, khoảng ("96-97%"), ngưỡng ("≥ 95%") hoặc mức độ ("Mức độ 3")', en: 'Targets are a number, a range ("96-97%"), a bound ("≥ 95%") or a level ("Mức độ 3")' },
  evaluate(rec, sheet, _ctx, emit) {
    const fv = rec.fields.muc_tieu;
    if (!fv || fv.raw === null || fv.raw === '') return;
    if (parseTargetRange(fv.raw) ?? parseTargetRange(fv.value)) return;
    if (parseTargetLevel(fv.value)) return;
    emit({ cells: [fv.address], params: { where: where(sheet, rec), raw: String(fv.value ?? '') }, expected: '96-97%', actual: String(fv.value ?? ''), field: 'muc_tieu' });
  },
};

/* ================================================================ the table */

export const RULES: RuleDef[] = [
  columnTotals,
  mixedAggregation,
  duplicates,
  ...quyMoCompare,
  ...quyMoRows,
  ...PARTS.map(([t, p, w]) => partRule(t, p, { fields: w, strategy: w.length > 1 ? 'skip-if-all-missing' : 'skip-if-any-missing' })),
  mn5CompletionRule(),
  ...cohortRules(),
  thConLai,
  ...pcOther,
  ...xmcRules(),
  printedRates,
  printedLevels,
  ...ketQuaSets,
  ketQuaVsQuyMo,
  nutritionBalance,
  nutritionTargets,
  nutritionVsQuyMo,
  qualificationTotal,
  teachersMeetingStandard,
  staffVsQuyMo,
  schoolYearMissing,
  schoolYearMismatch,
  targetUnreadable,
];

/** Distinct rule ids with their descriptions (docs, task pane). */
export function ruleCatalogue(): { id: string; severity: string; templates: TemplateId[]; description: Bilingual; source?: string }[] {
  const seen = new Map<string, { id: string; severity: string; templates: TemplateId[]; description: Bilingual; source?: string }>();
  for (const r of RULES) {
    const prev = seen.get(r.id);
    if (prev) {
      for (const t of r.templates) if (!prev.templates.includes(t)) prev.templates.push(t);
      continue;
    }
    seen.set(r.id, { id: r.id, severity: r.severity, templates: [...r.templates], description: r.description, ...(r.source ? { source: r.source } : {}) });
  }
  return [...seen.values()];
}

export type { Violation };
