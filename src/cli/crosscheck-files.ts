/**
 * The cross-check on files: expand folders, then stream the submissions one by one through the
 * engine (load → read → check → compare → drop the snapshot), so thousands of files run in bounded
 * memory. Used by `baocao-gd crosscheck` and `baocao-gd demo`.
 */
import * as path from 'path';
import { CompletenessGroup, createCrossCheck, CrossCheckOptions, CrossCheckResult, SubmissionSummary } from '../core/crosscheck';
import { Bilingual, Finding, findingToJson, Lang } from '../core/findings';
import { formatNumber } from '../core/format/vn';
import { msg, t } from '../core/i18n';
import type { SheetPlan } from '../core/types';
import type { TextCuts } from '../xlsx/write';
import { plansXlsxBytes } from './xlsx-stream';
import { cutsNote } from './report-files';
import { tightenHeapGrowth } from './heap';
import { expandInputs, type InputFile } from './inputs';
import { ensureFolder, writeOutput } from './output-paths';
import { loadWorkbookFile, UnreadableFileError } from './xlsx';

export type SubmissionFile = InputFile;

export interface ExpandedPaths {
  files: SubmissionFile[];
  /** Arguments that are neither a file nor a folder. */
  missing: string[];
  /** Folders given that hold no workbook (sub-folders included). */
  empty: string[];
  /** Entries inside the folders that were not followed (a broken link, a link loop, an unreadable folder), with why. */
  skipped: { path: string; reason: Bilingual }[];
}

/** The submissions: the one walk of `check` and `report` (./inputs.ts), the master excluded. */
export async function expandSubmissionPaths(args: string[], exclude: string[] = []): Promise<ExpandedPaths> {
  const { files, missing, empty, skipped } = await expandInputs(args, exclude);
  return { files, missing, empty, skipped };
}

export interface CrossCheckFilesOptions extends Omit<CrossCheckOptions, 'read'> {
  /** Called after each submission, for progress output. */
  onProgress?: (done: number, total: number, summary: SubmissionSummary, findings: Finding[]) => void;
}

export interface CrossCheckRun {
  result: CrossCheckResult;
  /** The submissions in the order they were checked (after folder expansion). */
  files: SubmissionFile[];
  /** Arguments that did not exist (also reported as unreadable findings). */
  missing: string[];
  /** Folders given that hold no workbook (also reported as unreadable findings: never a silent nothing). */
  empty: string[];
  /** Links and folders inside the folders that were not followed, with why. */
  skipped: ExpandedPaths['skipped'];
}

export class MasterUnreadableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Bilingual,
  ) {
    super(msg('crosscheck.master_unreadable', { file, reason: reason.vi }).vi);
  }
}

function reasonOf(e: unknown): Bilingual {
  if (e instanceof UnreadableFileError) return e.reason;
  const text = e instanceof Error ? e.message : String(e);
  return { vi: text, en: text };
}

/** Cross-checks submission files (or folders) against a master file. Throws MasterUnreadableError. */
export async function crossCheckFiles(masterPath: string, submissionArgs: string[], opts: CrossCheckFilesOptions = {}): Promise<CrossCheckRun> {
  // Thousands of files: collect their dead rows while they are few (./heap.ts has the measurements).
  tightenHeapGrowth();
  let masterSnapshot;
  try {
    masterSnapshot = await loadWorkbookFile(masterPath);
  } catch (e) {
    throw new MasterUnreadableError(path.basename(masterPath), reasonOf(e));
  }
  const session = createCrossCheck({ ...masterSnapshot, fileName: path.basename(masterPath) }, opts);
  masterSnapshot = undefined;

  const { files, missing, empty, skipped } = await expandSubmissionPaths(submissionArgs, [masterPath]);
  const total = files.length + missing.length + empty.length;
  let done = 0;
  const report = (r: ReturnType<typeof session.addSubmission>) => opts.onProgress?.(++done, total, r.summary, r.findings);
  for (const p of missing) {
    report(session.addSubmission({ file: p, reason: msg('crosscheck.path_missing') }));
  }
  // A folder of one district that holds nothing (not copied yet, the wrong folder): said, with the others' results.
  for (const p of empty) {
    report(session.addSubmission({ file: p, reason: msg('crosscheck.folder_empty') }));
  }
  for (const file of files) {
    let added;
    try {
      // The snapshot lives only inside this call: the engine keeps compact rows, never the workbook.
      const snapshot = await loadWorkbookFile(file.path);
      added = session.addSubmission({ ...snapshot, fileName: file.name });
    } catch (e) {
      added = session.addSubmission({ file: file.name, reason: reasonOf(e) });
    }
    report(added);
  }
  return { result: session.finish(), files, missing, empty, skipped };
}

/* ---------------------------------------------------------------- output */

/** Pads to a width counted in characters as shown (NFC), for console tables. */
function pad(text: string, width: number): string {
  const len = [...text.normalize('NFC')].length;
  return text + ' '.repeat(Math.max(0, width - len));
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c.normalize('NFC')].length)));
  return rows.map((r) => '  ' + r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd());
}

