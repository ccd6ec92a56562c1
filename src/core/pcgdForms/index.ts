/**
 * The PCGD–XMC system's forms as input: recognise a sheet, read its figures, and from a folder of
 * them every commune's figures and levels (REAL-FORMS.md §0.1, §1).
 */
import type { SheetSnapshot } from '../types';
import type { FormReading } from './read';
import { readForm } from './read';
import { recogniseForm } from './recognise';

export { FORM_LAYOUTS, FORM_BY_CODE } from './layouts';
export type { FormCode, FormLayout, FigureDef, Confidence } from './layouts';
export { recogniseForm } from './recognise';
export { readForm, communeKey } from './read';
export type { FormReading, FormUnit, PrintedRate, PrintedLevelCell } from './read';
export { communesOfForms, levelLines, FORM_PROGRAMMES } from './communes';
export type { FormsRun, FormCommune, CommuneProgramme, FormsOptions } from './communes';
export { formsSheets, addFormsNotes } from './summary';
export { formsAgainstRegisters } from './vsRegister';
export type { RegisterOfCommune } from './vsRegister';

/** The sheet as a PCGD form, or null when it is not one. */
export function readFormSheet(sheet: SheetSnapshot, fileName: string): FormReading | null {
  const rec = recogniseForm(sheet, fileName);
  return rec ? readForm(sheet, fileName, rec) : null;
}
