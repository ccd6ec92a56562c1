/**
 * Contracts of the template reader (src/core/sheets). Consumers (rules, cross-check, report, UI)
 * depend on these shapes only.
 */
import type { CellValue, SheetSnapshot } from '../types';
import type { Finding } from '../findings';
import type { FormReading } from '../pcgdForms/read';
import type { CsdlReport } from '../csdl/read';
import type { SchoolList } from '../csdl/schools';
import type { LevelResult } from '../indicators/levels';

export type TemplateId =
  | 'QUY_MO'
  | 'PC_MN5'
  | 'PC_TH'
  | 'PC_THCS'
  | 'XMC'
  | 'PC_BTH'
  | 'KET_QUA'
  | 'DINH_DUONG'
  | 'DOI_NGU'
  | 'DON_VI_SAP_NHAP'
  | 'CHI_TIEU';

export type FieldType = 'text' | 'code' | 'count' | 'number' | 'rate' | 'enum' | 'bool' | 'date' | 'level';

export interface FieldDef {
  /** Vietnamese snake_case id from spec/SHEETS.md, e.g. "so_hoc_sinh". */
  id: string;
  /** Usual header as printed. */
  header: string;
  /** Other spellings seen in real sheets (matching also ignores diacritics, case, spacing). */
  aliases?: string[];
  /** Group header above it in a two-row header ("Số học sinh" over "Công lập"), when relevant. */
  group?: string;
  type: FieldType;
  required?: boolean;
  /** Codes accepted for enum fields, with their spelled-out synonyms mapped to the code. */
  values?: Record<string, string[]>;
  /** Short English gloss for the UI/docs. */
  en?: string;
  /** Value a blank cell stands for when the spec says so (chuan_qg blank = 0, dbkk blank = không). */
  blankAs?: number | boolean | string;
  /**
   * A printed derived column (rate, level): read and checked against the recomputation, never trusted.
   * Rates are stored as fractions (97,38% → 0.9738).
   */
  printed?: boolean;
  /** For printed rates: numerator / (denominator − minus), each a list of field ids summed. */
  rateOf?: { numerator: string[]; denominator: string[]; minus?: string[] };
  /** Inclusive bounds for number/level fields. */
  min?: number;
  max?: number;
  /** Value written in the sample row of a blank template. */
  sample?: string | number | boolean;
}

export interface TemplateDef {
  id: TemplateId;
  /** Vietnamese title of the template. */
  title: string;
  titleEn: string;
  /** One row per… ("trường", "xã", "trường × khối"). */
  rowUnit: string;
  fields: FieldDef[];
  /** Groups of fields of which at least one must be present (e.g. ma_xa | ten_xa). */
  requireOneOf?: string[][];
  /**
   * Other sets of columns that identify the sheet as this template (instead of `required` and
   * `requireOneOf`): a QUY_MO whose rows are categories (cấp học × loại hình, or communes) carries
   * "Số trường" and no school code.
   */
  alsoQualifies?: { required: string[]; requireOneOf?: string[][] }[];
  /** Fields whose values identify a row (used for duplicates and cross-check matching). */
  key: string[];
  /** Default sheet name when the template is written (blank templates). */
  sheetName?: string;
}

/** One typed value read from a cell, keeping where it came from. */
export interface FieldValue {
  /** Parsed value: number for counts/rates, string for text/codes, boolean for bools, null for blank. */
  value: number | string | boolean | null;
  /** The cell as it was in the sheet. */
  raw: CellValue;
  /** A1 address on the sheet ("D12"). */
  address: string;
  /** The value came from numeric text ("26.254") rather than a number cell. */
  fromText?: boolean;
  /** The cell held an Excel error (#REF!, #DIV/0!) or unparseable text: value is null. */
  invalid?: boolean;
  /** Text such as "1.909" that could be read two ways (read the Vietnamese way, flagged). */
  ambiguous?: boolean;
  /** Decimals shown in the cell (number format or text), for printed rates compared at their precision. */
  decimals?: number;
  /** The value came from `FieldDef.blankAs` (the cell was blank). */
  defaulted?: boolean;
}

export interface SheetRecord {
  /** 1-based worksheet row number. */
  row: number;
  fields: Record<string, FieldValue>;
}

