/**
 * The province cross-check: a master with 3.000 schools against 3.000 submission files (folders
 * walked by crossCheckFiles, as `baocao-gd crosscheck` does), one process, then the Tổng hợp workbook.
 * Runs alone in its own process so that the peak RSS is the cross-check's.
 */
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { crossCheckFiles, writeSummaryXlsx } from '../../src/cli/crosscheck-files';
import { validateWorkbook } from '../../src/core/rules';
import { ensureCorpus } from '../corpus';
import { CORPUS_ROOT, emit, peakRssMb, round, seconds } from './common';

(async () => {
  const corpus = await ensureCorpus(CORPUS_ROOT);
  const t0 = process.hrtime.bigint();
  const run = await crossCheckFiles(corpus.master, [corpus.submissionsDir], { validate: validateWorkbook });
  const out = path.join(os.tmpdir(), `bench-tong-hop-${process.pid}.xlsx`);
  await writeSummaryXlsx(run.result.summarySheet, out);
  const total = seconds(t0);
  fs.rmSync(out, { force: true });
  const status: Record<string, number> = {};
  for (const s of run.result.submissions) status[s.status] = (status[s.status] ?? 0) + 1;
  emit({
    crosscheck_files: run.files.length,
    crosscheck_master_schools: run.result.master.schools,
    crosscheck_submitted: run.result.completeness.submitted,
    crosscheck_findings: run.result.findings.length,
    crosscheck_status: status,
    crosscheck_3000_s: round(total, 2),
    peak_rss_mb: Math.round(peakRssMb()),
    cpus: os.cpus().length,
  });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
