/**
 * Cross-check of school submissions against the office's master (spec/SHEETS.md §9).
 * Submissions arrive one at a time (addSubmission) so a host can stream thousands of files and
 * report progress; each is read, validated and compared at once, and only the compact rows needed
 * for duplicates and the consolidation are kept.
 */
import type { Bilingual, Finding } from '../findings';
import { finding } from '../findings';
import { formatNumber } from '../format/vn';
import { msg } from '../i18n';
import { validateWorkbook } from '../rules/engine';
import { readWorkbook } from '../sheets/read';
import type { ParsedSheet, ParsedWorkbook, SheetRecord, TemplateId } from '../sheets/types';
import type { WorkbookSnapshot } from '../types';
import { buildUnitMap, mapCode, mergeUnitMaps, normaliseCode, UnitMap } from '../units';
import { buildCompleteness } from './completeness';
import { buildSummarySheet, ConsolidatedRow } from './consolidate';
import { indexMaster, masterCell, MasterIndex, MasterRow, rowKey, schoolOf, schoolSheets, showKey } from './master';
import { fieldLabel, NOT_COMPARED } from './template-info';
import type {
  CrossCheckOptions,
  CrossCheckResult,
  SubmissionInput,
  SubmissionStatus,
  SubmissionSummary,
  UnreadableSubmission,
} from './types';
import { isNameField, Scalar, sameValue, showValue } from './values';

/** One kept row of a submission: values only (addresses derive from the sheet's columns). */
interface StoredRow {
  template: TemplateId;
  keyFields: string[];
  sheetName: string;
  columns: Record<string, string>;
  row: number;
  school: string;
  key: string;
  values: Record<string, Scalar>;
}

interface StoredSubmission {
  summary: SubmissionSummary;
  rows: StoredRow[];
  findings: Finding[];
}

function isUnreadable(input: SubmissionInput): input is UnreadableSubmission {
  return 'reason' in input && !('sheets' in input);
}

function isParsed(input: SubmissionInput): input is ParsedWorkbook {
  return 'sheets' in input && 'unrecognised' in input && 'file' in input;
}

function fileOf(input: SubmissionInput): string {
  return 'fileName' in input ? input.fileName : input.file;
}

export class CrossCheckSession {
  private readonly master: MasterIndex;
  private readonly units: UnitMap;
  private readonly expectedYear?: string;
  private readonly subs: StoredSubmission[] = [];
  /** School → index of its first submission for the right year. */
  private readonly firstBySchool = new Map<string, number>();
  /** Schools whose copies differ: none of them is consolidated. */
  private readonly conflicts = new Set<string>();
  private readonly wrongYearSchools = new Set<string>();

  constructor(
    masterInput: ParsedWorkbook | WorkbookSnapshot,
    private readonly opts: CrossCheckOptions = {},
  ) {
    const masterParsed = 'fileName' in masterInput ? (opts.read ?? readWorkbook)(masterInput) : masterInput;
    const own = buildUnitMap(masterParsed);
    this.units = opts.unitMap ? mergeUnitMaps(own, opts.unitMap) : own;
    this.master = indexMaster(masterParsed, this.units, opts.asOf);
    this.expectedYear = opts.schoolYear ?? this.master.schoolYear;
  }

  get schoolYear(): string | undefined {
    return this.expectedYear;
  }

  get expectedSchools(): number {
    return this.master.schools.size;
  }

  /** Read, validate and compare one submission; returns its (provisional) summary and findings. */
  addSubmission(input: SubmissionInput): { summary: SubmissionSummary; findings: Finding[] } {
    const index = this.subs.length;
    const file = fileOf(input);
    if (isUnreadable(input)) return this.store(this.unreadable(index, file, input.reason));
    let parsed: ParsedWorkbook;
    if (isParsed(input)) parsed = input;
    else {
      try {
        parsed = (this.opts.read ?? readWorkbook)(input as WorkbookSnapshot);
      } catch (e) {
        return this.store(this.unreadable(index, file, msg('crosscheck.reader_failed', { error: e instanceof Error ? e.message : String(e) })));
      }
    }
    return this.store(this.process(index, parsed));
  }

