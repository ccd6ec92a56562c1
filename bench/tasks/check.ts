/**
 * `check` on 300 school workbooks vs merely parsing them with the same reader. Both passes run the
 * same loop over the same files (loadWorkbookFile → readWorkbook); the check adds validateWorkbook.
 * Passes alternate (parse, check, parse, check …, three of each) and the best of each is kept, so a noisy shared
 * machine penalises neither side.
 */
import { loadWorkbookFile } from '../../src/cli/xlsx';
import { readWorkbook } from '../../src/core/sheets/read';
import { validateWorkbook } from '../../src/core/rules';
import { ensureCorpus } from '../corpus';
import { CORPUS_ROOT, emit, round, seconds } from './common';

const FILES = 300;

(async () => {
  const corpus = await ensureCorpus(CORPUS_ROOT);
  const files = corpus.submissions.slice(0, FILES);
  let findings = 0;
  let sheets = 0;
  const pass = async (check: boolean) => {
    const t0 = process.hrtime.bigint();
    findings = 0;
    sheets = 0;
    for (const f of files) {
      const parsed = readWorkbook(await loadWorkbookFile(f));
      sheets += parsed.sheets.length;
      if (check) findings += parsed.findings.length + validateWorkbook(parsed).length;
    }
    return seconds(t0);
  };
  await pass(false); // warm-up: JIT and file cache
  let parse = Infinity;
  let check = Infinity;
  for (let i = 0; i < 3; i++) {
    parse = Math.min(parse, await pass(false));
    check = Math.min(check, await pass(true));
  }
  emit({ check_files: files.length, check_sheets: sheets, check_findings: findings, check_s: round(check), parse_only_s: round(parse), check_over_parse: round(check / parse) });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
