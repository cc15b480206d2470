/**
 * The one table of document types: key used in frontmatter and URLs, Vietnamese name,
 * and the type codes printed in numbers, per family (Party: `234-CV/BDVTU`, State: `12/KH-UBND`).
 */

export interface DocType {
  key: string;
  /** Name as a reader says it: "Công văn". */
  name: string;
  /** Codes in Party numbers (`NQ` in `05-NQ/TW`). */
  partyCodes: readonly string[];
  /** Codes in State numbers (`KH` in `12/KH-UBND`); a State công văn has none. */
  stateCodes: readonly string[];
}

export const DOC_TYPES = [
  // Joint documents carry their own codes: `NQLT` (nghị quyết liên tịch), `QCPH` (quy chế phối hợp) ...
  { key: 'nghi-quyet', name: 'Nghị quyết', partyCodes: ['NQ', 'NQLT'], stateCodes: ['NQ', 'NQLT'] },
  { key: 'quyet-dinh', name: 'Quyết định', partyCodes: ['QĐ', 'QĐLT'], stateCodes: ['QĐ', 'QĐLT'] },
  { key: 'quy-dinh', name: 'Quy định', partyCodes: ['QĐi', 'QĐ'], stateCodes: ['QyĐ'] },
  { key: 'chi-thi', name: 'Chỉ thị', partyCodes: ['CT'], stateCodes: ['CT'] },
  { key: 'ket-luan', name: 'Kết luận', partyCodes: ['KL'], stateCodes: [] },
  { key: 'quy-che', name: 'Quy chế', partyCodes: ['QC', 'QCPH'], stateCodes: ['QC', 'QCPH', 'QCLT'] },
  { key: 'huong-dan', name: 'Hướng dẫn', partyCodes: ['HD', 'HDLT'], stateCodes: ['HD', 'HDLT'] },
  { key: 'thong-bao', name: 'Thông báo', partyCodes: ['TB'], stateCodes: ['TB', 'TBLT'] },
  { key: 'thong-tri', name: 'Thông tri', partyCodes: ['TT'], stateCodes: [] },
  { key: 'ke-hoach', name: 'Kế hoạch', partyCodes: ['KH', 'KHPH', 'KHLT'], stateCodes: ['KH', 'KHPH', 'KHLT'] },
  { key: 'chuong-trinh', name: 'Chương trình', partyCodes: ['CTr', 'CTrPH'], stateCodes: ['CTr', 'CTrPH', 'CTPH'] },
  { key: 'de-an', name: 'Đề án', partyCodes: ['ĐA'], stateCodes: ['ĐA'] },
  { key: 'bao-cao', name: 'Báo cáo', partyCodes: ['BC'], stateCodes: ['BC'] },
  { key: 'to-trinh', name: 'Tờ trình', partyCodes: ['TTr'], stateCodes: ['TTr'] },
  { key: 'cong-van', name: 'Công văn', partyCodes: ['CV'], stateCodes: [] },
  { key: 'bien-ban', name: 'Biên bản', partyCodes: ['BB'], stateCodes: ['BB'] },
  { key: 'phuong-an', name: 'Phương án', partyCodes: ['PA'], stateCodes: ['PA'] },
  { key: 'nghi-dinh', name: 'Nghị định', partyCodes: [], stateCodes: ['NĐ'] },
  { key: 'thong-tu', name: 'Thông tư', partyCodes: [], stateCodes: ['TT', 'TTLT'] },
  { key: 'cong-dien', name: 'Công điện', partyCodes: [], stateCodes: ['CĐ'] },
  { key: 'thong-cao', name: 'Thông cáo', partyCodes: ['TC'], stateCodes: ['TC'] },
  { key: 'dieu-le', name: 'Điều lệ', partyCodes: ['ĐL'], stateCodes: [] },
  { key: 'loi-keu-goi', name: 'Lời kêu gọi', partyCodes: [], stateCodes: [] },
  { key: 'thu-ngo', name: 'Thư ngỏ', partyCodes: [], stateCodes: [] },
  { key: 'giay-moi', name: 'Giấy mời', partyCodes: ['GM'], stateCodes: ['GM'] },
] as const satisfies readonly DocType[];

export type DocTypeKey = (typeof DOC_TYPES)[number]['key'];
export const DOC_TYPE_KEYS = DOC_TYPES.map((t) => t.key) as [DocTypeKey, ...DocTypeKey[]];

const byKey = new Map<string, DocType>(DOC_TYPES.map((t) => [t.key, t]));

export function docType(key: string): DocType | undefined {
  return byKey.get(key);
}

/** Codes compare case-insensitively and with `Đ` = `D` (`CTR` = `CTr`, `QD` = `QĐ`). */
export function normalizeCode(code: string): string {
  return code.normalize('NFC').replace(/[đð]/g, 'd').replace(/[ĐÐ]/g, 'D').toUpperCase();
}

export type Family = 'party' | 'state';

const codeIndex: Record<Family, Map<string, DocType[]>> = { party: new Map(), state: new Map() };
for (const t of DOC_TYPES as readonly DocType[]) {
  for (const [family, codes] of [
    ['party', t.partyCodes],
    ['state', t.stateCodes],
  ] as const) {
    for (const c of codes) {
      const k = normalizeCode(c);
      codeIndex[family].set(k, [...(codeIndex[family].get(k) ?? []), t]);
    }
  }
}

/** Types a code can stand for in a family; `QĐ` in a Party number is Quyết định or Quy định. */
export function typesForCode(code: string, family: Family): DocType[] {
  return codeIndex[family].get(normalizeCode(code)) ?? [];
}

export function isTypeCode(code: string, family: Family): boolean {
  return codeIndex[family].has(normalizeCode(code));
}

/** Type whose printed name (`CHỈ THỊ`, `Kế hoạch`) is exactly `text`, for the importer's type-name line and for citations. */
export function typeByName(text: string): DocType | undefined {
  const wanted = text.normalize('NFC').trim().toLocaleLowerCase('vi');
  return (DOC_TYPES as readonly DocType[]).find((t) => t.name.toLocaleLowerCase('vi') === wanted);
}
