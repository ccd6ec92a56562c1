/**
 * Checks of a CSDL statistics report (the real exports have every one of these mistakes,
 * REAL-FORMS §4.2–4.3): placeholders ("#", "?") and cached #VALUE! formulas, an ownership total that
 * is not Công lập + Tư thục (+ Dân lập), a subgroup larger than its parent (DTTS nữ > nữ), a Mã số
 * total that is not the sum of its parts, a part larger than its whole, and relations that cannot
 * hold (pupils without a school, pupils without a class). A #VALUE! whose parts are known is
 * recomputed from them (the sheet's own formula: Tổng số = Công lập + Tư thục, Tổng số = Kiên cố +
 * Bán kiên cố + Tạm).
 */
import type { Bilingual, Finding } from '../findings';
import { finding } from '../findings';
import { formatNumber } from '../format/vn';
import type { Measure, Ownership } from './codes';
import { parseRelation } from './codes';
import type { CsdlCell, CsdlColumn, CsdlReport, CsdlRow, CsdlSheet } from './read';

const OWN: Record<Ownership, Bilingual> = {
  tong: { vi: 'Tổng số', en: 'Total' },
  cl: { vi: 'Công lập', en: 'Public' },
  tt: { vi: 'Tư thục', en: 'Private' },
  dl: { vi: 'Dân lập', en: 'People-founded' },
};
const MEAS: Record<Measure, Bilingual> = {
  ts: { vi: 'tổng số', en: 'all' },
  nu: { vi: 'nữ', en: 'female' },
  dt: { vi: 'dân tộc thiểu số', en: 'ethnic minority' },
  dt_nu: { vi: 'nữ dân tộc thiểu số', en: 'ethnic minority female' },
  kien_co: { vi: 'kiên cố', en: 'permanent' },
  ban_kien_co: { vi: 'bán kiên cố', en: 'semi-permanent' },
  tam: { vi: 'tạm', en: 'temporary' },
  vc_khong_thoi_han: { vi: 'viên chức HĐLV không xác định thời hạn', en: 'civil servants (open-ended)' },
  vc_co_thoi_han: { vi: 'viên chức HĐLV xác định thời hạn', en: 'civil servants (fixed-term)' },
  hd: { vi: 'hợp đồng lao động', en: 'labour contract' },
};

export function columnName(c: CsdlColumn): Bilingual {
  return { vi: `${OWN[c.ownership].vi} – ${MEAS[c.measure].vi}`, en: `${OWN[c.ownership].en} – ${MEAS[c.measure].en}` };
}

function reportName(r: CsdlReport): string {
  return `${r.bieu.template} ${r.file.split(/[\\/]/).pop()}`;
}

const list = (cells: string[]) => (cells.length > 6 ? `${cells.slice(0, 6).join(', ')}, …` : cells.join(', '));

/** The sheet's own formulas: a total column over its ownerships, an ownership's total over its room kinds. */
function recompute(sheet: CsdlSheet, row: CsdlRow): number {
  let fixed = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const c of sheet.columns) {
      const cell = row.cells.get(c.col)!;
      if (cell.kind !== 'error') continue;
      let parts: CsdlColumn[] = [];
      if (c.ownership === 'tong') parts = sheet.columns.filter((x) => x.ownership !== 'tong' && x.measure === c.measure);
      if (!parts.length && c.measure === 'ts') parts = sheet.columns.filter((x) => x.ownership === c.ownership && ['kien_co', 'ban_kien_co', 'tam'].includes(x.measure));
      if (!parts.length) continue;
      const vals = parts.map((p) => row.cells.get(p.col)!);
      if (vals.some((v) => v.kind === 'error' || v.kind === 'placeholder' || v.kind === 'text')) continue;
      cell.value = vals.reduce((s, v) => s + (v.value ?? 0), 0);
      cell.kind = 'number';
      fixed++;
    }
  }
  return fixed;
}

