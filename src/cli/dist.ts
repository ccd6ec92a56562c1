/**
 * Builds dist/ (webpack production: the add-in, and the browser app in dist/app) when it is missing
 * or older than its inputs. Used by `baocao-gd app` and by the tests that need the built add-in
 * (manifest URLs, browser tests), so both run what `npm run build` ships. A lock directory
 * serialises processes (jest workers) that ask at the same time.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';

/** The project root: the nearest folder up from here with webpack.config.js (src/cli, lib/ or elsewhere). */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'webpack.config.js'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

export const ROOT = findRoot(__dirname);
export const DIST = path.join(ROOT, 'dist');
/** The standalone web app ("Báo cáo GD trên trình duyệt"), built beside the add-in. */
export const APP_DIST = path.join(DIST, 'app');
const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'tsconfig.json'];
const LOCK = path.join(ROOT, 'node_modules', '.cache', 'baocao-dist.lock');
// webpack leaves unchanged files (taskpane.html) untouched, so their mtimes say nothing; a stamp does.
const STAMP = path.join(ROOT, 'node_modules', '.cache', 'baocao-dist.stamp');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** Jest workers share their parent: one test run builds at most once, even while others edit src/. */
const SESSION = String(process.ppid);

export function distIsFresh(): boolean {
  const built = ['taskpane.html', 'taskpane.js', 'functions.js', path.join('app', 'index.html'), path.join('app', 'app.js')];
  if (!fs.existsSync(STAMP) || built.some((f) => !fs.existsSync(path.join(DIST, f)))) return false;
  // A rebuild in the middle of a run would empty dist/ under a browser test that is using it.
  if (fs.readFileSync(STAMP, 'utf8').split(' ')[1] === SESSION) return true;
  const stamped = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= stamped);
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` holding a lock directory (processes and jest workers that need the same slow step wait
 * for each other); a lock older than `staleMs` is left by a crashed process and taken over.
 */
export function withDirLock<T>(lock: string, what: string, waitMs: number, staleMs: number, fn: () => T): T {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > staleMs) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another ${what}`);
      sleep(300);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Ensure dist/ is built and fresh; returns its path. Throws with webpack's output when the build fails. */
export function ensureDist(): string {
  if (distIsFresh()) return DIST;
  // A build takes at most a few minutes: an older lock was left by a crashed worker.
  return withDirLock(LOCK, 'dist build', 240_000, 300_000, () => {
    if (distIsFresh()) return DIST;
    const started = new Date();
    const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const r = spawnSync(process.execPath, [webpack, '--mode', 'production'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env } });
    if (r.status !== 0) throw new Error(`webpack build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    // Stamped with the start time: a source saved during the build makes the next run rebuild.
    fs.writeFileSync(STAMP, `${started.toISOString()} ${SESSION}`);
    fs.utimesSync(STAMP, started, started);
    return DIST;
  });
}
