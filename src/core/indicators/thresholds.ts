/**
 * Thresholds of phổ cập / xóa mù chữ (REGULATIONS §8.1, §8.2), as data: the commune thresholds are in
 * the indicator table (./table.ts, one row per indicator), the higher unit's share rules here.
 * Every number names its legal source and how sure we are of it. Percentages are "at least" (≥).
 * Users may override any threshold in Settings.thresholdOverrides; resolve*() report which were used.
 */
import type { AggregationScope, Settings, ThresholdOverride } from '../settings';
import { INDICATORS, ND20, ND277, PROGRAMME_TABLE } from './table';
import type { IndicatorDef, Programme, SourceStatus } from './table';

export type { Programme, SourceStatus, IndicatorKind, LevelThreshold } from './table';

/** Programmes with commune levels. */
export const PROGRAMMES: readonly Programme[] = PROGRAMME_TABLE.filter((p) => p.maxLevel > 0).map((p) => p.id as Programme);

/** Highest commune level of each programme (0 = Không đạt). */
export const MAX_LEVEL = Object.fromEntries(PROGRAMME_TABLE.filter((p) => p.maxLevel > 0).map((p) => [p.id, p.maxLevel])) as Record<Programme, number>;

/** A row of the indicator table (./table.ts). */
export type IndicatorRule = IndicatorDef;

/** The indicator table by id. */
export const INDICATOR_RULES: Record<string, IndicatorRule> = Object.fromEntries(INDICATORS.map((r) => [r.id, r]));

/** Commune-level indicators tested for each programme, in display order (the table's order). */
export const PROGRAMME_INDICATORS = Object.fromEntries(
  PROGRAMMES.map((p) => [p, INDICATORS.filter((r) => r.programme === p && (r.kind === 'threshold' || r.kind === 'condition')).map((r) => r.id)]),
) as Record<Programme, string[]>;

/* ------------------------------------------------------------- aggregation */

export interface ShareRule {
  /** Percent of lower units at level ≥ k. */
  percent: number;
  /** Which lower units count: all, only ĐBKK communes, or only the others. */
  group: 'all' | 'dbkk' | 'other';
  source: string;
  status: SourceStatus;
}

export interface AggregationRule {
  programme: Programme;
  scope: AggregationScope;
  /** Per level, all share rules must hold (MN35 2025 has two groups). Empty → no rule known. */
  levels: Partial<Record<1 | 2 | 3, ShareRule[]>>;
  note?: string;
}

const ND142 = 'Nghị định 142/2025/NĐ-CP (theo phần mềm PCGD Nghệ An, PROVINCE_RECOGNITION_ND142_2025)';

function share(percent: number, source: string, status: SourceStatus, group: ShareRule['group'] = 'all'): ShareRule[] {
  return [{ percent, group, source, status }];
}

