/**
 * The administrative frame of the report: who issues it, about which unit, to whom, signed by whom.
 * Nghị định 30/2020/NĐ-CP, Phụ lục I ("Thể thức, kỹ thuật trình bày văn bản hành chính") names the
 * parts (its Mục II, khoản 1–9) and the renderers (src/render/docx.ts, ./html.ts, ./sheetPlan.ts) lay
 * them out. Here they are worked out, pure: from the settings an office saved once, else from the
 * workbook's title block (cells A1–A3: "ỦY BAN NHÂN DÂN QUẬN 12", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"),
 * else left blank for the office to fill by hand (a report's number and date are given at signing).
 */
import type { Lang } from '../findings';
import { t } from '../i18n';
import type { DocumentSettings } from '../settings';
import type { ParsedWorkbook } from '../sheets/types';

/** Level of an administrative unit. From 1/7/2025 there are two levels only: xã and tỉnh. */
export type UnitLevel = 'xa' | 'huyen' | 'tinh';

/** The day the two-level local government took effect (Luật Tổ chức chính quyền địa phương 2025). */
export const TWO_LEVEL_FROM = '2025-07-01';

export interface UnitInfo {
  /** The unit as the text names it: "Quận 12", "Hải An", "Phường Tân Định". */
  name: string;
  /** Its kind in lower case: "quận", "huyện", "phường", "tỉnh", "thành phố"; '' when unknown. */
  kind: string;
  level: UnitLevel | null;
}

export interface SignerBlock {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; null when the head signs in their own name. */
  authority: string | null;
  /** "TRƯỞNG PHÒNG", "CHỦ TỊCH". */
  title: string;
  /** null: left for the signer to write. */
  name: string | null;
}

export interface DocumentFrame {
  /** Parent body (cơ quan chủ quản trực tiếp), in capitals; null when the issuer has none given. */
  parentBody: string | null;
  /** Issuing body, in capitals. */
  issuingBody: string;
  /** "Số: 15/BC-GDĐT", or "Số:      /BC-GDĐT" with the number left blank. */
  numberLine: string;
  /** "Quận 12, ngày 05 tháng 6 năm 2024", or with day and month left blank. */
  dateLine: string;
  /** "BÁO CÁO". */
  docType: string;
  /** Subject line (trích yếu). */
  subject: string;
  /** "Kính gửi" recipients; one is written on the same line. */
  recipients: string[];
  /** Opening paragraph of the body. */
  opening: string;
  /** Closing sentence, ending "./." as administrative documents do. */
  closing: string;
  /** "Nơi nhận" list, "Như trên" first and "Lưu: VT, …" last. */
  copyTo: string[];
  signer: SignerBlock;
  unit: UnitInfo;
  /** How the communes are called in the text: "phường", "xã", "xã, phường", "xã, phường, thị trấn". */
  communeWord: string;
  /** What came from where, for the appendix and the pane ("settings", "title block", "blank"). */
  filled: Record<string, 'settings' | 'workbook' | 'default' | 'blank'>;
}

/** A gap the office fills by hand: wide enough to write a number or a day in. */
export const BLANK = '\u00a0'.repeat(6);

/* ------------------------------------------------------------------ text helpers */

/** Upper case, one space between words, NFC. */
function upper(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
}

