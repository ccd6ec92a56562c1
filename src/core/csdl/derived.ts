/**
 * CSDL reports → the report's own sheets: one QUY_MO row per cấp học × loại hình (an aggregated row:
 * "Số trường" is the schools of that ownership), DOI_NGU rows with the staff by qualification and
 * DINH_DUONG rows from Mã số 107–116 (01 MN). Công lập is the public column; Tư thục and Dân lập are
 * ngoài công lập. The sheets are read by the same reader as a sheet typed by hand, so every check and
 * the report see one model.
 */
import { TEMPLATE_BY_ID } from '../sheets/templates';
import { foldText } from '../sheets/normalize';
import type { TemplateId } from '../sheets/types';
import type { CellValue, SheetSnapshot } from '../types';
import type { Measure, Ownership } from './codes';
import type { CsdlReport } from './read';
import { valueOf } from './read';

const CAP_NAME: Record<string, string> = { MN: 'Mầm non', TH: 'Tiểu học', THCS: 'Trung học cơ sở' };
const GROUPS: { loai: 'CL' | 'NCL'; owns: Ownership[]; name: string }[] = [
  { loai: 'CL', owns: ['cl'], name: 'công lập' },
  { loai: 'NCL', owns: ['tt', 'dl'], name: 'ngoài công lập' },
];

/** Σ of Mã số cells of some ownerships; null when none is a number or one is a placeholder/error. */
function sumCodes(report: CsdlReport, codes: number[], owns: Ownership[], measure: Measure = 'ts'): number | null {
  let total = 0;
  let any = false;
  for (const ma of codes) {
    for (const o of owns) {
      const c = valueOf(report, ma, o, measure);
      if (!c) continue;
      if (c.kind === 'placeholder' || c.kind === 'error' || c.kind === 'text') return null;
      if (c.value !== null) {
        total += c.value;
        any = true;
      }
    }
  }
  return any ? total : null;
}

/** Codes of a figure: from the biểu's table, or (03 THCS, not seen) the first row whose label says so. */
function codesOf(report: CsdlReport, field: string): number[] {
  const fixed = report.bieu.figures[field];
  if (fixed) return fixed;
  const words = report.bieu.byLabel?.[field];
  if (!words) return [];
  for (const [ma, at] of report.byCode) {
    const label = foldText(at.row.label).replace(/^[-+]\s*/, '');
    if (label === words || label.startsWith(`${words} `)) return [ma];
  }
  return [];
}

type Row = Record<string, CellValue>;

export interface CsdlSummary {
  quyMo: Row[];
  doiNgu: Row[];
  dinhDuong: Row[];
}

const QUY_MO_FIELDS = ['so_truong', 'so_lop', 'so_hoc_sinh', 'hs_lop_1', 'hs_lop_2', 'hs_lop_3', 'hs_lop_4', 'hs_lop_5', 'tre_nha_tre', 'tre_mau_giao', 'tre_5_tuoi', 'hs_2_buoi', 'hs_ban_tru', 'hs_khuyet_tat', 'so_cbql', 'so_gv', 'so_nv', 'so_phong_hoc', 'so_truong_chuan_qg'];
const DOI_NGU_FIELDS = ['so_cbql', 'so_gv', 'so_nv', 'tien_si', 'thac_si', 'dai_hoc', 'cao_dang', 'trung_cap', 'chua_qua_dao_tao'];

