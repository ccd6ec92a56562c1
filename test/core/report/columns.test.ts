/** Report tables from column specs: widths can only come out right; a column is one line. */
import * as path from 'path';
import JSZip from 'jszip';
import { keyedColumn, keyedRow, tableOf } from '../../../src/core/report/columns';
import type { ColumnSpec } from '../../../src/core/report/columns';
import { labelCell, SectionBuilder } from '../../../src/core/report/model';
import type { ReportModel, ReportTable } from '../../../src/core/report/model';
import { buildReport } from '../../../src/core/report/build';
import { quotientCell, ratio } from '../../../src/core/report/figures';
import { QUY_MO_COLUMNS } from '../../../src/core/report/quyMo';
import type { QuyMoRow } from '../../../src/core/report/quyMo';
import type { ReportContext } from '../../../src/core/report/context';
import { reportToHtml } from '../../../src/core/report/html';
import { reportToSheetPlan } from '../../../src/core/report/sheetPlan';
import { reportToDocx } from '../../../src/render/docx';
import { checkSnapshot } from '../../../src/core/rules';
import { withDefaults } from '../../../src/core/settings';
import { engineServices } from '../../../src/taskpane/services/engine';
import { loadWorkbookFile } from '../../../src/cli/xlsx';
import { toSnapshot } from '../../fixtures/builder';
import { cleanSheets } from '../../fixtures/clean';
import { SAMPLES } from './helpers';

type Row = { name: string; n?: number };
const ctx = { lang: 'vi' as const };

describe('tableOf', () => {
  const columns: ColumnSpec<Row, typeof ctx>[] = [
    { key: 'name', header: () => 'Tên', cell: (r) => labelCell(r.name) },
    { key: 'n', header: () => 'Số', cell: (r) => (r.n === undefined ? undefined : { text: String(r.n), value: r.n, kind: 'count' }) },
  ];
  test('one cell per column in every row; a column with nothing for a row gets the filler', () => {
    const t = tableOf(columns, [{ name: 'a', n: 1 }, { name: 'b' }], ctx, { id: 't', title: 'T' });
    expect(t.columns).toEqual(['Tên', 'Số']);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([['a', '1'], ['b', '–']]);
    expect(tableOf(columns, [{ name: 'b' }], ctx, { id: 't', title: 'T', filler: () => labelCell('x') }).rows[0][1]).toEqual(labelCell('x'));
  });
  test('a key twice is refused', () => {
    expect(() => tableOf([...columns, columns[0]], [], ctx, { id: 't', title: 'T' })).toThrow(/column "name" twice/);
  });
  test('a keyed row naming a column the table lacks is refused', () => {
    const keyed = [keyedColumn<typeof ctx>('a', () => 'A')];
    expect(keyedRow(keyed, { a: labelCell('1') })).toEqual({ a: labelCell('1') });
    expect(() => keyedRow(keyed, { b: labelCell('1') })).toThrow(/no column "b"/);
  });
  test('a row of the wrong width, built by position, is stopped before it reaches a section', () => {
    // The bug of the first build: four quy mô rows 12 cells wide under 13 headers passed every test.
    const narrow: ReportTable = { id: 'quy_mo', title: 'T', columns: ['a', 'b', 'c'], rows: [[labelCell('1'), labelCell('2')]] };
    expect(() => new SectionBuilder('quy_mo', 'Quy mô').table(narrow)).toThrow('Report table quy_mo: row 1 has 2 cells for 3 columns');
  });
});

function quyMo(model: ReportModel): ReportTable {
  return model.sections.find((s) => s.id === 'quy_mo')!.tables[0];
}

describe('adding a report column is one line', () => {
  // Pupils per teacher, added to the quy mô table (the documented hook: its exported column list).
  const column: ColumnSpec<QuyMoRow, ReportContext> = { key: 'hs_tren_gv', header: () => 'HS/GV', cell: (r) => r.fig.so_hoc_sinh && r.fig.so_gv && quotientCell(ratio(r.fig.so_hoc_sinh, r.fig.so_gv)) };
  beforeAll(() => QUY_MO_COLUMNS.push(column));
  afterAll(() => QUY_MO_COLUMNS.splice(QUY_MO_COLUMNS.indexOf(column), 1));

  test('model, Excel sheet, HTML, .docx and the pane services all carry it', async () => {
    const { parsed, findings } = checkSnapshot(toSnapshot('clean.xlsx', cleanSheets()));
    const model = buildReport({ current: parsed, findings });
    const table = quyMo(model);
    expect(table.columns).toHaveLength(13);
    expect(table.columns[12]).toBe('HS/GV');
    for (const r of table.rows) expect(r).toHaveLength(13);
    // Whole unit: (1.050 + 280 + 880) pupils / (42 + 22 + 38) teachers = 2.210/102 = 21,67.
    expect(table.rows[table.rows.length - 1][12]).toMatchObject({ text: '21,67', value: 2210 / 102 });
    expect(JSON.parse(JSON.stringify(model)).sections[0].tables[0].columns).toContain('HS/GV');

    const plan = reportToSheetPlan(model);
    const header = plan.blocks.find((b) => b.id === 'quy_mo:header')!;
    expect(header.values[0][12]).toBe('HS/GV');
    expect(plan.blocks.filter((b) => b.id?.startsWith('quy_mo:rows')).every((b) => b.values.every((r) => r.length === 13))).toBe(true);
    expect(reportToHtml(model)).toMatch(/<th[^>]*>HS\/GV<\/th>/);
    const docx = await JSZip.loadAsync(await reportToDocx(model));
    expect(await docx.file('word/document.xml')!.async('string')).toContain('HS/GV');

    const pane = await engineServices.buildReport(toSnapshot('clean.xlsx', cleanSheets()), withDefaults(), { sections: ['quy_mo'], years: 1, lang: 'vi' });
    expect(quyMo(pane.model).columns[12]).toBe('HS/GV');
    expect(engineServices.tableClipboard(quyMo(pane.model)).text.split('\n')[1].split('\t')).toHaveLength(13);
  });

  test('rows without those figures (multi-level schools\' share of a level) get the dash, not a shorter row', async () => {
    const snap = await loadWorkbookFile(path.join(SAMPLES, 'quan12-2023-2024.xlsx'));
    const { parsed, findings } = checkSnapshot(snap);
    const table = quyMo(buildReport({ current: parsed, findings }));
    // "Trường nhiều cấp học (cấp …)" and "Cộng … (gồm cả trường nhiều cấp học)" carry schools, pupils, 2 sessions only.
    const partial = table.rows.filter((r) => /^Trường nhiều cấp học \(cấp|gồm cả trường nhiều cấp học/.test(r[0].text));
    expect(partial.length).toBeGreaterThan(0);
    for (const r of table.rows) expect(r).toHaveLength(13);
    for (const r of partial) expect(r[12].text).toBe('–');
  });
});
