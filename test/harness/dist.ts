/**
 * Builds dist/ (webpack production) when it is missing or older than its inputs, so tests that need
 * the built add-in (manifest URLs, browser tests) run against what `npm run build` ships.
 * A lock directory serialises jest workers that ask at the same time.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';

/** The project root: the nearest folder up from here with webpack.config.js (also when bundled elsewhere). */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'webpack.config.js'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

export const ROOT = findRoot(__dirname);
export const DIST = path.join(ROOT, 'dist');
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
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(DIST, 'taskpane.html')) || !fs.existsSync(path.join(DIST, 'taskpane.js'))) return false;
  // A rebuild in the middle of a run would empty dist/ under a browser test that is using it.
  if (fs.readFileSync(STAMP, 'utf8').split(' ')[1] === SESSION) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= built);
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Ensure dist/ is built and fresh; returns its path. Throws with webpack's output when the build fails. */
export function ensureDist(): string {
  if (distIsFresh()) return DIST;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // A stale lock (crashed worker) is older than any build could take.
      if (fs.existsSync(LOCK) && Date.now() - fs.statSync(LOCK).mtimeMs > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('Timed out waiting for another dist build');
      sleep(500);
    }
  }
  try {
    if (distIsFresh()) return DIST;
    const started = new Date();
    const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const r = spawnSync(process.execPath, [webpack, '--mode', 'production'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env } });
    if (r.status !== 0) throw new Error(`webpack build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    // Stamped with the start time: a source saved during the build makes the next run rebuild.
    fs.writeFileSync(STAMP, `${started.toISOString()} ${SESSION}`);
    fs.utimesSync(STAMP, started, started);
    return DIST;
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
