/**
 * User settings that change computations or display. Stored by the task pane in the workbook
 * (a settings sheet / document settings) and passed by the CLI via --settings FILE.json.
 * Every output that used a non-default threshold says so (see indicators' override report).
 */
import { schoolYearText } from './parse/schoolYear';
import type { RegisterSettings } from './register/settings';

export type Hierarchy = 'xa-huyen-tinh' | 'xa-tinh';
export type AggregationScope = 'huyen' | 'tinh' | 'tinh-2025';

export interface ThresholdOverride {
  /** Indicator id of REGULATIONS §8.1/§8.2, e.g. "TH_11_HTCT" or "AGG_THCS". */
  indicator: string;
  /** Level 1..3 the threshold applies to. */
  level: number;
  /** Commune type. */
  dbkk?: boolean;
  /** Aggregation overrides (AGG_*) only: the scope they apply to; absent = every scope. */
  scope?: AggregationScope;
  /** New threshold in percent (90 = 90 %). */
  percent: number;
  /** Why (e.g. "Quyết định của UBND tỉnh …"), shown in outputs. */
  note?: string;
}

/**
 * The administrative frame of the report (Nghị định 30/2020/NĐ-CP, Phụ lục I), saved once by an
 * office. Every field is optional: what is left out comes from the workbook's title block
 * (A1–A3, "ỦY BAN NHÂN DÂN QUẬN 12" / "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO") or stays blank for the office
 * to fill by hand (the number and the date of a report are given when it is signed).
 */
export interface DocumentSettings {
  /** Parent body (cơ quan chủ quản), e.g. "UBND QUẬN 12". */
  parentBody?: string;
  /** Issuing body, e.g. "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO". */
  issuingBody?: string;
  /** The unit the report is about, as the text names it ("Quận 12"). */
  unitName?: string;
  /** Document number (blank until registered by the clerk). */
  number?: string;
  /** Symbol after the number: "BC-GDĐT", "BC-UBND". */
  symbol?: string;
  /** Place name of the date line ("Quận 12", "Hải An"). */
  place?: string;
  /** Date of the report, "YYYY-MM-DD" or "d/m/yyyy"; blank = left for the office to fill. */
  date?: string;
  /** Subject line under "BÁO CÁO". */
  subject?: string;
  /** "Kính gửi" recipients, one per entry. */
  recipients?: string[];
  /** "Nơi nhận" entries after "Như trên" ("Sở GDĐT (để báo cáo)"), one per entry; "Lưu: VT" is added. */
  copyTo?: string[];
  /** Signer's authority line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "KT. TRƯỞNG PHÒNG"). */
  signerAuthority?: string;
  /** Signer's title ("TRƯỞNG PHÒNG", "PHÓ CHỦ TỊCH"). */
  signerTitle?: string;
  /** Signer's name. */
  signerName?: string;
  /** Abbreviation of the drafting unit after "Lưu: VT," (e.g. "GDĐT"). */
  archiveUnit?: string;
}

export interface Settings {
  lang: 'vi' | 'en';
  /** Decimals for phổ cập / literacy rates. */
  rateDecimals: number;
  /** Decimals for other percentages. */
  percentDecimals: number;
  /** Decimals for class sizes and ratios. */
  ratioDecimals: number;
  /** "02 trường" for small counts. */
  leadingZero: boolean;
  hierarchy: Hierarchy;
  /** Scope used to aggregate commune levels to the higher unit. */
  aggregation: AggregationScope;
  /** Default school year when a sheet carries none ("2023-2024"). */
  schoolYear?: string;
  /** MN5 completion denominator (REGULATIONS §1.1, UNCONFIRMED): attending (default), PPC, or the 6-year-old cohort as form MN-02 counts it (ppc6; set for household registers by register.mn5Completion). */
  mn5CompletionDenominator: 'attending' | 'ppc' | 'ppc6';
  /** Upper age of the XMC M2 band (60; a 2023 draft proposed 62). */
  xmcUpperAge: number;
  /** THCS M3 second criterion counts "đã hoặc đang học" (default) or only "đang học". */
  thcsHocTiep: 'da-hoac-dang' | 'dang';
  /** XMC M2 requires M1 at commune level (UNCONFIRMED; default true). */
  xmcM2RequiresM1: boolean;
  thresholdOverrides: ThresholdOverride[];
  /** Counting rules for household registers (src/core/register/settings.ts; defaults there). */
  register?: Partial<RegisterSettings>;
  /** Names or codes of the ĐBKK communes (registers carry no ĐBKK status). */
  dbkkXa?: string[];
  /** Nutrition targets in percent (local targets from seeds 000/001). */
  nutritionTargets: { sddMax: number; beoPhiMax: number };
  /** The report's administrative frame (issuing body, recipients, signer). */
  document: DocumentSettings;
  /**
   * Year-over-year check: a school's or a commune's figure that moves by more than this share of
   * the earlier year's value is a warning (0.33 = ±33%, the usual data-quality practice).
   */
  yearOverYearShare: number;
}

