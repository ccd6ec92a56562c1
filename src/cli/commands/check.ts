/**
 * `baocao-gd check FILE… [--json] [--lang en] [--year 2023-2024] [--settings FILE.json] [--previous OLDER.xlsx…]`:
 * recognise the standard sheets of each file, run every rule, print the findings; with earlier years'
 * workbooks, each file's figures are also set against the latest earlier year (report/yearOverYear.ts).
 * Exit 0 = no error finding, 1 = error findings, 2 = a file could not be read (the others are still checked).
 */
import { promises as fs } from 'node:fs';
import { yearFlag } from '../args';
import type { ParsedArgs } from '../args';
import type { Finding, Lang, Severity } from '../../core/findings';
import { countBySeverity, figureText, finding, findingToJson, SEVERITY_ORDER } from '../../core/findings';
import { msg, t } from '../../core/i18n';
import { type CliIO, unexpectedMessage } from '../io';
import { formatNumber } from '../../core/format/vn';
import type { Settings } from '../../core/settings';
import { checkSnapshot } from '../../core/rules';
import type { ParsedWorkbook } from '../../core/sheets/types';
import { loadWorkbookFile, UnreadableFileError } from '../xlsx';
import { readSettingsFile } from '../settings-file';
import { formsAgainstRun, registerOptions, runRegisters, splitAndRunRegisters, splitRegisters } from '../register';
import { communeLine, registerJson, registerNotes } from '../../core/register/pipeline';
import { expandInputs } from '../inputs';
import { communesOfForms, levelLines } from '../../core/pcgdForms';
import type { FormsRun } from '../../core/pcgdForms';
import { surveyYearOf } from '../../core/combine';
import { yearOverYearOf } from '../../core/report/build';

export interface FileResult {
  file: string;
  parsed?: ParsedWorkbook;
  findings: Finding[];
  unreadable?: UnreadableFileError;
}

/** Load and check one file; an unreadable file becomes an error finding, never an exception. */
export async function checkFile(file: string, opts: { settings?: Partial<Settings>; schoolYear?: string } = {}): Promise<FileResult> {
  try {
    const snapshot = await loadWorkbookFile(file);
    const { parsed, findings } = checkSnapshot(snapshot, { fileName: file, settings: opts.settings, schoolYear: opts.schoolYear });
    return { file, parsed, findings };
  } catch (e) {
    const err = e instanceof UnreadableFileError ? e : null;
    // Not the reader's own refusal (a bug): no library text, a plain "could not be read".
    const reason = err ? err.reason : msg('xlsx.corrupt_xlsx');
    const unreadable = finding('khong_doc_duoc_tep', 'file.cannot_read', { file, reason }, { file, cells: [], expected: null, actual: err?.code ?? null });
    return { file, findings: [unreadable], unreadable: err ?? new UnreadableFileError(file, 'corrupt_xlsx') };
  }
}

/** Human output: file → sheet → severity, each line naming the cell, with expected and actual. */
export function formatHuman(results: FileResult[], lang: Lang): string {
  const out: string[] = [];
  const L = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  for (const r of results) {
    out.push(`${L('Tệp', 'File')}: ${r.file}`);
    if (r.parsed) {
      const sheets = [
        ...(r.parsed.systemSheets ?? []).map((s) => `${s.sheetName} → ${s.template} (${formatNumber(s.rows)} ${L('dòng', 'rows')})`),
        ...r.parsed.sheets.map((s) => `${s.sheetName} → ${s.template} (${formatNumber(s.records.length)} ${L('dòng', 'rows')})`),
      ];
      out.push(`  ${L('Biểu mẫu nhận ra', 'Recognised sheets')}: ${sheets.length ? sheets.join('; ') : L('không có', 'none')}`);
      if (r.parsed.unrecognised.length) out.push(`  ${L('Trang tính khác (bỏ qua)', 'Other sheets (ignored)')}: ${r.parsed.unrecognised.join(', ')}`);
    }
    if (!r.findings.length) {
      out.push(`  ${L('Không có phát hiện nào.', 'No findings.')}`);
      out.push('');
      continue;
    }
    const bySheet = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const k = f.sheet ?? '';
      if (!bySheet.has(k)) bySheet.set(k, []);
      bySheet.get(k)!.push(f);
    }
    for (const [sheet, fs] of bySheet) {
      out.push(`  ${sheet ? `${L('Trang', 'Sheet')} ${sheet}` : L('Cả tệp', 'Whole file')}:`);
      const sorted = [...fs].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      let current: Severity | null = null;
      for (const f of sorted) {
        if (f.severity !== current) {
          current = f.severity;
          out.push(`    ${t(`severity.${f.severity}`, lang)}:`);
        }
        const where = f.cells.length ? `${sheet ? `${sheet}!` : ''}${f.cells.slice(0, 4).join(', ')}${f.cells.length > 4 ? ', …' : ''}` : '';
        const exp = figureText(f, 'expected');
        const act = figureText(f, 'actual');
        const tail = f.rule === 'khong_doc_duoc_tep' ? '' : [exp !== null ? `${L('cần', 'expected')} ${exp}` : '', act !== null ? `${L('thấy', 'found')} ${act}` : ''].filter(Boolean).join('; ');
        out.push(`      - ${where ? `[${where}] ` : ''}${f.message[lang]}${tail ? ` (${tail})` : ''} [${f.rule}]`);
      }
    }
    out.push('');
  }
  const all = results.flatMap((r) => r.findings);
  const c = countBySeverity(all);
  out.push(
    L(
      `Tổng cộng ${formatNumber(results.length)} tệp: ${formatNumber(c.error)} lỗi, ${formatNumber(c.warning)} cảnh báo, ${formatNumber(c.info)} thông tin.`,
      `Total ${formatNumber(results.length)} file(s): ${formatNumber(c.error)} error(s), ${formatNumber(c.warning)} warning(s), ${formatNumber(c.info)} info.`,
    ),
  );
  return out.join('\n');
}

