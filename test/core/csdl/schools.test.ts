/** The CSDL school list (REAL-FORMS §4.4): read, checked, and used as the cross-check's master list. */
import { createCrossCheck } from '../../../src/core/crosscheck';
import { schoolsOfCommune } from '../../../src/core/csdl';
import { checkSnapshot } from '../../../src/core/rules';
import { toSnapshot } from '../../fixtures/builder';
import type { CellValue } from '../../../src/core/types';
import { submission } from '../crosscheck/builder';

const HEAD = ['MA_TRUONG *', 'TEN_TRUONG_HOC *', 'MA_DON_VI *', 'CAP_HOC *', 'TRANG_THAI *', 'LOAI_HINH_DAO_TAO *', 'LOAI_HINH_TRUONG *', 'DIA_CHI', 'MA_TO_THON ', 'MA_XA_PHUONG *', 'MA_QUAN_HUYEN *', 'MA_TINH_THANH *', 'CHUAN_QUOC_GIA *'];

function list(rows: CellValue[][]) {
  return toSnapshot('19_Danh_sach_truong_hoc_23062025.xlsx', [{
    name: 'Danh sách trường',
    rows: [[], ['TEMPLATE IMPORT TRƯỜNG HỌC'], [], HEAD, ...rows],
    merges: ['A2:W2'],
  }]);
}

describe('CSDL school list', () => {
  const snap = list([
    ['1917201010', 'Cơ sở GDMN độc lập Doreamon Phổ Yên', 172, 45, 1.0, 2.0, 11.0, 'Phường Ba Hàng - thành phố Phổ Yên, tỉnh Thái Nguyên', null, '05860', 172, 19, 0.0],
    ['T001', 'Trường TH Kim Đồng', 172, 2, 1, 1, 1, null, null, 'X01', 172, 19, 1],
    ['T002', 'Trường THCS Lê Lợi', 172, 3, 1, 1, 1, null, null, 'X01', 172, 19, 0],
    ['T002', 'Trường THCS Lê Lợi (bản sao)', 172, 3, 1, 1, 1, null, null, 'X01', 172, 19, 0],
    ['T009', 'Trường TH Không Xã', 172, 2, 1, 1, 1, null, null, null, 172, 19, 0],
  ]);
  const { parsed, findings } = checkSnapshot(snap, { fileName: snap.fileName });

  it('is recognised with its codes kept as text (leading zeros of the commune code too)', () => {
    expect(parsed.systemSheets).toEqual([{ sheetName: 'Danh sách trường', template: 'CSDL-DS-TRUONG', rows: 4, confidence: 'SEEN-REAL' }]);
    const l = parsed.schoolLists![0];
    expect(l.entries[0]).toMatchObject({ ma_truong: '1917201010', cap_hoc: '45', loai_hinh_truong: '11', ma_xa: '05860', cell: 'A5' });
    expect(schoolsOfCommune(l, '5860').map((e) => e.ma_truong)).toEqual(['1917201010']);
    expect(schoolsOfCommune(l, 'X01').map((e) => e.ma_truong)).toEqual(['T001', 'T002']);
  });

  it('a code twice and a school without a commune are findings', () => {
    expect(findings.filter((f) => f.rule === 'trung_ma').map((f) => f.cells)).toEqual([['A8']]);
    expect(findings.filter((f) => f.rule === 'ds_truong_thieu_ma_xa').map((f) => f.cells)).toEqual([['J9']]);
    expect(findings.filter((f) => f.rule === 'khong_co_bieu_mau')).toEqual([]);
  });

  it('as the master: the schools that did not submit are named', () => {
    const cc = createCrossCheck(parsed, { validate: false });
    cc.addSubmission(submission('t001.xlsx', 'T001'));
    const res = cc.finish();
    expect(res.completeness.missing.map((m) => m.code).sort()).toEqual(['1917201010', 'T002', 'T009']);
  });
});
