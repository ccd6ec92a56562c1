/** Section 3: Chất lượng giáo dục — outcome distribution per category set and grade (KET_QUA). */
import { KET_QUA_SETS } from '../sheets/templates';
import type { SheetRecord } from '../sheets/types';
import { catalogHeader, tableOf } from './columns';
import type { ColumnSpec } from './columns';
import { addTable, guarded, ReportContext, sheetsOf, tr } from './context';
import { add, anyPartial, cellsOf, countCell, criteriaFor, Figure, rateCell, ratio, sumOf } from './figures';
import { labelCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { countText, percentText } from './narrative';

const SET_KEYS: Record<string, string> = { tt27: 'th', hoc_tap: 'hoc_tap', ren_luyen: 'ren_luyen', hoc_luc: 'hoc_luc', hanh_kiem: 'hanh_kiem' };

function categoryKey(field: string): string {
  const m = /(htxs|htt|ht|cht|chua_dat|tot|kha|dat|gioi|tb|yeu|kem)$/.exec(field);
  return m ? m[1] : field;
}

function gradeOf(r: SheetRecord): number | null {
  const v = r.fields.khoi?.value;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

function capOfGrade(k: number): string {
  return k <= 5 ? 'TH' : k <= 9 ? 'THCS' : 'THPT';
}

/** A row of an outcome table: a grade (or the total) with the count of each category. */
interface OutcomeRow {
  label: ReportCell;
  total: Figure;
  cats: Figure[];
  /** The categories add up to the total: only then are their shares printed. */
  ok: boolean;
}

type OutcomeColumn = ColumnSpec<OutcomeRow, ReportContext>;

const OUTCOME_COLUMNS: OutcomeColumn[] = [
  { key: 'khoi', header: catalogHeader('report.col.khoi'), cell: (r) => r.label },
  { key: 'tong_so_hs', header: catalogHeader('report.col.tong_so_hs'), cell: (r, ctx) => countCell(r.total, { formulas: ctx.formulas }) },
];

/** Count and share of one category (the i-th of the set). */
function categoryColumns(field: string, i: number): OutcomeColumn[] {
  const name = (ctx: ReportContext) => tr(ctx, `report.kq.cat.${categoryKey(field)}`);
  return [
    { key: field, header: (ctx) => `${name(ctx)} (${tr(ctx, 'report.col.so_luong')})`, cell: (r, ctx) => countCell(r.cats[i], { formulas: ctx.formulas }) },
    {
      key: `ty_le_${field}`,
      header: (ctx) => `${name(ctx)} (${tr(ctx, 'report.col.ty_le')})`,
      cell: (r, ctx) => (r.ok ? rateCell(ratio(r.cats[i], r.total), { formulas: ctx.formulas, decimals: ctx.settings.percentDecimals }) : undefined),
    },
  ];
}

export function buildChatLuong(ctx: ReportContext): ReportSection | null {
  const sheets = sheetsOf(ctx.wb, 'KET_QUA');
  if (!sheets.length) return null;
  const sb = new SectionBuilder('chat_luong', tr(ctx, 'report.section.chat_luong'));
  const data: Record<string, unknown> = {};
  // Offices keep one KET_QUA sheet per cấp học or per circular; each is reported on its own.
  for (const sheet of sheets) for (const set of KET_QUA_SETS) {
    const fields = set.fields.filter((f) => sheet.columns[f]);
    if (!fields.length) continue;
    const recs = sheet.records.filter((r) => fields.some((f) => r.fields[f]?.value !== null && r.fields[f]?.value !== undefined));
    if (!recs.length) continue;
    const setName = tr(ctx, `report.kq.set.${SET_KEYS[set.id] ?? set.id}`);
    const grades = [...new Set(recs.map(gradeOf).filter((g): g is number => g !== null))].sort((a, b) => a - b);
    const caps = [...new Set(grades.map(capOfGrade))];
    const capName = caps.map((c) => tr(ctx, `report.cap.${c}`)).join(', ');
    const rows: OutcomeRow[] = [];
    const setData: Record<string, unknown> = {};
    const groups: { label: string; recs: SheetRecord[]; key: string }[] = grades.map((g) => ({
      label: tr(ctx, 'report.kq.grade', { k: g }),
      recs: recs.filter((r) => gradeOf(r) === g),
      key: String(g),
    }));
    const ungraded = recs.filter((r) => gradeOf(r) === null);
    if (ungraded.length) groups.push({ label: tr(ctx, 'report.cap.other'), recs: ungraded, key: 'khac' });
    const notes: string[] = [];
    const line = (label: string, group: SheetRecord[], isTotal: boolean, key: string): { total: Figure; cats: Figure[]; ok: boolean } => {
      const crits = isTotal || group === ungraded ? null : criteriaFor(sheet, group, ['khoi']);
      const whole = isTotal && group.length === sheet.records.length;
      const total = sumOf(sheet, group, 'tong_so_hs', whole ? null : crits);
      const cats = fields.map((f) => sumOf(sheet, group, f, whole ? null : crits, true));
      const sum = add(...cats);
      const ok = total.value !== null && sum.value === total.value;
      if (!ok && total.value !== null && sum.value !== null) {
        notes.push(tr(ctx, 'report.kq.not_summing', { set: setName, k: key, sum: countText(sum.value, { leadingZero: false }), total: countText(total.value, { leadingZero: false }) }));
      }
      rows.push({ label: labelCell(label, isTotal), total, cats, ok });
      setData[key] = { tong_so_hs: total.value, ...Object.fromEntries(fields.map((f, i) => [f, cats[i].value])) };
      return { total, cats, ok };
    };
    for (const g of groups) line(g.label, g.recs, false, g.key);
    const totalRow = rows.length;
    const tot = line(tr(ctx, 'report.total'), recs, true, 'tong');
    const columns = [...OUTCOME_COLUMNS, ...fields.flatMap((f, i) => categoryColumns(f, i))];
    addTable(ctx, sb, tableOf(columns, rows, ctx, { id: `chat_luong_${sheet.sheetName}_${set.id}`, title: `${setName} – ${capName}`, totalRows: [totalRow], filler: () => labelCell('–') }));
    for (const n of notes) sb.paragraph({ text: n, kind: 'note' });
    sb.paragraph(
      guarded(ctx, setName, cellsOf(tot.total, ...tot.cats), () => {
        if (!tot.ok || tot.total.value === null || anyPartial(tot.total)) return null;
        const parts = fields.map((f, i) => `${tr(ctx, `report.kq.cat.${categoryKey(f)}`)}: ${countText(tot.cats[i].value ?? 0, { leadingZero: false })} (${percentText(tot.cats[i].value ?? 0, tot.total.value as number, ctx.settings.percentDecimals) ?? '–'})`);
        return tr(ctx, 'report.kq.sentence', { set: setName, cap: capName.toLocaleLowerCase('vi'), parts: parts.join('; '), total: countText(tot.total.value, { leadingZero: false }) });
      }),
    );
    data[`${sheet.sheetName}:${set.id}`] = setData;
  }
  if (!sb.section.tables.length) return null;
  sb.section.data = data;
  return sb.build();
}

