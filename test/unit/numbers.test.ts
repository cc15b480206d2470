import { describe, expect, it } from 'vitest';
import { numberKey, numberSearchTokens, parseNumber, rewriteNumberQuery, seqKey, type ParsedNumber } from '../../src/model/numbers.ts';

const parsed = (s: string): ParsedNumber => {
  const p = parseNumber(s);
  if (!p) throw new Error(`expected "${s}" to parse`);
  return p;
};

describe('parseNumber', () => {
  it('reads a Party number with its "Số" prefix', () => {
    expect(parseNumber('Số 234-CV/BDVTU')).toEqual({
      raw: '234-CV/BDVTU',
      family: 'party',
      form: 'party',
      seq: '234',
      typeCode: 'CV',
      issuerCode: 'BDVTU',
      unit: null,
      year: null,
    });
  });

  it('reads Party numbers with Vietnamese capitals and mixed-case codes', () => {
    expect(parseNumber('554-CV/ĐUK')).toMatchObject({ family: 'party', seq: '554', typeCode: 'CV', issuerCode: 'ĐUK' });
    expect(parseNumber('21-CTr/TU')).toMatchObject({ family: 'party', seq: '21', typeCode: 'CTr', issuerCode: 'TU' });
    expect(parseNumber('05-NQ/TW')).toMatchObject({ family: 'party', seq: '05', typeCode: 'NQ', issuerCode: 'TW' });
  });

  it('reads a State công văn (no type code) with its sub-unit', () => {
    expect(parseNumber('Số: 2345/UBND-VX')).toEqual({
      raw: '2345/UBND-VX',
      family: 'state',
      form: 'state',
      seq: '2345',
      typeCode: null,
      issuerCode: 'UBND',
      unit: 'VX',
      year: null,
    });
    expect(parseNumber('2345/UBND')).toMatchObject({ typeCode: null, issuerCode: 'UBND', unit: null });
  });

  it('reads State numbers with a type code', () => {
    expect(parseNumber('12/KH-UBND')).toEqual({
      raw: '12/KH-UBND',
      family: 'state',
      form: 'state',
      seq: '12',
      typeCode: 'KH',
      issuerCode: 'UBND',
      unit: null,
      year: null,
    });
    expect(parseNumber('16/CT-TTg')).toMatchObject({ family: 'state', form: 'state', seq: '16', typeCode: 'CT', issuerCode: 'TTg' });
  });

  it('reads a legal document number with its year', () => {
    expect(parseNumber('30/2020/NĐ-CP')).toEqual({
      raw: '30/2020/NĐ-CP',
      family: 'state',
      form: 'legal',
      seq: '30',
      typeCode: 'NĐ',
      issuerCode: 'CP',
      unit: null,
      year: 2020,
    });
  });

  it('accepts spaces around the separators', () => {
    expect(parseNumber('  Số:  234 - CV / BDVTU ')).toMatchObject({ seq: '234', typeCode: 'CV', issuerCode: 'BDVTU' });
    expect(parseNumber('12 / KH - UBND')).toMatchObject({ seq: '12', typeCode: 'KH', issuerCode: 'UBND' });
    expect(parseNumber('30 / 2020 / NĐ - CP')).toMatchObject({ form: 'legal', year: 2020, typeCode: 'NĐ', issuerCode: 'CP' });
  });

  it('recomposes NFD input', () => {
    expect(parseNumber('554-CV/ĐUK'.normalize('NFD'))).toMatchObject({ issuerCode: 'ĐUK' });
    expect(parseNumber('Số 30/2020/NĐ-CP'.normalize('NFD'))).toMatchObject({ typeCode: 'NĐ' });
  });

  it.each(['', '   ', 'Số', 'abc', '234', 'CV/BDVTU', '234-CV', '234-CV/', '/KH-UBND', 'công văn số 234', '234_CV_BDVTU', '123456-CV/TU'])(
    'refuses %j',
    (s) => {
      expect(parseNumber(s)).toBeNull();
    },
  );
});

