/**
 * What the formal layout prints, derived from a directive's metadata: the motto of its family,
 * `Số` with or without colon, the type-name line, the signing block lines.
 */
import { formatVietnameseDate } from '../model/dates.ts';
import { docType } from '../model/doc-types.ts';
import { parseNumber } from '../model/numbers.ts';
import type { DirectiveData, Issuer } from '../model/schema.ts';

export interface FormalParts {
  family: 'party' | 'state';
  motto: string[];
  numberLine: string;
  placeDate: string;
  /** `CHỈ THỊ`; null for a công văn, whose subject sits under the number. */
  typeLine: string | null;
  signing: string[];
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The title line at top right: the Party's, the Đoàn's (which numbers its documents the Party's way), or the State's. */
function motto(family: 'party' | 'state', issuer: Issuer): string[] {
  if (family === 'party')
    return issuer.family === 'mass' && /đoàn/iu.test(issuer.name) ? ['ĐOÀN TNCS HỒ CHÍ MINH'] : ['ĐẢNG CỘNG SẢN VIỆT NAM'];
  return ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
}

export function formalParts(data: DirectiveData, issuer: Issuer): FormalParts {
  const family = parseNumber(data.number)?.family ?? (issuer.family === 'party' ? 'party' : 'state');
  const date = formatVietnameseDate(data.issued);
  return {
    family,
    motto: motto(family, issuer),
    // Party numbers print without a colon, State ones with.
    numberLine: family === 'party' ? `Số ${data.number}` : `Số: ${data.number}`,
    placeDate: data.place ? `${data.place}, ${date}` : date.replace(/^n/, 'N'),
    typeLine: data.type === 'cong-van' ? null : upper(docType(data.type)?.name ?? data.type),
    signing: [data.signer?.authority, data.signer?.title].filter((s): s is string => !!s).map(upper),
  };
}
