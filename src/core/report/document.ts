/**
 * What every renderer of the document (the .docx, the HTML, the report sheet) shares: which sections
 * are the body and which the appendices, and how a section's heading reads. The body's section
 * headings are numbered in Roman numerals and written in capitals (Nghị định 30/2020/NĐ-CP, Phụ lục I,
 * Mục II khoản 6 điểm đ: "số thứ tự và tiêu đề của mục: in hoa, đứng, đậm").
 */
import type { ReportModel, ReportSection } from './model';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function romanNumeral(i: number): string {
  return ROMAN[i] ?? String(i + 1);
}

/** "I. QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP". */
export function headingText(s: ReportSection, index: number): string {
  return `${romanNumeral(index)}. ${s.title.toLocaleUpperCase('vi')}`;
}

export function documentSections(model: ReportModel): { main: ReportSection[]; appendices: ReportSection[] } {
  return { main: model.sections.filter((s) => !s.appendix), appendices: model.sections.filter((s) => s.appendix) };
}
