/** Helpers shared by the bench tasks (each task runs in its own Node process, see bench/run.mjs). */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = process.cwd();
export const CORPUS_ROOT = path.join(ROOT, 'bench', '.corpus');

export function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** Peak resident set of this process in MB (Linux VmHWM; resourceUsage elsewhere). */
export function peakRssMb(): number {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Every task ends with one JSON line on stdout: run.mjs merges them. */
export function emit(figures: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(figures) + '\n');
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * The same files read as .xlsx and as .xls, passes alternated (a warm-up of 30 each, then three of
 * each) so a noisy machine penalises neither: the best time of each and the count the last pass gave.
 */
export async function xlsAgainstXlsx(xlsx: string[], xls: string[], read: (file: string) => Promise<number>): Promise<{ best: { xlsx: number; xls: number }; count: { xlsx: number; xls: number } }> {
  const pass = async (files: string[]) => {
    const t0 = process.hrtime.bigint();
    let n = 0;
    for (const f of files) n += await read(f);
    return { s: seconds(t0), n };
  };
  await pass(xlsx.slice(0, 30));
  await pass(xls.slice(0, 30));
  const best = { xlsx: Infinity, xls: Infinity };
  const count = { xlsx: 0, xls: 0 };
  for (let k = 0; k < 3; k++) {
    const a = await pass(xlsx);
    const b = await pass(xls);
    best.xlsx = Math.min(best.xlsx, a.s);
    best.xls = Math.min(best.xls, b.s);
    count.xlsx = a.n;
    count.xls = b.n;
  }
  return { best, count };
}
