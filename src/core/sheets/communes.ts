/**
 * Our PC_* summary sheets as commune inputs of the indicator table: one CommuneInput per row, its
 * count columns by SHEETS.md field id (blank → null, an unreadable cell → NaN so it is never taken
 * for a zero), its code, name and ĐBKK flag. The other input layouts (household register, PCGD
 * forms) produce the same shape.
 */
import type { CommuneInput } from '../indicators/communes';
import type { CommuneCounts } from '../indicators/measures';
import { PROGRAMME_TABLE } from '../indicators/table';
import type { Programme } from '../indicators/table';
import { TEMPLATE_BY_ID } from './templates';
import type { ParsedSheet, SheetRecord, TemplateId } from './types';

function text(rec: SheetRecord, id: string): string | null {
  const v = rec.fields[id]?.value;
  return v === null || v === undefined || v === '' ? null : String(v);
}

export function communeOfRecord(rec: SheetRecord, countFields: string[]): CommuneInput {
  const counts: CommuneCounts = {};
  for (const id of countFields) {
    const fv = rec.fields[id];
    if (!fv) continue;
    counts[id] = fv.invalid ? NaN : typeof fv.value === 'number' ? fv.value : null;
  }
  return { ma_xa: text(rec, 'ma_xa'), ten_xa: text(rec, 'ten_xa'), dbkk: rec.fields.dbkk?.value === true, counts };
}

/** The sheet's rows as commune inputs (count columns of the template that the sheet has). */
export function communesOfSheet(sheet: ParsedSheet): CommuneInput[] {
  const countFields = TEMPLATE_BY_ID[sheet.template].fields.filter((f) => f.type === 'count' && sheet.columns[f.id]).map((f) => f.id);
  return sheet.records.map((rec) => communeOfRecord(rec, countFields));
}

/** The programme whose level a sheet's printed level column (muc_do) holds: the first listed with that sheet. */
export function programmeOfSheet(template: TemplateId): Programme | null {
  const p = PROGRAMME_TABLE.find((x) => x.template === template && x.maxLevel > 0);
  return p ? (p.id as Programme) : null;
}
