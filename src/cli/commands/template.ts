/**
 * `baocao-gd template NAME|all --out FILE.xlsx [--year 2024-2025] [--lang en]`: blank standard
 * templates with a title block, bold bordered headers, data validation and a sample row.
 * The layout comes from core (templateLayout); this file only writes it with ExcelJS.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';
import type { Lang } from '../../core/findings';
import { TEMPLATES } from '../../core/sheets/templates';
import { templateIds, templateLayout } from '../../core/sheets/layout';
import type { TemplatePlan } from '../../core/sheets/layout';
import type { CellStyle } from '../../core/types';
import { toA1 as a1 } from '../../core/a1';


function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  if (style.bold || style.italic || style.fontSize) cell.font = { bold: !!style.bold, italic: !!style.italic, ...(style.fontSize ? { size: style.fontSize } : {}) };
  if (style.wrap || style.align) cell.alignment = { wrapText: !!style.wrap, vertical: 'middle', ...(style.align ? { horizontal: style.align } : {}) };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + style.fill.replace('#', '').toUpperCase() } };
  if (style.border) {
    const thin = { style: 'thin' as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

/** Write template plans into a new workbook file. */
export async function writeTemplates(plans: TemplatePlan[], out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo GD';
  for (const plan of plans) {
    const ws = wb.addWorksheet(plan.name, plan.freezeRows ? { views: [{ state: 'frozen', ySplit: plan.freezeRows }] } : undefined);
    for (const block of plan.blocks) {
      block.values.forEach((line, r) => {
        line.forEach((v, c) => {
          const isHeaderLike = block.id === 'header' || block.id === 'sample';
          if ((v === null || v === undefined) && !isHeaderLike) return;
          const cell = ws.getCell(a1(block.row + r, block.col + c));
          if (v !== null && v !== undefined) cell.value = v;
          applyStyle(cell, block.style);
          applyStyle(cell, block.rowStyles?.[r]);
        });
      });
    }
    for (const [col, w] of Object.entries(plan.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = w;
    ws.getRow(plan.headerRow + 1).height = 45;
    for (const v of plan.validations) {
      const range = `${a1(v.fromRow, v.col)}:${a1(v.toRow, v.col)}`;
      const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Báo cáo GD', error: `${v.error.vi} / ${v.error.en}` };
      let dv: ExcelJS.DataValidation;
      if (v.rule.kind === 'list') dv = { type: 'list', formulae: [`"${v.rule.values.join(',')}"`], ...common };
      else if (v.rule.kind === 'whole') {
        dv = v.rule.max === undefined
          ? { type: 'whole', operator: 'greaterThanOrEqual', formulae: [v.rule.min], ...common }
          : { type: 'whole', operator: 'between', formulae: [v.rule.min, v.rule.max], ...common };
      } else dv = { type: 'decimal', operator: 'between', formulae: [v.rule.min, v.rule.max], ...common };
      // ExcelJS writes a range key as one <dataValidation sqref="C6:C1005">.
      (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(range, dv);
    }
  }
  await wb.xlsx.writeFile(out);
}

/** The current school year from today's date (a new year starts in September). */
export function currentSchoolYear(now = new Date()): string {
  const y = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `${y}-${y + 1}`;
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const lang: Lang = args.flags.lang === 'en' ? 'en' : 'vi';
  const L = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  try {
    const name = args.positionals[0];
    const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
    const names = TEMPLATES.map((t) => t.id).join(', ');
    if (!name || !out) {
      io.err(L(`Cách dùng: baocao-gd template TÊN|all --out TỆP.xlsx (TÊN: ${names})`, `Usage: baocao-gd template NAME|all --out FILE.xlsx (NAME: ${names})`));
      return 2;
    }
    const ids = templateIds(name);
    if (!ids) {
      io.err(L(`Không có biểu mẫu "${name}". Các biểu mẫu: ${names}, all`, `No template "${name}". Templates: ${names}, all`));
      return 2;
    }
    const schoolYear = typeof args.flags.year === 'string' ? args.flags.year : currentSchoolYear();
    const plans = ids.map((id) => templateLayout(id, { schoolYear }));
    await writeTemplates(plans, out);
    io.out(L(`Đã ghi ${plans.length} biểu mẫu (${ids.join(', ')}) vào ${path.resolve(out)}`, `Wrote ${plans.length} template(s) (${ids.join(', ')}) to ${path.resolve(out)}`));
    return 0;
  } catch (e) {
    io.err(`${L('Không ghi được tệp', 'Cannot write the file')}: ${(e as Error)?.message ?? String(e)}`);
    return 2;
  }
}
