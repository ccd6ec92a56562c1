/**
 * A commune's PCGD forms against its household register: every count a form prints is compared
 * with the same figure recomputed from the register (src/core/register: the §4 records); each
 * difference is a finding at the form's cells naming the register rows behind the figure (the
 * persons the register counts in it). Rates and levels follow from the counts and are checked on
 * the forms themselves (./read.ts, ./communes.ts).
 *
 * A form's cohort figure without its exemptions beside it ("Trẻ 5 tuổi (PPC)" on MN-02, "phải huy
 * động" on MN-01-TE) is the cohort less those exempt, so it is compared with the register's cohort
 * less its miễn giảm. Preschool completion is on the 6-year-olds on MN-02 and on the 5-year-olds on
 * MN-01-TE, whatever the register setting says.
 */
import type { Finding } from '../findings';
import { finding } from '../findings';
import { formatNumber } from '../format/vn';
import { msg } from '../i18n';
import { addPerson, emptyCounts, recordsOf } from '../register/aggregate';
import type { CommuneRecords, Record4 } from '../register/aggregate';
import { countedPersons, filesOfYear, stripPrefix } from '../register/commune';
import type { CommuneRegister } from '../register/commune';
import type { RegisterFileResult } from '../register/file';
import type { RegisterSettings } from '../register/settings';
import { foldText } from '../sheets/normalize';
import { TEMPLATE_BY_ID } from '../sheets/templates';
import type { FormReading, FormUnit } from './read';
import { communeKey } from './read';

export interface RegisterOfCommune {
  register: CommuneRegister;
  /** The files the commune was built from (their persons and rows). */
  files: RegisterFileResult[];
}

/** Register rows quoted in one finding; the rest are counted. */
const MAX_ROWS = 50;

type Completion = RegisterSettings['mn5Completion'];

/** Preschool completion as each form counts it. */
function completionOf(r: FormReading, settings: RegisterSettings): Completion {
  if (r.code === 'MN-02') return 'tuoi-6';
  if (r.code === 'MN-01-TE') return 'tuoi-5';
  return settings.mn5Completion;
}

function flatten(rec: CommuneRecords): Record4 {
  return { ...rec.PC_MN5, ...rec.PC_TH, ...rec.PC_THCS, ...rec.XMC };
}

/** The exemption field beside a cohort field (tre_5t → mien_giam_5t, dan_so_15_35 → mien_giam_15_35). */
function exemptOf(field: string): string | null {
  const m = /^(?:tre|dan_so)_(.+)$/.exec(field);
  return m ? `mien_giam_${m[1]}` : null;
}

/** What the register gives for a form's field: the field, or the cohort less exemptions. */
function registerValue(rec: Record4, field: string, unit: FormUnit): number | null {
  if (!(field in rec)) return null;
  const ex = exemptOf(field);
  if (ex && ex in rec && !(ex in unit.counts)) return rec[field] - rec[ex];
  return rec[field];
}

function fieldLabel(r: FormReading, field: string): string {
  const own = r.layout.figures.find((f) => f.field === field)?.label;
  if (own) return own;
  for (const t of ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC'] as const) {
    const h = TEMPLATE_BY_ID[t].fields.find((f) => f.id === field)?.header;
    if (h) return h;
  }
  return field;
}

/** "Thôn A.xlsx dòng 5–14, 17; Thôn B.xls dòng 5" */
function rowsText(rows: { file: string; row: number }[], total: number, lang: 'vi' | 'en'): string {
  const byFile = new Map<string, number[]>();
  for (const x of rows) byFile.set(x.file, [...(byFile.get(x.file) ?? []), x.row]);
  const parts: string[] = [];
  for (const [file, rs] of byFile) {
    rs.sort((a, b) => a - b);
    const spans: string[] = [];
    for (let i = 0; i < rs.length; ) {
      let j = i;
      while (j + 1 < rs.length && rs[j + 1] === rs[j] + 1) j++;
      spans.push(j > i ? `${rs[i]}–${rs[j]}` : `${rs[i]}`);
      i = j + 1;
    }
    parts.push(`${file} ${lang === 'vi' ? 'dòng' : 'row(s)'} ${spans.join(', ')}`);
  }
  const more = total - rows.length;
  return parts.join('; ') + (more > 0 ? (lang === 'vi' ? ` và ${formatNumber(more)} dòng khác` : ` and ${formatNumber(more)} more`) : '');
}

const baseName = (f: string) => f.split(/[\\/]/).pop() ?? f;

