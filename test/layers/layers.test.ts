/**
 * Layer rules that check themselves: src/ holds them, and the checker fails on deliberate crossings
 * written into a throw-away tree. The core tsconfig (no DOM, no Node types) is proven the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { checkLayers, LAYER_RULES } from './checkLayers';

const ROOT = path.resolve(__dirname, '..', '..');

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

test('src/ keeps its layers', () => {
  expect(checkLayers(ROOT)).toEqual([]);
});

test('every folder of src/ has a rule, and the rules name only known layers', () => {
  const folders = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  expect(LAYER_RULES.map((r) => r.layer).sort()).toEqual(folders);
  for (const r of LAYER_RULES) for (const l of r.mayImport) expect(folders).toContain(l);
});

describe('a deliberately wrong tree fails, naming file, line and rule', () => {
  const dir = tree({
    'src/core/ok.ts': "import { x } from './other';\nexport const y = x;\n",
    'src/core/other.ts': 'export const x = 1;\n',
    'src/core/bad.ts': [
      "import { promises as fs } from 'fs';",
      "import type { SettingsStore } from '../taskpane/services/settingsStore';",
      "import React from 'react';",
      'export const title = () => document.title;',
      "export const log = (s: string) => console.log(s);",
      'export type Ctx = Excel.RequestContext;',
      "export const lazy = () => import('../cli/main');",
    ].join('\n'),
    'src/excel/settingsStore.ts': "import type { SettingsStore } from '../taskpane/services/settingsStore';\nexport const s: SettingsStore | null = null;\n",
    'src/functions/fn.ts': "import { useState } from 'react';\nexport async function f() { await Excel.run(async () => undefined); return useState; }\n",
    'src/xlsx/read.ts': "import { readFileSync } from 'node:fs';\nimport { t } from '../core/ok';\nexport const r = () => [readFileSync, t];\n",
    'src/taskpane/services/settingsStore.ts': 'export interface SettingsStore { load(): null }\n',
    'src/taskpane/components/Tab.tsx': 'export const Tab = () => { Office.context.document; return null; };\n',
    'src/taskpane/index.tsx': 'Office.onReady(() => undefined);\n',
    'src/cli/main.ts': "import fs from 'node:fs';\nimport { officeSettingsStore } from '../excel/settingsStore';\nexport const m = [fs, officeSettingsStore];\n",
    'src/newlayer/x.ts': 'export const z = 1;\n',
  });
  const found = checkLayers(dir).map((v) => `${v.file}:${v.line} ${v.problem}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['core importing a Node built-in', /^src\/core\/bad\.ts:1 core must not import the Node built-in "fs"/],
    ['core importing the task pane', /^src\/core\/bad\.ts:2 core must not import taskpane/],
    ['core importing a package', /^src\/core\/bad\.ts:3 core must not import the package "react"/],
    ['core using the DOM', /^src\/core\/bad\.ts:4 core must not use the global document/],
    ['core using console', /^src\/core\/bad\.ts:5 core must not use the global console/],
    ['core naming an Office type', /^src\/core\/bad\.ts:6 core must not use the global Excel/],
    ['core importing the CLI lazily', /^src\/core\/bad\.ts:7 core must not import cli/],
    ['excel importing the task pane', /^src\/excel\/settingsStore\.ts:1 excel must not import taskpane/],
    ['functions importing React', /^src\/functions\/fn\.ts:1 functions must not import the package "react"/],
    ['functions calling Excel.run', /^src\/functions\/fn\.ts:2 functions must not use the global Excel/],
    ['the host-neutral reader importing Node', /^src\/xlsx\/read\.ts:1 xlsx must not import the Node built-in "node:fs"/],
    ['a pane component calling Office.js', /^src\/taskpane\/components\/Tab\.tsx:1 taskpane must not use the global Office/],
    ['the CLI importing the Excel layer', /^src\/cli\/main\.ts:2 cli must not import excel/],
    ['a folder without a rule', /^src\/newlayer:0 folder src\/newlayer has no layer rule/],
  ])('%s', (_what, re) => {
    expect(found.filter((f) => re.test(f))).toHaveLength(1);
  });

  test('and nothing else: allowed imports and the entry point\'s Office.onReady pass', () => {
    expect(found).toHaveLength(14);
    expect(found.some((f) => f.startsWith('src/core/ok.ts') || f.startsWith('src/taskpane/index.tsx'))).toBe(false);
  });
});

describe('src/core/tsconfig.json: core type-checks without DOM, Node or Office types', () => {
  const config = ts.readConfigFile(path.join(ROOT, 'src/core/tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.join(ROOT, 'src/core'));

  function diagnostics(code: string): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-tsc-'));
    const file = path.join(dir, 'probe.ts');
    fs.writeFileSync(file, code);
    try {
      const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test('the config has no DOM library and no ambient types', () => {
    expect(parsed.options.types).toEqual([]);
    expect((parsed.options.lib ?? []).some((l) => /dom/i.test(l))).toBe(false);
  });

  test('a DOM, Node or Office global is a type error; plain ECMAScript is fine', () => {
    expect(diagnostics('export const ok = [1, 2].map((x) => x * 2).includes(4) && new Intl.NumberFormat("vi").format(1);\n')).toEqual([]);
    for (const bad of ['document.title', 'structuredClone({})', 'new TextDecoder()', 'process.env', 'Buffer.from("")', 'Office.context', 'console.log(1)']) {
      expect([bad, diagnostics(`export const x = ${bad};\n`).length > 0]).toEqual([bad, true]);
    }
  });
});
