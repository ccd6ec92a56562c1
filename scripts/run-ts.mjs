// Runs a TypeScript script without tsx/ts-node: bundles it with esbuild into a .cjs under
// node_modules/.cache (so bare imports still resolve from the project's node_modules), then runs it.
// Usage: node scripts/run-ts.mjs path/to/script.ts [args…]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
const outDir = path.join(root, 'node_modules', '.cache', 'run-ts');
fs.mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, `${path.basename(entry).replace(/\.[cm]?tsx?$/, '')}-${process.pid}.cjs`);
await build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
try {
  const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', cwd: root });
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(outfile, { force: true });
}