export const DEFAULT_SETTINGS: Settings = {
  lang: 'vi',
  rateDecimals: 2,
  percentDecimals: 2,
  ratioDecimals: 2,
  leadingZero: true,
  hierarchy: 'xa-tinh',
  aggregation: 'huyen',
  mn5CompletionDenominator: 'attending',
  xmcUpperAge: 60,
  thcsHocTiep: 'da-hoac-dang',
  xmcM2RequiresM1: true,
  thresholdOverrides: [],
  nutritionTargets: { sddMax: 1, beoPhiMax: 10 },
  document: {},
  yearOverYearShare: 0.33,
};

export function withDefaults(partial: Partial<Settings> = {}): Settings {
  // Stored settings come back from a workbook or a file: anything but an object is no settings.
  const p: Partial<Settings> = typeof partial === 'object' && partial !== null && !Array.isArray(partial) ? partial : {};
  // A school year typed in any spelling the one parser reads is kept as "YYYY-YYYY".
  const year = p.schoolYear === undefined ? undefined : schoolYearText(p.schoolYear);
  return {
    ...DEFAULT_SETTINGS,
    ...p,
    ...(year ? { schoolYear: year } : {}),
    nutritionTargets: { ...DEFAULT_SETTINGS.nutritionTargets, ...(typeof p.nutritionTargets === 'object' ? p.nutritionTargets : {}) },
    thresholdOverrides: Array.isArray(p.thresholdOverrides) ? p.thresholdOverrides : [],
    document: documentSettings(p.document),
    yearOverYearShare: typeof p.yearOverYearShare === 'number' && p.yearOverYearShare > 0 && p.yearOverYearShare < 10 ? p.yearOverYearShare : DEFAULT_SETTINGS.yearOverYearShare,
  };
}

const DOCUMENT_TEXT_FIELDS = ['parentBody', 'issuingBody', 'unitName', 'number', 'symbol', 'place', 'date', 'subject', 'signerAuthority', 'signerTitle', 'signerName', 'archiveUnit'] as const;

/** Keeps the fields of a stored frame that have the right type (a settings file is user input). */
function documentSettings(raw: unknown): DocumentSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const out: DocumentSettings = {};
  for (const k of DOCUMENT_TEXT_FIELDS) {
    const v = r[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  for (const k of ['recipients', 'copyTo'] as const) {
    const v = r[k];
    const list = (typeof v === 'string' ? v.split(/\n/) : Array.isArray(v) ? v : []).filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean);
    if (list.length) out[k] = list;
  }
  return out;
}

/**
 * Where a host keeps the user's settings: the workbook's add-in settings in Excel
 * (src/excel/settingsStore.ts), memory elsewhere (src/taskpane/services/settingsStore.ts).
 * A port like WorkbookPort, so it is declared here and implemented by the hosts.
 */
export interface SettingsStore {
  load(): Partial<Settings> | null;
  save(s: Settings): Promise<void>;
}

/**
 * In Excel's shared runtime the task pane and the custom functions run in one JavaScript global
 * scope but come from two bundles (taskpane.js and functions.js), which share no module state. So
 * the host that keeps the settings publishes a reader of them on the global object, under a
 * registry symbol both bundles know, and the functions read through it on every call: a threshold
 * overridden in the pane reaches =GD.PHOCAP_LEVEL the moment it is saved in the workbook.
 */
const SHARED_SETTINGS = Symbol.for('baocao-gd.settings');

type SettingsReader = () => Partial<Settings> | null;

export function publishSettings(read: SettingsReader | null): void {
  const g = globalThis as unknown as Record<symbol, SettingsReader | undefined>;
  if (read) g[SHARED_SETTINGS] = read;
  else delete g[SHARED_SETTINGS];
}

/** The published settings; undefined when no host published any (command line, tests). */
export function publishedSettings(): Partial<Settings> | null | undefined {
  const read = (globalThis as unknown as Record<symbol, SettingsReader | undefined>)[SHARED_SETTINGS];
  if (typeof read !== 'function') return undefined;
  try {
    return read();
  } catch {
    return null;
  }
}

/* ---------------------------------------------------------------- validation */

/** A settings value that is not what its key needs: the key (dotted path) and why, in both languages. */
export interface SettingsProblem {
  key: string;
  problem: { vi: string; en: string };
}

type Check = (v: unknown, key: string) => SettingsProblem | null;

