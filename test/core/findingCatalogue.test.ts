/**
 * The finding catalogue (src/core/i18n/catalog/findings.ts) is closed and complete: every id it
 * lists is emitted somewhere, every id emitted is listed, both languages say the same thing with the
 * same placeholders, and the rule records agree with it on message and severity.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FINDINGS } from '../../src/core/i18n/catalog/findings';
import type { FindingText } from '../../src/core/i18n/catalog/findings';
import { CATALOG } from '../../src/core/i18n';
import { findingText, isRuleId, RULE_IDS } from '../../src/core/findings';
import type { RuleId } from '../../src/core/findings';
import { RULES, ruleCatalogue } from '../../src/core/rules';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const CATALOGUE_FILE = path.join(SRC, 'core', 'i18n', 'catalog', 'findings.ts');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) && p !== CATALOGUE_FILE ? [p] : [];
  });
}
const CODE = sources(SRC).map((f) => ({ file: path.relative(SRC, f), text: fs.readFileSync(f, 'utf8') }));

const entries = Object.entries(FINDINGS) as [RuleId, Record<string, FindingText>][];
const placeholders = (s: string) => Array.from(s.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();

test('every message has Vietnamese and English text with the same placeholders, and a severity', () => {
  expect(entries.length).toBeGreaterThanOrEqual(58);
  for (const [id, messages] of entries) {
    expect([id, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(id)]).toEqual([id, true]);
    expect(Object.keys(messages).length).toBeGreaterThan(0);
    for (const [key, text] of Object.entries(messages)) {
      expect([id, key, text.vi.trim().length > 0, text.en.trim().length > 0]).toEqual([id, key, true, true]);
      expect([id, key, placeholders(text.en)]).toEqual([id, key, placeholders(text.vi)]);
      expect(['error', 'warning', 'info']).toContain(text.severity);
      // The flat message catalogue serves the same text under the same key.
      expect(CATALOG[key]).toEqual({ vi: text.vi, en: text.en });
    }
  }
});

test('a message key belongs to one text only (two ids may share a key only with the same text)', () => {
  const seen = new Map<string, FindingText>();
  for (const [, messages] of entries) {
    for (const [key, text] of Object.entries(messages)) {
      if (seen.has(key)) expect(seen.get(key)).toBe(text);
      seen.set(key, text);
    }
  }
});

describe('closed: the ids emitted in src/ are exactly the catalogued ones', () => {
  // Every way code emits a finding: a rule record, `finding(id, key, …)`, the reader's `issue(id, key…)`.
  const emittedByCode = new Map<string, Set<string>>();
  const add = (id: string, key: string) => {
    if (!emittedByCode.has(id)) emittedByCode.set(id, new Set());
    emittedByCode.get(id)!.add(key);
  };
  for (const { text } of CODE) {
    for (const m of text.matchAll(/\b(?:finding|issue)\(\s*'(\w+)',\s*((?:'[\w.]+'|[^,()]+\?[^:]+:[^,()]+))(?:,\s*'([\w.]+)')?/g)) {
      for (const k of m[2].matchAll(/'([\w.]+)'/g)) add(m[1], k[1]);
      if (m[3]) add(m[1], m[3]);
    }
  }
  for (const r of RULES) add(r.id, r.message);

  test('no finding is built by hand with a literal rule id (they go through the catalogue)', () => {
    const literal = CODE.flatMap(({ file, text }) => Array.from(text.matchAll(/\brule:\s*'(\w+)'/g), (m) => `${file}: rule: '${m[1]}'`));
    expect(literal).toEqual([]);
  });

  test('every emitted id is catalogued, with the message it uses', () => {
    for (const [id, keys] of emittedByCode) {
      expect([id, isRuleId(id)]).toEqual([id, true]);
      for (const key of keys) expect([id, key, !!findingText(id as RuleId, key)]).toEqual([id, key, true]);
    }
  });

  test('every catalogued id is emitted somewhere (no dead entries)', () => {
    expect(RULE_IDS.filter((id) => !emittedByCode.has(id))).toEqual([]);
  });

  test('every catalogued message is used somewhere in src/ (variants included)', () => {
    const all = CODE.map((c) => c.text).join('\n');
    const unused = entries.flatMap(([id, messages]) => Object.keys(messages).filter((key) => !all.includes(`'${key}'`)).map((key) => `${id}: ${key}`));
    expect(unused).toEqual([]);
  });
});

test('rule records agree with the catalogue: their message is one of their id\'s, with the same severity', () => {
  for (const r of RULES) {
    const text = findingText(r.id, r.message);
    expect([r.id, r.message, text?.severity]).toEqual([r.id, r.message, r.severity]);
  }
  // The pane's rule list shows every rule id once.
  expect(ruleCatalogue().map((r) => r.id).sort()).toEqual([...new Set(RULES.map((r) => r.id))].sort());
});
