/**
 * Per commune: persons of its thôn files → counts by age (the forms' matrices) → the PC_MN5, PC_TH,
 * PC_THCS and XMC records of spec/SHEETS.md §4 (same field ids), so that levels, the report,
 * trends, cross-checks and the GD.* functions see a register exactly as a summary sheet.
 */
import { F } from './person';
import type { PackedPersons } from './file';
import type { RegisterSettings } from './settings';
import { isMn, isTh, isThcs } from './values';

export const MAX_AGE = 120;

/** Counters by age 0..MAX_AGE. */
export type ByAge = Int32Array;

const byAge = (): ByAge => new Int32Array(MAX_AGE + 1);

/** Residence bucket of a pupil (TH-M1 / THCS-M1 rows): tại chỗ, nơi khác, nơi khác đến. */
export type Bucket = 0 | 1 | 2;

export interface AgeCounts {
  /** Everyone of the age living in the commune's cohort (residents, present). */
  total: ByAge;
  female: ByAge;
  minority: ByAge;
  femaleMinority: ByAge;
  disabled: ByAge;
  canLearn: ByAge;
  access: ByAge;
  exempt: ByAge;
  /** PPC = total − exempt. */
  ppc: ByAge;
  movedOut: ByAge;
  deceased: ByAge;
  /** Grade 1..12 × bucket × age (PPC persons for buckets 0–1, non-residents for bucket 2). */
  grade: ByAge[][];
  htctth: ByAge[];
  htctthNotPpc: ByAge;
  tnThcs: ByAge[];
  hocTiep: ByAge[];
  repeater: ByAge[];
  dropped: ByAge[];
  neverSchooled: ByAge;
  inSchool: ByAge;
  /** In school, by where: [in the commune (tại địa bàn), elsewhere]; girls and minority children in school (MN-01-TE). */
  inSchoolAt: ByAge[];
  femaleInSchool: ByAge;
  minorityInSchool: ByAge;
  inMn: ByAge;
  inTh: ByAge;
  inThcs: ByAge;
  mnDone: ByAge;
  twoSessions: ByAge;
  /** Literacy, PPC persons: [TS, nữ, DT, nữ DT]. */
  pop4: ByAge[];
  mc1: ByAge[];
  mc2: ByAge[];
  bc1: ByAge[];
  bc2: ByAge[];
  /** Last year's leavers (any age). */
  tnThPrev: number;
  vaoLop6: number;
  lop9Prev: number;
  tnThcsPrev: number;
  /** Pupils now in primary / lower secondary (lớp 1–5 / 6–9), residents. */
  pupilsTh: number;
  pupilsThcs: number;
  /** Of them, pupils with a disability now in primary (TH-02 column G). */
  disabledPupilsTh: number;
}

export function emptyCounts(): AgeCounts {
  const three = () => [byAge(), byAge(), byAge()];
  const four = () => [byAge(), byAge(), byAge(), byAge()];
  return {
    total: byAge(), female: byAge(), minority: byAge(), femaleMinority: byAge(), disabled: byAge(), canLearn: byAge(), access: byAge(),
    exempt: byAge(), ppc: byAge(), movedOut: byAge(), deceased: byAge(),
    grade: Array.from({ length: 13 }, three), htctth: three(), htctthNotPpc: byAge(), tnThcs: three(), hocTiep: three(), repeater: three(), dropped: three(),
    neverSchooled: byAge(), inSchool: byAge(), inSchoolAt: [byAge(), byAge()], femaleInSchool: byAge(), minorityInSchool: byAge(), inMn: byAge(), inTh: byAge(), inThcs: byAge(), mnDone: byAge(), twoSessions: byAge(),
    pop4: four(), mc1: four(), mc2: four(), bc1: four(), bc2: four(),
    tnThPrev: 0, vaoLop6: 0, lop9Prev: 0, tnThcsPrev: 0, pupilsTh: 0, pupilsThcs: 0, disabledPupilsTh: 0,
  };
}

