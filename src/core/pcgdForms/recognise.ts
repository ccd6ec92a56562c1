/**
 * Which PCGD form a sheet is: by its code printed in the title block ("Mẫu TH-02"), its title
 * ("THỐNG KÊ KẾT QUẢ PCGD TIỂU HỌC"), the sheet name and the file name the system exports
 * ("2. PCGD_2025_TH-02_phường X.xls"), each confirmed by the form's shape (age columns, a unit row
 * with numbers). A title alone never makes a form: our own PC_TH sheet is titled "Phổ cập giáo dục
 * tiểu học" too.
 */
import { columnIndex } from '../a1';
import { foldText } from '../sheets/normalize';
import type { SheetSnapshot } from '../types';
import { cellAt, cellRC, isBlankCell, readCount, textCells, textOf } from './cells';
import type { FormCode, FormLayout } from './layouts';
import { FORM_LAYOUTS, MN01TE_ROWS, MN01TE_VERSIONS } from './layouts';

/** Folded title with the usual abbreviations, so that "Phổ cập giáo dục mầm non" meets "PCGD MN". */
export function titleKey(s: string): string {
  return ` ${foldText(s)} `
    .replace(/ pho cap giao duc /g, ' pcgd ')
    .replace(/ pho cap /g, ' pc ')
    .replace(/ xoa mu chu /g, ' xmc ')
    .replace(/ trung hoc co so /g, ' thcs ')
    .replace(/ giao duc mam non /g, ' gdmn ')
    .replace(/ mam non /g, ' mn ')
    .replace(/ co so vat chat /g, ' csvc ')
    .replace(/^ (bieu|mau|bieu mau) /, ' ')
    .trim();
}

/** A code as folded tokens ("TH-02" → "th 02"). */
function codeKey(code: string): string {
  return foldText(code);
}

const CODE_KEYS = FORM_LAYOUTS.map((l) => ({ layout: l, keys: [l.code, ...l.codeAliases].map(codeKey).filter((k) => k.length >= 4) }));
const TITLE_KEYS = FORM_LAYOUTS.map((l) => ({ layout: l, keys: [l.title, ...l.titleAliases].map(titleKey) }));

/** The file's name folded letter by letter (same length), for patterns that must give positions back. */
export function foldByChar(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    out += f.length === 1 ? f : ch.length === 1 ? '_' : f.slice(0, ch.length);
  }
  return out;
}

function baseName(file: string): string {
  const b = file.split(/[\\/]/).pop() ?? file;
  return b.replace(/\.(xlsx|xlsm|xls|htm|html|xml)$/i, '');
}

export interface Recognition {
  layout: FormLayout;
  score: number;
  evidence: ('code' | 'title' | 'sheet-name' | 'file-name' | 'structure')[];
  /** MN-01-TE: which of the two versions. */
  version?: '2026' | 'cu';
}

/** Shape checks: does the sheet look like this form (age columns, a unit row with numbers…)? */
function structure(sheet: SheetSnapshot, l: FormLayout): { ok: boolean; version?: '2026' | 'cu' } {
  if (l.code === 'MN-01-TE') {
    const v = mn01teVersion(sheet);
    return v ? { ok: true, version: v } : { ok: false };
  }
  if (l.matrix) {
    const m = l.matrix;
    let hits = 0;
    for (const { age, col } of m.ages) {
      const head = foldText(textOf(cellAt(sheet, `${col}${m.ageHeaderRow}`)));
      const by = cellAt(sheet, `${col}${m.birthYearRow}`);
      const byNum = typeof by === 'number' ? by : Number(textOf(by));
      if (new RegExp(`(^| )${age}( |$)`).test(head) || (Number.isInteger(byNum) && byNum > 1900 && byNum < 2100)) hits++;
    }
    return { ok: hits >= Math.ceil(m.ages.length / 2) };
  }
  if (l.kind === 'unit-row' && l.dataRow && l.unitCol) {
    const unit = cellAt(sheet, `${l.unitCol}${l.dataRow}`);
    const numbers = l.figures.filter((f) => f.kind === 'count' && /\d+$/.test(f.address) && readCount(sheet, f.address).value !== null).length;
    return { ok: !isBlankCell(unit) && numbers >= 2 };
  }
  if (l.kind === 'age-rows') {
    const a = cellAt(sheet, 'A9');
    const age = typeof a === 'number' ? a : Number(foldText(textOf(a)).replace(/[^0-9]/g, ''));
    return { ok: age === 15 && /cong/.test(foldText(textOf(cellAt(sheet, 'A57')))) };
  }
  if (l.kind === 'band-rows') return { ok: /15/.test(textOf(cellAt(sheet, 'A8'))) && /cong|15/.test(foldText(textOf(cellAt(sheet, 'A11')))) };
  return { ok: true };
}

