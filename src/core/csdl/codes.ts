/**
 * The education database's (CSDL ngành) start-of-year statistics reports as data: biểu 01 MN, 02 TH
 * (SEEN-REAL, REAL-FORMS §4.2–4.3 and Appendix A; TT 24/2018 layout) and 03 THCS (the same family,
 * INFERRED: its Mã số were not seen, so it is read by label). For each biểu: how to recognise it, the
 * sheets it has, the relations its Mã số must keep (a total equals its parts, a subgroup stays within
 * its parent), the relations that cannot hold (pupils without a school), and which Mã số become the
 * report's quy mô, đội ngũ and dinh dưỡng figures.
 *
 * Relation syntax: "37=38+39" (a total and its parts), "37=40..44" (parts as a range),
 * "8..25<=1" (each of a range at most the parent), "107<=84".
 */

export type CsdlBieuId = '01MN' | '02TH' | '03THCS';

export type Ownership = 'tong' | 'cl' | 'tt' | 'dl';
export type Measure = 'ts' | 'nu' | 'dt' | 'dt_nu' | 'kien_co' | 'ban_kien_co' | 'tam' | 'vc_khong_thoi_han' | 'vc_co_thoi_han' | 'hd';

export interface CsdlBieu {
  id: CsdlBieuId;
  /** Template id shown by `check` ("CSDL-02TH"). */
  template: string;
  /** Folded title words ("bao cao thong ke giao duc tieu hoc"). */
  title: string;
  /** TT 25/2024 code of the form ("02.ĐN-TH"). */
  tt25: string;
  capHoc: 'MN' | 'TH' | 'THCS';
  confidence: 'SEEN-REAL' | 'INFERRED';
  /** Sheets the export has (the Errors sheet is an export log and may be empty). */
  sheets: string[];
  relations: string[];
  /** "a>0 when b=0" cannot hold: [what, without] (pupils without a school). */
  impossible: { what: number; without: number[]; label: string; withoutLabel: string }[];
  /** Mã số of the quy mô, đội ngũ and dinh dưỡng figures of one ownership column (sums of codes). */
  figures: Record<string, number[]>;
  /** Label words that find a figure in an export whose Mã số are unknown (03 THCS). */
  byLabel?: Record<string, string>;
}

const B02TH: CsdlBieu = {
  id: '02TH',
  template: 'CSDL-02TH',
  title: 'bao cao thong ke giao duc tieu hoc',
  tt25: '02.ĐN-TH',
  capHoc: 'TH',
  confidence: 'SEEN-REAL',
  sheets: ['I', 'III', 'IV', 'V'],
  relations: [
    '1=2+5', '2=3+4', '5=6+7', '8..25<=1',
    '27=28..32', '33..36<=27',
    '37=38+39', '37=40..44', '37=45..51', '52<=40', '53<=41', '54<=42', '55<=43', '56<=44', '57..61<=37', '62..66<=61', '68..72<=67', '73..74<=37', '75..77<=74',
    '79<=78', '96<=78', '109<=78', '110<=78', '79=80+87', '80=81..86', '87=88+89', '87=90..95', '96=97..102', '96=103..108', '110=111..119',
    '123..130<=122',
  ],
  impossible: [
    { what: 27, without: [1], label: 'lớp (Mã số 27)', withoutLabel: 'trường (Mã số 1)' },
    { what: 37, without: [1], label: 'học sinh (Mã số 37)', withoutLabel: 'trường (Mã số 1)' },
    { what: 37, without: [27], label: 'học sinh (Mã số 37)', withoutLabel: 'lớp (Mã số 27)' },
  ],
  figures: {
    so_truong: [1], so_lop: [27], so_hoc_sinh: [37], hs_lop_1: [40], hs_lop_2: [41], hs_lop_3: [42], hs_lop_4: [43], hs_lop_5: [44],
    hs_2_buoi: [59], hs_ban_tru: [60], hs_khuyet_tat: [61, 67], so_cbql: [79], so_gv: [96], so_nv: [110], so_phong_hoc: [120],
    so_truong_chuan_qg: [8, 9],
    trung_cap: [81, 90, 97], cao_dang: [82, 91, 98], dai_hoc: [83, 92, 99], thac_si: [84, 93, 100], tien_si: [85, 94, 101], chua_qua_dao_tao: [86, 95, 102],
  },
};