/** JSON per spec/CLI.md. */
export function formatJson(results: FileResult[], lang: Lang): string {
  return JSON.stringify(
    {
      files: results.map((r) => ({
        file: r.file,
        sheets: [
          ...(r.parsed?.systemSheets ?? []).map((s) => ({ name: s.sheetName, template: s.template, rows: s.rows, confidence: s.confidence })),
          ...(r.parsed?.sheets ?? []).map((s) => ({ name: s.sheetName, template: s.template, rows: s.records.length })),
        ],
      })),
      findings: results.flatMap((r) => r.findings.map((f) => findingToJson(f, lang))),
    },
    null,
    2,
  );
}

/** Can the file be read as a workbook at all? */
export async function readableWorkbook(file: string): Promise<boolean> {
  try {
    await loadWorkbookFile(file);
    return true;
  } catch {
    return false;
  }
}

/** The forms of all files as communes; their findings go to the file they name. */
export function formsAcross(results: FileResult[], settings: Partial<Settings>): FormsRun | null {
  const forms = results.flatMap((r) => r.parsed?.forms ?? []);
  if (!forms.length) return null;
  const run = communesOfForms(forms, { settings, year: surveyYearOf(settings.schoolYear) });
  for (const f of run.findings) {
    const target = results.find((r) => r.file === f.file);
    if (target) target.findings.push(f);
    else (results[results.length - 1]?.findings ?? []).push(f);
  }
  return run;
}

export function formsLines(run: FormsRun, lang: Lang): string[] {
  const out = ['', lang === 'vi' ? `Biểu PCGD–XMC: ${formatNumber(run.readings.length)} biểu, ${formatNumber(run.communes.length)} xã, phường, năm điều tra ${run.year ?? '–'}` : `PCGD–XMC forms: ${formatNumber(run.readings.length)} forms, ${formatNumber(run.communes.length)} communes, survey year ${run.year ?? '–'}`];
  for (const l of levelLines(run)) out.push(`  ${l[lang]}`);
  for (const [p, u] of Object.entries(run.unit.levels)) out.push(`  ${t('pcgd.unit_line', lang, { programme: p, level: u!.label[lang] })}`);
  return out;
}

