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
}
const planted = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'as-printed', 'planted.json'), 'utf8')) as PlantedEntry[];

describe('rules find the planted inconsistencies', () => {
  test.each(planted.filter((p) => p.rule).map((p) => [p.id, p] as const))('%s', async (_id, p) => {
    const hits = (await findingsOf(p.file)).filter((f) => f.rule === p.rule && f.sheet === p.sheet && f.cells.some((c) => p.cells.includes(c)));
    expect(hits.length).toBeGreaterThan(0);
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
