#!/usr/bin/env node
'use strict';
// Launcher: runs the bundle built by `npm ci`/`npm install` (prepare). If it is missing or older
// than the sources (a developer edited src/), rebuild it first so the command never runs stale code.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'lib', 'baocao-gd.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

let stale = !fs.existsSync(bundle);
if (!stale && fs.existsSync(path.join(root, 'src'))) {
  const built = fs.statSync(bundle).mtimeMs;
  stale = ['core', 'cli', 'functions', 'render', 'xlsx'].some((d) => {
    const dir = path.join(root, 'src', d);
    return fs.existsSync(dir) && newestSource(dir) > built;
  });
}
if (stale) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    // Never a stack trace for the user; the message says what went wrong.
    process.stderr.write(`baocao-gd: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
