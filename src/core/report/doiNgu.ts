/**
 * Section 5: Đội ngũ — staff by cấp học, đạt chuẩn / trên chuẩn trình độ per Luật Giáo dục 2019 Đ72
 * (QUALIFICATION_STANDARD). Đạt chuẩn counts the minimum and above; trên chuẩn the levels above it.
 */
import { QUALIFICATION_ORDER, QUALIFICATION_STANDARD } from '../indicators/norms';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import { catalogHeader, tableOf } from './columns';
import type { ColumnSpec } from './columns';
import { addTable, firstSheet, guarded, omitFamily, ReportContext, tr } from './context';
import { add, anyPartial, cellsOf, countCell, criteriaFor, Figure, rateCell, ratio, sumOf } from './figures';
import { labelCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { capitalise, countText, partsText, percentText } from './narrative';
import { CAP_ORDER, capLabel, capOf } from './quyMo';

/** Minimum qualification of a cấp học; liên cấp and others follow the highest level they contain. */
function minimumFor(cap: string): (typeof QUALIFICATION_ORDER)[number] {
  const direct = QUALIFICATION_STANDARD[cap];
  if (direct) return direct.minimum;
  return cap === 'MN' ? 'cao_dang' : 'dai_hoc';
}

/** A row of the staff table: one cấp học, or the total (no standard: the levels differ). */
interface StaffRow {
  label: ReportCell;
  cbql: Figure;
  gv: Figure;
  nv: Figure;
  qualTotal: Figure;
  /** Qualified at the standard or above / above it (null on the total row). */
  atStd: Figure | null;
  above: Figure | null;
}

type StaffColumn = ColumnSpec<StaffRow, ReportContext>;

const count = (key: string, fig: (r: StaffRow) => Figure | null): StaffColumn => ({
  key,
  header: catalogHeader(`report.col.${key}`),
  cell: (r, ctx) => {
    const f = fig(r);
    return f ? countCell(f, { formulas: ctx.formulas }) : undefined;
  },
});

const share = (key: string, fig: (r: StaffRow) => Figure | null): StaffColumn => ({
  key,
  header: catalogHeader(`report.col.${key}`),
  cell: (r, ctx) => {
    const f = fig(r);
    return f ? rateCell(ratio(f, r.qualTotal), { formulas: ctx.formulas, decimals: ctx.settings.percentDecimals }) : undefined;
  },
});

const DOI_NGU_COLUMNS: StaffColumn[] = [
  { key: 'cap_hoc', header: catalogHeader('report.col.cap_hoc'), cell: (r) => r.label },
  count('so_cbql', (r) => r.cbql),
  count('so_gv', (r) => r.gv),
  count('so_nv', (r) => r.nv),
  count('tong_cb', (r) => r.qualTotal),
  count('dat_chuan', (r) => r.atStd),
  share('ty_le_dat_chuan', (r) => r.atStd),
  count('tren_chuan', (r) => r.above),
  share('ty_le_tren_chuan', (r) => r.above),
];

export function buildDoiNgu(ctx: ReportContext): ReportSection | null {
  const sheet = firstSheet(ctx.wb, 'DOI_NGU');
  if (!sheet) return null;
  const sb = new SectionBuilder('doi_ngu', tr(ctx, 'report.section.doi_ngu'));
  const quals = QUALIFICATION_ORDER.filter((q) => sheet.columns[q]);
  const byCap = new Map<string, SheetRecord[]>();
  // Without a cấp học column, the school's level comes from QUY_MO by school code.
  const scale = firstSheet(ctx.wb, 'QUY_MO');
  const capByCode = new Map<string, string>();
  if (!sheet.columns.cap_hoc && scale) for (const r of scale.records) capByCode.set(String(r.fields.ma_truong?.value ?? ''), capOf(r));
  for (const r of sheet.records) {
    const cap = sheet.columns.cap_hoc ? capOf(r) : capByCode.get(String(r.fields.ma_truong?.value ?? '')) ?? '?';
    (byCap.get(cap) ?? byCap.set(cap, []).get(cap)!).push(r);
  }
  const caps = [...byCap.keys()].sort((a, b) => (CAP_ORDER.indexOf(a) + 99) % 99 - (CAP_ORDER.indexOf(b) + 99) % 99);
  const rows: StaffRow[] = [];
  const data: Record<string, unknown> = {};
  const paras: (() => ReturnType<typeof guarded>)[] = [];
  const staff: { cap: string; total: Figure }[] = [];

  const line = (label: string, recs: SheetRecord[], cap: string, isTotal: boolean) => {
    const crits = isTotal || !sheet.columns.cap_hoc ? null : criteriaFor(sheet, recs, ['cap_hoc']);
    const cbql = sumOf(sheet, recs, 'so_cbql', crits);
    const gv = sumOf(sheet, recs, 'so_gv', crits);
    const nv = sumOf(sheet, recs, 'so_nv', crits);
    const q = Object.fromEntries(quals.map((k) => [k, sumOf(sheet, recs, k, crits, true)])) as Record<string, Figure>;
    const qualTotal = quals.length ? add(...quals.map((k) => q[k])) : { value: null, expr: null, cells: [] };
    let atStd: Figure | null = null;
    let above: Figure | null = null;
    if (!isTotal) {
      const min = QUALIFICATION_ORDER.indexOf(minimumFor(cap));
      const atKeys = quals.filter((k) => QUALIFICATION_ORDER.indexOf(k) >= min);
      const aboveKeys = quals.filter((k) => QUALIFICATION_ORDER.indexOf(k) > min);
      atStd = atKeys.length ? add(...atKeys.map((k) => q[k])) : null;
      above = aboveKeys.length ? add(...aboveKeys.map((k) => q[k])) : null;
    }
    const row = { label: labelCell(label, isTotal), cbql, gv, nv, qualTotal, atStd, above };
    rows.push(row);
    return row;
  };

  for (const cap of caps) {
    const recs = byCap.get(cap)!;
    const name = capLabel(ctx, cap);
    const f = line(name, recs, cap, false);
    data[cap] = { so_cbql: f.cbql.value, so_gv: f.gv.value, so_nv: f.nv.value, tong_trinh_do: f.qualTotal.value, dat_chuan: f.atStd?.value ?? null, tren_chuan: f.above?.value ?? null };
    // A blank staff column is "not reported", not "no staff": the total is then unknown.
    staff.push({ cap, total: add(f.cbql, f.gv, f.nv) });
    paras.push(() =>
      guarded(ctx, name, cellsOf(f.qualTotal, ...(f.atStd ? [f.atStd] : [])), () => {
        const den = f.qualTotal.value;
        if (!f.atStd || f.atStd.value === null || den === null || !(den > 0) || anyPartial(f.qualTotal)) return null;
        const aboveVal = f.above?.value ?? 0;
        const below = den - f.atStd.value;
        const belowText =
          below > 0
            ? tr(ctx, 'report.dn.below', { n: countText(below, { leadingZero: false }), den: countText(den, { leadingZero: false }), p: percentText(below, den, ctx.settings.percentDecimals)! })
            : tr(ctx, 'report.dn.below_none');
        return tr(ctx, 'report.dn.sentence', {
          below: belowText,
          cap: name,
          minimum: tr(ctx, `report.dn.min.${minimumFor(cap)}`),
          num: countText(f.atStd.value, { leadingZero: false }),
          den: countText(den, { leadingZero: false }),
          p: percentText(f.atStd.value, den, ctx.settings.percentDecimals)!,
          num2: countText(aboveVal, { leadingZero: false }),
          p2: percentText(aboveVal, den, ctx.settings.percentDecimals)!,
        });
      }),
    );
  }
  const totalRow = rows.length;
  const tot = line(tr(ctx, 'report.total'), sheet.records, '?', true);
  data.tong = { so_cbql: tot.cbql.value, so_gv: tot.gv.value, so_nv: tot.nv.value, tong_trinh_do: tot.qualTotal.value };

  addTable(ctx, sb, tableOf(DOI_NGU_COLUMNS, rows, ctx, { id: 'doi_ngu', title: tr(ctx, 'report.dn.table'), totalRows: [totalRow], filler: () => labelCell('–') }));
  sb.paragraph(
    guarded(ctx, tr(ctx, 'report.section.doi_ngu'), cellsOf(tot.cbql, tot.gv, tot.nv), () => {
      const all = add(tot.cbql, tot.gv, tot.nv);
      if (all.value === null || staff.some((s) => s.total.value === null) || anyPartial(all)) return null;
      const parts = partsText(all.value, tr(ctx, 'report.word.nguoi'), staff.map((s) => ({ label: ctx.lang === 'vi' ? capLabel(ctx, s.cap).toLocaleLowerCase('vi') : capLabel(ctx, s.cap), value: s.total.value as number })), ctx.narrative);
      if (!parts) return null;
      const inner = parts.slice(parts.indexOf('(') + 1, -1);
      return tr(ctx, 'report.dn.staff_sentence', { total: countText(all.value, { leadingZero: false }), parts: inner });
    }),
  );
  for (const p of paras) sb.paragraph(p());
  sb.paragraph(qualificationsParagraph(ctx, sheet, quals, tot.qualTotal));
  const allStaff = add(tot.cbql, tot.gv, tot.nv);
  // Seed 000 §8.2.1 counts certificates over the managers and teachers (3.200/3.215), as the degrees.
  sb.paragraph(certificatesParagraph(ctx, sheet, quals.length ? tot.qualTotal : add(tot.cbql, tot.gv)));
  sb.paragraph(partyParagraph(ctx, sheet, allStaff, caps.map((cap) => ({ cap, recs: byCap.get(cap)! }))));
  const sources = [...new Set(caps.map((c) => QUALIFICATION_STANDARD[c]?.source).filter(Boolean))];
  if (sources.length) sb.paragraph({ text: capitalise(tr(ctx, 'report.dn.source', { source: sources.join('; ') })), kind: 'note' });
  sb.section.data = data;
  return sb.build();
}


/** Degrees across the unit, highest first, each with its share ("tiến sĩ 01/3.215 người (0,03%)", seed 000 §8.1). */
function qualificationsParagraph(ctx: ReportContext, sheet: ParsedSheet, quals: string[], total: Figure) {
  if (!quals.length) {
    omitFamily(ctx, 'doi_ngu', 'trinh_do', 'DOI_NGU', [...QUALIFICATION_ORDER].reverse());
    return null;
  }
  const figs = [...quals].reverse().map((q) => ({ q, fig: sumOf(sheet, sheet.records, q, null, true) }));
  return guarded(ctx, tr(ctx, 'report.family.trinh_do'), cellsOf(total, ...figs.map((x) => x.fig)), () => {
    const den = total.value;
    if (den === null || !(den > 0) || anyPartial(total) || figs.some((x) => x.fig.value === null)) return null;
    // "chưa qua đào tạo 0 người (0%)" says nothing: a degree nobody holds is left out.
    const items = figs.filter((x) => (x.fig.value as number) > 0).map((x) =>
      tr(ctx, 'report.dn.qual_item', { name: tr(ctx, `report.dn.qual.${x.q}`), n: countText(x.fig.value as number, ctx.narrative), p: percentText(x.fig.value as number, den, ctx.settings.percentDecimals)! }),
    );
    return tr(ctx, 'report.dn.qual_sentence', { den: countText(den, { leadingZero: false }), list: items.join(', ') });
  });
}

/** Managers and teachers holding an IT / a foreign-language certificate, over the same people as the degrees. */
function certificatesParagraph(ctx: ReportContext, sheet: ParsedSheet, staff: Figure) {
  const fields = ['cc_tin_hoc', 'cc_ngoai_ngu'].filter((f) => sheet.columns[f]);
  if (!fields.length) {
    omitFamily(ctx, 'doi_ngu', 'chung_chi', 'DOI_NGU', ['cc_tin_hoc', 'cc_ngoai_ngu']);
    return null;
  }
  const figs = fields.map((f) => ({ f, fig: sumOf(sheet, sheet.records, f) }));
  return guarded(ctx, tr(ctx, 'report.family.chung_chi'), cellsOf(staff, ...figs.map((x) => x.fig)), () => {
    const den = staff.value;
    if (den === null || !(den > 0) || anyPartial(staff, ...figs.map((x) => x.fig)) || figs.some((x) => x.fig.value === null || x.fig.value > den)) return null;
    const items = figs.map((x) =>
      tr(ctx, `report.dn.cc.${x.f}`, {
        frac: `${countText(x.fig.value as number, { leadingZero: false })}/${countText(den, { leadingZero: false })}`,
        p: percentText(x.fig.value as number, den, ctx.settings.percentDecimals)!,
      }),
    );
    return tr(ctx, 'report.dn.cc_sentence', { list: items.join('; ') });
  });
}

/** Party members (đảng viên) and their share of all staff, by level when there are several. */
function partyParagraph(ctx: ReportContext, sheet: ParsedSheet, allStaff: Figure, groups: { cap: string; recs: SheetRecord[] }[]) {
  if (!sheet.columns.dang_vien) {
    omitFamily(ctx, 'doi_ngu', 'dang_vien', 'DOI_NGU', ['dang_vien']);
    return null;
  }
  const members = sumOf(sheet, sheet.records, 'dang_vien');
  const byCap = groups.map((g) => ({ cap: g.cap, fig: sumOf(sheet, g.recs, 'dang_vien') }));
  return guarded(ctx, tr(ctx, 'report.family.dang_vien'), cellsOf(members, allStaff), () => {
    const n = members.value;
    const den = allStaff.value;
    if (n === null || den === null || !(den > 0) || anyPartial(members, allStaff)) return null;
    const o = ctx.narrative;
    const known = byCap.length > 1 && byCap.every((x) => x.fig.value !== null && !anyPartial(x.fig));
    const parts = known ? partsText(n, tr(ctx, 'report.word.dang_vien'), byCap.map((x) => ({ label: ctx.lang === 'vi' ? capLabel(ctx, x.cap).toLocaleLowerCase('vi') : capLabel(ctx, x.cap), value: x.fig.value as number })), o) : null;
    return tr(ctx, 'report.dn.party', {
      members: parts ?? `${countText(n, o)} ${tr(ctx, 'report.word.dang_vien')}`,
      frac: `${countText(n, { leadingZero: false })}/${countText(den, { leadingZero: false })}`,
      p: percentText(n, den, ctx.settings.percentDecimals)!,
    });
  });
}
