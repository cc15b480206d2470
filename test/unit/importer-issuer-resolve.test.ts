import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameCase } from '../../src/importer/casing.ts';
import { joinIssuerLines, resolveIssuer } from '../../src/importer/issuer-resolve.ts';
import { provinceAtEnd } from '../../src/model/provinces.ts';
import { readRegistry } from '../../src/content/registry.ts';
import { parseNumber } from '../../src/model/numbers.ts';
import type { Registry } from '../../src/model/schema.ts';

const REAL = readRegistry(path.resolve(import.meta.dirname, '../../content/issuers.yaml')).registry!;
const EMPTY: Registry = { provinces: [], issuers: [] };
const resolve = (lines: string[], number: string, registry = EMPTY, authority?: string) => {
  const r = resolveIssuer({ issuerLines: lines, number: parseNumber(number)!, authority }, registry);
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('names', () => {
  it.each([
    ['BAN DÂN VẬN', 'Ban Dân vận'],
    ['ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH', 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh'],
    ['ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH', 'Ủy ban nhân dân tỉnh Nam Định'],
    ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Sở Giáo dục và Đào tạo'],
    ['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'Sở Lao động - Thương binh và Xã hội'],
    ['PHÓ TRƯỞNG BAN', 'Phó Trưởng ban'],
    ['THÀNH ỦY HÀ NỘI', 'Thành ủy Hà Nội'],
    ['BAN CHẤP HÀNH TRUNG ƯƠNG', 'Ban Chấp hành Trung ương'],
  ])('%s → %s', (caps, name) => expect(nameCase(caps)).toBe(name));
  it('joins names wrapped over lines, not separate bodies', () => {
    expect(joinIssuerLines(['ĐẢNG BỘ TỈNH BẾN TRE', 'ĐẢNG ỦY KHỐI', 'CƠ QUAN - DOANH NGHIỆP TỈNH'])).toEqual([
      'ĐẢNG BỘ TỈNH BẾN TRE',
      'ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH',
    ]);
    expect(joinIssuerLines(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NINH'])).toEqual(['ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH']);
    expect(joinIssuerLines(['TỈNH ỦY TUYÊN QUANG', 'BAN DÂN VẬN'])).toHaveLength(2);
  });
  it('finds a province name at the end of a header line', () => {
    expect(provinceAtEnd('SỞ Y TẾ NAM ĐỊNH')).toMatchObject({ rest: 'SỞ Y TẾ', province: { name: 'Nam Định' } });
    expect(provinceAtEnd('BÀ RỊA-VŨNG TÀU')?.province.name).toBe('Bà Rịa - Vũng Tàu');
    expect(provinceAtEnd('BAN DÂN VẬN')).toBeNull();
  });
});

describe('resolveIssuer', () => {
  it('matches the seeds to the existing registry, adding nothing', () => {
    const a = resolve(['TỈNH ỦY TUYÊN QUANG', 'BAN DÂN VẬN'], '234-CV/BDVTU', REAL);
    expect(a.issuer.id).toBe('ban-dan-van-tinh-uy-tuyen-quang');
    expect(a.additions).toEqual({ provinces: [], issuers: [] });
    const b = resolve(['ĐẢNG BỘ TỈNH BẾN TRE', 'ĐẢNG ỦY KHỐI', 'CƠ QUAN - DOANH NGHIỆP TỈNH'], '554-CV/ĐUK', REAL);
    expect(b.issuer.id).toBe('dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre');
    expect(b.additions.issuers).toEqual([]);
  });
  it('creates the body, its parent and its province in an empty registry, like the hand-written registry', () => {
    const r = resolve(['ĐẢNG BỘ TỈNH BẾN TRE', 'ĐẢNG ỦY KHỐI', 'CƠ QUAN - DOANH NGHIỆP TỈNH'], '554-CV/ĐUK');
    const byId = new Map(REAL.issuers.map((i) => [i.id, i]));
    expect(r.additions.provinces).toEqual([{ id: 'ben-tre', name: 'Bến Tre' }]);
    for (const created of r.additions.issuers) expect(created).toEqual(byId.get(created.id));
  });
  it('State: Sở under UBND tỉnh, code from the number', () => {
    const r = resolve(['UBND TỈNH NAM ĐỊNH', 'SỞ Y TẾ'], '2345/SYT-NVY');
    expect(r.issuer).toMatchObject({
      id: 'so-y-te-tinh-nam-dinh',
      name: 'Sở Y tế tỉnh Nam Định',
      code: 'SYT',
      family: 'state',
      level: 'province',
      province: 'nam-dinh',
      parent: 'uy-ban-nhan-dan-tinh-nam-dinh',
    });
    expect(r.additions.issuers.map((i) => i.id)).toEqual(['uy-ban-nhan-dan-tinh-nam-dinh', 'so-y-te-tinh-nam-dinh']);
  });
  it('State: a single line naming its province', () => {
    expect(resolve(['SỞ Y TẾ NAM ĐỊNH'], '12/SYT-NVY').issuer).toMatchObject({ name: 'Sở Y tế tỉnh Nam Định', province: 'nam-dinh' });
  });
  it('district party committee under its province', () => {
    const r = resolve(['ĐẢNG BỘ TỈNH TUYÊN QUANG', 'HUYỆN ỦY YÊN SƠN'], '120-TB/HU', REAL);
    expect(r.issuer).toMatchObject({
      name: 'Huyện ủy Yên Sơn',
      level: 'district',
      locality: 'Yên Sơn',
      province: 'tuyen-quang',
      parent: 'tinh-uy-tuyen-quang',
      code: 'HU',
    });
    expect(r.additions.provinces).toEqual([]);
  });
  it('a Central Committee header signed T/M Bộ Chính trị is a Politburo document', () => {
    expect(resolve(['BAN CHẤP HÀNH TRUNG ƯƠNG'], '99-QĐ/TW', REAL, 'T/M Bộ Chính trị').issuer.id).toBe('bo-chinh-tri');
    expect(resolve(['BAN CHẤP HÀNH TRUNG ƯƠNG', 'BAN DÂN VẬN'], '05-HD/BDVTW', REAL).issuer.id).toBe('ban-dan-van-trung-uong');
  });
  it('province names match however they are spelled', () => {
    const reg: Registry = { provinces: [{ id: 'thanh-hoa', name: 'Thanh Hoá' }], issuers: [] };
    expect(resolve(['TỈNH ỦY THANH HOÁ', 'BAN TUYÊN GIÁO'], '1-CV/BTGTU', reg).additions.provinces).toEqual([]);
  });
  it('refuses a number whose issuer code contradicts the registry, and a body with no province', () => {
    const r = resolveIssuer({ issuerLines: ['TỈNH ỦY TUYÊN QUANG', 'BAN DÂN VẬN'], number: parseNumber('1-CV/BTGTU')! }, REAL);
    expect(r.ok).toBe(false); // Ban Dân vận is in the registry with code BDVTU
    const bad = resolveIssuer({ issuerLines: ['TỈNH ỦY TUYÊN QUANG'], number: parseNumber('1-CV/BDVTU')! }, REAL);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/mã cơ quan "BDVTU"/);
    const none = resolveIssuer({ issuerLines: ['BAN DÂN VẬN'], number: parseNumber('1-CV/BDVTU')! }, EMPTY);
    expect(none.ok).toBe(false);
  });
});

describe('same-named bodies in different provinces', () => {
  it('keeps Huyện ủy Châu Thành of Quảng Ngãi and of Bến Tre apart', () => {
    const qn = resolve(['ĐẢNG BỘ TỈNH QUẢNG NGÃI', 'HUYỆN ỦY CHÂU THÀNH'], '45-KH/HU');
    const reg: Registry = { provinces: qn.additions.provinces, issuers: qn.additions.issuers };
    const bt = resolve(['ĐẢNG BỘ TỈNH BẾN TRE', 'HUYỆN ỦY CHÂU THÀNH'], '12-KH/HU', reg);
    expect(qn.issuer).toMatchObject({ id: 'huyen-uy-chau-thanh', province: 'quang-ngai' });
    expect(bt.issuer).toMatchObject({ id: 'huyen-uy-chau-thanh-ben-tre', province: 'ben-tre', locality: 'Châu Thành' });
    // And the same body again is found, not created twice.
    const again = resolve(['ĐẢNG BỘ TỈNH BẾN TRE', 'HUYỆN ỦY CHÂU THÀNH'], '13-KH/HU', {
      provinces: [...reg.provinces, ...bt.additions.provinces],
      issuers: [...reg.issuers, ...bt.additions.issuers],
    });
    expect(again.issuer.id).toBe('huyen-uy-chau-thanh-ben-tre');
    expect(again.additions.issuers).toEqual([]);
  });
});
