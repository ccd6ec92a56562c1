/** Every message the pane asks for exists in both languages (t() throws on an unknown key). */
import fs from 'fs';
import path from 'path';
import { CATALOG } from '../../src/core/i18n';
import { SECTION_ORDER } from '../../src/core/report/model';
import { STATUS_COLOR } from '../../src/taskpane/components/CrossCheckTab';

const SRC = path.resolve(__dirname, '..', '..', 'src', 'taskpane');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

test('literal keys used by the pane are in the catalogue with Vietnamese and English text', () => {
  const keys = new Set<string>();
  for (const f of files(SRC)) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) keys.add(m[1]);
  expect(keys.size).toBeGreaterThan(60);
  for (const k of keys) {
    expect([k, typeof CATALOG[k]?.vi, typeof CATALOG[k]?.en]).toEqual([k, 'string', 'string']);
    expect(CATALOG[k].vi.trim()).not.toBe('');
    expect(CATALOG[k].en.trim()).not.toBe('');
  }
});

test('keys built from ids exist for every id', () => {
  const families = [
    ...['check', 'crosscheck', 'report', 'settings'].map((id) => `ui.tab.${id}`),
    ...SECTION_ORDER.map((id) => `ui.report.section.${id}`),
    // STATUS_COLOR is typed Record<SubmissionStatus, …>, so it lists every status the engine can give.
    ...Object.keys(STATUS_COLOR).map((s) => `ui.cross.status.${s}`),
    ...['xa-huyen-tinh', 'xa-tinh'].map((h) => `ui.settings.hierarchy.${h}`),
    ...['error', 'warning', 'info'].map((s) => `severity.${s}`),
  ];
  for (const k of families) expect([k, !!CATALOG[k]?.vi && !!CATALOG[k]?.en]).toEqual([k, true]);
});

test('placeholders are the same in both languages', () => {
  for (const [k, m] of Object.entries(CATALOG).filter(([k]) => k.startsWith('ui.'))) {
    const names = (s: string) => Array.from(s.matchAll(/\{(\w+)\}/g), (x) => x[1]).sort();
    expect([k, names(m.en)]).toEqual([k, names(m.vi)]);
  }
});
