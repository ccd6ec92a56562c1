/**
 * `baocao-gd app [--port N]`: serves the standalone web app ("Báo cáo GD trên trình duyệt", dist/app)
 * on 127.0.0.1 only and prints its address. The app works on files picked in the browser; this
 * server only hands out its own static files (nothing is uploaded, nothing leaves the machine). When
 * dist/app is missing or older than the sources it is built first (webpack, about a minute).
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';
import { APP_DIST, distIsFresh, ensureDist } from '../dist';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The page may load only its own files and may connect nowhere else (privacy: no network). */
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self' 'unsafe-inline' 'unsafe-eval' blob: data:; connect-src 'self' blob: data:; object-src 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function appServer(root: string): http.Server {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '') || 'index.html';
    } catch {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    const file = path.resolve(base, rel);
    if ((file !== base && !file.startsWith(base + path.sep)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Không có / Not found');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

function parsePort(raw: string | boolean | undefined): number | null {
  if (raw === undefined) return 8765;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n <= 65535 ? n : null;
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const port = parsePort(args.flags.port);
  if (port === null) {
    io.err(`--port cần một số từ 0 đến 65535 / --port needs a number from 0 to 65535 (got ${String(args.flags.port)})`);
    return 2;
  }
  if (!distIsFresh()) {
    io.err('Đang dựng ứng dụng (lần đầu khoảng một phút)… / Building the app (about a minute the first time)…');
    try {
      ensureDist();
    } catch (e) {
      io.err(`Không dựng được ứng dụng / Could not build the app: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return 2;
    }
  }
  const server = appServer(APP_DIST);
  const started = await new Promise<number | Error>((resolve) => {
    server.once('error', (e) => resolve(e));
    // Loopback only: the app is for this machine (an office serves dist/app from its own web server).
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
  if (started instanceof Error) {
    const inUse = (started as NodeJS.ErrnoException).code === 'EADDRINUSE';
    io.err(inUse ? `Cổng ${port} đang được dùng: chọn cổng khác, ví dụ --port ${port + 1} / Port ${port} is in use: pick another, e.g. --port ${port + 1}` : `Không mở được cổng ${port} / Cannot listen on port ${port}: ${started.message}`);
    return 2;
  }
  io.out(`Báo cáo GD trên trình duyệt: http://127.0.0.1:${started}/`);
  io.out('Mở địa chỉ trên bằng trình duyệt; tệp bạn chọn không rời khỏi máy. Nhấn Ctrl+C để dừng. / Open the address in a browser; the files you pick never leave this computer. Press Ctrl+C to stop.');
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve(0));
      server.closeAllConnections?.();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
