/** `baocao-gd crosscheck --master MASTER.xlsx SUBMISSION|FOLDER… [--json] [--out FILE.xlsx] [--year YYYY-YYYY]` */
import { yearFlag } from '../args';
import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';
import type { Lang } from '../../core/findings';
import { t } from '../../core/i18n';
import { crossCheckExitCode, crossCheckFiles, crossCheckJson, formatCrossCheckText, MasterUnreadableError, writeSummaryXlsx } from '../crosscheck-files';
import { clashNote, inputIdentities, OutputError, safeOutputPath } from '../output-paths';

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const lang: Lang = args.flags.lang === 'en' ? 'en' : 'vi';
  const master = typeof args.flags.master === 'string' ? args.flags.master : undefined;
  if (!master || args.positionals.length === 0) {
    io.err(t('crosscheck.usage', lang));
    return 2;
  }
  const y = yearFlag(args, lang);
  if ('error' in y) {
    io.err(y.error);
    return 2;
  }
  const year = y.year;
  let run;
  try {
    run = await crossCheckFiles(master, args.positionals, { lang, schoolYear: year });
  } catch (e) {
    if (!(e instanceof MasterUnreadableError)) throw e;
    io.err(t('crosscheck.master_unreadable', lang, { file: e.file, reason: e.reason[lang] }));
    return 2;
  }
  if (run.files.length === 0 && run.missing.length === 0) {
    io.err(t('crosscheck.no_submissions', lang, { paths: args.positionals.join(', ') }));
    return 2;
  }
  let out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  if (out) {
    // The master and every submission read are inputs: never written over.
    const safe = await safeOutputPath(out, await inputIdentities([master, ...run.files.map((f) => f.path)]));
    const note = clashNote(safe);
    if (note) io.err(note[lang]);
    out = safe.path;
    try {
      for (const n of await writeSummaryXlsx(run.result.summarySheet, out)) io.err(n[lang]);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      io.err(e.reason[lang]);
      return 2;
    }
  }
  if (args.flags.json) io.out(JSON.stringify(crossCheckJson(run, lang), null, 2));
  else {
    io.out(formatCrossCheckText(run, lang));
    if (out) io.out(t('crosscheck.wrote', lang, { sheet: run.result.summarySheet.name, file: out }));
  }
  return crossCheckExitCode(run.result);
}
