/**
 * Reading legacy .xls (issue 13): the first 300 school workbooks of the corpus written again as BIFF8
 * by SheetJS (cached beside the corpus), read with loadWorkbookFile against the same 300 .xlsx.
 * Passes alternate (.xlsx, .xls, three of each; the best of each kept) so a noisy machine penalises
 * neither side. Also checks both give the same records, so the figure compares like with like.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { loadWorkbookFile } from '../../src/cli/xlsx';
import { readWorkbook } from '../../src/core/sheets/read';
import { ensureCorpus } from '../corpus';
import { CORPUS_ROOT, emit, round, xlsAgainstXlsx } from './common';

const FILES = 300;

(async () => {
  const corpus = await ensureCorpus(CORPUS_ROOT);
  const xlsx = corpus.submissions.slice(0, FILES);
  const dir = path.join(corpus.dir, 'xls');
  const xls = xlsx.map((f, i) => path.join(dir, `${String(i).padStart(3, '0')}-${path.basename(f, '.xlsx')}.xls`));
  if (!fs.existsSync(path.join(dir, 'DONE'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < xlsx.length; i++) {
      const snap = await loadWorkbookFile(xlsx[i]);
      const wb = XLSX.utils.book_new();
      for (const s of snap.sheets) {
        const ws = XLSX.utils.aoa_to_sheet(s.values.map((r) => (r ?? []).map((v) => (v === null ? undefined : v))));
        if (s.merges?.length) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
        XLSX.utils.book_append_sheet(wb, ws, s.name);
      }
      fs.writeFileSync(xls[i], XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    }
    fs.writeFileSync(path.join(dir, 'DONE'), 'ok\n');
  }
  const { best, count: recs } = await xlsAgainstXlsx(xlsx, xls, async (f) => readWorkbook(await loadWorkbookFile(f)).sheets.reduce((n, s) => n + s.records.length, 0));
  emit({
    xls_files: xls.length,
    xls_300_s: round(best.xls, 2),
    xlsx_300_s: round(best.xlsx, 2),
    xls_over_xlsx: round(best.xls / best.xlsx, 2),
    xls_same_records: recs.xls === recs.xlsx,
  });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
