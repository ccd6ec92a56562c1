/**
 * A register in an open workbook (the task pane): pick the register sheet and the columns worth
 * reading from the first rows of each sheet, then turn the rows read into the commune, its levels,
 * the PC_* summary sheets, the forms and the Tổng hợp as sheet plans. Host-neutral: the host reads
 * (WorkbookPort.readSelected) and writes (WorkbookPort.writeSheet).
 */
import type { Finding, Lang } from '../findings';
import type { Settings } from '../settings';
import type { CellValue, ColumnsPlan, SheetHead, SheetPlan } from '../types';
import { ColumnMap, findHeaderRow, standardColumns } from './columns';
import { buildCommune, type CommuneRegister } from './commune';
import { RegisterSheetReader, isRegisterSheetName, HEAD_ROWS } from './file';
import { communeForms, tongHopPlan } from './forms';
import { dbkkText, levelsOf, registerNotes, registerReport } from './pipeline';
import { DEFAULT_REGISTER_SETTINGS } from './settings';
import { foldText } from '../sheets/normalize';
import { stripPrefix } from './commune';
import { summaryPlans } from './summary';

export { HEAD_ROWS };

export type { ColumnsPlan, SheetHead };

/** Fields the counts and the checks read; every other column (phone, parents…) is never fetched. */
const NEEDED = [
  'thon', 'ho_dem', 'ten', 'ho_ten', 'ngay_sinh', 'thang_sinh', 'nam_sinh', 'nu', 'dan_toc', 'dia_chi', 'dien_cu_tru', 'tinh_trang_cu_tru',
  'khoi_hoc', 'lop_hoc', 'quan_huyen_hoc', 'ten_truong', 'ma_truong', 'bac_tot_nghiep', 'nam_tot_nghiep', 'bac_tn_nghe', 'hoc_xong_lop', 'nam_hoc_xong',
  'bo_hoc_lop', 'nam_bo_hoc', 'dang_hoc_xmc', 'hoan_thanh_xmc', 'tai_mu_chu', 'kt_van_dong', 'kt_nghe_noi', 'kt_nhin', 'kt_than_kinh', 'kt_tri_tue',
  'kt_hoc_tap', 'kt_tu_ky', 'kt_khac', 'kha_nang_hoc',
];

/** The register sheet among the heads (by name, then by header), and the columns to read. */
export function planRegisterRead(heads: SheetHead[]): ColumnsPlan | null {
  const ordered = [...heads.filter((h) => isRegisterSheetName(h.name)), ...heads.filter((h) => !isRegisterSheetName(h.name))];
  for (const h of ordered) {
    const found = findHeaderRow(h.head);
    if (!found && !isRegisterSheetName(h.name)) continue;
    const cols: ColumnMap = found ? found.columns : standardColumns();
    const columns = [...new Set(NEEDED.map((id) => cols[id]).filter((c): c is number => c !== undefined && c < Math.max(h.columnCount, 1)))].sort((a, b) => a - b);
    const fromRow = Math.min(HEAD_ROWS, h.rowCount);
    const sample = h.head.slice(found ? found.row + 1 : 4).filter((r) => r && r.some((v) => v !== null && v !== ''));
    const bytes = sample.length ? sample.reduce((s, r) => s + JSON.stringify(columns.map((c) => r[c] ?? '')).length, 0) / sample.length : columns.length * 12;
    return { sheet: h.name, columns, fromRow, bytesPerRow: Math.ceil(bytes * 1.2) + 8 };
  }
  return null;
}

export interface OpenRegisterResult {
  commune: CommuneRegister;
  findings: Finding[];
  /** PC_* summary, the nine forms, then Tổng hợp. */
  plans: SheetPlan[];
  levels: ReturnType<typeof levelsOf>;
  notes: string[];
}

/**
 * Rows read from the open workbook → the commune and every sheet to insert. `rows` are the data rows
 * from `plan.fromRow`, each holding the selected columns at their absolute indexes.
 */
export function registerFromOpenWorkbook(
  head: SheetHead,
  plan: ColumnsPlan,
  rows: CellValue[][],
  opts: { workbookName: string; settings: Partial<Settings>; lang: Lang },
): OpenRegisterResult | null {
  const settings = opts.settings;
  const rs = { ...DEFAULT_REGISTER_SETTINGS, ...(settings.register ?? {}), thcsHocTiep: settings.thcsHocTiep ?? 'da-hoac-dang' };
  const year = settings.schoolYear ? Number(settings.schoolYear.slice(0, 4)) || undefined : undefined;
  const reader = new RegisterSheetReader({ file: opts.workbookName, baseName: opts.workbookName, settings: rs, year }, plan.sheet, true);
  head.head.forEach((r, i) => reader.row(i, r ?? []));
  rows.forEach((r, i) => reader.row(plan.fromRow + i, r ?? []));
  const file = reader.finish();
  if (!file.isRegister) return null;
  const name = file.communeTitle ?? opts.workbookName.replace(/\.[^.]+$/, '');
  const dbkk = (settings.dbkkXa ?? []).map((n) => stripPrefix(foldText(n)));
  const commune = buildCommune(
    { name, code: file.communeCode, nameSource: file.communeTitle ? 'title' : 'file', files: [file] },
    rs, settings.xmcUpperAge ?? 60,
    dbkk.length ? { dbkk: new Set(dbkk), source: 'settings' } : undefined,
  );
  const { model } = registerReport([commune], { settings, lang: opts.lang });
  const levels = levelsOf(model);
  const lv = levels.communes.get(commune.name) ?? { MN5: null, TH: null, THCS: null, XMC: null };
  const notes = registerNotes([commune], settings, opts.lang);
  const forms = communeForms({ commune, levels: lv, year: commune.year ?? new Date().getFullYear() });
  const tongHop = tongHopPlan({ communes: [{ commune, levels: lv, dbkkText: dbkkText(commune, opts.lang) }], overall: levels.overall, unit: commune.name, year: commune.year, notes });
  return {
    commune,
    findings: [...file.findings, ...commune.findings],
    plans: [...summaryPlans([commune], { unit: commune.name }), ...forms.map((f) => f.plan), tongHop],
    levels,
    notes,
  };
}
