/**
 * How the browser tests find a Chromium without a manual step (test/harness/browser.ts), and that
 * the one @sparticuz/chromium ships in its npm package really launches here with its own libraries.
 */
import fs from 'fs';
import { chromium } from 'playwright-core';
import { bundledChromium, findBrowser, isProgram, launchOptions, systemCandidates } from '../harness/browser';

jest.setTimeout(180_000);

const bundled = () => ({ executablePath: '/cache/chromium', source: '@sparticuz/chromium' as const });

test('CHROMIUM_PATH comes first, and a wrong one is an error, not a silent fallback', () => {
  expect(findBrowser({ env: { CHROMIUM_PATH: '/opt/x/chrome' }, isProgram: (p) => p === '/opt/x/chrome', bundled })).toEqual({ executablePath: '/opt/x/chrome', source: 'CHROMIUM_PATH' });
  expect(() => findBrowser({ env: { CHROMIUM_PATH: '/khong/co' }, isProgram: () => false, bundled })).toThrow('CHROMIUM_PATH=/khong/co is not a program');
});

test('then an installed Chromium, Chrome or Edge (Linux, macOS, Windows places)', () => {
  expect(findBrowser({ env: { PATH: '' }, platform: 'linux', isProgram: (p) => p === '/usr/bin/google-chrome-stable', bundled }).executablePath).toBe('/usr/bin/google-chrome-stable');
  expect(systemCandidates('darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  expect(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
});

test('then the Chromium shipped in the npm package; BAOCAO_BROWSER=bundled skips the installed ones', () => {
  expect(findBrowser({ env: { PATH: '' }, platform: 'linux', isProgram: () => false, bundled })).toEqual(bundled());
  expect(findBrowser({ env: { BAOCAO_BROWSER: 'bundled' }, platform: 'linux', isProgram: () => true, bundled })).toEqual(bundled());
  expect(() => findBrowser({ env: {}, platform: 'linux', isProgram: () => false, bundled: () => null })).toThrow('set CHROMIUM_PATH, install Chromium, Chrome or Edge');
});

test('a path hidden behind /dev/null or a folder is not a program', () => {
  expect(isProgram('/dev/null')).toBe(false);
  expect(isProgram('/usr')).toBe(false);
  expect(isProgram(process.execPath)).toBe(true);
});

const linuxX64 = process.platform === 'linux' && process.arch === 'x64';
(linuxX64 ? test : test.skip)('@sparticuz/chromium unpacks from node_modules (no download) and launches with playwright-core', async () => {
  const found = bundledChromium();
  expect(found).not.toBeNull();
  expect(found!.executablePath).toContain('node_modules/.cache/baocao-chromium/');
  expect(isProgram(found!.executablePath)).toBe(true);
  // Its NSS/NSPR/expat come with it: the browser does not depend on the system's libnss3.
  expect(found!.env!.LD_LIBRARY_PATH.split(':')[0]).toMatch(/al2023\/lib$/);
  expect(fs.existsSync(`${found!.env!.LD_LIBRARY_PATH.split(':')[0]}/libnss3.so`)).toBe(true);
  const browser = await chromium.launch(launchOptions(found!));
  try {
    const page = await browser.newPage();
    await page.setContent('<p id="p">Xin chào</p><script>document.getElementById("p").dataset.v = String([1, 2].at(-1) ?? 0)</script>');
    expect(await page.textContent('#p')).toBe('Xin chào');
    expect(await page.getAttribute('#p', 'data-v')).toBe('2');
  } finally {
    await browser.close();
  }
});