/** "HẢI AN" → "Hải An"; numbers and acronyms of digits are kept. */
export function titleCase(s: string): string {
  return s
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((w) => (/\d/.test(w) ? w : w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi')))
    .join(' ');
}

/**
 * A body named inside a sentence, capitalised as NĐ 30/2020, Phụ lục V (viết hoa tên cơ quan) does:
 * the first word and the words of its function ("Phòng Giáo dục và Đào tạo", "Ủy ban nhân dân Quận
 * 12"). Bodies outside the known ones keep only their first letter capitalised.
 */
export function sentenceCaseBody(s: string): string {
  const u = upper(s);
  const ub = /^(?:ỦY|UỶ) BAN NHÂN DÂN\s*(.*)$/.exec(u) ?? /^UBND\s*(.*)$/.exec(u);
  if (ub) return 'Ủy ban nhân dân' + (ub[1] ? ' ' + unitOfPlace(ub[1]).name : '');
  const known: [RegExp, string][] = [
    [/^PHÒNG GIÁO DỤC (?:VÀ|&) ĐÀO TẠO\s*(.*)$/, 'Phòng Giáo dục và Đào tạo'],
    [/^SỞ GIÁO DỤC (?:VÀ|&) ĐÀO TẠO\s*(.*)$/, 'Sở Giáo dục và Đào tạo'],
    [/^PHÒNG VĂN HÓA\s*-\s*XÃ HỘI\s*(.*)$/, 'Phòng Văn hóa - Xã hội'],
  ];
  for (const [re, name] of known) {
    const m = re.exec(u);
    if (m) return name + (m[1] ? ' ' + unitOfPlace(m[1]).name : '');
  }
  const lower = u.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/* ------------------------------------------------------------------ the unit */

/** Kinds of administrative unit as a title writes them, longest first, with their level. */
const UNIT_KINDS: { word: string; level: UnitLevel }[] = [
  { word: 'THÀNH PHỐ', level: 'huyen' },
  { word: 'THỊ TRẤN', level: 'xa' },
  { word: 'THỊ XÃ', level: 'huyen' },
  { word: 'ĐẶC KHU', level: 'xa' },
  { word: 'PHƯỜNG', level: 'xa' },
  { word: 'HUYỆN', level: 'huyen' },
  { word: 'QUẬN', level: 'huyen' },
  { word: 'TỈNH', level: 'tinh' },
  { word: 'XÃ', level: 'xa' },
];

/** Centrally-run cities (thành phố trực thuộc trung ương): a "THÀNH PHỐ" of this name is a province. */
const CENTRAL_CITIES = ['HÀ NỘI', 'HỒ CHÍ MINH', 'HẢI PHÒNG', 'ĐÀ NẴNG', 'CẦN THƠ', 'HUẾ'];

/** "QUẬN 12" → {name "Quận 12", kind "quận", level huyen}; "TỈNH NGHỆ AN" → {…, level tinh}. */
export function unitOfPlace(text: string): UnitInfo {
  const u = upper(text);
  for (const k of UNIT_KINDS) {
    if (u === k.word || u.startsWith(k.word + ' ')) {
      const rest = u.slice(k.word.length).trim();
      const level = k.word === 'THÀNH PHỐ' && CENTRAL_CITIES.includes(rest) ? 'tinh' : k.level;
      return { name: titleCase(u), kind: k.word.toLocaleLowerCase('vi'), level };
    }
  }
  return { name: titleCase(u), kind: '', level: null };
}

/**
 * The place name of the date line. NĐ 30/2020, Phụ lục I, Mục II khoản 4 điểm a: the official name
 * of the administrative unit where the issuer has its seat; a unit named by a number (or after a
 * person or an event) is written with its full name ("Quận 12"), others by the name alone ("Hải An").
 */
export function placeName(unit: UnitInfo): string {
  if (!unit.kind) return unit.name;
  const bare = unit.name.slice(unit.kind.length).trim();
  if (!bare || /^\d/.test(bare) || unit.kind === 'thành phố' && unit.level === 'tinh' && bare === 'Hồ Chí Minh') return unit.name;
  return bare;
}

export interface TitleBlock {
  parent: string | null;
  issuer: string | null;
  /** The unit named by the People's Committee line, when there is one. */
  unit: UnitInfo | null;
}

/**
 * Reads a title block: the People's Committee line names the unit; the line under it is the
 * issuing office. "ỦY BAN NHÂN DÂN QUẬN 12" alone issues in its own name.
 */
export function parseTitleBlock(lines: string[]): TitleBlock {
  const clean = lines.map(upper).filter(Boolean);
  if (!clean.length) return { parent: null, issuer: null, unit: null };
  let unit: UnitInfo | null = null;
  for (const l of clean) {
    const m = /^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s+(.+)$/.exec(l);
    if (m) {
      unit = unitOfPlace(m[1]);
      break;
    }
  }
  if (clean.length === 1) return { parent: null, issuer: clean[0], unit };
  return { parent: clean[0], issuer: clean[1], unit };
}

/**
 * The parent's name on the document: NĐ 30/2020, Phụ lục I, Mục II khoản 2 điểm a — the parent's
 * name is written with its common abbreviations ("ỦY BAN NHÂN DÂN" → "UBND").
 */
export function abbreviateParent(parent: string): string {
  return upper(parent).replace(/^(ỦY|UỶ) BAN NHÂN DÂN\b/, 'UBND');
}

/**
 * The issuer's abbreviation in the document symbol (NĐ 30/2020, Mục II khoản 3 điểm b: the type's
 * abbreviation, then the issuer's, joined by "-"; the head of the body sets the abbreviation, so
 * settings win). "BC" is the abbreviation of "Báo cáo" (NĐ 30/2020, Phụ lục III).
 */
export function issuerAbbreviation(issuer: string): string {
  const u = upper(issuer);
  if (/^(ỦY|UỶ) BAN NHÂN DÂN|^UBND/.test(u)) return 'UBND';
  if (/^PHÒNG GIÁO DỤC (VÀ|&) ĐÀO TẠO|^PHÒNG GD(&|V?À?)?ĐT/.test(u)) return 'GDĐT';
  if (/^SỞ GIÁO DỤC (VÀ|&) ĐÀO TẠO|^SỞ GD(&)?ĐT/.test(u)) return 'SGDĐT';
  if (/^PHÒNG VĂN HÓA\s*-?\s*XÃ HỘI/.test(u)) return 'VHXH';
  const words = u.replace(/[^\p{L}\d ]/gu, ' ').split(/\s+/).filter((w) => w && !['VÀ', 'CỦA'].includes(w));
  return words.map((w) => (/^\d+$/.test(w) ? w : w.charAt(0))).join('').slice(0, 8) || 'CQ';
}

/** How the communes are called: "phường" when every one is a ward, "xã" when every one is a commune, … */
export function communeWordOf(names: string[], lang: Lang): string {
  if (lang === 'en') return 'communes';
  const kinds = new Set<string>();
  for (const n of names) {
    const u = upper(n);
    if (u.startsWith('PHƯỜNG')) kinds.add('phường');
    else if (u.startsWith('THỊ TRẤN')) kinds.add('thị trấn');
    else if (u.startsWith('ĐẶC KHU')) kinds.add('đặc khu');
    else if (u.startsWith('XÃ')) kinds.add('xã');
    else kinds.add('?');
  }
  if (kinds.size === 1 && !kinds.has('?')) return [...kinds][0];
  if (kinds.has('thị trấn')) return 'xã, phường, thị trấn';
  return 'xã, phường';
}

/** Which head signs for a body: the chairman of a People's Committee, the head of an office, … */
function headKind(issuer: string): 'ubnd' | 'phong' | 'so' | 'truong' | 'trung_tam' | 'other' {
  const u = upper(issuer);
  if (/^(ỦY|UỶ) BAN NHÂN DÂN|^UBND/.test(u)) return 'ubnd';
  if (/^PHÒNG\b/.test(u)) return 'phong';
  if (/^SỞ\b/.test(u)) return 'so';
  if (/^TRƯỜNG\b/.test(u)) return 'truong';
  if (/^TRUNG TÂM\b/.test(u)) return 'trung_tam';
  return 'other';
}

/* ------------------------------------------------------------------ dates */

/** "2024-06-05" or "5/6/2024" → [day, month, year]; null when it is not a date. */
export function parseDate(s: string | undefined): [number, number, number] | null {
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s.trim());
  if (m) return valid(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s.trim());
  if (m) return valid(+m[1], +m[2], +m[3]);
  return null;
}

function valid(d: number, mo: number, y: number): [number, number, number] | null {
  if (mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days ? [d, mo, y] : null;
}

/**
 * "Quận 12, ngày 05 tháng 6 năm 2024". NĐ 30/2020, Mục II khoản 4 điểm b: days below 10 and the
 * months 1 and 2 take a leading zero. Without a date the day and month are left blank for the
 * office and the year is the one the school year ends in.
 */
export function dateLineText(place: string, date: [number, number, number] | null, fallbackYear: number | null, lang: Lang): string {
  if (lang === 'en') {
    if (date) return `${place}, ${date[2]}-${String(date[1]).padStart(2, '0')}-${String(date[0]).padStart(2, '0')}`;
    return `${place}, ${BLANK} ${fallbackYear ?? BLANK}`;
  }
  if (!date) return `${place}, ngày${BLANK}tháng${BLANK}năm ${fallbackYear ?? BLANK}`;
  const [d, m, y] = date;
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The date the frame is for: the report's own date, else the end of the school year (31 May). */
export function referenceDate(settings: DocumentSettings, schoolYear: string): string | null {
  const d = parseDate(settings.date);
  if (d) return `${d[2]}-${String(d[1]).padStart(2, '0')}-${String(d[0]).padStart(2, '0')}`;
  const m = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  return m ? `${m[2]}-05-31` : null;
}

/* ------------------------------------------------------------------ the frame */

export interface FrameInput {
  wb: ParsedWorkbook;
  settings: DocumentSettings;
  schoolYear: string;
  lang: Lang;
  /** Names of the communes the phổ cập sheets list (for "phường" / "xã"). */
  communeNames: string[];
  /** The unit named by the sheets' "Đơn vị:" line. */
  unitLine: string;
}

/** The first title block of the workbook's sheets. */
export function titleBlockOf(wb: ParsedWorkbook): TitleBlock {
  for (const s of wb.sheets) {
    const lines = s.metadata.titleBlock;
    if (lines?.length) return parseTitleBlock(lines);
  }
  return { parent: null, issuer: null, unit: null };
}

/** "Quận 12" from "Đơn vị: Quận 12" or from "ỦY BAN NHÂN DÂN QUẬN 12"; '' when neither names it. */
export function unitOf(input: Pick<FrameInput, 'wb' | 'settings' | 'unitLine'>): UnitInfo {
  if (input.settings.unitName) return { ...unitOfPlace(input.settings.unitName), name: input.settings.unitName };
  const block = titleBlockOf(input.wb);
  if (input.unitLine) {
    const u = unitOfPlace(input.unitLine);
    return { ...u, name: input.unitLine };
  }
  return block.unit ?? { name: '', kind: '', level: null };
}

export function buildFrame(input: FrameInput): DocumentFrame {
  const { settings: s, lang } = input;
  const tr = (key: string, params: Record<string, string | number> = {}) => t(key, lang, params);
  const filled: DocumentFrame['filled'] = {};
  const block = titleBlockOf(input.wb);
  const unit = unitOf(input);
  const from = (key: string, setting: string | undefined, workbook: string | null | undefined, fallback: string | null): string | null => {
    if (setting) {
      filled[key] = 'settings';
      return setting;
    }
    if (workbook) {
      filled[key] = 'workbook';
      return workbook;
    }
    filled[key] = fallback ? 'default' : 'blank';
    return fallback;
  };

  const issuingBody = upper(from('issuingBody', s.issuingBody, block.issuer, tr('report.frame.issuer_blank'))!);
  const issuerKnown = filled.issuingBody !== 'default';
  const parentRaw = from('parentBody', s.parentBody, block.parent, null);
  const parentBody = parentRaw ? (s.parentBody ? upper(parentRaw) : abbreviateParent(parentRaw)) : null;
  const issuerIsCommittee = /^(ỦY|UỶ) BAN NHÂN DÂN|^UBND/.test(issuingBody);

  const symbol = from('symbol', s.symbol, null, `BC-${issuerKnown ? issuerAbbreviation(issuingBody) : BLANK}`)!;
  const number = s.number?.trim();
  filled.number = number ? 'settings' : 'blank';
  const numberLine = `${lang === 'vi' ? 'Số' : 'No.'}: ${number ? (/^\d$/.test(number) ? '0' + number : number) : BLANK + BLANK}/${symbol}`;

  const place = from('place', s.place, unit.name ? placeName(unit) : null, BLANK + BLANK)!;
  const date = parseDate(s.date);
  filled.date = date ? 'settings' : 'blank';
  const endYear = /^\d{4}-(\d{4})$/.exec(input.schoolYear)?.[1];
  const dateLine = dateLineText(place, date, endYear ? Number(endYear) : null, lang);

  const yearText = input.schoolYear ? input.schoolYear.replace('-', ' - ') : tr('report.year_unknown');
  const subject = from('subject', s.subject, null, tr('report.frame.subject', { year: yearText }))!;

  const parentInSentence = block.parent ? sentenceCaseBody(block.parent) : null;
  const recipients = s.recipients?.length
    ? ((filled.recipients = 'settings'), s.recipients)
    : parentInSentence && !issuerIsCommittee
      ? ((filled.recipients = 'workbook'), [parentInSentence])
      : ((filled.recipients = 'blank'), []);

  const archive = s.archiveUnit ?? (issuerIsCommittee || !issuerKnown ? null : issuerAbbreviation(issuingBody));
  // NĐ 30/2020, Mục II khoản 9 điểm d: one recipient a line, ";" after each, "Lưu: VT, …." last.
  const copyTo = [
    ...(recipients.length ? [tr('report.frame.as_above')] : []),
    ...(s.copyTo ?? []).map((c) => c.replace(/[;.,]\s*$/, '') + ';'),
    tr('report.frame.archive', { unit: archive ? `, ${archive}` : '' }),
  ];
  filled.copyTo = s.copyTo?.length ? 'settings' : 'default';

  const defaultTitle = tr(`report.frame.title.${headKind(issuingBody)}`);
  const signer: SignerBlock = {
    authority: from('signerAuthority', s.signerAuthority, null, issuerIsCommittee ? `TM. ${issuingBody.replace(/\s+(XÃ|PHƯỜNG|THỊ TRẤN|QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH|ĐẶC KHU)\b.*$/, '')}` : null),
    title: upper(from('signerTitle', s.signerTitle, null, defaultTitle)!),
    name: from('signerName', s.signerName, null, null),
  };

  // "Phòng Giáo dục và Đào tạo Quận 12": the office named with its unit when its title block does not.
  const namesUnit = unit.name && upper(issuingBody).includes(upper(unit.name));
  const issuerInSentence = !issuerKnown
    ? unit.name || issuingBody
    : sentenceCaseBody(issuingBody) + (unit.name && !issuerIsCommittee && !namesUnit ? ` ${unit.name}` : '');
  const communes = input.communeNames.length;
  const communeWord = communeWordOf(input.communeNames, lang);
  const opening = tr(communes ? 'report.frame.opening_communes' : 'report.frame.opening', {
    year: yearText,
    issuer: issuerInSentence,
    n: communes < 10 ? '0' + communes : String(communes),
    xa: communeWord,
  });
  const closing = tr('report.frame.closing', { subject: subject.charAt(0).toLocaleLowerCase(lang === 'vi' ? 'vi' : 'en') + subject.slice(1), issuer: issuerInSentence });

  return {
    parentBody,
    issuingBody,
    numberLine,
    dateLine,
    docType: tr('report.frame.doc_type'),
    subject,
    recipients,
    opening,
    closing,
    copyTo,
    signer,
    unit,
    communeWord,
    filled,
  };
}