export interface SheetMetadata {
  unit?: string;
  /**
   * The title block above the sheet's title, in its order: the issuing body's parent and the body
   * ("ỦY BAN NHÂN DÂN QUẬN 12", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"), as typed (cells A1–A3 of the forms).
   */
  titleBlock?: string[];
  /** Normalised "YYYY-YYYY". */
  schoolYear?: string;
  /** Where the school year came from. */
  schoolYearSource?: 'title' | 'sheet-name' | 'setting' | 'column';
  reportDate?: string;
}

export interface ParsedSheet {
  sheetName: string;
  template: TemplateId;
  /** 1-based worksheet rows that form the header block (one or two rows). */
  headerRows: number[];
  /** Field id → column letter. */
  columns: Record<string, string>;
  /** Headers of columns that matched no field (kept, ignored). */
  unknownColumns: string[];
  metadata: SheetMetadata;
  records: SheetRecord[];
  /** The printed total row, when there is one (read, never trusted). */
  totalRow?: SheetRecord;
  /** Printed rate/level columns found, by field id (checked, never trusted). */
  printedColumns?: string[];
  /** Field id → the header text as printed in this sheet (for messages in the user's words). */
  headers?: Record<string, string>;
  /** Field id → 0-based worksheet column index. */
  columnIndex?: Record<string, number>;
  /** The worksheet is hidden in the workbook. */
  hidden?: boolean;
  /**
   * Levels decided by the input layout the sheet was built from, aligned with `records` (PCGD forms:
   * from the forms' counts, or from their printed rates where they print no cohort). The report shows
   * these instead of recomputing from the sheet's counts, which such a sheet may not have.
   */
  sourceLevels?: SourceLevel[];
}

export interface SourceLevel {
  level: LevelResult;
  /** Rates that decided it, by indicator id (fractions). */
  rates: Record<string, number | null>;
  /** 'counts' | 'printed-rates' | 'mixed' | 'none'. */
  basis: string;
  /** Criteria no input gave (indicator ids). */
  unverified: string[];
}

/** A sheet recognised as a layout of a national system (a PCGD form, a CSDL report), not one of our templates. */
export interface SystemLayoutSheet {
  sheetName: string;
  /** The form's code ("TH-02") or the report's id ("CSDL-02TH"). */
  template: string;
  /** Units (communes) or indicator rows read. */
  rows: number;
  /** How sure the layout is (REAL-FORMS: SEEN-REAL, SEEN-CODE, INFERRED). */
  confidence: string;
}

export interface ParsedWorkbook {
  file: string;
  sheets: ParsedSheet[];
  /** Sheets read as national-system layouts (PCGD forms, CSDL reports). */
  systemSheets?: SystemLayoutSheet[];
  /** The PCGD forms read (their figures feed the communes' levels across files). */
  forms?: FormReading[];
  /** The CSDL statistics reports read (combined across files into one quy mô). */
  csdl?: CsdlReport[];
  /** CSDL school lists ("TEMPLATE IMPORT TRƯỜNG HỌC"): the master list of schools. */
  schoolLists?: SchoolList[];
  /** Sheets built from national layouts (QUY_MO from a CSDL report…), read into `sheets` too. */
  derivedSheets?: SheetSnapshot[];
  /** Sheets with no recognisable template header. */
  unrecognised: string[];
  /**
   * Hidden sheets recognised as a template that a visible sheet of the workbook also carries: read,
   * then set aside (a hidden last-year copy placed first must not drive the report). Said in findings.
   */
  setAside?: { sheet: string; template: TemplateId; usedSheet: string }[];
  /** Findings raised while reading (text numbers, error cells, unreadable rows …). */
  findings: Finding[];
}

/** Numeric value of a field, or null when blank/invalid/absent. */
export function num(rec: SheetRecord | undefined, field: string): number | null {
  const v = rec?.fields[field]?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Text value of a field, or null. */
export function text(rec: SheetRecord | undefined, field: string): string | null {
  const v = rec?.fields[field]?.value;
  if (v === null || v === undefined) return null;
  return String(v);
}

/** A1 address of a field in a record, or undefined. */
export function addr(rec: SheetRecord | undefined, field: string): string | undefined {
  return rec?.fields[field]?.address;
}