/** Runs every check; findings go to report.findings. */
export function checkCsdl(report: CsdlReport): Finding[] {
  const out: Finding[] = [];
  const name = reportName(report);
  const place = (sheet: string, cells: string[]) => ({ file: report.file, sheet, cells });
  if (report.missingSheets.length) {
    out.push(finding('csdl_thieu_trang', 'csdl.thieu_trang', { file: report.file.split(/[\\/]/).pop() ?? report.file, report: report.bieu.template, sheets: report.missingSheets.join(', ') }, { file: report.file, cells: [], expected: report.missingSheets.join(', '), actual: null }));
  }
  for (const sheet of report.sheets) {
    // Placeholders and formula errors, one finding per kind per sheet.
    const marks = new Map<string, string[]>();
    const errors = new Map<string, string[]>();
    const texts: CsdlCell[] = [];
    let fixed = 0;
    for (const row of sheet.rows) {
      for (const c of row.cells.values()) {
        if (c.kind === 'placeholder') {
          const m = String(c.raw).trim();
          marks.set(m, [...(marks.get(m) ?? []), c.address]);
        } else if (c.kind === 'error') {
          const e = (c.raw as { error: string }).error;
          errors.set(e, [...(errors.get(e) ?? []), c.address]);
        } else if (c.kind === 'text') texts.push(c);
      }
      fixed += recompute(sheet, row);
    }
    for (const [mark, cells] of marks) out.push(finding('csdl_o_giu_cho', 'csdl.o_giu_cho', { report: name, sheet: sheet.name, n: formatNumber(cells.length), mark, cells: list(cells) }, { ...place(sheet.name, cells), expected: null, actual: mark }));
    for (const [error, cells] of errors) out.push(finding('csdl_o_loi_cong_thuc', 'csdl.o_loi_cong_thuc', { report: name, sheet: sheet.name, n: formatNumber(cells.length), error, cells: list(cells), fixed: formatNumber(fixed) }, { ...place(sheet.name, cells), expected: null, actual: error }));
    for (const c of texts.slice(0, 20)) out.push(finding('csdl_khong_phai_so', 'csdl.khong_phai_so', { report: name, sheet: sheet.name, cell: c.address, raw: String(c.raw) }, { ...place(sheet.name, [c.address]), expected: null, actual: String(c.raw) }));

    for (const row of sheet.rows) {
      const v = (col: CsdlColumn | undefined) => (col ? row.cells.get(col.col) : undefined);
      // Ownership: Tổng số = Công lập + Tư thục (+ Dân lập), for every measure.
      for (const total of sheet.columns.filter((c) => c.ownership === 'tong')) {
        const parts = sheet.columns.filter((c) => c.ownership !== 'tong' && c.measure === total.measure);
        const t = v(total);
        if (!parts.length || !t || t.value === null) continue;
        const pv = parts.map((p) => v(p)!);
        if (pv.some((x) => x.kind !== 'number' && x.kind !== 'blank') || pv.every((x) => x.kind === 'blank')) continue;
        const sum = pv.reduce((s, x) => s + (x.value ?? 0), 0);
        if (sum === t.value) continue;
        out.push(finding('csdl_so_huu_khac_tong', 'csdl.so_huu_khac_tong', { report: name, sheet: sheet.name, ma: row.ma, label: row.label, measure: MEAS[total.measure], actual: formatNumber(t.value), expected: formatNumber(sum), parts: parts.map((p) => OWN[p.ownership].vi).join(' + ') }, {
          ...place(sheet.name, [t.address, ...pv.map((x) => x.address)]), expected: sum, actual: t.value,
        }));
      }
      // A subgroup within its parent, in each ownership: nữ ≤ tổng số, DTTS ≤ tổng số, DTTS nữ ≤ nữ and ≤ DTTS.
      for (const own of ['tong', 'cl', 'tt', 'dl'] as Ownership[]) {
        const col = (m: Measure) => sheet.columns.find((c) => c.ownership === own && c.measure === m);
        const pairs: [Measure, Measure][] = [['nu', 'ts'], ['dt', 'ts'], ['dt_nu', 'nu'], ['dt_nu', 'dt'], ['kien_co', 'ts'], ['ban_kien_co', 'ts'], ['tam', 'ts']];
        for (const [part, whole] of pairs) {
          const a = v(col(part));
          const b = v(col(whole));
          if (!a || !b || a.value === null || b.value === null || a.value <= b.value) continue;
          out.push(finding('csdl_nhom_vuot_cha', 'csdl.nhom_vuot_cha', { report: name, sheet: sheet.name, ma: row.ma, label: row.label, part: { vi: `${OWN[own].vi} – ${MEAS[part].vi}`, en: `${OWN[own].en} – ${MEAS[part].en}` }, partValue: formatNumber(a.value), whole: { vi: MEAS[whole].vi, en: MEAS[whole].en }, wholeValue: formatNumber(b.value) }, {
            ...place(sheet.name, [a.address, b.address]), expected: b.value, actual: a.value,
          }));
        }
      }
    }
  }

  // Relations between Mã số, in every value column that both sides have.
  for (const text of report.bieu.relations) {
    const rel = parseRelation(text);
    const total = report.byCode.get(rel.total);
    if (!total) continue;
    for (const col of total.sheet.columns) {
      const t = total.row.cells.get(col.col);
      const parts = rel.parts.map((m) => {
        const at = report.byCode.get(m);
        const c = at?.sheet.columns.find((x) => x.ownership === col.ownership && x.measure === col.measure);
        return at && c ? { ma: m, cell: at.row.cells.get(c.col)!, sheet: at.sheet.name } : null;
      });
      if (!t || parts.some((p) => !p)) continue;
      const ps = parts as { ma: number; cell: CsdlCell; sheet: string }[];
      if (rel.kind === 'sum') {
        if (t.kind !== 'number' && t.kind !== 'blank') continue;
        if (ps.some((p) => p.cell.kind !== 'number' && p.cell.kind !== 'blank')) continue;
        if (t.kind === 'blank' && ps.every((p) => p.cell.kind === 'blank')) continue;
        // An export leaves zeros blank: a blank next to filled ones is 0.
        const sum = ps.reduce((s, p) => s + (p.cell.value ?? 0), 0);
        const tv = t.value ?? 0;
        if (sum === tv) continue;
        out.push(finding('csdl_tong_khac_thanh_phan', 'csdl.tong_khac_thanh_phan', {
          report: name, ma: rel.total, label: total.row.label, column: columnName(col), actual: formatNumber(tv), parts: rel.parts.length > 4 ? `${rel.parts[0]}–${rel.parts[rel.parts.length - 1]}` : rel.parts.join(' + '), expected: formatNumber(sum), diff: formatNumber(Math.abs(tv - sum)),
        }, { file: report.file, sheet: total.sheet.name, cells: [t.address, ...ps.map((p) => (p.sheet === total.sheet.name ? p.cell.address : `${p.sheet}!${p.cell.address}`))], expected: sum, actual: tv }));
      } else {
        if (t.value === null) continue;
        for (const p of ps) {
          if (p.cell.value === null || p.cell.value <= t.value) continue;
          const at = report.byCode.get(p.ma)!;
          out.push(finding('csdl_nhom_vuot_cha', 'csdl.ma_vuot_cha', { report: name, ma: p.ma, label: at.row.label, column: columnName(col), partValue: formatNumber(p.cell.value), whole: rel.total, wholeLabel: total.row.label, wholeValue: formatNumber(t.value) }, {
            file: report.file, sheet: at.sheet.name, cells: [p.cell.address, p.sheet === total.sheet.name ? t.address : `${total.sheet.name}!${t.address}`], expected: t.value, actual: p.cell.value,
          }));
        }
      }
    }
  }

  // Relations that cannot hold: classes or pupils without a school, pupils without a class.
  for (const imp of report.bieu.impossible) {
    const what = report.byCode.get(imp.what);
    if (!what) continue;
    for (const col of what.sheet.columns.filter((c) => c.measure === 'ts')) {
      const w = what.row.cells.get(col.col);
      if (!w || w.value === null || w.value <= 0) continue;
      const withouts = imp.without.map((m) => {
        const at = report.byCode.get(m);
        const c = at?.sheet.columns.find((x) => x.ownership === col.ownership && x.measure === 'ts');
        return at && c ? { cell: at.row.cells.get(c.col)!, sheet: at.sheet.name } : null;
      });
      if (withouts.some((x) => !x || (x.cell.kind !== 'number' && x.cell.kind !== 'blank'))) continue;
      if (withouts.some((x) => (x!.cell.value ?? 0) > 0)) continue;
      out.push(finding('csdl_quan_he_vo_ly', 'csdl.quan_he_vo_ly', { report: name, column: OWN[col.ownership], n: formatNumber(w.value), what: imp.label, without: imp.withoutLabel }, {
        file: report.file, sheet: what.sheet.name, cells: [w.address, ...withouts.map((x) => `${x!.sheet}!${x!.cell.address}`)], expected: 0, actual: w.value,
      }));
    }
  }
  report.findings = out;
  return out;
}
