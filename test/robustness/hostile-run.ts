/**
 * Runs hostile corpus entries through `check`, `report` and `crosscheck` (as submission and as
 * master) in this process, and prints one JSON line: how many, the slowest entry's seconds, the peak
 * resident memory (VmHWM) and every exit code. Used by hostile-cli.test.ts (the whole corpus in one
 * process) and by the bench (one process per entry, so each entry's peak is its own).
 * Usage: hostile-run CORPUS_DIR MASTER.xlsx OUT_DIR [ENTRY]
 */
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { captureIO } from '../../src/cli/io';

function peakMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}

(async () => {
  const [corpus, master, out, only] = process.argv.slice(2);
  const entries = only ? [only] : fs.readdirSync(corpus).sort();
  entries.push('khong-co.xlsx');
  const codes: number[] = [];
  let maxS = 0;
  let slowest = '';
  for (const e of only ? entries.slice(0, 1) : entries) {
    const file = path.join(corpus, e);
    const t0 = process.hrtime.bigint();
    for (const argv of [['check', file], ['report', file, '--out', path.join(out, e)], ['crosscheck', '--master', master, file], ['crosscheck', '--master', file, master]]) {
      codes.push(await main(argv, captureIO()));
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (s > maxS) {
      maxS = s;
      slowest = e;
    }
  }
  process.stdout.write(JSON.stringify({ cases: only ? 1 : entries.length, maxS, slowest, maxRssMb: peakMb(), codes }) + '\n');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
