/**
 * A commune's phổ cập – XMC levels from its counts: the one path every host takes (the printed-level
 * check, the report and its trends, the task pane and the command line through them). Any input
 * layout — our PC_* sheets (sheets/communes.ts), the household register, the PCGD system's forms —
 * produces a CommuneInput per commune (SHEETS.md §4 field ids → counts, plus identity and ĐBKK
 * status) and calls communeLevels() or, for a whole unit, levelsOfCommunes().
 */
import type { Settings } from '../settings';
import { normaliseCode } from '../units';
import { communeLevel } from './levels';
import type { CommuneInputs, Level, LevelResult } from './levels';
import { levelMeasure, programmeDef, rateCounts } from './measures';
import type { CommuneCounts, RateCounts } from './measures';
import { INDICATOR_RULES, PROGRAMME_INDICATORS } from './thresholds';
import type { Programme } from './table';

export interface CommuneInput {
  /** Commune code (mã xã), when the input has one. */
  ma_xa?: string | null;
  ten_xa?: string | null;
  /** Xã có điều kiện kinh tế – xã hội đặc biệt khó khăn (narrower XMC bands, lower thresholds). */
  dbkk: boolean;
  counts: CommuneCounts;
}

export interface CommuneRate extends RateCounts {
  /** The rate as a fraction (null when unknown or the denominator is 0). */
  value: number | null;
  /** Band of a banded indicator ("15_25" for a ĐBKK commune's XMC_M1). */
  band?: string;
}

export interface CommuneResult {
  programme: Programme;
  level: LevelResult;
  /** The rates that decided the level, by indicator id. */
  rates: Record<string, CommuneRate>;
  /** The counts read, by field id. */
  inputs: CommuneCounts;
  /** Every count the programme cannot do without is there (else a printed level is wrong). */
  hasData: boolean;
}

export interface CommuneLevelOptions {
  settings?: Partial<Settings>;
  /** Levels of the prerequisite programmes (THCS: TH and XMC) of the same commune; absent = unknown. */
  prerequisites?: Partial<Record<Programme, Level | undefined>>;
}

/** The level of one commune in one programme, with the rates and counts behind it. */
export function communeLevels(programme: Programme, commune: CommuneInput, opts: CommuneLevelOptions = {}): CommuneResult {
  const def = programmeDef(programme);
  const rates: Record<string, CommuneRate> = {};
  const levelRates: CommuneInputs['rates'] = {};
  const inputs: CommuneCounts = {};
  for (const id of PROGRAMME_INDICATORS[programme]) {
    const m = levelMeasure(INDICATOR_RULES[id], commune.dbkk, opts.settings);
    if (!m) continue;
    const rc = rateCounts(m.fields, commune.counts);
    for (const f of [...m.fields.numerator, m.fields.cohort, ...(m.fields.exempt ? [m.fields.exempt] : []), ...(m.fields.deductions ?? [])]) {
      if (f in commune.counts) inputs[f] = commune.counts[f];
    }
    levelRates[id] = rc;
    const value = rc.numerator !== null && rc.denominator !== null && rc.denominator > 0 ? rc.numerator / rc.denominator : null;
    rates[id] = { ...rc, value, ...(m.band ? { band: m.band } : {}) };
  }
  const prerequisites = def.prerequisites.length
    ? Object.fromEntries(def.prerequisites.map((p) => [p, opts.prerequisites?.[p] ?? null]))
    : undefined;
  const level = communeLevel(programme, { rates: levelRates, ...(prerequisites ? { prerequisites } : {}) }, { dbkk: commune.dbkk, settings: opts.settings });
  const hasData = def.dataFields.every((f) => {
    const v = commune.counts[f];
    return typeof v === 'number' && Number.isFinite(v);
  });
  return { programme, level, rates, inputs, hasData };
}

function nameKey(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const s = String(name).normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return s === '' ? null : s;
}

/**
 * Levels of the communes of one programme, to look up a prerequisite: by code when both sides have
 * one, else by name (case and spacing ignored). The first commune listed wins.
 */
export class CommuneIndex {
  private readonly byCode = new Map<string, Level>();
  private readonly byName = new Map<string, { level: Level; coded: boolean }>();

  add(c: Pick<CommuneInput, 'ma_xa' | 'ten_xa'>, level: Level): void {
    const code = normaliseCode(c.ma_xa);
    const name = nameKey(c.ten_xa);
    if (code && !this.byCode.has(code)) this.byCode.set(code, level);
    if (name && !this.byName.has(name)) this.byName.set(name, { level, coded: !!code });
  }

  find(c: Pick<CommuneInput, 'ma_xa' | 'ten_xa'>): Level | undefined {
    const code = normaliseCode(c.ma_xa);
    if (code && this.byCode.has(code)) return this.byCode.get(code);
    const name = nameKey(c.ten_xa);
    const hit = name ? this.byName.get(name) : undefined;
    return hit && (!code || !hit.coded) ? hit.level : undefined;
  }
}

export interface ProgrammeCommunes {
  programme: Programme;
  communes: CommuneInput[];
}

/**
 * Levels of a unit's communes in several programmes (several lists per programme allowed), the
 * prerequisites first so that each THCS commune sees its own TH and XMC levels. Results come back
 * in the order of the input.
 */
export function levelsOfCommunes(groups: ProgrammeCommunes[], settings?: Partial<Settings>): CommuneResult[][] {
  const results: CommuneResult[][] = new Array(groups.length);
  const indexes = new Map<Programme, CommuneIndex>();
  const depth = (p: Programme): number => Math.max(0, ...programmeDef(p).prerequisites.map((q) => depth(q) + 1));
  const order = groups.map((g, i) => ({ i, rank: depth(g.programme) })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  for (const { i } of order) {
    const g = groups[i];
    const pre = programmeDef(g.programme).prerequisites;
    results[i] = g.communes.map((c) => {
      const prerequisites = Object.fromEntries(pre.map((p) => [p, indexes.get(p)?.find(c)]));
      return communeLevels(g.programme, c, { settings, prerequisites });
    });
    const index = indexes.get(g.programme) ?? new CommuneIndex();
    g.communes.forEach((c, k) => index.add(c, results[i][k].level.level));
    indexes.set(g.programme, index);
  }
  return results;
}

/** One input of a commune's level as the GD.PHOCAP_LEVEL arguments list them. */
export type LevelArgument = { kind: 'prerequisite'; programme: Programme } | { kind: 'rate'; indicator: string; condition: boolean };

/**
 * The rate arguments of a programme's level, in order: the prerequisite levels, then the level
 * indicators of the table (GD.PHOCAP_LEVEL takes them positionally, then ĐBKK).
 */
export function levelArguments(programme: Programme): LevelArgument[] {
  return [
    ...programmeDef(programme).prerequisites.map((p): LevelArgument => ({ kind: 'prerequisite', programme: p })),
    ...PROGRAMME_INDICATORS[programme].map((id): LevelArgument => ({ kind: 'rate', indicator: id, condition: INDICATOR_RULES[id].kind === 'condition' })),
  ];
}
