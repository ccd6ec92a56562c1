/**
 * Section 4: Dinh dưỡng, in the layout of seed 000 lines 35–129: per age group, đầu vào (counts and
 * % of children weighed), phục hồi (counts and % of đầu vào), đầu ra (counts and % of children weighed).
 * Phục hồi comes from "Phục hồi" rows or from phuc_hoi_* columns, whichever the sheet has.
 */
import { formatPercent } from '../format/vn';
import { NUTRITION_FIELDS } from '../sheets/templates';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import { catalogHeader, keyedColumn, keyedRow, tableOf } from './columns';
import type { ColumnSpec, KeyedRow } from './columns';
import { addTable, firstSheet, guarded, omitFamily, ReportContext, tr } from './context';
import { anyPartial, cellsOf, countCell, criteriaFor, Figure, rateCell, ratio, sumOf } from './figures';
import { labelCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { countText, percentText } from './narrative';

type Phase = 'dau_nam' | 'cuoi_nam' | 'phuc_hoi';

function valueOf(r: SheetRecord, f: string): string | null {
  const v = r.fields[f]?.value;
  return typeof v === 'string' ? v : null;
}

function phaseFigures(sheet: ParsedSheet, recs: SheetRecord[], fieldsFor: (f: string) => string, withTotal: boolean) {
  const crits = criteriaFor(sheet, recs, ['nhom_tuoi', 'thoi_diem']);
  const total = withTotal ? sumOf(sheet, recs, 'tong_so_tre', crits) : null;
    // A blank count is "not reported": an all-blank column is a dash, a partly blank one is marked.
  const counts = NUTRITION_FIELDS.map((f) => (sheet.columns[fieldsFor(f)] ? sumOf(sheet, recs, fieldsFor(f), crits) : null));
  return { total, counts };
}

/** Columns of the nutrition table: the row's label, the children weighed, one column per nutrition figure. */
const DINH_DUONG_COLUMNS: ColumnSpec<KeyedRow, ReportContext>[] = [
  keyedColumn('do_tuoi', catalogHeader('report.col.do_tuoi')),
  keyedColumn('tong_so', catalogHeader('report.col.tong_so')),
  ...NUTRITION_FIELDS.map((f) => keyedColumn<ReportContext>(f, catalogHeader(`report.col.${f}`))),
];

export function buildDinhDuong(ctx: ReportContext): ReportSection | null {
  const sheet = firstSheet(ctx.wb, 'DINH_DUONG');
  if (!sheet) return null;
  const sb = new SectionBuilder('dinh_duong', tr(ctx, 'report.section.dinh_duong'));
  const rows: KeyedRow[] = [];
  const row = (label: ReportCell, total: ReportCell | undefined, cell: (i: number) => ReportCell | undefined) =>
    keyedRow(DINH_DUONG_COLUMNS, { do_tuoi: label, tong_so: total, ...Object.fromEntries(NUTRITION_FIELDS.map((f, i) => [f, cell(i)])) });
  const totalRows: number[] = [];
  const data: Record<string, unknown> = {};
  const fo = { formulas: ctx.formulas };
  const ro = { formulas: ctx.formulas, decimals: ctx.settings.percentDecimals };
  // Paragraphs follow the table, so they are written once the table is complete.
  const paragraphsFor: (() => ReturnType<typeof guarded>)[] = [];
  const groups = ['NT', 'MG', 'TONG'].filter((g) => sheet.records.some((r) => valueOf(r, 'nhom_tuoi') === g));
  if (!groups.length && sheet.records.length) groups.push('?');

  for (const g of groups) {
    const inGroup = sheet.records.filter((r) => (g === '?' ? true : valueOf(r, 'nhom_tuoi') === g));
    const at = (p: Phase) => inGroup.filter((r) => valueOf(r, 'thoi_diem') === p);
    const start = at('dau_nam');
    const end = at('cuoi_nam');
    const recRows = at('phuc_hoi');
    if (!start.length) continue;
    const groupName = g === 'NT' || g === 'MG' ? tr(ctx, `report.dd.group.${g}`) : tr(ctx, 'report.total');
    const input = phaseFigures(sheet, start, (f) => f, true);
    // Phục hồi columns are filled on the đầu ra rows (seed 000 layout) or on the đầu vào rows.
    const hasRecovery = (rs: SheetRecord[]) => rs.some((r) => NUTRITION_FIELDS.some((f) => typeof r.fields[`phuc_hoi_${f}`]?.value === 'number'));
    const recovered = recRows.length
      ? phaseFigures(sheet, recRows, (f) => f, false)
      : phaseFigures(sheet, hasRecovery(end) ? end : start, (f) => `phuc_hoi_${f}`, false);
    const output = end.length ? phaseFigures(sheet, end, (f) => f, true) : null;
    const outTotal = output?.total && output.total.value !== null ? output.total : input.total!;

    totalRows.push(rows.length);
    const counts = (figs: (Figure | null)[]) => (i: number) => (figs[i] ? countCell(figs[i]!, fo) : undefined);
    rows.push(row(labelCell(tr(ctx, 'report.dd.row.dau_vao', { group: groupName }), true), countCell(input.total!, fo), counts(input.counts)));
    rows.push(row(labelCell(tr(ctx, 'report.dd.row.rate_total')), labelCell(''), (i) => (input.counts[i] ? rateCell(ratio(input.counts[i]!, input.total!), ro) : undefined)));
    if (recovered.counts.some((c) => c && c.value !== null)) {
      rows.push(row(labelCell(tr(ctx, 'report.dd.row.phuc_hoi')), labelCell(''), counts(recovered.counts)));
      rows.push(
        row(labelCell(tr(ctx, 'report.dd.row.rate_input')), labelCell(''), (i) => {
          const c = recovered.counts[i];
          return c && input.counts[i] ? rateCell(ratio(c, input.counts[i]!), ro) : undefined;
        }),
      );
    }
    if (output) {
      rows.push(row(labelCell(tr(ctx, 'report.dd.row.dau_ra')), output.total ? countCell(output.total, fo) : undefined, counts(output.counts)));
      rows.push(row(labelCell(tr(ctx, 'report.dd.row.rate_total')), labelCell(''), (i) => (output.counts[i] ? rateCell(ratio(output.counts[i]!, outTotal), ro) : undefined)));
    }
    const val = (f: Figure | null) => f?.value ?? null;
    data[g] = {
      dau_vao: { tong_so_tre: val(input.total), ...Object.fromEntries(NUTRITION_FIELDS.map((f, i) => [f, val(input.counts[i])])) },
      phuc_hoi: Object.fromEntries(NUTRITION_FIELDS.map((f, i) => [f, val(recovered.counts[i])])),
      dau_ra: output ? { tong_so_tre: val(output.total), ...Object.fromEntries(NUTRITION_FIELDS.map((f, i) => [f, val(output.counts[i])])) } : null,
    };

    const final = output ?? input;
    const finalTotal = output ? outTotal : input.total!;
    const phase = tr(ctx, output ? 'report.dd.phase.cuoi_nam' : 'report.dd.phase.dau_nam');
    const enrolled = enrolledOf(ctx, g);
    paragraphsFor.push(() =>
      guarded(ctx, groupName, cellsOf(finalTotal, ...final.counts.filter((c): c is Figure => !!c)), () => {
        const d = finalTotal.value;
        const [n1, n2, , n3] = final.counts.map((c) => c?.value ?? null);
        if (d === null || !(d > 0) || n1 === null || n2 === null || n3 === null || anyPartial(finalTotal, ...final.counts)) return null;
        const t = ctx.settings.nutritionTargets;
        const o = { leadingZero: false };
        // Each rate names its subject and its target: "tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân là 0,95% (28/2.954 trẻ), dưới 1%, đạt chỉ tiêu".
        const item = (key: string, n: number, max: number) =>
          tr(ctx, 'report.dd.item', {
            what: tr(ctx, `report.dd.what.${key}`),
            p: percentText(n, d, ctx.settings.percentDecimals)!,
            frac: `${countText(n, o)}/${countText(d, o)}`,
            verdict: tr(ctx, n * 100 < max * d ? 'report.dd.verdict_ok' : 'report.dd.verdict_miss', { target: formatPercent(max / 100, 0) }),
          });
        const weighed =
          enrolled && enrolled.value !== null && enrolled.value > 0 && !anyPartial(enrolled)
            ? d <= enrolled.value
              ? tr(ctx, 'report.dd.weighed_share', { phase, frac: `${countText(d, o)}/${countText(enrolled.value, o)}`, p: percentText(d, enrolled.value, ctx.settings.percentDecimals)! })
              : tr(ctx, 'report.dd.weighed_over', { phase, n: countText(d, o), enrolled: countText(enrolled.value, o) })
            : tr(ctx, 'report.dd.weighed', { phase, n: countText(d, o) });
        const first = tr(ctx, 'report.dd.sentence', {
          where: tr(ctx, `report.dd.where.${g === 'NT' || g === 'MG' ? g : 'all'}`),
          weighed,
          items: [item('sdd_nhe_can', n1, t.sddMax), item('sdd_thap_coi', n2, t.sddMax), item('thua_can_beo_phi', n3, t.beoPhiMax)].join('; '),
        });
        // "Bình thường" from the counts the sheet has: weight-for-age neither underweight nor overweight,
        // height-for-age not stunted. UNCONFIRMED: the sheets count thừa cân – béo phì on the weight chart's
        // upper channel; an office whose overweight count is by BMI reads the first rate as an approximation.
        const normal = tr(ctx, 'report.dd.normal', {
          p1: percentText(d - n1 - n3, d, ctx.settings.percentDecimals)!,
          frac1: `${countText(d - n1 - n3, o)}/${countText(d, o)}`,
          p2: percentText(d - n2, d, ctx.settings.percentDecimals)!,
          frac2: `${countText(d - n2, o)}/${countText(d, o)}`,
        });
        return d - n1 - n3 >= 0 ? `${first} ${normal}` : first;
      }),
    );
  }
  if (!rows.length) return null;
  addTable(ctx, sb, tableOf(DINH_DUONG_COLUMNS, rows, ctx, { id: 'dinh_duong', title: tr(ctx, 'report.dd.table'), totalRows, filler: () => labelCell('–') }));
  for (const p of paragraphsFor.splice(0)) sb.paragraph(p());
  sb.section.data = data;
  return sb.build();
}

/**
 * Children enrolled in the age group (QUY_MO, mầm non rows): the base of the share weighed and
 * measured. Null (and the family listed as left out) when the scale sheet or its column is absent.
 */
function enrolledOf(ctx: ReportContext, group: string): Figure | null {
  const scale = firstSheet(ctx.wb, 'QUY_MO');
  const field = group === 'NT' ? 'tre_nha_tre' : group === 'MG' ? 'tre_mau_giao' : 'so_hoc_sinh';
  if (!scale || !scale.columns[field]) {
    omitFamily(ctx, 'dinh_duong', 'can_do', 'QUY_MO', [field]);
    return null;
  }
  const mn = scale.records.filter((r) => r.fields.cap_hoc?.value === 'MN');
  return mn.length ? sumOf(scale, mn, field) : null;
}
