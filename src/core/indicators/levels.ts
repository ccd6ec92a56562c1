/**
 * Levels (mức độ) of phổ cập / xóa mù chữ: per commune from its rates (REGULATIONS §8.1, cumulative:
 * Mk needs every check of M1..Mk), and per higher unit from the levels of its communes or districts
 * (§8.2). Thresholds are compared exactly; blanks never count as "đạt". A result is "Chưa đủ dữ liệu"
 * (level null) only when the missing inputs could change it.
 */
import type { Bilingual } from '../findings';
import { formatNumber, formatPercent, formatPercentOf } from '../format/vn';
import { msg } from '../i18n';
import type { AggregationScope, Settings } from '../settings';
import { meetsPercent, shareMeets } from './exact';
import { calcError, CalcError } from './rates';
import {
  AppliedOverride,
  aggregationIndicatorId,
  INDICATOR_RULES,
  MAX_LEVEL,
  Programme,
  PROGRAMME_INDICATORS,
  resolveAggregation,
  resolveThreshold,
  ShareRule,
  SourceStatus,
} from './thresholds';
import { PROGRAMME_TABLE } from './table';

/** 0 = Không đạt, 1..3 = mức độ, null = Chưa đủ dữ liệu. */
export type Level = number | null;

/** A rate: a fraction (0.9738), counts, or blank. */
export type RateInput = number | { numerator: number | null; denominator: number | null } | null | undefined;

export interface CommuneInputs {
  /** Keyed by indicator id (MN5_HUYDONG, TH_6_LOP1, XMC_M1 …). TH_11_CONLAI also takes a boolean. */
  rates: Partial<Record<string, RateInput | boolean>>;
  /** Prerequisites (THCS: the commune's TH and XMC levels; null/absent = unknown). */
  prerequisites?: Partial<Record<Programme, Level>>;
}

export interface LevelOptions {
  /** Xã có điều kiện kinh tế – xã hội đặc biệt khó khăn. */
  dbkk?: boolean;
  settings?: Partial<Pick<Settings, 'thresholdOverrides' | 'xmcM2RequiresM1'>>;
}

export type CriterionStatus = 'pass' | 'fail' | 'missing' | 'invalid';

export interface CriterionResult {
  /** Level this check belongs to. */
  level: number;
  /** Indicator id, or PREREQ_TH / PREREQ_XMC. */
  indicator: string;
  kind: 'threshold' | 'condition' | 'prerequisite';
  labelVi: string;
  labelEn: string;
  /** Age band the rate covers (ĐBKK band when it differs). */
  cohort?: string;
  /** The rate as a fraction (null when missing or invalid). */
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Required percent (threshold/condition) or required level (prerequisite). */
  required: number;
  status: CriterionStatus;
  source: string;
  sourceStatus: SourceStatus;
  override?: AppliedOverride;
  error?: CalcError;
}

export interface LevelResult {
  programme: Programme;
  dbkk: boolean;
  level: Level;
  /** Highest level reached whatever the missing inputs turn out to be. */
  atLeast: number;
  maxLevel: number;
  label: Bilingual;
  criteria: CriterionResult[];
  overridesUsed: AppliedOverride[];
  /** Indicator ids (or PREREQ_*) that were blank. */
  missing: string[];
  /** Invalid inputs (negative, numerator > denominator, not a number). */
  errors: { indicator: string; error: CalcError }[];
  /** One line per check, both languages, numbers formatted the Vietnamese way. */
  explanation: Bilingual[];
}

/** A programme recognised at one level only (MN5: "đạt chuẩn") says "Đạt", not "Mức độ 1". */
export function levelLabel(level: Level, programme?: Programme): Bilingual {
  if (level === null) return msg('level.no_data');
  if (level === 0) return msg('level.none');
  if (programme && MAX_LEVEL[programme] === 1) return msg('level.met');
  return msg('level.k', { k: level });
}

/* ------------------------------------------------------------------ inputs */

type Known = { state: 'known'; num: number; den: number; bool?: boolean };
type Evaluated = Known | { state: 'missing' } | { state: 'invalid'; error: CalcError };

