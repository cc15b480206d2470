/**
 * Issuer block lines → registry entries. `TỈNH ỦY TUYÊN QUANG` / `BAN DÂN VẬN` is the Ban Dân vận of the
 * Tỉnh ủy Tuyên Quang; `ĐẢNG BỘ TỈNH BẾN TRE` / `ĐẢNG ỦY KHỐI` / `CƠ QUAN - DOANH NGHIỆP TỈNH` is one body
 * wrapped over two lines under the Tỉnh ủy Bến Tre; `UBND TỈNH NAM ĐỊNH` / `SỞ Y TẾ` is the Sở Y tế of Nam Định.
 * Existing registry entries are matched first (same folded name, or same province + code for the issuer);
 * bodies and provinces not in the registry are returned as additions, never written here.
 */
import { normalizeCode, type Family } from '../doc-types.ts';
import type { ParsedNumber } from '../numbers.ts';
import type { Issuer, Province, Registry } from '../schema.ts';
import { foldVietnamese, slugify } from '../text.ts';
import { nameCase, personName } from './casing.ts';
import { lookupProvince, provinceAtEnd, provinceKey } from './provinces.ts';

type Level = Issuer['level'];

/** A body as read from the header, before matching the registry. */
interface BodyDraft {
  name: string;
  code: string;
  family: Family;
  level: Level;
  province?: { name: string; city: boolean } | undefined;
  locality?: string | undefined;
  header?: string[] | undefined;
  /** How a sub-body names itself relative to this one: `Ban Dân vận` + `Tỉnh ủy Tuyên Quang`. */
  suffixForBoards: string;
  /** Same for party committees and state agencies under it: `Đảng ủy Khối ...` + `tỉnh Bến Tre`. */
  suffixForUnits: string;
  kind: 'committee' | 'people' | 'central' | 'sub';
}

export type ResolveResult =
  | { ok: true; issuer: Issuer; additions: { provinces: Province[]; issuers: Issuer[] } }
  | { ok: false; reason: string };

const STARTS_BODY = /^(dang bo|dang uy|tinh uy|thanh uy|huyen uy|quan uy|thi uy|chi bo|ban|so|uy ban|ubnd|hdnd|hoi dong|van phong|phong|cuc|chi cuc|tong cuc|bo|trung tam|doan|mat tran|hoi|cong an|truong|benh vien|vien|chinh phu|quoc hoi)\b/u;

/** Wrapped issuer names: a line that does not start with a body word continues the line above. */
export function joinIssuerLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const t = l.trim().replace(/\s+/g, ' ');
    if (out.length && !STARTS_BODY.test(foldVietnamese(t))) out[out.length - 1] = `${out.at(-1)} ${t}`;
    else out.push(t);
  }
  return out;
}

/** Initials of a name, for bodies whose code no number shows: `Tỉnh ủy` → `TU`, `Sở Y tế` → `SYT`. */
export function initials(name: string): string {
  return name.split(/[\s-]+/).filter(Boolean).map((w) => w[0]!.toLocaleUpperCase('vi')).join('');
}

const placeName = (raw: string) => {
  const known = lookupProvince(raw);
  return known ?? { name: personName(raw.toLocaleUpperCase('vi')), city: false };
};

const UNIT_WORDS: Record<string, { word: string; level: Level }> = {
  'tinh': { word: 'tỉnh', level: 'province' }, 'thanh pho': { word: 'thành phố', level: 'province' },
  'huyen': { word: 'huyện', level: 'district' }, 'quan': { word: 'quận', level: 'district' }, 'thi xa': { word: 'thị xã', level: 'district' },
  'xa': { word: 'xã', level: 'commune' }, 'phuong': { word: 'phường', level: 'commune' }, 'thi tran': { word: 'thị trấn', level: 'commune' },
};
const UNIT_RE = '(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)';

