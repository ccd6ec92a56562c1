/**
 * `baocao-gd report FILE.xlsx [--previous OLDER.xlsx…] [--out DIR] [--json] [--lang en] [--settings FILE.json]`
 * Builds the report (spec/REPORT.md) and writes DIR/bao-cao-<năm học>.docx, .html and .xlsx.
 * Exit 0, or 2 when the file cannot be read or holds no standard sheet.
 */
import { YEAR_OVER_YEAR_RULES } from '../../core/report/yearOverYear';
import * as path from 'path';
import { countBySeverity, Finding, findingToJson, Lang } from '../../core/findings';
import { t } from '../../core/i18n';
import { buildReport } from '../../core/report/build';
import type { ReportModel } from '../../core/report/model';
import { checkSnapshot } from '../../core/rules';
import type { ParsedWorkbook } from '../../core/sheets/types';
import type { WorkbookSnapshot } from '../../core/types';
import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';
import { reportBaseName, ReportFiles, writeReportFiles } from '../report-files';
import { DocTemplate, loadDocTemplate } from '../doc-template';
import { inputIdentities, OutputError } from '../output-paths';
import { promises as fs } from 'fs';
import { loadWorkbookFile } from '../xlsx';
import { readSettingsFile } from '../settings-file';
import { expandInputs } from '../inputs';
import { combineInputs } from '../../core/combine';
import { addFormsNotes } from '../../core/pcgdForms';
import { withDefaults } from '../../core/settings';
import { registerReport } from '../../core/register/pipeline';
import { formsAgainstRun, registerOptions, runRegisters, splitAndRunRegisters, splitRegisters, type RegisterCliOptions, type RegisterRun } from '../register';
import { readableWorkbook } from './check';
import type { Settings } from '../../core/settings';

export interface LoadedWorkbook {
  file: string;
  snapshot: WorkbookSnapshot;
  parsed: ParsedWorkbook;
  findings: Finding[];
}

/** Load, read and check one file; null (with a message on stderr) when it cannot be read. */
export async function loadChecked(file: string, io: CliIO, lang: Lang, settings: Partial<Settings> = {}): Promise<LoadedWorkbook | null> {
  try {
    const snapshot = await loadWorkbookFile(file);
    const { parsed, findings } = checkSnapshot(snapshot, { fileName: path.basename(file), settings: withDefaults(settings), schoolYear: settings.schoolYear });
    return { file, snapshot, parsed, findings };
  } catch (e) {
    const reason = (e as { reason?: { vi: string; en: string } }).reason?.[lang] ?? t('xlsx.corrupt_xlsx', lang);
    io.err(t('file.cannot_read', lang, { file: path.basename(file), reason }));
    return null;
  }
}

export function reportJson(model: ReportModel, files: string[], run?: Pick<ReportRun, 'sources' | 'setAside'>) {
  return {
    files,
    ...(run ? { sources: run.sources, setAside: run.setAside } : {}),
    sections: model.sections.map((s) => ({
      id: s.id,
      title: s.title,
      tables: s.tables.length,
      paragraphs: s.paragraphs.map((p) => p.text),
      data: s.data,
    })),
    skipped: model.skippedSections.map((s) => ({ id: s.id, title: s.title, reason: s.reason })),
    omitted: model.omittedFamilies ?? [],
    findings: model.findings.map((f) => findingToJson(f, model.lang)),
  };
}

export interface ReportRun {
  model: ReportModel;
  files: ReportFiles;
  /** Which sheet each template was read from (a visible sheet wins over a hidden copy). */
  sources: { template: string; sheet: string; hidden: boolean }[];
  setAside: { sheet: string; template: string; usedSheet: string }[];
}

/**
 * The folder the report goes to without --out: a new folder "bao-cao-<năm học>" in the current
 * folder (never the input's own name, never beside it as a file), numbered when that name is taken
 * by a file.
 */
export async function defaultReportDir(model: ReportModel): Promise<string> {
  const base = reportBaseName(model);
  for (let k = 1; k < 1000; k++) {
    const dir = k === 1 ? base : `${base} (${k})`;
    const st = await fs.stat(dir).catch(() => null);
    if (!st || st.isDirectory()) return dir;
  }
  return base;
}