/** Adds one person (already deduplicated, no error finding). */
export function addPerson(c: AgeCounts, age: number, flags: number, level: number): void {
  if (age < 0 || age > MAX_AGE) return;
  const cohort = (flags & F.COHORT) !== 0;
  const local = (flags & F.LOCAL) !== 0;
  if (!cohort) {
    if (flags & F.MOVED_OUT) c.movedOut[age]++;
    if (flags & F.DECEASED) c.deceased[age]++;
    // Non-residents studying here: the third bucket of the age-matrix forms, never in a rate.
    if (flags & F.NON_RESIDENT && level >= 1 && level <= 12) c.grade[level][2][age]++;
    if (flags & F.NON_RESIDENT && flags & F.HTCTTH && local) c.htctth[2][age]++;
    return;
  }
  const fem = (flags & F.FEMALE) !== 0;
  const dt = (flags & F.MINORITY) !== 0;
  c.total[age]++;
  if (fem) c.female[age]++;
  if (dt) c.minority[age]++;
  if (fem && dt) c.femaleMinority[age]++;
  if (flags & F.DISABLED) c.disabled[age]++;
  if (flags & F.CAN_LEARN) c.canLearn[age]++;
  if (flags & F.ACCESS) c.access[age]++;
  if (flags & F.IN_SCHOOL) {
    if (isTh(level)) c.pupilsTh++;
    if (isTh(level) && flags & F.DISABLED) c.disabledPupilsTh++;
    if (isThcs(level)) c.pupilsThcs++;
  }
  if (flags & F.TN_TH_PREV) {
    c.tnThPrev++;
    if (level === 6) c.vaoLop6++;
  }
  if (flags & F.LOP9_PREV) c.lop9Prev++;
  if (flags & F.TN_THCS_PREV) c.tnThcsPrev++;
  if (flags & F.EXEMPT) {
    c.exempt[age]++;
    if (flags & F.HTCTTH) c.htctthNotPpc[age]++;
    return;
  }
  c.ppc[age]++;
  const b: Bucket = local ? 0 : 1;
  if (level >= 1 && level <= 12) c.grade[level][b][age]++;
  if (flags & F.IN_SCHOOL) {
    c.inSchool[age]++;
    c.inSchoolAt[b][age]++;
    if (fem) c.femaleInSchool[age]++;
    if (dt) c.minorityInSchool[age]++;
  }
  if (isMn(level)) c.inMn[age]++;
  if (isTh(level)) c.inTh[age]++;
  if (isThcs(level)) c.inThcs[age]++;
  if (flags & F.TWO_SESSIONS) c.twoSessions[age]++;
  if (flags & F.HTCTTH) c.htctth[b][age]++;
  if (flags & F.TN_THCS) c.tnThcs[b][age]++;
  if (flags & F.HOC_TIEP) c.hocTiep[b][age]++;
  if (flags & F.REPEATER) c.repeater[b][age]++;
  if (flags & F.DROPPED) c.dropped[0][age]++;
  if (flags & F.NEVER_SCHOOLED) c.neverSchooled[age]++;
  if (flags & F.MN_DONE) c.mnDone[age]++;
  const groups = [true, fem, dt, fem && dt];
  for (let g = 0; g < 4; g++) {
    if (!groups[g]) continue;
    c.pop4[g][age]++;
    if (flags & F.BC1) c.bc1[g][age]++;
    else c.mc1[g][age]++;
    if (flags & F.BC2) c.bc2[g][age]++;
    else c.mc2[g][age]++;
  }
}

export function addPacked(c: AgeCounts, p: PackedPersons, keep?: (i: number) => boolean): void {
  for (let i = 0; i < p.n; i++) {
    if (keep && !keep(i)) continue;
    addPerson(c, p.age[i], p.flags[i], p.level[i]);
  }
}

/** Sum of a by-age counter over [from, to]. */
export function sumAges(a: ByAge, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i <= Math.min(MAX_AGE, to); i++) s += a[i];
  return s;
}