describe('numberKey', () => {
  it('ignores leading zeros in the serial number', () => {
    expect(numberKey(parsed('01-CT/TU'))).toBe(numberKey(parsed('1-CT/TU')));
    expect(numberKey(parsed('01-CT/TU'))).toBe('1||CT|TU|');
  });

  it('ignores spacing, case and Đ/D in codes', () => {
    expect(numberKey(parsed('Số 234 - CV / BDVTU'))).toBe(numberKey(parsed('234-CV/BDVTU')));
    expect(numberKey(parsed('21-CTR/TU'))).toBe(numberKey(parsed('21-CTr/TU')));
    expect(numberKey(parsed('554-CV/DUK'))).toBe(numberKey(parsed('554-CV/ĐUK')));
    expect(numberKey(parsed('30/2020/ND-CP'))).toBe(numberKey(parsed('30/2020/NĐ-CP')));
  });

  it('tells different numbers apart', () => {
    expect(numberKey(parsed('234-CV/BDVTU'))).not.toBe(numberKey(parsed('235-CV/BDVTU')));
    expect(numberKey(parsed('12/KH-UBND'))).not.toBe(numberKey(parsed('12/CT-UBND')));
    expect(numberKey(parsed('30/2020/NĐ-CP'))).not.toBe(numberKey(parsed('30/2021/NĐ-CP')));
    expect(numberKey(parsed('2345/UBND-VX'))).not.toBe(numberKey(parsed('2345/UBND-KT')));
  });

  it('seqKey drops leading zeros but keeps a lone zero', () => {
    expect(seqKey('007')).toBe('7');
    expect(seqKey('0')).toBe('0');
    expect(seqKey('12A')).toBe('12a');
  });
});

describe('numberSearchTokens', () => {
  it('gives full, number+issuer and number+type tokens for a Party number', () => {
    expect(numberSearchTokens(parsed('234-CV/BDVTU'))).toEqual(['234cvbdvtu', '234bdvtu', '234cv']);
    expect(numberSearchTokens(parsed('554-CV/ĐUK'))).toEqual(['554cvduk', '554duk', '554cv']);
  });

  it('drops leading zeros so 1-CT/TU finds 01-CT/TU', () => {
    expect(numberSearchTokens(parsed('01-CT/TU'))).toEqual(numberSearchTokens(parsed('1-CT/TU')));
    expect(numberSearchTokens(parsed('01-CT/TU'))).toContain('1cttu');
  });

  it('covers State and legal forms without duplicates', () => {
    expect(numberSearchTokens(parsed('2345/UBND-VX'))).toEqual(['2345ubndvx', '2345ubnd']);
    expect(numberSearchTokens(parsed('12/KH-UBND'))).toEqual(['12khubnd', '12ubnd', '12kh']);
    expect(numberSearchTokens(parsed('30/2020/NĐ-CP'))).toEqual(['302020ndcp', '30cp', '30nd']);
    for (const n of ['234-CV/BDVTU', '2345/UBND-VX', '2345/UBND', '30/2020/NĐ-CP']) {
      const tokens = numberSearchTokens(parsed(n));
      expect(new Set(tokens).size).toBe(tokens.length);
      for (const t of tokens) expect(t).toMatch(/^[a-z0-9]+$/);
    }
  });
});

describe('rewriteNumberQuery', () => {
  it('rewrites a full number to its search token', () => {
    expect(rewriteNumberQuery('234-CV/BDVTU')).toBe('234cvbdvtu');
    expect(rewriteNumberQuery('công văn 234-CV/BDVTU')).toBe('công văn 234cvbdvtu');
  });

  it('rewrites partial forms to the tokens the index holds', () => {
    const tokens = numberSearchTokens(parsed('234-CV/BDVTU'));
    for (const q of ['234-CV/BDVTU', '234/BDVTU', '234 CV', '234CV', '234 cv']) {
      expect(tokens).toContain(rewriteNumberQuery(q));
    }
    expect(rewriteNumberQuery('234/BDVTU')).toBe('234bdvtu');
    expect(rewriteNumberQuery('234 CV')).toBe('234cv');
  });

  it('rewrites State and legal numbers and drops leading zeros', () => {
    expect(rewriteNumberQuery('2345/UBND-VX')).toBe('2345ubndvx');
    expect(rewriteNumberQuery('30/2020/NĐ-CP')).toBe('302020ndcp');
    expect(rewriteNumberQuery('chỉ thị 16/CT-TTg')).toBe('chỉ thị 16ctttg');
    expect(rewriteNumberQuery('01-CT/TU')).toBe(rewriteNumberQuery('1-CT/TU'));
  });

  it.each(['năm 2021', 'phòng chống dịch', 'ngày 7 tháng 9 năm 2021', 'Covid 19', '2021 năm', 'chỉ thị 16 của thủ tướng', 'Tuyên Quang'])(
    'leaves ordinary words and years alone: %j',
    (q) => {
      expect(rewriteNumberQuery(q)).toBe(q);
    },
  );
});