export function formsJson(run: FormsRun, lang: Lang) {
  return {
    year: run.year,
    communes: run.communes.map((c) => ({
      ten_xa: c.name,
      dbkk: c.dbkk,
      forms: c.forms.map((f) => ({ template: f.code, file: f.file })),
      programmes: Object.fromEntries(Object.entries(c.programmes).map(([p, cp]) => [p, {
        level: cp!.level, basis: cp!.basis, unverified: cp!.unverified,
        rates: Object.fromEntries(Object.entries(cp!.rates).map(([id, r]) => [id, r.value])),
        inputs: cp!.counts,
      }])),
    })),
    overall: Object.fromEntries(Object.entries(run.unit.levels).map(([p, u]) => [p, { level: u!.level, label: u!.label[lang] }])),
  };
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.unreadable)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const lang: Lang = args.flags.lang === 'en' ? 'en' : 'vi';
  try {
    const files = args.positionals;
    if (!files.length) {
      io.err(lang === 'vi' ? 'Cách dùng: baocao-gd check TỆP.xlsx… [--previous TỆP_NĂM_TRƯỚC.xlsx…] [--json] [--lang en]' : 'Usage: baocao-gd check FILE.xlsx… [--previous OLDER.xlsx…] [--json] [--lang en]');
      return 2;
    }
    const settings = await readSettingsFile(typeof args.flags.settings === 'string' ? args.flags.settings : undefined, lang);
    if (typeof settings === 'string') {
      io.err(settings);
      return 2;
    }
    const y = yearFlag(args, lang);
    if ('error' in y) {
      io.err(y.error);
      return 2;
    }
    const schoolYear = y.year ?? settings.schoolYear;
    const results: FileResult[] = [];
    // Folders stand for their files; a file is a household register or not by its content.
    const inputs = await expandInputs(files);
    // Links and folders not followed are named, so a file behind them is not silently left out.
    for (const x of inputs.skipped) io.err(x.reason[lang]);
    // With the register options known first, the registers are read while the files are told apart
    // (one pass, both cores); when those options are wrong, the message comes only if a register needs them.
    const early = await registerOptions(args, lang);
    const { registers, others, run: read } =
      typeof early === 'string' ? { ...(await splitRegisters(inputs.paths, readableWorkbook)), run: null } : await splitAndRunRegisters(inputs.paths, readableWorkbook, early);
    for (const file of others) results.push(await checkFile(file, { settings, schoolYear }));
    // Earlier years: every file's schools and communes against the latest earlier year's (warnings).
    const previous = args.multi.previous ?? [];
    if (previous.length) {
      const older: ParsedWorkbook[] = [];
      for (const p of (await expandInputs(previous)).paths) {
        const r = await checkFile(p, { settings });
        if (r.parsed?.sheets.length) older.push(r.parsed);
        else if (r.unreadable) results.push({ file: p, findings: r.findings.filter((f) => f.rule === 'khong_doc_duoc_tep'), unreadable: r.unreadable });
      }
      for (const r of results) if (r.parsed?.sheets.length && older.length) r.findings.push(...yearOverYearOf(r.parsed, older, { ...settings, ...(schoolYear ? { schoolYear } : {}) }, lang));
    }
    // PCGD forms of all the files: every commune's figures and levels, and the higher unit's.
    const forms = formsAcross(results, { ...settings, ...(schoolYear ? { schoolYear } : {}) });
    let lines: string[] = [];
    let communes: unknown[] = [];
    if (registers.length) {
      const opts = early;
      if (typeof opts === 'string') {
        io.err(opts);
        return 2;
      }
      const reg = read ?? (await runRegisters(registers, { ...opts, keepPersons: !!forms }));
      // Findings name the row and the person: they stay on the user's own screen.
      for (const f of reg.files) {
        const own = reg.findings.filter((x) => x.file === f.file);
        results.push({ file: f.file, findings: own, ...((f as { unreadable?: boolean }).unreadable ? { unreadable: new UnreadableFileError(f.file, 'corrupt_xlsx', { detail: '' }) } : {}) });
      }
      // Forms and registers of the same communes: every form count against the register's.
      if (forms) {
        for (const f of formsAgainstRun(forms.readings, reg, opts.settings)) (results.find((r) => r.file === f.file) ?? results[0]).findings.push(f);
      }
      const loose = reg.findings.filter((x) => !x.file);
      if (loose.length) results.push({ file: registers.join(', '), findings: loose });
      lines = [...reg.communes.map((c) => communeLine(c, lang)), ...registerNotes(reg.communes, settings, lang).slice(1 + reg.communes.length)];
      communes = registerJson(reg.communes, settings, lang).communes;
    }
    if (args.flags.json) {
      const json = JSON.parse(formatJson(results, lang));
      if (registers.length) json.registers = communes;
      if (forms) json.pcgd = formsJson(forms, lang);
      io.out(JSON.stringify(json, null, 2));
    } else io.out([formatHuman(results, lang), ...lines, ...(forms ? formsLines(forms, lang) : [])].join('\n'));
    return exitCode(results);
  } catch (e) {
    // Never a stack trace: one line saying what went wrong.
    io.err(unexpectedMessage(e, lang));
    return 2;
  }
}