/** MN-01-TE version from where its age headers sit (F…L in 2026, E…K in the older master). */
export function mn01teVersion(sheet: SheetSnapshot): '2026' | 'cu' | null {
  for (let r = 2; r <= 8; r++) {
    for (const v of MN01TE_VERSIONS) {
      let hits = 0;
      v.ageCols.forEach((c, age) => {
        const t = foldText(textOf(cellRC(sheet, r, columnIndex(c))));
        if (new RegExp(`(^| )${age}( tuoi|$)`).test(t)) hits++;
      });
      if (hits >= 5) return v.id;
    }
  }
  // No age header: look for the label rows in B (2026) or in A…D (older).
  const labels = textCells(sheet, 30, 6).map((c) => ({ ...c, f: foldText(c.text) }));
  const total = labels.find((c) => MN01TE_ROWS[0].match.some((g) => g.every((w) => c.f.includes(w))));
  if (!total) return null;
  return total.row + 1 === 6 ? '2026' : total.row + 1 === 7 ? 'cu' : null;
}

/** Best form for a sheet, or null. */
export function recogniseForm(sheet: SheetSnapshot, fileName: string): Recognition | null {
  const top = textCells(sheet, 9, 30).map((c) => ({ ...c, code: ` ${foldText(c.text)} `, title: titleKey(c.text) }));
  const sheetKey = foldText(sheet.name);
  const file = foldByChar(baseName(fileName));
  let best: Recognition | null = null;
  for (const l of FORM_LAYOUTS) {
    const evidence: Recognition['evidence'] = [];
    let score = 0;
    const codes = CODE_KEYS.find((x) => x.layout === l)!.keys;
    // A longer code that contains this one ("mn 01 tc dk" ⊃ "mn 01 tc") belongs to the other form.
    const longer = CODE_KEYS.filter((x) => x.layout !== l).flatMap((x) => x.keys).filter((k) => codes.some((c) => k !== c && k.startsWith(c)));
    const hasCode = (t: string) => codes.some((k) => t.includes(` ${k} `)) && !longer.some((k) => t.includes(` ${k} `));
    if (top.some((c) => hasCode(c.code))) {
      score += 5;
      evidence.push('code');
    }
    const titles = TITLE_KEYS.find((x) => x.layout === l)!.keys;
    if (top.some((c) => titles.includes(c.title))) {
      score += 4;
      evidence.push('title');
    } else if (top.some((c) => titles.some((t) => c.title.includes(t) && c.title.length <= t.length + 40 && !TITLE_KEYS.some((o) => o.layout !== l && o.keys.includes(c.title))))) {
      score += 2;
      evidence.push('title');
    }
    if (hasCode(` ${sheetKey} `) || codes.includes(sheetKey)) {
      score += 3;
      evidence.push('sheet-name');
    }
    if (l.fileNamePattern.test(file.replace(/[^a-z0-9]+/g, ' ').trim()) || l.fileNamePattern.test(file)) {
      score += 3;
      evidence.push('file-name');
    }
    if (score === 0) continue;
    const shape = structure(sheet, l);
    if (!shape.ok) continue;
    score += 2;
    evidence.push('structure');
    // A title alone (or a title and the shape) is not enough: our own summary sheets share titles.
    const named = evidence.includes('code') || evidence.includes('file-name') || evidence.includes('sheet-name');
    if (!named && !(evidence.includes('title') && l.kind !== 'staff' && score >= 6)) continue;
    const cand: Recognition = { layout: l, score, evidence, ...(shape.version ? { version: shape.version } : {}) };
    if (!best || cand.score > best.score) best = cand;
  }
  return best;
}

export type { FormCode };
