/**
 * Offline structural checks of manifest.xml (the online `office-addin-manifest validate` cannot run
 * here; see OFFICE-ADDIN-NOTES §4): element order, resids, shared runtime, namespace, URLs, icons.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { ensureDist } from '../harness/dist';

// xml2js ships with office-addin-manifest (no bundled types).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const xml2js: { parseStringPromise(xml: string, opts?: object): Promise<any> } = require('xml2js');

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

interface XNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XNode[];
}

function toNode(raw: any): XNode {
  return {
    name: raw['#name'],
    attrs: raw.$ ?? {},
    text: typeof raw._ === 'string' ? raw._.trim() : '',
    children: (raw.$$ ?? []).map(toNode),
  };
}

async function parse(xml: string): Promise<XNode> {
  const doc = await xml2js.parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: false });
  const rootName = Object.keys(doc)[0];
  return toNode(doc[rootName]);
}

function child(n: XNode, name: string): XNode {
  const c = n.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${n.name}> has no <${name}>`);
  return c;
}
function all(n: XNode, pred: (x: XNode) => boolean, out: XNode[] = []): XNode[] {
  if (pred(n)) out.push(n);
  for (const c of n.children) all(c, pred, out);
  return out;
}
function names(n: XNode): string[] {
  return n.children.map((c) => c.name);
}
/** True when `actual` follows the order of `order` (names absent from `order` are a failure). */
function inOrder(actual: string[], order: string[]): boolean {
  let last = -1;
  for (const a of actual) {
    const i = order.indexOf(a);
    if (i < last || i === -1) return false;
    last = i;
  }
  return true;
}

let root: XNode;
let xml: string;
beforeAll(async () => {
  xml = fs.readFileSync(MANIFEST, 'utf8');
  root = await parse(xml);
});

const ROOT_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'VersionOverrides',
];

