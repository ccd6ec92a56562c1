/**
 * Try the built task pane in any browser, outside Excel, on an in-memory copy of a workbook:
 *   npm run harness -- [file.xlsx]   (default: samples/as-printed/quan12-2023-2024-as-printed.xlsx)
 * office.js is replaced by a stub (no Microsoft requests at all); the page lists the workbook's
 * sheets beside the pane, shows selections and inserted sheets. Nothing leaves 127.0.0.1.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import { loadWorkbookFile } from '../../src/cli/xlsx';
import { ROOT, ensureDist } from './dist';

const OFFICE_STUB = `
window.Office = { onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); }, context: {} };
window.CustomFunctions = { associate: function () {} };
`;

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(ROOT, 'samples', 'as-printed', 'quan12-2023-2024-as-printed.xlsx'));
  const dist = ensureDist();
  const snapshot = await loadWorkbookFile(file);
  const page = fs
    .readFileSync(path.join(dist, 'taskpane.html'), 'utf8')
    .replace(/<script[^>]*appsforoffice\.microsoft\.com[^>]*><\/script>/, `<script>${OFFICE_STUB}window.__BAOCAO_SNAPSHOT__=${JSON.stringify(snapshot).replace(/</g, '\\u003c')};</script>`);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '') || 'taskpane.html';
    if (rel === 'taskpane.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const f = path.resolve(dist, rel);
    if (!f.startsWith(dist) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': f.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream' });
    fs.createReadStream(f).pipe(res);
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    console.log(`Báo cáo GD (harness, ${path.basename(file)}): http://127.0.0.1:${port}/  — Ctrl+C to stop`);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