function evaluateInput(x: RateInput | boolean, name: string): Evaluated {
  if (x === null || x === undefined) return { state: 'missing' };
  if (typeof x === 'boolean') return { state: 'known', num: x ? 1 : 0, den: 1, bool: x };
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return { state: 'invalid', error: calcError('non_numeric', { name }) };
    if (x < 0) return { state: 'invalid', error: calcError('negative', { name, value: formatNumber(x, { decimals: 4, keepTrailingZeros: false }) }) };
    if (x > 1) return { state: 'invalid', error: calcError('numerator_gt_denominator', { numerator: formatNumber(x, { decimals: 4, keepTrailingZeros: false }), denominator: '1' }) };
    return { state: 'known', num: x, den: 1 };
  }
  const { numerator, denominator } = x;
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return { state: 'missing' };
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) return { state: 'invalid', error: calcError('non_numeric', { name }) };
  if (numerator < 0 || denominator < 0) {
    return { state: 'invalid', error: calcError('negative', { name, value: formatNumber(Math.min(numerator, denominator)) }) };
  }
  // Denominator 0: nobody to count, so the level cannot be decided (never "Đạt").
  if (denominator === 0) return { state: 'missing' };
  if (numerator > denominator) {
    return { state: 'invalid', error: calcError('numerator_gt_denominator', { numerator: formatNumber(numerator), denominator: formatNumber(denominator) }) };
  }
  return { state: 'known', num: numerator, den: denominator };
}

/* --------------------------------------------------------------- criteria */

interface CriterionDef {
  level: number;
  indicator: string;
  kind: CriterionResult['kind'];
  required: number;
  source: string;
  sourceStatus: SourceStatus;
  override?: AppliedOverride;
  prereq?: Programme;
}

function criteriaFor(programme: Programme, dbkk: boolean, settings: LevelOptions['settings']): CriterionDef[] {
  const out: CriterionDef[] = [];
  const max = MAX_LEVEL[programme];
  const def = PROGRAMME_TABLE.find((p) => p.id === programme)!;
  for (const p of def.prerequisites) {
    out.push({
      level: 1, indicator: `PREREQ_${p}`, kind: 'prerequisite', required: 1, prereq: p,
      source: def.prerequisiteSource ?? '', sourceStatus: 'CONFIRMED-LEGAL',
    });
  }
  for (let level = 1; level <= max; level++) {
    for (const id of PROGRAMME_INDICATORS[programme]) {
      const t = resolveThreshold(id, level, dbkk, settings);
      if (!t) continue;
      out.push({
        level, indicator: id, kind: INDICATOR_RULES[id].kind === 'condition' ? 'condition' : 'threshold',
        required: t.percent, source: t.source, sourceStatus: t.status, override: t.override,
      });
    }
  }
  return out;
}

function passes(def: CriterionDef, value: Known | number): boolean {
  if (def.prereq) return (value as number) >= def.required;
  const v = value as Known;
  if (v.bool !== undefined) return v.bool;
  return meetsPercent(v.num, v.den, def.required);
}

function levelFor(
  programme: Programme,
  defs: CriterionDef[],
  passOf: (d: CriterionDef) => boolean,
  xmcM2RequiresM1: boolean,
): number {
  const max = MAX_LEVEL[programme];
  const levelPasses = (k: number) => defs.filter((d) => d.level === k).every(passOf);
  if (programme === 'XMC' && !xmcM2RequiresM1) {
    if (levelPasses(2)) return 2;
    return levelPasses(1) ? 1 : 0;
  }
  for (let k = 1; k <= max; k++) if (!levelPasses(k)) return k - 1;
  return max;
}

/**
 * Level of one commune for one programme. `inputs.rates` holds the rates by indicator id (fractions or
 * counts); THCS also needs `inputs.prerequisites` (TH and XMC levels of the same commune).
 */
