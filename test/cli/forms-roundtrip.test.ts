/**
 * The forms written from a register, read back as an office would hand them in: the forms writer
 * (src/core/register/forms.ts) and the forms reader (src/core/pcgdForms) must agree on every cell,
 * so `report` on the written forms gives each commune the same counts, rates and levels as `report`
 * on the register itself, with no disagreement between the forms and no printed level "wrong".
 * (Found by this test: MN-01-TE's 5-year completion column and MN-02's 6-year-olds were compared as
 * one figure, and Xã Tân Lập's MN5 fell from Đạt to Không đạt once its forms were read back.)
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as forms } from '../../src/cli/commands/forms';
import { run as report } from '../../src/cli/commands/report';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';

const SAMPLES = path.join(__dirname, '..', '..', 'samples', 'registers');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-roundtrip-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Unit {
  ten_xa: string;
  programme: string;
  level: number | null;
  rates: Record<string, number>;
  inputs?: Record<string, number | null>;
}

/** Every phổ cập unit of a `report --json` answer, wherever the model nests it. */
function units(json: unknown): Map<string, Unit> {
  const out = new Map<string, Unit>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      const u = o as Partial<Unit>;
      if (typeof u.programme === 'string' && typeof u.ten_xa === 'string' && u.rates) out.set(`${u.ten_xa}|${u.programme}`, u as Unit);
      Object.values(o).forEach(walk);
    }
  };
  walk(json);
  return out;
}

async function reportJson(input: string, out: string) {
  const io = captureIO();
  const code = await report(parseArgs([input, '--json', '--out', out]), io);
  return { code, json: JSON.parse(io.stdout.join('\n')) as Record<string, unknown> };
}

test('report on the written forms gives every commune the register\'s counts, rates and levels', async () => {
  const io = captureIO();
  await forms(parseArgs([SAMPLES, '--out', path.join(dir, 'forms')]), io);

  const fromRegister = units((await reportJson(SAMPLES, path.join(dir, 'r1'))).json);
  const read = await reportJson(path.join(dir, 'forms'), path.join(dir, 'r2'));
  const fromForms = units(read.json);

  // Two communes × MN5, TH, THCS, XMC at least, from both paths.
  for (const commune of ['Phường Hòa Bình', 'Xã Tân Lập']) {
    for (const p of ['MN5', 'TH', 'THCS', 'XMC']) {
      const a = fromRegister.get(`${commune}|${p}`);
      const b = fromForms.get(`${commune}|${p}`);
      expect(a).toBeDefined();
      expect(b).toBeDefined();
      expect({ commune, p, level: b!.level }).toEqual({ commune, p, level: a!.level });
      for (const [id, v] of Object.entries(a!.rates)) expect({ commune, p, id, rate: b!.rates[id] }).toEqual({ commune, p, id, rate: v });
      // Every count behind the register's rates is printed on some form and read back unchanged.
      for (const [field, v] of Object.entries(a!.inputs ?? {})) {
        if (v === null || b!.inputs?.[field] === undefined) continue;
        expect({ commune, field, v: b!.inputs[field] }).toEqual({ commune, field, v });
      }
    }
  }
  // Hand check of the MN5 rate the bug changed: Xã Tân Lập's sample has 7 six-year-olds of the PPC,
  // all 7 finished the preschool programme (MN-02 J7/I7 = 7/7), and 9/9 five-year-olds attend.
  const tl = fromForms.get('Xã Tân Lập|MN5')!;
  expect(tl.inputs).toMatchObject({ tre_6t_mn: 7, tre_5t_hoan_thanh: 7, tre_5t: 9, tre_5t_ra_lop: 9 });
  expect(tl.rates.MN5_HOANTHANH).toBe(7 / 7);
  expect(tl.level).toBe(1);

  // The forms agree with each other and with their printed levels.
  const findings = JSON.stringify(read.json);
  expect(findings).not.toMatch(/bieu_pc_lech_bieu_khac|muc_do_in_sai|ty_le_in_sai|tong_khop/);
});
