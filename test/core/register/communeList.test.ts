/** A commune list (danh sách xã) gives each commune's ĐBKK status, and the output says it came from the list. */
import { buildCommune, parseCommuneList } from '../../../src/core/register/commune';
import { dbkkLookup } from '../../../src/cli/register';
import { DEFAULT_REGISTER_SETTINGS } from '../../../src/core/register/settings';

const settings = { ...DEFAULT_REGISTER_SETTINGS, thcsHocTiep: 'da-hoac-dang' as const };
const LIST = ['\uFEFFSTT;Tên xã;ĐBKK', '1;Xã Tân Lập;x', '2;Phường Hòa Bình;', '3;Xã Nậm Cang;Có', '4;Xã Bản Hồ;0', '', '5;;x'].join('\r\n');

const status = (name: string, lookup: ReturnType<typeof dbkkLookup>) => {
  const c = buildCommune({ name, nameSource: 'folder', files: [] }, settings, 60, lookup);
  return [c.dbkk, c.dbkkSource];
};

describe('commune list', () => {
  it('reads names and ĐBKK marks, skipping the header, the STT column and lines naming no commune', () => {
    const list = parseCommuneList(LIST);
    expect(list.communes).toBe(4);
    expect([...list.dbkk].sort()).toEqual(['nam cang', 'tan lap', 'xa nam cang', 'xa tan lap']);
    expect(list.known.has('phuong hoa binh') && list.known.has('hoa binh') && list.known.has('ban ho')).toBe(true);
  });

  it('a one-column list names the ĐBKK communes; codes work as names', () => {
    const list = parseCommuneList('Xã Tân Lập\n12345\n');
    expect(list.dbkk.has('tan lap') && list.dbkk.has('12345')).toBe(true);
  });

  it('status and its source: list yes, list no, not listed; the settings win over the list', () => {
    const list = parseCommuneList(LIST);
    const fromList = dbkkLookup({}, undefined, list);
    expect(status('Xã Tân Lập', fromList)).toEqual([true, 'list']);
    expect(status('Hòa Bình', fromList)).toEqual([false, 'list']);
    expect(status('Xã Khác', fromList)).toEqual([false, 'default']);
    const both = dbkkLookup({ dbkkXa: ['Phường Hòa Bình'] }, undefined, list);
    expect(status('Phường Hòa Bình', both)).toEqual([true, 'settings']);
    expect(status('Xã Nậm Cang', both)).toEqual([true, 'list']);
    expect(status('Xã Bản Hồ', both)).toEqual([false, 'list']);
  });
});
