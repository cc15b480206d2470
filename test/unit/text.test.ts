import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  foldD,
  foldVietnamese,
  foldVietnameseByRule,
  foldVietnameseNoSpaces,
  normalizeText,
  slugify,
} from '../../src/model/text.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('normalizeText', () => {
  it('strips a BOM and turns CRLF and lone CR into LF', () => {
    expect(normalizeText('\uFEFFTỈNH ỦY TUYÊN QUANG\r\nBAN DÂN VẬN\rSố 234-CV/BDVTU')).toBe(
      'TỈNH ỦY TUYÊN QUANG\nBAN DÂN VẬN\nSố 234-CV/BDVTU',
    );
  });

  it('keeps a BOM that is not at the start', () => {
    expect(normalizeText('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('recomposes NFD text to NFC', () => {
    const decomposed = nfd('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre');
    expect(decomposed).not.toBe('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre');
    expect(normalizeText(decomposed)).toBe('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre');
  });

  it('turns no-break spaces into spaces and drops zero-width characters', () => {
    expect(normalizeText('Số\u00A0234-CV/BDVTU\u202Fngày\u2007 07')).toBe('Số 234-CV/BDVTU ngày  07');
    expect(normalizeText('Tuyên\u200B Quang\u200D\u2060')).toBe('Tuyên Quang');
  });
});

describe('foldVietnamese', () => {
  it('lower-cases, strips marks and folds đ', () => {
    expect(foldVietnamese('Đảng ủy Khối')).toBe('dang uy khoi');
    expect(foldVietnamese('Về công tác triển khai các biện pháp cấp bách phòng, chống dịch')).toBe(
      've cong tac trien khai cac bien phap cap bach phong, chong dich',
    );
  });

  it('folds upper case text', () => {
    expect(foldVietnamese('ĐẢNG BỘ TỈNH BẾN TRE')).toBe('dang bo tinh ben tre');
    expect(foldVietnamese('BAN CHẤP HÀNH TRUNG ƯƠNG')).toBe('ban chap hanh trung uong');
  });

  it('folds the look-alikes ð and Ð like đ and Đ', () => {
    expect(foldD('ðảng Ðảng')).toBe('dảng Dảng');
    expect(foldVietnamese('Ðảng ủy')).toBe('dang uy');
    expect(foldVietnamese('ðoàn thể')).toBe('doan the');
  });

  it('folds both tone placements and NFD input to the same string', () => {
    expect(foldVietnamese('Tỉnh uỷ')).toBe(foldVietnamese('Tỉnh ủy'));
    expect(foldVietnamese('Tỉnh uỷ')).toBe('tinh uy');
    expect(foldVietnamese(nfd('Hoà bình'))).toBe('hoa binh');
  });

  it('folds ơ, ư, ă, â, ê, ô to their base letters', () => {
    expect(foldVietnamese('ơ ư ă â ê ô Ơ Ư Ă Â Ê Ô')).toBe('o u a a e o o u a a e o');
  });

  it('gives the result of the rule for every character and for text in any script', () => {
    const every = Array.from({ length: 0x3000 }, (_, c) => String.fromCharCode(c));
    expect(every.map((ch) => foldVietnamese(ch))).toEqual(every.map((ch) => foldVietnameseByRule(ch)));
    const samples = [
      'ĐẢNG BỘ TỈNH BẾN TRE, ngày 07 tháng 3 năm 2024',
      nfd('Hoà bình – Độc lập'),
      'ÆØÅ ßẞ İstanbul ǅ ǈ',
      'a\tb\u00a0c\u2003d\u3000e\ufeff',
      'Ogham\u1680space',
      'ΟΔΥΣΣΕΥΣ',
      '\u1100\u1161\u11a8',
      '𝐀𝐁 \ud800 x',
      'Tỉnh uỷ\u200b “Khối” …',
      '',
    ];
    const noSpaces = (s: string) => foldVietnameseByRule(s).replace(/\s+/g, '');
    expect(every.map((ch) => foldVietnameseNoSpaces(ch))).toEqual(every.map(noSpaces));
    for (const s of samples) {
      expect(foldVietnamese(s)).toBe(foldVietnameseByRule(s));
      expect(foldVietnameseNoSpaces(s)).toBe(noSpaces(s));
    }
    // Random strings of Vietnamese letters, marks and the characters around them.
    const pool = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ  ,.-/\u0300\u0301\u0303\u0309\u0323ÀÁẢÃẠẦẤẨẪẬằắẳẵặ', 'Σ', 'İ'];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let k = 0; k < 2000; k++) {
      const s = Array.from({ length: 1 + rand(40) }, () => pool[rand(pool.length)]).join('');
      expect(foldVietnamese(s)).toBe(foldVietnameseByRule(s));
      expect(foldVietnameseNoSpaces(s)).toBe(noSpaces(s));
    }
  });
});

describe('slugify', () => {
  it('makes ASCII slugs of names and numbers', () => {
    expect(slugify('Ban Dân vận Tỉnh ủy Tuyên Quang')).toBe('ban-dan-van-tinh-uy-tuyen-quang');
    expect(slugify('234-CV/BDVTU')).toBe('234-cv-bdvtu');
    expect(slugify('30/2020/NĐ-CP')).toBe('30-2020-nd-cp');
    expect(slugify('554-CV/ĐUK')).toBe('554-cv-duk');
    expect(slugify('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre')).toBe('dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre');
  });

  it('collapses punctuation and trims dashes', () => {
    expect(slugify('  phòng, chống dịch Covid-19!  ')).toBe('phong-chong-dich-covid-19');
    expect(slugify('— “Dân biết - Dân hiểu” —')).toBe('dan-biet-dan-hieu');
    expect(slugify('!!!')).toBe('');
  });
});

describe('compareVietnamese', () => {
  it('sorts Đ right after D and before E', () => {
    const names = ['Em', 'Đức', 'Dung', 'Bến Tre', 'Đào', 'Danh', 'Ánh'];
    expect([...names].sort(compareVietnamese)).toEqual(['Ánh', 'Bến Tre', 'Danh', 'Dung', 'Đào', 'Đức', 'Em']);
  });

  it('sorts provinces the Vietnamese way, not by code point', () => {
    expect(['Đồng Nai', 'Tuyên Quang', 'Bến Tre', 'Điện Biên', 'Yên Bái'].sort(compareVietnamese)).toEqual([
      'Bến Tre',
      'Điện Biên',
      'Đồng Nai',
      'Tuyên Quang',
      'Yên Bái',
    ]);
    expect(compareVietnamese('Đ', 'Z')).toBeLessThan(0);
  });

  it('compares numbers numerically', () => {
    expect(['Tháng 10', 'Tháng 2', 'Tháng 1'].sort(compareVietnamese)).toEqual(['Tháng 1', 'Tháng 2', 'Tháng 10']);
  });
});