/** The whole job, shared with `demo`: load, check, build, write (never over an input). */
export async function runReport(
  file: string | string[],
  previous: string[],
  outDir: string | undefined,
  lang: Lang,
  io: CliIO,
  settings: Partial<Settings> = {},
  settingsFile?: string,
  /** The registers of (some of) the communes whose PCGD forms are among the files: forms are checked against them. */
  registers?: RegisterRun,
  /** An office's Word template whose frame replaces ours (--mau-van-ban). */
  template?: DocTemplate,
): Promise<{ code: number; run?: ReportRun }> {
  // Files and folders: a folder of PCGD forms, a CSDL report per cấp học, our own sheets.
  const expanded = await expandInputs(Array.isArray(file) ? file : [file]);
  // Links and folders not followed are named, so a file behind them is not silently left out.
  for (const x of expanded.skipped) io.err(x.reason[lang]);
  const paths = expanded.paths;
  const loaded: LoadedWorkbook[] = [];
  let unreadable = false;
  for (const p of paths) {
    const w = await loadChecked(p, io, lang, settings);
    if (w) loaded.push(w);
    else unreadable = true;
  }
  if (!loaded.length) return { code: 2 };
  const current = combineInputs(loaded, { settings, fileName: loaded.length === 1 ? path.basename(loaded[0].file) : undefined });
  if (!current.parsed.sheets.length) {
    io.err(t('report.cli.no_sheet', lang, { file: paths.map((p) => path.basename(p)).join(', ') }));
    return { code: 2 };
  }
  const older: ParsedWorkbook[] = [];
  for (const p of previous) {
    const w = await loadChecked(p, io, lang, settings);
    if (w && w.parsed.sheets.length) older.push(w.parsed);
  }
  if (registers && current.forms) current.findings.push(...formsAgainstRun(current.forms.readings, registers, settings));
  const model = buildReport({ current: current.parsed, previous: older, findings: current.findings, lang, settings });
  if (current.forms) addFormsNotes(model, current.forms);
  // Every file read (folders expanded), the previous years and the settings: no output may replace one.
  const inputs = await inputIdentities([...paths, ...previous, ...(settingsFile ? [settingsFile] : []), ...(template ? [template.file] : [])]);
  let files: ReportFiles;
  try {
    files = await writeReportFiles(model, { fileName: current.parsed.file, sheets: current.sheets }, outDir ?? (await defaultReportDir(model)), inputs, { template });
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.err(e.reason[lang]);
    return { code: 2 };
  }
  for (const n of files.notes ?? []) io.err(n[lang]);
  const sources = current.parsed.sheets.map((s) => ({ template: s.template, sheet: s.sheetName, hidden: !!s.hidden }));
  return { code: unreadable ? 2 : 0, run: { model, files, sources, setAside: current.parsed.setAside ?? [] } };
}

export function printReportSummary(run: ReportRun, io: CliIO, lang: Lang): void {
  const { model, files } = run;
  io.out(t('report.cli.written', lang));
  for (const f of [files.docx, files.html, files.xlsx]) io.out('  ' + f);
  io.out(
    t('report.cli.sections', lang, {
      n: model.sections.length,
      // Sections without data are left out of the document silently; here they are named, with why.
      skipped: model.skippedSections.length ? model.skippedSections.map((s) => `${s.title} (${s.reason.replace(/\.$/, '')})`).join('; ') : t('report.cli.none', lang),
    }),
  );
  const omitted = model.omittedFamilies ?? [];
  if (omitted.length) io.out(t('report.cli.omitted', lang, { list: omitted.map((o) => `${o.family} (${o.reason.replace(/\.$/, '')})`).join('; ') }));
  if (run.sources.length) io.out(t('report.cli.sources', lang, { list: run.sources.map((s) => `${s.template} ← "${s.sheet}"${s.hidden ? ' ' + t('report.cli.source_hidden', lang) : ''}`).join('; ') }));
  if (run.setAside.length) io.out(t('report.cli.set_aside', lang, { list: run.setAside.map((s) => `"${s.sheet}" (${s.template})`).join('; ') }));
  const c = countBySeverity(model.findings);
  io.out(t('report.cli.findings', lang, { errors: c.error, warnings: c.warning }));
  // The year-over-year warnings are few and concrete: listed here too, one a line.
  const yoy = model.findings.filter((x) => YEAR_OVER_YEAR_RULES.has(x.rule));
  if (yoy.length) {
    io.out(t('report.cli.year_over_year', lang, { n: yoy.length }));
    for (const x of yoy) io.out(`  - ${x.message[lang]} [${x.rule}]`);
  }
  const f = model.frame;
  if (f) {
    const blank = Object.entries(f.filled).filter(([, how]) => how === 'blank').map(([k]) => t(`report.cli.frame.${k}`, lang));
    if (blank.length) io.out(t('report.cli.frame_blank', lang, { list: blank.join(', ') }));
  }
}

