/**
 * `baocao-gd app`: serves the built browser app (dist/app) on 127.0.0.1 only, prints its address,
 * hands out nothing outside dist/app, and exits 0 when stopped.
 */
import { spawn, type ChildProcess } from 'child_process';
import http from 'http';
import os from 'os';
import path from 'path';
import { ensureDist } from '../harness/dist';
import { main } from '../../src/cli/main';
import { captureIO } from '../../src/cli/io';

const ROOT = path.join(__dirname, '..', '..');
jest.setTimeout(300_000);

function get(port: number, rawPath: string, host = '127.0.0.1'): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('--port that is not a port number: exit 2 with a message in both languages', async () => {
  const io = captureIO();
  expect(await main(['app', '--port', 'abc'], io)).toBe(2);
  expect(io.stderr.join('\n')).toContain('--port cần một số từ 0 đến 65535');
});

describe('npx baocao-gd app', () => {
  let child: ChildProcess;
  let port = 0;
  let out = '';

  beforeAll(async () => {
    ensureDist();
    child = spawn(process.execPath, [path.join(ROOT, 'bin', 'baocao-gd.cjs'), 'app', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 120_000);
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (d: string) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  test('prints its 127.0.0.1 address and serves the app page', async () => {
    expect(out).toContain(`Báo cáo GD trên trình duyệt: http://127.0.0.1:${port}/`);
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Báo cáo GD trên trình duyệt</title>');
    expect(page.body).toContain('data-page="app"');
    // The page may connect nowhere but its own server.
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    const script = await get(port, '/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
  });

  test('nothing outside dist/app is handed out', async () => {
    for (const p of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/taskpane.js', '/khong-co.js']) {
      expect([p, (await get(port, p)).status]).toEqual([p, 404]);
    }
  });

  test('it listens on the loopback address only', async () => {
    const external = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) await expect(get(port, '/', external.address)).rejects.toThrow(/ECONNREFUSED/);
    expect(external === undefined || external.address !== '127.0.0.1').toBe(true);
  });

  test('Ctrl+C stops it with exit code 0', async () => {
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  });
});
