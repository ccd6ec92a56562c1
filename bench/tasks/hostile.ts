/**
 * The hostile corpus (test/robustness/hostile-corpus.ts): each entry through check, report and
 * crosscheck (as submission and as master), one process per entry so that each peak is its own;
 * hostile_max_rss_mb and hostile_max_s are the worst entry's (issue 11: ≤ 1 GB and ≤ 60 s).
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHostileCorpus } from '../../test/robustness/hostile-corpus';
import { rawRows, rawXlsx } from '../../test/fixtures/workbook-files';
import { masterRows } from '../../test/robustness/hostile-corpus';
import { emit, ROOT, round } from './common';

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hostile-'));
  try {
    const cases = await buildHostileCorpus(path.join(dir, 'corpus'));
    const master = path.join(dir, 'master.xlsx');
    fs.writeFileSync(master, await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(masterRows()) }]));
    const runner = path.join(ROOT, 'node_modules', '.cache', 'bench', 'hostile-run.cjs');
    await build({ entryPoints: [path.join(ROOT, 'test', 'robustness', 'hostile-run.ts')], outfile: runner, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
    const per: Record<string, { s: number; rss_mb: number; codes: number[] }> = {};
    for (const c of cases) {
      const r = spawnSync(process.execPath, [runner, path.join(dir, 'corpus'), master, path.join(dir, 'out'), c.file], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`hostile case ${c.id} crashed (exit ${r.status}): ${(r.stderr ?? '').slice(0, 400)}`);
      const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
      per[c.id] = { s: round(j.maxS, 2), rss_mb: Math.round(j.maxRssMb), codes: j.codes };
    }
    const worst = (k: 's' | 'rss_mb') => Object.entries(per).sort((a, b) => b[1][k] - a[1][k])[0];
    emit({
      hostile_cases: cases.length,
      hostile_max_rss_mb: worst('rss_mb')[1].rss_mb,
      hostile_max_rss_case: worst('rss_mb')[0],
      hostile_max_s: worst('s')[1].s,
      hostile_max_s_case: worst('s')[0],
      hostile_exit_codes_ok: Object.values(per).every((p) => p.codes.every((x) => x === 0 || x === 1 || x === 2)),
      hostile: per,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
