/**
 * `baocao-gd forms FOLDER|FILE… --out DIR [--xa NAME] [--year 2025] [--dbkk "Xã A,Xã B"]
 *  [--truong CODES.txt] [--unit NAME] [--province NAME] [--settings FILE.json] [--json]`
 * Reads household registers (MauNhapLieu per thôn, DATA per commune; .xlsx and .xls), writes per
 * commune the PCGD system's forms (DIR/<xã>/…xlsx) and DIR/Tong-hop.xlsx (every commune's levels,
 * the unit's level, the PC_* summary sheets, the settings in force). Counts only.
 * Exit 0; 1 when there are error findings; 2 when a file cannot be read or nothing is a register.
 */
import * as path from 'node:path';
import { countBySeverity, Lang } from '../../core/findings';
import { t } from '../../core/i18n';
import { communeForms, levelText, tongHopPlan } from '../../core/register/forms';
import { dbkkText, levelsOf, registerNotes, registerReport } from '../../core/register/pipeline';
import { summaryPlans } from '../../core/register/summary';
import type { ReportSheetPlan } from '../../core/report/sheetPlan';
import type { Settings } from '../../core/settings';
import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';
import { plansWorkbook } from '../../xlsx/write';
import type { Bilingual } from '../../core/findings';
import { clashNote, ensureFolder, inputIdentities, InputIdentity, OutputError, SafeOutput, safeOutputPath, writeOutput } from '../output-paths';
import { RegisterCliOptions, registerOptions, RegisterRun, readRegisterFile, runRegisters, splitRegisters } from '../register';
import { expandInputs } from '../inputs';
import { readableWorkbook } from './check';

/**
 * Writes one workbook of plans through the shared output rules (src/cli/output-paths): never over an
 * input (same path, symlink or hard link: the next free name is taken and said), write failures as a
 * bilingual OutputError naming the path.
 */
export async function writePlans(file: string, plans: ReportSheetPlan[], inputs: InputIdentity[] = []): Promise<SafeOutput> {
  const safe = await safeOutputPath(file, inputs);
  await ensureFolder(path.dirname(path.resolve(safe.path)));
  await writeOutput(safe.path, new Uint8Array(await plansWorkbook(plans).xlsx.writeBuffer()));
  return safe;
}

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|]/g, '-').trim() || 'xa';
}

export interface FormsResult {
  run: RegisterRun;
  written: string[];
  levels: ReturnType<typeof levelsOf>;
  /** An output that would have replaced an input, written under another name. */
  notes: Bilingual[];
}