/** Key `${programme}/${scope}`. */
export const AGGREGATION_RULES: Record<string, AggregationRule> = {
  'MN5/huyen': { programme: 'MN5', scope: 'huyen', levels: { 1: share(90, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') } },
  'MN5/tinh': { programme: 'MN5', scope: 'tinh', levels: { 1: share(100, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') } },
  'MN5/tinh-2025': {
    programme: 'MN5', scope: 'tinh-2025', levels: {},
    note: 'Chưa tìm thấy ngưỡng công nhận cấp tỉnh trực tiếp từ xã; đặt ngưỡng trong cài đặt (AGG_MN5).',
  },
  'MN35/huyen': { programme: 'MN35', scope: 'huyen', levels: {}, note: 'Nghị định 277/2025 công nhận cấp tỉnh trực tiếp từ xã.' },
  'MN35/tinh': { programme: 'MN35', scope: 'tinh', levels: {}, note: 'Nghị định 277/2025 công nhận cấp tỉnh trực tiếp từ xã.' },
  'MN35/tinh-2025': {
    programme: 'MN35', scope: 'tinh-2025',
    levels: {
      1: [
        { percent: 85, group: 'dbkk', source: ND277, status: 'SECONDARY' },
        { percent: 90, group: 'other', source: ND277, status: 'SECONDARY' },
      ],
    },
  },
  'TH/huyen': {
    programme: 'TH', scope: 'huyen',
    levels: {
      1: share(90, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL'),
      2: share(90, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: share(90, `${ND20}, Điều 11 (theo phần mềm PCGD Nghệ An)`, 'SECONDARY'),
    },
  },
  'TH/tinh': {
    programme: 'TH', scope: 'tinh',
    levels: {
      1: share(100, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL'),
      2: share(100, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: share(100, `${ND20}, Điều 11`, 'UNCONFIRMED'),
    },
  },
  'TH/tinh-2025': {
    programme: 'TH', scope: 'tinh-2025',
    levels: { 1: share(90, ND142, 'SECONDARY'), 2: share(90, ND142, 'SECONDARY'), 3: share(90, ND142, 'SECONDARY') },
  },
  'THCS/huyen': {
    programme: 'THCS', scope: 'huyen',
    levels: {
      1: share(90, `${ND20}, Điều 14`, 'CONFIRMED-LEGAL'),
      2: share(95, `${ND20}, Điều 15 (theo phần mềm PCGD Nghệ An)`, 'SECONDARY'),
      3: share(100, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL'),
    },
  },
  'THCS/tinh': {
    programme: 'THCS', scope: 'tinh',
    levels: {
      1: share(100, `${ND20}, Điều 14`, 'CONFIRMED-LEGAL'),
      2: share(100, `${ND20}, Điều 15`, 'UNCONFIRMED'),
      3: share(100, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL'),
    },
  },
  'THCS/tinh-2025': {
    programme: 'THCS', scope: 'tinh-2025',
    levels: { 1: share(90, ND142, 'SECONDARY'), 2: share(95, ND142, 'SECONDARY'), 3: share(100, ND142, 'SECONDARY') },
  },
  'XMC/huyen': {
    programme: 'XMC', scope: 'huyen',
    levels: { 1: share(90, `${ND20}, Điều 20`, 'CONFIRMED-LEGAL'), 2: share(90, `${ND20}, Điều 21`, 'CONFIRMED-LEGAL') },
  },
  'XMC/tinh': {
    programme: 'XMC', scope: 'tinh',
    levels: { 1: share(90, `${ND20}, Điều 20`, 'CONFIRMED-LEGAL'), 2: share(100, `${ND20}, Điều 21`, 'CONFIRMED-LEGAL') },
  },
  'XMC/tinh-2025': {
    programme: 'XMC', scope: 'tinh-2025',
    levels: { 1: share(81, ND142, 'SECONDARY'), 2: share(90, ND142, 'SECONDARY') },
  },
};

/** PCBTH district rule (CV 10819/GDTrH): share of communes meeting PCBTH. */
export const PCBTH_DISTRICT_SHARE = {
  normal: 90,
  difficult: 75,
  source: 'Công văn 10819/GDTrH (7/12/2004)',
  status: 'CONFIRMED-LEGAL' as SourceStatus,
};

/* --------------------------------------------------------------- overrides */

/** An override that changed a threshold used in a computation. */
export interface AppliedOverride {
  indicator: string;
  level: number;
  dbkk?: boolean;
  scope?: AggregationScope;
  group?: ShareRule['group'];
  /** Legal default in percent (null when the table has none). */
  defaultPercent: number | null;
  percent: number;
  note?: string;
}

export interface ResolvedThreshold {
  percent: number;
  source: string;
  status: SourceStatus;
  override?: AppliedOverride;
}

function validOverride(o: ThresholdOverride): boolean {
  return Number.isFinite(o.percent) && o.percent >= 0 && o.percent <= 100;
}

function findOverride(
  settings: Partial<Pick<Settings, 'thresholdOverrides'>> | undefined,
  indicator: string,
  level: number,
  dbkk: boolean | undefined,
  scope?: AggregationScope,
): ThresholdOverride | undefined {
  const list = settings?.thresholdOverrides ?? [];
  // Last matching entry wins, and an exact ĐBKK/scope match beats a general one.
  let best: ThresholdOverride | undefined;
  let bestScore = -1;
  for (const o of list) {
    if (o.indicator !== indicator || o.level !== level || !validOverride(o)) continue;
    if (o.dbkk !== undefined && dbkk !== undefined && o.dbkk !== dbkk) continue;
    if (o.dbkk !== undefined && dbkk === undefined) continue;
    if (o.scope !== undefined && o.scope !== scope) continue;
    const score = (o.dbkk !== undefined ? 1 : 0) + (o.scope !== undefined ? 2 : 0);
    if (score >= bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** Commune threshold of `indicator` at `level`, after overrides; null when the indicator has none. */
export function resolveThreshold(
  indicator: string,
  level: number,
  dbkk: boolean,
  settings?: Partial<Pick<Settings, 'thresholdOverrides'>>,
): ResolvedThreshold | null {
  const rule = INDICATOR_RULES[indicator];
  if (!rule) return null;
  const def = rule.levels[level as 1 | 2 | 3];
  const o = findOverride(settings, indicator, level, dbkk);
  if (o) {
    return {
      percent: o.percent,
      source: o.note ? `Cài đặt người dùng: ${o.note}` : 'Cài đặt người dùng',
      status: def?.status ?? rule.status,
      override: {
        indicator, level, dbkk, defaultPercent: def ? (dbkk ? def.dbkk : def.normal) : null, percent: o.percent, note: o.note,
      },
    };
  }
  if (!def) return null;
  return { percent: dbkk ? def.dbkk : def.normal, source: def.source, status: def.status };
}

/** Id used in overrides for an aggregation threshold: AGG_<programme>. */
export function aggregationIndicatorId(programme: Programme): string {
  return `AGG_${programme}`;
}

/** Share rules of one level of the higher unit, after overrides (an override applies per group via dbkk). */
export function resolveAggregation(
  programme: Programme,
  scope: AggregationScope,
  level: number,
  settings?: Partial<Pick<Settings, 'thresholdOverrides'>>,
): { rules: (ShareRule & { override?: AppliedOverride })[] } | null {
  const rule = AGGREGATION_RULES[`${programme}/${scope}`];
  const id = aggregationIndicatorId(programme);
  const defaults = rule?.levels[level as 1 | 2 | 3];
  if (defaults && defaults.length) {
    return {
      rules: defaults.map((r) => {
        const dbkk = r.group === 'all' ? undefined : r.group === 'dbkk';
        const o = findOverride(settings, id, level, dbkk, scope);
        if (!o) return r;
        return {
          ...r,
          percent: o.percent,
          source: o.note ? `Cài đặt người dùng: ${o.note}` : 'Cài đặt người dùng',
          override: { indicator: id, level, scope, group: r.group, dbkk, defaultPercent: r.percent, percent: o.percent, note: o.note },
        };
      }),
    };
  }
  // No legal default: a user override alone can define the rule (all lower units).
  const o = findOverride(settings, id, level, undefined, scope);
  if (!o) return null;
  return {
    rules: [{
      percent: o.percent, group: 'all', status: 'UNCONFIRMED',
      source: o.note ? `Cài đặt người dùng: ${o.note}` : 'Cài đặt người dùng',
      override: { indicator: id, level, scope, group: 'all', defaultPercent: null, percent: o.percent, note: o.note },
    }],
  };
}

/** Threshold of a PCBTH parameter indicator; exists only when the user set one. */
export function resolveParam(indicator: string, settings?: Partial<Pick<Settings, 'thresholdOverrides'>>, dbkk = false): ResolvedThreshold | null {
  return resolveThreshold(indicator, 1, dbkk, settings);
}