  private store(sub: StoredSubmission) {
    sub.summary.findings = sub.findings.length;
    this.subs.push(sub);
    return { summary: sub.summary, findings: sub.findings };
  }

  private unreadable(index: number, file: string, reason: Bilingual): StoredSubmission {
    return {
      summary: summaryOf(index, file, 'unreadable', []),
      rows: [],
      findings: [finding('khong_doc_duoc_tep', 'file.cannot_read', { file, reason }, { file, cells: [] })],
    };
  }

  private process(index: number, parsed: ParsedWorkbook): StoredSubmission {
    const file = parsed.file;
    const summary = summaryOf(index, file, 'accepted', parsed.sheets.map((s) => ({ name: s.sheetName, template: s.template, rows: s.records.length })));
    summary.unrecognised = parsed.unrecognised;
    const sub: StoredSubmission = { summary, rows: [], findings: [] };
    const out = sub.findings;

    if (parsed.sheets.length === 0) {
      summary.status = 'no_template';
      const sheets = parsed.unrecognised.join(', ') || '—';
      out.push(finding('khong_co_bieu_mau', 'crosscheck.khong_co_bieu_mau', { file, sheets }, { file, cells: [] }));
      return sub;
    }

    const perSchool = schoolSheets(parsed);
    const mergedNoted = new Set<string>();
    const firstCell = new Map<string, { sheet: string; cell: string }>();
    const yearOk: boolean[] = [];
    const wrongYear = new Map<string, string[]>();
    const toCompare: { sheet: ParsedSheet; record: SheetRecord; row: StoredRow }[] = [];
    for (const { sheet, key } of perSchool) {
      const year = sheet.metadata.schoolYear;
      summary.schoolYear ??= year;
      const ok = !this.expectedYear || !year || year === this.expectedYear;
      yearOk.push(ok);
      if (!ok) wrongYear.set(year!, [...(wrongYear.get(year!) ?? []), sheet.sheetName]);
      for (const record of sheet.records) {
        const school = schoolOf(record, this.units, this.opts.asOf);
        if (!school) continue;
        if (!firstCell.has(school.code)) firstCell.set(school.code, { sheet: sheet.sheetName, cell: record.fields.ma_truong.address });
        if (school.mapped && !mergedNoted.has(school.original)) {
          mergedNoted.add(school.original);
          out.push(this.mergedFinding(file, sheet, record, school.original, school.code));
        }
        if (!ok) continue;
        const row = storeRow(sheet, key, record, school.code, rowKey(record, key, school.code));
        sub.rows.push(row);
        toCompare.push({ sheet, record, row });
      }
    }
    summary.schools = [...firstCell.keys()];
    // One finding per year found, naming its sheets (a school's file usually has several).
    for (const [year, sheets] of wrongYear) {
      const params = { file, sheet: sheets.join(', '), actual: year, expected: this.expectedYear! };
      out.push(finding('sai_nam_hoc', 'crosscheck.sai_nam_hoc', params, { file, sheet: sheets[0], cells: [], expected: this.expectedYear, actual: year }));
    }

    if (perSchool.length === 0 || summary.schools.length === 0) {
      summary.status = 'no_school';
      const templates = parsed.sheets.map((s) => s.template).join(', ');
      out.push(finding('khong_co_ma_truong', 'crosscheck.khong_co_ma_truong', { file, templates }, { file, cells: [] }));
      return this.withOwnFindings(sub, parsed);
    }
    if (!yearOk.some(Boolean)) {
      summary.status = 'wrong_year';
      for (const s of summary.schools) this.wrongYearSchools.add(s);
      return this.attachSchool(sub);
    }
    if (this.expectedYear && !summary.schoolYear) {
      out.push(finding('khong_ro_nam_hoc', 'crosscheck.khong_ro_nam_hoc', { file, expected: this.expectedYear }, { file, cells: [] }));
    }

    // An identical second copy only gets the duplicate finding: its other findings would repeat the first's.
    const identicalOf = this.checkDuplicates(sub);
    if (identicalOf !== undefined) {
      summary.status = 'duplicate';
      return this.attachSchool(sub);
    }

    for (const code of summary.schools) {
      if (this.master.schools.has(code)) continue;
      const at = firstCell.get(code)!;
      const params = { school: code, file, sheet: at.sheet, cell: at.cell };
      out.push(finding('truong_khong_co_trong_danh_sach', 'crosscheck.truong_khong_co_trong_danh_sach', params, { file, sheet: at.sheet, cells: [at.cell], school: code, actual: code }));
    }
    for (const item of toCompare) this.compareRow(sub, item.sheet, item.record, item.row);
    return this.withOwnFindings(sub, parsed);
  }