/** The whole job, shared with `demo`. */
export async function writeRegisterForms(paths: string[], outDir: string, opts: RegisterCliOptions & { lang: Lang; unit?: string; province?: string }): Promise<FormsResult> {
  const run = await runRegisters(paths, { ...opts, settings: opts.settings });
  await ensureFolder(outDir);
  const { model } = registerReport(run.communes, { settings: opts.settings, lang: opts.lang, unit: opts.unit });
  const levels = levelsOf(model);
  const inputs = await inputIdentities(run.files.map((f) => f.file));
  const written: string[] = [];
  const notes: Bilingual[] = [];
  const write = async (file: string, plans: ReportSheetPlan[]) => {
    const safe = await writePlans(file, plans, inputs);
    const note = clashNote(safe);
    if (note) notes.push(note);
    written.push(safe.path);
  };
  for (const c of run.communes) {
    const lv = levels.communes.get(c.name) ?? { MN5: null, TH: null, THCS: null, XMC: null };
    for (const form of communeForms({ commune: c, levels: lv, province: opts.province, year: c.year ?? new Date().getFullYear() })) {
      await write(path.join(outDir, safeName(c.name), safeName(form.fileName)), [form.plan]);
    }
  }
  const year = run.communes.find((c) => c.year !== null)?.year ?? null;
  const tongHop = tongHopPlan({
    communes: run.communes.map((c) => ({ commune: c, levels: levels.communes.get(c.name) ?? { MN5: null, TH: null, THCS: null, XMC: null }, dbkkText: dbkkText(c, opts.lang) })),
    overall: levels.overall,
    unit: opts.unit ?? '',
    year,
    notes: registerNotes(run.communes, opts.settings, opts.lang),
  });
  await write(path.join(outDir, 'Tong-hop.xlsx'), [tongHop, ...summaryPlans(run.communes, { unit: opts.unit })]);
  return { run, written, levels, notes };
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const lang: Lang = args.flags.lang === 'en' ? 'en' : 'vi';
  const paths = args.positionals;
  const outDir = typeof args.flags.out === 'string' ? args.flags.out : null;
  if (!paths.length || !outDir) {
    io.err(t('register.cli.forms_usage', lang));
    return 2;
  }
  const opts = await registerOptions(args, lang);
  if (typeof opts === 'string') {
    io.err(opts);
    return 2;
  }
  // Folders stand for their files; only household registers make forms (told by content, as
  // `report` and `check` tell them): another workbook is named and skipped, never read as persons.
  const inputs = await expandInputs(paths);
  for (const x of inputs.skipped) io.err(x.reason[lang]);
  const split = await splitRegisters(inputs.paths, readableWorkbook);
  // A register sheet under another name is still told by its header row.
  const byHeaders = new Set<string>();
  for (const f of split.others) {
    const r = await readRegisterFile(f, { settings: {}, assumeRegister: false });
    const unreadable = r.findings.find((x) => x.rule === 'khong_doc_duoc_tep');
    if (r.isRegister) byHeaders.add(f);
    else io.err(unreadable ? unreadable.message[lang] : t('register.cli.not_register', lang, { file: f }));
  }
  const registers = inputs.paths.filter((p) => split.registers.includes(p) || byHeaders.has(p));
  if (!registers.length) {
    io.err(t('register.cli.no_register', lang, { paths: paths.join(', ') }));
    return 2;
  }
  try {
    const res = await writeRegisterForms(registers, outDir, {
      ...opts, lang,
      unit: typeof args.flags.unit === 'string' ? args.flags.unit : undefined,
      province: typeof args.flags.province === 'string' ? args.flags.province : undefined,
    });
    for (const n of res.notes) io.err(n[lang]);
    for (const f of res.run.unreadable) io.err(res.run.findings.find((x) => x.file === f && x.rule === 'khong_doc_duoc_tep')?.message[lang] ?? f);
    if (!res.run.communes.length) {
      io.err(t('register.cli.no_register', lang, { paths: paths.join(', ') }));
      return 2;
    }
    const c = countBySeverity(res.run.findings);
    if (args.flags.json) {
      io.out(JSON.stringify({
        written: res.written,
        communes: res.run.communes.map((cm) => ({ ten_xa: cm.name, ma_xa: cm.code, nam_dieu_tra: cm.year, dbkk: cm.dbkk, dbkk_source: cm.dbkkSource, persons: cm.persons, excluded: cm.excluded, duplicates: cm.duplicates, levels: res.levels.communes.get(cm.name), records: cm.records })),
        overall: res.levels.overall,
        findings: { errors: c.error, warnings: c.warning, info: c.info },
      }, null, 2));
    } else {
      io.out(t('register.cli.forms_written', lang, { n: res.run.communes.length, dir: outDir }));
      for (const cm of res.run.communes) {
        const lv = res.levels.communes.get(cm.name);
        io.out(t('register.cli.commune_line', lang, {
          commune: cm.name,
          mn5: levelText('MN5', lv?.MN5 ?? null), th: levelText('TH', lv?.TH ?? null), thcs: levelText('THCS', lv?.THCS ?? null), xmc: levelText('XMC', lv?.XMC ?? null),
        }));
      }
      io.out('  ' + res.written[res.written.length - 1]);
      for (const line of registerNotes(res.run.communes, opts.settings, lang)) io.out('  ' + line);
      io.out(t('report.cli.findings', lang, { errors: c.error, warnings: c.warning }));
    }
    if (res.run.unreadable.length) return 2;
    return c.error ? 1 : 0;
  } catch (e) {
    if (e instanceof OutputError) io.err(e.reason[lang]);
    else io.err(`${lang === 'vi' ? 'Lỗi' : 'Error'}: ${(e as Error)?.message ?? String(e)}`);
    return 2;
  }
}
