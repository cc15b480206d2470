/** Dates as Vietnamese documents print them, and the ISO form the frontmatter stores. */

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The years a directive may carry: from the founding of the Party to a horizon no plan reaches. */
export const YEAR_MIN = 1930;
export const YEAR_MAX = 2100;

export function isValidDate({ year, month, day }: DateParts): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIso({ year, month, day }: DateParts): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2021-09-07` → parts; null when malformed or impossible (`2021-02-30`). */
export function parseIsoDate(s: string): DateParts | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(parts) ? parts : null;
}

/** Regex source for `ngày 07 tháng 9 năm 2021` (any spacing, `ngày` optional). */
export const VIETNAMESE_DATE = String.raw`(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
/** Regex source for `24/8/2021`, `01-10-1997`, `5.3.2020`. */
export const NUMERIC_DATE = String.raw`(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})`;

/**
 * The same two forms as regex sources without capturing groups, to compose into larger patterns
 * (citations, header lines); read what they matched with {@link parseVietnameseDate}.
 */
export const NUMERIC_DATE_TEXT = String.raw`\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}`;
export const WORDED_DATE_TEXT = String.raw`\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}`;

const vnDate = /* @__PURE__ */ new RegExp(VIETNAMESE_DATE, 'iu');
const numDate = /* @__PURE__ */ new RegExp(NUMERIC_DATE, 'u');

/** Find a date in text in either printed form; null when none or impossible. */
export function parseVietnameseDate(text: string): DateParts | null {
  const t = text.normalize('NFC');
  let m = vnDate.exec(t);
  if (m) {
    const parts = { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
    return isValidDate(parts) ? parts : null;
  }
  m = numDate.exec(t);
  if (m) {
    const parts = { day: Number(m[1]), month: Number(m[3]), year: Number(m[4]) };
    return isValidDate(parts) ? parts : null;
  }
  return null;
}

/**
 * Print a date the way the documents do (Nghị định 30/2020 rule): days below 10 and months 1 and 2 take a leading zero.
 * `2021-09-07` → `ngày 07 tháng 9 năm 2021`.
 */
export function formatVietnameseDate(iso: string): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  const dd = String(p.day).padStart(2, '0');
  const mm = p.month < 3 ? String(p.month).padStart(2, '0') : String(p.month);
  return `ngày ${dd} tháng ${mm} năm ${p.year}`;
}

/** Short numeric form for lists: `07/9/2021`. */
export function formatShortDate(iso: string): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

export const MONTH_NAMES = [
  'Tháng 1',
  'Tháng 2',
  'Tháng 3',
  'Tháng 4',
  'Tháng 5',
  'Tháng 6',
  'Tháng 7',
  'Tháng 8',
  'Tháng 9',
  'Tháng 10',
  'Tháng 11',
  'Tháng 12',
] as const;
