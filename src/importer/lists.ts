/**
 * `Kính gửi` (addressees) and `Nơi nhận` (distribution) lists: `-` items whose text may wrap onto lines
 * without a marker. Items are stored without the marker and without trailing `,` `;` `.`.
 */

export const KINH_GUI = /^Kính\s*gửi\s*:?\s*/iu;
export const NOI_NHAN = /^Nơi\s*nhận\s*:?\s*/iu;

const MARKER = /^[-–—+•∙]\s*/u;

export function isListItem(text: string): boolean {
  return /^[-–—+•∙]\s*\S/u.test(text) && !/^[-–—_=.*\s]+$/u.test(text);
}

/** `- Ban Dân vận TW Đảng (B/c),` → `Ban Dân vận TW Đảng (B/c)`. */
export function itemText(text: string): string {
  return text
    .replace(MARKER, '')
    .replace(/[\s,;.]+$/u, '')
    .trim();
}

/** A growing list of items; a line without marker continues the previous item (a wrapped line). */
export class ItemList {
  /** Items as printed (marker removed), trailing punctuation kept until {@link items} is read. */
  private raw: string[] = [];

  get items(): string[] {
    return this.raw.map(itemText).filter(Boolean);
  }

  add(text: string): void {
    this.raw.push(text.replace(MARKER, '').trim());
  }

  /** The last item ends with `.`: the list reads as finished. */
  get closed(): boolean {
    const last = this.raw.at(-1);
    return last !== undefined && /\.\s*$/.test(last) && !/(?:v\.v|B\/c)\.\s*$/iu.test(last);
  }

  /** Append a wrapped line to the last item; false when there is no item, or the last one reads as finished (`.`). */
  continueWith(text: string): boolean {
    const last = this.raw.at(-1);
    if (last === undefined || this.closed) return false;
    this.raw[this.raw.length - 1] = `${last} ${text.trim()}`;
    return true;
  }
}