function shown(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? '[…]' : v === null ? 'null' : typeof v === 'object' ? '{…}' : String(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

function problem(key: string, msgKey: string, params: Record<string, string | number>, say: (k: string, p: Record<string, string | number>) => { vi: string; en: string }): SettingsProblem {
  return { key, problem: say(msgKey, params) };
}

/**
 * Checks a settings object read from a file (or any untrusted place) key by key: unknown keys,
 * wrong types and out-of-range numbers are named ("rateDecimals" must be a whole number from 0 to
 * 10). `say` is the catalogue's msg (passed in so this module stays free of the catalogue).
 */
export function validateSettings(raw: unknown, say: (k: string, p: Record<string, string | number>) => { vi: string; en: string }): SettingsProblem | null {
  const int = (min: number, max: number): Check => (v, key) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : problem(key, 'settings.want_int', { min, max, value: shown(v) }, say));
  const number = (min: number, max: number): Check => (v, key) => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : problem(key, 'settings.want_number', { min, max, value: shown(v) }, say));
  const bool: Check = (v, key) => (typeof v === 'boolean' ? null : problem(key, 'settings.want_bool', { value: shown(v) }, say));
  const oneOf = (...values: string[]): Check => (v, key) => (typeof v === 'string' && values.includes(v) ? null : problem(key, 'settings.want_one_of', { values: values.join(', '), value: shown(v) }, say));
  const text: Check = (v, key) => (typeof v === 'string' && v.length <= 500 ? null : problem(key, 'settings.want_text', { value: shown(v) }, say));
  // The one school-year reader (src/core/parse): "2024-2025", "2024 - 25", 2024 …
  const year: Check = (v, key) => ((typeof v === 'string' || typeof v === 'number') && schoolYearText(v) !== null ? null : problem(key, 'settings.want_year', { value: shown(v) }, say));
  const object =
    (fields: Record<string, Check>, required: string[] = []): Check =>
    (v, key) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem(key, 'settings.want_object', { value: shown(v) }, say);
      for (const [k, x] of Object.entries(v)) {
        const c = fields[k];
        if (!c) return problem(`${key}.${k}`, 'settings.unknown_key', { keys: Object.keys(fields).join(', ') }, say);
        const p = c(x, `${key}.${k}`);
        if (p) return p;
      }
      for (const k of required) if (!(k in v)) return problem(`${key}.${k}`, 'settings.want_text', { value: 'undefined' }, say);
      return null;
    };
  const list =
    (item: Check): Check =>
    (v, key) => {
      if (!Array.isArray(v)) return problem(key, 'settings.want_list', { value: shown(v) }, say);
      for (let i = 0; i < v.length; i++) {
        const p = item(v[i], `${key}[${i}]`);
        if (p) return p;
      }
      return null;
    };
  const schema: Record<keyof Settings, Check> = {
    lang: oneOf('vi', 'en'),
    rateDecimals: int(0, 10),
    percentDecimals: int(0, 10),
    ratioDecimals: int(0, 10),
    leadingZero: bool,
    hierarchy: oneOf('xa-huyen-tinh', 'xa-tinh'),
    aggregation: oneOf('huyen', 'tinh', 'tinh-2025'),
    schoolYear: year,
    mn5CompletionDenominator: oneOf('attending', 'ppc', 'ppc6'),
    xmcUpperAge: int(15, 100),
    thcsHocTiep: oneOf('da-hoac-dang', 'dang'),
    xmcM2RequiresM1: bool,
    thresholdOverrides: list(
      object({ indicator: text, level: int(1, 3), dbkk: bool, scope: oneOf('huyen', 'tinh', 'tinh-2025'), percent: number(0, 100), note: text }, ['indicator', 'level', 'percent']),
    ),
    nutritionTargets: object({ sddMax: number(0, 100), beoPhiMax: number(0, 100) }),
    register: object({
      residence: oneOf('thuong-tru', 'thuong-tru-tam-tru'),
      exempt: oneOf('kt-khong-kha-nang-hoc', 'moi-kt'),
      mn5Completion: oneOf('tuoi-6', 'tuoi-5'),
      tnThcsFromGrade10: bool,
      relapseOverrides: bool,
      gradeAgeGap: int(0, 20),
    }),
    dbkkXa: list(text),
    // The report's frame: its text fields; recipients and copy-to as a list or lines of one text.
    document: object({
      ...Object.fromEntries(DOCUMENT_TEXT_FIELDS.map((k) => [k, text])),
      recipients: (v, key) => (typeof v === 'string' ? text(v, key) : list(text)(v, key)),
      copyTo: (v, key) => (typeof v === 'string' ? text(v, key) : list(text)(v, key)),
    }),
    yearOverYearShare: number(0, 10),
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { key: '', problem: say('settings.not_object', {}) };
  for (const [k, v] of Object.entries(raw)) {
    const c = (schema as Record<string, Check>)[k];
    if (!c) return problem(k, 'settings.unknown_key', { keys: Object.keys(schema).join(', ') }, say);
    const p = c(v, k);
    if (p) return p;
  }
  return null;
}