describe('manifest.xml structure', () => {
  test('is a TaskPaneApp with root elements in schema order', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(inOrder(names(root), ROOT_ORDER)).toBe(true);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
      expect(names(root)).toContain(required);
    }
  });

  test('the order check itself rejects a swapped pair', () => {
    expect(inOrder(['Id', 'ProviderName', 'Version'], ROOT_ORDER)).toBe(false);
  });

  test('Id is a GUID and Version is n.n.n.n', () => {
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test('Vietnamese default locale with an en-US override of name and description', () => {
    expect(child(root, 'DefaultLocale').text).toBe('vi-VN');
    for (const el of ['DisplayName', 'Description']) {
      const n = child(root, el);
      expect(n.attrs.DefaultValue).toMatch(/[À-ỹ]/u); // Vietnamese text, with its diacritics
      expect(n.children.some((c) => c.name === 'Override' && c.attrs.Locale === 'en-US' && c.attrs.Value)).toBe(true);
    }
  });

  test('no custom-functions or shared-runtime requirement at the top level', () => {
    const reqs = root.children.filter((c) => c.name === 'Requirements');
    const setNames = reqs.flatMap((r) => all(r, (x) => x.name === 'Set').map((s) => s.attrs.Name));
    expect(setNames).not.toContain('CustomFunctionsRuntime');
    expect(setNames).not.toContain('SharedRuntime');
    // Inside VersionOverrides the shared runtime is required (only clients that have it read that part).
    const vo = child(root, 'VersionOverrides');
    const voSets = all(child(vo, 'Requirements'), (x) => x.name === 'bt:Set');
    expect(voSets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toContainEqual(['SharedRuntime', '1.1']);
  });

  test('VersionOverrides, Host and Resources children are in schema order', () => {
    const vo = child(root, 'VersionOverrides');
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(inOrder(names(vo), ['Description', 'Requirements', 'Hosts', 'Resources'])).toBe(true);
    const host = child(child(vo, 'Hosts'), 'Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    expect(names(host)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    const cf = child(child(host, 'AllFormFactors'), 'ExtensionPoint');
    expect(cf.attrs['xsi:type']).toBe('CustomFunctions');
    expect(names(cf)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    expect(inOrder(names(child(host, 'DesktopFormFactor')), ['GetStarted', 'FunctionFile', 'ExtensionPoint'])).toBe(true);
    expect(names(child(vo, 'Resources'))).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
  });

  test('every resid resolves to a resource of the right kind, ids ≤ 32 characters', () => {
    const res = child(child(root, 'VersionOverrides'), 'Resources');
    const ids = (group: string) => new Set(child(res, group).children.map((c) => c.attrs.id));
    const images = ids('bt:Images');
    const urls = ids('bt:Urls');
    const strings = new Set([...ids('bt:ShortStrings'), ...ids('bt:LongStrings')]);
    const users = all(root, (x) => x.attrs.resid !== undefined);
    expect(users.length).toBeGreaterThan(10);
    for (const u of users) {
      const id = u.attrs.resid;
      expect(id.length).toBeLessThanOrEqual(32);
      const pool = u.name === 'bt:Image' ? images : ['SourceLocation', 'Runtime', 'FunctionFile', 'LearnMoreUrl'].includes(u.name) ? urls : strings;
      if (!pool.has(id)) throw new Error(`<${u.name} resid="${id}"> does not resolve`);
    }
    for (const group of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']) {
      for (const c of child(res, group).children) expect(c.attrs.id.length).toBeLessThanOrEqual(32);
    }
    // Short strings are limited to 125 characters, long strings to 250.
    for (const s of child(res, 'bt:ShortStrings').children) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of child(res, 'bt:LongStrings').children) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  test('shared runtime: Runtime, Page, FunctionFile and ShowTaskpane use the same resid', () => {
    const host = child(child(child(root, 'VersionOverrides'), 'Hosts'), 'Host');
    const runtime = child(child(host, 'Runtimes'), 'Runtime');
    expect(runtime.attrs.lifetime).toBe('long');
    const page = child(child(child(child(host, 'AllFormFactors'), 'ExtensionPoint'), 'Page'), 'SourceLocation');
    const functionFile = child(child(host, 'DesktopFormFactor'), 'FunctionFile');
    const actions = all(host, (x) => x.name === 'Action' && x.attrs['xsi:type'] === 'ShowTaskpane');
    expect(actions.length).toBeGreaterThan(0);
    const resids = [runtime.attrs.resid, page.attrs.resid, functionFile.attrs.resid, ...actions.map((a) => child(a, 'SourceLocation').attrs.resid)];
    expect(new Set(resids)).toEqual(new Set(['Taskpane.Url']));
  });

  test('custom-functions namespace is "GD": uppercase ASCII letters, not a cell reference or macro name', () => {
    const host = child(child(child(root, 'VersionOverrides'), 'Hosts'), 'Host');
    const nsResid = child(child(child(host, 'AllFormFactors'), 'ExtensionPoint'), 'Namespace').attrs.resid;
    const res = child(child(root, 'VersionOverrides'), 'Resources');
    const ns = child(res, 'bt:ShortStrings').children.find((s) => s.attrs.id === nsResid)!.attrs.DefaultValue;
    expect(ns).toBe('GD');
    expect(ns).toMatch(/^[A-Z][A-Z0-9_]*$/);
    // "GD" is a column, but a namespace followed by "." can never parse as A1/R1C1 (those end in digits).
    expect(ns).not.toMatch(/^[A-Z]{1,3}\d+$|^R\d+C\d+$/);
    expect(['RUN', 'ECHO', 'CALL', 'EVALUATE']).not.toContain(ns);
  });

  test('every URL is https and points at a file the build emits; icons exist in assets/', () => {
    const urls = all(root, (x) => typeof x.attrs.DefaultValue === 'string' && /^\w+:\/\//.test(x.attrs.DefaultValue)).map((x) => x.attrs.DefaultValue);
    expect(urls.length).toBeGreaterThan(8);
    const emitted = /^(taskpane\.html|functions\.js|functions\.json|assets\/icon-(16|32|64|80|128)\.png)$/;
    for (const u of urls) {
      expect(u).toMatch(/^https:\/\/localhost:3000\//); // the dev URL; the build rewrites it
      const rel = u.replace('https://localhost:3000/', '');
      expect(rel).toMatch(emitted);
      if (rel.startsWith('assets/')) expect(fs.existsSync(path.join(ROOT, rel))).toBe(true);
    }
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test('office-addin-manifest info parses it (offline)', () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'office-addin-manifest');
    const r = spawnSync(bin, ['info', MANIFEST], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(child(root, 'Id').text);
    expect(r.stdout).toContain('Type: TaskPaneApp');
  });
});

describe('built manifest (dist/)', () => {
  let dist: string;
  let built: XNode;
  beforeAll(async () => {
    dist = ensureDist();
    built = await parse(fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8'));
  }, 240_000);

  test('production manifest has no localhost and every URL maps to a file in dist/', () => {
    const text = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    expect(text).not.toContain('localhost');
    const prod = (process.env.ADDIN_URL_PROD || 'https://baocao-gd.example.vn/addin/').replace(/\/?$/, '/');
    const urls = all(built, (x) => typeof x.attrs.DefaultValue === 'string' && /^\w+:\/\//.test(x.attrs.DefaultValue)).map((x) => x.attrs.DefaultValue);
    for (const u of urls) {
      expect(u.startsWith(prod)).toBe(true);
      const rel = u.slice(prod.length);
      const hasFunctions = fs.existsSync(path.join(ROOT, 'src', 'functions', 'functions.ts'));
      if (!hasFunctions && rel.startsWith('functions.')) continue;
      if (!fs.existsSync(path.join(dist, rel))) throw new Error(`manifest URL ${u} has no file dist/${rel}`);
    }
  });

  test('taskpane.html loads office.js from the Microsoft CDN in <head>, before the bundles', () => {
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const cdn = head.indexOf('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(cdn).toBeGreaterThan(-1);
    const bundle = head.indexOf('taskpane.js');
    expect(bundle).toBeGreaterThan(cdn);
  });

  test('functions.json (once functions.ts exists) has unique ASCII uppercase ids of ≥ 3 characters', () => {
    const src = path.join(ROOT, 'src', 'functions', 'functions.ts');
    if (!fs.existsSync(src)) {
      expect(fs.existsSync(path.join(dist, 'functions.json'))).toBe(false);
      return;
    }
    const meta = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8'));
    const ids: string[] = meta.functions.map((f: { id: string }) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(fs.existsSync(path.join(dist, 'functions.js'))).toBe(true);
    // The build registers exactly the functions the other hosts (CLI, formula tests) know.
    const { GD_FUNCTIONS } = require('../../src/functions/registry');
    expect(ids.slice().sort()).toEqual(Object.keys(GD_FUNCTIONS).sort());
    expect(ids).toHaveLength(19);
  });
});
