/**
 * The report of the sample workbook that carries seed 000's figures (Quận 12, 2023-2024).
 * Every expected figure is recomputed here from the seed's counts with plain arithmetic.
 */
import { buildReport } from '../../../src/core/report/build';
import type { ReportModel, ReportSection } from '../../../src/core/report/model';
import type { SheetRecord } from '../../../src/core/sheets/types';
import { allText, FORBIDDEN, loadSample, pct, thousands } from './helpers';

let model: ReportModel;
let cur: Awaited<ReturnType<typeof loadSample>>;
let previousModel: ReportModel;
/** The current year alone: the phổ cập sentences end at the rate (with an earlier year they go on with the change). */
let oneYear: ReportModel;
const section = (m: ReportModel, id: string): ReportSection => {
  const s = m.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const paragraphs = (m: ReportModel, id: string) => section(m, id).paragraphs.map((p) => p.text);

beforeAll(async () => {
  cur = await loadSample('quan12-2023-2024.xlsx');
  const prev = await loadSample('quan12-2022-2023.xlsx');
  model = buildReport({ current: cur.parsed, previous: [prev.parsed], findings: cur.findings });
  previousModel = buildReport({ current: prev.parsed, findings: prev.findings });
  oneYear = buildReport({ current: cur.parsed, findings: cur.findings });
});

describe('phổ cập paragraph states the facts of seed 000 §6', () => {
  it('TH 11 tuổi: 9.022/(9.300−35)', () => {
    expect(paragraphs(oneYear, 'pho_cap')).toContain(
      // every count with its unit word (issue 14; seed 000 §6 writes "9.300 học sinh … 35 trẻ")
      `Tổng số trẻ 11 tuổi là ${thousands(9300)} trẻ, miễn giảm 35 trẻ, hoàn thành chương trình tiểu học ${thousands(9022)} trẻ, đạt ${pct(9022, 9300 - 35)}.`,
    );
    expect(pct(9022, 9300 - 35)).toBe('97,38%');
  });

  it('TH 14 tuổi: 7.701/(7.732−28) is 99,96%, not the 99,99% the seed printed', () => {
    const text = paragraphs(oneYear, 'pho_cap').join('\n');
    expect(text).toContain(`Tổng số trẻ 14 tuổi là ${thousands(7732)} trẻ, miễn giảm 28 trẻ, hoàn thành chương trình tiểu học ${thousands(7701)} trẻ, đạt ${pct(7701, 7732 - 28)}.`);
    expect(pct(7701, 7732 - 28)).toBe('99,96%');
    expect(text).not.toContain('99,99%');
  });

  it('TH 11–14 tuổi: 30.360/(30.780−126)', () => {
    expect(paragraphs(oneYear, 'pho_cap').join('\n')).toContain(`là ${thousands(30780)} trẻ, miễn giảm 126 trẻ, hoàn thành chương trình tiểu học ${thousands(30360)} trẻ, đạt ${pct(30360, 30780 - 126)}.`);
  });

  it('a zero deduction is not printed ("miễn giảm 0")', () => {
    expect(paragraphs(oneYear, 'pho_cap').join('\n')).not.toContain('miễn giảm 0,');
  });

  it('THCS 15–18: 27.096/27.475', () => {
    expect(paragraphs(oneYear, 'pho_cap').join('\n')).toContain(`có bằng tốt nghiệp trung học cơ sở ${thousands(27096)} người, đạt ${pct(27096, 27475)}`);
    expect(pct(27096, 27475)).toBe('98,62%');
  });

  it('phổ cập bậc trung học: the three rates from their parts, parts printed', () => {
    const text = paragraphs(oneYear, 'pho_cap').join('\n');
    expect(text).toContain(`tổng số học sinh tốt nghiệp trung học cơ sở là ${thousands(7018)} học sinh, vào lớp 10 trung học phổ thông ${thousands(5958)} học sinh, vào giáo dục thường xuyên 799 học sinh, vào trung cấp 211 học sinh, đạt ${pct(5958 + 799 + 211, 7018)}.`);
    expect(text).toContain(`tổng số học sinh lớp 12 là ${thousands(6795)} học sinh, tốt nghiệp hệ phổ thông ${thousands(6204)} học sinh, tốt nghiệp hệ giáo dục thường xuyên 570 học sinh, đạt ${pct(6204 + 570, 6795)}.`);
    expect(text).toContain(`có bằng trung học phổ thông ${thousands(25031)} người, có bằng hệ giáo dục thường xuyên ${thousands(1629)} người, đạt ${pct(25031 + 1629, 27660)}.`);
    expect([pct(5958 + 799 + 211, 7018), pct(6204 + 570, 6795), pct(25031 + 1629, 27660)]).toEqual(['99,29%', '99,69%', '96,38%']);
  });

  it('with the earlier year, the same sentences go on with the change of the printed rates (2022–2023 counts of the sample)', () => {
    const text = paragraphs(model, 'pho_cap').join('\n');
    // 11 tuổi: 2022–2023 8.913/(9.205 − 28) = 97,12%; 97,38 − 97,12 = 0,26
    expect(pct(8913, 9205 - 28)).toBe('97,12%');
    expect(text).toContain(`hoàn thành chương trình tiểu học ${thousands(9022)} trẻ, đạt 97,38%, tăng 0,26 điểm phần trăm so với năm học trước.`);
    // 14 tuổi: 7.509/(7.536 − 24) = 99,96% both years: "bằng năm học trước"
    expect(pct(7509, 7536 - 24)).toBe('99,96%');
    expect(text).toContain(`hoàn thành chương trình tiểu học ${thousands(7701)} trẻ, đạt 99,96%, bằng năm học trước.`);
    // huy động vào lớp 10: (5.882 + 748 + 206)/6.875 = 99,43%; 99,29 − 99,43 = −0,14
    expect(pct(5882 + 748 + 206, 6875)).toBe('99,43%');
    expect(text).toContain('vào trung cấp 211 học sinh, đạt 99,29%, giảm 0,14 điểm phần trăm so với năm học trước.');
  });

  it('xóa mù chữ 15–35 and 15–60 from population − exempt', () => {
    const text = paragraphs(model, 'pho_cap').join('\n');
    expect(text).toContain(`Tổng số dân từ 15 đến 35 tuổi là ${thousands(200991)} người, miễn giảm 336 người, số người biết chữ mức độ 1 là ${thousands(200601)} người, đạt ${pct(200601, 200991 - 336)}`);
    expect(text).toContain(`số người biết chữ mức độ 2 là ${thousands(451894)} người, đạt ${pct(451894, 453083 - 793)}`);
  });

  it('"n/N xã, phường" lines and conclusions; data carries levels per commune', () => {
    const text = paragraphs(model, 'pho_cap');
    // all 11 of Quận 12's communes are phường: the line calls them so (issue 14), never "xã, phường"
    expect(text).toContain('11/11 phường đạt chuẩn phổ cập giáo dục tiểu học mức độ 3.');
    expect(text).toContain('Kết luận: Quận 12 đạt chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi.');
    const data = section(model, 'pho_cap').data as { units: { programme: string; level: number | null; rates: Record<string, number> }[]; overall: Record<string, number | null> };
    const th = data.units.filter((u) => u.programme === 'TH');
    expect(th).toHaveLength(11);
    expect(th.every((u) => u.level === 3)).toBe(true);
    expect(data.overall.TH).toBe(3);
    // The commune rates are fractions, not percent strings.
    expect(th.every((u) => u.rates.TH_11_HTCT > 0.9 && u.rates.TH_11_HTCT <= 1)).toBe(true);
  });

  it('one table per programme, one row per commune plus the unit total row', () => {
    const tables = section(model, 'pho_cap').tables;
    expect(tables.map((t) => t.id)).toEqual(['pho_cap_MN5', 'pho_cap_XMC', 'pho_cap_TH', 'pho_cap_THCS', 'pho_cap_BTH']);
    const th = tables.find((t) => t.id === 'pho_cap_TH')!;
    expect(th.rows).toHaveLength(12);
    const total = th.rows[11];
    expect(total[1].text).toBe('Quận 12');
    expect(total.map((c) => c.text)).toContain(pct(9022, 9300 - 35));
    expect(total[total.length - 1].text).toBe('Mức độ 3');
  });
});

describe('quy mô of seed 000 totals', () => {
  /** Counts recomputed here from the sample's QUY_MO records (the sample may be regenerated). */
  const scale = () => {
    const sh = cur.parsed.sheets.find((x) => x.template === 'QUY_MO')!;
    const f = (r: SheetRecord, k: string) => r.fields[k]?.value;
    const num = (r: SheetRecord, k: string) => (typeof f(r, k) === 'number' ? (f(r, k) as number) : 0);
    const of = (cap: string, loai?: string) => sh.records.filter((r) => f(r, 'cap_hoc') === cap && (!loai || f(r, 'loai_hinh') === loai));
    const sum = (rs: SheetRecord[], k: string) => rs.reduce((a, r) => a + num(r, k), 0);
    const multi = (level: string) => sh.records.filter((r) => String(f(r, 'cap_hoc')).split('-').includes(level) && f(r, 'cap_hoc') !== level);
    const grades = (rs: SheetRecord[], ks: number[]) => rs.reduce((a, r) => a + ks.reduce((b, k) => b + num(r, `hs_lop_${k}`), 0), 0);
    return { of, sum, multi, grades, records: sh.records };
  };
  const pad = (n: number) => (n > 0 && n < 10 ? `0${n}` : thousands(n));

  it('mầm non: cơ sở = trường công lập + trường ngoài công lập + nhóm, lớp độc lập (never "trường" for these)', () => {
    const { of, sum } = scale();
    const [cl, ncl, dl] = [of('MN', 'CL').length, of('MN', 'NCL').length, of('MN', 'DL').length];
    const text = paragraphs(model, 'quy_mo');
    const mn = text.find((p) => p.startsWith('Mầm non có'))!;
    expect(mn).toContain(`Mầm non có ${thousands(cl + ncl + dl)} cơ sở (${pad(cl)} trường công lập, ${pad(ncl)} trường ngoài công lập và ${pad(dl)} nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập)`);
    expect(mn).toContain(`tổng số trẻ mầm non là ${thousands(sum(of('MN'), 'so_hoc_sinh'))} trẻ (công lập: ${thousands(sum(of('MN', 'CL'), 'so_hoc_sinh'))}`);
    expect(sum(of('MN'), 'so_hoc_sinh')).toBe(26254);
    expect(text.join('\n')).not.toMatch(/trường nhóm|trường độc lập/);
    // nhóm, lớp độc lập are not counted in the chuẩn quốc gia / kiểm định denominators (18/23, 15/43 as the seed)
    const tb = section(model, 'quy_mo').tables[0];
    const iQg = tb.columns.indexOf('Đạt chuẩn quốc gia');
    expect(tb.rows.find((r) => r[1].text === 'Nhóm, lớp độc lập')![iQg].text).toBe('–');
    const qgMn = of('MN').filter((r) => r.fields.loai_hinh?.value !== 'DL' && (r.fields.chuan_qg?.value as number) >= 1).length;
    expect(tb.rows.find((r) => r[0].text === 'Cộng Mầm non')![iQg].text).toBe(`${qgMn}/${cl + ncl} (${pct(qgMn, cl + ncl)})`);
  });

  it('tiểu học and THCS: one total for pupils, in the table and in the text, incl. the multi-level schools by grade', () => {
    const { of, sum, multi, grades } = scale();
    const tb = section(model, 'quy_mo').tables[0];
    const iPupils = tb.columns.indexOf('Số học sinh (trẻ)');
    const iClasses = tb.columns.indexOf('Số lớp (nhóm, lớp)');
    const text = paragraphs(model, 'quy_mo');
    for (const [level, name, ks] of [['TH', 'Tiểu học', [1, 2, 3, 4, 5]], ['THCS', 'Trung học cơ sở', [6, 7, 8, 9]]] as const) {
      const single = sum(of(level), 'so_hoc_sinh');
      const share = grades(multi(level), [...ks]);
      const row = tb.rows.find((r) => r[0].text === `Cộng ${name} (gồm cả trường nhiều cấp học)`)!;
      expect(row[iPupils].text).toBe(thousands(single + share));
      expect(row[iClasses].text).toBe('–');
      const shareRow = tb.rows.find((r) => r[0].text === `Trường nhiều cấp học (cấp ${name.toLocaleLowerCase('vi')})`)!;
      expect(shareRow[iPupils].text).toBe(thousands(share));
      const para = text.find((p) => p.startsWith(`${name} có`))!;
      expect(para).toContain(`tổng số học sinh ${name.toLocaleLowerCase('vi')} là ${thousands(single + share)} học sinh`);
      expect(para).toContain(`ngoài ra còn có ${pad(multi(level).length)} trường nhiều cấp học`);
      // sĩ số covers the single-level schools and says so
      const classes = sum(of(level), 'so_lop');
      const size = text.find((p) => p.startsWith(`Sĩ số bình quân ở các trường ${name.toLocaleLowerCase('vi')} (không tính trường nhiều cấp học)`))!;
      expect(size).toContain(`(${thousands(single)}/${thousands(classes)})`);
    }
    expect(grades(multi('TH'), [1, 2, 3, 4, 5]) + sum(of('TH'), 'so_hoc_sinh')).toBe(48112);
    expect(text.find((p) => p.startsWith('Trung học cơ sở có'))).toContain(`${thousands(32460)} học sinh (công lập: ${thousands(31008)}; ngoài công lập: ${thousands(1452)})`);
  });

  it('parts add up, and every count in the text is a figure of the table', () => {
    const text = paragraphs(model, 'quy_mo');
    let lists = 0;
    for (const p of text) {
      for (const m of p.matchAll(/(\d[\d.]*) (?:trường|cơ sở|trẻ|học sinh|người) \(((?:[^():;]+: \d[\d.]*;? ?)+)\)/g)) {
        const total = Number(m[1].replace(/\./g, ''));
        const parts = [...m[2].matchAll(/: (\d[\d.]*)/g)].map((x) => Number(x[1].replace(/\./g, '')));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        lists++;
      }
    }
    expect(lists).toBeGreaterThanOrEqual(3);
    const tb = section(model, 'quy_mo').tables[0];
    const cells = new Set(tb.rows.flatMap((r) => r.flatMap((c) => c.text.match(/\d[\d.]*/g) ?? [])).map((x) => Number(x.replace(/\./g, ''))));
    for (const p of text) {
      // numerators of "x/y" two-session rates are derived (rate × pupils of the row), the rest must be in the table
      const plain = p.replace(/\(\d[\d.]*\/(\d[\d.]*)\)/g, '($1)').replace(/\d+,\d+%?/g, '').replace(/THCS-THPT|TH-THCS-THPT|02 buổi|Quận \d+/g, '');
      // a part by loại hình of a level may add two rows (ngoài công lập 1.924 + trường nhiều cấp 186)
      const derivable = (n: number) => cells.has(n) || [...cells].some((a) => a < n && cells.has(n - a));
      for (const n of plain.match(/\d[\d.]*/g) ?? []) expect([p, n, derivable(Number(n.replace(/\./g, '')))]).toEqual([p, n, true]);
    }
  });

  it('natural wording: no "0 trường", no "0/01 (0,00%)", one sentence for the centres and special schools', () => {
    const text = paragraphs(model, 'quy_mo').join('\n');
    expect(text).not.toMatch(/là 0 trường|: 0[;)]|\b0\/0?\d+ \(0,00%\)|0,00% \(0\//);
    expect(text).toContain('chưa có trường đạt chuẩn quốc gia');
    expect(text).not.toMatch(/học 02 buổi\/ngày.*5\.636/);
    const other = paragraphs(model, 'quy_mo').filter((p) => p.includes('Giáo dục thường xuyên') || p.includes('Chuyên biệt'));
    expect(other).toHaveLength(1);
    expect(other[0]).toContain(`${thousands(5636)} học viên`);
    expect(paragraphs(model, 'quy_mo').filter((p) => /liên cấp/i.test(p))).toHaveLength(1);
  });

  it('sĩ số bình quân has two decimals and equals pupils/classes of the same row', () => {
    const tb = section(model, 'quy_mo').tables[0];
    const iPupils = tb.columns.indexOf('Số học sinh (trẻ)');
    const iClasses = tb.columns.indexOf('Số lớp (nhóm, lớp)');
    const iSize = tb.columns.indexOf('Sĩ số bình quân');
    let checked = 0;
    for (const r of tb.rows) {
      if (r[iClasses].text === '–' || r[0].text === 'Tổng cộng') {
        expect(r[iSize].text).toBe('–');
        continue;
      }
      const pupils = Number(r[iPupils].text.replace(/\./g, ''));
      const classes = Number(r[iClasses].text.replace(/\./g, ''));
      expect(r[iSize].text).toMatch(/^\d+,\d{2}$/);
      const expected = (Math.round((pupils * 100) / classes + 1e-9) / 100).toFixed(2).replace('.', ',');
      expect(r[iSize].text).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
    const totalMn = tb.rows.find((r) => r[0].text === 'Cộng Mầm non')!;
    expect(totalMn[iPupils].text).toBe(thousands(26254));
  });

  it('the unit\'s "Tổng cộng" row adds counts only: no class size or two-session share across levels', () => {
    const { sum, records } = scale();
    const tb = section(model, 'quy_mo').tables[0];
    const total = tb.rows.find((r) => r[0].text === 'Tổng cộng')!;
    expect(total[tb.columns.indexOf('Sĩ số bình quân')].text).toBe('–');
    expect(total[tb.columns.indexOf('Tỷ lệ học 2 buổi/ngày')].text).toBe('–');
    // Its counts are the sheet's own sums (every row of QUY_MO).
    const all = section(model, 'quy_mo').data as { total: Record<string, number> };
    expect(total[tb.columns.indexOf('Số học sinh (trẻ)')].text).toBe(thousands(sum(records, 'so_hoc_sinh')));
    expect(all.total.so_hoc_sinh).toBe(sum(records, 'so_hoc_sinh'));
  });
});

describe('trends across two years', () => {
  it('shows both years, the change of counts and of rates in percentage points', () => {
    const xh = section(model, 'xu_huong');
    const tb = xh.tables.find((t) => t.id === 'xu_huong')!;
    expect(tb.columns).toEqual(['Chỉ số', '2022-2023', '2023-2024', 'So với năm trước']);
    const data = xh.data as { series: Record<string, (number | null)[]> };
    const [p0, p1] = data.series.so_hoc_sinh as number[];
    const row = tb.rows.find((r) => r[0].text === 'Số học sinh')!;
    const d = p1 - p0;
    expect(row[3].text).toBe(d === 0 ? 'bằng năm học trước' : `${d > 0 ? 'tăng' : 'giảm'} ${thousands(Math.abs(d))} học sinh`);
    const prevTh = (section(previousModel, 'pho_cap').data as { units: unknown[] }).units.length;
    expect(prevTh).toBeGreaterThan(0);
    const rateRow = tb.rows.find((r) => r[0].text === 'Trẻ 11 tuổi HTCTTH')!;
    expect(rateRow[3].text).toMatch(/^(tăng|giảm) \d+,\d{2} điểm phần trăm$|^bằng năm trước$|^bằng năm học trước$/);
  });
});

describe('never prints NaN, undefined, null, Infinity or a raw float', () => {
  it('sample report text', () => {
    for (const s of allText(model)) expect(s).not.toMatch(FORBIDDEN);
    for (const s of allText(previousModel)) expect(s).not.toMatch(FORBIDDEN);
    expect(JSON.stringify(model.sections.map((s) => s.paragraphs))).not.toMatch(/NaN|Infinity|undefined/);
  });
});