/** `report FOLDER|REGISTER…`: the report of the communes read from household registers. */
export async function runRegisterReport(paths: string[], outDir: string | undefined, lang: Lang, io: CliIO, opts: RegisterCliOptions & { unit?: string; template?: DocTemplate }, read?: RegisterRun | null): Promise<{ code: number; run?: ReportRun }> {
  const reg = read ?? (await runRegisters(paths, opts));
  for (const f of reg.unreadable) io.err(reg.findings.find((x) => x.file === f && x.rule === 'khong_doc_duoc_tep')?.message[lang] ?? f);
  if (!reg.communes.length) {
    io.err(t('register.cli.no_register', lang, { paths: paths.join(', ') }));
    return { code: 2 };
  }
  const { model, workbook } = registerReport(reg.communes, { settings: opts.settings, lang, unit: opts.unit, fileFindings: reg.findings });
  // Every register file read (folders expanded) is an input no output may replace.
  const { files: registerFiles } = await expandInputs(paths);
  const inputs = await inputIdentities([...paths, ...registerFiles.map((f) => f.path), ...(opts.template ? [opts.template.file] : [])]);
  let files: ReportFiles;
  try {
    files = await writeReportFiles(model, workbook.snapshot, outDir ?? (await defaultReportDir(model)), inputs, { template: opts.template });
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.err(e.reason[lang]);
    return { code: 2 };
  }
  for (const n of files.notes ?? []) io.err(n[lang]);
  return { code: reg.unreadable.length ? 2 : 0, run: { model, files, sources: [], setAside: [] } };
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const lang: Lang = args.flags.lang === 'en' ? 'en' : 'vi';
  const file = args.positionals;
  if (!file.length) {
    io.err(t('report.cli.usage', lang));
    return 2;
  }
  // Folders stand for their files; a household register is told by its content.
  const inputs = await expandInputs(file);
  for (const x of inputs.skipped) io.err(x.reason[lang]);
  const paths = inputs.paths;
  // An office's own Word template: checked before anything is read or written.
  let template: DocTemplate | undefined;
  if (typeof args.flags['mau-van-ban'] === 'string') {
    const tpl = await loadDocTemplate(args.flags['mau-van-ban'], lang);
    if (typeof tpl === 'string') {
      io.err(tpl);
      return 2;
    }
    template = tpl;
    io.err(t('report.cli.template_used', lang, { file: path.basename(tpl.file), missing: tpl.missing.length ? tpl.missing.map((k) => `{{${k}}}`).join(', ') : t('report.cli.none', lang) }));
  }
  // With the register options known first, the registers are read while the files are told apart
  // (one pass, both cores); when those options are wrong, the files are told apart alone and the
  // message comes only if a register needs them.
  const early = await registerOptions(args, lang);
  const { registers: registerPaths, others, run: read } = typeof early === 'string' ? { ...(await splitRegisters(paths, readableWorkbook)), run: null } : await splitAndRunRegisters(paths, readableWorkbook, early);
  if (registerPaths.length && !others.length) {
    const opts = early;
    if (typeof opts === 'string') {
      io.err(opts);
      return 2;
    }
    const outDir = typeof args.flags.out === 'string' ? args.flags.out : undefined;
    const { code, run: result } = await runRegisterReport(registerPaths, outDir, lang, io, { ...opts, unit: typeof args.flags.unit === 'string' ? args.flags.unit : undefined, template }, read);
    if (!result) return code;
    if (args.flags.json) io.out(JSON.stringify(reportJson(result.model, [result.files.docx, result.files.html, result.files.xlsx]), null, 2));
    else printReportSummary(result, io, lang);
    return code;
  }
  const outDir = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  const previous = args.multi.previous ?? [];
  const settings = await readSettingsFile(typeof args.flags.settings === 'string' ? args.flags.settings : undefined, lang);
  if (typeof settings === 'string') {
    io.err(settings);
    return 2;
  }
  // Registers beside PCGD forms: the report is the forms'; each form is checked against its commune's register.
  let registers: RegisterRun | undefined;
  if (registerPaths.length) {
    const opts = early;
    if (typeof opts === 'string') {
      io.err(opts);
      return 2;
    }
    registers = read ?? (await runRegisters(registerPaths, { ...opts, keepPersons: true }));
  }
  const settingsFile = typeof args.flags.settings === 'string' ? args.flags.settings : undefined;
  const { code, run: result } = await runReport(others, previous, outDir, lang, io, settings, settingsFile, registers, template);
  if (!result) return code;
  if (args.flags.json) {
    const files = [result.files.docx, result.files.html, result.files.xlsx];
    io.out(JSON.stringify(reportJson(result.model, files, result), null, 2));
  } else printReportSummary(result, io, lang);
  return code;
}
