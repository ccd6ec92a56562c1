/**
 * A generated province of household registers: 1.000.000 rows in 400 thôn files (2.500 rows each)
 * across 100 communes, .xlsx and .xls mixed (two of each per commune). The files are copies of 8
 * generated thôn files (generating 400 distinct ones costs more than the measurement); every file is
 * read and counted in full. Cached in bench/.corpus/registers-v2/. The measurement runs the real command (`baocao-gd report FOLDER`:
 * every commune's records, findings and levels, then the report files) in its own process with its
 * worker threads, and samples the resident memory of its process tree (the command and anything it starts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateThon, registerFileBytes, registerSheetRows } from '../../scripts/register-gen';
import { CORPUS_ROOT, emit, round, ROOT, seconds } from './common';

const COMMUNES = 100;
const FILES_PER_COMMUNE = 4;
const ROWS = 2500;
const YEAR = 2025;
const DIR = path.join(CORPUS_ROOT, 'registers-v2');

/** Distinct thôn files generated; the 400 files are copies of them (4 per commune: 2 .xlsx, 2 .xls, no two alike). */
const TEMPLATES = 8;

function ensureCorpus(): number {
  const done = path.join(DIR, '.complete');
  if (fs.existsSync(done)) return Number(fs.readFileSync(done, 'utf8'));
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const templates: { buf: Uint8Array; format: string }[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const rows = generateThon({ year: YEAR, persons: ROWS, seed: 1000 + i, thon: `Thôn ${i + 1}`, minority: i % 4 === 0 ? 0.8 : 0.1 });
    const format = i % 2 === 0 ? 'xlsx' : 'xls';
    templates.push({ buf: registerFileBytes(registerSheetRows(rows, { year: YEAR }), format), format });
  }
  let bytes = 0;
  for (let c = 0; c < COMMUNES; c++) {
    const commune = path.join(DIR, `Xã ${String(c + 1).padStart(3, '0')}`);
    fs.mkdirSync(commune, { recursive: true });
    for (let f = 0; f < FILES_PER_COMMUNE; f++) {
      const t = templates[(c * 2 + f) % TEMPLATES];
      fs.writeFileSync(path.join(commune, `Thôn ${f + 1}.${t.format}`), t.buf);
      bytes += t.buf.length;
    }
  }
  fs.writeFileSync(done, String(bytes));
  return bytes;
}

/**
 * Resident memory (MB) of a process and its descendants, from /proc (Linux): the sum of their current
 * resident sizes, or the process's own high-water mark (VmHWM: a peak between two samples) when that
 * is larger. Only the tree is read (its /proc/PID/task/TID/children), not every process on the
 * machine: the sampler must not compete with the measurement for the two cores.
 */
function treeRssMb(root: number): number {
  const kb = (pid: number, field: string): number => {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0; // the process ended meanwhile
    }
  };
  const children = (pid: number): number[] => {
    const out: number[] = [];
    try {
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (text) out.push(...text.split(/\s+/).map(Number));
      }
    } catch {
      /* ended */
    }
    return out;
  };
  let total = 0;
  const walk = (pid: number) => {
    total += kb(pid, 'VmRSS');
    for (const c of children(pid)) walk(c);
  };
  walk(root);
  return Math.max(total, kb(root, 'VmHWM')) / 1024;
}

/** utime + stime of a process (all its threads), in seconds (USER_HZ = 100 on Linux). */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

(async () => {
  const corpusBytes = ensureCorpus();
  if (process.env.BENCH_CORPUS_ONLY) return;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-register-'));
  const bin = path.join(ROOT, 'bin', 'baocao-gd.cjs');
  const t0 = process.hrtime.bigint();
  let peak = 0;
  const child = spawn(process.execPath, [bin, 'report', DIR, '--out', out, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let cpu = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(child.pid!));
    cpu = Math.max(cpu, cpuSecondsOf(child.pid!));
  }, 50);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  const wall = seconds(t0);
  if (code !== 0 && code !== 1) throw new Error(`report exited ${code}`);
  const json = JSON.parse(stdout);
  const pc = json.sections.find((s: { id: string }) => s.id === 'pho_cap');
  const communes = pc.data.register.communes as { persons: number; excluded: number }[];
  const persons = communes.reduce((s, c) => s + c.persons + c.excluded, 0);
  fs.rmSync(out, { recursive: true, force: true });
  emit({
    register_rows: COMMUNES * FILES_PER_COMMUNE * ROWS,
    register_files: COMMUNES * FILES_PER_COMMUNE,
    register_communes: communes.length,
    register_persons_read: persons,
    register_corpus_mb: round(corpusBytes / 1048576, 1),
    register_1m_s: round(wall, 2),
    register_peak_rss_mb: Math.round(peak),
    register_rows_per_s: Math.round((COMMUNES * FILES_PER_COMMUNE * ROWS) / wall),
    register_workers: Math.min(2, os.cpus().length),
    // CPU seconds of the command (all its threads), last sampled at most 50 ms before it ended.
    register_cpu_s: round(cpu, 1),
  });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
