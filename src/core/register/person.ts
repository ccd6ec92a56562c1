/**
 * One register row → one classified person (age by birth year, residence, exempt, schooling,
 * completion, literacy; REGULATIONS §1, §2, §8; REAL-FORMS §2–3) and its per-person checks.
 * A classified person is a few integers (age, flag bits, class level) so that a province's million
 * rows travel between processes as typed arrays, never as objects.
 */
import { findingText } from '../findings';
import type { FindingMessageKey, MessageKeyOf, Severity } from '../findings';
import type { CellValue } from '../types';
import { cellText, ColumnMap, DISABILITY_COLUMNS } from './columns';
import type { RegisterSettings } from './settings';
import {
  bacNghe,
  bacTotNghiep,
  classOf,
  dienCuTru,
  intOf,
  isFemale,
  isMinority,
  isUpper,
  LEVEL_GDNN,
  LEVEL_GDTX,
  LEVEL_NONE,
  LEVEL_UNKNOWN,
  schoolYearEnd,
  ticked,
  tinhTrang,
  xmcDone,
} from './values';

export const F = {
  FEMALE: 1 << 0,
  MINORITY: 1 << 1,
  DISABLED: 1 << 2,
  CAN_LEARN: 1 << 3,
  /** Miễn giảm (per the exempt setting). */
  EXEMPT: 1 << 4,
  /** In the commune's cohort (resident per the residence setting, not moved out, alive). */
  COHORT: 1 << 5,
  MOVED_OUT: 1 << 6,
  DECEASED: 1 << 7,
  /** Studies in the commune but is not a counted resident (nơi khác đến). */
  NON_RESIDENT: 1 << 8,
  HTCTTH: 1 << 9,
  TN_THCS: 1 << 10,
  HOC_TIEP: 1 << 11,
  BC1: 1 << 12,
  BC2: 1 << 13,
  MN_DONE: 1 << 14,
  DROPPED: 1 << 15,
  REPEATER: 1 << 16,
  TWO_SESSIONS: 1 << 17,
  /** Studies in the commune (tại chỗ); else elsewhere (nơi khác). */
  LOCAL: 1 << 18,
  IN_SCHOOL: 1 << 19,
  NEVER_SCHOOLED: 1 << 20,
  /** Disabled with learning capacity who accesses education. */
  ACCESS: 1 << 21,
  TN_TH_PREV: 1 << 22,
  TN_THCS_PREV: 1 << 23,
  LOP9_PREV: 1 << 24,
  IN_XMC_CLASS: 1 << 25,
} as const;

export interface PersonContext {
  year: number;
  columns: ColumnMap;
  settings: RegisterSettings & { thcsHocTiep: 'da-hoac-dang' | 'dang' };
  /** Local school codes (tại chỗ), when known. */
  localSchools?: Set<string>;
  /** Every valid school code, when a school list is given. */
  schoolList?: Set<string>;
}

/** A per-person problem, located by field id; the file reader turns it into a Finding. */
export interface PersonIssue {
  rule: PersonRule;
  key: FindingMessageKey;
  severity: Severity;
  fields: string[];
  params: Record<string, string | number>;
}

export type PersonRule =
  | 'dk_thieu_ho_ten'
  | 'dk_thieu_nam_sinh'
  | 'dk_nam_sinh_sau_nam_dieu_tra'
  | 'dk_tuoi_qua_120'
  | 'dk_ngay_thang_sinh_sai'
  | 'dk_vua_hoc_vua_bo_hoc'
  | 'dk_lop_lech_tuoi'
  | 'dk_nam_tot_nghiep_sau_nam_dieu_tra'
  | 'dk_lop_xmc_duoi_15'
  | 'dk_ma_truong_khong_co';

export interface Person {
  age: number;
  flags: number;
  level: number;
  birth: { d: number | null; m: number | null; y: number };
  /** Folded "họ tên" for duplicate detection. */
  name: string;
  displayName: string;
}

