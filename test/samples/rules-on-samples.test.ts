/**
 * Integration: the validation rules and the cross-check engine find, in the committed samples, what
 * samples/README.md says they find. Keeps the README's rule ids honest when rules change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadWorkbookFile, UnreadableFileError } from '../../src/cli/xlsx';
import { readWorkbook } from '../../src/core/sheets/read';
import { validateWorkbook } from '../../src/core/rules';
import { createCrossCheck } from '../../src/core/crosscheck';
import type { Finding } from '../../src/core/findings';
import { SAMPLES } from './read';
import { run as runCheck } from '../../src/cli/commands/check';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';

const findingsCache = new Map<string, Promise<Finding[]>>();
function findingsOf(rel: string): Promise<Finding[]> {
  let p = findingsCache.get(rel);
  if (!p) {
    p = loadWorkbookFile(path.join(SAMPLES, rel)).then((snap) => {
      const parsed = readWorkbook(snap);
      return [...parsed.findings, ...validateWorkbook(parsed)];
    });
    findingsCache.set(rel, p);
  }
  return p;
}

interface PlantedEntry {
  id: string;
  file: string;
  sheet: string;
  cells: string[];
  rule: string | null;
  hint?: string;
}
interface ControlEntry {
  id: string;
  file: string;
  sheet: string;
  cells: string[];
  silent: string[];
}
const planted = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'as-printed', 'planted.json'), 'utf8')) as PlantedEntry[];
const controls = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'as-printed', 'controls.json'), 'utf8')) as ControlEntry[];

describe('rules find the planted inconsistencies', () => {
  test('every planted inconsistency has a rule id, and the README lists it at its cells', () => {
    expect(planted.filter((p) => !p.rule).map((p) => p.id)).toEqual([]);
    const readme = fs.readFileSync(path.join(SAMPLES, 'README.md'), 'utf8');
    for (const p of planted) {
      const line = readme.split('\n').find((l) => l.startsWith(`| ${p.id} |`));
      expect([p.id, line?.includes(`${p.sheet}!${p.cells.join(', ')}`), line?.includes(`\`${p.rule}\``)]).toEqual([p.id, true, true]);
    }
  });
  test.each(planted.map((p) => [p.id, p] as const))('%s', async (_id, p) => {
    const hits = (await findingsOf(p.file)).filter((f) => f.rule === p.rule && f.sheet === p.sheet && f.cells.some((c) => p.cells.includes(c)));
    expect(hits.length).toBeGreaterThan(0);
    // The finding points at the printed figure itself (the first cell listed), not only at its inputs.
    expect(hits.some((f) => f.cells.includes(p.cells[0]))).toBe(true);
    if (p.hint) expect(hits.some((f) => f.message.vi.includes(p.hint!))).toBe(true);
  });
});

describe('figures printed right next to them stay silent', () => {
  test.each(controls.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    expect(c.cells.length).toBeGreaterThan(0);
    const hits = (await findingsOf(c.file)).filter((f) => c.silent.includes(f.rule) && f.sheet === c.sheet && f.cells.some((x) => c.cells.includes(x)));
    expect(hits.map((f) => `${f.rule} ${f.cells.join(',')}`)).toEqual([]);
  });
});

describe('the check command prints rate findings as percentages', () => {
  test('cần 97,32%; thấy 97,35% (JSON keeps the fractions)', async () => {
    const file = path.join(SAMPLES, 'as-printed', 'quan12-2023-2024-as-printed.xlsx');
    const human = captureIO();
    expect(await runCheck(parseArgs([file]), human)).toBe(1);
    const out = human.stdout.join('\n');
    expect(out).toContain('(cần 97,32%; thấy 97,35%) [ty_le_in_sai]');
    // 87/328 = 26,52% against 25,52%; 505/518 = 97,5% at the printed one decimal.
    expect(out).toContain('(cần 26,52%; thấy 25,52%) [ty_le_in_sai]');
    expect(out).toContain('(cần 97,5%; thấy 95,2%) [ty_le_in_sai]');
    expect(out).not.toMatch(/cần 0,\d{4}/);
    // counts keep their thousands
    expect(out).toContain('(cần 26.254; thấy 29.239) [dd_khac_quy_mo]');
    const json = captureIO();
    await runCheck(parseArgs([file, '--json']), json);
    const parsed = JSON.parse(json.stdout.join('\n')) as { findings: { rule: string; expected: unknown; actual: unknown }[] };
    expect(parsed.findings.find((f) => f.rule === 'ty_le_in_sai' && f.actual === 0.9735)).toMatchObject({ expected: 0.9732 });
  });
});

describe('clean samples', () => {
  test.each(['quan12-2023-2024.xlsx', 'quan12-2022-2023.xlsx', 'quan12-2024-2025.xlsx'])('%s has no error finding', async (rel) => {
    const errors = (await findingsOf(rel)).filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule} ${f.sheet}!${f.cells.join(',')}`)).toEqual([]);
  });
});

describe('cross-check of samples/submissions', () => {
  test('statuses and missing schools as in submissions/README.md', async () => {
    const dir = path.join(SAMPLES, 'submissions');
    const master = readWorkbook(await loadWorkbookFile(path.join(dir, 'master-2023-2024.xlsx')));
    const cc = createCrossCheck(master, { validate: validateWorkbook });
    const status: Record<string, string> = {};
    const rules: Record<string, string[]> = {};
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.xlsx') && !x.startsWith('master')).sort()) {
      let input;
      try {
        input = await loadWorkbookFile(path.join(dir, f));
      } catch (e) {
        if (!(e instanceof UnreadableFileError)) throw e;
        input = { file: f, reason: e.reason };
      }
      const r = cc.addSubmission(input);
      status[f] = r.summary.status;
      rules[f] = r.findings.map((x) => x.rule);
    }
    const st = (suffix: string) => Object.entries(status).filter(([f]) => f.endsWith(suffix)).map(([, v]) => v);
    expect(Object.values(status).filter((v) => v === 'unreadable')).toHaveLength(1);
    expect(Object.values(status).filter((v) => v === 'no_template')).toHaveLength(1);
    expect(Object.values(status).filter((v) => v === 'wrong_year')).toHaveLength(1);
    expect(st('_lan1.xlsx')).toEqual(['accepted']);
    expect(st('_lan2.xlsx')).toEqual(['blocked']);
    const all = Object.values(rules).flat();
    for (const id of ['khong_doc_duoc_tep', 'khong_co_bieu_mau', 'sai_nam_hoc', 'nop_trung', 'doi_chieu_lech_so_lieu', 'truong_khong_co_trong_danh_sach']) expect(all).toContain(id);
    expect(Object.values(status).filter((v) => v === 'accepted').length).toBeGreaterThanOrEqual(6);
    const result = cc.finish();
    const missing = result.completeness.missing.map((m) => m.code);
    // Two schools never sent anything; the wrong-year, corrupt and no-template schools have no valid submission either.
    expect(missing.length).toBe(5);
  });
});