/** Original-text words after the first `n` words (folding keeps word count, so indexes line up). */
const wordsAfter = (t: string, n: number) => t.split(' ').slice(n).join(' ');

function describe(t: string, parent: BodyDraft | null, family: Family): BodyDraft | { error: string } {
  const f = foldVietnamese(t).replace(/\s+/g, ' ');
  const ctxProvince = parent?.province;
  let m: RegExpExecArray | null;

  if (/^ban chap hanh trung uong( dang)?$/.test(f)) {
    return { name: 'Ban Chấp hành Trung ương Đảng', code: 'TW', family: 'party', level: 'national', suffixForBoards: 'Trung ương', suffixForUnits: 'Trung ương', kind: 'central' };
  }
  // Provincial party committee: `ĐẢNG BỘ TỈNH BẾN TRE`, `TỈNH ỦY TUYÊN QUANG`, `THÀNH ỦY HÀ NỘI`, or a bare `TỈNH ỦY` under one.
  if ((m = /^dang bo (tinh|thanh pho) (.+)$/.exec(f)) && !(ctxProvince && m[1] === 'thanh pho')) {
    return provinceCommittee(placeName(wordsAfter(t, m[1] === 'tinh' ? 3 : 4)), m[1] === 'thanh pho');
  }
  if ((m = /^(tinh|thanh) uy(?: (.+))?$/.exec(f))) {
    const named = m[2] ? placeName(wordsAfter(t, 2)) : undefined;
    if (!named || !ctxProvince || provinceKey(named.name) === provinceKey(ctxProvince.name)) {
      const p = named ?? ctxProvince;
      if (!p) return { error: `"${t}" không ghi tên tỉnh` };
      if (parent && parent.kind === 'committee' && parent.level === 'province' && !named) return parent;
      return provinceCommittee(p, m[1] === 'thanh' || p.city);
    }
  }
  // District and commune party committees.
  if ((m = /^(huyen|quan|thi|thanh) uy (.+)$/.exec(f)) || (m = /^dang bo (huyen|quan|thi xa|thanh pho) (.+)$/.exec(f))) {
    const isDangBo = f.startsWith('dang bo');
    const unit = m[1]!;
    const locality = personName(wordsAfter(t, isDangBo ? 2 + unit.split(' ').length : 2).toLocaleUpperCase('vi'));
    const word = { huyen: 'Huyện ủy', quan: 'Quận ủy', thi: 'Thị ủy', 'thi xa': 'Thị ủy', thanh: 'Thành ủy', 'thanh pho': 'Thành ủy' }[unit]!;
    const name = `${word} ${locality}`;
    return { name, code: initials(word), family: 'party', level: 'district', province: ctxProvince, locality, suffixForBoards: name, suffixForUnits: `${UNIT_WORDS[unit === 'thi' ? 'thi xa' : unit === 'thanh' ? 'thanh pho' : unit]?.word ?? 'huyện'} ${locality}`, kind: 'committee' };
  }
  // People's committees and councils: `ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH`, `UBND HUYỆN YÊN SƠN`.
  if ((m = new RegExp(`^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) ${UNIT_RE} (.+)$`, 'u').exec(f))) {
    const council = m[1]!.startsWith('h');
    const unit = UNIT_WORDS[m[2]!]!;
    const skip = m[1]!.split(' ').length + m[2]!.split(' ').length;
    const rawPlace = wordsAfter(t, skip);
    const isProvince = unit.level === 'province' && !(ctxProvince && m[2] === 'thanh pho');
    const p = isProvince ? placeName(rawPlace) : ctxProvince;
    const locality = isProvince ? undefined : personName(rawPlace.toLocaleUpperCase('vi'));
    const level: Level = isProvince ? 'province' : unit.level === 'province' ? 'district' : unit.level;
    const placeText = isProvince ? p!.name : locality!;
    const name = `${council ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân'} ${unit.word} ${placeText}`;
    return { name, code: council ? 'HĐND' : 'UBND', family: 'state', level, province: p, locality, suffixForBoards: `${unit.word} ${placeText}`, suffixForUnits: `${unit.word} ${placeText}`, kind: 'people' };
  }
  // National state bodies: `BỘ Y TẾ`, `CHÍNH PHỦ`.
  if (!parent && /^(bo|chinh phu|van phong chinh phu|quoc hoi)\b/.test(f) && !provinceAtEnd(t)) {
    const name = nameCase(t);
    return { name, code: initials(name), family: 'state', level: 'national', suffixForBoards: name, suffixForUnits: name, kind: 'central' };
  }
  // A body under the one above (or naming its province at the end: `SỞ Y TẾ NAM ĐỊNH`).
  let own = t;
  let province = ctxProvince;
  const tail = provinceAtEnd(t);
  if (tail && tail.rest && (!ctxProvince || provinceKey(tail.province.name) === provinceKey(ctxProvince.name))) {
    own = tail.rest.replace(/\s+(TỈNH|THÀNH PHỐ)$/u, '');
    province = tail.province;
  }
  if (!parent && !province) return { error: `không rõ "${t}" thuộc cơ quan nào, tỉnh nào (thiếu dòng cơ quan cấp trên ở đầu văn bản)` };
  const ownName = nameCase(own);
  const endsWithUnit = /\s(tỉnh|thành phố|huyện|quận|xã|phường)$/u.test(ownName);
  const isCommittee = /^(đảng ủy|đảng uỷ|chi bộ)/iu.test(ownName);
  let name: string;
  if (endsWithUnit) name = `${ownName} ${parent?.locality ?? province?.name ?? ''}`.trim();
  else if (!parent) name = `${ownName} ${province!.city ? 'thành phố' : 'tỉnh'} ${province!.name}`;
  else if (isCommittee || parent.kind === 'people') name = `${ownName} ${parent.suffixForUnits}`;
  else name = `${ownName} ${parent.suffixForBoards}`;
  const level: Level = parent?.level ?? 'province';
  const isParty = parent ? parent.family === 'party' : family === 'party';
  return {
    name, code: initials(ownName), family: isParty ? 'party' : 'state', level, province, locality: parent?.locality,
    suffixForBoards: name, suffixForUnits: isCommittee ? name : (parent?.suffixForUnits ?? name), kind: isCommittee ? 'committee' : 'sub',
  };
}

