import { describe, expect, it } from 'vitest';
import { toLines } from '../../src/importer/input.ts';
import { findTailStart, isOffice, looksLikeName, parseTail, readAuthority } from '../../src/importer/signing.ts';

const tail = (text: string) => {
  const lines = toLines(text);
  return parseTail(lines, findTailStart(lines, 0));
};

describe('signing parts', () => {
  it.each([
    ['K/T TRƯỞNG BAN', 'K/T Trưởng ban'],
    ['T/M BAN THƯỜNG VỤ', 'T/M Ban Thường vụ'],
    ['KT. CHỦ TỊCH', 'KT. Chủ tịch'],
    ['TM. ỦY BAN NHÂN DÂN', 'TM. Ủy ban nhân dân'],
    ['T/L BAN THƯỜNG VỤ', 'T/L Ban Thường vụ'],
    ['T/M BỘ CHÍNH TRỊ', 'T/M Bộ Chính trị'],
    ['TL. CHỦ TỊCH', 'TL. Chủ tịch'],
  ])('authority %s', (line, out) => expect(readAuthority(line)).toBe(out));
  it('body sentences are not authorities, offices or names', () => {
    expect(readAuthority('KT. Chủ tịch đã ký')).toBeNull();
    expect(readAuthority('TMĐT PHÁT TRIỂN')).toBeNull();
    expect(isOffice('PHÓ TRƯỞNG BAN')).toBe(true);
    expect(isOffice('Phó Trưởng ban')).toBe(false);
    expect(looksLikeName('Vương Thúy Hằng')).toBe(true);
    expect(looksLikeName('đảng ủy trực thuộc Tỉnh ủy,')).toBe(false);
  });
});

describe('parseTail', () => {
  it('Nơi nhận then a signing block wrapped in ** (seed 002)', () => {
    const r = tail(
      'Ban Dân vận Tỉnh ủy đề nghị thực hiện.\n\nNơi nhận:\n\n- Như trên,\n- Ban Dân vận TW Đảng (B/c),\n- Lưu VT.\n\n**K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN**\n\n\n\nVương Thúy Hằng',
    );
    expect(r.distribution).toEqual(['Như trên', 'Ban Dân vận TW Đảng (B/c)', 'Lưu VT']);
    expect(r.signer).toEqual({ name: 'Vương Thúy Hằng', title: 'Phó Trưởng ban', authority: 'K/T Trưởng ban' });
    expect(r.leftovers).toEqual([]);
  });
  it('signing first, then Nơi nhận; two authority lines', () => {
    const r = tail('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Thị Hạnh\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, VX.');
    expect(r.signer).toEqual({ name: 'Nguyễn Thị Hạnh', title: 'Phó Chủ tịch', authority: 'TM. Ủy ban nhân dân, KT. Chủ tịch' });
    expect(r.distribution).toEqual(['Như trên', 'Lưu: VT, VX']);
  });
  it('two flattened columns: Nơi nhận on the left, signing on the right', () => {
    const r = tail(
      'Nơi nhận:                       KT. GIÁM ĐỐC\n- Như trên;                      PHÓ GIÁM ĐỐC\n- UBND tỉnh (để b/c);\n- Lưu: VT, NVY.\n\n                                Trần Văn Bình',
    );
    expect(r.signer).toEqual({ name: 'Trần Văn Bình', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' });
    expect(r.distribution).toEqual(['Như trên', 'UBND tỉnh (để b/c)', 'Lưu: VT, NVY']);
  });
  it('a head signing in his own name (no authority), name in capitals', () => {
    const lines = toLines('Đề nghị các trường thực hiện.\n\nGIÁM ĐỐC\n\nLÊ MINH ĐỨC');
    const start = findTailStart(lines, 0);
    expect(start).toBe(2);
    expect(parseTail(lines, start).signer).toEqual({ name: 'Lê Minh Đức', title: 'Giám đốc' });
  });
  it('keeps lines it cannot place; `(Đã ký)` is part of the signing block', () => {
    const r = tail('T/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nĐoàn Hồng Phong\nGhi chú của người sao chép');
    expect(r.signer?.name).toBe('Đoàn Hồng Phong');
    expect(r.leftovers).toEqual([{ n: 5, text: 'Ghi chú của người sao chép' }]);
  });
});