function get(row: CellValue[], cols: ColumnMap, id: string): CellValue | undefined {
  const c = cols[id];
  return c === undefined ? undefined : row[c];
}

function has(row: CellValue[], cols: ColumnMap, id: string): boolean {
  return cellText(get(row, cols, id)) !== '';
}

/** A row holds a person when any of the name or birth cells is filled (numbered blank rows are not). */
export function isPersonRow(row: CellValue[], cols: ColumnMap): boolean {
  return has(row, cols, 'ten') || has(row, cols, 'ho_dem') || has(row, cols, 'ho_ten') || has(row, cols, 'nam_sinh');
}

function daysIn(month: number, year: number): number {
  return [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function birthYearOf(v: CellValue | undefined): number | null {
  if (v instanceof Date) return v.getUTCFullYear();
  const n = intOf(v);
  if (n === null) {
    if (typeof v === 'string') {
      const m = v.match(/(19|20)\d{2}/);
      if (m) return Number(m[0]);
    }
    return null;
  }
  return n >= 1000 ? n : null;
}

/**
 * Classifies one row. Returns the person (null when the row cannot be counted at all: no birth
 * year) and the issues found. The caller leaves out of the counts every person with an error issue.
 */
export function classify(row: CellValue[], ctx: PersonContext, issues: PersonIssue[]): Person | null {
  const cols = ctx.columns;
  const s = ctx.settings;
  const Y = ctx.year;
  const issue = <R extends PersonRule>(rule: R, key: MessageKeyOf<R>, fields: string[], params: Record<string, string | number> = {}) =>
    issues.push({ rule, key: key as FindingMessageKey, severity: findingText(rule, key)!.severity, fields, params });

  // Name.
  let hoDem = cellText(get(row, cols, 'ho_dem'));
  let ten = cellText(get(row, cols, 'ten'));
  if (!ten && cols.ho_ten !== undefined) {
    const full = cellText(get(row, cols, 'ho_ten'));
    const i = full.lastIndexOf(' ');
    hoDem = i > 0 ? full.slice(0, i) : '';
    ten = i > 0 ? full.slice(i + 1) : full;
  }
  const displayName = `${hoDem} ${ten}`.trim();
  if (!ten) issue('dk_thieu_ho_ten', 'register.dk_thieu_ho_ten', [cols.ten !== undefined ? 'ten' : 'ho_ten']);

  // Birth date.
  const yv = get(row, cols, 'nam_sinh');
  const by = birthYearOf(yv);
  let d: number | null = null;
  let m: number | null = null;
  if (yv instanceof Date) {
    d = yv.getUTCDate();
    m = yv.getUTCMonth() + 1;
  }
  const dv = get(row, cols, 'ngay_sinh');
  const mv = get(row, cols, 'thang_sinh');
  if (cellText(dv) !== '' || cellText(mv) !== '') {
    d = dv instanceof Date ? dv.getUTCDate() : intOf(dv);
    m = mv instanceof Date ? mv.getUTCMonth() + 1 : intOf(mv);
    const badD = cellText(dv) !== '' && (d === null || d < 1 || d > 31);
    const badM = cellText(mv) !== '' && (m === null || m < 1 || m > 12);
    const badDay = !badD && !badM && d !== null && m !== null && by !== null && d > daysIn(m, by);
    if (badD || badM || badDay) {
      issue('dk_ngay_thang_sinh_sai', 'register.dk_ngay_thang_sinh_sai', ['ngay_sinh', 'thang_sinh'], { day: cellText(dv) || '–', month: cellText(mv) || '–' });
    }
  }
  if (by === null) {
    issue('dk_thieu_nam_sinh', 'register.dk_thieu_nam_sinh', ['nam_sinh'], { value: cellText(yv) });
    return null;
  }
  const age = Y - by;
  if (by > Y) issue('dk_nam_sinh_sau_nam_dieu_tra', 'register.dk_nam_sinh_sau_nam_dieu_tra', ['nam_sinh'], { birth: by, year: Y });
  else if (age > 120) issue('dk_tuoi_qua_120', 'register.dk_tuoi_qua_120', ['nam_sinh'], { age, birth: by });

  let flags = 0;
  if (isFemale(get(row, cols, 'nu'))) flags |= F.FEMALE;
  if (isMinority(get(row, cols, 'dan_toc'))) flags |= F.MINORITY;

  // Residence (REGULATIONS §2.3): cohort = counted residents still here.
  const dien = dienCuTru(get(row, cols, 'dien_cu_tru'));
  const tinh = tinhTrang(get(row, cols, 'tinh_trang_cu_tru'));
  if (tinh === 'di') flags |= F.MOVED_OUT;
  if (tinh === 'chet') flags |= F.DECEASED;
  const resident = dien === 'thuong' || (dien === 'tam' && s.residence === 'thuong-tru-tam-tru');
  if (resident && tinh === 'o') flags |= F.COHORT;

  // Disability and exemption.
  let disabled = false;
  for (const id of DISABILITY_COLUMNS) if (ticked(get(row, cols, id))) disabled = true;
  const canLearn = ticked(get(row, cols, 'kha_nang_hoc'));
  if (disabled) flags |= F.DISABLED;
  if (disabled && canLearn) flags |= F.CAN_LEARN;
  if (disabled && (s.exempt === 'moi-kt' || !canLearn)) flags |= F.EXEMPT;

  // Schooling now.
  const cls = classOf(get(row, cols, 'khoi_hoc'), get(row, cols, 'lop_hoc'));
  let level = LEVEL_NONE;
  if (cls) {
    level = cls.level;
    flags |= F.IN_SCHOOL;
    if (cls.repeater) flags |= F.REPEATER;
    if (cls.twoSessions) flags |= F.TWO_SESSIONS;
    const school = cellText(get(row, cols, 'ten_truong'));
    if (level === LEVEL_UNKNOWN && /(^|\s)(thpt|ptth)(\s|$)/i.test(school)) level = 10;
    if (level === LEVEL_UNKNOWN && /gdtx|giáo dục thường xuyên/i.test(school)) level = LEVEL_GDTX;
    if (level === LEVEL_UNKNOWN && /gdnn|nghề|trung cấp|cao đẳng|đại học/i.test(school)) level = LEVEL_GDNN;
    const code = cellText(get(row, cols, 'ma_truong'));
    const local = ctx.localSchools ? ctx.localSchools.has(code) : cellText(get(row, cols, 'quan_huyen_hoc')) === '';
    if (local) flags |= F.LOCAL;
    if (!(flags & F.COHORT) && local) flags |= F.NON_RESIDENT;
    if (ctx.schoolList && code && !ctx.schoolList.has(code)) issue('dk_ma_truong_khong_co', 'register.dk_ma_truong_khong_co', ['ma_truong'], { code });
    if (age >= 0 && age <= 120 && level >= 1 && level <= 12 && Math.abs(age - (level + 5)) > s.gradeAgeGap) {
      issue('dk_lop_lech_tuoi', 'register.dk_lop_lech_tuoi', ['khoi_hoc'], { grade: level, age, gap: s.gradeAgeGap });
    }
  }
  const dropped = intOf(get(row, cols, 'bo_hoc_lop'));
  const droppedAny = has(row, cols, 'bo_hoc_lop');
  if (droppedAny) flags |= F.DROPPED;
  if (cls && droppedAny) issue('dk_vua_hoc_vua_bo_hoc', 'register.dk_vua_hoc_vua_bo_hoc', ['khoi_hoc', 'bo_hoc_lop']);

  // Finished levels.
  const bac = bacTotNghiep(get(row, cols, 'bac_tot_nghiep'));
  const nghe = bacNghe(get(row, cols, 'bac_tn_nghe'));
  const xongLop = intOf(get(row, cols, 'hoc_xong_lop')) ?? 0;
  const gradEnd = schoolYearEnd(get(row, cols, 'nam_tot_nghiep'));
  if (gradEnd !== null && gradEnd > Y) issue('dk_nam_tot_nghiep_sau_nam_dieu_tra', 'register.dk_nam_tot_nghiep_sau_nam_dieu_tra', ['nam_tot_nghiep'], { value: cellText(get(row, cols, 'nam_tot_nghiep')), year: Y });
  const upperNow = isUpper(level);
  const htctth = bac >= 2 || xongLop >= 5 || nghe === 2 || (level >= 6 && level <= 12) || level === LEVEL_GDTX || level === LEVEL_GDNN;
  if (htctth) flags |= F.HTCTTH;
  const tnThcs = bac >= 3 || nghe === 2 || (s.tnThcsFromGrade10 && upperNow);
  if (tnThcs) flags |= F.TN_THCS;
  const daHoc = bac >= 4 || nghe > 0 || xongLop >= 10 || (dropped !== null && dropped >= 10);
  if (upperNow || (s.thcsHocTiep === 'da-hoac-dang' && daHoc)) flags |= F.HOC_TIEP;
  // Completed the preschool programme: a level finished in "Bậc tốt nghiệp" (MN or above).
  if (bac >= 1) flags |= F.MN_DONE;

  // Literacy (ND 20/2014 Điều 19): grade 3 or stage 1 → mức 1; primary or stage 2 → mức 2.
  const xmc = xmcDone(get(row, cols, 'hoan_thanh_xmc'));
  let done = Math.max(xongLop, xmc);
  if (dropped !== null && dropped >= 1 && dropped <= 12) done = Math.max(done, dropped - 1);
  if (level >= 1 && level <= 12) done = Math.max(done, level - 1);
  if (htctth) done = Math.max(done, 5);
  let bc1 = done >= 3;
  let bc2 = done >= 5;
  const relapse = intOf(get(row, cols, 'tai_mu_chu'));
  if (s.relapseOverrides && relapse !== null) {
    if (relapse === 1) bc1 = bc2 = false;
    if (relapse === 2) bc2 = false;
  }
  if (bc1) flags |= F.BC1;
  if (bc2) flags |= F.BC2;
  const inXmc = has(row, cols, 'dang_hoc_xmc');
  if (inXmc) flags |= F.IN_XMC_CLASS;
  if ((inXmc || has(row, cols, 'hoan_thanh_xmc')) && age < 15) issue('dk_lop_xmc_duoi_15', 'register.dk_lop_xmc_duoi_15', ['dang_hoc_xmc', 'hoan_thanh_xmc'], { age });

  if (disabled && canLearn && (cls || inXmc)) flags |= F.ACCESS;
  if (!cls && !droppedAny && !htctth && xongLop === 0 && bac <= 0 && !inXmc) flags |= F.NEVER_SCHOOLED;

  // Last school year's leavers (PC_THCS: HTCTTH năm trước, HS lớp 9 cuối năm, TN THCS).
  const xongEnd = schoolYearEnd(get(row, cols, 'nam_hoc_xong'));
  const boEnd = schoolYearEnd(get(row, cols, 'nam_bo_hoc'));
  if ((bac === 2 && gradEnd === Y) || (xongLop === 5 && xongEnd === Y)) flags |= F.TN_TH_PREV;
  if (bac === 3 && gradEnd === Y) flags |= F.TN_THCS_PREV;
  if ((bac === 3 && gradEnd === Y) || (xongLop === 9 && xongEnd === Y) || (dropped === 9 && boEnd === Y) || (level === 9 && (flags & F.REPEATER))) flags |= F.LOP9_PREV;

  return { age, flags, level, birth: { d, m, y: by }, name: displayName, displayName };
}
