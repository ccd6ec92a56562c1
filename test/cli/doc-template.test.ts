/**
 * `report --mau-van-ban FILE`: an office's own Word template (.docx or .dotx, made here with the docx
 * package the way Word saves one) replaces our administrative frame. Its own text stays, every
 * {{placeholder}} it carries is filled from the workbook's title block and the saved settings, the
 * body goes where {{noi_dung}} stands, a .dotx comes out as a document Word opens as such, and the
 * template file is never written to. A template without {{noi_dung}}, or a file that is not Word,
 * is refused before anything is written.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { run as report } from '../../src/cli/commands/report';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const WORKBOOK = path.join(SAMPLES, 'quan12-2023-2024.xlsx');
const SETTINGS = path.join(SAMPLES, 'quan12-settings.json');
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-mau-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A template as an office would type it in Word; "{{so}}" split over two runs as Word often does. */
async function template(withBody = true): Promise<Uint8Array> {
  const p = (...runs: string[]) => new Paragraph({ children: runs.map((r) => new TextRun(r)) });
  const doc = new Document({
    sections: [{
      children: [
        p('{{co_quan_chu_quan}}'),
        p('{{co_quan}}'),
        p('{{s', 'o}}'),
        p('VĂN BẢN MẪU RIÊNG CỦA PHÒNG'),
        p('{{dia_danh_ngay}}'),
        p('BÁO CÁO'),
        p('{{trich_yeu}}'),
        ...(withBody ? [p('{{noi_dung}}')] : []),
        p('Nơi nhận:'),
        p('{{noi_nhan}}'),
        p('{{chuc_vu}}'),
        p('{{nguoi_ky}}'),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The same template saved as .dotx: only the main part's content type differs. */
function asDotx(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']).replace('wordprocessingml.document.main+xml', 'wordprocessingml.template.main+xml'));
  return zipSync(files);
}

function docText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']);
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n');
}

test('a .dotx template: its own text kept, every placeholder filled, the body in {{noi_dung}}, a document out, the template untouched', async () => {
  const tpl = path.join(dir, 'mau-phong.dotx');
  await fs.writeFile(tpl, asDotx(await template()));
  const before = await fs.readFile(tpl);
  const settings = JSON.parse(await fs.readFile(SETTINGS, 'utf8'));
  const io = captureIO();
  const code = await report(parseArgs([WORKBOOK, '--settings', SETTINGS, '--mau-van-ban', tpl, '--out', path.join(dir, 'out'), '--json']), io);
  expect([0, 1]).toContain(code);
  // Every place was in the template: none listed as left out.
  expect(io.stderr.join('\n')).toMatch(/Dùng mẫu văn bản mau-phong\.dotx; các chỗ không có trong mẫu nên không điền: (không|\{\{kinh_gui\}\}, \{\{quyen_han\}\}, \{\{phu_luc\}\})\./);
  const docx = new Uint8Array(await fs.readFile(path.join(dir, 'out', 'bao-cao-2023-2024.docx')));
  const text = docText(docx);
  expect(text).toContain('VĂN BẢN MẪU RIÊNG CỦA PHÒNG');
  expect(text).not.toContain('{{');
  // The title block of the workbook (A1–A2) and the saved signer.
  expect(text).toMatch(/PHÒNG GIÁO DỤC VÀ ĐÀO TẠO/);
  expect(text).toMatch(/QUẬN 12/);
  expect(text).toContain('/BC-');
  expect(settings.document.signerName).toBe('Nguyễn Văn A');
  expect(text).toContain('Nguyễn Văn A');
  expect(text).toContain('TRƯỞNG PHÒNG');
  expect(text).toContain('- Các trường MN, TH, THCS trên địa bàn');
  // The body: a phổ cập sentence of the report, between the subject and "Nơi nhận:".
  const body = text.indexOf('hoàn thành chương trình tiểu học');
  expect(body).toBeGreaterThan(text.indexOf('BÁO CÁO'));
  expect(body).toBeLessThan(text.indexOf('Nơi nhận:'));
  // Our own frame is not added on top of theirs: the national motto appears only if their template had it.
  expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  // Word opens it as a document, not as a template.
  const types = strFromU8(unzipSync(docx)['[Content_Types].xml']);
  expect(types).toContain('wordprocessingml.document.main+xml');
  expect(types).not.toContain('wordprocessingml.template.main+xml');
  expect(Buffer.compare(await fs.readFile(tpl), before)).toBe(0);

  // Every paragraph and table style the body names exists in the file (LibreOffice showed empty
  // table cells when ChuTrongBang was missing), and the template's own styles are kept.
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml']);
  const stylesXml = strFromU8(parts['word/styles.xml']);
  const defined = new Set([...stylesXml.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
  const used = new Set([...xml.matchAll(/<w:(?:pStyle|tblStyle) w:val="([^"]+)"/g)].map((m) => m[1]));
  expect(used.has('ChuTrongBang')).toBe(true);
  expect([...used].filter((u) => !defined.has(u))).toEqual([]);
  // No landscape pages inside their frame: every table fits the portrait text width,
  // A4 210 mm − 30 mm − 20 mm margins = 160 mm = 160 / 25,4 × 1440 ≈ 9.071 twips.
  const widths = [...xml.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  expect(widths.length).toBeGreaterThan(3);
  expect(Math.max(...widths)).toBeLessThanOrEqual(Math.round((160 / 25.4) * 1440) + 2); // + column rounding
});

test('a template without {{noi_dung}}, or a file that is not Word: exit 2 with what to do, nothing written', async () => {
  const noBody = path.join(dir, 'khong-noi-dung.docx');
  await fs.writeFile(noBody, await template(false));
  const a = captureIO();
  expect(await report(parseArgs([WORKBOOK, '--mau-van-ban', noBody, '--out', path.join(dir, 'a')]), a)).toBe(2);
  expect(a.stderr.join('\n')).toMatch(/không có chỗ đặt nội dung \{\{noi_dung\}\}; hãy gõ \{\{noi_dung\}\}/);
  await expect(fs.stat(path.join(dir, 'a'))).rejects.toThrow();

  const notWord = path.join(dir, 'mau.docx');
  await fs.writeFile(notWord, 'không phải tệp Word');
  const b = captureIO();
  expect(await report(parseArgs([WORKBOOK, '--mau-van-ban', notWord, '--out', path.join(dir, 'b'), '--lang', 'en']), b)).toBe(2);
  expect(b.stderr.join('\n')).toMatch(/mau\.docx is not a Word \.docx or \.dotx file/);

  const c = captureIO();
  expect(await report(parseArgs([WORKBOOK, '--mau-van-ban', path.join(dir, 'khong-co.dotx'), '--out', path.join(dir, 'c')]), c)).toBe(2);
  expect(c.stderr.join('\n')).toMatch(/Không tìm thấy tệp mẫu văn bản/);
});
