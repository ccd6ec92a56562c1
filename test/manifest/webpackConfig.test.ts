/** webpack.config.js: production URL rewrite of the manifest and what `build` never touches. */
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const makeConfig = require(path.join(ROOT, 'webpack.config.js'));

async function manifestTransform(env: Record<string, string | undefined>, mode: string, webpackEnv: Record<string, unknown> = {}) {
  const saved = process.env.ADDIN_URL_PROD;
  if (env.ADDIN_URL_PROD === undefined) delete process.env.ADDIN_URL_PROD;
  else process.env.ADDIN_URL_PROD = env.ADDIN_URL_PROD;
  try {
    const configs = await makeConfig({ WEBPACK_BUILD: true, ...webpackEnv }, { mode });
    const config = configs.find((c: { name: string }) => c.name === 'addin');
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
    const pattern = copy.patterns.find((p: { from: string }) => p.from === 'manifest*.xml');
    return { config, configs, transform: (s: string) => String(pattern.transform(Buffer.from(s))) };
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL_PROD;
    else process.env.ADDIN_URL_PROD = saved;
  }
}

const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

test('production builds rewrite every dev URL to ADDIN_URL_PROD (a trailing slash is added)', async () => {
  const { transform } = await manifestTransform({ ADDIN_URL_PROD: 'https://so-gd.example.gov.vn/baocao' }, 'production');
  const out = transform(xml);
  expect(out).not.toContain('localhost');
  expect(out).toContain('https://so-gd.example.gov.vn/baocao/taskpane.html');
  expect(out).toContain('https://so-gd.example.gov.vn/baocao/functions.json');
  expect(out.match(/https:\/\/so-gd\.example\.gov\.vn\/baocao\//g)!.length).toBe(xml.match(/https:\/\/localhost:3000\//g)!.length);
});

test('without ADDIN_URL_PROD the documented default is used; development keeps localhost', async () => {
  expect((await manifestTransform({}, 'production')).transform(xml)).toContain('https://baocao-gd.example.vn/addin/taskpane.html');
  expect((await manifestTransform({ ADDIN_URL_PROD: 'https://x.example/' }, 'development')).transform(xml)).toBe(xml);
});

test('without ADDIN_URL_PROD a production build says loudly, in both languages, which placeholder it used', async () => {
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await manifestTransform({}, 'production');
    const text = write.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toContain('ADDIN_URL_PROD chưa đặt: dist/manifest.xml trỏ tới địa chỉ giả https://baocao-gd.example.vn/addin/');
    expect(text).toContain('ADDIN_URL_PROD is not set');
    write.mockClear();
    await manifestTransform({ ADDIN_URL_PROD: 'https://so-gd.example.gov.vn/baocao/' }, 'production');
    expect(write.mock.calls.map((c) => String(c[0])).join('')).not.toContain('ADDIN_URL_PROD');
  } finally {
    write.mockRestore();
  }
});

test('`npm run build:release` (--env release) refuses to build without ADDIN_URL_PROD', async () => {
  await expect(manifestTransform({}, 'production', { release: true })).rejects.toThrow('needs ADDIN_URL_PROD');
  const { transform } = await manifestTransform({ ADDIN_URL_PROD: 'https://so-gd.example.gov.vn/baocao/' }, 'production', { release: true });
  expect(transform(xml)).toContain('https://so-gd.example.gov.vn/baocao/taskpane.html');
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
  expect(scripts['build:release']).toBe('webpack --mode production --env release');
});

test('a non-https production URL is refused', async () => {
  await expect(manifestTransform({ ADDIN_URL_PROD: 'http://insecure.example/' }, 'production')).rejects.toThrow('https');
});

test('`build` also writes the browser app to dist/app, which the add-in build never cleans away', async () => {
  const { config, configs } = await manifestTransform({ ADDIN_URL_PROD: 'https://x.example/' }, 'production');
  const app = configs.find((c: { name: string }) => c.name === 'app');
  expect(Object.keys(app.entry)).toEqual(['app']);
  expect(app.output.path).toBe(path.join(ROOT, 'dist', 'app'));
  expect(config.output.clean.keep.test('app/index.html')).toBe(true);
  expect(config.output.clean.keep.test('taskpane.js')).toBe(false);
});

test('`build` has no dev server (so it never asks for dev certificates)', async () => {
  const { config } = await manifestTransform({}, 'production');
  expect(config.devServer).toBeUndefined();
  expect(Object.keys(config.entry).sort()).toEqual(['functions', 'taskpane']);
});