function completenessTable(groups: CompletenessGroup[], unknown: string, lang: Lang, totals: { submitted: number; expected: number }): string[] {
  const rows = [[t('crosscheck.col_unit', lang), t('crosscheck.col_submitted', lang), t('crosscheck.col_missing', lang)]];
  for (const g of groups) {
    const names = g.missing.map((m) => `${m.code} ${m.name}`.trim());
    const shown = names.length > 6 ? [...names.slice(0, 6), `… (+${formatNumber(names.length - 6)})`] : names;
    rows.push([g.name || unknown, `${formatNumber(g.submitted)}/${formatNumber(g.expected)}`, shown.join('; ')]);
  }
  rows.push([t('crosscheck.total', lang), `${formatNumber(totals.submitted)}/${formatNumber(totals.expected)}`, '']);
  return table(rows);
}

function findingLine(f: Finding, lang: Lang): string {
  const where = [f.file && !f.message[lang].includes(f.file) ? f.file : '', f.sheet && f.cells.length && !f.message[lang].includes(`!${f.cells[0]}`) ? `${f.sheet}!${f.cells.slice(0, 3).join(',')}` : '']
    .filter(Boolean)
    .join(' ');
  return `  [${t(`severity.${f.severity}`, lang)}] ${where ? where + ': ' : ''}${f.message[lang]}`;
}

/** Human output: summary line, completeness by commune and by cấp học, findings grouped by school. */
export function formatCrossCheckText(run: CrossCheckRun, lang: Lang): string {
  const { result } = run;
  const { completeness: c } = result;
  const count = (status: SubmissionSummary['status']) => result.submissions.filter((s) => s.status === status).length;
  const lines: string[] = [
    t('crosscheck.summary', lang, {
      files: formatNumber(result.submissions.length),
      master: result.master.file,
      year: result.master.schoolYear ?? t('crosscheck.year_unknown', lang),
      submitted: formatNumber(c.submitted),
      expected: formatNumber(c.expected),
      accepted: formatNumber(count('accepted')),
      blocked: formatNumber(count('blocked')),
      unreadable: formatNumber(count('unreadable')),
    }),
    '',
    `${t('crosscheck.completeness_title', lang)} – ${t('crosscheck.by_commune', lang)}`,
    ...completenessTable(c.byCommune, t('crosscheck.unknown_commune', lang), lang, c),
    '',
    `${t('crosscheck.completeness_title', lang)} – ${t('crosscheck.by_level', lang)}`,
    ...completenessTable(c.byLevel, t('crosscheck.unknown_level', lang), lang, c),
    '',
    // Links and folders not followed: named, so a school behind them is not silently "not submitted".
    ...(run.skipped?.length ? [...run.skipped.map((x) => `  ${x.reason[lang]}`), ''] : []),
    t('crosscheck.findings_title', lang),
  ];
  // chua_nop is already in the completeness tables; the list below is about what was submitted.
  const shown = result.findings.filter((f) => f.rule !== 'chua_nop');
  if (shown.length === 0) lines.push('  ' + t('crosscheck.no_findings', lang));
  const names = new Map(c.schools.map((s) => [s.code, s.name]));
  let current: string | undefined | null = null;
  for (const f of shown) {
    if (f.school !== current) {
      current = f.school;
      lines.push(current === undefined ? t('crosscheck.no_school', lang) : `${current} ${names.get(current) ?? ''}`.trim());
    }
    lines.push(findingLine(f, lang));
  }
  return lines.join('\n');
}

/** JSON output (spec/CLI.md): files with their sheets, findings with "school", plus completeness. */
export function crossCheckJson(run: CrossCheckRun, lang: Lang) {
  const { result } = run;
  return {
    master: result.master,
    files: result.submissions.map((s) => ({ file: s.file, status: s.status, schools: s.schools, schoolYear: s.schoolYear ?? null, sheets: s.sheets, blocking: s.blocking })),
    findings: result.findings.map((f) => ({ ...findingToJson(f, lang), ...(f.detail ? { detail: f.detail } : {}) })),
    completeness: result.completeness,
    skipped: (run.skipped ?? []).map((x) => ({ path: x.path, reason: x.reason[lang] })),
  };
}

/** Exit code as `check`: 2 when a file could not be read, 1 when there are error findings, else 0. */
export function crossCheckExitCode(result: CrossCheckResult): number {
  if (result.submissions.some((s) => s.status === 'unreadable')) return 2;
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/* ---------------------------------------------------------------- --out */

/**
 * Writes the "Tổng hợp" sheet as a new workbook, with the one plan writer (src/xlsx/write), streamed
 * row by row (a province's summary has tens of thousands of rows); returns what it had to say.
 */
export async function writeSummaryXlsx(plan: SheetPlan, outPath: string): Promise<Bilingual[]> {
  const cuts: TextCuts = { n: 0 };
  const bytes = await plansXlsxBytes([plan], cuts);
  await ensureFolder(path.dirname(path.resolve(outPath)));
  await writeOutput(outPath, bytes);
  const note = cutsNote(outPath, cuts);
  return note ? [note] : [];
}
