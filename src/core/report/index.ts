/** Public API of the report: build the model, then render it (sheet, HTML/clipboard; .docx in src/render). */
export { buildReport, schoolYearOf, unitNameOf } from './build';
export type { ReportInput } from './build';
export * from './model';
export { reportToSheetPlan, reportSheetName, NUMBER_FORMATS } from './sheetPlan';
export type { ReportSheetPlan, ReportWriteBlock } from './sheetPlan';
export { reportToHtml, tableToHtml, tableToText, paragraphToHtml, paragraphToText, clipboardItem, sectionToHtml } from './html';
export type { ClipboardItem } from './html';
export { rateSentence, rateChangeText, countChangeText, partsText, countText, fractionText, fractionWithPercent, percentText } from './narrative';
export type { NarrativeOptions } from './narrative';