function provinceCommittee(p: { name: string; city: boolean }, city: boolean): BodyDraft {
  const name = `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${p.name}`;
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  return {
    name, code: 'TU', family: 'party', level: 'province', province: p, suffixForBoards: name,
    suffixForUnits: `${city ? 'thành phố' : 'tỉnh'} ${p.name}`, kind: 'committee',
    header: [`ĐẢNG BỘ ${city ? 'THÀNH PHỐ' : 'TỈNH'} ${upper(p.name)}`, city ? 'THÀNH ỦY' : 'TỈNH ỦY'],
  };
}

export interface ResolveInput {
  issuerLines: readonly string[];
  number: ParsedNumber;
  /** `T/M Bộ Chính trị`: under a `BAN CHẤP HÀNH TRUNG ƯƠNG` header, the signing body is the issuer. */
  authority?: string | undefined;
}

export function resolveIssuer(input: ResolveInput, registry: Registry): ResolveResult {
  if (!input.issuerLines.length) return { ok: false, reason: 'không thấy tên cơ quan ban hành ở đầu văn bản (các dòng chữ in hoa phía trên số hiệu)' };
  const bodies = joinIssuerLines(input.issuerLines);
  const drafts: BodyDraft[] = [];
  for (const b of bodies) {
    const d = describe(b, drafts.at(-1) ?? null, input.number.family);
    if ('error' in d) return { ok: false, reason: d.error };
    if (drafts.at(-1) !== d) drafts.push(d);
  }
  // Politburo and Secretariat documents carry the Central Committee header.
  const last = drafts.at(-1)!;
  if (last.kind === 'central' && last.family === 'party' && input.authority) {
    const fa = foldVietnamese(input.authority);
    const named = /bo chinh tri/.test(fa) ? 'Bộ Chính trị' : /ban bi thu/.test(fa) ? 'Ban Bí thư' : null;
    if (named) drafts.push({ name: named, code: 'TW', family: 'party', level: 'national', suffixForBoards: named, suffixForUnits: named, kind: 'central', header: last.header });
  }
  const final = drafts.at(-1)!;
  final.code = input.number.issuerCode;
  final.header = input.issuerLines.map((l) => l.trim());

  const provinces = registry.provinces.slice();
  const issuers = registry.issuers.slice();
  const added = { provinces: [] as Province[], issuers: [] as Issuer[] };

  const provinceId = (p: { name: string } | undefined): string | undefined => {
    if (!p) return undefined;
    const k = provinceKey(p.name);
    const found = provinces.find((x) => provinceKey(x.name) === k || x.id === slugify(p.name));
    if (found) return found.id;
    const created = { id: slugify(p.name), name: p.name };
    provinces.push(created); added.provinces.push(created);
    return created.id;
  };

  let parentId: string | undefined;
  let resolved: Issuer | undefined;
  for (const [i, d] of drafts.entries()) {
    const isFinal = i === drafts.length - 1;
    const prov = d.level === 'national' ? undefined : provinceId(d.province);
    if (d.level !== 'national' && !prov) return { ok: false, reason: `không xác định được tỉnh của "${d.name}"; thêm dòng cơ quan cấp trên (ví dụ TỈNH ỦY ...) hoặc thêm cơ quan vào content/issuers.yaml` };
    const fname = foldVietnamese(d.name);
    // District names repeat across provinces (Châu Thành is in ten): a name matches only in its own province.
    let match = issuers.find((x) => x.province === prov && foldVietnamese(x.name) === fname);
    if (!match && (isFinal || d.kind === 'committee' || d.kind === 'people')) {
      match = issuers.find((x) => x.family === d.family && x.level === d.level && x.province === prov
        && normalizeCode(x.code) === normalizeCode(d.code) && (x.locality ?? '') === (d.locality ?? '')
        && (d.level !== 'national' || foldVietnamese(x.name) === fname));
    }
    if (!match) {
      const created: Issuer = { id: freeId(slugify(d.name), prov, issuers), name: d.name, code: d.code, family: d.family, level: d.level };
      if (prov) created.province = prov;
      if (d.locality) created.locality = d.locality;
      if (parentId) created.parent = parentId;
      if (d.header?.length) created.header = d.header;
      issuers.push(created); added.issuers.push(created);
      match = created;
    }
    parentId = match.id;
    resolved = match;
  }
  const issuer = resolved!;
  if (issuer.family === 'party' && input.number.family === 'party' && normalizeCode(issuer.code) !== normalizeCode(input.number.issuerCode)) {
    return { ok: false, reason: `mã cơ quan "${input.number.issuerCode}" trong số hiệu khác mã "${issuer.code}" của ${issuer.name} (id ${issuer.id}) trong content/issuers.yaml; kiểm tra lại đầu văn bản hoặc sổ đăng ký` };
  }
  return { ok: true, issuer, additions: added };
}

/** A new issuer's id: its slug, or with the province appended when another body already holds it. */
function freeId(base: string, province: string | undefined, issuers: readonly Issuer[]): string {
  const taken = new Set(issuers.map((x) => x.id));
  if (!taken.has(base)) return base;
  const withProvince = province && !base.endsWith(province) ? `${base}-${province}` : base;
  let id = withProvince;
  for (let n = 2; taken.has(id); n++) id = `${withProvince}-${n}`;
  return id;
}
