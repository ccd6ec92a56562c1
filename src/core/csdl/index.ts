/**
 * The education database's (CSDL ngành) exports as input: the start-of-year statistics reports
 * (biểu 01 MN, 02 TH, 03 THCS) read by Mã số and checked, turned into the report's quy mô, đội ngũ
 * and dinh dưỡng sheets (REAL-FORMS.md §4).
 */
import type { WorkbookSnapshot } from '../types';
import { checkCsdl } from './checks';
import type { CsdlReport } from './read';
import { readCsdl, recogniseCsdl } from './read';

export { CSDL_BIEU } from './codes';
export type { CsdlBieu, CsdlBieuId } from './codes';
export { recogniseCsdl, readCsdl, valueOf } from './read';
export type { CsdlReport, CsdlSheet, CsdlRow, CsdlCell } from './read';
export { checkCsdl } from './checks';
export { csdlSummary, csdlDerivedSheets } from './derived';
export { readSchoolList, schoolsOfCommune } from './schools';
export type { SchoolList, SchoolListEntry } from './schools';

/** The workbook as a CSDL statistics report (read and checked), or null. */
export function readCsdlWorkbook(snapshot: WorkbookSnapshot, file = snapshot.fileName): CsdlReport | null {
  const bieu = recogniseCsdl(snapshot);
  if (!bieu) return null;
  const report = readCsdl(snapshot, bieu, file);
  checkCsdl(report);
  return report;
}
