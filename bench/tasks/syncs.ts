/**
 * Office round trips on the fake Excel (test/excel/fakeExcel.ts counts context.sync()): read every
 * standard sheet of a province-sized workbook through OfficeWorkbookPort, then build the full report
 * from it and write it. The counts must not grow with the data.
 */
import { OfficeWorkbookPort } from '../../src/excel/workbookPort';
import { readWorkbook } from '../../src/core/sheets/read';
import { validateWorkbook } from '../../src/core/rules';
import { buildReport } from '../../src/core/report/build';
import { reportToSheetPlan } from '../../src/core/report/sheetPlan';
import { TEMPLATE_BY_ID } from '../../src/core/sheets/templates';
import type { TemplateId } from '../../src/core/sheets/types';
import { FakeContext } from '../../test/excel/fakeExcel';
import { buildSchools, Rng } from '../corpus';
import { emit, round, seconds } from './common';

type Cell = string | number | null;

function sheet(ctx: FakeContext, template: TemplateId, fields: string[], rows: Record<string, Cell>[]): void {
  const def = TEMPLATE_BY_ID[template];
  const header = fields.map((id) => def.fields.find((f) => f.id === id)!.header);
  const ws = ctx.workbook.worksheets.add(template);
  ws.put(0, 0, [['UBND TỈNH MẪU'], ['SỞ GIÁO DỤC VÀ ĐÀO TẠO'], [def.title.toUpperCase()], ['Đơn vị: Tỉnh Mẫu'], ['Năm học: 2024 - 2025'], []]);
  ws.put(6, 0, [header, ...rows.map((r) => fields.map((f) => (r[f] === undefined ? null : r[f])))]);
}

/** Commune sheets (PC_*, XMC): every counted field of the template, consistent enough to be read. */
function communeRows(template: TemplateId, communes: number, rng: Rng): { fields: string[]; rows: Record<string, Cell>[] } {
  const def = TEMPLATE_BY_ID[template];
  const counts = def.fields.filter((f) => f.type === 'count').map((f) => f.id);
  const fields = ['ma_xa', 'ten_xa', ...counts];
  const rows = Array.from({ length: communes }, (_, i) => {
    const r: Record<string, Cell> = { ma_xa: String(26000 + i), ten_xa: `Phường ${i + 1}` };
    const base = rng.int(600, 1200);
    for (const f of counts) {
      const sample = def.fields.find((x) => x.id === f)!.sample;
      r[f] = typeof sample === 'number' ? Math.round((sample * base) / 1000) : f.startsWith('mien_giam') || f === 'chet' || f === 'chuyen_di' ? rng.int(0, 3) : base - rng.int(0, 20);
    }
    return r;
  });
  return { fields, rows };
}

(async () => {
  const schools = buildSchools();
  const rng = new Rng(42);
  const ctx = new FakeContext('tinh-mau-2024-2025.xlsx');
  const qm = ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ma_xa', 'ten_xa', 'so_lop', 'so_hoc_sinh', ...Array.from({ length: 9 }, (_, i) => `hs_lop_${i + 1}`), 'tre_nha_tre', 'tre_mau_giao', 'hs_nu', 'so_cbql', 'so_gv', 'so_nv', 'so_phong_hoc', 'chuan_qg', 'kdcl'];
  sheet(ctx, 'QUY_MO', qm, schools.map((s) => s.quyMo));
  for (const t of ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH'] as TemplateId[]) {
    const { fields, rows } = communeRows(t, 375, rng);
    sheet(ctx, t, fields, rows);
  }
  const kq = ['ma_truong', 'ten_truong', 'khoi', 'tong_so_hs', 'htxs', 'htt', 'ht', 'cht', 'hoc_tap_tot', 'hoc_tap_kha', 'hoc_tap_dat', 'hoc_tap_chua_dat', 'ren_luyen_tot', 'ren_luyen_kha', 'ren_luyen_dat', 'ren_luyen_chua_dat'];
  sheet(ctx, 'KET_QUA', kq, schools.flatMap((s) => s.ketQua));
  sheet(ctx, 'DINH_DUONG', ['ma_truong', 'ten_truong', 'nhom_tuoi', 'thoi_diem', 'tong_so_tre', 'sdd_nhe_can', 'sdd_thap_coi', 'sdd_gay_com', 'thua_can_beo_phi'], schools.flatMap((s) => s.dinhDuong));
  sheet(ctx, 'DOI_NGU', Object.keys(schools[0].doiNgu), schools.map((s) => s.doiNgu));
  sheet(ctx, 'CHI_TIEU', ['ma_chi_tieu', 'ten_chi_tieu', 'muc_tieu', 'don_vi_tinh'], [
    { ma_chi_tieu: 'TH_11_HTCT', ten_chi_tieu: 'Tỷ lệ trẻ 11 tuổi hoàn thành CTTH', muc_tieu: '96-97%', don_vi_tinh: '%' },
    { ma_chi_tieu: 'MN5_HUYDONG', ten_chi_tieu: 'Tỷ lệ huy động trẻ 5 tuổi ra lớp', muc_tieu: '≥ 99%', don_vi_tinh: '%' },
  ]);
  const cells = ctx.workbook.worksheets.sheets.reduce((n, ws) => n + ws.grid.reduce((m, line) => m + line.length, 0), 0);

  const port = new OfficeWorkbookPort((batch) => batch(ctx as unknown as Excel.RequestContext), () => true);
  let before = ctx.syncCount;
  let t0 = process.hrtime.bigint();
  const snapshot = await port.readSheets();
  const readS = seconds(t0);
  const validateSyncs = ctx.syncCount - before;

  const parsed = readWorkbook(snapshot);
  const findings = [...parsed.findings, ...validateWorkbook(parsed)];
  const recognised = parsed.sheets.map((s) => s.template);
  if (recognised.length < 10) throw new Error(`only ${recognised.join(', ')} recognised in the bench workbook`);
  t0 = process.hrtime.bigint();
  const model = buildReport({ current: parsed, findings });
  const plan = reportToSheetPlan(model);
  const buildS = seconds(t0);
  before = ctx.syncCount;
  const assignmentsBefore = ctx.assignments.length;
  t0 = process.hrtime.bigint();
  const written = await port.writeSheet(plan);
  const writeS = seconds(t0);
  const reportSyncs = ctx.syncCount - before;

  emit({
    syncs_workbook_cells: cells,
    syncs_sheets: snapshot.sheets.length,
    validate_syncs: validateSyncs,
    validate_read_s: round(readS),
    report_syncs: reportSyncs,
    report_cells: written.cellsWritten,
    report_blocks: written.blocks,
    report_assignments: ctx.assignments.length - assignmentsBefore,
    report_build_s: round(buildS),
    report_write_s: round(writeS),
  });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
