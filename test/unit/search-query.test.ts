/** How a query is read (typing leftovers, numbers, abbreviations, pairs) and how results are ordered. */
import { describe, expect, test } from 'vitest';
import { pairTokens, syllableRuns } from '../../src/search/syllables.ts';
import { repairTyping } from '../../src/search/typing.ts';
import { MAX_PAIRS, planQuery } from '../../src/search/query-plan.ts';
import { issuerMatch, nameSyllables, rankByPairs } from '../../src/search/rank.ts';

const PROVINCES = ['Tuyên Quang', 'Bến Tre', 'Lạng Sơn', 'Hà Nội', 'Bình Thuận'];

describe('pair tokens', () => {
  test('every two adjacent syllables, folded, once; a sentence end or a number breaks a phrase, a comma does not', () => {
    expect(pairTokens('Ban Dân vận Tỉnh ủy')).toEqual(['bandan', 'danvan', 'vantinh', 'tinhuy']);
    expect(pairTokens('phòng, chống dịch. Đảng ủy Khối')).toEqual(['phongchong', 'chongdich', 'danguy', 'uykhoi']);
    expect(pairTokens('năm 2022 Ban Dân vận năm 2022')).toEqual(['bandan', 'danvan', 'vannam']);
    expect(syllableRuns('Kế hoạch số 594 của Ban Dân vận')).toEqual([
      ['ke', 'hoach', 'so'],
      ['cua', 'ban', 'dan', 'van'],
    ]);
  });
});

describe('typing leftovers', () => {
  test('VNI digits and Telex letters are taken off a word that becomes a syllable', () => {
    const cases: [string, string][] = [
      ['dang3', 'dang'],
      ['nghe2o', 'ngheo'],
      ['d9a6ng', 'dang'],
      ['ddangr', 'dang'],
      ['uyr', 'uy'],
      ['khoois', 'khoi'],
      ['phofng', 'phong'],
      ['nguwowif', 'nguoi'],
    ];
    for (const [typed, meant] of cases) expect(repairTyping(typed), typed).toBe(meant);
  });
  test('codes, numbers, syllables and foreign words are left alone', () => {
    for (const w of ['UBND', 'KH594', '594kh', 'tu', 'TU', 'duk', 'covid', 'Đảng', 'dang', '2021', 'hdnd'])
      expect(repairTyping(w), w).toBe(w);
  });
});

describe('reading a query', () => {
  test('numbers in any order or spelling become the index tokens', () => {
    expect(planQuery('kh 594').terms).toBe('594kh');
    expect(planQuery('KH594').terms).toBe('594kh');
    expect(planQuery('594kh').terms).toBe('594kh');
    expect(planQuery('594 kh ubnd').terms).toBe('594kh 594ubnd');
    expect(planQuery('số 594').terms).toBe('594');
    expect(planQuery('kế hoạch số 594').terms).toBe('594kh');
    expect(planQuery('nq 18 hdnd').terms).toBe('18nq 18hdnd');
    expect(planQuery('594/KH-UBND').terms).toBe('594khubnd');
    expect(planQuery('Số 594/KH-UBND').terms).toBe('594khubnd');
    expect(planQuery('nghị quyết 18/2025').terms).toBe('nghị quyết 182025');
    expect(planQuery('01-CT/TU').isNumber).toBe(true);
    // A year or a count is no document number.
    expect(planQuery('dân vận năm 2022')).toMatchObject({ terms: 'dân vận năm 2022', isNumber: false });
  });
  test('abbreviations of bodies are spelled out; a syllable-like one only in capitals; province initials when unique', () => {
    expect(planQuery('UBND tỉnh Lạng Sơn').terms).toBe('Ủy ban nhân dân tỉnh Lạng Sơn');
    expect(planQuery('ubnd lang son').terms).toBe('Ủy ban nhân dân lang son');
    expect(planQuery('TU Yên Bái').terms).toBe('Tỉnh ủy Yên Bái');
    expect(planQuery('kinh tế tu nhân').terms).toBe('kinh tế tu nhân');
    expect(planQuery('Tỉnh ủy TQ', PROVINCES).terms).toBe('Tỉnh ủy Tuyên Quang');
    // BT is Bến Tre and Bình Thuận: left as typed.
    expect(planQuery('Tỉnh ủy BT', PROVINCES).terms).toBe('Tỉnh ủy BT');
  });
  test('pairs of the query, and of a quoted phrase required; NFD and typing leftovers read like the intended words', () => {
    expect(planQuery('dang uy khoi')).toMatchObject({ pairs: ['danguy', 'uykhoi'], required: [] });
    expect(planQuery('"phòng, chống dịch" tuyên quang')).toMatchObject({
      terms: 'phòng, chống dịch tuyên quang',
      required: ['phongchong', 'chongdich'],
    });
    expect(planQuery('Đảng ủy Khối'.normalize('NFD')).pairs).toEqual(['danguy', 'uykhoi']);
    expect(planQuery('ddangr uyr khoois').terms).toBe('dang uy khoi');
    // A pasted paragraph does not make a search per pair.
    expect(
      planQuery('về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác nắm bắt định hướng dư luận xã hội').pairs,
    ).toHaveLength(MAX_PAIRS);
  });
});