export function csdlSummary(report: CsdlReport): CsdlSummary {
  const cap = report.bieu.capHoc;
  const out: CsdlSummary = { quyMo: [], doiNgu: [], dinhDuong: [] };
  for (const g of GROUPS) {
    const id = `${report.bieu.template}-${g.loai}`;
    const name = `${CAP_NAME[cap]} ${g.name}`;
    const base: Row = { ma_truong: id, ten_truong: name, cap_hoc: cap, loai_hinh: g.loai };
    const q: Row = { ...base };
    for (const f of QUY_MO_FIELDS) {
      const codes = codesOf(report, f);
      if (codes.length) q[f] = sumCodes(report, codes, g.owns);
    }
    const pupils = codesOf(report, 'so_hoc_sinh');
    if (pupils.length) {
      q.hs_nu = sumCodes(report, pupils, g.owns, 'nu');
      q.hs_dan_toc = sumCodes(report, pupils, g.owns, 'dt');
    }
    // An ownership with no school, class or pupil has no row (Tư thục of a commune with only public schools).
    if (!['so_truong', 'so_lop', 'so_hoc_sinh'].some((f) => typeof q[f] === 'number' && (q[f] as number) > 0)) continue;
    out.quyMo.push(q);
    const d: Row = { ...base };
    for (const f of DOI_NGU_FIELDS) {
      const codes = codesOf(report, f);
      if (codes.length) d[f] = sumCodes(report, codes, g.owns);
    }
    if (typeof d.so_gv === 'number') out.doiNgu.push(d);
    if (cap === 'MN') {
      for (const [nhom, p] of [['NT', 'dd_nt'], ['MG', 'dd_mg']] as const) {
        const tong = sumCodes(report, codesOf(report, `${p}_tong`), g.owns);
        if (tong === null) continue;
        out.dinhDuong.push({
          ...base, ten_truong: `${name} – ${nhom === 'NT' ? 'nhà trẻ' : 'mẫu giáo'}`, nhom_tuoi: nhom, thoi_diem: 'dau_nam', tong_so_tre: tong,
          sdd_nhe_can: sumCodes(report, codesOf(report, `${p}_nhe_can`), g.owns),
          sdd_thap_coi: sumCodes(report, codesOf(report, `${p}_thap_coi`), g.owns),
          sdd_gay_com: sumCodes(report, codesOf(report, `${p}_gay_com`), g.owns),
          thua_can_beo_phi: sumCodes(report, codesOf(report, `${p}_thua_can`), g.owns),
        });
      }
    }
  }
  return out;
}

function sheetOf(template: TemplateId, name: string, rows: Row[], meta: { unit: string | null; year: string | null; source: string }): SheetSnapshot | null {
  if (!rows.length) return null;
  const def = TEMPLATE_BY_ID[template];
  const fields = def.fields.map((f) => f.id).filter((id) => rows.some((r) => id in r));
  const values: CellValue[][] = [
    [def.title.toUpperCase()],
    [`Đơn vị: ${meta.unit ?? ''}`.trim()],
    [`Năm học: ${meta.year ?? ''}`.trim()],
    [meta.source],
    fields.map((id) => def.fields.find((f) => f.id === id)!.header),
    ...rows.map((r) => fields.map((id) => (id in r ? r[id] : null))),
  ];
  const width = fields.length;
  return { name, origin: { row: 0, col: 0 }, values: values.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill(null)]) };
}

/** The report's sheets built from one or more CSDL reports (one QUY_MO for all cấp học). */
export function csdlDerivedSheets(reports: CsdlReport[]): SheetSnapshot[] {
  if (!reports.length) return [];
  const all = reports.map(csdlSummary);
  const meta = {
    unit: reports.find((r) => r.unit)?.unit ?? null,
    year: reports.find((r) => r.schoolYear)?.schoolYear ?? null,
    source: `Nguồn: báo cáo thống kê CSDL ngành ${reports.map((r) => r.bieu.template.replace('CSDL-', '')).join(', ')} (kỳ đầu năm)`,
  };
  return [
    sheetOf('QUY_MO', 'QUY_MO (CSDL)', all.flatMap((s) => s.quyMo), meta),
    sheetOf('DOI_NGU', 'DOI_NGU (CSDL)', all.flatMap((s) => s.doiNgu), meta),
    sheetOf('DINH_DUONG', 'DINH_DUONG (CSDL)', all.flatMap((s) => s.dinhDuong), meta),
  ].filter((s): s is SheetSnapshot => !!s);
}