/** Buckets 0 and 1 (residents studying here or elsewhere): the numerator scope of every rate. */
export function resident(a: ByAge[], from: number, to: number): number {
  return sumAges(a[0], from, to) + sumAges(a[1], from, to);
}

export type Record4 = Record<string, number>;

export interface CommuneRecords {
  PC_MN5: Record4;
  PC_TH: Record4;
  PC_THCS: Record4;
  XMC: Record4;
}

/** The §4 records of one commune. */
export function recordsOf(c: AgeCounts, rs: RegisterSettings, xmcUpperAge: number): CommuneRecords {
  const cohort = (a: number, b = a) => sumAges(c.total, a, b);
  const exempt = (a: number, b = a) => sumAges(c.exempt, a, b);
  const mn5: Record4 = {
    tre_5t: cohort(5),
    mien_giam_5t: exempt(5),
    tre_5t_ra_lop: sumAges(c.inSchool, 5, 5),
    tre_3_5t: cohort(3, 5),
    mien_giam_3_5t: exempt(3, 5),
    tre_3_5t_ra_lop: sumAges(c.inSchool, 3, 5),
    tre_0_2t: cohort(0, 2),
    tre_0_2t_ra_lop: sumAges(c.inSchool, 0, 2),
    tre_3t_dang_hoc: sumAges(c.inSchool, 3, 3),
    tre_4t_dang_hoc: sumAges(c.inSchool, 4, 4),
  };
  if (rs.mn5Completion === 'tuoi-6') {
    mn5.tre_5t_hoan_thanh = sumAges(c.mnDone, 6, 6);
    mn5.tre_6t_mn = cohort(6);
    mn5.mien_giam_6t_mn = exempt(6);
  } else mn5.tre_5t_hoan_thanh = sumAges(c.mnDone, 5, 5);

  const thInGrade = (a: number, b = a) => {
    let s = 0;
    for (let g = 1; g <= 5; g++) s += resident(c.grade[g], a, b);
    return s;
  };
  const th: Record4 = {
    tre_6t: cohort(6),
    mien_giam_6t: exempt(6),
    tre_6t_lop1: resident(c.grade[1], 6, 6),
    tre_11t: cohort(11),
    mien_giam_11t: exempt(11),
    tre_11t_htth: resident(c.htctth, 11, 11),
    tre_11t_dang_hoc_th: thInGrade(11),
    tre_14t: cohort(14),
    mien_giam_14t: exempt(14),
    tre_14t_htth: resident(c.htctth, 14, 14),
    tre_11_14t: cohort(11, 14),
    mien_giam_11_14t: exempt(11, 14),
    tre_11_14t_htth: resident(c.htctth, 11, 14),
    tre_6_14t: cohort(6, 14),
    tre_6_14t_dang_hoc_th: thInGrade(6, 14),
  };
  const thcs: Record4 = {
    tn_th_nam_truoc: c.tnThPrev,
    vao_lop6: c.vaoLop6,
    hs_lop9: c.lop9Prev,
    tn_thcs: c.tnThcsPrev,
    tre_15_18t: cohort(15, 18),
    mien_giam_15_18t: exempt(15, 18),
    tre_15_18t_tn_thcs: resident(c.tnThcs, 15, 18),
    tre_15_18t_hoc_tiep: resident(c.hocTiep, 15, 18),
  };
  const xmc: Record4 = {};
  for (const [band, hi] of [['15_25', 25], ['15_35', 35], ['15_60', xmcUpperAge]] as const) {
    xmc[`dan_so_${band}`] = cohort(15, hi);
    xmc[`mien_giam_${band}`] = exempt(15, hi);
    xmc[`biet_chu_m1_${band}`] = sumAges(c.bc1[0], 15, hi);
    xmc[`biet_chu_m2_${band}`] = sumAges(c.bc2[0], 15, hi);
  }
  return { PC_MN5: mn5, PC_TH: th, PC_THCS: thcs, XMC: xmc };
}
