/**
 * `baocao-gd template NAME|all --out FILE.xlsx [--year 2024-2025] [--lang en]`: blank standard
 * templates with a title block, bold bordered headers, data validation and a sample row.
 * The layout comes from core (templateLayout); the one .xlsx writer (src/xlsx/write) writes it.
 */
import path from 'node:path';
import { yearFlag } from '../args';
import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';
import type { Lang } from '../../core/findings';
import { TEMPLATES } from '../../core/sheets/templates';
import { templateIds, templateLayout } from '../../core/sheets/layout';
import type { TemplatePlan } from '../../core/sheets/layout';
import { plansWorkbook } from '../../xlsx/write';
import { ensureFolder, outputErrorOf, writeOutput } from '../output-paths';

/** Write template plans into a new workbook file (headers 45 points high, as printed forms). */
export async function writeTemplates(plans: TemplatePlan[], out: string): Promise<void> {
  const wb = plansWorkbook(plans.map((plan) => ({ ...plan, rowHeights: { [plan.headerRow]: 45 } })));
  await ensureFolder(path.dirname(path.resolve(out)));
  await writeOutput(out, new Uint8Array(await wb.xlsx.writeBuffer()));
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
    const y = yearFlag(args, lang);
    if ('error' in y) {
      io.err(y.error);
      return 2;
    }
    const schoolYear = y.year ?? currentSchoolYear();
    const plans = ids.map((id) => templateLayout(id, { schoolYear }));
    await writeTemplates(plans, out);
    io.out(L(`Đã ghi ${plans.length} biểu mẫu (${ids.join(', ')}) vào ${path.resolve(out)}`, `Wrote ${plans.length} template(s) (${ids.join(', ')}) to ${path.resolve(out)}`));
    return 0;
  } catch (e) {
    const out = typeof args.flags.out === 'string' ? args.flags.out : '';
    io.err(outputErrorOf(out, e).reason[lang]);
    return 2;
  }
}