  /** Reader and rule findings of the submission itself, then status from the error findings. */
  private withOwnFindings(sub: StoredSubmission, parsed: ParsedWorkbook): StoredSubmission {
    const own = [...parsed.findings];
    const validate = this.opts.validate ?? ((p: ParsedWorkbook) => validateWorkbook(p));
    if (validate) {
      const seen = new Set(parsed.findings);
      try {
        for (const f of validate(parsed)) if (!seen.has(f)) own.push(f);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        own.push(finding('kiem_tra_that_bai', 'crosscheck.rules_failed', { file: parsed.file, error }, { file: parsed.file, cells: [] }));
      }
    }
    sub.findings = own.concat(sub.findings);
    return this.attachSchool(sub);
  }

  private attachSchool(sub: StoredSubmission): StoredSubmission {
    const only = sub.summary.schools.length === 1 ? sub.summary.schools[0] : undefined;
    if (only) sub.findings = sub.findings.map((f) => (f.school === undefined ? { ...f, school: only } : f));
    if (sub.summary.status === 'accepted' && sub.findings.some((f) => f.severity === 'error')) sub.summary.status = 'blocked';
    sub.summary.blocking = [...new Set(sub.findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
    return sub;
  }

  private mergedFinding(file: string, sheet: ParsedSheet, record: SheetRecord, old: string, now: string): Finding {
    const mapping = this.units.byOld.get(old)?.at(-1);
    const date = mapping?.effective ? msg('crosscheck.effective_from', { date: formatIsoDate(mapping.effective) }) : '';
    const place = { file, sheet: sheet.sheetName, cells: [record.fields.ma_truong.address], school: now, expected: now, actual: old };
    return finding('ma_da_sap_nhap', 'crosscheck.ma_da_sap_nhap', { old, new: now, file, date }, place);
  }

  /** Returns the first submission's index when this one is an identical copy of it for every school. */
  private checkDuplicates(sub: StoredSubmission): number | undefined {
    const file = sub.summary.file;
    let identicalOf: number | undefined;
    let allIdentical = true;
    for (const code of sub.summary.schools) {
      const first = this.firstBySchool.get(code);
      if (first === undefined) {
        this.firstBySchool.set(code, sub.summary.index);
        allIdentical = false;
        continue;
      }
      const earlier = this.subs[first];
      const diffs = differingFields(earlier.rows, sub.rows, code);
      const at = sub.rows.find((r) => r.school === code);
      const base = { file, sheet: at?.sheetName, cells: at ? [addressOf(at, 'ma_truong')] : [], school: code, detail: { firstFile: earlier.summary.file, differs: diffs.length > 0, differingFields: diffs.map((d) => d.field) } };
      if (diffs.length === 0) {
        identicalOf = first;
        sub.findings.push(finding('nop_trung', 'crosscheck.nop_trung_giong', { school: code, file, firstFile: earlier.summary.file }, base));
      } else {
        allIdentical = false;
        this.conflicts.add(code);
        const labels = diffs.map((d) => fieldLabel(d.template, d.field));
        const shown = labels.slice(0, 5).join(', ') + (labels.length > 5 ? ', …' : '');
        const params = { school: code, file, firstFile: earlier.summary.file, count: formatNumber(diffs.length), fields: shown };
        sub.findings.push(finding('nop_trung', 'crosscheck.nop_trung_khac', params, base));
      }
    }
    return allIdentical ? identicalOf : undefined;
  }

  private compareRow(sub: StoredSubmission, sheet: ParsedSheet, record: SheetRecord, row: StoredRow): void {
    const school = this.master.schools.get(row.school);
    const masterRows = this.master.rows.get(row.template);
    if (!school || !masterRows) return;
    const target = masterRows.get(row.key);
    if (target) {
      this.compareRecord(sub.findings, sub.summary.file, sheet, record, row, target, school.name);
      return;
    }
    const params = { school: row.school, key: showKey(record, row.keyFields), template: row.template, row: row.row };
    sub.findings.push(finding('doi_chieu_khong_co_dong', 'crosscheck.khong_co_dong', params, { file: sub.summary.file, sheet: row.sheetName, cells: [addressOf(row, 'ma_truong')], school: row.school }));
  }

  private compareRecord(out: Finding[], file: string, sheet: ParsedSheet, record: SheetRecord, row: StoredRow, target: MasterRow, schoolName: string): void {
    for (const field of Object.keys(sheet.columns)) {
      if (row.keyFields.includes(field) || NOT_COMPARED.has(field) || !(field in target.columns)) continue;
      const mine = record.fields[field];
      if (mine?.invalid || target.invalid?.includes(field)) continue; // the reader already reported the bad cell
      let actual: Scalar = mine?.value ?? null;
      let expected: Scalar = target.values[field] ?? null;
      if (field === 'ma_xa') {
        actual = this.mapUnit(actual);
        expected = this.mapUnit(expected);
      }
      const isName = isNameField(field);
      if (sameValue(expected, actual, isName)) continue;
      const cell = mine?.address ?? `${sheet.columns[field]}${record.row}`;
      const masterAt = masterCell(target, field);
      const params = {
        school: row.school,
        name: schoolName ? ` (${schoolName})` : '',
        field: fieldLabel(sheet.template, field, sheet),
        actual: showValue(actual),
        expected: showValue(expected),
        sheet: sheet.sheetName,
        cell,
        masterSheet: target.sheetName,
        masterCell: masterAt,
        masterFile: this.master.file,
      };
      const place = { file, sheet: sheet.sheetName, cells: [cell], expected, actual, school: row.school, field, detail: { masterFile: this.master.file, masterSheet: target.sheetName, masterCell: masterAt } };
      if (isName) out.push(finding('doi_chieu_lech_ten', 'crosscheck.lech_ten', params, place));
      else if (actual === null) out.push(finding('doi_chieu_thieu_so_lieu', 'crosscheck.thieu_so_lieu', params, place));
      else if (expected === null) out.push(finding('doi_chieu_thieu_so_lieu', 'crosscheck.thua_so_lieu', params, place));
      else out.push(finding('doi_chieu_lech_so_lieu', 'crosscheck.lech_so_lieu', params, place));
    }
  }

  private mapUnit(v: Scalar): Scalar {
    if (v === null || typeof v === 'boolean') return v;
    const code = normaliseCode(v);
    return code ? mapCode(this.units, code, this.opts.asOf) : v;
  }

  /** Final statuses, missing schools, completeness and the consolidation sheet. */
  finish(): CrossCheckResult {
    for (const sub of this.subs) {
      const s = sub.summary;
      if ((s.status === 'accepted' || s.status === 'blocked') && s.schools.some((c) => this.conflicts.has(c))) {
        s.status = 'blocked';
        if (!s.blocking.includes('nop_trung')) s.blocking.push('nop_trung');
      }
    }
    const submitted = new Map<string, string[]>();
    for (const { summary } of this.subs) {
      if (summary.status !== 'accepted' && summary.status !== 'blocked' && summary.status !== 'duplicate') continue;
      for (const c of summary.schools) submitted.set(c, [...(submitted.get(c) ?? []), summary.file]);
    }
    const completeness = buildCompleteness(this.master, submitted, this.wrongYearSchools);

    // A file that could not be used may still say whose it is: "79761210_Tieu_hoc_Quoi_Xuan.xlsx".
    const unusable = this.subs.filter((x) => ['unreadable', 'no_template', 'no_school'].includes(x.summary.status)).map((x) => x.summary.file);
    const missingFindings: Finding[] = completeness.missing.map((m) => {
      const s = this.master.schools.get(m.code)!;
      const token = new RegExp(`(^|\\D)${m.code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\D|$)`);
      const named = unusable.filter((f) => token.test(f.split('/').pop()!));
      const params = { school: m.code, name: m.name, commune: m.commune, files: named.join(', ') };
      const place = { file: this.master.file, sheet: s.sheet, cells: [s.cell], school: m.code, ...(named.length ? { detail: { unusableFiles: named } } : {}) };
      return finding('chua_nop', named.length ? 'crosscheck.chua_nop_tep_hong' : 'crosscheck.chua_nop', params, place);
    });

    const accepted: ConsolidatedRow[] = [];
    for (const sub of this.subs) {
      if (sub.summary.status !== 'accepted') continue;
      for (const r of sub.rows) {
        accepted.push({
          template: r.template,
          file: sub.summary.file,
          sheetName: r.sheetName,
          row: r.row,
          columns: r.columns,
          values: r.values,
          order: this.master.schools.get(r.school)?.order ?? Number.MAX_SAFE_INTEGER,
        });
      }
    }
    const blocked = this.subs
      .filter((s) => s.summary.status === 'blocked')
      .map((s) => ({ file: s.summary.file, schools: s.summary.schools, reasons: s.summary.blocking }));
    const summarySheet = buildSummarySheet({
      lang: this.opts.lang ?? 'vi',
      schoolYear: this.expectedYear,
      layout: this.master.layout,
      rows: accepted,
      blocked,
      missing: completeness.missing,
      expected: completeness.expected,
      acceptedSchools: new Set(this.subs.filter((s) => s.summary.status === 'accepted').flatMap((s) => s.summary.schools)).size,
    });

    return {
      master: { file: this.master.file, schoolYear: this.expectedYear, schools: this.master.schools.size, unitMappings: this.units.size },
      submissions: this.subs.map((s) => s.summary),
      findings: this.orderFindings([...this.subs.flatMap((s) => s.findings), ...missingFindings]),
      completeness,
      summarySheet,
    };
  }

  private orderFindings(findings: Finding[]): Finding[] {
    const rank = (f: Finding) => {
      if (f.school === undefined) return Number.MAX_SAFE_INTEGER;
      return this.master.schools.get(f.school)?.order ?? this.master.schools.size;
    };
    return findings
      .map((f, i) => ({ f, i, r: rank(f) }))
      .sort((a, b) => a.r - b.r || (a.r === this.master.schools.size ? (a.f.school ?? '').localeCompare(b.f.school ?? '') : 0) || a.i - b.i)
      .map((x) => x.f);
  }
}

function summaryOf(index: number, file: string, status: SubmissionStatus, sheets: SubmissionSummary['sheets']): SubmissionSummary {
  return { file, index, status, schools: [], sheets, unrecognised: [], blocking: [], findings: 0 };
}

function storeRow(sheet: ParsedSheet, keyFields: string[], record: SheetRecord, school: string, key: string): StoredRow {
  const values: Record<string, Scalar> = {};
  for (const [field, fv] of Object.entries(record.fields)) values[field] = fv.invalid ? null : fv.value;
  return { template: sheet.template, keyFields, sheetName: sheet.sheetName, columns: sheet.columns, row: record.row, school, key, values };
}

function addressOf(row: StoredRow, field: string): string {
  return `${row.columns[field] ?? ''}${row.row}`;
}

/** Fields where two submissions of the same school differ; a row only one copy has counts as its key. */
function differingFields(a: StoredRow[], b: StoredRow[], school: string): { template: TemplateId; field: string }[] {
  const index = (rows: StoredRow[]) => new Map(rows.filter((r) => r.school === school).map((r) => [`${r.template}\u0001${r.key}`, r]));
  const left = index(a);
  const right = index(b);
  const out: { template: TemplateId; field: string }[] = [];
  for (const [k, r] of right) {
    const l = left.get(k);
    if (!l) {
      out.push({ template: r.template, field: r.keyFields[r.keyFields.length - 1] });
      continue;
    }
    for (const field of new Set([...Object.keys(l.values), ...Object.keys(r.values)])) {
      if (!sameValue(l.values[field] ?? null, r.values[field] ?? null)) out.push({ template: r.template, field });
    }
  }
  for (const [k, l] of left) if (!right.has(k)) out.push({ template: l.template, field: l.keyFields[l.keyFields.length - 1] });
  return out;
}

function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function createCrossCheck(master: ParsedWorkbook | WorkbookSnapshot, opts: CrossCheckOptions = {}): CrossCheckSession {
  return new CrossCheckSession(master, opts);
}