/** Compares every count of the forms with the register of the same commune. */
export function formsAgainstRegisters(readings: FormReading[], registers: RegisterOfCommune[], settings: RegisterSettings, xmcUpperAge: number): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map<string, RegisterOfCommune>();
  for (const x of registers) byKey.set(stripPrefix(foldText(x.register.name)), x);
  for (const r of readings) {
    if (!r.usable) continue;
    for (const unit of r.units) {
      if (unit.total || !unit.name) continue;
      const reg = byKey.get(communeKey(unit.name));
      if (!reg) continue;
      const where = msg('pcgd.where', { code: r.code, unit: unit.name });
      if (r.year !== null && reg.register.year !== null && r.year !== reg.register.year) {
        out.push(finding('bieu_pc_khac_so_dang_ky', 'pcgd.so_dang_ky_khac_nam', { where, actual: r.year, expected: reg.register.year, commune: reg.register.name }, {
          file: r.file, sheet: r.sheet, cells: r.yearCell ? [r.yearCell] : [], expected: reg.register.year, actual: r.year,
        }));
        continue;
      }
      const completion = completionOf(r, settings);
      const s = { ...settings, mn5Completion: completion };
      const rec = completion === settings.mn5Completion ? flatten(reg.register.records) : flatten(recordsOf(reg.register.counts, s, xmcUpperAge));
      const diffs: { field: string; form: number; register: number }[] = [];
      for (const [field, v] of Object.entries(unit.counts)) {
        if (v === null || v === undefined) continue;
        const want = registerValue(rec, field, unit);
        if (want !== null && want !== v) diffs.push({ field, form: v, register: want });
      }
      if (!diffs.length) continue;
      const rows = rowsBehind(reg, diffs.map((d) => d.field), unit, s, xmcUpperAge);
      for (const d of diffs) {
        const behind = rows.get(d.field)!;
        const cells = unit.countCells[d.field] ?? [];
        const rowsMsg = behind.total
          ? { vi: `các dòng của sổ đăng ký vào số này: ${rowsText(behind.rows, behind.total, 'vi')}`, en: `register rows behind it: ${rowsText(behind.rows, behind.total, 'en')}` }
          : { vi: 'sổ đăng ký không có dòng nào vào số này', en: 'no register row is counted in it' };
        out.push(finding('bieu_pc_khac_so_dang_ky', 'pcgd.khac_so_dang_ky', {
          where, label: fieldLabel(r, d.field), cells: cells.length > 6 ? `${cells.slice(0, 5).join(', ')}, …` : cells.join(', '),
          actual: formatNumber(d.form), expected: formatNumber(d.register), diff: formatNumber(Math.abs(d.form - d.register)), commune: reg.register.name, rows: rowsMsg,
        }, {
          file: r.file, sheet: r.sheet, cells, expected: d.register, actual: d.form,
          detail: { field: d.field, rows: behind.rows, rowsTotal: behind.total },
        }));
      }
    }
  }
  return out;
}

/**
 * For each field, the register rows (persons counted) behind its value: a person is behind a field
 * when the field's value of that person alone is not 0 (the records are sums over persons). The
 * persons' contributions are computed once per kind of person (age, flags, grade).
 */
function rowsBehind(reg: RegisterOfCommune, fields: string[], unit: FormUnit, settings: RegisterSettings, xmcUpperAge: number): Map<string, { rows: { file: string; sheet: string | null; row: number }[]; total: number }> {
  const out = new Map(fields.map((f) => [f, { rows: [] as { file: string; sheet: string | null; row: number }[], total: 0 }]));
  const memo = new Map<string, Int32Array>();
  const contribution = (age: number, flags: number, level: number): Int32Array => {
    const k = `${age}|${flags}|${level}`;
    let c = memo.get(k);
    if (!c) {
      const counts = emptyCounts();
      addPerson(counts, age, flags, level);
      const rec = flatten(recordsOf(counts, settings, xmcUpperAge));
      c = Int32Array.from(fields, (f) => registerValue(rec, f, unit) ?? 0);
      memo.set(k, c);
    }
    return c;
  };
  for (const { file, keep } of countedPersons(filesOfYear(reg.files, reg.register.year))) {
    const p = file.persons;
    for (let i = 0; i < p.n; i++) {
      if (!keep[i]) continue;
      const c = contribution(p.age[i], p.flags[i], p.level[i]);
      for (let j = 0; j < fields.length; j++) {
        if (!c[j]) continue;
        const o = out.get(fields[j])!;
        o.total++;
        if (o.rows.length < MAX_ROWS) o.rows.push({ file: baseName(file.file), sheet: file.sheet, row: p.row[i] + 1 });
      }
    }
  }
  return out;
}
