/**
 * `baocao-gd demo [--out DIR]`: the main job on the shipped samples — check them, cross-check the
 * school submissions, write the full report of Quận 12 2023-2024 (with 2022-2023 for the trends),
 * then print a short summary and where the files are. Exit 0.
 */
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { countBySeverity, Lang } from '../../core/findings';
import { t } from '../../core/i18n';
import type { ParsedArgs } from '../args';
import { crossCheckFiles } from '../crosscheck-files';
import type { CliIO } from '../io';
import { loadChecked, printReportSummary, runRegisterReport, runReport } from './report';
import { writeRegisterForms } from './forms';
import { levelText } from '../../core/register/forms';
import { readSettingsFile } from '../settings-file';
import { checkFile, formsAcross, formsLines } from './check';
import { expandPaths } from '../inputs';

/** The package's samples/ folder: next to package.json, found from this file or the working directory. */
export function findSamplesDir(): string | null {
  const starts = [typeof __dirname === 'string' ? __dirname : '', process.cwd()].filter(Boolean);
  for (const start of starts) {
    let dir = path.resolve(start);
    for (let i = 0; i < 6; i++) {
      if (existsSync(path.join(dir, 'samples', 'quan12-2023-2024.xlsx'))) return path.join(dir, 'samples');
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return null;
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const lang: Lang = args.flags.lang === 'en' ? 'en' : 'vi';
  const outDir = typeof args.flags.out === 'string' ? args.flags.out : path.join('out', 'demo');
  const samples = findSamplesDir();
  if (!samples) {
    io.err(t('report.demo.no_samples', lang));
    return 0;
  }
  io.out(t('report.demo.title', lang));

  const names = (await fs.readdir(samples)).filter((f) => f.endsWith('.xlsx')).sort();
  const printed = path.join(samples, 'as-printed');
  const printedNames = existsSync(printed) ? (await fs.readdir(printed)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join('as-printed', f)) : [];
  for (const name of [...names, ...printedNames]) {
    const w = await loadChecked(path.join(samples, name), io, lang);
    if (!w) continue;
    const c = countBySeverity(w.findings);
    io.out('  ' + t('report.demo.checked', lang, { file: name, sheets: w.parsed.sheets.length, errors: c.error, warnings: c.warning }));
  }

  const subDir = path.join(samples, 'submissions');
  const master = existsSync(subDir) ? (await fs.readdir(subDir)).find((f) => /^master.*\.xlsx$/i.test(f)) : undefined;
  if (master) {
    try {
      const cc = await crossCheckFiles(path.join(subDir, master), [subDir]);
      const c = countBySeverity(cc.result.findings);
      io.out(t('report.demo.crosscheck', lang, { n: cc.result.submissions.length, errors: c.error, warnings: c.warning }));
    } catch (e) {
      io.err(e instanceof Error ? e.message : String(e));
    }
  } else io.out(t('report.demo.crosscheck_pending', lang));

  const current = path.join(samples, 'quan12-2023-2024.xlsx');
  const previous = ['quan12-2022-2023.xlsx'].map((f) => path.join(samples, f)).filter((f) => existsSync(f));
  // The office's frame saved once (recipients, signer), as `report --settings` reads it.
  const settingsFile = path.join(samples, 'quan12-settings.json');
  const settings = existsSync(settingsFile) ? await readSettingsFile(settingsFile, lang) : {};
  const { run: result } = await runReport(current, previous, outDir, lang, io, typeof settings === 'string' ? {} : settings);
  if (result) {
    printReportSummary(result, io, lang);
    // The conclusions of the phổ cập section are the short summary an office reads first.
    const pc = result.model.sections.find((s) => s.id === 'pho_cap');
    const conclusions = pc?.paragraphs.filter((p) => /^(Kết luận|Conclusion):/.test(p.text)).map((p) => p.text) ?? [];
    if (conclusions.length) io.out(t('report.demo.summary', lang, { lines: '' }).trim() + '\n' + conclusions.map((c) => '  ' + c).join('\n'));
  }

  // What the national systems export (.xls): PCGD forms of three communes and a CSDL report.
  const exports = path.join(samples, 'he-thong');
  if (existsSync(exports)) {
    const results = [];
    for (const file of await expandPaths([exports])) results.push(await checkFile(file));
    const forms = formsAcross(results, {});
    const c = countBySeverity(results.flatMap((r) => r.findings));
    io.out(t('report.demo.system_exports', lang, { files: results.length, errors: c.error, warnings: c.warning }));
    if (forms) io.out(formsLines(forms, lang).filter(Boolean).join('\n'));
  }

  // Household registers (one file per thôn, one folder per commune) → forms, Tổng hợp and the report.
  const registers = path.join(samples, 'registers');
  if (existsSync(registers)) {
    const forms = await writeRegisterForms([registers], path.join(outDir, 'bieu-mau'), { settings: {}, lang });
    io.out(t('register.cli.forms_written', lang, { n: forms.run.communes.length, dir: path.join(outDir, 'bieu-mau') }));
    for (const cm of forms.run.communes) {
      const lv = forms.levels.communes.get(cm.name);
      io.out(t('register.cli.commune_line', lang, {
        commune: cm.name, mn5: levelText('MN5', lv?.MN5 ?? null), th: levelText('TH', lv?.TH ?? null), thcs: levelText('THCS', lv?.THCS ?? null), xmc: levelText('XMC', lv?.XMC ?? null),
      }));
    }
    const reg = await runRegisterReport([registers], path.join(outDir, 'so-dang-ky'), lang, io, { settings: {} });
    if (reg.run) printReportSummary(reg.run, io, lang);
  }
  return 0;
}
