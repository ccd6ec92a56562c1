/**
 * The floor of the province cross-check: merely parsing the same files (the master and the 3.000
 * submissions) with the same reader, in the same order, in one process: loadWorkbookFile (bytes →
 * sparse snapshot) then readWorkbook (templates recognised, rows read), nothing compared, nothing
 * written. crosscheck_over_parse = crosscheck_3000_s / parse_3000_s (bench/run.mjs).
 */
import { loadWorkbookFile } from '../../src/cli/xlsx';
import { readWorkbook } from '../../src/core/sheets/read';
import { ensureCorpus } from '../corpus';
import { CORPUS_ROOT, emit, peakRssMb, round, seconds } from './common';

(async () => {
  const corpus = await ensureCorpus(CORPUS_ROOT);
  const files = [corpus.master, ...corpus.submissions];
  const t0 = process.hrtime.bigint();
  let loadNs = 0n;
  let records = 0;
  for (const f of files) {
    const t = process.hrtime.bigint();
    let snap;
    try {
      snap = await loadWorkbookFile(f);
    } catch {
      continue; // an unreadable file costs its refusal only, as in the cross-check
    } finally {
      loadNs += process.hrtime.bigint() - t;
    }
    for (const s of readWorkbook(snap).sheets) records += s.records.length;
  }
  emit({ parse_3000_files: files.length, parse_3000_records: records, parse_3000_s: round(seconds(t0), 2), parse_3000_load_only_s: round(Number(loadNs) / 1e9, 2), parse_3000_peak_rss_mb: Math.round(peakRssMb()) });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
