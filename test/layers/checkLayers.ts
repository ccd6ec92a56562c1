/**
 * The layer rules of ARCHITECTURE.md as data, and a checker that reads every source file's imports
 * and global names with the TypeScript compiler's parser (no type checking: fast, and independent of
 * how the code is built). `test/layers/layers.test.ts` runs it on src/ in `npm test`; a crossing
 * fails that test with the file, the line and the rule broken.
 *
 * The other half of the check is `src/core/tsconfig.json` (ECMAScript library only, no DOM or Node
 * types), also run by `npm test`: a DOM or Node global in core is a type error there.
 *
 * A new folder under src/ needs a row here (the checker refuses folders it does not know).
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export type LayerName = 'core' | 'xlsx' | 'render' | 'functions' | 'excel' | 'taskpane' | 'cli';

export interface LayerRule {
  layer: LayerName;
  /** Other layers (folders of src/) this one may import. Its own files are always allowed. */
  mayImport: LayerName[];
  /** npm packages it may import ("@fluentui/" allows the scope). */
  packages: string[];
  /** Node built-ins (fs, path, node:…) allowed. */
  node: boolean;
  /** Global names it must not use (as `X.y`, `X()`, `new X` or the type `X.Y`). */
  forbiddenGlobals: string[];
  /** Files (relative to the layer folder) allowed some of those globals, and why. */
  exceptions?: { file: string; globals: string[]; why: string }[];
  why: string;
}

const OFFICE = ['Office', 'Excel', 'OfficeRuntime', 'Word', 'PowerPoint', 'OneNote'];
const DOM = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'Blob'];
const NODE = ['process', 'Buffer', 'require', '__dirname', '__filename'];

export const LAYER_RULES: LayerRule[] = [
  {
    layer: 'core',
    mayImport: [],
    packages: [],
    node: false,
    forbiddenGlobals: [...OFFICE, ...DOM, ...NODE, 'console'],
    why: 'pure TypeScript: every host builds on it, tests run it in milliseconds',
  },
  {
    layer: 'xlsx',
    mayImport: ['core'],
    packages: ['exceljs', 'jszip', 'fflate', '@e965/xlsx'],
    node: false,
    forbiddenGlobals: [...OFFICE, ...DOM, ...NODE],
    why: 'the host-neutral .xlsx reader and writer (and .xls, BIFF8, via SheetJS CE @e965/xlsx): runs in Node (CLI) and in the pane\'s Web Worker',
  },
  {
    layer: 'render',
    mayImport: ['core'],
    packages: ['docx', 'fflate'],
    node: false,
    forbiddenGlobals: [...OFFICE, ...DOM, ...NODE],
    why: "renders a core ReportModel (.docx) for the CLI and the pane alike; fflate (the zip docx itself uses) re-labels an office's .dotx template as a document",
  },
  {
    layer: 'functions',
    mayImport: ['core'],
    packages: [],
    node: false,
    forbiddenGlobals: [...OFFICE, ...DOM, ...NODE],
    why: 'custom functions only parse arguments, call core and map errors (CustomFunctions API only)',
  },
  {
    layer: 'excel',
    mayImport: ['core'],
    packages: [],
    node: false,
    forbiddenGlobals: [...NODE],
    why: 'the only Office.js code: WorkbookPort and SettingsStore on Excel; knows nothing of the pane',
  },
  {
    layer: 'taskpane',
    mayImport: ['core', 'excel', 'xlsx', 'render'],
    packages: ['react', 'react-dom', '@fluentui/'],
    node: false,
    forbiddenGlobals: [...OFFICE, ...NODE],
    exceptions: [{ file: 'index.tsx', globals: ['Office'], why: 'the entry point waits for Office.onReady and reads the Office theme' }],
    why: 'React UI: talks to a WorkbookPort, never to Office.js',
  },
  {
    layer: 'cli',
    mayImport: ['core', 'xlsx', 'render', 'functions'],
    packages: ['exceljs'],
    node: true,
    forbiddenGlobals: [...OFFICE, ...DOM],
    why: 'the command line on .xlsx files in Node',
  },
];

export interface LayerViolation {
  file: string;
  line: number;
  layer: string;
  problem: string;
}

const NODE_BUILTINS = new Set(builtinModules);

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Identifiers used as the root of `X.y`, `X[…]`, `X()`, `new X()` or a type `X.Y`. */
function globalUses(sf: ts.SourceFile, names: Set<string>): { name: string; pos: number }[] {
  const out: { name: string; pos: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && names.has(node.text)) {
      const p = node.parent;
      const root =
        ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === node) ||
        (ts.isQualifiedName(p) && p.left === node) ||
        (ts.isTypeReferenceNode(p) && p.typeName === node) ||
        (ts.isTypeQueryNode(p) && p.exprName === node);
      if (root) out.push({ name: node.text, pos: node.getStart(sf) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every crossing of the rules under `root` (a folder holding src/). Empty when the layers hold. */
export function checkLayers(root: string, rules: LayerRule[] = LAYER_RULES): LayerViolation[] {
  const src = path.join(root, 'src');
  const byLayer = new Map(rules.map((r) => [r.layer as string, r]));
  const out: LayerViolation[] = [];
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (entry.isDirectory() && !byLayer.has(entry.name)) {
      out.push({ file: `src/${entry.name}`, line: 0, layer: entry.name, problem: `folder src/${entry.name} has no layer rule (add one to test/layers/checkLayers.ts)` });
    }
  }
  const layerOf = (abs: string): string | null => {
    const rel = path.relative(src, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
    const first = rel.split(path.sep)[0];
    return rel.includes(path.sep) ? first : null;
  };
  for (const rule of rules) {
    const dir = path.join(src, rule.layer);
    for (const file of sourceFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(root, file).split(path.sep).join('/');
      const lineOf = (pos: number) => text.slice(0, pos).split('\n').length;
      const report = (pos: number, problem: string) => out.push({ file: rel, line: lineOf(pos), layer: rule.layer, problem });
      const info = ts.preProcessFile(text, true, true);
      for (const imp of info.importedFiles) {
        const spec = imp.fileName;
        if (spec.startsWith('.')) {
          const target = layerOf(path.resolve(path.dirname(file), spec));
          if (target === rule.layer) continue;
          if (target === null) report(imp.pos, `imports "${spec}", outside the layers of src/`);
          else if (!rule.mayImport.includes(target as LayerName)) {
            report(imp.pos, `${rule.layer} must not import ${target} ("${spec}"); it may import ${rule.mayImport.join(', ') || 'nothing outside itself'} (${rule.why})`);
          }
        } else if (isNodeBuiltin(spec)) {
          if (!rule.node) report(imp.pos, `${rule.layer} must not import the Node built-in "${spec}" (${rule.why})`);
        } else {
          const pkg = packageName(spec);
          const ok = rule.packages.some((p) => (p.endsWith('/') ? pkg.startsWith(p) : pkg === p));
          if (!ok) report(imp.pos, `${rule.layer} must not import the package "${pkg}"; allowed: ${rule.packages.join(', ') || 'none'} (${rule.why})`);
        }
      }
      const inLayer = path.relative(dir, file).split(path.sep).join('/');
      const excepted = new Set(rule.exceptions?.filter((e) => e.file === inLayer).flatMap((e) => e.globals) ?? []);
      const forbidden = new Set(rule.forbiddenGlobals.filter((g) => !excepted.has(g)));
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      for (const use of globalUses(sf, forbidden)) report(use.pos, `${rule.layer} must not use the global ${use.name} (${rule.why})`);
    }
  }
  return out;
}