const B01MN: CsdlBieu = {
  id: '01MN',
  template: 'CSDL-01MN',
  title: 'bao cao thong ke giao duc mam non',
  tt25: '01.ĐN-MN',
  capHoc: 'MN',
  confidence: 'SEEN-REAL',
  sheets: ['Trường-Lớp', 'Học sinh', 'Cán bộ', 'Phòng học', 'Ngân sách'],
  relations: [
    '1=2+15+33', '2=3+6', '3=4+5', '6=7+8', '9..14<=2', '15=16+19', '16=17+18', '19=20+21', '22..32<=15', '33=34+37', '34=35+36', '37=38+39', '40..50<=33', '53=51+52',
    '55=56+69', '57..68<=56', '70..82<=69',
    '83=84+90', '84=85+86', '87..89<=84', '90=91+92', '93..95<=90', '96=97..100', '96=84', '101=102..106', '101=90',
    '107<=84', '108..111<=107', '112<=90', '113..116<=112', '117..122<=90',
    '123=124+139', '124=125+132', '125=126..131', '132=133..138', '139=140+147', '140=141..146', '147=148+149', '147=150..155',
    '156=157+162', '157=158..161', '162=163..166', '167=168+181', '168=169..174', '168=175..180', '181=182..187', '181=188..193',
    '197..199<=196', '201..202<=200', '206..209<=205', '211..212<=210',
  ],
  impossible: [
    { what: 55, without: [1, 53], label: 'nhóm, lớp (Mã số 55)', withoutLabel: 'trường hay nhóm, lớp độc lập (Mã số 1, 53)' },
    { what: 83, without: [55], label: 'trẻ (Mã số 83)', withoutLabel: 'nhóm, lớp (Mã số 55)' },
    { what: 83, without: [1, 53], label: 'trẻ (Mã số 83)', withoutLabel: 'trường hay nhóm, lớp độc lập (Mã số 1, 53)' },
  ],
  figures: {
    so_truong: [1], so_lop: [55], so_hoc_sinh: [83], tre_nha_tre: [84], tre_mau_giao: [90], tre_5_tuoi: [105],
    hs_2_buoi: [87, 93], hs_ban_tru: [88, 94], hs_khuyet_tat: [89, 95], so_cbql: [123], so_gv: [167], so_nv: [156], so_phong_hoc: [194, 203],
    so_truong_chuan_qg: [22, 23, 40, 41],
    trung_cap: [126, 133, 141, 150, 169, 182], cao_dang: [127, 134, 142, 151, 170, 183], dai_hoc: [128, 135, 143, 152, 171, 184],
    thac_si: [129, 136, 144, 153, 172, 185], tien_si: [130, 137, 145, 154, 173, 186], chua_qua_dao_tao: [131, 138, 146, 155, 174, 187],
    // Nutrition (3.3): weighed and the four conditions, nhà trẻ then mẫu giáo.
    dd_nt_tong: [107], dd_nt_nhe_can: [108], dd_nt_thap_coi: [109], dd_nt_gay_com: [110], dd_nt_thua_can: [111],
    dd_mg_tong: [112], dd_mg_nhe_can: [113], dd_mg_thap_coi: [114], dd_mg_gay_com: [115], dd_mg_thua_can: [116],
  },
};

/** 03 THCS has not been seen: the same family as 02 TH is assumed and its figures are found by label. */
const B03THCS: CsdlBieu = {
  id: '03THCS',
  template: 'CSDL-03THCS',
  title: 'bao cao thong ke giao duc trung hoc co so',
  tt25: '03.ĐN-THCS',
  capHoc: 'THCS',
  confidence: 'INFERRED',
  sheets: [],
  relations: [],
  impossible: [],
  figures: {},
  byLabel: {
    so_truong: 'tong so truong',
    so_lop: 'lop',
    so_hoc_sinh: 'tong quy mo',
    so_cbql: 'can bo quan ly',
    so_gv: 'giao vien',
    so_nv: 'nhan vien',
    so_phong_hoc: 'phong hoc',
  },
};

export const CSDL_BIEU: CsdlBieu[] = [B01MN, B02TH, B03THCS];

export interface Relation {
  kind: 'sum' | 'within';
  total: number;
  parts: number[];
  text: string;
}

function codes(spec: string): number[] {
  const m = spec.match(/^(\d+)\.\.(\d+)$/);
  if (m) return Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
  return spec.split('+').map(Number);
}

export function parseRelation(text: string): Relation {
  if (text.includes('<=')) {
    const [parts, total] = text.split('<=');
    return { kind: 'within', total: Number(total), parts: codes(parts), text };
  }
  const [total, parts] = text.split('=');
  return { kind: 'sum', total: Number(total), parts: codes(parts), text };
}
