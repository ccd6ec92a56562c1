// `npm run bench`: province-scale figures for the add-in and the command line.
// Generates the corpus once (bench/.corpus/, cached by generator version), runs each measurement in
// its own Node process (bench/tasks/*.ts bundled with esbuild, as scripts/run-ts.mjs does), builds
// dist/ when it is missing or older than src/, and prints one JSON object as the last line.
// Exit code 1 when a figure misses its floor (the JSON still says which).
// Usage: node bench/run.mjs [--only=functions,syncs,taskpane,check,crosscheck,xls,hostile,register] [--no-build]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const noBuild = args.includes('--no-build');
const wanted = (t) => !only || only.includes(t);
const log = (s) => process.stderr.write(s + '\n');

/** Figure → [comparison, floor]. */
const FLOORS = {
  check_over_parse: ['<=', 1.3],
  validate_syncs: ['<=', 2],
  report_syncs: ['<=', 4],
  functions_per_s: ['>=', 1e6],
  taskpane_initial_gzip_kb: ['<=', 400],
  crosscheck_3000_s: ['<=', 120],
  register_1m_s: ['<=', 30],
  register_peak_rss_mb: ['<=', 1000],
  peak_rss_mb: ['<=', 300],
  crosscheck_over_parse: ['<=', 1.5],
  hostile_max_rss_mb: ['<=', 1024],
  hostile_max_s: ['<=', 60],
};

const outDir = path.join(root, 'node_modules', '.cache', 'bench');
fs.mkdirSync(outDir, { recursive: true });

async function task(name) {
  const outfile = path.join(outDir, `${name}.cjs`);
  await build({
    entryPoints: [path.join(root, 'bench', 'tasks', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  log(`bench: ${name} …`);
  const r = spawnSync(process.execPath, [outfile], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const lines = (r.stdout ?? '').trim().split('\n');
  if (r.status !== 0) throw new Error(`bench task ${name} failed (exit ${r.status})`);
  return JSON.parse(lines[lines.length - 1]);
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** gzip size of the scripts taskpane.html loads itself (office.js comes from Microsoft's CDN). */
function taskpaneSize() {
  const html = path.join(root, 'dist', 'taskpane.html');
  const stale = !fs.existsSync(html) || fs.statSync(html).mtimeMs < Math.max(newestMtime(path.join(root, 'src')), fs.statSync(path.join(root, 'webpack.config.js')).mtimeMs);
  if (stale && !noBuild) {
    log('bench: building dist/ (webpack --mode production) …');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
    if (r.status !== 0) {
      log((r.stdout ?? '').split('\n').slice(-40).join('\n'));
      throw new Error('webpack build failed (output above)');
    }
  }
  const text = fs.readFileSync(html, 'utf8');
  const srcs = [...text.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
  const local = srcs.filter((s) => !/^(https?:)?\/\//.test(s));
  const files = {};
  let bytes = 0;
  let raw = 0;
  for (const s of local) {
    const buf = fs.readFileSync(path.join(root, 'dist', s.split('?')[0]));
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    files[s] = Math.round((gz / 1024) * 10) / 10;
    bytes += gz;
    raw += buf.length;
  }
  const lazy = fs.existsSync(path.join(root, 'dist', 'chunks')) ? fs.readdirSync(path.join(root, 'dist', 'chunks')).filter((f) => f.endsWith('.js')) : [];
  return {
    taskpane_initial_gzip_kb: Math.round((bytes / 1024) * 10) / 10,
    taskpane_initial_raw_kb: Math.round(raw / 1024),
    taskpane_initial_files: files,
    taskpane_external_scripts: srcs.filter((s) => !local.includes(s)),
    taskpane_lazy_chunks: lazy.length,
  };
}

const started = Date.now();
const figures = { node: process.version, cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model?.trim() };
if (wanted('check') || wanted('crosscheck') || wanted('xls')) Object.assign(figures, await task('generate'));
if (wanted('functions')) Object.assign(figures, await task('functions'));
if (wanted('syncs')) Object.assign(figures, await task('syncs'));
if (wanted('taskpane')) Object.assign(figures, taskpaneSize());
if (wanted('check')) Object.assign(figures, await task('check'));
if (wanted('crosscheck')) {
  Object.assign(figures, await task('crosscheck'));
  // The floor the cross-check is measured against: merely parsing the same files (own process).
  Object.assign(figures, await task('parse'));
  figures.crosscheck_over_parse = Math.round((figures.crosscheck_3000_s / figures.parse_3000_s) * 100) / 100;
}
if (wanted('xls')) {
  Object.assign(figures, await task('xls'));
  // The PCGD system's own exports: 300 forms as .xls against the same forms as .xlsx (issue 13).
  Object.assign(figures, await task('xlsForms'));
}
if (wanted('hostile')) Object.assign(figures, await task('hostile'));
if (wanted('register')) Object.assign(figures, await task('register'));
figures.bench_s = Math.round((Date.now() - started) / 1000);

const missed = [];
for (const [k, [op, floor]] of Object.entries(FLOORS)) {
  if (!(k in figures)) continue;
  const v = figures[k];
  if (!(op === '<=' ? v <= floor : v >= floor)) missed.push(`${k}=${v} (floor ${op} ${floor})`);
}
figures.floors_missed = missed;
for (const m of missed) log(`bench: FLOOR MISSED ${m}`);
process.stdout.write(JSON.stringify(figures) + '\n');
process.exitCode = missed.length ? 1 : 0;
