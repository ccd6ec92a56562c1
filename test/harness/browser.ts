/**
 * Finds a Chromium for the browser tests without a manual step and without any download at run time:
 *   1. CHROMIUM_PATH, when set (an error if it does not point at a program);
 *   2. an installed Chromium, Chrome or Edge at the usual places of Linux, macOS and Windows;
 *   3. on Linux x64, the Chromium that the devDependency @sparticuz/chromium ships inside its npm
 *      package (bin/chromium.br, brotli-compressed), unpacked once into node_modules/.cache with the
 *      libraries it needs (NSS, NSPR, expat from its al2023 archive) so it runs where no browser and
 *      no libnss3 are installed.
 * BAOCAO_BROWSER=bundled skips step 2 (CI proves with it that the tests pass without a system browser).
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { withDirLock } from '../../src/cli/dist';

export interface FoundBrowser {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** Extra environment for the browser process (library and font paths of the bundled one). */
  env?: Record<string, string>;
}

/** Where a system browser usually is, per platform; names on PATH are tried too (Linux, macOS). */
export function systemCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((r) => [path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.win32.join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'microsoft-edge-stable', 'microsoft-edge'];
  const dirs = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(env.PATH ?? '').split(path.delimiter).filter(Boolean)];
  const onPath = Array.from(new Set(dirs)).flatMap((d) => names.map((n) => path.join(d, n)));
  return [...onPath, '/opt/google/chrome/chrome', '/usr/lib/chromium/chromium'];
}

/** A regular file we may execute (a path hidden behind /dev/null or a folder is not a browser). */
export function isProgram(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'webpack.config.js'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

/** Unpacks @sparticuz/chromium's browser once (about 5 s, 200 MB), serialised across jest workers. */
export function bundledChromium(root = projectRoot()): FoundBrowser | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const pkgDir = path.join(root, 'node_modules', '@sparticuz', 'chromium');
  const bin = path.join(pkgDir, 'bin');
  if (!fs.existsSync(path.join(bin, 'chromium.br'))) return null;
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version as string;
  const dir = path.join(root, 'node_modules', '.cache', 'baocao-chromium', version);
  const exe = path.join(dir, 'chromium');
  const done = path.join(dir, '.unpacked');
  const lock = `${dir}.lock`;
  if (!fs.existsSync(done)) {
    withDirLock(lock, 'unpacking of @sparticuz/chromium', 120_000, 180_000, () => {
      if (fs.existsSync(done)) return;
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(exe, zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))), { mode: 0o755 });
      for (const archive of ['al2023', 'swiftshader', 'fonts']) {
        const tarFile = path.join(dir, `${archive}.tar`);
        fs.writeFileSync(tarFile, zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, `${archive}.tar.br`))));
        const target = path.join(dir, archive);
        fs.mkdirSync(target, { recursive: true });
        const r = spawnSync('tar', ['-xf', tarFile, '-C', target], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`tar -xf ${tarFile}: ${r.stderr || r.error}`);
        fs.rmSync(tarFile);
      }
      // Its own fonts.conf points at Lambda's folders; ours at the unpacked fonts, then the system's.
      fs.writeFileSync(
        path.join(dir, 'fonts', 'fonts.conf'),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${path.join(os.tmpdir(), 'baocao-chromium-fonts-cache')}</cachedir>\n</fontconfig>\n`,
      );
      fs.writeFileSync(done, new Date().toISOString());
    });
  }
  return {
    executablePath: exe,
    source: '@sparticuz/chromium',
    env: {
      LD_LIBRARY_PATH: [path.join(dir, 'al2023', 'lib'), path.join(dir, 'swiftshader'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: path.join(dir, 'fonts'),
    },
  };
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  isProgram?: (p: string) => boolean;
  bundled?: () => FoundBrowser | null;
}

/** The browser the tests use (see the file comment for the order). Throws with what to do when none is found. */
export function findBrowser(opts: FindOptions = {}): FoundBrowser {
  const env = opts.env ?? process.env;
  const check = opts.isProgram ?? isProgram;
  if (env.CHROMIUM_PATH) {
    if (!check(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not a program`);
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  if (env.BAOCAO_BROWSER !== 'bundled') {
    const found = systemCandidates(opts.platform, env).find(check);
    if (found) return { executablePath: found, source: 'system' };
  }
  const bundled = (opts.bundled ?? bundledChromium)();
  if (bundled) return bundled;
  throw new Error(
    'No Chromium for the browser tests: set CHROMIUM_PATH, install Chromium, Chrome or Edge, or run `npm ci` on Linux x64 (the devDependency @sparticuz/chromium ships one).',
  );
}

/** Launch options for playwright-core's chromium.launch with the found browser. */
export function launchOptions(found: FoundBrowser = findBrowser()) {
  return {
    executablePath: found.executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    ...(found.env ? { env: { ...process.env, ...found.env } as Record<string, string> } : {}),
  };
}
