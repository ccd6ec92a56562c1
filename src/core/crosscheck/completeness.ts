/** Who submitted: per commune and per cấp học, with the missing schools named. */
import type { MasterIndex } from './master';
import type { Completeness, CompletenessGroup, SchoolStatus } from './types';

/** `submitted`: school → files of the right year; `wrongYear`: schools that sent another year only. */
export function buildCompleteness(master: MasterIndex, submitted: Map<string, string[]>, wrongYear: Set<string>): Completeness {
  const byCommune = new Map<string, CompletenessGroup>();
  const byLevel = new Map<string, CompletenessGroup>();
  const missing: Completeness['missing'] = [];
  const schools = [...master.schools.values()].sort((a, b) => a.order - b.order);
  let count = 0;
  const statuses: SchoolStatus[] = [];
  for (const s of schools) {
    const done = submitted.has(s.code);
    statuses.push({
      code: s.code,
      name: s.name,
      commune: s.communeName || s.communeCode,
      level: s.level,
      state: done ? 'submitted' : wrongYear.has(s.code) ? 'wrong_year' : 'missing',
      files: submitted.get(s.code) ?? [],
    });
    if (done) count++;
    else missing.push({ code: s.code, name: s.name, commune: s.communeName || s.communeCode, level: s.level });
    // Communes are matched by code; a master without ma_xa falls back to the name.
    const communeKey = s.communeCode || (s.communeName ? `ten:${s.communeName}` : '');
    for (const [groups, key, name] of [
      [byCommune, communeKey, s.communeName || s.communeCode],
      [byLevel, s.level, s.level],
    ] as const) {
      let g = groups.get(key);
      if (!g) {
        g = { key: key.startsWith('ten:') ? '' : key, name, expected: 0, submitted: 0, missing: [] };
        groups.set(key, g);
      }
      g.expected++;
      if (done) g.submitted++;
      else g.missing.push({ code: s.code, name: s.name });
    }
  }
  return {
    schools: statuses,
    expected: schools.length,
    submitted: count,
    byCommune: [...byCommune.values()],
    byLevel: [...byLevel.values()],
    missing,
    wrongYear: statuses.filter((s) => s.state === 'wrong_year').map((s) => s.code),
  };
}
