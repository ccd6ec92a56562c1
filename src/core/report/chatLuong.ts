/** Section 3: Chất lượng giáo dục — outcome distribution per category set and grade (KET_QUA). */
import { KET_QUA_SETS } from '../sheets/templates';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import { catalogHeader, tableOf } from './columns';
import type { ColumnSpec } from './columns';
import { addTable, guarded, ReportContext, sheetsOf, tr } from './context';
import { add, anyPartial, cellsOf, countCell, criteriaFor, Figure, rateCell, ratio, sumOf } from './figures';
import { labelCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { countText, percentText } from './narrative';
import { joinList } from './quyMo';

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
        const den = tot.total.value;
        const word = tr(ctx, 'report.word.hoc_sinh');
        const key = SET_KEYS[set.id] ?? set.id;
        // "21.797 học sinh hoàn thành xuất sắc (45,30%)": a sentence, not a list of labels (issue 14).
        const items = fields.map((f, i) => {
          const n = tot.cats[i].value ?? 0;
          const cat = tr(ctx, `report.kq.cat.${categoryKey(f)}`);
          const what = tr(ctx, `report.kq.what.${key}`, { cat, cat_lower: cat.toLocaleLowerCase('vi') });
          return n === 0 ? tr(ctx, 'report.kq.item_none', { word, what }) : tr(ctx, 'report.kq.item', { n: countText(n, { leadingZero: false }), word, what, p: percentText(n, den, ctx.settings.percentDecimals) ?? '–' });
        });
        let text = tr(ctx, 'report.kq.sentence', {
          total: countText(den, { leadingZero: false }),
          word,
          cap: capName.toLocaleLowerCase('vi'),
          assessed: tr(ctx, `report.kq.assessed.${key}`),
          list: joinList(ctx, items),
        });
        const agg = aggregateOf(ctx, sheet, set.id, fields, tot.cats, tot.total, recs, word);
        if (agg) text += ' ' + agg;
        return text;
      }),
    );
    data[`${sheet.sheetName}:${set.id}`] = setData;
  }
  if (!sb.section.tables.length) return null;
  sb.section.data = data;
  return sb.build();
}


/**
 * The aggregate the seeds and the circulars name: "hoàn thành chương trình lớp học" (TT 27/2020: the
 * pupils assessed Hoàn thành xuất sắc, Hoàn thành tốt or Hoàn thành; the sheet's own column when it
 * has one) and, for grade 5, "hoàn thành chương trình tiểu học"; "đạt trở lên" (TT 22/2021: Tốt, Khá,
 * Đạt); "trung bình trở lên" (TT 58/2011).
 */
function aggregateOf(ctx: ReportContext, sheet: ParsedSheet, setId: string, fields: string[], cats: Figure[], total: Figure, recs: SheetRecord[], word: string): string | null {
  const den = total.value;
  if (den === null || !(den > 0)) return null;
  const o = { leadingZero: false };
  const frac = (n: number, d: number) => `${countText(n, o)}/${countText(d, o)} ${word}`;
  const pct = (n: number, d: number) => percentText(n, d, ctx.settings.percentDecimals)!;
  if (setId === 'tt27') {
    const passed = sheet.columns.htct_lop ? sumOf(sheet, recs, 'htct_lop') : add(...cats.slice(0, -1));
    if (passed.value === null || anyPartial(passed) || passed.value > den) return null;
    let text = tr(ctx, 'report.kq.htct_lop', { frac: frac(passed.value, den), p: pct(passed.value, den) });
    const g5 = recs.filter((r) => r.fields.khoi?.value === 5);
    if (sheet.columns.htctth && g5.length) {
      const done = sumOf(sheet, g5, 'htctth');
      const all5 = sumOf(sheet, g5, 'tong_so_hs');
      if (done.value !== null && all5.value !== null && all5.value > 0 && !anyPartial(done, all5) && done.value <= all5.value) {
        text = text.replace(/\.$/, '') + tr(ctx, 'report.kq.htctth', { frac: frac(done.value, all5.value), p: pct(done.value, all5.value) });
      }
    }
    return text;
  }
  const key = setId === 'hoc_tap' || setId === 'ren_luyen' ? 'dat_tro_len' : setId === 'hoc_luc' || setId === 'hanh_kiem' ? 'tb_tro_len' : null;
  if (!key) return null;
  // Every category but the failing ones: Chưa đạt (TT 22), Yếu and Kém (TT 58).
  const ok = fields.map((f, i) => ({ f, c: cats[i] })).filter((x) => !/(chua_dat|yeu|kem)$/.test(x.f));
  const passed = add(...ok.map((x) => x.c));
  if (passed.value === null || anyPartial(passed)) return null;
  return tr(ctx, `report.kq.${key}${setId === 'hanh_kiem' ? '_hk' : ''}`, { frac: frac(passed.value, den), p: pct(passed.value, den) });
}