describe('ordering', () => {
  const base = [
    { id: 'scattered', score: 3 },
    { id: 'adjacent', score: 1 },
    { id: 'half', score: 2 },
  ];
  test('more adjacent pairs first, then the summed score; a quoted phrase keeps only results with all its pairs', () => {
    const p1 = new Map([
      ['adjacent', 0.5],
      ['half', 0.5],
    ]);
    const p2 = new Map([['adjacent', 0.5]]);
    expect(rankByPairs(base, [p1, p2]).map((r) => r.id)).toEqual(['adjacent', 'half', 'scattered']);
    expect(rankByPairs(base, [], [p1, p2]).map((r) => r.id)).toEqual(['adjacent']);
    // A phrase no result has in its title or names may be in a body: nothing is left out then.
    expect(rankByPairs(base, [], [new Map()]).map((r) => r.id)).toEqual(['scattered', 'half', 'adjacent']);
    expect(rankByPairs(base, []).map((r) => r.id)).toEqual(['scattered', 'half', 'adjacent']);
  });
  test('a query naming a body in full beats one naming a shorter body inside it; a start of the name matches weakly', () => {
    const q = nameSyllables('ban dan van tinh uy tuyen quang', PROVINCES);
    const ban = issuerMatch(nameSyllables('Ban Dân vận Tỉnh ủy Tuyên Quang', PROVINCES), q);
    const tu = issuerMatch(nameSyllables('Tỉnh ủy Tuyên Quang', PROVINCES), q);
    expect(ban).toBeGreaterThan(tu);
    expect(tu).toBeGreaterThan(2);
    const duk = nameSyllables('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre', PROVINCES);
    expect(issuerMatch(duk, nameSyllables('dang uy khoi ben tre', PROVINCES))).toBe(1);
    expect(issuerMatch(duk, nameSyllables('dang uy khoi', PROVINCES))).toBe(2);
    // Words of a name in a row beat the same words with others between them.
    const q2 = nameSyllables('DANG UY KHOI CO QUAN', PROVINCES);
    expect(issuerMatch(duk, q2)).toBeGreaterThan(issuerMatch(nameSyllables('Đảng ủy Khối các cơ quan tỉnh Nghệ An', PROVINCES), q2));
    // Two words inside a name that do not start it are a subject, not a body (`dân vận` in `Ban Dân vận …`).
    expect(issuerMatch(nameSyllables('Ban Dân vận Tỉnh ủy Tuyên Quang', PROVINCES), ['dan', 'van'])).toBe(0);
    // `tỉnh` before a province may be left out.
    expect(
      issuerMatch(nameSyllables('Ủy ban nhân dân tỉnh Lạng Sơn', PROVINCES), nameSyllables('uy ban nhan dan lang son', PROVINCES)),
    ).toBeGreaterThan(2);
  });
});
