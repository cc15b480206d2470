import { describe, expect, it } from 'vitest';
import { formatShortDate, formatVietnameseDate, isValidDate, parseIsoDate, parseVietnameseDate, toIso } from '../../src/model/dates.ts';

describe('parseVietnameseDate', () => {
  it('reads the printed form', () => {
    expect(parseVietnameseDate('ngày 07 tháng 9 năm 2021')).toEqual({ year: 2021, month: 9, day: 7 });
    expect(parseVietnameseDate('ngày 1 tháng 12 năm 2021')).toEqual({ year: 2021, month: 12, day: 1 });
  });

  it('finds the date inside the place-and-date line, in any case and in NFD', () => {
    expect(parseVietnameseDate('Tuyên Quang, ngày 07 tháng 9 năm 2021')).toEqual({ year: 2021, month: 9, day: 7 });
    expect(parseVietnameseDate('Bến Tre, NGÀY 07 THÁNG 3 NĂM 2022')).toEqual({ year: 2022, month: 3, day: 7 });
    expect(parseVietnameseDate('Bến Tre, ngày 07 tháng 3 năm 2022'.normalize('NFD'))).toEqual({ year: 2022, month: 3, day: 7 });
    expect(parseVietnameseDate('7 tháng 3 năm 2022')).toEqual({ year: 2022, month: 3, day: 7 });
  });

  it('reads numeric dates with / - and .', () => {
    expect(parseVietnameseDate('24/8/2021')).toEqual({ year: 2021, month: 8, day: 24 });
    expect(parseVietnameseDate('01-10-1997')).toEqual({ year: 1997, month: 10, day: 1 });
    expect(parseVietnameseDate('5.3.2020')).toEqual({ year: 2020, month: 3, day: 5 });
    expect(parseVietnameseDate('Văn bản số 635-CV/TU ngày 24/8/2021 của Ban Thường vụ')).toEqual({ year: 2021, month: 8, day: 24 });
  });

  it('refuses impossible dates and text without a date', () => {
    expect(parseVietnameseDate('30/02/2021')).toBeNull();
    expect(parseVietnameseDate('ngày 31 tháng 4 năm 2021')).toBeNull();
    expect(parseVietnameseDate('29/02/2023')).toBeNull();
    expect(parseVietnameseDate('24/13/2021')).toBeNull();
    expect(parseVietnameseDate('không có ngày tháng')).toBeNull();
    expect(parseVietnameseDate('24/8-2021')).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseVietnameseDate('29/02/2024')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('parseIsoDate', () => {
  it('reads YYYY-MM-DD', () => {
    expect(parseIsoDate('2021-09-07')).toEqual({ year: 2021, month: 9, day: 7 });
    expect(parseIsoDate(' 2022-03-07 ')).toEqual({ year: 2022, month: 3, day: 7 });
  });

  it('refuses malformed and impossible dates', () => {
    for (const s of ['2021-02-30', '2021-9-7', '07/09/2021', '2021-13-01', '2021-00-10', '', '1900-01-01']) {
      expect(parseIsoDate(s), s).toBeNull();
    }
  });

  it('round-trips with toIso', () => {
    expect(toIso({ year: 2021, month: 9, day: 7 })).toBe('2021-09-07');
    expect(toIso(parseIsoDate('2024-02-29')!)).toBe('2024-02-29');
    expect(isValidDate({ year: 2021, month: 2, day: 29 })).toBe(false);
  });
});

describe('formatVietnameseDate', () => {
  it('puts a leading zero on days below 10', () => {
    expect(formatVietnameseDate('2021-09-07')).toBe('ngày 07 tháng 9 năm 2021');
    expect(formatVietnameseDate('2021-12-01')).toBe('ngày 01 tháng 12 năm 2021');
    expect(formatVietnameseDate('2021-10-10')).toBe('ngày 10 tháng 10 năm 2021');
  });

  it('puts a leading zero on months 1 and 2 only', () => {
    expect(formatVietnameseDate('2021-01-15')).toBe('ngày 15 tháng 01 năm 2021');
    expect(formatVietnameseDate('2021-02-05')).toBe('ngày 05 tháng 02 năm 2021');
    expect(formatVietnameseDate('2022-03-07')).toBe('ngày 07 tháng 3 năm 2022');
    expect(formatVietnameseDate('2021-11-20')).toBe('ngày 20 tháng 11 năm 2021');
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatVietnameseDate('2021-02-30')).toBe('2021-02-30');
    expect(formatVietnameseDate('sắp ban hành')).toBe('sắp ban hành');
  });

  it('round-trips through parseVietnameseDate', () => {
    for (const iso of ['2021-09-07', '2021-01-15', '2022-03-07', '1997-10-01']) {
      expect(toIso(parseVietnameseDate(formatVietnameseDate(iso))!)).toBe(iso);
    }
  });

  it('formatShortDate pads day and month', () => {
    expect(formatShortDate('2021-09-07')).toBe('07/09/2021');
  });
});
