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
