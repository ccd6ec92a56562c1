/** Builds ParsedWorkbook objects from small readable tables, as the reader would return them. */
import type { Finding } from '../../../src/core/findings';
import type { FieldValue, ParsedSheet, ParsedWorkbook, SheetRecord, TemplateId } from '../../../src/core/sheets/types';

type Scalar = number | string | boolean | null;

export interface SheetSpec {
  template: TemplateId;
  name?: string;
  year?: string;
  /** Field ids in column order (A, B, C …) unless `letters` says otherwise. */
  columns: string[];
  letters?: string[];
  rows: Scalar[][];
  /** Headers as printed, by field id. */
  headers?: Record<string, string>;
  /** 1-based worksheet row of the first data row (header sits on the row above). */
  firstRow?: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function sheet(spec: SheetSpec): ParsedSheet {
  const letters = spec.letters ?? spec.columns.map((_, i) => LETTERS[i]);
  const firstRow = spec.firstRow ?? 5;
  const columns: Record<string, string> = {};
  spec.columns.forEach((f, i) => (columns[f] = letters[i]));
  const records: SheetRecord[] = spec.rows.map((values, r) => {
    const fields: Record<string, FieldValue> = {};
    spec.columns.forEach((f, i) => {
      fields[f] = { value: values[i], raw: values[i], address: `${letters[i]}${firstRow + r}` };
    });
    return { row: firstRow + r, fields };
  });
  return {
    sheetName: spec.name ?? spec.template,
    template: spec.template,
    headerRows: [firstRow - 1],
    columns,
    unknownColumns: [],
    metadata: spec.year ? { schoolYear: spec.year, schoolYearSource: 'title' } : {},
    records,
    ...(spec.headers ? { headers: spec.headers } : {}),
  };
}

export function book(file: string, sheets: SheetSpec[], extra: { unrecognised?: string[]; findings?: Finding[] } = {}): ParsedWorkbook {
  return { file, sheets: sheets.map(sheet), unrecognised: extra.unrecognised ?? [], findings: extra.findings ?? [] };
}

export const QM = ['ma_truong', 'ten_truong', 'cap_hoc', 'ma_xa', 'ten_xa', 'so_lop', 'so_hoc_sinh', 'so_gv'];

/** The office's master: four schools in two communes. */
export const MASTER_ROWS: Scalar[][] = [
  ['T001', 'Trường TH Kim Đồng', 'TH', 'X01', 'Phường Bến Thành', 20, 700, 30],
  ['T002', 'Trường THCS Lê Lợi', 'THCS', 'X01', 'Phường Bến Thành', 16, 640, 35],
  ['T003', 'Trường TH An Phú', 'TH', 'X02', 'Xã An Phú', 12, 380, 18],
  ['T004', 'Trường MN Hoa Sen', 'MN', 'X02', 'Xã An Phú', 8, 210, 20],
];

export function master(extraSheets: SheetSpec[] = []): ParsedWorkbook {
  return book('tong_hop_phong.xlsx', [{ template: 'QUY_MO', year: '2024-2025', columns: QM, rows: MASTER_ROWS }, ...extraSheets]);
}

/** A school's own submission: its master row, optionally changed. */
export function submission(file: string, code: string, change: Partial<Record<string, Scalar>> = {}, year = '2024-2025'): ParsedWorkbook {
  const row = MASTER_ROWS.find((r) => r[0] === code) ?? [code, 'Trường lạ', 'TH', 'X09', 'Xã Lạ', 5, 150, 8];
  const values = QM.map((f, i) => (f in change ? change[f]! : row[i]));
  return book(file, [{ template: 'QUY_MO', year, columns: QM, rows: [values] }]);
}