export function communeLevel(programme: Programme, inputs: CommuneInputs, opts: LevelOptions = {}): LevelResult {
  const dbkk = !!opts.dbkk;
  const settings = opts.settings;
  const xmcM2RequiresM1 = settings?.xmcM2RequiresM1 ?? true;
  const defs = criteriaFor(programme, dbkk, settings);

  const evaluated = new Map<string, Evaluated>();
  for (const d of defs) {
    if (evaluated.has(d.indicator)) continue;
    if (d.prereq) {
      const lv = inputs.prerequisites?.[d.prereq];
      if (lv === null || lv === undefined) evaluated.set(d.indicator, { state: 'missing' });
      else if (!Number.isInteger(lv) || lv < 0 || lv > MAX_LEVEL[d.prereq]) {
        evaluated.set(d.indicator, { state: 'invalid', error: calcError('out_of_range', { name: d.indicator, value: String(lv) }) });
      } else evaluated.set(d.indicator, { state: 'known', num: lv, den: 1 });
    } else {
      evaluated.set(d.indicator, evaluateInput(inputs.rates[d.indicator], d.indicator));
    }
  }

  // Unknown inputs: try each value that could matter (each threshold met exactly, or nothing met).
  const unknownIds = [...evaluated.keys()].filter((id) => evaluated.get(id)!.state !== 'known');
  const candidates = unknownIds.map((id) => {
    const ds = defs.filter((d) => d.indicator === id);
    if (ds[0].prereq) return [0, MAX_LEVEL[ds[0].prereq]].map((n) => ({ state: 'known', num: n, den: 1 }) as Known);
    const vals: Known[] = [{ state: 'known', num: 0, den: 1 }];
    for (const d of ds) vals.push({ state: 'known', num: d.required, den: 100 });
    return vals;
  });
  const outcomes = new Set<number>();
  const assign = new Map<string, Known>();
  const walk = (i: number) => {
    if (i === unknownIds.length) {
      outcomes.add(
        levelFor(programme, defs, (d) => {
          const v = (evaluated.get(d.indicator)!.state === 'known' ? evaluated.get(d.indicator) : assign.get(d.indicator)) as Known;
          return passes(d, d.prereq ? v.num : v);
        }, xmcM2RequiresM1),
      );
      return;
    }
    for (const c of candidates[i]) {
      assign.set(unknownIds[i], c);
      walk(i + 1);
    }
  };
  walk(0);
  const possible = [...outcomes];
  const level: Level = possible.length === 1 ? possible[0] : null;
  const atLeast = Math.min(...possible);

  const criteria: CriterionResult[] = defs.map((d) => {
    const ev = evaluated.get(d.indicator)!;
    const rule = INDICATOR_RULES[d.indicator];
    const base = {
      level: d.level, indicator: d.indicator, kind: d.kind, required: d.required,
      source: d.source, sourceStatus: d.sourceStatus, override: d.override,
      labelVi: rule ? rule.labelVi : `Đạt chuẩn ${d.prereq} mức độ ${d.required}`,
      labelEn: rule ? rule.labelEn : `${d.prereq} at level ${d.required}`,
      cohort: rule ? (dbkk && rule.cohortDbkk ? rule.cohortDbkk : rule.cohort) : undefined,
    };
    if (ev.state === 'missing') return { ...base, value: null, status: 'missing' as const };
    if (ev.state === 'invalid') return { ...base, value: null, status: 'invalid' as const, error: ev.error };
    const counts = ev.den !== 1 && !d.prereq ? { numerator: ev.num, denominator: ev.den } : {};
    return { ...base, ...counts, value: ev.bool !== undefined ? (ev.bool ? 1 : 0) : ev.num / ev.den, status: passes(d, d.prereq ? ev.num : ev) ? ('pass' as const) : ('fail' as const) };
  });

  const overridesUsed = uniqueOverrides(criteria.map((c) => c.override));
  const missing = [...evaluated.entries()].filter(([, e]) => e.state === 'missing').map(([id]) => id);
  const errors = [...evaluated.entries()]
    .filter(([, e]) => e.state === 'invalid')
    .map(([id, e]) => ({ indicator: id, error: (e as { error: CalcError }).error }));
  return {
    programme, dbkk, level, atLeast, maxLevel: MAX_LEVEL[programme], label: levelLabel(level, programme),
    criteria, overridesUsed, missing, errors,
    explanation: [...criteria.map(explainCriterion), ...overridesUsed.map(explainOverride)],
  };
}

