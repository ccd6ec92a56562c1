/** .docx renderer on a small report: opens as a zip, carries headings, tables and paragraphs. */
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import * as path from 'path';
import { buildReport } from '../../src/core/report/build';
import { reportToDocx } from '../../src/render/docx';
import { sheet, workbook } from '../core/report/helpers';

const QUY_MO_FIELDS = ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'so_lop', 'so_hoc_sinh', 'so_cbql', 'so_gv', 'so_nv'];

it('renders the model as Word XML: title, numbered headings, table cells, justified paragraphs', async () => {
  const model = buildReport({
    current: workbook('a.xlsx', [
      sheet('QUY_MO', QUY_MO_FIELDS, [
        ['T1', 'Trường 1', 'TH', 'CL', 30, 1050, 3, 40, 5],
        ['T2', 'Trường 2', 'TH', 'NCL', 10, 300, 2, 15, 3],
      ]),
    ]),
  });
  const bytes = await reportToDocx(model);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  // NĐ 30/2020, Phụ lục I: the document type and its subject, then the sections in capitals
  expect(text).toContain('BÁO CÁOKết quả thống kê giáo dục năm học 2023 - 2024');
  expect(text).toContain('I. QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP');
  // 1.050 + 300 = 1.350
  expect(text).toContain(`Tiểu học có 02 trường (01 trường công lập và 01 trường ngoài công lập); tổng số học sinh tiểu học là 1.350 học sinh (công lập: 1.050; ngoài công lập: 300).`);
  // sĩ số bình quân 1.350/40 = 33,75
  expect(text).toContain('33,75');
  // one table of figures (the frame's two layout tables have no style and no borders)
  expect((xml.match(/<w:tblStyle w:val="BangSoLieu"\/>/g) ?? []).length).toBe(1);
  expect(xml).toContain('<w:tblHeader/>');
  const styles = await zip.file('word/styles.xml')!.async('string');
  expect(styles).toContain('Times New Roman');
  expect(styles).toMatch(/<w:sz w:val="26"\/>/);
});

it('has no Node-only imports, so it also runs in the browser', () => {
  const src = readFileSync(path.join(__dirname, '..', '..', 'src', 'render', 'docx.ts'), 'utf8');
  expect(src).not.toMatch(/from '(fs|path|os)'|require\(|process\./);
});
