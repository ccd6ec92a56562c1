/**
 * Header matching (src/core/sheets/read.ts matchHeader) is invariant under what users do to headers:
 * no Vietnamese keyboard (diacritics dropped), CAPS, line breaks and doubled spaces inside the cell.
 * Every usual header and alias of every template is tried; arbitrary text never throws.
 */
import fc from 'fast-check';
import { matchHeader } from '../../src/core/sheets/read';
import { TEMPLATES } from '../../src/core/sheets/templates';

const unaccent = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const headers = [...new Set(TEMPLATES.flatMap((t) => t.fields.flatMap((f) => [f.header, ...(f.aliases ?? [])])))];

/** A spelling of `h` as found in real files. */
const spelling = (h: string) =>
  fc.record({ accents: fc.boolean(), caps: fc.constantFrom('same', 'upper', 'lower'), gaps: fc.array(fc.constantFrom(' ', '  ', '\n', ' \n '), { minLength: 8, maxLength: 8 }), pad: fc.boolean(), nfd: fc.boolean() }).map((o) => {
    let s = o.accents ? h : unaccent(h);
    if (o.caps === 'upper') s = s.toLocaleUpperCase('vi');
    if (o.caps === 'lower') s = s.toLocaleLowerCase('vi');
    let i = 0;
    s = s.replace(/ /g, () => o.gaps[i++ % o.gaps.length]);
    if (o.pad) s = `  ${s}\t`;
    return o.nfd ? s.normalize('NFD') : s;
  });

const key = (hits: { template: string; field: string }[]) => hits.map((h) => `${h.template}.${h.field}`).sort();

describe('matchHeader', () => {
  test(`every usual header and alias (${headers.length}) is recognised`, () => {
    const unknown = headers.filter((h) => matchHeader(h).length === 0);
    expect(unknown).toEqual([]);
  });

  test('same fields whatever the diacritics, case, spacing, line breaks and Unicode form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...headers).chain((h) => fc.tuple(fc.constant(h), spelling(h))),
        ([h, typed]) => {
          expect(key(matchHeader(typed))).toEqual(key(matchHeader(h)));
        },
      ),
      { numRuns: 600 },
    );
  });

  test('never throws on arbitrary cell text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('(%)', '((((', '[', '*', '', ' ', '(1)(2)(3)')), (s) => {
        expect(Array.isArray(matchHeader(s))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