function uniqueOverrides(list: (AppliedOverride | undefined)[]): AppliedOverride[] {
  const seen = new Set<string>();
  const out: AppliedOverride[] = [];
  for (const o of list) {
    if (!o) continue;
    const key = `${o.indicator}|${o.level}|${o.dbkk}|${o.scope}|${o.group}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(o);
  }
  return out;
}

function pct(percent: number): string {
  return formatNumber(percent, { decimals: 2, keepTrailingZeros: false }) + '%';
}

function statusText(status: CriterionStatus | 'pass' | 'fail'): Bilingual {
  return msg(`indicators.criterion.${status}`);
}

function explainCriterion(c: CriterionResult): Bilingual {
  const st = statusText(c.status);
  if (c.kind === 'prerequisite') {
    const programme = c.indicator.replace('PREREQ_', '');
    const v = c.value === null ? msg('level.no_data') : levelLabel(c.value);
    const m = msg('indicators.criterion.prereq', { level: c.level, programme, required: c.required });
    return { vi: fill2(m.vi, v.vi, st.vi), en: fill2(m.en, v.en, st.en) };
  }
  let value: Bilingual;
  if (c.value === null) value = c.status === 'invalid' && c.error ? c.error.message : msg('level.no_data');
  else if (c.numerator !== undefined && c.denominator !== undefined) {
    const s = `${formatPercentOf(c.numerator, c.denominator, 2, [c.required])} (${formatNumber(c.numerator)}/${formatNumber(c.denominator)})`;
    value = { vi: s, en: s };
  } else {
    const s = formatPercent(c.value, 2, true, [c.required]);
    value = { vi: s, en: s };
  }
  const label = { vi: c.cohort ? `${c.labelVi}` : c.labelVi, en: c.labelEn };
  const m = msg('indicators.criterion.line', { level: c.level, threshold: pct(c.required), source: c.source });
  return {
    vi: m.vi.replace('{label}', label.vi).replace('{value}', value.vi).replace('{status}', st.vi),
    en: m.en.replace('{label}', label.en).replace('{value}', value.en).replace('{status}', st.en),
  };
}

function fill2(text: string, value: string, status: string): string {
  return text.replace('{value}', value).replace('{status}', status);
}

export function explainOverride(o: AppliedOverride): Bilingual {
  const m = msg('indicators.override.used', {
    indicator: o.indicator + (o.scope ? ` (${o.scope})` : '') + (o.dbkk === true ? ' ĐBKK' : ''),
    level: o.level,
    percent: pct(o.percent),
    default: o.defaultPercent === null ? '–' : pct(o.defaultPercent),
    note: o.note ? ` – ${o.note}` : '',
  });
  return m;
}

/* ------------------------------------------------------------- aggregation */

export interface UnitInput {
  /** Level of the lower unit (commune or district); null/undefined = no data. */
  level: Level | undefined;
  /** ĐBKK commune (only MN35 at scope tinh-2025 distinguishes; absent = not ĐBKK). */
  dbkk?: boolean;
  id?: string;
  name?: string;
}

export interface ShareCheck {
  level: number;
  group: ShareRule['group'];
  /** Lower units in the group / known to be at level ≥ k / with no data. */
  total: number;
  count: number;
  unknown: number;
  required: number;
  status: 'pass' | 'fail' | 'missing';
  source: string;
  sourceStatus: SourceStatus;
  override?: AppliedOverride;
}

export interface UnitLevelResult {
  programme: Programme;
  scope: AggregationScope;
  level: Level;
  atLeast: number;
  maxLevel: number;
  label: Bilingual;
  shares: ShareCheck[];
  overridesUsed: AppliedOverride[];
  /** Lower units without data (ids or names when given, else positions from 1). */
  unknownUnits: string[];
  /** No recognition rule is known for this programme and scope (and no override set one). */
  noRule: boolean;
  /** Invalid levels in the input (e.g. 4 for TH, or negative). */
  errors: { unit: string; error: CalcError }[];
  explanation: Bilingual[];
}

/**
 * Level of the higher unit: the highest k such that, for every share rule of k, the share of lower
 * units at level ≥ k meets the threshold. Units without data count as not reaching any level; the
 * result is null ("Chưa đủ dữ liệu") only when they could change it.
 */
export function unitLevel(
  programme: Programme,
  units: (UnitInput | Level | undefined)[],
  scope: AggregationScope,
  settings?: Partial<Pick<Settings, 'thresholdOverrides'>>,
): UnitLevelResult {
  const list: UnitInput[] = units.map((u) => (u !== null && typeof u === 'object' ? u : { level: u }));
  const max = MAX_LEVEL[programme];
  const errors: UnitLevelResult['errors'] = [];
  const unitName = (u: UnitInput, i: number) => u.id ?? u.name ?? String(i + 1);
  const clean: UnitInput[] = list.map((u, i) => {
    const lv = u.level;
    if (lv === null || lv === undefined) return u;
    if (typeof lv !== 'number' || !Number.isInteger(lv) || lv < 0 || lv > max) {
      errors.push({ unit: unitName(u, i), error: calcError('out_of_range', { name: unitName(u, i), value: String(lv) }) });
      return { ...u, level: null };
    }
    return u;
  });
  const unknownUnits = clean.map((u, i) => (u.level === null || u.level === undefined ? unitName(u, i) : null)).filter((x): x is string => x !== null);

  const levelRules: { level: number; rules: (ShareRule & { override?: AppliedOverride })[] }[] = [];
  for (let k = 1; k <= max; k++) {
    const r = resolveAggregation(programme, scope, k, settings);
    if (!r) break;
    levelRules.push({ level: k, rules: r.rules });
  }
  const noRule = levelRules.length === 0;
  const topLevel = levelRules.length;

  const inGroup = (u: UnitInput, g: ShareRule['group']) => g === 'all' || (g === 'dbkk' ? !!u.dbkk : !u.dbkk);
  // With unknown units at 0 (worst) and at the top level (best): the level is monotone in each unit.
  const levelWith = (fill: number): number => {
    for (const { level: k, rules } of levelRules) {
      const ok = rules.every((r) => {
        const members = clean.filter((u) => inGroup(u, r.group));
        const count = members.filter((u) => (u.level ?? fill) >= k).length;
        return shareMeets(count, members.length, r.percent);
      });
      if (!ok) return k - 1;
    }
    return topLevel;
  };
  const worst = levelWith(0);
  const best = levelWith(max);
  const empty = clean.length === 0;
  const level: Level = noRule || empty ? null : worst === best ? worst : null;

  const shares: ShareCheck[] = [];
  for (const { level: k, rules } of levelRules) {
    for (const r of rules) {
      const members = clean.filter((u) => inGroup(u, r.group));
      const count = members.filter((u) => u.level !== null && u.level !== undefined && u.level >= k).length;
      const unknown = members.filter((u) => u.level === null || u.level === undefined).length;
      const sure = shareMeets(count, members.length, r.percent);
      const could = shareMeets(count + unknown, members.length, r.percent);
      shares.push({
        level: k, group: r.group, total: members.length, count, unknown, required: r.percent,
        status: sure ? 'pass' : could ? 'missing' : 'fail',
        source: r.source, sourceStatus: r.status, override: r.override,
      });
    }
  }
  const overridesUsed = uniqueOverrides(shares.map((s) => s.override));
  const unitsWord = msg(scope === 'tinh' ? 'indicators.units.huyen' : 'indicators.units.xa');
  const explanation: Bilingual[] = shares.map((s) => {
    const st = statusText(s.status);
    const m = msg('indicators.share.line', {
      level: s.level, count: s.count, total: s.total,
      share: s.total ? formatPercentOf(s.count, s.total, 2, [s.required]) : '–',
      threshold: pct(s.required), source: s.source,
    });
    const group = s.group === 'all' ? { vi: '', en: '' } : s.group === 'dbkk' ? { vi: ' ĐBKK', en: ' (ĐBKK)' } : { vi: ' khác', en: ' (other)' };
    return {
      vi: m.vi.replace('{units}', unitsWord.vi + group.vi).replace('{status}', st.vi),
      en: m.en.replace('{units}', unitsWord.en + group.en).replace('{status}', st.en),
    };
  });
  if (noRule) {
    explanation.push(msg('indicators.error.no_rule', { programme, scope, id: aggregationIndicatorId(programme) }));
  }
  explanation.push(...overridesUsed.map(explainOverride));
  return {
    programme, scope, level, atLeast: noRule || empty ? 0 : worst, maxLevel: topLevel,
    label: levelLabel(level, programme), shares, overridesUsed, unknownUnits, noRule, errors, explanation,
  };
}
