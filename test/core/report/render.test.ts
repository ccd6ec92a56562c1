/** SheetPlan and HTML/clipboard renderers of the ReportModel. */
import { buildReport } from '../../../src/core/report/build';
import { clipboardItem, reportToHtml, tableToText } from '../../../src/core/report/html';
import { NUMBER_FORMATS, reportToSheetPlan } from '../../../src/core/report/sheetPlan';
import { sheet, workbook } from './helpers';

const PC_TH_FIELDS = ['ma_xa', 'ten_xa', 'tre_6t', 'mien_giam_6t', 'tre_6t_lop1', 'tre_11t', 'mien_giam_11t', 'tre_11t_htth', 'tre_11t_dang_hoc_th', 'tre_14t', 'mien_giam_14t', 'tre_14t_htth'];
const model = buildReport({
  current: workbook('a.xlsx', [
    sheet('PC_TH', PC_TH_FIELDS, [
      ['001', 'Xã A', 100, 0, 99, 200, 2, 190, 8, 150, 0, 149],
      ['002', 'Xã <B>', 80, 1, 79, 120, 0, 119, 1, 90, 1, 89],
    ], { startRow: 8 }),
  ]),
});

describe('reportToSheetPlan', () => {
  const plan = reportToSheetPlan(model);

  it('names the sheet with the school year and writes formulas with their values alongside', () => {
    expect(plan.name).toBe('Báo cáo 2023-2024');
    const rows = plan.blocks.filter((b) => b.id?.startsWith('pho_cap_TH:rows'));
    const all = rows.flatMap((b) => b.values.map((r, i) => ({ r, f: b.isFormula?.[i], res: b.results?.[i], fmt: b.columnFormats })));
    const total = all[all.length - 1];
    // 11-year-olds of the unit: (190+119)/((200+120)−(2+0)), pointing at the source rows 8:9
    const iRate = 3;
    expect(total.r[iRate]).toBe(`=IFERROR(SUM('PC_TH'!H8:H9)/(SUM('PC_TH'!F8:F9)-SUM('PC_TH'!G8:G9)),"")`);
    expect(total.f![iRate]).toBe(true);
    expect(total.res![iRate]).toBeCloseTo((190 + 119) / (320 - 2), 12);
    expect(total.fmt![iRate]).toBe(NUMBER_FORMATS.rate);
    const first = all[0];
    expect(first.r[iRate]).toBe(`=IFERROR('PC_TH'!H8/('PC_TH'!F8-'PC_TH'!G8),"")`);
  });

  it('header rows are bold and bordered, paragraphs are merged wrapped rows', () => {
    const header = plan.blocks.find((b) => b.id === 'pho_cap_TH:header')!;
    expect(header.style).toMatchObject({ bold: true, border: true });
    const para = plan.blocks.find((b) => typeof b.values[0][0] === 'string' && (b.values[0][0] as string).startsWith('- Tổng số trẻ 11 tuổi'))!;
    expect(para.mergeRows).toBe(true);
    expect(para.style?.wrap).toBe(true);
    // blocks never overlap
    const used = new Set<string>();
    for (const b of plan.blocks) b.values.forEach((r, i) => r.forEach((_v, j) => {
      const key = `${b.row + i}:${b.col + j}`;
      expect(used.has(key)).toBe(false);
      used.add(key);
    }));
  });
});

describe('HTML and clipboard', () => {
  it('each table and paragraph renders alone as HTML + plain text, escaped', () => {
    const s = model.sections.find((x) => x.id === 'pho_cap')!;
    const t = clipboardItem(s, { type: 'table', index: 0 });
    expect(t.html).toContain('<table');
    expect(t.html).toContain('Xã &lt;B&gt;');
    expect(t.html).toMatch(/text-align:right[^>]*>97,/);
    expect(t.text.split('\n')[1].split('\t')[0]).toBe('Mã xã');
    expect(tableToText(s.tables[0]).split('\n')).toHaveLength(2 + 3);
    const pIndex = s.paragraphs.findIndex((p) => p.text.startsWith('Tổng số trẻ 11 tuổi'));
    const p = clipboardItem(s, { type: 'paragraph', index: pIndex });
    expect(p.text).toBe(`- ${s.paragraphs[pIndex].text}`);
    expect(p.html).toContain('text-align:justify');
  });

  it('the standalone document leaves sections without data out silently (the CLI lists them)', () => {
    const html = reportToHtml(model);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(model.skippedSections.map((s) => s.title)).toContain('Quy mô mạng lưới trường lớp');
    expect(html).not.toContain('Các phần không lập do thiếu biểu');
    expect(html).not.toContain('Quy mô mạng lưới trường lớp');
  });
});
